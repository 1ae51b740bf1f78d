"""Researchers' own records: format, per-row errors, detection, loading and merging with articles."""

import json

from click.testing import CliRunner

from edugraph.cli import main
from edugraph.loaders.records import is_records_file, parse_records, read_records

HEADER = "record,actors,target,date,role,kind,province,source,evidence\n"


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_rows_resolve_through_the_reference():
    rows = [
        {"record": "cooperation", "actors": "김포시; Gimpo Office of Education", "source": "s1"},
        {"record": "membership", "actors": "금천구", "target": "금천 교육협력 실무협의회", "date": "2024",
         "role": "위원", "source": "s2"},
        {"record": "participation", "actors": "중구", "province": "부산", "target": "교육발전특구",
         "date": "2024.02", "source": "s3"},
        {"record": "agreement", "actors": "오산시|화성오산교육지원청", "target": "부속 합의서",
         "date": "2024-02-06", "source": "s4"},
        {"record": "cooperation", "actors": "김포시;경기도교육발전특구협의회", "source": "s5"},
    ]
    records, errors = parse_records(rows, "t.csv")
    assert errors == []
    coop, member, part, agreement, new_council = records
    assert [a[1] for a in coop.actors] == ["lg_41570", "eo_41_gimpo"]
    assert member.target[0] == "Council" and member.new_nodes == [member.target]
    assert part.actors[0][1] == "lg_26110" and part.target[1] == "prg_edz" and part.date == "2024-02"
    assert agreement.kind == "부속 합의서" and agreement.target[1].startswith("agr_")
    assert new_council.actors[1][0] == "Council"


def test_each_bad_row_gets_its_own_message():
    rows = [
        {"record": "agrement", "actors": "김포시", "source": "x"},
        {"record": "cooperation", "actors": "김포시;서울특별시교육청"},
        {"record": "cooperation", "actors": "김포시", "source": "x"},
        {"record": "cooperation", "actors": "김포시;김포시", "source": "x"},
        {"record": "participation", "actors": "김포시", "source": "x"},
        {"record": "cooperation", "actors": "중구;서울특별시교육청", "source": "x"},
        {"record": "cooperation", "actors": "김포시;아무개", "source": "x"},
        {"record": "cooperation", "actors": "김포시;서울특별시교육청", "date": "last year", "source": "x"},
        {"record": "cooperation", "actors": "김포시;서울특별시교육청", "source": "x"},
    ]
    records, errors = parse_records(rows, "r.csv")
    assert len(records) == 1
    expected = ["is not one of", "no source", "at least 2", "same actor twice", "programme in 'target'",
                "add a province column", "unknown actor '아무개'", "is not YYYY"]
    assert len(errors) == len(expected)
    for line, (message, fragment) in enumerate(zip(errors, expected), start=2):
        assert message.startswith(f"r.csv line {line}: ") and fragment in message, message
    assert "중구 (LocalGovernment, 부산광역시)" in errors[5]


def test_yaml_and_csv_files(tmp_path):
    y = tmp_path / "r.yaml"
    y.write_text("records:\n  - record: cooperation\n    actors: [김포시, 김포교육지원청]\n"
                 "    date: 2025-03-25\n    source: https://example.org/1\n", encoding="utf-8")
    records, errors = read_records(y)
    assert errors == [] and records[0].date == "2025-03-25"
    c = tmp_path / "r.csv"
    c.write_text(HEADER + "cooperation,김포시;김포교육지원청,,,,,,s,\n", encoding="utf-8")
    a = tmp_path / "a.csv"
    a.write_text("id,title,text\n1,t,김포시와 김포교육지원청\n", encoding="utf-8")
    assert is_records_file(y) and is_records_file(c) and not is_records_file(a)
    bad = tmp_path / "bad.yaml"
    bad.write_text("records: {not: a list}\n", encoding="utf-8")
    assert run("ingest", str(bad), "--store", str(tmp_path / "x.db")).exit_code == 2


def test_ingest_records_is_idempotent_and_reports_bad_rows(tmp_path):
    db = str(tmp_path / "r.db")
    f = tmp_path / "records.csv"
    f.write_text(HEADER
                 + "cooperation,김포시;김포교육지원청,,2025-03-25,,,,https://example.org/1,양 기관이 협의회를 열었다.\n"
                 + "agreement,오산시;화성오산교육지원청,교육협력 업무협약,2024-05-02,,MOU,,보고서 p.3,\n"
                 + "membership,없는이름,어느 협의회,,,,,x,\n", encoding="utf-8")
    first = run("ingest", str(f), "--store", db)
    assert first.exit_code == 2 and "records.csv line 4: unknown actor" in first.output
    assert "2 records" in first.output and "1 bad rows" in first.output
    stats = json.loads(run("stats", "--store", db, "--json").output)
    assert stats["relationships"]["COOPERATES_WITH"] == 1 and stats["relationships"]["SIGNED"] == 2
    run("ingest", str(f), "--store", db)
    assert json.loads(run("stats", "--store", db, "--json").output) == stats
    rows = json.loads(run("cypher", "--store", db, "--json",
                          "MATCH (:LocalGovernment {id: 'lg_41570'})-[r:COOPERATES_WITH]-(b) "
                          "RETURN b.id AS b, r.evidence AS evidence, r.first_seen AS seen").output)
    assert rows == [{"b": "eo_41_gimpo", "evidence": ["양 기관이 협의회를 열었다."], "seen": "2025-03-25"}]


def test_a_record_and_an_article_about_one_signing_make_one_agreement(tmp_path):
    db = str(tmp_path / "m.db")
    article = tmp_path / "a.txt"
    article.write_text("오산시·화성오산교육지원청 합의서 체결\n입력 : 2024/02/07\n"
                       "오산시와 화성오산교육지원청이 6일 미래교육협력지구 부속 합의서를 맺었다.\n", encoding="utf-8")
    rec = tmp_path / "r.yaml"
    rec.write_text("- record: agreement\n  actors: 오산시; 화성오산교육지원청\n  kind: 부속 합의서\n"
                   "  date: 2024-02-06\n  source: 연구자 기록 1\n", encoding="utf-8")
    assert run("ingest", str(article), str(rec), "--store", db).exit_code == 0
    rows = json.loads(run("cypher", "--store", db, "--json",
                          "MATCH (a:Actor)-[r:SIGNED]->(g:Agreement) RETURN g.id AS g, size(r.sources) AS n").output)
    assert len({r["g"] for r in rows}) == 1 and {r["n"] for r in rows} == {2}


def test_records_flag_forces_the_reading(tmp_path):
    f = tmp_path / "plain.csv"
    f.write_text("id,title,text\n1,t,김포시와 김포교육지원청이 협력했다.\n", encoding="utf-8")
    result = run("ingest", str(f), "--records", "--store", str(tmp_path / "f.db"))
    assert result.exit_code == 2 and "records need the column(s) record, actors, source" in result.output
