"""Unicode at every entrance: decomposed Hangul, zero-width characters, BOMs and full-width forms give the
same facts and the same answers as clean text (graph/text.py)."""

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from edugraph.graph.resolve import default_resolver
from edugraph.graph.values import partial_date
from edugraph.loaders.documents import Document
from edugraph.loaders.extract import extract_document
from edugraph.loaders.readers import decode_bytes

ARTICLES = [
    "가평군과 가평교육지원청이 13일 군청에서 돌봄 업무협약을 맺었다고 14일 밝혔다.",
    "Gimpo City and the Gimpo Office of Education signed a business agreement on the 3rd.",
    "[예시뉴스=김포 홍길동 기자] 김포시와 김포교육지원청이 3일 실무협의회를 열고 협력 방안을 논의했다.",
]
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]


def _full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" and c.isalnum() else c for c in text)


@st.composite
def variants(draw, text):
    out = text
    if draw(st.booleans()):
        out = unicodedata.normalize("NFD", out)
    if draw(st.booleans()):
        out = _full_width(out)
    positions = draw(st.lists(st.integers(0, len(out)), max_size=6))
    for p in sorted(positions, reverse=True):
        out = out[:p] + draw(st.sampled_from(ZERO_WIDTH)) + out[p:]
    if draw(st.booleans()):
        out = "\ufeff" + out
    return out


def _facts(ann):
    return (sorted((e["canonical_ko"], e["type"]) for e in ann["entities"]),
            sorted((r["type"], r["source"], r["target"], r.get("date")) for r in ann["relations"]))


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(ARTICLES).flatmap(lambda t: st.tuples(st.just(t), variants(t))))
def test_article_text_in_any_unicode_form_gives_the_same_facts(pair):
    clean, messy = pair
    want = _facts(extract_document(Document(clean, name="a.txt", date="2024-05-04")))
    # through the reader, as a file would come in, and straight into the extractor
    got_read = _facts(extract_document(Document(decode_bytes(messy.encode("utf-8")), name="a.txt", date="2024-05-04")))
    got_direct = _facts(extract_document(Document(messy, name="a.txt", date="2024-05-04")))
    assert got_read == want and got_direct == want


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["김포시", "Gimpo City", "화성오산교육지원청", "Hwaseong Osan Office of Education"]).flatmap(
    lambda t: st.tuples(st.just(t), variants(t))))
def test_names_in_any_unicode_form_resolve_alike(pair):
    clean, messy = pair
    resolver = default_resolver()
    assert [e.id for e in resolver.lookup(messy)] == [e.id for e in resolver.lookup(clean)]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["2024", "2024-02", "2024-02-29", "2021.11.30"]).flatmap(
    lambda t: st.tuples(st.just(t), variants(t))))
def test_dates_in_any_unicode_form_read_alike(pair):
    clean, messy = pair
    assert partial_date(messy) == partial_date(clean) is not None


def test_impossible_dates_are_refused():
    assert partial_date("2024-02-30") is None and partial_date("2023-02-29") is None and partial_date("2024-13") is None
