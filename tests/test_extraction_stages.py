"""Each extraction stage on hand-made cases (tests/fixtures/extraction_cases.yaml), and the whole
extractor on the development corpus and the seeds (``../shared/corpus``)."""

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from edugraph.cli import main
from edugraph.graph.store import open_store
from edugraph.loaders.documents import Document
from edugraph.loaders.extract import extract_document
from edugraph.loaders.extraction.coref import Article, resolve
from edugraph.loaders.extraction.frames import read_frame
from edugraph.loaders.extraction.mentions import Context, find_mentions
from edugraph.loaders.extraction.people import find_heads
from edugraph.loaders.extraction.prepare import prepare
from edugraph.loaders.ingest import ingest_documents

CASES = yaml.safe_load((Path(__file__).parent / "fixtures" / "extraction_cases.yaml").read_text(encoding="utf-8"))


def _resolved(case):
    ctx = Context.default(date=case["date"], province=case["province"])
    found = find_mentions(case["sentence"], ctx)
    return ctx, resolve(found, Article([found], ctx))


@pytest.mark.parametrize("case", CASES["mentions"], ids=lambda c: c["sentence"][:24])
def test_mentions(case):
    _, found = _resolved(case)
    got = [[m.canonical, m.type] for m in found if m.canonical]
    for item in case["expect"]:
        assert item in got, (item, got)


@pytest.mark.parametrize("case", CASES["people"], ids=lambda c: c["sentence"][:24])
def test_people(case):
    ctx, found = _resolved(case)
    got = [[h.person, h.org, h.role] for h in find_heads(case["sentence"], found, ctx) if h.org]
    assert got == case["expect"]


@pytest.mark.parametrize("case", CASES["frames"], ids=lambda c: c["sentence"][:24])
def test_frames(case):
    _, found = _resolved(case)
    frame = read_frame(case["sentence"], found)
    for key, value in case["expect"].items():
        assert getattr(frame, key) == value, key


def test_prepare_strips_datelines_and_joins_broken_lines():
    text = ("가나시, 교육지원청과 협약\n\n[예시뉴스=가나 홍길동 기자] 가나시와 교육지원청이 오늘 시청에서 세부 사업을 담은\n"
            "부속합의서를 맺었다.\n\n홍길동 기자 hong@example.kr\n\n많이 본 기사\n1 다른 기사 제목")
    p = prepare(Document(text, name="a.txt", date="2024-05-04"))
    assert [s.text for s in p.sentences] == [
        "가나시, 교육지원청과 협약", "가나시와 교육지원청이 오늘 시청에서 세부 사업을 담은 부속합의서를 맺었다."]
    assert p.sentences[0].headline and not p.sentences[1].headline


def test_separate_signings_are_one_agreement_each():
    ann = extract_document(Document("경상남도교육청은 4일 사천시, 하동군과 각각 행복교육지구 업무협약을 맺었다.",
                                    name="s.txt", date="2018-12-05"))
    signed = {}
    for r in ann["relations"]:
        if r["type"] == "SIGNED":
            signed.setdefault(r["target"], set()).add(r["source"])
    assert sorted(map(sorted, signed.values())) == [["경상남도교육청", "사천시"], ["경상남도교육청", "하동군"]]


def test_planned_signing_is_kept_as_planned():
    ann = extract_document(Document("가평군과 가평교육지원청은 오는 23일 업무협약을 체결할 예정이다.",
                                    name="p.txt", date="2024-03-05"))
    signed = [r for r in ann["relations"] if r["type"] == "SIGNED"]
    assert signed and all(r["status"] == "planned" for r in signed)
    assert {r["date"] for r in signed} == {"2024-03-23"}


def test_names_as_of_the_article_date():
    text = "전북교육청과 무주군이 작은 학교 살리기에 함께 나섰다."
    old = extract_document(Document(text, name="o.txt", date="2022-10-28"))
    new = extract_document(Document(text, name="n.txt", date="2024-10-28"))
    assert "전라북도교육청" in {e["canonical_ko"] for e in old["entities"]}
    assert "전북특별자치도교육청" in {e["canonical_ko"] for e in new["entities"]}
    # the id stays the same across the rename
    assert {e["id"] for e in old["entities"] if e["type"] == "EducationOffice"} == {"eo_52"}


