"""Names the reference does not hold, found by their shape: institutions and councils (…대학교, …재단,
…시의회, …교육행정협의회, "… Council"), programmes (…교육지구, listed projects, quoted names), institutions
named in lists and schools by their short names; English names mapped to the Korean ones.

>>> ctx = Context.default(date="2016-01-01", province="충청북도")
>>> sorted({(m.canonical, m.type) for m in open_korean("충청북도의회 교육위원회 위원들이 참석했다.", ctx, [])})
[('충청북도의회', 'Institution'), ('충청북도의회 교육위원회', 'Council')]
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...graph.resolve import normalize_name
from .context import _HANGUL, ORG_TYPES, Context, Mention, reference_mention as _mention

__all__ = ["INSTITUTION_SUFFIXES", "COUNCIL_SUFFIXES", "council_name", "ASSEMBLY_COMMITTEES", "GENERIC_COUNCILS", "open_korean", "open_english",
           "english_bare_places", "english_programmes", "open_programmes", "listed_programmes", "quoted_programmes",
           "short_schools", "listed_institutions"]

# ------------------------------------------------------------ open classes
_MEETING_WORDS = re.compile(
    r"^(?:이번|이날|올해|올|금년|내년|지난해|지난|첫|첫번째|제?\d+(?:차|회|기)?|제\d+회|\d{4}년도?|\d{4}|민선\d+기|"
    r"상반기|하반기|정기|임시|정기회|사전|신규|기존|관련|각|해당|모든|전체|주요|본|새|새로운|이와|함께|지역|도내|관내|"
    r"참여|공동|합동|확대|연석|이하|가운데|첫\s*회의)$"
)
# words that may stand inside a council's name before its suffix word (교육발전특구 추진협의회, 유보통합 추진단)
_COUNCIL_NAME_WORD = re.compile(r"교육|특구|지구|지방|혁신|정책|발전|협력|행정|시장|군수|구청장|의회|의장|학교|급식|지원|추진|"
                                r"유보|통합|운영|실무|자치|정부|시대|거버넌스|돌봄|늘봄|청소년|평생|학습|마을|공동체|전국|국가|"
                                r"예산|결산|특별|상임|교육감|단체장|지방정부|협의회|위원회")
_BUSINESS = re.compile(r"상공|경제인|기업인|기업|산업|경영자|상인|소상공인|노동조합|법인")
INSTITUTION_SUFFIXES = (
    "대학교", "교육대학교", "고등학교", "중학교", "초등학교", "유치원", "특수학교",
    "재단", "진흥원", "연구원", "기술원", "개발원", "교육원", "연수원", "평가원", "정보원", "문화원", "유산원",
    "공단", "공사", "개발센터", "상공회의소", "병원", "협동조합", "생협", "은행", "본부",
    "시의회", "도의회", "군의회", "구의회", "의회",
)
COUNCIL_SUFFIXES = (
    "교육행정협의회", "실무협의회", "지원협의회", "협의회", "위원회", "협의체", "추진단", "지원단", "협력단",
    "연합회", "협회", "총회", "포럼",
)
_SUFFIX_WORD = re.compile(
    r"(?<![가-힣A-Za-z0-9])[가-힣A-Za-z0-9]+?(?:" + "|".join(sorted(INSTITUTION_SUFFIXES + COUNCIL_SUFFIXES, key=len, reverse=True))
    + r")(?=[은는이가과와의을를도에로만,.·\s)’'”\"]|$|\(|으로|에서)"
)
_NOT_A_NAME_START = re.compile(r"(?:[은는을를의에와과도이가]|에서|으로|하는|있는|위한|통한|대한|하고|하며|이며|했다|한다|되는|된|해|고|며|서|면|린|던|한|할|운|인|진|친)$")


def _name_words_before(s: str, start: int, council: bool, ctx: "Context") -> int:
    """Where a name ending at a suffix word starts: earlier words join while they read as part of the name."""
    taken = 0
    pos = start
    while taken < (3 if council else 1):
        m = re.search(r"([가-힣A-Za-z0-9·]+)\s$", s[:pos])
        if not m:
            break
        w = m.group(1)
        if _NOT_A_NAME_START.search(w) and not _MEETING_WORDS.match(w) and _place(w, ctx) is None:
            break
        ok = (_MEETING_WORDS.match(w) or _place(w, ctx) is not None or w.endswith(INSTITUTION_SUFFIXES + COUNCIL_SUFFIXES)
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
        if _MEETING_WORDS.match(w) or re.search(r"교육청$|교육지원청$", w):
            cut = i + 1
    words = words[cut:]
    region = None
    if words:
        first = words[0]
        assembly = _assembly_name(first, ctx) if first.endswith("의회") and len(words) > 1 else None
        e = _place(first, ctx) if assembly is None else None
        if assembly is not None:
            region, words = assembly, words[1:]
        elif e is not None and len(words) > 1:
            region, words = ctx.name(e), words[1:]
        elif e is None:
            # glued: ○○군교육행정협의회, 2024년○○군교육행정협의회
            first = re.sub(r"^(?:\d{4}년도?|제\d+회|이번|올해|첫)+", "", first)
            for k in range(min(8, len(first) - 3), 1, -1):
                e = _place(first[:k], ctx)
                if e is not None:
                    region, words = ctx.name(e), [first[k:]] + words[1:]
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


def _place(word: str, ctx: Context):
    """A government named by ``word`` (강원도, 철원군, 충북, 서울시), or None."""
    prov = ctx.resolver.province_of(word)
    if prov:
        hit = [e for e in ctx.resolver.lookup(prov) if e.label == "LocalGovernment" and e.level == "metropolitan"]
        return hit[0] if hit else None
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
        start = _name_words_before(s, word_start, is_council, ctx)
        name = s[start:end]
        if normalize_name(name) in generic:
            continue
        covered = [t for t in taken if t.start < end and start < t.end]
        if any(not (t.kind == "name" and t.type in ("LocalGovernment", "Program") and t.end < end) for t in covered):
            continue
        particle = re.match(r"[가-힣]{0,2}", s[end:]).group()
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
                                   _assembly_name(am.group(1), ctx) or am.group(1), "Institution",
                                   None, None, "", "open"))
        else:
            name = re.sub(r"^(?:\d{4}년?\s*)", "", name)
            if _MEETING_WORDS.match(name.split()[0]) and len(name.split()) > 1:
                name = " ".join(name.split()[1:])
            if normalize_name(name) in generic or len(name) < 3:
                continue
            out.append(Mention(end - len(name), end, name, _assembly_name(name, ctx) or name, "Institution",
                               None, None, particle, "open"))
    return out


def _assembly_name(name: str, ctx: Context) -> str | None:
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
            hit = [e for e in ctx.resolver.lookup(ctx.province) if e.label == "LocalGovernment" and e.level == "metropolitan"]
            return ctx.name(hit[0]) + "의회" if hit else None
        return None
    e = None
    if suffix == "도의회":
        e = _place(place, ctx) or _place(place + "도", ctx)
    elif suffix != "의회":
        e = _place(place + suffix[:-2], ctx)
    else:
        e = _place(place, ctx)
    if e is None:
        return None
    return ctx.name(e) + "의회"


# --------------------------------------------------------------- English
_EN_ORG = re.compile(
    r"\b((?:[A-Z][\w'’\-]*\s(?:(?:of|for|the|on|in)\s)*){1,7}"
    r"(?:Council|Committee|Commission|Association|University|Foundation|Institute|Assembly|Agency|Corporation|"
    r"Chamber of Commerce(?: and Industry)?|High School|Middle School|Elementary School|Team|Task Force)"
    # "… Association of Rural Schools": a body's name may go on after "of" or "for"
    r"(?:\s(?:of|for)\s(?:the\s)?[A-Z][\w'’\-]*(?:\s[A-Z][\w'’\-]*){0,5})?)\b"
)
_EN_NAME_FILLER = {"of", "for", "the", "and", "national", "korea", "korean", "nationwide"}


def _name_key(name: str) -> frozenset:
    return frozenset(w for w in re.findall(r"[a-z]+", name.lower()) if w not in _EN_NAME_FILLER)


def _bodies_by_words(ctx: Context) -> dict:
    return _bodies_by_words_of(ctx.reference)


@lru_cache(maxsize=2)
def _bodies_by_words_of(reference) -> dict:
    """National bodies by the words of their English names, in any order (National Association of X = X
    Association): one reference body per set of words."""
    table: dict = {}
    for e in reference.entities:
        if e.label in ("Council", "Ministry", "Institution"):
            for form in (e.name_en, *e.aliases):
                if form and not _HANGUL.search(form) and len(_name_key(form)) >= 3:
                    table.setdefault(_name_key(form), set()).add(e.id)
    return {k: next(iter(v)) for k, v in table.items() if len(v) == 1}



_EN_BARE_PLACE = re.compile(
    r"\b(?:with|and)\s+([A-Z][a-z]+(?:-[a-z]+)?)\b(?!\s+(?:[A-Z]|City|County|District|Office|Provincial|Metropolitan))"
    r"|\b[Tt]he\s+([A-Z][a-z]+(?:-[a-z]+)?)\s+(?:pact|agreement|MOU|deal|accord|memorandum)")


def english_bare_places(s: str, ctx: Context, taken: list[Mention]) -> list[Mention]:
    """'a deal with Yeoju', 'the Icheon pact': a bare place name as the partner of an agreement."""
    out = []
    for m in _EN_BARE_PLACE.finditer(s):
        g = 1 if m.group(1) else 2
        a, b = m.start(g), m.end(g)
        if any(t.start < b and a < t.end for t in taken):
            continue
        hit = ctx.narrow([e for e in ctx.resolver.lookup(m.group(g)) if e.label == "LocalGovernment" and e.level == "basic"])
        if len(hit) == 1:
            out.append(_mention(hit[0], ctx, a, b, m.group(g), kind="place"))
    return out


def open_english(s: str, ctx: Context, taken: list[Mention]) -> list[Mention]:
    out = []
    lx = ctx.lexicon
    councils_en = lx.get("councils_en", {})
    for m in _EN_ORG.finditer(s):
        name = re.sub(r"^(?:The|the|A|An)\s+", "", m.group(1)).strip()
        start, end = m.end(1) - len(name), m.end(1)
        if any(t.start < end and start < t.end and (t.end - t.start) >= (end - start) for t in taken):
            continue
        if any(start <= t.start and t.end <= end and t.kind == "name" and t.type in ORG_TYPES
               and t.end == end for t in taken):
            continue  # the Presidential National Education Council: the reference body, with a word before it
        hit = [e for e in ctx.resolver.candidates(name) if e.label in ORG_TYPES]
        if len(hit) != 1 and _name_key(name) in _bodies_by_words(ctx):
            hit = [ctx.reference.by_id[_bodies_by_words(ctx)[_name_key(name)]]]
        if len(hit) == 1:
            out.append(_mention(hit[0], ctx, start, end, name))
            continue
        ko = lx["institutions_en"].get(name)
        if ko:
            out.append(Mention(start, end, name, ko, "Institution", None, None, "", "open"))
            continue
        # a place, then the body: Gangwon State Education Administration Council, Incheon City Council
        words = name.split()
        region, rest = None, words
        for k in range(min(4, len(words) - 1), 0, -1):
            e = _place_en(" ".join(words[:k]), ctx)
            if e is not None:
                region, rest = e, words[k:]
                break
        body_en = " ".join(rest)
        body_ko = councils_en.get(body_en.lower())
        if region is not None and body_en in ("Council", "Assembly") and re.search(
                r"County|City|Province|State|Metropolitan|District|-gun|-si|-gu|-do", " ".join(words[:len(words) - len(rest)])):
            body_ko = "의회"  # Hoengseong County Council: the county's assembly
        if body_ko is None:
            for k_en, v in sorted(councils_en.items(), key=lambda kv: -len(kv[0])):
                if body_en.lower().endswith(k_en):
                    body_ko = v
                    break
        if body_ko == "의회" and region is not None:
            out.append(Mention(start, end, name, ctx.name(region) + "의회", "Institution", None, None, "", "open"))
        elif body_ko == "의회":
            # "the County Council" with no place: the assembly of the article's county (coreference)
            level = "metropolitan" if re.search(r"Provincial|Metropolitan|State", name) else "basic"
            out.append(Mention(start, end, name, "의회", "Institution", level, None, "", "open", needs_region=True))
        elif body_ko:
            canonical = f"{ctx.name(region)} {body_ko}" if region is not None else body_ko
            out.append(Mention(start, end, name, canonical, "Council", None, None, "", "open",
                               needs_region=region is None and normalize_name(body_ko) in GENERIC_COUNCILS))
        elif re.search(r"University|Institute|Foundation|Agency|Corporation|Chamber|School", name):
            ko_name = _university_ko(rest, region, ctx) if region is not None else None
            out.append(Mention(start, end, name, ko_name or name, "Institution", None, None, "", "open"))
    return out


_OLD_ROMANISATION = (("K", "G"), ("P", "B"), ("T", "D"), ("Ch", "J"))


def _place_en(words: str, ctx: Context):
    found = _place_en_once(words, ctx)
    if found is None:
        # McCune–Reischauer spellings in institution names (Kunsan, Pusan, Taegu, Chonbuk)
        for old, new in _OLD_ROMANISATION:
            if words.startswith(old):
                found = _place_en_once(new + words[len(old):], ctx)
                if found is not None:
                    break
    return found


def _place_en_once(words: str, ctx: Context):
    prov = ctx.resolver.province_of(words)
    if prov:
        hit = [e for e in ctx.resolver.lookup(prov) if e.label == "LocalGovernment" and e.level == "metropolitan"]
        return hit[0] if hit else None
    words = re.sub(r"\b(?:State|Province|City|County|Metropolitan|Special|Self-Governing)\b", "", words).strip()
    if not words:
        return None
    prov = ctx.resolver.province_of(words)
    if prov:
        hit = [e for e in ctx.resolver.lookup(prov) if e.label == "LocalGovernment" and e.level == "metropolitan"]
        return hit[0] if hit else None
    hit = ctx.narrow([e for e in ctx.resolver.lookup(words) if e.label == "LocalGovernment"])
    return hit[0] if len(hit) == 1 else None


def _university_ko(rest: list[str], region, ctx: Context) -> str | None:
    """Jeju National University → 제주대학교: the place's Korean stem + 대학교."""
    body = " ".join(rest)
    stem = (region.stem or region.name_ko).removesuffix("특별자치도").removesuffix("광역시").removesuffix("특별시")
    if region.level == "metropolitan":
        stem = (ctx.resolver.province_of(region.name_ko) or region.name_ko)
        stem = next((a for a in region.aliases if _HANGUL.search(a) and len(a) == 2), stem[:2])
    if body in ("National University", "University"):
        return stem + "대학교"
    return None


