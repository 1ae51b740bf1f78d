"""Stage 2, mentions: one sentence → the actors and programmes it names.

Four kinds of mention, each with its span, canonical Korean name as of the
article's date, type and (where the reference has it) id:

- ``name``: a reference name form (김포시, 화성오산교육지원청, Gimpo City),
  homonyms settled by the article's 시·도 and date, never guessed;
- ``place``: a bare place name inside an enumeration (``광주, 여주, 안성 등``,
  ``하남·구리·남양주``, ``Hanam, Guri and Namyangju``), read as the basic
  government of the 시·도 the list belongs to;
- ``open``: institutions and councils not in the reference, found by the
  shape of their names (…대학교, …재단, …시의회, …교육행정협의회,
  Chamber of Commerce) with their boundaries cleaned of meeting words;
- ``anaphor``: 도교육청, 시교육청, 교육청, 도, 양 기관, the office … — the
  coreference stage says whom they denote.

>>> ctx = Context.default(date="2024-03-05", province="경기도")
>>> [(m.canonical, m.kind) for m in find_mentions("광주, 여주, 안성 등 3개 시와 도교육청이 협약을 맺었다.", ctx)]
[('광주시', 'place'), ('여주시', 'place'), ('안성시', 'place'), (None, 'anaphor')]
>>> [(m.canonical, m.type) for m in find_mentions("2025년 상반기 교육행정협의회가 열렸다.", ctx)]
[('교육행정협의회', 'Council')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from ...graph.reference import Reference, load_reference
from ...graph.resolve import Resolver, default_resolver, normalize_name, strip_particle
from ..gazetteer import Gazetteer
from .particles import ends_in_particle, role

__all__ = ["Mention", "Context", "find_mentions", "load_lexicon", "ORG_TYPES", "council_name"]

ORG_TYPES = ("LocalGovernment", "EducationOffice", "Council", "Ministry", "Institution")
_HANGUL = re.compile(r"[가-힣]")


@lru_cache(maxsize=1)
def load_lexicon() -> dict:
    """The genre's words (loaders/lexicon.yaml): data, not code."""
    text = resources.files("edugraph.loaders").joinpath("lexicon.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


@dataclass
class Mention:
    start: int
    end: int
    surface: str
    canonical: str | None
    type: str
    level: str | None = None
    id: str | None = None
    particle: str = ""
    kind: str = "name"  # name | place | open | anaphor
    ref: str | None = None  # for anaphors: what they point at (EO, LG, group, …)
    needs_region: bool = False  # a council named without its region (교육행정협의회)


@dataclass
class Context:
    """What the mention finder knows of the article: its date and 시·도, and the reference."""

    date: str | None
    province: str | None
    gazetteer: Gazetteer
    resolver: Resolver
    reference: Reference
    lexicon: dict
    _cache: dict = field(default_factory=dict)

    @classmethod
    def default(cls, date=None, province=None) -> "Context":
        return cls(date, province, Gazetteer.default(), default_resolver(), load_reference(), load_lexicon())

    def name(self, entity) -> str:
        return self.reference.name_on(entity.id, self.date) if entity.id in self.reference.by_id else entity.name_ko

    def narrow(self, cands: list, province: str | None = None) -> list:
        """Candidates narrowed by a 시·도 (the given one, else the article's) and the date."""
        prov = self.resolver.province_of(province) if province else self.province
        if len(cands) > 1 and prov:
            cands = [e for e in cands if e.province_ko == prov or e.name_ko == prov] or cands
        if len(cands) > 1 and self.date:
            cands = [e for e in cands if e.valid_on(self.date)] or cands
        return cands


def _mention(e, ctx: Context, start, end, surface, particle="", kind="name") -> Mention:
    return Mention(start, end, surface, ctx.name(e), e.label, e.level, e.id, particle, kind)


# --------------------------------------------------------------------- names
_PROVINCE_BEFORE = re.compile(r"([가-힣]{2,7})\s*$")


def _reference_mentions(s: str, ctx: Context) -> list[Mention]:
    out = []
    for m in ctx.gazetteer.find(s):
        cands = [e for e in m.candidates if e.label != "Person"]
        if len(cands) > 1:
            before = _PROVINCE_BEFORE.search(s[:m.start])
            prov = ctx.resolver.province_of(before.group(1)) if before else None
            cands = ctx.narrow(cands, prov)
        if len(cands) > 1:
            labels = {e.label for e in cands}
            if len(labels) > 1 and "LocalGovernment" in labels and not m.surface.endswith(("청", "Education")):
                cands = [e for e in cands if e.label == "LocalGovernment"]
        if len(cands) != 1:
            continue  # a homonym the context cannot settle: no guess
        e = cands[0]
        nxt = s[m.token_end:m.token_end + 1]
        if m.particle == "" and _HANGUL.match(nxt or " ") and e.label != "Program":
            continue  # glued into a longer word (오산시장, 구미시의회): titles and open names read those
        if e.label == "LocalGovernment" and e.level == "metropolitan":
            after = s[m.token_end:m.token_end + 8]
            if (role(m.particle) == "place" or m.particle == "에서는") or re.match(r"\s*(?:\d|전체|모든|내\b|소속|산하|관내|지역|도내|곳곳|전역)", after):
                continue  # 서울시 25개 자치구, 경남에서는: a place, not an actor
        out.append(_mention(e, ctx, m.start, m.end, m.surface, m.particle))
    # 남부교육지원청, 서부교육지원청: district offices named by direction, in the article's 시·도
    for m in re.finditer(r"(?<![가-힣])((?:동부|서부|남부|북부|중부)교육지원청)", s):
        if ctx.province and not any(x.start <= m.start() < x.end for x in out):
            hit = [e for e in ctx.resolver.lookup(ctx.province + m.group(1)) if e.label == "EducationOffice"]
            if len(hit) == 1:
                particle = re.match(r"[가-힣]{0,2}", s[m.end():]).group()
                out.append(_mention(hit[0], ctx, m.start(), m.end(), m.group(1), particle))
    # 전북도, 충북도, 경남도: a province's short name with 도, as news writes it
    for m in re.finditer(r"(?<![가-힣])([가-힣]{2})도(?=[은는이가와과의를을도,·\s]|$)", s):
        prov = ctx.resolver.province_of(m.group(1))
        if prov and prov.endswith("도") and not any(x.start <= m.start() < x.end for x in out):
            hit = [e for e in ctx.resolver.lookup(prov) if e.label == "LocalGovernment" and e.level == "metropolitan"]
            if hit:
                particle = re.match(r"[가-힣]{0,2}", s[m.end():]).group()
                out.append(_mention(hit[0], ctx, m.start(), m.end(), m.group(), particle))
    for start, end, e, _prefix in ctx.gazetteer.programs_inside(s):
        if not any(x.start <= start < x.end for x in out):
            out.append(Mention(start, end, s[start:end], e.name_ko, "Program", None, e.id, "", "name"))
    return out


# --------------------------------------------------------------- renamed
_NOW_CALLED = re.compile(r"(?<![가-힣])([가-힣]{1,6})\s*\(\s*(?:현|현재|지금의)\s*([가-힣]{2,8})\s*\)")


def _renamed(s: str, ctx: Context, found: list[Mention]) -> list[Mention]:
    """남구(현 미추홀구): the old name is the actor its new name resolves to."""
    for m in _NOW_CALLED.finditer(s):
        hit = ctx.narrow([e for e in ctx.resolver.lookup(m.group(2)) if e.label != "Program"])
        if len(hit) != 1:
            continue
        a, b = m.start(1), m.end(1)
        found = [x for x in found if not (x.start < m.end() and a < x.end)]
        found.append(_mention(hit[0], ctx, a, b, m.group(1), "", kind="name"))
    return found


# -------------------------------------------------------------- enumerations
_WORD = re.compile(r"[가-힣]+|[A-Z][A-Za-z]*(?:-[A-Za-z]+)*")
_LIST_SEP = re.compile(r"^\s*(?:[·,、/ㆍ]|,?\s*and|,?\s*및|,?\s*or)\s*$")
_COUNT_AFTER = re.compile(r"^\s*(?:등\s*)?(?:\d+|두|세|네|다섯|여섯)\s*(?:개\s*)?(?:시·?군·?구|시·?군|시군구|시군|자치구|지역|곳|개\s*구|구|시|군)")


def _place_candidates(word: str, ctx: Context, province: str | None):
    forms = [word] + strip_particle(word) + ([word[:-1]] if word.endswith("등") else [])
    for form in forms:
        hit = [e for e in ctx.resolver.lookup(form) if e.label == "LocalGovernment" and e.level == "basic"]
        if hit:
            hit = ctx.narrow(hit, province)
            return form, hit
    return None, []


def _enumerations(s: str, ctx: Context, taken: list[Mention]) -> list[Mention]:
    """Bare place names in lists: each item is the basic government of the list's 시·도."""
    words = list(_WORD.finditer(s))
    chains: list[list] = []
    chain: list = []
    for i, w in enumerate(words):
        if chain and _LIST_SEP.match(s[words[i - 1].end():w.start()]) and not ends_in_particle(words[i - 1].group()):
            chain.append(w)
        else:
            if len(chain) >= 2:
                chains.append(chain)
            chain = [w]
    if len(chain) >= 2:
        chains.append(chain)
    out = []
    taken_spans = [(m.start, m.end) for m in taken]
    for chain in chains:
        items = []
        for w in chain:
            form, hit = _place_candidates(w.group(), ctx, None)
            items.append((w, form, hit))
        resolved = [x for x in items if x[2]]
        if len(resolved) < 2 and not (resolved and _COUNT_AFTER.match(s[chain[-1].end():])):
            continue
        # the list's 시·도: the one its unambiguous items share, else the article's
        provs = {x[2][0].province_ko for x in resolved if len(x[2]) == 1}
        prov = provs.pop() if len(provs) == 1 else None
        for w, form, hit in resolved:
            if any(a <= w.start() < b for a, b in taken_spans):
                continue
            hit = ctx.narrow(hit, prov) if len(hit) > 1 else hit
            if len(hit) != 1:
                continue
            end = w.start() + len(form)
            out.append(_mention(hit[0], ctx, w.start(), end, form, w.group()[len(form):], kind="place"))
    return out


# ------------------------------------------------------------------ anaphors
_KO_ANAPHORS = [
    (re.compile(r"(?<![가-힣])(도교육청|시교육청|도 교육청|시 교육청)"), "EO_PROVINCIAL"),
    (re.compile(r"(?<![가-힣])(교육지원청)(?=[은는이가과와의을를도]|\s|$)"), "EO_DISTRICT"),
    (re.compile(r"(?<![가-힣])(교육청)(?=[은는이가과와의을를도]|\s|$|·|,)"), "EO"),
    (re.compile(r"(?<![가-힣·])(?<!개 )(?<!\d)(도)(?=는|와|가|의|와의|·도교육청|와 도교육청|, 도교육청|청과)"), "PROVINCE"),
    (re.compile(r"(?<![가-힣·])(?<!개 )(?<!\d)(시)(?=는|와|가|와의|·시교육청|와 시교육청|청과)"), "CITY"),
    (re.compile(r"(?<![가-힣·])(?<!개 )(?<!\d)(군)(?=은|과|이|과의|청과)"), "COUNTY"),
    (re.compile(r"(?<![가-힣·])(?<!개 )(?<!\d)(구)(?=는|와|가|와의|청과)"), "GU"),
    (re.compile(r"(?<![가-힣])(?<!이하 )((?:협의회|위원회))(?=는|가|의|에서|에는|에|를|와|과|[ \s])"), "COUNCIL"),
    (re.compile(r"(?<![가-힣])((?:양|두|세|네|이들|각)\s*(?:기관|지자체|교육청|자치단체|시·군|시군)|(?:\d+|세|네)\s*개\s*기관|이들\s*\d+\s*개\s*(?:시·군·구|시·군|군·구|시군|자치구|구|군|시|지자체|기관)|양측|양 측)"), "GROUP"),
]
_EN_ANAPHORS = [
    (re.compile(r"\b(?:the|this|provincial|city|metropolitan)\s+(?:provincial\s+|city\s+|metropolitan\s+)?(?:education office|office of education)\b", re.I), "EO"),
    (re.compile(r"\bthe\s+(?:district\s+)?(?:education\s+)?(?:support\s+)?office\b", re.I), "EO"),
    (re.compile(r"\bthe\s+(?:provincial|metropolitan|city|county|district|municipal)\s+government\b", re.I), "LG"),
    (re.compile(r"\bthe\s+(?:city|county|district)\b(?!\s+(?:office|council|hall))", re.I), "LG_BASIC"),
    (re.compile(r"\bthe\s+province\b", re.I), "PROVINCE"),
    (re.compile(r"\bthe\s+(?:council|committee|association)\b", re.I), "COUNCIL"),
    (re.compile(r"\b(?:both|the (?:two|three|four|five|six|seven|eight|nine|ten|\d+)) (?:sides|institutions|organizations|"
                r"parties|agencies|bodies|municipalities|cities and counties|local governments|districts|counties|cities)\b",
                re.I), "GROUP"),
]


def _anaphors(s: str, taken: list[Mention]) -> list[Mention]:
    out = []
    spans = [(m.start, m.end) for m in taken]
    table = _KO_ANAPHORS if _HANGUL.search(s) else _EN_ANAPHORS
    for rx, ref in table:
        for m in rx.finditer(s):
            a, b = (m.start(1), m.end(1)) if m.re.groups else (m.start(), m.end())
            if any(x < b and a < y for x, y in spans):
                continue
            particle = re.match(r"[가-힣]{0,2}", s[b:]).group() if _HANGUL.search(s) else ""
            out.append(Mention(a, b, s[a:b], None, "Anaphor", None, None, particle, "anaphor", ref))
            spans.append((a, b))
    return out


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
_INSTITUTION_SUFFIX = (
    "대학교", "교육대학교", "고등학교", "중학교", "초등학교", "유치원", "특수학교",
    "재단", "진흥원", "연구원", "기술원", "개발원", "교육원", "연수원", "평가원", "정보원", "문화원", "유산원",
    "공단", "공사", "개발센터", "상공회의소", "병원", "협동조합", "생협", "은행", "본부",
    "시의회", "도의회", "군의회", "구의회", "의회",
)
_COUNCIL_SUFFIX = (
    "교육행정협의회", "실무협의회", "지원협의회", "협의회", "위원회", "협의체", "추진단", "지원단", "협력단",
    "연합회", "협회", "총회", "포럼",
)
_SUFFIX_WORD = re.compile(
    r"(?<![가-힣A-Za-z0-9])[가-힣A-Za-z0-9]+?(?:" + "|".join(sorted(_INSTITUTION_SUFFIX + _COUNCIL_SUFFIX, key=len, reverse=True))
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
        ok = (_MEETING_WORDS.match(w) or _place(w, ctx) is not None or w.endswith(_INSTITUTION_SUFFIX + _COUNCIL_SUFFIX)
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
    generic = normalize_name(body) in _GENERIC_COUNCILS
    return body, region, region is None and generic


_GENERIC_COUNCILS = {normalize_name(x) for x in (
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


def _open_korean(s: str, ctx: Context, taken: list[Mention]) -> list[Mention]:
    out = []
    generic = {normalize_name(w) for w in ctx.lexicon["generic_words"]}
    for m in _SUFFIX_WORD.finditer(s):
        end = m.end()
        last = m.group()
        if len(last) < 3 and not last.endswith(_COUNCIL_SUFFIX):
            continue
        if last.endswith(("총회", "포럼")):
            continue  # a meeting, not a body
        is_council = last.endswith(_COUNCIL_SUFFIX) and not _BUSINESS.search(last)
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
    r"Chamber of Commerce(?: and Industry)?|High School|Middle School|Elementary School|Team|Task Force))\b"
)


_EN_BARE_PLACE = re.compile(
    r"\b(?:with|and)\s+([A-Z][a-z]+(?:-[a-z]+)?)\b(?!\s+(?:[A-Z]|City|County|District|Office|Provincial|Metropolitan))"
    r"|\b[Tt]he\s+([A-Z][a-z]+(?:-[a-z]+)?)\s+(?:pact|agreement|MOU|deal|accord|memorandum)")


def _english_bare_places(s: str, ctx: Context, taken: list[Mention]) -> list[Mention]:
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


def _open_english(s: str, ctx: Context, taken: list[Mention]) -> list[Mention]:
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
                               needs_region=region is None and normalize_name(body_ko) in _GENERIC_COUNCILS))
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


def _programs_en(s: str, ctx: Context, taken: list[Mention]) -> list[Mention]:
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


def _open_programs(s: str, ctx: Context, taken: list[Mention]) -> list[Mention]:
    """Programme names not in the reference, or shared by several 시·도 (행복교육지구): the 시·도's own if the
    reference has it, else the name as written."""
    out = []
    for m in _OPEN_PROGRAM.finditer(s):
        a, b = m.start(1), m.end(1)
        if any(t.start < b and a < t.end for t in taken):
            continue
        name = m.group(1)
        key = normalize_name(name)
        own = [e for e in ctx.reference.entities if e.label == "Program" and ctx.province
               and e.province_ko == ctx.province and key in normalize_name(e.name_ko)]
        particle = re.match(r"[가-힣]{0,2}", s[b:]).group()
        if len(own) == 1:
            out.append(Mention(a, b, name, own[0].name_ko, "Program", None, own[0].id, particle, "name"))
        elif len(name) >= 4:
            out.append(Mention(a, b, name, name, "Program", None, None, particle, "open"))
    return out


_LISTED_PROGRAMS = re.compile(r"([^.]{3,160}?)\s*등\s*(?:다양한|여러|일부|각종|주요)?\s*(?:교육\s*)?(?:사업|정책|프로그램)")
_ITEM_LEAD = re.compile(r".*(?:으로|하고|있으며|이며|하며|에서|부터|까지|중심으로|통해|위해|은|는|이|가|을|를|인)\s")


def _listed_programmes(s: str, taken: list[Mention]) -> list[Mention]:
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


def _quoted_programs(s: str, taken: list[Mention]) -> list[Mention]:
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


def _short_schools(s: str, taken: list[Mention]) -> list[Mention]:
    """가람고 부지, 나래중 학생: a school by its short name (고/중/초), written out in full."""
    out = []
    full = {"고": "고등학교", "중": "중학교", "초": "초등학교"}
    for m in _SCHOOL_SHORT.finditer(s):
        if any(t.start < m.end() and m.start() < t.end for t in taken):
            continue
        name = m.group(1) + full[m.group(2)]
        out.append(Mention(m.start(), m.end(), m.group(), name, "Institution", None, None, "", "open"))
    return out


def _listed_institutions(s: str, taken: list[Mention]) -> list[Mention]:
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


# ------------------------------------------------------------------- entry
def find_mentions(s: str, ctx: Context) -> list[Mention]:
    """Stage 2 for one sentence: every mention, in text order, not overlapping (see the module docstring)."""
    found = _reference_mentions(s, ctx)
    found = _renamed(s, ctx, found)
    found += _enumerations(s, ctx, found)
    if _HANGUL.search(s):
        found += _open_korean(s, ctx, found)
        found = _drop_covered(found)
        found += _listed_institutions(s, found)
        found += _short_schools(s, found)
    else:
        found += _open_english(s, ctx, found)
        found = _drop_covered(found)
        found += _english_bare_places(s, ctx, found)
        found += _programs_en(s, ctx, found)
    found += _quoted_programs(s, found)
    if _HANGUL.search(s):
        found += _open_programs(s, ctx, found)
        found += _listed_programmes(s, found)
    found += _anaphors(s, found)
    found.sort(key=lambda m: (m.start, -m.end))
    return found


def _drop_covered(found: list[Mention]) -> list[Mention]:
    """Where an open name covers reference names (경상남도 교육행정협의회), the longer name stays;
    an institution inside a longer institution's name (○○공단 △△본부) is not one of its own."""
    keep = []
    seen = set()
    for m in found:
        if (m.start, m.end, m.type) in seen:
            continue
        seen.add((m.start, m.end, m.type))
        if m.type == "Institution" and any(o is not m and o.type == "Institution" and o.start <= m.start
                                           and m.end <= o.end and (o.end - o.start) > (m.end - m.start) for o in found):
            continue
        if m.kind != "open" and any(o.kind == "open" and o.start <= m.start and m.end <= o.end
                                    and (o.end - o.start) > (m.end - m.start) for o in found):
            continue
        keep.append(m)
    return keep
