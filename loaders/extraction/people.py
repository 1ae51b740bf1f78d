"""Persons and their titles: who heads what.

Korean apposition in every order news uses (김포시장 김병수, 임태희 경기도교육감,
임태희(오른쪽) 경기도교육감, 민병희 교육감, 서울특별시교육청(교육감 정근식)) and
English titles (Mayor Lee Jae-joon, Superintendent Cho Hee-yeon of …,
Icheon Mayor Kim Gyeong-hui). A bare title (교육감, 지사, 시장) takes its
organisation from the article: the 시·도's office of education, its
provincial government, the city the sentence is about. Romanised names of
officeholders become the Hangul name of whoever held that title on the
article's date (``graph/reference/officeholders.csv``); other romanised names
stay as written.

>>> from edugraph.loaders.extraction.mentions import Context, find_mentions
>>> ctx = Context.default(date="2019-03-01", province="서울특별시")
>>> s = "Superintendent Cho Hee-yeon said the office would help."
>>> [(h.person, h.org, h.role) for h in find_heads(s, find_mentions(s, ctx), ctx)]
[('조희연', '서울특별시교육청', '교육감')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ...graph.reference import load_reference
from ..romanize import hangul_name
from .anaphors import KINDS
from .mentions import ORG_TYPES, Context, Mention
from .particles import HANGUL, ends_in_particle

__all__ = ["Head", "find_heads", "settle", "context_org", "Officeholders", "is_person_name", "surname_fits", "surname_ko"]



@dataclass
class Head:
    person: str  # canonical (Hangul, or romanised as written)
    surface: str
    org: str | None  # canonical organisation name, None for a person without a head title
    org_type: str | None
    role: str | None
    org_id: str | None = None
    pending: str | None = None  # a bare title's kind (KINDS): the organisation is the article's actor of that kind


class Officeholders:
    """Who held a head's office when: from the reference HEADS facts with terms."""

    def __init__(self):
        ref = load_reference()
        self.terms = []  # (org_id, role, name_ko, name_en_key, start, end)
        for f in ref.facts:
            if f.type != "HEADS" or not f.valid_from:
                continue
            p = ref.by_id[f.source]
            self.terms.append((f.target, f.props.get("role") or "", p.name_ko, _en_key(p.name_en), f.valid_from,
                               f.valid_to))

        self.by_org: dict = {}
        for t in self.terms:
            self.by_org.setdefault(t[0], []).append(t)

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> "Officeholders":
        return cls()

    def holder(self, org_id: str, date: str | None, surname: str | None = None) -> str | None:
        """The Hangul name of the head of ``org_id`` on ``date`` (acting heads only when no elected one).
        Without a date, the one head of ``org_id`` since 2010 whose surname is ``surname``, if only one."""
        if not date:
            names = {t[2] for t in self.by_org.get(org_id, ()) if surname and t[2][0] == surname}
            return names.pop() if len(names) == 1 else None
        found = [t for t in self.by_org.get(org_id, ()) if t[4][:len(date)] <= date
                 and (not t[5] or date[:len(t[5])] <= t[5])]
        found.sort(key=lambda t: "권한대행" in t[1])
        return found[0][2] if found else None

    def names_of(self, org_ids, date: str | None) -> set:
        """Hangul names of the heads of ``org_ids`` on ``date`` (any term when the date is unknown)."""
        ids = set(org_ids)
        return {t[2] for t in self.terms if t[0] in ids and (
            not date or (t[4][:len(date)] <= date and (not t[5] or date[:len(t[5])] <= t[5])))}

    def by_romanised(self, name: str, date: str | None) -> list[tuple[str, str, str]]:
        """[(name_ko, org_id, role)] of officeholders spelled ``name`` in English press, in office on ``date``."""
        key = _en_key(name)
        out = []
        for org, role, ko, en, start, end in self.terms:
            if en and en == key and (not date or (start[:len(date)] <= date and (not end or date[:len(end)] <= end))):
                out.append((ko, org, role))
        return out


def _en_key(name: str | None) -> str:
    return re.sub(r"[^a-z]", "", (name or "").lower())


