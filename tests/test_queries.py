"""The question catalogue and network analysis on a fixture graph, with golden results.

The fixture graph is the reference data plus ``tests/fixtures/network_records.yaml``, built on each
store (embedded FalkorDB and a real Neo4j server): one golden file per question, both stores held to it.
Golden results live in ``tests/golden/``; after a deliberate change, review and
refresh them with ``EDUGRAPH_UPDATE_GOLDEN=1 python -m pytest tests/test_queries.py``.
"""

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from edugraph.cli import main
from edugraph.graph.errors import AmbiguousName, InputError, UnknownName
from edugraph.queries.analysis import analyze
from edugraph.queries.catalogue import ask, catalogue
from edugraph.queries.network import NetworkFilter

from .conftest import STORES

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden"
FIXTURE = HERE / "fixtures" / "network_records.yaml"

# Arguments each question is asked with (any name form, as a user types them).
ARGS = {
    "agreements": ["MOU"],
    "agreements_between": ["오산시", "Hwaseong Osan Office of Education"],
    "agreements_of": ["오산시는"],
    "council_members": ["오산 교육협력 실무협의회"],
    "cross_boundary": [],
    "cross_province": [],
    "evidence": ["오산시", "화성오산교육지원청"],
    "heads": ["전국혁신교육지방정부협의회"],
    "jurisdiction": ["화성오산교육지원청"],
    "partners": ["오산시"],
    "profile": ["김포시"],
    "program_participants": ["서울교육협력특구"],
    "programs_of": ["Osan"],
    "search": ["gimpo"],
    "timeline": ["오산시"],
}


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module", params=STORES)
def db(request, tmp_path_factory):
    """Where the fixture graph is: a store file, or the URI of one of the test run's own Neo4j servers."""
    if request.param.startswith("neo4j-"):
        test_neo4j = request.getfixturevalue("neo4j_servers")(request.param.removeprefix("neo4j-"))
        test_neo4j.fresh().close()
        path = test_neo4j.uri
    else:
        path = str(tmp_path_factory.mktemp("queries") / "fixture.db")
    built = run("build", "--no-examples", "--store", path)
    assert built.exit_code == 0, built.output
    assert run("ingest", FIXTURE, "--store", path).exit_code == 0
    return path


@pytest.fixture(scope="module")
def store(db):
    from edugraph.graph.store import open_store

    with open_store(db) as s:
        yield s


def _normal(rows):
    """Rows as comparable text: lists inside rows sorted (collect() order is not defined), rows sorted."""
    out = []
    for row in rows:
        row = {k: sorted(v, key=str) if isinstance(v, list) else v for k, v in row.items()}
        out.append(json.dumps(row, ensure_ascii=False, sort_keys=True))
    return sorted(out)


def _golden(name, rows):
    path = GOLDEN / f"{name}.json"
    if os.environ.get("EDUGRAPH_UPDATE_GOLDEN"):
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert path.is_file(), f"no golden result {path.name}; run with EDUGRAPH_UPDATE_GOLDEN=1 and review it"
    return json.loads(path.read_text(encoding="utf-8"))


def test_every_question_is_tested_and_documented():
    assert set(catalogue()) == set(ARGS)
    for q in catalogue().values():
        assert q.question_ko and q.question_en and q.columns
        assert len(ARGS[q.name]) >= len(q.args) - len(q.optional)


@pytest.mark.parametrize("name", sorted(ARGS))
def test_question_matches_golden_result(store, name):
    rows = ask(store, name, *ARGS[name])
    assert rows, f"{name} returned nothing on the fixture graph"
    assert list(rows[0]) == list(catalogue()[name].columns)
    assert _normal(rows) == _normal(_golden(name, rows))


@pytest.mark.parametrize("name", sorted(ARGS))
def test_question_through_the_cli(db, name):
    result = run("ask", name, *ARGS[name], "--json", "--store", db)
    assert result.exit_code == 0, result.output
    assert _normal(json.loads(result.output)) == _normal(_golden(name, None) if not os.environ.get(
        "EDUGRAPH_UPDATE_GOLDEN") else json.loads(result.output))


