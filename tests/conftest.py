"""Shared fixtures: the store suite runs on the embedded store and on a real Neo4j server.

The Neo4j tests write only to a server this test run started itself (in a temporary folder, on free
loopback ports, with a password of its own; ``devtools/neo4j_server.py``), or to a test database named
explicitly by ``EDUGRAPH_TEST_NEO4J_URI``. ``NEO4J_URI`` and the other ``NEO4J_*`` variables are removed
before any test runs: the tests must not reach a researcher's own database. Where Neo4j is not installed
(``python devtools/neo4j_server.py install``) the Neo4j tests are skipped, unless
``EDUGRAPH_REQUIRE_NEO4J=1`` (CI) makes that a failure.
"""

from __future__ import annotations

import importlib.util
import os
import secrets
from pathlib import Path

import psutil
import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("EDUGRAPH_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"

for _name in ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
    os.environ.pop(_name, None)


def neo4j_devserver():
    """The launcher module (devtools/ is not a package: it must run on any Python, outside the venv)."""
    spec = importlib.util.spec_from_file_location("edugraph_neo4j_devserver", ROOT / "devtools" / "neo4j_server.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _no_neo4j(reason: str):
    if os.environ.get("EDUGRAPH_REQUIRE_NEO4J"):
        pytest.fail(f"EDUGRAPH_REQUIRE_NEO4J is set and {reason}")
    pytest.skip(reason)


class TestNeo4j:
    """The Neo4j the tests may write to: its URI (credentials included) and, if this run started it, the server."""

    def __init__(self, uri: str, server=None, password: str = ""):
        self.uri, self.server, self.password = uri, server, password
        self.checked = server is not None  # a server this run started holds only what the tests wrote

    def fresh(self):
        """An open store on the test database, emptied (an explicit test database must be empty at first use)."""
        from edugraph.graph.store import open_store

        s = open_store(self.uri)
        if not self.checked:
            others = s.run("MATCH (n) RETURN count(n) AS n")[0]["n"]
            if others:
                s.close()
                pytest.fail(f"{s.location} holds {others} nodes: give the tests an empty database "
                            "(EDUGRAPH_TEST_NEO4J_URI) — they delete what they write, and empty it when done")
            self.checked = True
        s.run("MATCH (n) DETACH DELETE n", write=True)
        return s

    def empty(self):
        if self.checked:
            with self.fresh():
                pass


@pytest.fixture(scope="session")
def neo4j(tmp_path_factory):
    """A real Neo4j for this test run (started here and stopped at the end), or the explicit test database."""
    explicit = os.environ.get("EDUGRAPH_TEST_NEO4J_URI")
    if explicit:
        test_neo4j = TestNeo4j(explicit)
        yield test_neo4j
        test_neo4j.empty()
        return
    dev = neo4j_devserver()
    if not dev.installed():
        _no_neo4j("Neo4j is not installed for the tests: `python devtools/neo4j_server.py install` (needs Maven "
                  "and Java 21+), or point EDUGRAPH_TEST_NEO4J_URI at an empty test database")
    password = secrets.token_hex(8)
    server = dev.Neo4jServer(tmp_path_factory.mktemp("neo4j-home"), dev.free_port(), dev.free_port(), password)
    try:
        server.start()
    except dev.NeoServerError as exc:
        _no_neo4j(f"the test Neo4j did not start: {exc}")
    try:
        yield TestNeo4j(f"neo4j://neo4j:{password}@127.0.0.1:{server.bolt_port}", server, password)
    finally:
        server.stop()


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
        s = request.getfixturevalue("neo4j").fresh()
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