def test_officeholder_romanised_to_hangul_for_the_date():
    for date, name in (("2019-05-01", "조희연"), ("2023-05-01", "조희연")):
        ann = extract_document(Document("Superintendent Cho Hee-yeon of the Seoul Metropolitan Office of Education "
                                        "met Mayor Oh Se-hoon.", name="e.txt", date=date))
        assert (name, "서울특별시교육청") in {(r["source"], r["target"]) for r in ann["relations"] if r["type"] == "HEADS"}


def test_bare_superintendent_heads_the_provincial_office():
    ann = extract_document(Document("충청북도교육청은 괴산군과 협약을 맺었다. 김병우 교육감은 적극 지원하겠다고 말했다.",
                                    name="b.txt", date="2017-03-01"))
    heads = {(r["source"], r["target"]) for r in ann["relations"] if r["type"] == "HEADS"}
    assert heads == {("김병우", "충청북도교육청")}


@pytest.mark.parametrize("text,expected", [
    ("부산광역시교육청은 5일 중구와 업무협약을 맺었다.", {"eo_26", "lg_26110"}),
    ("대구광역시교육청은 5일 중구와 업무협약을 맺었다.", {"eo_27", "lg_27110"}),
    ("경상남도교육청은 5일 고성군과 업무협약을 맺었다.", {"eo_48", "lg_48820"}),
    ("강원특별자치도교육청은 5일 고성군과 업무협약을 맺었다.", {"eo_51", "lg_51820"}),
    ("경기도교육청은 5일 광주시와 업무협약을 맺었다.", {"eo_41", "lg_41610"}),
    ("광주광역시교육청은 5일 광주시와 업무협약을 맺었다.", {"eo_29", "lg_29"}),
])
def test_homonym_id_is_carried_into_the_store(tmp_path, text, expected):
    """The extractor settles 중구, 고성군, 광주 from the article's 시·도; ingest writes that id, never a new node."""
    ann = extract_document(Document(text, name="h.txt", date="2024-03-06"))
    assert {e["id"] for e in ann["entities"] if e["type"] != "Agreement"} == expected
    with open_store(str(tmp_path / "h.db")) as store:
        ingest_documents(store, [Document(text, name="h.txt", date="2024-03-06")])
        rows = store.run("MATCH (a:Actor)-[:SIGNED]->(:Agreement) RETURN a.id AS id", {})
    assert {r["id"] for r in rows} == expected


# ------------------------------------------------------------------ corpora
# Issue 12's bars on the development corpus (actors/persons ≥ 0.90, cooperation/heads ≥ 0.85,
# participation/agreements ≥ 0.80), and floors at today's figures so that a change that loses ground fails.
DEV_FLOORS = {"actors": 0.94, "persons": 0.97, "cooperation": 0.88, "participation": 0.80, "heads": 0.89,
              "agreements": 0.80}
SEED_FLOORS = {"actors": 0.93, "persons": 0.94, "cooperation": 0.93, "participation": 0.85, "heads": 0.90,
               "agreements": 0.85}


ISSUE_12_BARS = {"actors": 0.90, "persons": 0.90, "cooperation": 0.85, "participation": 0.80, "heads": 0.85,
                 "agreements": 0.80}


SEED_BARS = {"actors": 0.85, "cooperation": 0.85, "participation": 0.85, "heads": 0.85}


@pytest.mark.parametrize("gold,texts,floors", [("dev-gold", "dev", ISSUE_12_BARS), ("seeds-gold", "seeds", SEED_BARS)])
def test_issue_12_bars(corpus, gold, texts, floors):
    result = CliRunner().invoke(main, ["evaluate", str(corpus / gold), str(corpus / texts), "--json"])
    micro = json.loads(result.output)["micro"]
    for tier, bar in floors.items():
        assert micro[tier]["f1"] >= bar, (tier, micro[tier])


