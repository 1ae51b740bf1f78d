"""Readers, cleaning, dates and extraction (seeds scored through `edugraph evaluate`)."""

import json

import pytest
from click.testing import CliRunner

from edugraph.cli import main
from edugraph.graph.errors import InputError
from edugraph.loaders.cleaning import clean_lines
from edugraph.loaders.dates import publication_date, resolve_event_date
from edugraph.loaders.documents import Document
from edugraph.loaders.extract import extract_document
from edugraph.loaders.readers import read_path

ARTICLE = ("기사입력 2024/03/05\n본문 바로가기\n맑음서울2.6℃\n"
           "김포시와 김포교육지원청이 4일 교육발전특구 업무협약을 체결했다.\n"
           "김병수 김포시장은 \"양 기관이 긴밀히 협력하겠다\"고 말했다.\n광고\n")


def test_extract_output_contract(corpus):
    result = CliRunner().invoke(main, ["extract", str(corpus / "seeds" / "002_7d2d69bdf5ccce64.txt"), "--json"])
    ann = json.loads(result.output)
    assert set(ann) == {"doc", "url", "date", "lang", "entities", "relations", "facts", "unsettled"}
    assert ann["date"] == "2024-02-07"
    names = {e["canonical_ko"] for e in ann["entities"]}
    assert {"오산시", "경기도화성오산교육지원청", "경기도교육청"} <= names
    for rel in ann["relations"]:
        assert rel["source"] in names and rel["target"] in names and rel["evidence"]


def test_own_article_extraction():
    ann = extract_document(Document(ARTICLE, name="mine.txt"))
    signed = {(r["source"], r.get("date")) for r in ann["relations"] if r["type"] == "SIGNED"}
    assert signed == {("김포시", "2024-03-04"), ("경기도김포교육지원청", "2024-03-04")}
    heads = {(r["source"], r["target"]) for r in ann["relations"] if r["type"] == "HEADS"}
    assert heads == {("김병수", "김포시")}
    # chrome yields nothing: no weather station becomes an actor
    assert "서울특별시" not in {e["canonical_ko"] for e in ann["entities"]}


def test_homonym_settled_by_context():
    ann = extract_document(Document("부산광역시교육청은 5일 중구와 업무협약을 맺었다. 해운대구도 함께했다.", name="b"))
    gus = [e for e in ann["entities"] if e["canonical_ko"] == "중구"]
    assert gus and gus[0]["type"] == "LocalGovernment"


def test_extraction_is_deterministic(corpus):
    doc = next(read_path(corpus / "seeds" / "004_186f02194a16eec8.txt"))
    assert extract_document(doc) == extract_document(doc)


def test_cleaning_drops_chrome():
    lines = ["본문 바로가기", "맑음서울2.6℃", "닉네임 패스워드 도배방지 숫자 입력", "본문입니다.", "광고",
             "아래는 위 기사를 '구글 번역'으로 번역한 영문 기사의 [전문]입니다.", "Gimpo City signed an MOU."]
    assert clean_lines(lines) == ["본문입니다."]


@pytest.mark.parametrize("line,expected", [
    ("이귀선기자 | 기사입력 2024/02/07 [11:54]", "2024-02-07"), ("입력 : 2024/02/07 [11:54]", "2024-02-07"),
    ("2025.12.11 (목)", "2025-12-11"), ("Published February 7, 2024", "2024-02-07"),
])
def test_publication_dates(line, expected):
    assert publication_date([line]) == expected


@pytest.mark.parametrize("sentence,pub,expected", [
    ("6일 시청에서 협약을 체결했다.", "2024-02-07", "2024-02-06"), ("지난해 1월 체결한 협약", "2024-02-07", "2023-01"),
    ("오는 30일 협약식을 연다.", "2021-11-20", "2021-11-30"), ("On the 25th, the city held a meeting.", "2025-03-27", "2025-03-25"),
    ("협약을 체결했다.", "2024-02-07", None), ("6일 협약을 체결했다.", None, None),
])
def test_event_dates(sentence, pub, expected):
    assert resolve_event_date(sentence, pub) == expected


def test_readers(tmp_path):
    text = "김포시와 김포교육지원청이 협의회를 열었다."
    (tmp_path / "a.txt").write_bytes(text.encode("cp949"))
    (tmp_path / "b.txt").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "1", "text": text}, ensure_ascii=False) + "\n{bad\n",
                                      encoding="utf-8")
    (tmp_path / "d.csv").write_text("id,url,title,date,publisher,text\n1,,t,2024-01-02,p," + text + "\n",
                                    encoding="utf-8")
    (tmp_path / "e.html").write_text(f"<html><body><nav>메뉴</nav><article><p>{text}</p><p>{text} 두 기관은 "
                                     "협력을 약속했다.</p></article></body></html>", encoding="utf-8")
    for name in ("a.txt", "b.txt"):
        assert next(read_path(tmp_path / name)).text == text
    errors = []
    docs = list(read_path(tmp_path / "c.jsonl", errors))
    assert len(docs) == 1 and "line 2" in errors[0]
    assert next(read_path(tmp_path / "d.csv")).date == "2024-01-02"
    assert "김포시와" in next(read_path(tmp_path / "e.html")).text
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(InputError, match="empty"):
        list(read_path(tmp_path / "empty.txt"))
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    with pytest.raises(InputError, match="binary"):
        list(read_path(tmp_path / "bin.txt"))


def test_bigkinds_export(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["뉴스 식별자", "일자", "언론사", "기고자", "제목", "통합 분류1", "인물", "위치", "기관", "키워드", "본문", "URL"])
    ws.append(["01100101.1", "20240207", "예시일보", "홍길동", "제목", "사회>교육", "", "", "오산시,화성오산교육지원청", "",
               "오산시와 화성오산교육지원청이 6일 부속 합의서를 맺었다.", "https://example.org/1"])
    wb.save(tmp_path / "bk.xlsx")
    doc = next(read_path(tmp_path / "bk.xlsx"))
    assert doc.date == "2024-02-07" and doc.hints["organisations"] == ["오산시", "화성오산교육지원청"]
    ann = extract_document(doc)
    assert {r["date"] for r in ann["relations"] if r["type"] == "SIGNED"} == {"2024-02-06"}