_EN_PROGRAMS: dict = {}


def english_programmes(s: str, ctx: Context, taken: list[Mention]) -> list[Mention]:
    lx = ctx.lexicon
    if "re" not in _EN_PROGRAMS:
        table = {k.lower(): v for k, v in lx["programs_en"].items()}
        _EN_PROGRAMS["table"] = table
        _EN_PROGRAMS["re"] = re.compile(r"\b(" + "|".join(re.escape(k) for k in sorted(table, key=len, reverse=True)) + r")s?\b")
    out = []
    for m in _EN_PROGRAMS["re"].finditer(s.lower()):
        if any(t.start < m.end() and m.start() < t.end for t in taken):
            continue
        out.append(Mention(m.start(), m.end(), s[m.start():m.end()], _EN_PROGRAMS["table"][m.group(1)], "Program",
                           None, None, "", "open"))
    return out


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
        own = [e for e in _programmes_of(ctx.reference).get(ctx.province, ()) if key in normalize_name(e.name_ko)]
        particle = re.match(r"[가-힣]{0,2}", s[b:]).group()
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
            if a < 0 or not (2 < len(item) <= 30) or not _HANGUL.search(item) or re.search(r"(?:다|고|며|서)$", item):
                continue
            b = a + len(item)
            if any(t.start < b and a < t.end for t in taken + out):
                continue
            out.append(Mention(a, b, item, item, "Program", None, None, "", "listed"))
    return out


