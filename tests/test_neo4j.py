"""Neo4j as a real server: parity with the embedded store, round trips into Neo4j, transactions and faults.

Every test here runs against each Neo4j server this test run started (``neo4j`` fixture in conftest.py: the
2026.x and the 5.26 LTS lines), never against a researcher's database. The catalogue's golden results run on
every store in tests/test_queries.py; this module compares what the rest of the tool makes from each store.
"""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from edugraph.cli import main
from edugraph.graph.export import script_statements
from edugraph.graph.store import open_store
from edugraph.queries.analysis import analyze
from edugraph.queries.catalogue import ask

from .conftest import ROOT, neo4j_devserver
from .parts import korean_font
from .test_queries import ARGS, FIXTURE, _golden, _normal

EDUGRAPH = [sys.executable, "-m", "edugraph"]


def run(*args, env=None):
    return CliRunner(env=env).invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def both(neo4j, tmp_path_factory):
    """The fixture graph on both stores: (embedded path, Neo4j URI)."""
    neo4j.fresh().close()
    path = str(tmp_path_factory.mktemp("parity") / "fixture.db")
    for where in (path, neo4j.uri):
        assert run("build", "--no-examples", "--store", where).exit_code == 0
        assert run("ingest", FIXTURE, "--store", where).exit_code == 0
    return path, neo4j.uri


def _stats(where):
    out = run("stats", "--store", where, "--json")
    assert out.exit_code == 0, out.output
    return json.loads(out.output)


def test_same_graph_on_both_stores(both):
    embedded, neo = both
    assert _stats(embedded) == _stats(neo)


@pytest.mark.parametrize("measure,args,kw", [
    ("centrality", (), {}), ("brokers", (), {"by": "type"}), ("communities", (), {"seed": 7}),
    ("ego", ("오산시",), {"depth": 2}), ("chains", ("한신대학교", "경기도수원교육지원청"), {}), ("growth", (), {}),
])
def test_analyses_equal_on_both_stores(both, measure, args, kw):
    with open_store(both[0], create=False) as a, open_store(both[1]) as b:
        left, right = analyze(a, measure, *args, **kw), analyze(b, measure, *args, **kw)
    assert left and _normal(left) == _normal(right)


def _export(where, fmt, out: Path) -> Path:
    result = run("export", "--format", fmt, "-o", out, "--store", where)
    assert result.exit_code == 0, result.output
    return out


def _files(path: Path) -> dict:
    """A file or a folder's files as {name: sorted lines} (exports are equal up to order)."""
    files = sorted(f for f in path.rglob("*") if f.is_file()) if path.is_dir() else [path]
    out = {}
    for f in files:
        if zipfile.is_zipfile(f):
            with zipfile.ZipFile(f) as z:
                out.update({f"{f.name}/{n}": sorted(z.read(n).decode("utf-8").splitlines()) for n in z.namelist()})
            continue
        text = f.read_text(encoding="utf-8")
        if f.suffix == ".json" and f.name != "edugraph.grass":
            data = json.loads(text)
            text = json.dumps(_sorted_json(data), ensure_ascii=False, sort_keys=True, indent=0)
        out[str(f.relative_to(path)) if path.is_dir() else f.name] = sorted(text.splitlines())
    return out


