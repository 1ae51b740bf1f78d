"""Everyday mistakes get one clear line and the exit code the README states; bad files never stop the rest."""

import os

import pytest
from click.testing import CliRunner

from edugraph.cli import main
from edugraph.graph.store import open_store


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("conv") / "g.db"
    assert run("build", "--no-examples", "--store", path).exit_code == 0
    return path


def test_usage_errors_are_one_line_and_exit_1():
    result = run("stats", "--bogus")
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "No such option" in lines[0] and "stats --help" in lines[0]


def test_limit_is_bounded(db):
    result = run("ask", "agreements", "--limit", "4294967296", "--store", db)
    assert result.exit_code == 1 and "1<=x<=100000" in result.output


def test_a_typo_in_the_store_is_refused_not_created(tmp_path):
    typo = tmp_path / "typo.db"
    for cmd in (["stats"], ["ask", "partners", "김포시"], ["analyze", "centrality"], ["cypher", "RETURN 1"]):
        result = run(*cmd, "--store", typo)
        assert result.exit_code == 1 and "no store at" in result.output, cmd
    assert not typo.exists()


def test_unknown_scheme_and_junk_file(tmp_path):
    result = run("stats", "--store", "http://x")
    assert result.exit_code == 1 and "http:// is not a store" in result.output
    junk = tmp_path / "junk.db"
    junk.write_text("not a graph")
    result = run("stats", "--store", junk)
    assert result.exit_code == 1 and "not an EduGraph store" in result.output


def test_a_read_only_store_can_be_read(db, monkeypatch):
    from edugraph.graph import falkordb_store

    folder = os.path.dirname(str(db))
    real = os.access
    # a read-only filesystem: nothing may be written beside the store (root ignores chmod, so say it here)
    monkeypatch.setattr(falkordb_store.os, "access", lambda p, mode: False if str(p).startswith(folder) else real(p, mode))
    with open_store(str(db), create=False) as store:
        assert store.read_only and store.stats()["nodes"]["LocalGovernment"] > 200
    assert sorted(os.listdir(folder)) == ["g.db", "g.db.lock"]


def test_resolve_accepts_ids():
    result = run("resolve", "lg_41570")
    assert result.exit_code == 0 and "김포시" in result.output


def test_bad_files_never_stop_the_rest(tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "empty.csv").write_bytes(b"")
    (folder / "newlines.csv").write_text("\n\n")
    (folder / "a.txt").write_text("가평군과 가평교육지원청이 3일 업무협약을 맺었다.", encoding="utf-8")
    result = run("ingest", folder, tmp_path / "missing.txt", "--store", tmp_path / "m.db")
    assert result.exit_code == 2
    assert "empty.csv: empty file" in result.output and "missing.txt: cannot read" in result.output
    with open_store(str(tmp_path / "m.db")) as store:
        assert store.stats()["relationships"]["SIGNED"] == 2


def test_parameters_are_text_unless_typed(db):
    q = "RETURN $y AS y, $n AS n, $b AS b, $l AS l"
    out = run("cypher", q, "-p", "y=2024", "-p", "n:int=2024", "-p", "b:bool=true", "-p", "l:json=[1,2]",
              "--json", "--store", db)
    assert out.exit_code == 0, out.output
    import json

    assert json.loads(out.output) == [{"y": "2024", "n": 2024, "b": True, "l": [1, 2]}]
    bad = run("cypher", q, "-p", "n:int=abc", "--store", db)
    assert bad.exit_code == 1 and "not a int" in bad.output


def test_map_refuses_an_unknown_extension(db, tmp_path):
    result = run("map", "-o", tmp_path / "x.jpg", "--store", db)
    assert result.exit_code == 1 and ".html" in result.output and not (tmp_path / "x.jpg").exists()


