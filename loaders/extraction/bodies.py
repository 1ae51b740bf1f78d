"""Korean bodies found by the shape of their names: institutions (…대학교, …재단, …진흥원, …시의회) and
councils (…교육행정협의회, …협의체, …추진단), their boundaries cleaned of the words of one meeting, a
council named with its region, an assembly named after its government.

>>> ctx = Context.default(date="2016-01-01", province="충청북도")
>>> sorted({(m.canonical, m.type) for m in open_korean("충청북도의회 교육위원회 위원들이 참석했다.", ctx, [])})
[('충청북도의회', 'Institution'), ('충청북도의회 교육위원회', 'Council')]
"""

from __future__ import annotations

import re

from ...graph.resolve import normalize_name
from .context import ORG_TYPES, Context, Mention, load_lexicon, reference_mention as _mention
from .particles import particle_after

__all__ = ["INSTITUTION_SUFFIXES", "COUNCIL_SUFFIXES", "MEETING_WORDS", "council_name", "ASSEMBLY_COMMITTEES",
           "GENERIC_COUNCILS", "open_korean", "assembly_name", "place_named", "marked_bodies", "UNIT_SUFFIXES"]

_NAMES = load_lexicon()["names"]
MEETING_WORDS = re.compile(
    r"^(?:" + "|".join(sorted(_NAMES["meeting_words"], key=len, reverse=True)) +
    r"|제?\d+(?:차|회|기)?|제\d+회|\d{4}년도?|\d{4}|민선\d+기|첫\s*회의)$"
)
# words that may stand inside a council's name before its suffix word (교육발전특구 추진협의회, 유보통합 추진단)
_COUNCIL_NAME_WORD = re.compile(r"교육|특구|지구|지방|혁신|정책|발전|협력|행정|시장|군수|구청장|의회|의장|학교|급식|지원|추진|"
                                r"유보|통합|운영|실무|자치|정부|시대|거버넌스|돌봄|늘봄|청소년|평생|학습|마을|공동체|전국|국가|"
                                r"예산|결산|특별|상임|교육감|단체장|지방정부|협의회|위원회")
_BUSINESS = re.compile(r"상공|경제인|기업인|기업|산업|경영자|상인|소상공인|노동조합|법인")
INSTITUTION_SUFFIXES = tuple(_NAMES["institution_suffixes"])
UNIT_SUFFIXES = tuple(_NAMES["unit_suffixes"])
COUNCIL_SUFFIXES = tuple(_NAMES["council_suffixes"])
_SUFFIX_WORD = re.compile(
    r"(?<![가-힣A-Za-z0-9])[가-힣A-Za-z0-9]+?(?:" + "|".join(sorted(INSTITUTION_SUFFIXES + COUNCIL_SUFFIXES, key=len, reverse=True))
    + r")(?=[은는이가과와의을를도에로만,.·\s)’'”\"]|$|\(|으로|에서)"
)
NOT_A_NAME_START = re.compile(r"(?:[은는을를의에와과도이가]|에서|으로|하는|있는|위한|통한|대한|하고|하며|이며|했다|한다|되는|된|해|고|며|서|면|린|던|한|할|운|인|진|친)$")


def _name_words_before(s: str, start: int, council: bool, ctx: "Context", last: str = "") -> int:
    """Where a name ending at a suffix word starts: earlier words join while they read as part of the name (an
    institution's name joins the name of one of its units, not another institution's: 가람대학교 나래대학교 is a
    list)."""
    taken = 0
    pos = start
    while taken < (3 if council else 1):
        m = re.search(r"([가-힣A-Za-z0-9·]+)\s$", s[:pos])
        if not m:
            break
        w = m.group(1)
        if NOT_A_NAME_START.search(w) and not MEETING_WORDS.match(w) and place_named(w, ctx) is None:
            break
        whole = w.endswith(INSTITUTION_SUFFIXES + COUNCIL_SUFFIXES)
        if whole and not council and not last.endswith(UNIT_SUFFIXES):
            break
        ok = (MEETING_WORDS.match(w) or place_named(w, ctx) is not None or whole
              or (council and re.fullmatch(r"[가-힣·]{2,10}", w) and _COUNCIL_NAME_WORD.search(w))
              or re.fullmatch(r"\d{4}년도?|제\d+회|\d+차", w))
        if not ok:
            break
        pos = m.start(1)
        taken += 1
    return pos