_QUOTED_PROGRAM = re.compile(r"[‘'\"“]([^’'\"”]{2,30}?(?:지구|특구|학교|사업|프로그램|학점제|캠퍼스|유학))[’'\"”]")


def quoted_programmes(s: str, taken: list[Mention]) -> list[Mention]:
    out = []
    for m in _QUOTED_PROGRAM.finditer(s):
        name = m.group(1).replace("(가칭)", "").strip()
        if any(t.start < m.end(1) and m.start(1) < t.end and t.type != "Program" for t in taken):
            continue
        if any(t.type == "Program" and m.start(1) <= t.start and t.end <= m.end(1) for t in taken):
            # the quoted local edition (‘오산미래교육협력지구’) names the programme as the article does
            for t in taken:
                if t.type == "Program" and m.start(1) <= t.start and t.end <= m.end(1):
                    t.canonical = name if len(name) > len(t.canonical or "") and not name.endswith("사업") else t.canonical
            continue
        if name.endswith("사업") or name.endswith("학교") and " " not in name and len(name) < 5:
            continue
        out.append(Mention(m.start(1), m.end(1), name, name, "Program", None, None, "", "open"))
    return out


# ------------------------------------------------- institutions in lists
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
                    any(_NOT_A_NAME_START.search(w) for w in item.split()[:-1]):
                continue
            found.append(Mention(a, b, item, item, "Institution", None, None, "", "open"))
        if len(found) >= 2 or found and len(insts) >= 2:
            out += found
    return out

