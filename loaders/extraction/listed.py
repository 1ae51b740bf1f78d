"""Names in lists: institutions listed without an institution's suffix (참여 기업은 가나, 다라, 마바 …)
and schools by their short names (가람고 부지, 나래중 학생).

>>> [m.canonical for m in short_schools("가람고 부지에 체육관을 짓는다.", [])]
['가람고등학교']
"""

from __future__ import annotations

import re

from .bodies import NOT_A_NAME_START
from .context import Mention

__all__ = ["listed_institutions", "short_schools"]

_CATEGORY_INTRO = re.compile(r"(?:기업|기관|공공기관|업체|단체|회사|대학|학교|협약 기관|참여 기관|기업체)(?:과|와|·|\s)*"
                             r"(?:공공기관|기관|대학|기업)?\s*(?:으로는|은|는|:)\s+")
_LIST_ITEM = re.compile(r"^[가-힣A-Za-z0-9][가-힣A-Za-z0-9&·\-]*(?: [가-힣A-Za-z0-9][가-힣A-Za-z0-9&\-]*){0,2}$")
_ITEM_END = re.compile(r"(?:이|가|은|는|과|와|도|을|를|등|등이|등은|등과|등을|등도)$")


_SCHOOL_SHORT = re.compile(r"(?<![가-힣])([가-힣]{2,6})(고|중|초)(?=\s(?:부지|이전|학생|교사|교장|운동장|체육관|학부모|졸업|신입생))")


def short_schools(s: str, taken: list[Mention]) -> list[Mention]:
    """가람고 부지, 나래중 학생: a school by its short name (고/중/초), written out in full."""
    out = []
    full = {"고": "고등학교", "중": "중학교", "초": "초등학교"}
    for m in _SCHOOL_SHORT.finditer(s):
        if any(t.start < m.end() and m.start() < t.end for t in taken):
            continue
        name = m.group(1) + full[m.group(2)]
        out.append(Mention(m.start(), m.end(), m.group(), name, "Institution", None, None, "", "open"))
    return out


def listed_institutions(s: str, taken: list[Mention]) -> list[Mention]:
    """Names in a list of institutions (참여 기업은 가나, 다라, 마바…; 가나대학교, 다라상사 등) are institutions
    even without an institution's suffix."""
    out = []
    starts = [m.end() for m in _CATEGORY_INTRO.finditer(s)]
    insts = [t for t in taken if t.type == "Institution"]
    if len(insts) >= 2:
        starts.append(min(t.start for t in insts))
    for start in starts:
        tail = s[start:]
        stop = re.search(r"(?:등\s*\d+|등\s*모두|\s(?:이|가)?\s*(?:이름을|참여|참석|함께|서명|동참)|[.]\s|[.]$|\)|이다|였다|했다)", tail)
        segment = tail[:stop.start()] if stop else tail[:200]
        if segment.count(",") < 1:
            continue
        pos = start
        found = []
        for raw in segment.split(","):
            item = raw.strip()
            item_start = pos + (len(raw) - len(raw.lstrip()))
            pos += len(raw) + 1
            item = _ITEM_END.sub("", item).strip()
            if not item or not _LIST_ITEM.match(item) or len(item) < 2 or len(item) > 24:
                continue
            a, b = item_start, item_start + len(item)
            if any(t.start < b and a < t.end for t in taken + out):
                continue
            if re.search(r"(?:했|하는|되는|있는|위한|통해|대한|모두|교육청|지원|안전|사업|운영)", item) or \
                    any(NOT_A_NAME_START.search(w) for w in item.split()[:-1]):
                continue
            found.append(Mention(a, b, item, item, "Institution", None, None, "", "open"))
        if len(found) >= 2 or found and len(insts) >= 2:
            out += found
    return out
