"""Shared fixtures: the store suite runs on the embedded store and on real Neo4j servers of two release lines.

The Neo4j tests write only to servers this test run started itself (in temporary folders, on free
loopback ports, with a password of their own; ``devtools/neo4j_server.py``): one of the 2026.x line and
one of the 5.26 LTS line, so every Neo4j test runs on both (ids ``neo4j-2026`` and ``neo4j-5``).
``EDUGRAPH_TEST_NEO4J_LINES`` narrows that (``2026``, ``5``, or ``none`` to deselect the Neo4j tests);
``EDUGRAPH_TEST_NEO4J_URI`` names an empty test database to use instead (``neo4j-uri``). ``NEO4J_URI`` and
the other ``NEO4J_*`` variables are removed before any test runs: the tests must not reach a researcher's
own database. A part that is missing (Neo4j, its Java, Chromium, a Korean font, the shared corpus) fails
the tests that need it with the command that installs it (``./setup.sh --dev`` installs them all); no
test is skipped for want of it.
"""

from __future__ import annotations

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


def _neo4j_targets() -> list[str]:
    if os.environ.get("EDUGRAPH_TEST_NEO4J_URI"):
        return ["uri"]
    chosen = os.environ.get("EDUGRAPH_TEST_NEO4J_LINES", "2026,5").strip()
    return [] if chosen == "none" else [t.strip() for t in chosen.split(",") if t.strip()]


NEO4J_TARGETS = _neo4j_targets()
# the store and db fixtures' parameters: the embedded store, then each Neo4j
STORES = ["embedded", *(f"neo4j-{t}" for t in NEO4J_TARGETS or ["none"])]


def neo4j_devserver():
    """The launcher module devtools/neo4j_server.py."""
    from benchmarks.neo4j_bench import devserver

    return devserver()


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
def neo4j_servers(tmp_path_factory):
    """``get(target)``: the Neo4j of a target ("2026", "5" or "uri"), started at first use, stopped at the end."""
    started: dict[str, TestNeo4j] = {}
    failed: dict[str, str] = {}

    def get(target: str) -> TestNeo4j:
        if target in failed:
            pytest.fail(failed[target])
        if target in started:
            return started[target]
        if target == "uri":
            started[target] = TestNeo4j(os.environ["EDUGRAPH_TEST_NEO4J_URI"])
            return started[target]
        dev = neo4j_devserver()
        try:
            line = dev.line(target)
            if not line.installed():
                raise dev.NeoServerError(f"Neo4j {line.version} is not installed")
            password = secrets.token_hex(8)
            server = dev.Neo4jServer(tmp_path_factory.mktemp(f"neo4j-{target}-home"), dev.free_port(),
                                     dev.free_port(), password, line=line)
            server.start()
        except dev.NeoServerError as exc:
            failed[target] = (f"the test Neo4j ({target} line) is not available: {exc}. Install it with "
                              f"`./setup.sh --dev` (or `python devtools/neo4j_server.py install --all`, which "
                              f"needs Maven; the 2026 line runs on Java 21+, the 5 line on Java 17 to 21), or "
                              f"choose lines with EDUGRAPH_TEST_NEO4J_LINES (2026, 5, none)")
            pytest.fail(failed[target])
        started[target] = TestNeo4j(f"neo4j://neo4j:{password}@127.0.0.1:{server.bolt_port}", server, password)
        return started[target]

    try:
        yield get
    finally:
        for test_neo4j in started.values():
            if test_neo4j.server is not None:
                test_neo4j.server.stop()
            else:
                test_neo4j.empty()


@pytest.fixture(scope="session", params=NEO4J_TARGETS or ["none"], ids=lambda t: f"neo4j-{t}")
def neo4j(request, neo4j_servers):
    """A real Neo4j for this test run, once per release line (started here and stopped at the end)."""
    return neo4j_servers(request.param)


def pytest_collection_modifyitems(config, items):
    """EDUGRAPH_TEST_NEO4J_LINES=none deselects every test that needs Neo4j (reported as deselected, not skipped)."""
    if NEO4J_TARGETS:
        return
    keep, drop = [], []
    for item in items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        uses = "neo4j" in item.fixturenames or any(str(v).startswith("neo4j-") for v in params.values())
        (drop if uses else keep).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


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


@pytest.fixture(params=STORES)
def store(request, tmp_path):
    """A fresh, empty store of each backend (each Neo4j release line)."""
    from edugraph.graph.store import open_store

    if request.param.startswith("neo4j-"):
        s = request.getfixturevalue("neo4j_servers")(request.param.removeprefix("neo4j-")).fresh()
    else:
        s = open_store(str(tmp_path / "test.db"))
    try:
        yield s
    finally:
        s.close()


@pytest.fixture
def corpus():
    if not (CORPUS / "seeds").is_dir():
        pytest.fail(f"the seed corpus is not at {CORPUS}: put the project's shared/ folder beside the checkout "
                    "(or set EDUGRAPH_SHARED to it)")
    return CORPUS
