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

_CHAIR = re.compile(r"공동의장|공동 의장|의장을 맡|공동위원장|co-chair\w*|chaired by", re.I)
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
    """협의회 공동의장인 김 교육감과 박 시장, co-chaired by Gov. Kim and Superintendent Shin, 홍길동 가람구청장을
    초대 회장으로 선출했다: the heads named head the council of the sentence."""
    if not frame.councils:
        return
    s = sentence.text
    council = frame.councils[0].canonical
    elected = _ELECTED.search(s)
    if elected:
        for h in heads:
            if HANGUL.search(h.person) and s.find(h.surface) < elected.start():
                reg.relate("HEADS", h.person, council, s, sentence.headline, role=elected.group(1))
    chair = _CHAIR.search(s)
    if chair:
        role = "공동의장" if re.search(r"공동|co-", chair.group(), re.I) else "의장"
        for h in heads:
            if h.role in _HEAD_ROLES and HANGUL.search(h.person):
                reg.relate("HEADS", h.person, council, s, sentence.headline, role=role)
