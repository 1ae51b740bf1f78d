"""The store suite: the same tests for every backend (the embedded store and each Neo4j line the run starts)."""

import pytest

from edugraph.graph.errors import ReadOnlyViolation, SchemaError
from edugraph.graph.writer import GraphWriter


def _load(store, docs=("d1",), batch_size=2):
    w = GraphWriter(store, batch_size=batch_size)
    w.node("LocalGovernment", "lg_41570", name_ko="김포시", level="basic", aliases=["Gimpo City"])
    w.node("EducationOffice", "eo_41_gimpo", name_ko="경기도김포교육지원청", level="district")
    w.node("Program", "prg_edz", name_ko="교육발전특구")
    for d in docs:
        w.node("Document", d, title=f"article {d}")
        w.rel("COOPERATES_WITH", ("EducationOffice", "eo_41_gimpo"), ("LocalGovernment", "lg_41570"),
              source_doc=d, evidence=f"김포시와 김포교육지원청이 협력했다 ({d}).", seen="2025-03-25")
        w.rel("PARTICIPATES_IN", ("LocalGovernment", "lg_41570"), ("Program", "prg_edz"), key="2024",
              source_doc=d, evidence="김포시가 교육발전특구로 지정됐다.", seen="2024-07", year="2024")
        w.rel("MENTIONS", ("Document", d), ("LocalGovernment", "lg_41570"))
    return w.flush()


def test_schema_setup_is_idempotent(store):
    store.setup_schema()
    store.setup_schema()
    assert store.stats()["nodes"]["Actor"] == 0


def test_reload_gives_identical_counts(store):
    _load(store)
    first = store.stats()
    _load(store)
    assert store.stats() == first
    assert first["nodes"]["Actor"] == 2
    assert first["relationships"]["COOPERATES_WITH"] == 1


def test_second_source_adds_provenance_not_a_relationship(store):
    _load(store, docs=("d1",))
    _load(store, docs=("d2",))
    _load(store, docs=("d1", "d2"))
    rows = store.run(
        "MATCH (a:Actor)-[r:COOPERATES_WITH]-(b:Actor) WHERE a.id < b.id "
        "RETURN r.sources AS sources, r.evidence AS evidence, r.first_seen AS first, r.source_count AS n"
    )
    assert len(rows) == 1
    assert sorted(rows[0]["sources"]) == ["d1", "d2"]
    assert len(rows[0]["evidence"]) == 2 and rows[0]["n"] == 2
    assert rows[0]["first"] == "2025-03-25"


def test_undirected_relationship_is_stored_once(store):
    w = GraphWriter(store)
    w.node("LocalGovernment", "a", name_ko="가")
    w.node("LocalGovernment", "b", name_ko="나")
    w.rel("COOPERATES_WITH", ("LocalGovernment", "b"), ("LocalGovernment", "a"), source_doc="x")
    w.rel("COOPERATES_WITH", ("LocalGovernment", "a"), ("LocalGovernment", "b"), source_doc="y")
    w.flush()
    assert store.stats()["relationships"]["COOPERATES_WITH"] == 1


def test_read_only_by_default(store):
    with pytest.raises(ReadOnlyViolation):
        store.run("CREATE (n:LocalGovernment {id: 'x'})")
    assert store.stats()["nodes"]["LocalGovernment"] == 0
    store.run("CREATE (n:LocalGovernment {id: 'x'})", write=True)
    assert store.stats()["nodes"]["LocalGovernment"] == 1


def test_values_travel_as_parameters(store):
    _load(store)
    evil = "x'}) DETACH DELETE n //"
    rows = store.run("MATCH (n:Actor) WHERE n.name_ko = $name RETURN n.id AS id", {"name": evil})
    assert rows == []
    assert store.stats()["nodes"]["Actor"] == 2


def test_labels_only_from_the_schema(store):
    w = GraphWriter(store)
    with pytest.raises(SchemaError):
        w.node("Actor) DETACH DELETE (n", "x")
    with pytest.raises(SchemaError):
        w.rel("COVERS", ("LocalGovernment", "a"), ("EducationOffice", "b"))


def test_agreements_newest_first_then_undated(store):
    """The agreements question lists dated agreements newest first, then undated ones by name (only when no period
    is asked for); a page of ``limit`` rows is filled from the dated ones first."""
    from edugraph.queries.catalogue import ask

    w = GraphWriter(store)
    w.node("LocalGovernment", "lg_41570", name_ko="김포시", level="basic")
    for gid, name, date in [("agr_a", "나 협약", "2023-05-01"), ("agr_b", "가 협약", None),
                            ("agr_c", "다 협약", "2025-01-02"), ("agr_d", "라 협약", None)]:
        w.node("Agreement", gid, name_ko=name, kind="업무협약", **({"date": date} if date else {}))
        w.rel("SIGNED", ("LocalGovernment", "lg_41570"), ("Agreement", gid), source_doc="d1")
    w.flush()
    assert [r["agreement"] for r in ask(store, "agreements")] == ["다 협약", "나 협약", "가 협약", "라 협약"]
    assert [r["agreement"] for r in ask(store, "agreements", limit=3)] == ["다 협약", "나 협약", "가 협약"]
    assert [r["agreement"] for r in ask(store, "agreements", since="2024")] == ["다 협약"]
    assert ask(store, "agreements", limit=1)[0]["parties"] == ["김포시"]
