"""Shared fixtures: the store suite runs on the embedded store, and on Neo4j where EDUGRAPH_TEST_NEO4J_URI names
a test server (never NEO4J_URI: the tests must not reach a researcher's own database)."""

from __future__ import annotations

import os
from pathlib import Path

import psutil
import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("EDUGRAPH_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"


def redis_servers() -> set[int]:
    out = set()
    for p in psutil.process_iter(["name", "status"]):
        try:
            if "redis-server" in (p.info["name"] or "") and p.info["status"] != psutil.STATUS_ZOMBIE:
                out.add(p.pid)
        except psutil.Error:
            pass
    return out


_BEFORE = redis_servers()


def pytest_sessionfinish(session, exitstatus):
    """No redis-server started by the test suite may outlive it."""
    import gc
    import time

    gc.collect()
    deadline = time.monotonic() + 10
    left = redis_servers() - _BEFORE
    while left and time.monotonic() < deadline:
        time.sleep(0.1)
        left = redis_servers() - _BEFORE
    if left:
        session.config.pluginmanager.get_plugin("terminalreporter").write_line(
            f"FAILED: redis-server processes left running by the tests: {sorted(left)}", red=True
        )
        session.exitstatus = 1


@pytest.fixture(params=["embedded", "neo4j"])
def store(request, tmp_path):
    """A fresh, empty store of each backend."""
    from edugraph.graph.store import open_store

    if request.param == "neo4j":
        # Never NEO4J_URI: a researcher's own database must be out of the tests' reach. The tests write only
        # to a database named for them, and only when it is empty or was emptied by an earlier test run.
        uri = os.environ.get("EDUGRAPH_TEST_NEO4J_URI")
        if not uri:
            pytest.skip("EDUGRAPH_TEST_NEO4J_URI is not set: the Neo4j run of the store suite needs a test server")
        s = open_store(uri)
        marked = s.run("MATCH (m:EduGraphTestRun) RETURN count(m) AS n")[0]["n"]
        others = s.run("MATCH (n) WHERE NOT n:EduGraphTestRun RETURN count(n) AS n")[0]["n"]
        if others and not marked:
            s.close()
            pytest.fail(f"{s.location} holds {others} nodes the tests did not write: give the tests an empty "
                        "database (EDUGRAPH_TEST_NEO4J_URI) — they delete what they write")
        s.run("MERGE (:EduGraphTestRun {id: 'edugraph-tests'})", write=True)
        s.run("MATCH (n) WHERE NOT n:EduGraphTestRun DETACH DELETE n", write=True)
    else:
        s = open_store(str(tmp_path / "test.db"))
    try:
        yield s
    finally:
        s.close()


@pytest.fixture
def corpus():
    if not (CORPUS / "seeds").is_dir():
        pytest.skip(f"the seed corpus is not at {CORPUS} (it lives beside the checkout in shared/)")
    return CORPUS
