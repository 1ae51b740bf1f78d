"""Interrupted loads, two processes on one store, property-based tests, credentials."""

import json
import signal
import subprocess
import sys
import time

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from edugraph.graph.errors import InputError
from edugraph.loaders.documents import Document
from edugraph.loaders.extract import extract_document
from edugraph.loaders.readers import decode_bytes, read_path

TOWNS = [("김포시", "김포교육지원청"), ("오산시", "화성오산교육지원청"), ("춘천시", "춘천교육지원청"), ("금천구", "서울남부교육지원청"),
         ("포천시", "포천교육지원청"), ("양평군", "양평교육지원청")]
PROGRAMS = ["교육발전특구", "미래교육협력지구", "혁신교육지구"]


def _corpus(folder, n):
    folder.mkdir()
    for i in range(n):
        a, b = TOWNS[i % len(TOWNS)]
        text = (f"{a}·{b}, 교육 협력 강화\n기사입력 2024/0{1 + i % 9}/1{i % 10}\n"
                f"{a}와 {b}이 {1 + i % 27}일 {PROGRAMS[i % 3]} 운영을 위한 {i}번째 업무협약을 체결했다.\n"
                f"두 기관은 늘봄학교와 진로교육을 함께 추진하기로 했다.\n")
        (folder / f"{i:04d}.txt").write_text(text, encoding="utf-8")


def _cli(*args, **kw):
    return subprocess.run([sys.executable, "-m", "edugraph", *map(str, args)], capture_output=True, text=True,
                          timeout=600, **kw)


def _stats(db):
    return json.loads(_cli("stats", "--store", db, "--json").stdout)


def _documents(db):
    out = _cli("cypher", "--store", db, "--json", "MATCH (d:Document {kind: 'article'}) RETURN count(d) AS n").stdout
    return json.loads(out)[0]["n"] if out.strip() else 0


def test_an_ingest_killed_part_way_completes_on_the_next_run(tmp_path):
    _corpus(tmp_path / "news", 1500)
    whole = tmp_path / "whole.db"
    assert _cli("ingest", tmp_path / "news", "--store", whole).returncode == 0
    expected = _stats(whole)

    killed = tmp_path / "killed.db"
    # one extracting process, so that the run lasts long enough to be killed part way
    proc = subprocess.Popen([sys.executable, "-m", "edugraph", "ingest", str(tmp_path / "news"), "--store",
                             str(killed), "--jobs", "1"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None and _documents(killed) < 100:
        time.sleep(0.2)
    assert proc.poll() is None, "the ingest finished before it could be killed; give it more documents"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = _documents(killed)
    assert 0 < partial < 1500
    again = _cli("ingest", tmp_path / "news", "--store", killed)
    assert again.returncode == 0, again.stderr
    assert _stats(killed) == expected


def test_two_processes_writing_one_store_lose_nothing(tmp_path):
    for name in ("a", "b"):
        _corpus(tmp_path / name, 60)
        for f in (tmp_path / name).iterdir():  # different texts, so different documents
            # documents are told apart by their sentences (graph/ids.py), so mark a sentence, not a line
            f.write_text(f.read_text(encoding="utf-8").replace("체결했다.", f"체결했다({name})."), encoding="utf-8")
    db = tmp_path / "shared.db"
    procs = [subprocess.Popen([sys.executable, "-m", "edugraph", "ingest", str(tmp_path / n), "--store", str(db)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) for n in ("a", "b")]
    for p in procs:
        assert p.wait(timeout=300) == 0, p.stderr.read()
    assert _documents(db) == 120


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_crash_the_readers(data):
    try:
        text = decode_bytes(data, "x")
    except InputError:
        return
    assert isinstance(text, str)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=3000), st.sampled_from([".txt", ".html", ".jsonl", ".csv", ".xlsx", ".yaml"]))
@example(b"\r\x01", ".csv")  # a bare carriage return once crashed the CSV reader
def test_arbitrary_files_never_crash_read_path(tmp_path, data, suffix):
    path = tmp_path / f"f{suffix}"
    path.write_bytes(data)
    errors = []
    try:
        docs = list(read_path(path, errors))
    except InputError:
        return
    assert all(isinstance(d, Document) for d in docs)


_GENRE = st.sampled_from(["김포시", "김포교육지원청", "오산시와", "업무협약을", "체결했다.", "교육장", "시장", "Gimpo City",
                          "MOU", "6일", "지난해", "\n", " ", "·", "(", ")", "‘", "’", "교육발전특구", "협의회", "광고"])


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.text(max_size=40), _GENRE), max_size=60).map("".join))
def test_extraction_never_crashes_and_is_deterministic(text):
    doc = Document(text=text, name="h.txt")
    first = extract_document(doc)
    assert first == extract_document(Document(text=text, name="h.txt"))
    assert set(first) >= {"entities", "relations"}


def test_passwords_are_never_printed(monkeypatch):
    from click.testing import CliRunner

    from edugraph.cli import main

    monkeypatch.setenv("NEO4J_USERNAME", "neo4j")
    monkeypatch.setenv("NEO4J_PASSWORD", "s3cret-pa55")
    for uri in ("bolt://127.0.0.1:9", "neo4j://user:inline-pa55@127.0.0.1:9"):
        result = CliRunner().invoke(main, ["stats", "--store", uri])
        assert result.exit_code == 1
        assert "s3cret-pa55" not in result.output and "inline-pa55" not in result.output
        assert "127.0.0.1:9" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("command", [["resolve", "{evil}"], ["ask", "partners", "{evil}"], ["ask", "search", "{evil}"],
                                     ["ask", "program_participants", "{evil}"], ["analyze", "ego", "{evil}"],
                                     ["analyze", "centrality", "--province", "{evil}"],
                                     ["analyze", "centrality", "--program", "{evil}"]])
def test_injection_strings_change_nothing(tmp_path, command):
    from click.testing import CliRunner

    from edugraph.cli import main

    db = str(tmp_path / "i.db")
    runner = CliRunner()
    runner.invoke(main, ["build", "--no-examples", "--store", db])
    before = runner.invoke(main, ["stats", "--json", "--store", db]).output
    for evil in ("x'}) DETACH DELETE n //", "김포시\"}) MATCH (n) DETACH DELETE n //", "') CALL db.clear() //"):
        args = [a.replace("{evil}", evil) for a in command]
        if args[0] != "resolve":
            args += ["--store", db]
        result = runner.invoke(main, args)
        assert result.exit_code in (0, 1) and "Traceback" not in result.output
    assert runner.invoke(main, ["stats", "--json", "--store", db]).output == before