def _sorted_json(value):
    if isinstance(value, dict):
        return {k: _sorted_json(v) for k, v in value.items()}
    if isinstance(value, list):
        items = [_sorted_json(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
    return value


@pytest.mark.parametrize("fmt,name", [("json", "g.json"), ("csv", "csv"), ("cypher", "g.cypher"),
                                      ("neo4j-admin", "admin"), ("graphml", "g.graphml"), ("gexf", "g.gexf"),
                                      ("browser", "browser")])
def test_every_export_is_the_same_from_neo4j(both, tmp_path, fmt, name):
    (tmp_path / "embedded").mkdir()
    (tmp_path / "neo4j").mkdir()
    left = _export(both[0], fmt, tmp_path / "embedded" / name)
    right = _export(both[1], fmt, tmp_path / "neo4j" / name)
    assert _files(left) == _files(right)


def test_maps_and_figures_from_neo4j(both, tmp_path):
    korean_font()  # the figure at the end draws Korean captions
    for view in ([], ["--actor", "오산시"], ["--program", "미래교육협력지구"]):
        pages = []
        for where in both:
            out = tmp_path / f"map{len(pages)}.html"
            result = run("map", "-o", out, *view, "--store", where)
            assert result.exit_code == 0, result.output
            pages.append(out.read_text(encoding="utf-8"))
        # the same network drawn the same way: seeded layout, same nodes and edges
        assert pages[0] == pages[1]
    png = tmp_path / "ego.png"
    assert run("map", "-o", png, "--actor", "오산시", "--store", both[1]).exit_code == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def _answers(where) -> dict:
    with open_store(where, create=False) as s:
        return {name: _normal(ask(s, name, *ARGS[name])) for name in ARGS}


def test_cypher_script_loads_into_an_empty_neo4j(both, neo4j, tmp_path):
    """The exported script, run statement by statement through the driver (what cypher-shell -f does)."""
    script = _export(both[0], "cypher", tmp_path / "g.cypher")
    expected = _stats(both[0])
    with neo4j.fresh() as s:
        for statement in script_statements(script.read_text(encoding="utf-8")):
            s.run(statement, write=True)
    assert _stats(neo4j.uri) == expected
    answers = _answers(neo4j.uri)
    for name in ARGS:
        assert answers[name] == _normal(_golden(name, None)), name
    # leave the fixture graph as the module found it
    neo4j.fresh().close()
    assert run("build", "--no-examples", "--store", neo4j.uri).exit_code == 0
    assert run("ingest", FIXTURE, "--store", neo4j.uri).exit_code == 0


@pytest.fixture(scope="module")
def second_server(neo4j, tmp_path_factory):
    """A second Neo4j of this test run, for what needs a stopped server (the import tool, a crash)."""
    if neo4j.server is None:
        pytest.skip("needs a Neo4j this test run starts itself (not EDUGRAPH_TEST_NEO4J_URI)")
    dev = neo4j_devserver()
    server = dev.Neo4jServer(tmp_path_factory.mktemp("neo4j-second"), dev.free_port(), dev.free_port(),
                             neo4j.password, line=neo4j.server.line)
    yield server
    server.stop()


def test_neo4j_admin_import_gives_the_same_graph(both, second_server, tmp_path):
    """The neo4j-admin export, imported with Neo4j's own import tool by the command IMPORT.txt gives."""
    folder = _export(both[0], "neo4j-admin", tmp_path / "admin")
    text = (folder / "IMPORT.txt").read_text(encoding="utf-8")
    command = shlex.split(text[text.index("neo4j-admin"):text.index("\n\n", text.index("neo4j-admin"))]
                          .replace("\\\n", " "))
    assert command[:4] == ["neo4j-admin", "database", "import", "full"]
    args = [a if not a.startswith(("--nodes=", "--relationships=")) else
            a.split("=", 1)[0] + "=" + str(folder / a.split("=", 1)[1]) for a in command[1:]]
    second_server.configure()
    second_server.admin("dbms", "set-initial-password", second_server.password)
    second_server.admin(*args, cwd=tmp_path)  # its import.report goes there, not into the checkout
    second_server.start()
    uri = f"neo4j://neo4j:{second_server.password}@127.0.0.1:{second_server.bolt_port}"
    assert "after-import.cypher" in text
    with open_store(uri) as s:
        for statement in script_statements((folder / "after-import.cypher").read_text(encoding="utf-8")):
            s.run(statement, write=True)
    assert _stats(uri) == _stats(both[0])
    answers = _answers(uri)
    for name in ARGS:
        assert answers[name] == _normal(_golden(name, None)), name
    second_server.stop()


# -- transactions and faults ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def articles(tmp_path_factory):
    """A seeded synthetic corpus large enough that an ingest takes several batches."""
    out = tmp_path_factory.mktemp("articles")
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "corpus.py"), str(out), "300", "11"], check=True,
                   capture_output=True)
    return out / "articles"