def council_name(name: str, ctx: Context) -> tuple[str, str | None, bool]:
    """A council's own name without meeting words, and its region: (body, region, needs_region).

    >>> ctx = Context.default(date="2017-03-01", province="강원특별자치도")
    >>> council_name("올해 첫 교육행정협의회", ctx)
    ('교육행정협의회', None, True)
    >>> council_name("영월군교육행정협의회", ctx)
    ('교육행정협의회', '영월군', False)
    >>> council_name("강원도 시장·군수협의회", ctx)
    ('시장·군수협의회', '강원도', False)
    >>> council_name("민선7기 첫 경상남도 교육행정협의회", ctx)
    ('교육행정협의회', '경상남도', False)
    >>> council_name("도의회 교육위원회", ctx)
    ('교육위원회', '강원도의회', False)
    """
    words = [w for w in name.split() if w]
    # the body starts after the last meeting word or office name (시교육청 올해 첫 교육행정협의회)
    cut = 0
    for i, w in enumerate(words[:-1]):
        if MEETING_WORDS.match(w) or re.search(r"교육청$|교육지원청$", w):
            cut = i + 1
    words = words[cut:]
    region = None
    if words:
        first = words[0]
        assembly = assembly_name(first, ctx) if first.endswith("의회") and len(words) > 1 else None
        e = place_named(first, ctx) if assembly is None else None
        if assembly is not None:
            region, words = assembly, words[1:]
        elif e is not None and len(words) > 1:
            region, words = region_name(e, ctx), words[1:]
        elif e is None:
            # glued: ○○군교육행정협의회, 2024년○○군교육행정협의회
            first = re.sub(r"^(?:\d{4}년도?|제\d+회|이번|올해|첫)+", "", first)
            for k in range(min(8, len(first) - 3), 1, -1):
                e = place_named(first[:k], ctx)
                if e is not None:
                    region, words = region_name(e, ctx), [first[k:]] + words[1:]
                    break
            else:
                words[0] = first
    body = " ".join(words)
    generic = normalize_name(body) in GENERIC_COUNCILS
    return body, region, region is None and generic


GENERIC_COUNCILS = {normalize_name(x) for x in (
    "교육행정협의회", "실무협의회", "교육행정협의회 실무협의회", "지역교육행정협의회", "교육지원협의회", "교육협력협의회",
    "교육발전특구 추진협의회", "교육발전특구추진협의회", "추진협의회", "운영위원회", "교육위원회", "협의체", "추진단",
    "교육협의회", "지방교육행정협의회", "교육발전협의회", "실무위원회", "시장·군수협의회", "시장군수협의회",
    "군수·구청장협의회", "구청장협의회", "군·구의회 의장협의회", "시·군의회 의장협의회", "의장협의회",
)}
# committees of an assembly: their region is the 시·도 assembly (충청북도의회 교육위원회)
ASSEMBLY_COMMITTEES = {normalize_name(x) for x in ("교육위원회", "교육문화위원회", "행정자치위원회")}


def region_name(e, ctx: Context) -> str:
    """A council's region as its name carries it: a homonymous district with its 시·도 (대구광역시 중구), so that
    two 중구 교육행정협의회 stay two bodies."""
    name = ctx.name(e)
    if e.level == "basic" and e.province_ko:
        same = [o for o in ctx.resolver.lookup(name) if o.label == "LocalGovernment" and o.level == "basic"]
        if len({o.province_ko for o in same}) > 1:
            metro = ctx.reference.metropolitan(e.province_ko)
            return f"{ctx.name(metro)} {name}" if metro is not None else name
    return name


def place_named(word: str, ctx: Context):
    """A government named by ``word`` (강원도, 철원군, 충북, 서울시), or None."""
    prov = ctx.resolver.province_of(word)
    if prov:
        return ctx.reference.metropolitan(prov)
    if not word.endswith(("시", "군", "구")):
        return None
    hit = [e for e in ctx.resolver.lookup(word) if e.label == "LocalGovernment"]
    hit = ctx.narrow(hit)
    return hit[0] if len(hit) == 1 else None


