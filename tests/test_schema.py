import pytest

from edugraph.graph.cypher import iter_cypher_files, load_cypher
from edugraph.graph.errors import SchemaError
from edugraph.graph.ids import content_hash, make_id
from edugraph.graph.schema import load_schema, parse_schema


def test_schema_has_the_model():
    s = load_schema()
    assert set(s.nodes) == {"LocalGovernment", "EducationOffice", "Council", "Ministry", "Institution",
                            "Person", "Agreement", "Program", "Document"}
    assert set(s.relationships) == {"SIGNED", "PARTICIPATES_IN", "MEMBER_OF", "COOPERATES_WITH", "HEADS",
                                    "PART_OF", "COVERS", "MENTIONS"}
    assert s.labels_for("Council") == ["Council", "Actor"]
    assert s.rel("COOPERATES_WITH").undirected


@pytest.mark.parametrize("bad", [
    {"version": 1, "actor_label": "Actor", "node_labels": {"Bad Label": {}}, "relationship_types": {}},
    {"version": 1, "actor_label": "Actor", "node_labels": {"A": {}},
     "relationship_types": {"R": {"from": ["Nope"], "to": ["A"]}}},
    {"version": 1, "node_labels": {}, "relationship_types": {}},
])
def test_invalid_schema_is_refused(bad):
    with pytest.raises(SchemaError):
        parse_schema(bad)


def test_templates_take_only_schema_names():
    stmt = load_cypher("edugraph.graph", "count_label")
    assert "MATCH (n:Council)" in stmt.render(label="Council")
    with pytest.raises(SchemaError):
        stmt.render(label="Council) DETACH DELETE (n")


def test_every_cypher_file_has_a_valid_header():
    files = list(iter_cypher_files("edugraph.graph")) + list(iter_cypher_files("edugraph.loaders"))
    assert len(files) >= 7
    for f in files:
        assert f.mode in ("read", "write", "schema")


def test_ids_are_deterministic():
    assert make_id("Agreement", "a", "b") == make_id("Agreement", "a", "b")
    assert make_id("Agreement", "a", "b") != make_id("Agreement", "b", "a")
    assert content_hash("김포시  협약\n") == content_hash("김포시 협약")