@pytest.mark.parametrize("gold,texts,floors", [("dev-gold", "dev", DEV_FLOORS), ("seeds-gold", "seeds", SEED_FLOORS)])
def test_corpus_scores_hold(corpus, gold, texts, floors):
    result = CliRunner().invoke(main, ["evaluate", str(corpus / gold), str(corpus / texts), "--json"])
    assert result.exit_code == 0, result.output
    micro = json.loads(result.output)["micro"]
    for tier, floor in floors.items():
        assert micro[tier]["f1"] >= floor, (tier, micro[tier])


def test_evaluate_lists_errors(corpus):
    result = CliRunner().invoke(main, ["evaluate", str(corpus / "seeds-gold"), str(corpus / "seeds"), "--errors",
                                       "--json"])
    rows = json.loads(result.output)
    assert rows and {"document", "tier", "kind", "item"} <= set(rows[0])
    assert {r["kind"] for r in rows} <= {"missed", "extra"}


def test_planned_agreement_is_shown_as_planned_until_signed(tmp_path):
    from edugraph.queries.catalogue import ask

    announced = Document("가평군과 가평교육지원청은 오는 23일 업무협약을 체결할 예정이다.", name="a.txt", date="2024-03-05")
    signed = Document("가평군과 가평교육지원청은 23일 군청에서 업무협약을 체결했다고 24일 밝혔다.", name="b.txt",
                      date="2024-03-24")
    with open_store(str(tmp_path / "p.db")) as store:
        ingest_documents(store, [announced])
        rows = {r["partner"]: r for r in ask(store, "partners", "가평군")}
        via = rows["경기도가평교육지원청"]["via"]
        assert "planned agreement" in via and "agreement" not in via
        ingest_documents(store, [signed])
        rows = {r["partner"]: r for r in ask(store, "partners", "가평군")}
        via = rows["경기도가평교육지원청"]["via"]
        assert "agreement" in via and "planned agreement" not in via
        # the announcement read again later does not undo the signing
        ingest_documents(store, [Document(announced.text + " ", name="c.txt", date="2024-03-06")])
        rows = {r["partner"]: r for r in ask(store, "partners", "가평군")}
        via = rows["경기도가평교육지원청"]["via"]
        assert "agreement" in via and "planned agreement" not in via


def test_scraped_page_with_headline_byline_and_lede_on_one_line():
    text = "가람시·교육지원청, 늘봄 업무협약 체결 김예시 기자 | 입력 2024.05.14 15:30 가평군과 가평교육지원청이 13일 업무협약을 맺었다."
    p = prepare(Document(text, name="x.html", date="2024-05-14"))
    assert [(s.headline, s.text) for s in p.sentences] == [
        (True, "가람시·교육지원청, 늘봄 업무협약 체결"), (False, "가평군과 가평교육지원청이 13일 업무협약을 맺었다.")]
    ann = extract_document(Document(text, name="x.html", date="2024-05-14"))
    signed = [r for r in ann["relations"] if r["type"] == "SIGNED"]
    assert signed and all(r["evidence"].startswith("가평군과") and r["date"] == "2024-05-13" for r in signed)


def test_cooperation_takes_the_stated_day():
    ann = extract_document(Document("[예시뉴스=김포 홍길동 기자] 김포시와 김포교육지원청이 3일 실무협의회를 열고 협력 방안을 논의했다.",
                                    name="c.txt", date="2024-05-04"))
    coop = [r for r in ann["relations"] if r["type"] == "COOPERATES_WITH"]
    assert [(r["date"], r["evidence"][:4]) for r in coop] == [("2024-05-03", "김포시와")]


def test_title_field_is_read():
    ann = extract_document(Document("시청에서 열린 행사였다.", name="r1", title="가평군·가평교육지원청, 돌봄 업무협약 체결",
                                    date="2024-05-04"))
    assert {"가평군", "경기도가평교육지원청"} <= {e["canonical_ko"] for e in ann["entities"]}


