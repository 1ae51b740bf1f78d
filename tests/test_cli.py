"""The CLI through CliRunner: build, stats, cypher, resolve, ingest, help and errors."""

import json

import pytest
from click.testing import CliRunner

from edugraph.cli import main

COMMANDS = ["build", "stats", "cypher", "resolve", "extract", "evaluate", "ingest", "ask", "analyze", "map", "export"]


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "cli.db")


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_version_and_help():
    assert run("--version").exit_code == 0
    for cmd in COMMANDS:
        result = run(cmd, "--help")
        assert result.exit_code == 0 and "Usage" in result.output, cmd


def test_build_then_stats(db):
    result = run("build", "--store", db)
    assert result.exit_code == 0, result.output
    stats = json.loads(run("stats", "--store", db, "--json").output)
    assert stats["nodes"]["LocalGovernment"] == 248
    assert stats["relationships"]["SIGNED"] >= 2
    again = run("build", "--store", db)
    assert again.exit_code == 0
    assert json.loads(run("stats", "--store", db, "--json").output) == stats


def test_cypher_is_read_only_unless_write(db):
    run("build", "--store", db, "--no-examples")
    refused = run("cypher", "--store", db, "MATCH (n:LocalGovernment) DETACH DELETE n")
    assert refused.exit_code == 1 and "--write" in refused.output and "Traceback" not in refused.output
    ok = run("cypher", "--store", db, "MATCH (n:Actor {name_ko: $name}) RETURN n.id AS id", "-p", "name=김포시", "--csv")
    assert ok.output.strip().splitlines() == ["id", "lg_41570"]


def test_injection_through_parameters_changes_nothing(db):
    run("build", "--store", db, "--no-examples")
    before = run("stats", "--store", db, "--json").output
    evil = "x'}) DETACH DELETE n //"
    result = run("cypher", "--store", db, "MATCH (n:Actor) WHERE n.name_ko = $name RETURN n.id", "-p", f"name={evil}")
    assert result.exit_code == 0
    assert run("resolve", evil).exit_code == 1
    assert run("stats", "--store", db, "--json").output == before


def test_resolve_explains_ambiguity():
    result = run("resolve", "김포")
    assert result.exit_code == 1
    assert "김포시 (LocalGovernment)" in result.output and "be more specific" in result.output
    assert "lg_26110" in run("resolve", "중구", "--province", "부산").output


def test_ingest_skips_known_documents_and_reports_bad_files(tmp_path, db):
    good = tmp_path / "in"
    good.mkdir()
    (good / "a.txt").write_text("오산시와 화성오산교육지원청이 6일 부속 합의서를 맺었다.", encoding="utf-8")
    (good / "bad.jsonl").write_text("{not json\n", encoding="utf-8")
    (good / "empty.txt").write_text("", encoding="utf-8")
    first = run("ingest", str(good), "--store", db)
    assert first.exit_code == 2
    assert "empty.txt: empty file" in first.output and "bad.jsonl line 1" in first.output
    stats = run("stats", "--store", db, "--json").output
    second = run("ingest", str(good), "--store", db)
    assert "1 skipped" in second.output
    assert run("stats", "--store", db, "--json").output == stats


def test_bad_store_location_is_one_line(tmp_path):
    result = run("stats", "--store", str(tmp_path / "missing" / "x.db"))
    assert result.exit_code == 1 and "no store at" in result.output and "Traceback" not in result.output
    result = run("build", "--no-reference", "--no-examples", "--store", str(tmp_path / "missing" / "x.db"))
    assert result.exit_code == 1 and "does not exist" in result.output and "Traceback" not in result.output