# ----------------------------------------------------------------- Korean
_KO_TITLES = [  # (title as written, role, what it heads)
    ("교육감", "교육감", "EO_PROVINCIAL"), ("교육장", "교육장", "EO_DISTRICT"),
    ("도지사", "도지사", "PROVINCE"), ("지사", "도지사", "PROVINCE"),
    ("광역시장", "시장", "CITY"), ("특별시장", "시장", "CITY"), ("시장", "시장", "CITY"),
    ("군수", "군수", "COUNTY"), ("구청장", "구청장", "GU"),
]
_OTHER_TITLES = (
    "부교육감", "부시장", "부군수", "부구청장", "부지사", "행정부지사", "정무부지사", "교육국장", "교육장", "국장", "과장",
    "팀장", "실장", "기획관", "정책기획관", "장학관", "장학사", "주무관", "위원장", "부위원장", "회장", "부회장", "의장",
    "부의장", "대표", "총장", "교장", "원장", "이사장", "센터장", "단장", "장관", "차관", "의원", "교수", "대표이사",
    "사무국장", "본부장", "소장", "관장", "공동의장", "공동위원장", "공동회장",
)
_COUNCIL_HEAD = ("위원장", "회장", "의장", "공동의장", "공동위원장", "공동회장", "대표")
_NAME = r"([가-힣]{2,4})"
_NOT_NAMES = set("""기자 관계자 담당자 위원 대표 회장 의원 이번 이날 정부 주민 시민 학생 교사 교장 부모 학부모 이후 이상 이하
이전 지난 오는 전국 전체 공동 정책 사업 교육 지역 한편 또한 이에 이를 이와 최근 현재 올해 내년 작년 지원 운영 추진
강화 확대 구축 마련 조성 참여 협력 협약 간담 회의 전문 고교 고등 신규 기존 주요 각종 모든 우리 함께 시장 군수 구청
교육감 교육장 도지사 위원장 단장 과장 팀장 국장 실장 주무관 장학사 장학관 연구원 박사 교수 총장 원장 센터장 이사장
정책 기획 도내 관내 도교육 교육청 공동의 초대 신임 전임 당시 차기 민선 제주 서울 부산 대구 인천 광주 대전 울산 세종
경기 강원 충북 충남 전북 전남 경북 경남 인사 축사 환영 사진 오른쪽 왼쪽 가운데 앞줄 뒷줄 대행 권한 부군 부시
공동의장 공동위원장 공동회장 권한대행 부총리 부교육감 부시장 부군수 부지사 총리 장관 차관 의장 회장 위원 조례 시의원 도의원""".split())


_TITLES = "|".join(sorted({t for t, _, _ in _KO_TITLES} | set(_OTHER_TITLES), key=len, reverse=True))
_TITLE_END = r"(?=[은는이가과와의을를도,.·\s()]|$|에게|께서)"
_ORG_WORD = r"[가-힣A-Za-z·]+(?<![은는을를의와과에])"
# lookaheads, so that a failed candidate (규정에 따라 …) does not swallow the name after it
# NAME (caption) ORG-TITLE  |  NAME TITLE
_PAT_AFTER = re.compile(rf"(?<![가-힣])(?=([가-힣]{{2,4}})(?:\s*\([^)]{{0,20}}\))?\s+((?:{_ORG_WORD}\s){{0,2}}?[가-힣]*?)"
                        rf"({_TITLES}){_TITLE_END})")
# ORG-TITLE NAME
_PAT_BEFORE = re.compile(rf"(?<![가-힣])(?=([가-힣]*?)({_TITLES})\s+([가-힣]{{2,4}})(?=[\s,.(은는이가과와의도]|$))")
# ORG(교육감 정근식), ORG(대표: 이성 구로구청장)
_PAT_PAREN = re.compile(rf"\(\s*({_TITLES})\s*[:：]?\s*{_NAME}(?=[\s,)])")


def is_person_name(w: str, ctx: Context) -> bool:
    """A Korean personal name: 2–4 Hangul syllables, a known surname, not a place, office or common word."""
    if not re.fullmatch(r"[가-힣]{2,4}", w) or w in _NOT_NAMES or re.search(r"(?:을|를|으로|에서|에게|하는|했다|와|과|에|께)$", w):
        return False
    surnames = ctx.lexicon["korean_surnames"]
    if w[0] not in surnames and w[:2] not in surnames:
        return False
    if any(e.label != "Person" for e in ctx.resolver.lookup(w)):
        return False
    return not re.search(r"(?:시|군|구|도|청|회|부|감|님|들|것|번|전|후|간|중|의|를|을|은|는|와|과)$", w) or len(w) == 3


_BY_CONTEXT = object()  # a bare title: its organisation comes from the article