def _ingest(uri, articles, **popen):
    return subprocess.Popen([*EDUGRAPH, "ingest", str(articles), "--store", uri, "--jobs", "1"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, **popen)


def _ingested(uri) -> int:
    try:
        with open_store(uri, setup=False) as s:
            return s.run("MATCH (d:Document) WHERE d.ingested RETURN count(d) AS n")[0]["n"]
    except Exception:
        return 0


def _wait_for_some(uri, proc, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if _ingested(uri) >= 50:
            return
        assert proc.poll() is None, f"the ingest ended before it could be interrupted: {proc.stderr.read()[-500:]}"
        time.sleep(0.05)
    pytest.fail("the ingest wrote nothing within the timeout")


@pytest.fixture(scope="module")
def uninterrupted(neo4j, articles):
    """Counts after one uninterrupted ingest of the corpus into the reference graph."""
    neo4j.fresh().close()
    assert run("build", "--no-examples", "--store", neo4j.uri).exit_code == 0
    proc = _ingest(neo4j.uri, articles)
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err[-1000:]
    return {**_stats(neo4j.uri), "skipped": _skipped(err)}


def _skipped(err: str) -> int:
    """Documents the ingest skipped: already ingested, or the same article twice in the corpus."""
    return int(re.search(r"(\d+) skipped", err).group(1))


def test_killed_ingest_rerun_gives_the_same_counts(neo4j, articles, uninterrupted):
    neo4j.fresh().close()
    assert run("build", "--no-examples", "--store", neo4j.uri).exit_code == 0
    proc = _ingest(neo4j.uri, articles)
    _wait_for_some(neo4j.uri, proc)
    proc.kill()
    proc.wait()
    partial = _ingested(neo4j.uri)
    assert 0 < partial < uninterrupted["nodes"]["Document"]
    # every Document marked ingested has all its facts: the batch committed facts and ledger together
    rerun = _ingest(neo4j.uri, articles)
    out, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err[-1000:]
    assert _skipped(err) == partial + uninterrupted["skipped"], err[-500:]
    assert {**_stats(neo4j.uri), "skipped": uninterrupted["skipped"]} == uninterrupted


def test_server_stopped_mid_ingest_then_rerun_gives_the_same_counts(neo4j, articles, uninterrupted, second_server):
    second_server.stop()
    second_server.start()
    uri = f"neo4j://neo4j:{second_server.password}@127.0.0.1:{second_server.bolt_port}"
    with open_store(uri) as s:
        s.run("MATCH (n) DETACH DELETE n", write=True)
    assert run("build", "--no-examples", "--store", uri).exit_code == 0
    proc = _ingest(uri, articles)
    _wait_for_some(uri, proc)
    second_server.stop(kill=True)  # a crash, not a clean shutdown
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 1
    lines = [ln for ln in err.splitlines() if ln.strip() and not ln.startswith(("ingesting", "\r"))]
    assert "Traceback" not in err and lines and "unreachable" in lines[-1], err[-1000:]
    second_server.start()
    rerun = _ingest(uri, articles)
    _, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err[-1000:]
    assert {**_stats(uri), "skipped": uninterrupted["skipped"]} == uninterrupted
    second_server.stop()


def _one_line_error(result):
    assert result.exit_code == 1, result.output
    text = result.output.strip()
    assert "Traceback" not in text and len(text.splitlines()) == 1, text
    return text


def test_connection_errors_are_one_line(neo4j):
    dev = neo4j_devserver()
    good = re.match(r"neo4j://neo4j:([^@]+)@(.+)", neo4j.uri)
    if good is None:
        pytest.skip("needs credentials in the test URI")
    host = good.group(2)
    wrong = _one_line_error(run("stats", "--store", f"neo4j://neo4j:wrong-password@{host}"))
    assert "refused the credentials" in wrong and "wrong-password" not in wrong
    missing = _one_line_error(run("stats", "--store", neo4j.uri, env={"NEO4J_DATABASE": "nosuchdb"}))
    assert "nosuchdb" in missing and good.group(1) not in missing
    gone = _one_line_error(run("stats", "--store", f"neo4j://neo4j:x@127.0.0.1:{dev.free_port()}"))
    assert "unreachable" in gone
    writes = _one_line_error(run("cypher", "CREATE (n:Program {id: 'x'})", "--store", neo4j.uri))
    assert "read-only" in writes or "--write" in writes


def test_rows_are_what_the_driver_gives(neo4j):
    """The store's fast reading of records gives what Record.data() gives, for every kind of value."""
    import neo4j as driver

    with neo4j.fresh() as s:
        s.run("CREATE (:Program {id: 'p1', name_ko: '가', tags: ['x', 'y']})-[:MENTIONS {n: 1}]->"
              "(:Program {id: 'p2', name_ko: '나'})", write=True)
        query = ("MATCH path = (a:Program)-[r]->(b) RETURN a, r, b, path, a.tags AS tags, {k: [1, {m: a}]} AS nested, "
                 "date('2024-03-01') AS day, null AS nothing, 1.5 AS x, true AS yes, [[1, 2], []] AS lists")
        rows = s.run(query)
        with driver.GraphDatabase.driver(s.location, auth=("neo4j", neo4j.password)) as d:
            expected = d.execute_query(query, database_=s.database).records
        assert rows == [r.data() for r in expected]
        assert rows[0]["a"] == {"id": "p1", "name_ko": "가", "tags": ["x", "y"]} and rows[0]["nothing"] is None
