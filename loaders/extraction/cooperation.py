"""Cooperation without a named agreement, and councils: who meets in which council, who chairs it.

A joint meeting, project or budget ties the parties the sentence names
(``COOPERATES_WITH``, dated by the day the sentence states); the governments
and offices that meet in a council are its members; a 시장 and a 교육감 who
co-chair it head it.

>>> from edugraph.loaders.documents import Document
>>> from edugraph.loaders.extraction import extract
>>> ann = extract(Document("가평군과 가평교육지원청은 4일 돌봄 공백 해소에 협력하기로 했다.", name="a.txt", date="2024-03-05"))
>>> [(r["source"], r["target"], r["date"]) for r in ann["relations"] if r["type"] == "COOPERATES_WITH"]
[('가평군', '경기도가평교육지원청', '2024-03-04')]
"""

from __future__ import annotations

import re
from itertools import combinations

from .frames import Frame
from .participation import PARTICIPANTS
from .particles import HANGUL
from .people import Head
from .registry import Registry

__all__ = ["cooperation", "council_heads"]

_CHAIR = re.compile(r"공동의장|공동 의장|의장을 맡|공동위원장|위원장을 맡|공동회장|co-chair\w*|chaired by", re.I)
_ELECTED = re.compile(r"(회장|위원장|의장|공동의장)(?:으로|에)\s*(?:선출|추대|선임)")
_HEAD_ROLES = ("교육감", "시장", "도지사", "군수", "구청장")


def cooperation(reg: Registry, sentence, frame: Frame, when: str | None) -> None:
    """Council memberships and the cooperation a sentence states between its parties."""
    s = sentence.text
    actors = [m for m in frame.parties if m.type in PARTICIPANTS]
    if frame.councils and (frame.meeting or frame.cooperation):
        for c in frame.councils:
            for m in actors:
                if m.type in ("LocalGovernment", "EducationOffice"):
                    reg.relate("MEMBER_OF", m.canonical, c.canonical, s, sentence.headline)
    if frame.signing or not (frame.cooperation or frame.councils and frame.meeting):
        return
    if len({m.canonical for m in actors}) < 2:
        return
    names = list(dict.fromkeys(m.canonical for m in actors))
    if frame.english and frame.subjects:
        # English names the one who acts first; the others cooperate with it, not with each other
        subj = frame.subjects[0].canonical
        pairs = [(subj, n) for n in names if n != subj]
    elif len(names) <= 4:
        pairs = combinations(names, 2)
    else:
        subj = [m.canonical for m in frame.subjects if m.type in PARTICIPANTS][:1]
        pairs = [(subj[0], n) for n in names if subj and n != subj[0]]
    for a, b in pairs:
        reg.relate("COOPERATES_WITH", a, b, s, sentence.headline, date=when)


def council_heads(reg: Registry, sentence, heads: list[Head], frame: Frame) -> None:
    """협의회 공동의장인 김 교육감과 박 시장, 가람국장과 나래과장이 공동위원장을 맡고, co-chaired by Gov. Kim and
    Superintendent Shin, 홍길동 가람구청장을 초대 회장으로 선출했다: the persons named chair the council the
    sentence speaks of (the one named last before the chair's word)."""
    if not frame.councils:
        return
    s = sentence.text
    elected = _ELECTED.search(s)
    if elected:
        council = _council_at(frame, elected.start())
        for h in heads:
            if HANGUL.search(h.person) and h.start < elected.start():
                reg.relate("HEADS", h.person, council, s, sentence.headline, role=elected.group(1))
    chair = _CHAIR.search(s)
    if chair:
        role = "공동의장" if re.search(r"공동|co-", chair.group(), re.I) else "의장"
        if "위원장" in chair.group():
            role = "공동위원장"
        council = _council_at(frame, chair.start())
        chairs = _named_after(s, chair.end(), heads) if re.match(r"(?:인|은|는|:)?\s", s[chair.end():chair.end() + 2]) \
            else [h for h in heads if h.end <= chair.start()]
        for h in chairs:
            if HANGUL.search(h.person) or h.role in _HEAD_ROLES:
                reg.relate("HEADS", h.person, council, s, sentence.headline, role=role)


def _named_after(s: str, pos: int, heads: list[Head]) -> list[Head]:
    """The heads listed right after ``pos`` (공동의장인 가 시장과 나 교육감): joined by 와/과/및/commas only."""
    out = []
    for h in sorted(heads, key=lambda h: h.start):
        if h.start < pos:
            continue
        gap = s[(out[-1].end if out else pos):h.start]
        if not re.fullmatch(r"\s*(?:인|은|는|:|by)?\s*" if not out else r"\s*(?:와|과|및|,|·|and|, and)?\s*", gap):
            break
        out.append(h)
    return out


def _council_at(frame: Frame, pos: int) -> str:
    """The council the words at ``pos`` speak of: the one named last before them, else the first named."""
    before = [c for c in frame.councils if c.start < pos]
    return (before[-1] if before else frame.councils[0]).canonical