def _org_of_title(prefix: str, kind: str, ctx: Context, mentions: list[Mention], at: int):
    """The organisation a title heads: from its place prefix (오산+시장), else from the article context."""
    res = ctx.resolver
    if prefix:
        forms = {
            "EO_PROVINCIAL": [prefix + "교육청", prefix], "EO_DISTRICT": [prefix + "교육지원청", prefix],
            "PROVINCE": [prefix + "도", prefix], "CITY": [prefix + "시", prefix, prefix + "특별시", prefix + "광역시"],
            "COUNTY": [prefix + "군", prefix], "GU": [prefix + "구", prefix],
        }[kind]
        label = "EducationOffice" if kind.startswith("EO") else "LocalGovernment"
        for form in forms:
            hit = ctx.narrow([e for e in res.lookup(form) if e.label == label])
            if kind == "EO_PROVINCIAL":
                hit = [e for e in hit if e.level == "provincial"] or hit
            if len(hit) == 1:
                return hit[0]
        return None
    return _BY_CONTEXT


def find_heads(s: str, mentions: list[Mention], ctx: Context) -> list[Head]:
    """Persons named in ``s`` with the organisation they head (or None), in text order."""
    if not HANGUL.search(s):
        return _english_heads(s, mentions, ctx)
    out: list[Head] = []
    seen = set()
    seen = set()
    for m in _PAT_AFTER.finditer(s):
        name, org_text, title = m.group(1), m.group(2).strip(), m.group(3)
        if is_person_name(name, ctx):
            _add(out, seen, name, org_text, title, m.start(), s, mentions, ctx)
    for m in _PAT_BEFORE.finditer(s):
        org_text, title, name = m.group(1), m.group(2), m.group(3)
        if len(name) > 2 and ends_in_particle(name) and is_person_name(name[:-1], ctx):
            name = name[:-1]
        if is_person_name(name, ctx):
            _add(out, seen, name, org_text, title, m.start(), s, mentions, ctx)
    # ORG(교육감 정근식), ORG(대표: 이성 구로구청장)
    for m in _PAT_PAREN.finditer(s):
        name = m.group(2)
        prev = [o for o in mentions if o.type in ORG_TYPES and o.end <= m.start() and m.start() - o.end <= 2]
        if prev and is_person_name(name, ctx) and name not in seen:
            seen.add(name)
            out.append(Head(name, name, prev[-1].canonical, prev[-1].type, m.group(1), prev[-1].id))
    return out


def _add(out, seen, name, org_text, title, at, s, mentions, ctx: Context):
    if name in seen:
        return
    role_kind = next(((role, kind) for t, role, kind in _KO_TITLES if title == t), None)
    # the organisation written between the name and a bare title: 홍길동 철원교육지원청 교육장
    org_words = org_text.split()
    org_mention = None
    if org_words:
        span_start = s.find(org_text, at)
        org_mention = next((o for o in mentions if o.type in ORG_TYPES and span_start <= o.start < span_start + len(org_text) + 1), None)
    if role_kind is None:
        seen.add(name)
        if title in ("장관", "부총리", "차관") and org_mention is None:
            org_mention = next((o for o in mentions if o.type == "Ministry" and 0 <= at - o.end < 30 or
                                o.type == "Ministry" and 0 <= o.start - at < 30), None)
        if title in ("장관", "부총리") and org_mention is not None and org_mention.type == "Ministry":
            out.append(Head(name, name, org_mention.canonical, org_mention.type, "장관", org_mention.id))
        elif title in _COUNCIL_HEAD and org_mention is not None and org_mention.type in ("Council", "Institution"):
            out.append(Head(name, name, org_mention.canonical, org_mention.type, title, org_mention.id))
        else:
            out.append(Head(name, name, None, None, title))
        return
    role, kind = role_kind
    prefix = org_words[-1] if org_words else ""
    if org_mention is not None and org_mention.canonical:
        seen.add(name)
        out.append(Head(name, name, org_mention.canonical, org_mention.type, role, org_mention.id))
        return
    # glued: 오산시장 → prefix 오산; 경기도교육감 → 경기도
    glued = re.search(rf"([가-힣]+){title}", s[at:at + 40])
    if glued and not org_words:
        prefix = glued.group(1)
        if prefix.endswith(("부", "부교육", "행정부")):
            return
    org = _org_of_title(prefix, kind, ctx, mentions, at)
    seen.add(name)
    if org is None:
        out.append(Head(name, name, None, None, None))
    elif org is _BY_CONTEXT:
        out.append(Head(name, name, None, None, role, pending=kind))
    else:
        out.append(Head(name, name, ctx.name(org), org.label, role, org.id))