def test_what_the_fixture_says(store):
    partners = {r["partner"]: r for r in ask(store, "partners", "오산시")}
    osan_office = partners["경기도화성오산교육지원청"]
    assert set(osan_office["via"]) == {"agreement", "council", "programme"} and osan_office["ties"] == 4
    assert "경기도수원교육지원청" in partners
    # designation lists alone tie nobody: other Gyeonggi cities share only reference sources with 오산시
    assert "가평군" not in partners
    recent = {r["partner"] for r in ask(store, "partners", "오산시", since="2025")}
    assert recent == {"경기도화성오산교육지원청", "한신대학교"}
    assert [r["office"] for r in ask(store, "cross_boundary")] == ["경기도수원교육지원청"]
    assert ask(store, "agreements_of", "오산시", "부속 합의서") == []
    assert [r["kind"] for r in ask(store, "agreements_of", "오산시", "mou")] == ["MOU"]
    covers = {r["name_ko"] for r in ask(store, "jurisdiction", "화성오산교육지원청") if r["relation"] == "covers"}
    assert covers == {"오산시", "화성시"}


def test_names_are_explained_not_guessed(store, db):
    with pytest.raises(AmbiguousName) as err:
        ask(store, "partners", "김포")
    assert "김포시 (LocalGovernment)" in str(err.value) and "be more specific" in str(err.value)
    with pytest.raises(UnknownName):
        ask(store, "partners", "없는기관")
    with pytest.raises(InputError):
        ask(store, "partners", "오산시", since="last year")
    with pytest.raises(InputError):
        ask(store, "jurisdiction", "오산시", since="2024")
    with pytest.raises(InputError):
        ask(store, "nonsense")
    result = run("ask", "partners", "김포", "--store", db)
    assert result.exit_code == 1 and "김포 → " in result.output and "Traceback" not in result.output


def test_ask_list_shows_the_catalogue():
    result = run("ask", "--list", "--csv")
    assert result.exit_code == 0
    assert all(name in result.output for name in ARGS)


def test_injection_through_names_changes_nothing(db):
    before = run("stats", "--store", db, "--json").output
    evil = "x'}) DETACH DELETE n //"
    for args in (["partners", evil], ["search", evil], ["evidence", evil, evil]):
        result = run("ask", *args, "--store", db)
        assert result.exit_code in (0, 1) and "Traceback" not in result.output
    assert run("analyze", "ego", evil, "--store", db).exit_code == 1
    assert run("stats", "--store", db, "--json").output == before


def test_analysis(store):
    central = analyze(store, "centrality")
    assert central[0]["name_ko"] == "전국혁신교육지방정부협의회"
    osan = next(r for r in central if r["name_ko"] == "오산시")
    assert osan["partners"] >= 4 and osan["strength"] > osan["partners"]
    first = analyze(store, "communities", seed=7)
    assert first == analyze(store, "communities", seed=7)
    assert any(r["name_ko"] == "오산시" for r in first)
    ego = analyze(store, "ego", "오산시", depth=1)
    assert ego[0]["name_ko"] == "오산시" and ego[0]["distance"] == 0
    assert {r["name_ko"] for r in ego if r["distance"] == 1} >= {"경기도화성오산교육지원청", "한신대학교", "경기도수원교육지원청"}
    chain = analyze(store, "chains", "한신대학교", "경기도수원교육지원청")
    assert [r["name_ko"] for r in chain] == ["한신대학교", "오산시", "경기도수원교육지원청"]
    brokers = analyze(store, "brokers", by="type")
    assert brokers[0]["bridged_pairs"] > 0
    growth = analyze(store, "growth")
    assert [r["year"] for r in growth] == sorted(r["year"] for r in growth)
    assert growth[-1]["ties"] >= growth[0]["ties"]


def test_analysis_filters(store):
    gyeonggi = analyze(store, "centrality", flt=NetworkFilter(province="경기"))
    assert {r["province_ko"] for r in gyeonggi} == {"경기도"}
    offices = analyze(store, "centrality", flt=NetworkFilter(types=("LocalGovernment", "EducationOffice")))
    assert {r["label"] for r in offices} <= {"LocalGovernment", "EducationOffice"}
    program = analyze(store, "centrality", flt=NetworkFilter(program="미래교육협력지구", since="2024"))
    assert {r["name_ko"] for r in program} == {"오산시", "경기도화성오산교육지원청"}
    basic = analyze(store, "centrality", flt=NetworkFilter(levels=("basic", "district")))
    assert {"오산시", "경기도화성오산교육지원청"} <= {r["name_ko"] for r in basic}
    assert not {"서울특별시", "전국혁신교육지방정부협의회"} & {r["name_ko"] for r in basic}
    with pytest.raises(InputError):
        analyze(store, "centrality", flt=NetworkFilter(province="Atlantis"))
    with pytest.raises(InputError):
        analyze(store, "chains", "오산시")