def open_korean(s: str, ctx: Context, taken: list[Mention]) -> list[Mention]:
    out = []
    generic = {normalize_name(w) for w in ctx.lexicon["generic_words"]}
    for m in _SUFFIX_WORD.finditer(s):
        end = m.end()
        last = m.group()
        if len(last) < 3 and not last.endswith(COUNCIL_SUFFIXES):
            continue
        if last.endswith(("총회", "포럼")):
            continue  # a meeting, not a body
        is_council = last.endswith(COUNCIL_SUFFIXES) and not _BUSINESS.search(last)
        word_start = m.start()
        if is_council:
            # 시장·군수협의회, 군·구의회 의장협의회: titles joined by · belong to the name
            dot = re.search(r"(?:(?:시장|군수|구청장|군|구|시|도|의장|교육감)·)+$", s[:word_start])
            if dot:
                word_start = dot.start()
        else:
            # 가람·나래상공회의소: the places of a body shared by two places belong to its name
            dot = re.search(r"(?<![가-힣])((?:[가-힣]{2,4}·)+)$", s[:word_start])
            if dot and all(place_named(p, ctx) or place_named(p + "시", ctx) or place_named(p + "군", ctx)
                           for p in dot.group(1).strip("·").split("·")):
                word_start = dot.start()
        start = _name_words_before(s, word_start, is_council, ctx, last)
        name = s[start:end]
        if normalize_name(name) in generic:
            continue
        covered = [t for t in taken if t.start < end and start < t.end]
        if any(not (t.kind == "name" and t.type in ("LocalGovernment", "Program") and t.end < end) for t in covered):
            continue
        particle = particle_after(s, end)
        if is_council:
            body, region, needs = council_name(name, ctx)
            if normalize_name(body) in generic or len(body) < 3:
                continue
            hit = [e for e in ctx.resolver.lookup(body) if e.label in ORG_TYPES]
            if len(hit) == 1 and region is None:
                out.append(_mention(hit[0], ctx, start, end, name, particle))
                continue
            canonical = f"{region} {body}" if region else body
            out.append(Mention(start, end, name, canonical, "Council", None, None, particle, "open", needs_region=needs))
            # the assembly of an assembly committee is an actor too (충청북도의회 교육위원회)
            am = re.match(r"([가-힣]+의회)\s", name)
            if am:
                out.append(Mention(start, start + len(am.group(1)), am.group(1),
                                   assembly_name(am.group(1), ctx) or am.group(1), "Institution",
                                   None, None, "", "open"))
        else:
            name = re.sub(r"^(?:\d{4}년?\s*)", "", name)
            if MEETING_WORDS.match(name.split()[0]) and len(name.split()) > 1:
                name = " ".join(name.split()[1:])
            if normalize_name(name) in generic or len(name) < 3:
                continue
            out.append(Mention(end - len(name), end, name, assembly_name(name, ctx) or name, "Institution",
                               None, None, particle, "open"))
    return out


_COMPANY = re.compile(r"(?:" + "|".join(re.escape(m) for m in _NAMES["company_marks"]) + r")\s?([가-힣A-Za-z0-9]{2,14})")
_PLACE_CENTRE = re.compile(r"(?<![가-힣])([가-힣]{1,5}(?:시|군|구))\s([가-힣]{2,14}센터)(?=[은는이가과와의을를도에,\s(]|$)")


def marked_bodies(s: str, ctx: Context, taken: list[Mention]) -> list[Mention]:
    """Institutions written with their legal form (㈜가람상사 → 가람상사) or as a place's centre (가람구
    나래지원센터): named as written, the legal form left out."""
    out = []
    for m in _COMPANY.finditer(s):
        a, b = m.start(1), m.end(1)
        name = re.sub(r"(?:이|가|은|는|과|와|의|을|를|도)$", "", m.group(1)) if len(m.group(1)) > 3 else m.group(1)
        b = a + len(name)
        if not any(t.start < b and a < t.end for t in taken + out):
            out.append(Mention(m.start(), b, s[m.start():b], name, "Institution", None, None, particle_after(s, b), "open"))
    for m in _PLACE_CENTRE.finditer(s):
        if place_named(m.group(1), ctx) is None:
            continue
        if not any(t.start < m.end() and m.start(2) < t.end for t in taken + out):
            name = f"{m.group(1)} {m.group(2)}"
            out.append(Mention(m.start(), m.end(), name, name, "Institution", None, None, particle_after(s, m.end()),
                               "open"))
    return out


def assembly_name(name: str, ctx: Context) -> str | None:
    """구미시의회 → 구미시의회; 경남도의회 → 경상남도의회; 도의회 → the article's 도 + 의회 (the assembly named
    after its government). A bare 시의회/군의회/구의회 in an article about a basic government is left to coreference."""
    m = re.fullmatch(r"([가-힣]*?)(도의회|시의회|군의회|구의회|의회)", name)
    if not m:
        return None
    place, suffix = m.group(1), m.group(2)
    if not place:
        if suffix in ("도의회", "시의회") and ctx.province and ctx.province.endswith(
                ("도", "특별시", "광역시", "특별자치시") if suffix == "시의회" else ("도",)):
            if suffix == "시의회" and ctx.province.endswith("도"):
                return None
            metro = ctx.reference.metropolitan(ctx.province)
            return ctx.name(metro) + "의회" if metro else None
        return None
    e = None
    if suffix == "도의회":
        e = place_named(place, ctx) or place_named(place + "도", ctx)
    elif suffix != "의회":
        e = place_named(place + suffix[:-2], ctx)
    else:
        e = place_named(place, ctx)
    if e is None:
        return None
    return ctx.name(e) + "의회"
