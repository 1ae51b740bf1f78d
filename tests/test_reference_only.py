"""Governments and offices of education come from the reference only: ingest never makes one up, counts what
it could not settle, and the graph built from a corpus can be scored against gold (``evaluate --graph``)."""

import json

from click.testing import CliRunner

from edugraph.cli import main
from edugraph.graph.store import open_store
from edugraph.loaders.documents import Document
from edugraph.loaders.ingest import ingest_documents

OFFICES_AND_GOVERNMENTS = ("MATCH (a) WHERE a:LocalGovernment OR a:EducationOffice RETURN a.id AS id")


def test_undated_article_settles_homonyms_by_its_office(tmp_path):
    """No publication date: 중구·수영구 named with 부산시교육청 are 부산's districts, no new node."""
    doc = Document("부산시교육청은 중구·수영구와 희망교육지구 운영을 위한 업무협약을 체결했다.", name="b.txt")
    with open_store(str(tmp_path / "b.db")) as store:
        summary = ingest_documents(store, [doc])
        ids = {r["id"] for r in store.run(OFFICES_AND_GOVERNMENTS, {})}
    assert ids == {"eo_26", "lg_26110", "lg_26500"}
    assert summary.unsettled == []


def test_homonym_without_any_province_adds_no_node(tmp_path):
    doc = Document("중구는 교육지원청과 협약을 맺었다. 중구와 동구가 손을 잡았다.", name="x.txt", date="2024-03-05")
    with open_store(str(tmp_path / "x.db")) as store:
        summary = ingest_documents(store, [doc])
        ids = {r["id"] for r in store.run(OFFICES_AND_GOVERNMENTS, {})}
    assert ids == set()
    assert summary.unsettled == [("중구", "x.txt"), ("동구", "x.txt")]
    assert summary.unsettled_line().startswith("2 mentions could not be settled: 중구 (x.txt), 동구 (x.txt)")


def test_ingest_reports_unsettled_mentions(tmp_path):
    article = tmp_path / "x.txt"
    article.write_text("중구는 교육지원청과 협약을 맺었다.", encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", str(article), "--store", str(tmp_path / "s.db"), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert "1 mention could not be settled: 중구 (x.txt)" in result.output


def test_a_graph_from_the_seeds_is_scored_and_adds_no_government(corpus, tmp_path):
    result = CliRunner().invoke(main, ["evaluate", str(corpus / "seeds-gold"), str(corpus / "seeds"), "--graph",
                                       "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output[result.output.index("{"):])
    graph = out["graph"]
    assert graph["added_nodes"] == []
    assert graph["cooperation"]["recall"] >= 0.8, graph["cooperation"]
    assert set(out["micro"]) >= {"actors", "cooperation", "agreements"}


def test_evaluate_names_gold_documents_without_a_file(corpus, tmp_path):
    one = sorted((corpus / "seeds").glob("*.txt"))[0]
    result = CliRunner().invoke(main, ["evaluate", str(corpus / "seeds-gold"), str(one), "--json"])
    assert result.exit_code == 0
    out = json.loads(result.output[result.output.index("{"):])
    assert len(out["missing"]) == len(list((corpus / "seeds-gold").glob("*.json"))) - 1
    assert list(out["documents"]) == [one.name]