@pytest.mark.parametrize("measure,args", [("centrality", []), ("brokers", []), ("communities", []),
                                          ("ego", ["오산시", "--depth", "2"]),
                                          ("chains", ["한신대학교", "수원교육지원청"]), ("growth", [])])
def test_analyze_through_the_cli(db, measure, args):
    result = run("analyze", measure, *args, "--json", "--store", db)
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)
    assert run("analyze", measure, *args, "--csv", "--store", db).output.count("\n") >= 1


@pytest.mark.seeds
def test_partners_on_the_seed_graph(corpus, tmp_path):
    db = str(tmp_path / "seeds.db")
    assert run("build", "--no-examples", "--store", db).exit_code == 0
    run("ingest", corpus / "seeds", "--store", db)
    gimpo = {r["partner"]: r for r in json.loads(run("ask", "partners", "김포시", "--json", "--store", db).output)}
    office = gimpo["경기도김포교육지원청"]
    assert office["evidence"] and office["sources"] >= 1
    seoul = {r["partner"] for r in json.loads(run("ask", "partners", "서울특별시교육청", "--json", "--store", db).output)}
    assert "금천구" in seoul


def test_reach_is_written_with_each_tie(store):
    rows = store.run("MATCH (a:Actor)-[r:COOPERATES_WITH]->(b:Actor) RETURN a.id + ' ' + b.id AS pair, r.reach AS reach")
    reach = {r["pair"]: r["reach"] for r in rows}
    assert reach["eo_41_suwon lg_41370"] == 1  # an office of the same 시·도 that does not cover 오산시
    assert reach["lg_11 lg_41570"] == 2  # 김포시 and 서울특별시
    assert reach["eo_41_gimpo lg_41570"] == 0
    agreements = store.run("MATCH (g:Agreement) RETURN g.name_ko AS name, g.reach AS reach")
    assert {r["name"]: r["reach"] for r in agreements} == {"오산 교육협력 업무협약": 0, "오산 늘봄 MOU": 0}


def test_every_question_runs_as_a_read(store):
    from edugraph.graph.errors import ReadOnlyViolation

    assert {q.statement.mode for q in catalogue().values()} == {"read"}
    with pytest.raises(ReadOnlyViolation):  # what a read-mode statement that wrote would meet
        store.run("MATCH (n:Program) SET n.touched = true", write=False)


def test_heads_on_a_date(store, db):
    """Officeholders are reference facts with terms: `ask heads ACTOR --date D` names who held the office then."""
    assert [r["person"] for r in ask(store, "heads", "서울특별시교육청", date="2019-05-01")] == ["조희연"]
    assert [r["person"] for r in ask(store, "heads", "서울특별시교육청", date="2013-05-01")] == ["문용린"]
    mayors = {r["person"] for r in ask(store, "heads", "오산시")}
    assert {"곽상욱", "이권재"} <= mayors
    out = run("ask", "heads", "Seoul Metropolitan Office of Education", "--date", "2023-01-10", "--store", db, "--json")
    assert out.exit_code == 0 and [r["person"] for r in json.loads(out.output)] == ["조희연"]
    bad = run("ask", "partners", "오산시", "--date", "2023", "--store", db)
    assert bad.exit_code == 1 and "takes no --date" in bad.output


def test_council_ties_read_the_same_both_ways(store):
    """A council ties two members only in a year both belonged; asked either way, the same years and evidence."""
    council_only = [r for r in ask(store, "partners", "오산시") if r["via"] == ["council"]]
    assert council_only
    for row in council_only[:5]:
        back = {r["partner_id"]: r for r in ask(store, "partners", row["partner_id"])}["lg_41370"]
        assert back["years"] == row["years"] and set(back["evidence"]) == set(row["evidence"])
    in_2018 = [r for r in ask(store, "partners", "오산시", since="2018", until="2018") if r["via"] == ["council"]]
    assert in_2018 and all(r["years"] == ["2018"] for r in in_2018)