# ---------------------------------------------------------------- English
_EN_NAME = r"([A-Z][a-z]+ [A-Z][a-z]+(?:-[a-z]+)?)"
_EN_TITLES = {
    "superintendent": ("교육감", "EO"), "education superintendent": ("교육감", "EO"),
    "education chief": ("교육감", "EO"), "education chief of": ("교육감", "EO"),
    "mayor": ("시장", "LG"), "gov.": ("도지사", "PROVINCE"), "governor": ("도지사", "PROVINCE"),
    "county magistrate": ("군수", "LG"), "county head": ("군수", "LG"), "district head": ("구청장", "LG"),
    "district chief": ("구청장", "LG"), "chairman": ("위원장", "COUNCIL"), "chairperson": ("위원장", "COUNCIL"),
    "chair": ("위원장", "COUNCIL"), "president": ("회장", "COUNCIL"),
    "minister": ("장관", "MINISTRY"), "education minister": ("장관", "MINISTRY"),
    "deputy prime minister": ("장관", "MINISTRY"),
}


_EN_TITLE_RE = "|".join(sorted((re.escape(t) for t in _EN_TITLES), key=len, reverse=True))
_EN_PATS = [
    re.compile(rf"(?i:\b({_EN_TITLE_RE}))\s+{_EN_NAME}"),                       # Mayor Lee Jae-joon
    re.compile(rf"{_EN_NAME},?\s+(?:the\s+)?(?i:({_EN_TITLE_RE}))\b"),          # Lee Jae-joon, mayor of …
]


def _english_heads(s: str, mentions: list[Mention], ctx: Context) -> list[Head]:
    out: list[Head] = []

    offices = ctx.reference
    holders = Officeholders.default()
    seen = set()
    pats = _EN_PATS
    from ..romanize import SURNAMES

    for k, pat in enumerate(pats):
        for m in pat.finditer(s):
            title, name = (m.group(1), m.group(2)) if k == 0 else (m.group(2), m.group(1))
            first, given = name.split()[0].lower(), name.split()[1].lower()
            if name in seen or first not in SURNAMES or first in _EN_WORDS or given in _EN_WORDS:
                continue
            role, kind = _EN_TITLES[title.lower()]
            org = _en_org(s, m, mentions, kind)
            ko = None
            cands = holders.by_romanised(name, ctx.date)
            if org is not None and org.id:
                holder = holders.holder(org.id, ctx.date, surname_ko(name))
                if holder and (not cands or any(c[0] == holder for c in cands)) and surname_fits(name, holder):
                    ko = holder
            if ko is None and cands:
                ko, org_id, _ = cands[0]
                if org is None:
                    e = offices.by_id.get(org_id)
                    org = Mention(0, 0, "", ctx.name(e), e.label, e.level, e.id) if e else None
            if ko is None and org is None and kind in ("EO", "PROVINCE", "LG") and ctx.province:
                e = _provincial("PROVINCE" if kind == "LG" else kind, ctx)
                if kind == "LG" and e is not None and not e.name_ko.endswith(("특별시", "광역시", "특별자치시")):
                    e = None
                holder = holders.holder(e.id, ctx.date) if e else None
                if holder and surname_fits(name, holder):
                    ko, org = holder, Mention(0, 0, "", ctx.name(e), e.label, e.level, e.id)
            seen.add(name)
            person = ko or name
            if org is not None:
                out.append(Head(person, name, org.canonical, org.type, role, org.id))
            else:
                out.append(Head(person, name, None, None, role, pending=kind))
    return out


_EN_WORDS = {"in", "on", "an", "do", "so", "ma", "ha", "na", "o", "go", "to", "no", "ok", "yes", "me", "be", "by",
             "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december", "city", "county", "province", "office", "council", "the", "and"}


def _provincial(kind: str, ctx: Context):
    if kind == "PROVINCE":
        return ctx.reference.metropolitan(ctx.province)
    return ctx.reference.provincial_office(ctx.province)


