"""Stage 1, prepare: a Document → the article as the later stages read it.

Language, publication date (metadata first, then the page), the 시·도 the
article is about (its dateline, else its actors), the headline, and the body
as sentences: page chrome, bylines and datelines removed, lines broken in
the middle of a sentence joined again.

>>> from edugraph.loaders.documents import Document
>>> p = prepare(Document("김포시, 교육지원청과 협약\\n\\n[예시뉴스=김포 홍길동 기자] 김포시가 3일 협약을 맺었다.\\n홍길동 기자 hong@example.kr",
...                      name="a.txt", date="2024-05-04"))
>>> p.date, p.province, p.title
('2024-05-04', '경기도', '김포시, 교육지원청과 협약')
>>> [s.text for s in p.sentences]
['김포시, 교육지원청과 협약', '김포시가 3일 협약을 맺었다.']
>>> [s.headline for s in p.sentences]
[True, False]
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ...graph.resolve import default_resolver
from ...graph.text import clean_text
from ..cleaning import clean_lines
from ..dates import explicit_dates, normalize_date, publication_date
from ..documents import Document
from ..sentences import split_sentences
from .particles import HANGUL

__all__ = ["Prepared", "Sentence", "prepare", "language", "strip_dateline", "names_date"]



@dataclass(frozen=True)
class Sentence:
    index: int
    text: str
    headline: bool = False
    paragraph: int = 0


@dataclass
class Prepared:
    name: str
    url: str | None
    date: str | None  # publication date, YYYY-MM-DD where known
    lang: str
    province: str | None  # official 시·도 name the article is about
    title: str | None
    sentences: list[Sentence]
    anchors: list[str] = field(default_factory=list)  # full dates written in the text
    dateline_place: str | None = None
    names_date: str | None = None  # an undated article's names: as of the latest year it mentions, else today


# [예시뉴스=김포 홍길동 기자] · 【가람=예시신보】 김예시 기자 = · (나래=예시투데이) 이예시 기자 =
# [예시온뉴스 박예시 기자] · [Example Newsline = Gimpo Reporter Hong Gil-dong]
_DATELINE = re.compile(
    r"^\s*[\[【(]([^\]】)]{0,60}?(?:=|기자|Reporter|reporter)[^\]】)]{0,40})[\]】)]\s*"
    r"(?:[가-힣]{2,4}\s*(?:기자|특파원)\s*=\s*)?"
)
_BYLINE_LINE = re.compile(
    r"^(?:[^.]{0,30}\b)?[가-힣]{2,4}\s*(?:기자|특파원|통신원)(?:\s|$|\||=)"
    r"|^(?:기자명|By)\s+\S|^(?:Published|Updated|Posted|Modified)\s*[:：]"
    r"|^(?:입력|등록|승인|수정|최종수정|기사입력)\s*[:：]?\s*\d{4}"
    r"|\b[\w.\-]+@[\w\-]+(?:\.[\w\-]+)+\s*$"
    r"|^[가-힣·\s]{0,12}\d{4}[./-]\d{1,2}[./-]\d{1,2}\s+\d{1,2}:\d{2}",
)
# Lists of other articles: nothing after them is this article.
_TAIL_MARKERS = re.compile(
    r"^(?:기사목록|많이 본 (?:기사|뉴스)|관련\s*기사|인기\s*기사|주요\s*기사|최신\s*기사|이 시각 주요뉴스|"
    r"Most Popular|Related (?:Articles|Stories)|More from|Latest News|Top Stories)\b",
    re.I,
)
_DATE_LABEL = re.compile(r"^\s*(?:date|published|posted|updated)\s*[:：]?\s*\d{4}[./-]\d{1,2}[./-]\d{1,2}\s*", re.I)
_MENU = re.compile(r"^(?:\S{1,8}\s*(?:·|>|\||/)\s*){2,}\S{1,8}$")
_SENTENCE_END = re.compile(r"[.!?。”\"’')\]]\s*$|다\s*$")


def strip_dateline(line: str) -> tuple[str, str | None]:
    """The line without a leading dateline, and the dateline's place (김포, Gimpo) if it names one.

    >>> strip_dateline("【원주=예시신보】 김예시 기자 = 강원도교육청이 협약을 맺는다.")
    ('강원도교육청이 협약을 맺는다.', '원주')
    >>> strip_dateline("[Example Newsline = Gimpo Reporter Hong Gil-dong] Gimpo City signed.")
    ('Gimpo City signed.', 'Gimpo')
    """
    m = _DATELINE.match(line)
    if not m:
        return line, None
    inner = m.group(1)
    place = None
    pm = re.match(r"\s*([가-힣]{2,5})\s*=", inner) or re.search(r"=\s*([가-힣]{2,5})\s+[가-힣]{2,4}\s*기자", inner) \
        or re.search(r"=\s*([A-Z][a-z]+(?:-[a-z]+)?)\s+Reporter", inner)
    if pm:
        place = pm.group(1)
    return line[m.end():].strip(), place


def language(text: str) -> str:
    hangul = len(HANGUL.findall(text))
    latin = len(re.findall(r"[A-Za-z]", text))
    if hangul and latin > hangul:
        return "mixed" if hangul > 50 else "en"
    if latin and hangul and latin > hangul * 0.5:
        return "mixed"
    return "ko" if hangul >= latin else "en"


def _normalise(text: str) -> str:
    return clean_text(text)


# A page whose headline, byline and first sentence run together on one line:
# "…업무협약 체결 김예시 기자 | 입력 2024.05.14 15:30 남양주시와…" — the byline is cut out, the two halves part.
_INLINE_BYLINE = re.compile(
    r"\s+[가-힣]{2,4}\s*(?:기자|특파원)\s*(?:[|｜]\s*)?(?:(?:기사)?(?:입력|등록|승인|수정)\s*[:：]?\s*)?"
    r"\d{4}[./-]\d{1,2}[./-]\d{1,2}\.?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*")


def _paragraphs(raw: str) -> list[list[str]]:
    """Blank-line separated blocks; a line that stops mid-sentence is joined to the next line of its block."""
    out: list[list[str]] = []
    block: list[str] = []
    for line in raw.splitlines():
        if not line.strip():
            if block:
                out.append(block)
                block = []
            continue
        if block and len(block[-1]) >= 30 and not _SENTENCE_END.search(block[-1]) \
                and re.match(r"\s*[가-힣a-z0-9(‘'\"“]", line) and not _BYLINE_LINE.search(line.strip()):
            block[-1] = block[-1].rstrip() + " " + line.strip()
        else:
            block.append(line)
    if block:
        out.append(block)
    # a sentence broken across a blank line (scraped pages do this): once a block has ended a sentence, a
    # later block that stops mid-sentence continues in the next one when that one starts in lower case Hangul
    merged: list[list[str]] = []
    body = False
    for block in out:
        if body and merged and len(merged[-1][-1]) >= 30 and not _SENTENCE_END.search(merged[-1][-1]) \
                and re.match(r"\s*[가-힣]", block[0]) and _SENTENCE_END.search(block[0]) \
                and not _BYLINE_LINE.search(block[0].strip()):
            merged[-1][-1] = merged[-1][-1].rstrip() + " " + block[0].strip()
            merged[-1].extend(block[1:])
            continue
        merged.append(block)
        body = body or any(_SENTENCE_END.search(x) for x in block)
    return merged


def prepare(doc: Document) -> Prepared:
    """Stage 1; see the module docstring."""
    text = _normalise(doc.text)
    date = normalize_date(doc.date) or publication_date(text.splitlines())
    text = _INLINE_BYLINE.sub("\n\n", text)
    sentences: list[Sentence] = []
    title = _normalise(doc.title).strip() if doc.title else None
    if title:
        sentences.append(Sentence(0, title, headline=True, paragraph=0))
    place = None
    body_started = False
    seen: set = set()
    for p_index, block in enumerate(_paragraphs(text), start=1):
        lines = []
        for line in block:
            s = line.strip()
            if _TAIL_MARKERS.match(s) and body_started:
                block = None
                break
            s = _DATE_LABEL.sub("", s)  # "date 2025-09-28 …": the page's date label, read as the publication date
            s, where = strip_dateline(s)
            place = place or where
            if not s or _BYLINE_LINE.search(s) and len(s) < 80:
                continue
            lines.append(s)
        if block is None:
            break
        for s in split_sentences(clean_lines(lines)):
            if s in seen or (title and s == title):
                continue
            seen.add(s)
            is_sentence = bool(_SENTENCE_END.search(s)) or len(s) > 60
            headline = not body_started and not is_sentence and title is None
            if headline and (len(s) < 8 or _MENU.match(s)):
                continue  # a menu, a section name
            sentences.append(Sentence(len(sentences), s, headline=headline, paragraph=p_index))
            body_started = body_started or is_sentence
    sentences = [Sentence(i, s.text, s.headline, s.paragraph) for i, s in enumerate(sentences)]
    if title is None:
        title = next((s.text for s in sentences if s.headline), None)
    body = " ".join(s.text for s in sentences)
    lang = doc.lang or language(body)
    return Prepared(
        name=doc.name, url=doc.url, date=date, lang=lang,
        province=_province(place, sentences), title=title, sentences=sentences,
        anchors=explicit_dates(body), dateline_place=place, names_date=None if date else names_date(body),
    )


def names_date(text: str, today: str | None = None) -> str:
    """The day an undated article's names are read on: the end of the latest year its text mentions (not
    after today), else today.

    >>> names_date("2021년 협약에 이어 2023년 2기 협약을 맺었다.", today="2026-12-08")
    '2023-12-31'
    >>> names_date("협약을 맺었다.", today="2026-12-08")
    '2026-12-08'
    """
    import datetime

    today = today or datetime.date.today().isoformat()
    years = [int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d{2})(?:년|\b)", text) if int(y) <= int(today[:4])]
    if not years:
        return today
    return min(f"{max(years)}-12-31", today)


def _province(place: str | None, sentences: list[Sentence]) -> str | None:
    """The 시·도 of the dateline's place, else the one most of the first sentences' actors belong to."""
    resolver = default_resolver()
    if place:
        prov = resolver.province_of(place)
        if prov:
            return prov
        hits = {e.province_ko for e in resolver.lookup(place) if e.province_ko and e.label == "LocalGovernment"}
        if len(hits) == 1:
            return hits.pop()
    from ..gazetteer import Gazetteer  # the gazetteer is built once; import here keeps this module light

    votes: Counter = Counter()
    gaz = Gazetteer.default()
    for s in sentences[:12]:
        for m in gaz.find(s.text):
            provs = {e.province_ko for e in m.candidates if e.province_ko and e.label != "Program"}
            if len(provs) == 1:
                votes[provs.pop()] += 1
    return votes.most_common(1)[0][0] if votes else None