def test_csv_export_reads_back_with_its_endpoints(db, tmp_path):
    import csv

    assert run("export", "--format", "csv", "-o", tmp_path / "csv", "--store", db).exit_code == 0
    with (tmp_path / "csv" / "relationships.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and all(r["_start"] and r["_end"] and r["_type"] for r in rows)
    heads = [r for r in rows if r["_type"] == "HEADS" and r.get("start")]
    assert heads and all(r["_start"].startswith("per_") for r in heads)  # the term's start is a column of its own
    with (tmp_path / "csv" / "nodes.csv").open(encoding="utf-8") as fh:
        nodes = {r["_id"]: r for r in csv.DictReader(fh)}
    assert nodes["lg_41570"]["name_ko"] == "김포시"


def test_gephi_files_label_nodes_with_their_korean_name(db, tmp_path):
    import networkx as nx

    assert run("export", "--format", "gexf", "-o", tmp_path / "g.gexf", "--store", db).exit_code == 0
    assert run("export", "--format", "graphml", "-o", tmp_path / "g.graphml", "--store", db).exit_code == 0
    for g in (nx.read_gexf(tmp_path / "g.gexf"), nx.read_graphml(tmp_path / "g.graphml")):
        labels = {d.get("label") for _, d in g.nodes(data=True)}
        assert "LocalGovernment" not in labels and {d.get("type") for _, d in g.nodes(data=True)} >= {"LocalGovernment"}


def test_saved_browser_queries_have_a_usable_limit(tmp_path):
    import zipfile

    assert run("export", "--format", "browser", "-o", tmp_path / "b").exit_code == 0
    z = zipfile.ZipFile(tmp_path / "b" / "edugraph-saved-queries.zip")
    text = z.read("EduGraph/agreements.cypher").decode("utf-8")
    assert ":param limit => null" not in text and ":param limit =>" in text


def test_one_article_read_in_three_forms_is_one_source(tmp_path):
    import json

    body = ("가평군과 가평교육지원청이 3일 군청에서 돌봄 업무협약을 맺었다고 4일 밝혔다. 두 기관은 방과후 돌봄교실과 "
            "마을학교를 함께 운영하기로 했다. 협약식에는 두 기관 관계자 20여명이 참석해 협력을 다짐했다.")
    folder = tmp_path / "same"
    folder.mkdir()
    (folder / "a.txt").write_text("메뉴\n로그인\n가평군·교육지원청 돌봄 협약\n" + body + "\n홍길동 기자\n", encoding="utf-8")
    (folder / "a.html").write_text(f"<html><body><nav>메뉴</nav><article><h1>가평군·교육지원청 돌봄 협약</h1>"
                                   f"<p>{body}</p></article></body></html>", encoding="utf-8")
    (folder / "a.jsonl").write_text(json.dumps({"id": "1", "url": "https://example.org/1", "date": "2024-05-04",
                                                "title": "가평군·교육지원청 돌봄 협약", "text": body},
                                               ensure_ascii=False) + "\n", encoding="utf-8")
    db = tmp_path / "s.db"
    result = run("ingest", folder, "--store", db)
    assert result.exit_code == 0 and "2 skipped" in result.output, result.output
    with open_store(str(db)) as store:
        docs = store.run("MATCH (d:Document {kind: 'article'}) RETURN d.formats AS f", {})
        sources = store.run("MATCH ()-[r:SIGNED]->() RETURN r.sources AS s", {})
    assert len(docs) == 1 and sorted(docs[0]["f"]) == ["html", "jsonl", "txt"]
    assert all(len(r["s"]) == 1 for r in sources)


def test_stats_do_not_count_actors_twice(db):
    rows = {line.split()[1]: line for line in run("stats", "--store", db).output.splitlines()[2:]}
    assert "Actor" not in rows and "(all)" in rows


def test_the_readme_chain_example_runs_on_the_built_graph(db):
    result = run("analyze", "chains", "오산시", "화성시", "--store", db)
    assert result.exit_code == 0 and "전국혁신교육지방정부협의회" in result.output