def test_the_ministry_that_designates_does_not_take_part():
    ann = extract_document(Document("교육부는 28일 구미시를 교육발전특구 시범지역으로 지정했다.", name="m.txt", date="2024-02-29"))
    parts = {(r["source"], r["target"]) for r in ann["relations"] if r["type"] == "PARTICIPATES_IN"}
    assert parts == {("구미시", "교육발전특구")}


def test_councils_of_two_regions_stay_two(tmp_path):
    """'2024년 교육행정협의회' in a 진주 article and in a 김해 article are two councils: the region is in the name."""
    a = Document("진주시와 진주교육지원청은 3일 2024년 교육행정협의회를 열고 통학 안전을 논의했다.", name="j.txt", date="2024-05-04")
    b = Document("김해시와 김해교육지원청은 3일 2024년 교육행정협의회를 열고 급식 지원을 논의했다.", name="g.txt", date="2024-05-04")
    councils = [e["canonical_ko"] for d in (a, b) for e in extract_document(d)["entities"] if e["type"] == "Council"]
    assert councils == ["진주시 교육행정협의회", "김해시 교육행정협의회"]
    with open_store(str(tmp_path / "c.db")) as store:
        ingest_documents(store, [a, b])
        rows = store.run("MATCH (c:Council)<-[:MEMBER_OF]-(a:Actor) RETURN c.name_ko AS c, collect(a.name_ko) AS m", {})
    assert sorted((r["c"], sorted(r["m"])) for r in rows) == [
        ("김해시 교육행정협의회", ["경상남도김해교육지원청", "김해시"]), ("진주시 교육행정협의회", ["경상남도진주교육지원청", "진주시"])]


@pytest.mark.parametrize("case", CASES["coref"], ids=lambda c: c["sentences"][-1][:24])
def test_coref(case):
    ctx = Context.default(date=case["date"], province=case["province"])
    found = [find_mentions(s, ctx) for s in case["sentences"]]
    art = Article(found, ctx)
    got = [[m.canonical, m.type] for mentions in found for m in resolve(mentions, art) if m.canonical]
    for item in case["expect"]:
        assert item in got, (item, got)


def _facts(ann):
    agreements: dict = {}
    for r in ann["relations"]:
        if r["type"] == "SIGNED" and r.get("status") != "planned":
            agreements.setdefault(r["target"], [set(), r.get("date")])[0].add(r["source"])
    pairs = {t: {(r["source"], r["target"]) for r in ann["relations"] if r["type"] == t}
             for t in ("PARTICIPATES_IN", "HEADS", "COOPERATES_WITH")}
    return [(frozenset(s), d) for s, d in agreements.values()], pairs


@pytest.mark.parametrize("case", CASES["articles"], ids=lambda c: c["text"][:24])
def test_articles(case):
    """Each error class of real news, in our own words: the assembled annotation states what the case says."""
    ann = extract_document(Document(case["text"], name="case.txt", date=case["date"]))
    agreements, pairs = _facts(ann)
    if "agreements" in case:
        want = [(frozenset(signers), date) for signers, date in case["agreements"]]
        assert len(agreements) == len(want), agreements
        for signers, date in want:
            assert any(s == signers and (date is None or d == date) for s, d in agreements), (signers, date, agreements)
    for key, rel in (("participation", "PARTICIPATES_IN"), ("heads", "HEADS"), ("cooperation", "COOPERATES_WITH")):
        for a, b in case.get(key, ()):
            assert (a, b) in pairs[rel] or (rel == "COOPERATES_WITH" and (b, a) in pairs[rel]), (a, b, pairs[rel])
    if case.get("cooperation") == []:
        assert not pairs["COOPERATES_WITH"]
    for a, b in case.get("no_participation", ()):
        assert (a, b) not in pairs["PARTICIPATES_IN"]


def test_unsettled_homonym_is_noted_not_guessed():
    ann = extract_document(Document("중구는 교육지원청과 협약을 맺었다.", name="u.txt", date="2024-03-01"))
    assert {"name": "중구", "type": "LocalGovernment"} in ann["unsettled"]
    assert "중구" not in {e["canonical_ko"] for e in ann["entities"]}