def _en_org(s: str, m, mentions: list[Mention], kind: str):
    """The organisation of an English title: 'of ORG' after the name, or ORG right before the title."""
    want = {"EO": ("EducationOffice",), "LG": ("LocalGovernment",), "PROVINCE": ("LocalGovernment",),
            "COUNCIL": ("Council", "Institution"), "MINISTRY": ("Ministry",)}[kind]
    if kind == "MINISTRY":
        return next((o for o in mentions if o.type == "Ministry"), None)
    after = [o for o in mentions if o.type in want and 0 <= o.start - m.end() <= 12
             and re.match(r",?\s*(?:of|at|from)\s+(?:the\s+)?$", s[m.end():o.start])]
    if after:
        return after[0]
    before = [o for o in mentions if o.type in want and 0 <= m.start() - o.end <= 2]
    if before:
        return before[-1]
    return None


def surname_ko(romanised: str) -> str | None:
    """김 for Kim, 이 for Lee …: the Hangul surname of a romanised Korean name."""
    from ..romanize import SURNAMES

    return SURNAMES.get(romanised.split()[0].lower().rstrip(".")) if romanised.split() else None


def surname_fits(romanised: str, hangul: str) -> bool:
    from ..romanize import SURNAMES

    first = romanised.split()[0].lower().rstrip(".")
    return SURNAMES.get(first) == hangul[0]


# ------------------------------------------------------- settling a head
# where a bare title's organisation is looked for: the actors of that kind in the sentence, then the article's
_BARE_TITLE = {"EO_PROVINCIAL": ("EducationOffice", "provincial"), "EO": ("EducationOffice", "provincial"),
               "EO_DISTRICT": ("EducationOffice", "district"), "PROVINCE": ("LocalGovernment", "metropolitan"),
               "CITY": ("LocalGovernment", None), "COUNTY": ("LocalGovernment", "basic"),
               "GU": ("LocalGovernment", "basic"), "LG": ("LocalGovernment", "basic"), "COUNCIL": ("Council", None)}


def context_org(kind: str, mentions: list[Mention], art) -> Mention | None:
    """The organisation a bare title of ``kind`` heads: the sentence's actor of that kind, else the article's
    (the 시·도's office of education for a bare 교육감, its government for a bare 도지사)."""
    if kind not in _BARE_TITLE:
        return None
    type_, level = _BARE_TITLE[kind]
    suffix = KINDS[kind].suffix
    here = [m for m in mentions if m.type == type_ and (level is None or m.level == level)
            and (suffix is None or (m.canonical or "").endswith(suffix))]
    if here:
        return here[0]
    if kind in ("EO_PROVINCIAL", "EO") and art.provincial_eo is not None:
        return art.entity_mention(art.provincial_eo, Mention(0, 0, "", None, "EducationOffice"))
    if kind == "PROVINCE" and art.metro is not None:
        return art.entity_mention(art.metro, Mention(0, 0, "", None, "LocalGovernment"))
    found = art.main(type_, level, suffix)
    if found is None and kind == "CITY" and art.metro is not None and art.metro.name_ko.endswith(_CITY_PROVINCES):
        return art.entity_mention(art.metro, Mention(0, 0, "", None, "LocalGovernment"))
    return found


_CITY_PROVINCES = ("특별시", "광역시", "특별자치시")


def settle(h: Head, mentions: list[Mention], art, date: str | None) -> tuple[Head, Mention | None]:
    """A head with its organisation settled from the article where its title was bare, and a romanised name
    read as the Hangul name of the officeholder it denotes; the organisation's mention when it came from the
    context. The head given is not changed."""
    person = h.person
    holders = Officeholders.default()
    if not HANGUL.search(person):
        # a romanised name whose usual Hangul reading is the name of a head of one of the article's
        # governments or offices then (Lee Dong-jin, Dobong's mayor → 이동진); other names stay as written
        guess = hangul_name(person)
        ids = [m.id for m in art.info.values() if m.id and m.type in ("LocalGovernment", "EducationOffice")]
        if guess and guess in holders.names_of(ids, date):
            person = guess
    target = None
    org, org_type, org_id = h.org, h.org_type, h.org_id
    if org is None and h.pending:
        target = context_org(h.pending, mentions, art)
        if target is not None:
            org, org_type, org_id = target.canonical, target.type, target.id
            if not HANGUL.search(person) and target.id:
                # a romanised name with a title: whoever held that title then, if the surname fits
                holder = holders.holder(target.id, date, surname_ko(person))
                if holder and surname_fits(person, holder):
                    person = holder
    return replace(h, person=person, org=org, org_type=org_type, org_id=org_id, pending=None), target
