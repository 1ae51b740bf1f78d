"""Bad input: each file or row gets a message naming it and the reason; the rest of the run goes on."""

import json
import os

import pytest
from click.testing import CliRunner

from edugraph.cli import main

SENTENCE = "김포시와 김포교육지원청이 25일 교육발전특구 실무협의회를 열었다."


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture
def messy(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(SENTENCE, encoding="utf-8")
    (d / "cp949.txt").write_bytes(("오산시와 화성오산교육지원청이 6일 부속 합의서를 맺었다.").encode("cp949"))
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (d / "truncated.html").write_text(f"<html><body><article><p>{SENTENCE}</p><p>두 기관은", encoding="utf-8")
    (d / "nested.html").write_text("<html><body>" + "<div>" * 20000 + "텍스트" + "</div>" * 20000, encoding="utf-8")
    good = json.dumps({"id": "j1", "text": "오산시와 화성오산교육지원청이 협약을 맺었다."}, ensure_ascii=False)
    (d / "rows.jsonl").write_text(f"{good}\n{{broken\n[1, 2]\n{{\"id\": \"x\"}}\n", encoding="utf-8")
    (d / "rows.csv").write_text(f"id,title,text\n1,t,{SENTENCE} 회의는 두 시간 이어졌다.\n2,t,a,b,c\n",
                                encoding="utf-8")
    (d / "bigkinds.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    os.symlink(d, d / "loop")  # a symlink loop must not hang the walk
    return d


def test_every_bad_file_and_row_is_named_and_the_rest_is_ingested(messy, tmp_path):
    result = run("ingest", messy, "--store", tmp_path / "m.db")
    assert result.exit_code == 2, result.output
    out = result.output
    for fragment in ("empty.txt: empty file", "binary.txt: binary file", "nested.html: no article text",
                     "rows.jsonl line 2:", "rows.jsonl line 3: not a JSON object", "rows.jsonl line 4: no text",
                     "rows.csv line 3: more fields than columns", "bigkinds.xlsx: not a readable Excel file"):
        assert fragment in out, fragment
    assert str(messy) in out  # messages name the file by its path
    assert "Traceback" not in out
    summary = out.strip().splitlines()[-1]
    assert "5 documents read" in summary and "4 failed" in summary and "4 bad rows" in summary
    stats = json.loads(run("stats", "--store", tmp_path / "m.db", "--json").output)
    assert stats["nodes"]["Document"] == 5  # good, cp949, truncated html, one JSONL row, one CSV row


def test_excel_without_the_text_column(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(["제목", "일자"])
    wb.active.append(["김포시", "20240101"])
    wb.save(tmp_path / "export.xlsx")
    result = run("ingest", tmp_path / "export.xlsx", "--store", tmp_path / "x.db")
    assert result.exit_code == 2 and "missing BigKinds column(s) 본문" in result.output


def test_a_50_mb_file_is_refused_quickly_with_a_reason(tmp_path):
    big = tmp_path / "dump.txt"
    line = (SENTENCE + "\n").encode("utf-8")
    with big.open("wb") as fh:
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            fh.write(line)
    (tmp_path / "ok.txt").write_text(SENTENCE, encoding="utf-8")
    result = run("ingest", big, tmp_path / "ok.txt", "--store", tmp_path / "b.db")
    assert result.exit_code == 2
    assert "dump.txt:" in result.output and "too large for one article" in result.output
    assert "1 documents read" in result.output


def test_a_folder_of_thousands_of_files(tmp_path):
    d = tmp_path / "many"
    for i in range(2000):
        sub = d / f"{i // 100:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{i}.txt").write_text(f"{SENTENCE} ({i}번째 기사)", encoding="utf-8")
    result = run("ingest", d, "--store", tmp_path / "t.db")
    assert result.exit_code == 0, result.output[-500:]
    assert "2000 files, 2000 documents read" in result.output


def test_extract_reports_bad_files_and_keeps_going(messy):
    result = run("extract", messy / "good.txt", messy / "empty.txt", "--jsonl")
    assert result.exit_code == 2
    assert "empty.txt: empty file" in result.output
    assert any(line.startswith("{") for line in result.output.splitlines())
