"""Programmes named by their shape: …교육지구, …특구, …공유학교 (the 시·도's own where the reference has
it), the items of a list of projects (A, B 등 다양한 교육사업), and quoted names (‘…학교’, ‘…사업’).

>>> ctx = Context.default(date="2024-03-05", province="경기도")
>>> [(m.canonical, m.kind) for m in open_programmes("가람시는 가람미래교육협력지구를 운영한다.", ctx, [])]
[('가람미래교육협력지구', 'open')]
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ...graph.resolve import normalize_name
from .context import Context, Mention
from .particles import HANGUL, particle_after

__all__ = ["open_programmes", "listed_programmes", "quoted_programmes"]

_OPEN_PROGRAM = re.compile(r"(?<![가-힣])([가-힣]{0,8}?(?:교육지구|협력지구|혁신지구|교육특구|발전특구|특화지구|협력특구|공유학교|"
                           r"온마을학교|마을학교|혁신교육지구))(?=[은는이가과와의을를도에로,.·\s’'”\")]|$|으로|에서)")


def open_programmes(s: str, ctx: Context, taken: list[Mention]) -> list[Mention]:
    """Programme names not in the reference, or shared by several 시·도 (행복교육지구): the 시·도's own if the
    reference has it, else the name as written."""
    out = []
    for m in _OPEN_PROGRAM.finditer(s):
        a, b = m.start(1), m.end(1)
        if any(t.start < b and a < t.end for t in taken):
            continue
        name = m.group(1)
        key = normalize_name(name)
        own = [e for e in _programmes_of(ctx.reference).get(ctx.province, ())
               if key in normalize_name(e.name_ko) or any(key == normalize_name(re.sub(r"\(.*?\)", "", a)) for a in e.aliases)]
        particle = particle_after(s, b)
        if len(own) == 1:
            out.append(Mention(a, b, name, own[0].name_ko, "Program", None, own[0].id, particle, "name"))
        elif len(name) >= 4:
            out.append(Mention(a, b, name, name, "Program", None, None, particle, "open"))
    return out


@lru_cache(maxsize=2)
def _programmes_of(reference) -> dict:
    """Reference programmes by the 시·도 they belong to."""
    out: dict = {}
    for e in reference.entities:
        if e.label == "Program" and e.province_ko:
            out.setdefault(e.province_ko, []).append(e)
    return out


_LISTED_PROGRAMS = re.compile(r"([^.]{3,160}?)\s*등\s*(?:다양한|여러|일부|각종|주요)?\s*(?:교육\s*)?(?:사업|정책|프로그램)")
_ITEM_LEAD = re.compile(r".*(?:으로|하고|있으며|이며|하며|에서|부터|까지|중심으로|통해|위해|은|는|이|가|을|를|인)\s")


def listed_programmes(s: str, taken: list[Mention]) -> list[Mention]:
    """'A, B 등 다양한 교육사업을 추진하고': the items of a list of a government's projects are programmes."""
    out = []
    for m in _LISTED_PROGRAMS.finditer(s):
        items = m.group(1).split(",")
        if len(items) < 2:
            continue
        pos = m.start(1)
        for k, raw in enumerate(items):
            text = _ITEM_LEAD.sub("", raw) if k == 0 else raw
            item = text.strip(" ‘’'\"“”")
            a = s.find(item, pos)
            pos += len(raw) + 1
            if a < 0 or not (2 < len(item) <= 30) or not HANGUL.search(item) or re.search(r"(?:다|고|며|서)$", item):
                continue
            b = a + len(item)
            if any(t.start < b and a < t.end for t in taken + out):
                continue
            out.append(Mention(a, b, item, item, "Program", None, None, "", "listed"))
    return out


_QUOTED_PROGRAM = re.compile(r"[‘'\"“]([^’'\"”]{2,30}?(?:지구|특구|학교|사업|프로그램|학점제|캠퍼스|유학))[’'\"”]")


def quoted_programmes(s: str, taken: list[Mention]) -> list[Mention]:
    """``taken`` with the programmes quoted in ``s`` added, and a programme named inside a longer quoted name
    (‘오산미래교육협력지구’) named as the article quotes it; the mentions given are not changed."""
    out = list(taken)
    for m in _QUOTED_PROGRAM.finditer(s):
        name = m.group(1).replace("(가칭)", "").strip()
        if any(t.start < m.end(1) and m.start(1) < t.end and t.type != "Program" for t in out):
            continue
        inside = [i for i, t in enumerate(out) if t.type == "Program" and m.start(1) <= t.start and t.end <= m.end(1)]
        if inside:
            # the quoted local edition names the programme as the article does
            for i in inside:
                if len(name) > len(out[i].canonical or "") and not name.endswith("사업"):
                    out[i] = replace(out[i], canonical=name)
            continue
        if name.endswith("사업") or name.endswith("학교") and " " not in name and len(name) < 5:
            continue
        out.append(Mention(m.start(1), m.end(1), name, name, "Program", None, None, "", "open"))
    return out
