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
