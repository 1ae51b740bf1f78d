"""Persons and their titles: who heads what.

Korean apposition in every order news uses (김포시장 김병수, 임태희 경기도교육감,
임태희(오른쪽) 경기도교육감, 민병희 교육감, 서울특별시교육청(교육감 정근식),
홍길동(가람시장) 회장, 가람협의회 홍길동 위원장, 홍길동·김영희 시의원) and English
(Mayor Lee Jae-joon, Superintendent Cho Hee-yeon of …, Icheon Mayor Kim
Gyeong-hui, Kim Kyung-hee (left), Mayor of Icheon; Yoon Kyung-hee, Cheongsong
County Governor; former Governor …). A bare title (교육감, 지사, 시장) takes its
organisation from the article: the 시·도's office of education, its
provincial government, the city the sentence is about (``settle``).
Romanised names of officeholders become the Hangul name of whoever held that
office on the article's date, in any of the spellings press uses
(``graph/reference/officeholders.csv``; a former head in any term); other
romanised names stay as written. The titles are the lexicon's ``titles``.

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
from ..romanize import SURNAMES, hangul_name, same_name
from .anaphors import KINDS
from .bodies import COUNCIL_SUFFIXES, INSTITUTION_SUFFIXES
from .context import ORG_TYPES, Context, Mention, load_lexicon
from .particles import HANGUL, ends_in_particle

__all__ = ["Head", "find_heads", "settle", "context_org", "Officeholders", "is_person_name", "surname_fits",
           "surname_ko", "HEAD_ROLES"]


@dataclass(frozen=True)
class Head:
    person: str  # canonical (Hangul, or romanised as written)
    surface: str
    org: str | None  # canonical organisation name, None for a person without a head title
    org_type: str | None
    role: str | None
    org_id: str | None = None
    pending: str | None = None  # a bare title's kind (KINDS): the organisation is the article's actor of that kind
    start: int = -1  # the span of the name and its title in the sentence
    end: int = -1


def _within(date: str, start: str, end: str | None) -> bool:
    return start[:len(date)] <= date and (not end or date[:len(end)] <= end)


class Officeholders:
    """Who held a head's office when: from the reference HEADS facts with terms."""

    def __init__(self):
        ref = load_reference()
        self.terms = []  # (org_id, role, name_ko, start, end)
        for f in ref.facts:
            if f.type != "HEADS" or not f.valid_from:
                continue
            self.terms.append((f.target, f.props.get("role") or "", ref.by_id[f.source].name_ko, f.valid_from,
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
        found = [t for t in self.by_org.get(org_id, ()) if _within(date, t[3], t[4])]
        found.sort(key=lambda t: "권한대행" in t[1])
        return found[0][2] if found else None

    def known(self, org_id: str | None, date: str | None) -> bool:
        """Whether the reference knows who headed ``org_id`` on ``date``."""
        return bool(org_id) and any(not date or _within(date, t[3], t[4]) for t in self.by_org.get(org_id, ()))

    def named(self, org_id: str, romanised_name: str, date: str | None, former: bool = False) -> str | None:
        """The Hangul name of the head of ``org_id`` spelled ``romanised_name``: in office on ``date``, or in
        any term for a former head (or when the date is unknown)."""
        names = {t[2] for t in self.by_org.get(org_id, ())
                 if (former or not date or _within(date, t[3], t[4])) and same_name(romanised_name, t[2])}
        return names.pop() if len(names) == 1 else None

    def names_of(self, org_ids, date: str | None) -> set:
        """Hangul names of the heads of ``org_ids`` on ``date`` (any term when the date is unknown)."""
        ids = set(org_ids)
        return {t[2] for t in self.terms if t[0] in ids and (not date or _within(date, t[3], t[4]))}

    def by_romanised(self, name: str, date: str | None, roles: tuple = ()) -> list[tuple[str, str, str]]:
        """[(name_ko, org_id, role)] of officeholders (of ``roles`` if given) spelled ``name`` in English press,
        in office on ``date``."""
        return [(ko, org, role) for org, role, ko, start, end in self.terms
                if (not roles or role.split()[0] in roles) and (not date or _within(date, start, end))
                and same_name(name, ko)]


# ----------------------------------------------------------------- Korean
def _titles() -> dict:
    return load_lexicon()["titles"]


@lru_cache(maxsize=1)
def _patterns() -> dict:
    t = _titles()
    heads = set(t["heads_ko"])
    every = heads | set(t["body_heads_ko"]) | set(t["other_ko"])
    titles = "|".join(sorted(every, key=len, reverse=True))
    acting = "|".join(t["acting_ko"])
    end = r"(?=[은는이가과와의을를도,.·\s()]|$|에게|께서)"
    org_word = r"[가-힣A-Za-z·()]+(?<![은는을를의와과에])"
    return {
        # lookaheads, so that a failed candidate (규정에 따라 …) does not swallow the name after it
        # NAME (caption) ORG-TITLE | NAME TITLE
        "after": re.compile(rf"(?<![가-힣])(?=([가-힣]{{2,4}})(?:\s*\([^)]{{0,20}}\))?\s+((?:{org_word}\s){{0,2}}?[가-힣0-9()]*?)"
                            rf"({titles})(\s(?:{acting}))?{end})"),
        # ORG-TITLE NAME
        "before": re.compile(rf"(?<![가-힣])(?=([가-힣]*?)({titles})\s+([가-힣]{{2,4}})(?=[\s,.(은는이가과와의도]|$))"),
        # ORG(교육감 정근식), ORG(대표: 이성 구로구청장)
        "paren": re.compile(rf"\(\s*({titles})\s*[:：]?\s*([가-힣]{{2,4}})(?=[\s,)])"),
        # NAME(가람시장) 회장: the title in parentheses is the person's office too
        "name_paren": re.compile(rf"(?<![가-힣])([가-힣]{{2,4}})\(([가-힣]+?)({'|'.join(sorted(heads, key=len, reverse=True))})\)"),
    }


def _role_kind(title: str):
    return _titles()["heads_ko"].get(title)


def is_person_name(w: str, ctx: Context) -> bool:
    """A Korean personal name: 2–4 Hangul syllables, a known surname, not a place, office or common word."""
    if not re.fullmatch(r"[가-힣]{2,4}", w) or w in _not_names() or re.search(r"(?:을|를|으로|에서|에게|하는|했다|와|과|에|께)$", w):
        return False
    surnames = ctx.lexicon["korean_surnames"]
    if w[0] not in surnames and w[:2] not in surnames:
        return False
    if w.endswith(INSTITUTION_SUFFIXES + COUNCIL_SUFFIXES + ("교육청", "의회", "청")):
        return False
    if any(e.label != "Person" for e in ctx.resolver.lookup(w)):
        return False
    if len(w) == 3 and w.endswith(("의", "를", "을", "와", "과", "에")):
        return False
    if len(w) == 2 and w not in _short_names():
        return False  # two-syllable names are rare; common words of that shape (제공, 위해) are not
    return not re.search(r"(?:시|군|구|도|청|회|부|감|님|들|것|번|전|후|간|중|의|를|을|은|는|와|과)$", w) or len(w) == 3


@lru_cache(maxsize=1)
def _short_names() -> frozenset:
    """Two-syllable names the reference's officeholders carry (이성)."""
    return frozenset(t[2] for t in Officeholders.default().terms if len(t[2]) == 2)


@lru_cache(maxsize=1)
def _not_names() -> frozenset:
    return frozenset(_titles()["not_names_ko"])


def _org_of_title(prefix: str, kind: str, ctx: Context):
    """The organisation a title heads from its place prefix (오산+시장); None when the prefix names none."""
    forms = {
        "EO_PROVINCIAL": [prefix + "교육청", prefix], "EO_DISTRICT": [prefix + "교육지원청", prefix],
        "PROVINCE": [prefix + "도", prefix], "CITY": [prefix + "시", prefix, prefix + "특별시", prefix + "광역시"],
        "COUNTY": [prefix + "군", prefix], "GU": [prefix + "구", prefix],
    }[kind]
    label = KINDS[kind].label
    for form in forms:
        hit = ctx.narrow([e for e in ctx.resolver.lookup(form) if e.label == label])
        if kind == "EO_PROVINCIAL":
            hit = [e for e in hit if e.level == "provincial"] or hit
        if len(hit) == 1:
            return hit[0]
    return None


def find_heads(s: str, mentions: list[Mention], ctx: Context) -> list[Head]:
    """Persons named in ``s`` with the organisation they head (or None), in text order."""
    if not HANGUL.search(s):
        return _english_heads(s, mentions, ctx)
    pats = _patterns()
    out: list[Head] = []
    seen: set = set()

    def add(head: Head | None):
        if head is not None and head.person not in seen:
            seen.add(head.person)
            out.append(head)

    for m in pats["name_paren"].finditer(s):
        name, prefix, title = m.group(1), m.group(2), m.group(3)
        role, kind = _role_kind(title)
        org = _org_of_title(prefix, kind, ctx) if is_person_name(name, ctx) else None
        if org is not None:
            # 홍길동(가람시장) 회장: heads the city, and (below) the body of the title after the parentheses
            out.append(Head(name, name, ctx.name(org), org.label, role, org.id, start=m.start(), end=m.end()))
    for m in pats["after"].finditer(s):
        name, org_text, title = m.group(1), m.group(2).strip(), m.group(3)
        if is_person_name(name, ctx):
            acting = (m.group(4) or "").strip()
            end = m.end(4) if m.group(4) else m.end(3)
            add(_head(name, org_text, title, acting, m.start(1), end, s, mentions, ctx))
            # 홍길동·김영희 시의원: every name of the list has the title
            before = re.search(r"([가-힣]{2,4})·$", s[:m.start(1)])
            if before and is_person_name(before.group(1), ctx):
                add(_head(before.group(1), org_text, title, acting, before.start(1), end, s, mentions, ctx))
    for m in pats["before"].finditer(s):
        org_text, title, name = m.group(1), m.group(2), m.group(3)
        if len(name) > 2 and ends_in_particle(name) and is_person_name(name[:-1], ctx):
            name = name[:-1]
        if is_person_name(name, ctx):
            add(_head(name, org_text, title, "", m.start(), m.start(3) + len(name), s, mentions, ctx))
    for m in pats["paren"].finditer(s):
        name = m.group(2)
        prev = [o for o in mentions if o.type in ORG_TYPES and o.end <= m.start() and m.start() - o.end <= 2]
        if prev and is_person_name(name, ctx):
            title = m.group(1)
            role = (_role_kind(title) or (title,))[0]
            add(Head(name, name, prev[-1].canonical, prev[-1].type, role, prev[-1].id, start=prev[-1].start,
                     end=m.end()))
    out.sort(key=lambda h: h.start)
    return out


def _head(name, org_text, title, acting, start, end, s, mentions, ctx: Context) -> Head | None:
    """The head ``name`` with ``title``: its organisation written between them (홍길동 철원교육지원청 교육장),
    glued to the title (오산시장), right before the name (가람협의회 홍길동 위원장), or left to the context."""
    role_kind = _role_kind(title)
    org_words = org_text.split()
    org_mention = None
    if org_words:
        span_start = s.find(org_text, start)
        org_mention = next((o for o in mentions if o.type in ORG_TYPES
                            and span_start <= o.start < span_start + len(org_text) + 1), None)
    elif not re.search(rf"[가-힣]{title}", s[start:end]):
        # 가람협의회 홍길동 위원장: the body named right before the name
        org_mention = next((o for o in reversed(mentions) if o.type in ORG_TYPES and 0 <= start - o.end <= 1), None)
    span = {"start": start, "end": end}
    if role_kind is None:
        if title in ("장관", "부총리") and org_mention is None:
            org_mention = next((o for o in mentions if o.type == "Ministry" and (0 <= start - o.end < 30
                                                                              or 0 <= o.start - start < 30)), None)
        if title in ("장관", "부총리") and org_mention is not None and org_mention.type == "Ministry":
            return Head(name, name, org_mention.canonical, org_mention.type, "장관", org_mention.id, **span)
        if title in _titles()["body_heads_ko"] and org_mention is not None \
                and org_mention.type in ("Council", "Institution") and not _assembly(org_mention, title):
            role = f"{title} {acting}".strip()
            return Head(name, name, org_mention.canonical, org_mention.type, role, org_mention.id, **span)
        return Head(name, name, None, None, title, **span)
    role, kind = role_kind
    role = f"{role} {acting}".strip()
    if org_mention is not None and org_mention.canonical and org_mention.type != "Council":
        return Head(name, name, org_mention.canonical, org_mention.type, role, org_mention.id, **span)
    prefix = org_words[-1] if org_words else ""
    # glued: 오산시장 → prefix 오산; 경기도교육감 → 경기도
    glued = re.search(rf"([가-힣]+){title}", s[start:end + 1])
    if glued and not org_words:
        prefix = glued.group(1)
        if prefix.endswith(("부", "부교육", "행정부")):
            return None
    if not prefix:
        return Head(name, name, None, None, role, pending=kind, **span)
    org = _org_of_title(prefix, kind, ctx)
    if org is None:
        return Head(name, name, None, None, None, **span)
    return Head(name, name, ctx.name(org), org.label, role, org.id, **span)


def _assembly(org: Mention, title: str) -> bool:
    """The chair of an assembly or of its committee (도의회 의장, 교육위원회 위원장) heads it: only its own."""
    return title == "의장" and not (org.canonical or "").endswith("의회")


# ---------------------------------------------------------------- English
_EN_NAME = r"([A-Z][a-z]+ [A-Z][a-z]+(?:-[a-z]+)?)"
# capitalised words that are not surnames (Ha, Na, Go, Do, So, An and Ma are: they stay out of this list)
_EN_WORDS = {"in", "on", "to", "no", "ok", "yes", "me", "be", "by",
             "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december", "city", "county", "province", "office", "council", "the", "and", "district",
             "metropolitan", "education", "superintendent", "mayor", "governor"}
# what may stand between a name and its title: a caption's position, a comma, "the"
_EN_BETWEEN = r"(?:\s*\((?:left|right|center|centre|middle|second from (?:left|right)|[^)]{0,20})\))?,?\s+(?:the\s+)?"


@lru_cache(maxsize=1)
def _en_patterns() -> list:
    titles = "|".join(sorted((re.escape(t) for t in _titles()["heads_en"]), key=len, reverse=True))
    place = r"(?:[A-Z][a-z]+(?:-[a-z]+)?\s){1,3}"
    return [
        # Mayor Lee Jae-joon; former Governor Kim Moon-soo
        re.compile(rf"(?i:\b({titles}))\s+{_EN_NAME}"),
        # Lee Jae-joon, mayor of …; Kim Kyung-hee (left), Mayor of Icheon
        re.compile(rf"{_EN_NAME}{_EN_BETWEEN}(?i:({titles}))\b"),
        # Yoon Kyung-hee, Cheongsong County Governor
        re.compile(rf"{_EN_NAME},\s+({place})(?i:({titles}))\b"),
        # the mayor of Seoul, Park Wonsoon
        re.compile(rf"(?i:\bthe\s+({titles}))\s+of\s+((?:{place})?[A-Z][a-z]+),\s+{_EN_NAME}"),
    ]


def _english_heads(s: str, mentions: list[Mention], ctx: Context) -> list[Head]:
    out: list[Head] = []
    holders = Officeholders.default()
    seen = set()
    titles = _titles()["heads_en"]
    for k, pat in enumerate(_en_patterns()):
        for m in pat.finditer(s):
            if k == 0:
                title, name, place = m.group(1), m.group(2), None
            elif k == 1:
                name, title, place = m.group(1), m.group(2), None
            elif k == 2:
                name, place, title = m.group(1), m.group(2).strip(), m.group(3)
            else:
                title, place, name = m.group(1), m.group(2), m.group(3)
            first, given = name.split()[0].lower(), name.split()[1].lower()
            if name in seen or first not in SURNAMES or first in _EN_WORDS or given in _EN_WORDS:
                continue
            role, kind, *named_org = titles[title.lower()]
            former = bool(re.search(r"\b(?:former|then|late)\s+(?:[A-Z][\w-]*\s+){0,3}$", s[max(0, m.start() - 40):m.start()]))
            if named_org:
                e = ctx.reference.by_id[named_org[0]]  # Minister of Education
                org = Mention(0, 0, "", ctx.name(e), e.label, e.level, e.id)
            else:
                org = _en_place_org(place, kind, ctx) if place else _en_org(s, m, mentions, kind)
            ko, org = _hangul_of(name, org, kind, former, ctx, holders)
            if org is None and ko is None:
                cands = holders.by_romanised(name, ctx.date, (role,))
                if len({c[0] for c in cands}) == 1 and len({c[1] for c in cands}) == 1:
                    ko, org_id, _ = cands[0]
                    e = ctx.reference.by_id.get(org_id)
                    org = Mention(0, 0, "", ctx.name(e), e.label, e.level, e.id) if e else None
            seen.add(name)
            person = ko or name
            span = {"start": m.start(), "end": m.end()}
            if org is not None:
                out.append(Head(person, name, org.canonical, org.type, role, org.id, **span))
            else:
                out.append(Head(person, name, None, None, role, pending=kind, **span))
    other = "|".join(sorted((re.escape(t) for t in _titles()["other_en"]), key=len, reverse=True))
    for m in re.finditer(rf"(?i:\b(?:{other}))\s+{_EN_NAME}", s):
        name = m.group(1)
        if name not in seen and name.split()[0].lower() in SURNAMES and name.split()[1].lower() not in _EN_WORDS:
            seen.add(name)
            out.append(Head(name, name, None, None, None, start=m.start(), end=m.end()))
    out.sort(key=lambda h: h.start)
    return out


def _hangul_of(name: str, org: Mention | None, kind: str, former: bool, ctx: Context,
               holders) -> tuple[str | None, Mention | None]:
    """The Hangul name of a romanised head and its organisation: the officeholder of ``org`` so spelled (then,
    or in any term for a former head); with no organisation, the officeholder of the article's 시·도 of that
    kind so spelled, who heads it."""
    if org is not None:
        return (holders.named(org.id, name, ctx.date, former) if org.id else None), org
    if kind in ("EO", "PROVINCE", "CITY") and ctx.province:
        e = ctx.reference.metropolitan(ctx.province) if kind != "EO" else ctx.reference.provincial_office(ctx.province)
        ko = holders.named(e.id, name, ctx.date, former) if e is not None else None
        if ko:
            return ko, Mention(0, 0, "", ctx.name(e), e.label, e.level, e.id)
    return None, None


def _en_place_org(place: str, kind: str, ctx: Context) -> Mention | None:
    """The organisation of 'Cheongsong County Governor', 'the mayor of Seoul': the place's government."""
    from .english import place_en

    e = place_en(place, ctx)
    if e is None or KINDS[kind].label not in (None, e.label):
        return None
    return Mention(0, 0, place, ctx.name(e), e.label, e.level, e.id)


def _en_org(s: str, m, mentions: list[Mention], kind: str):
    """The organisation of an English title: 'of ORG' after the name, or ORG right before the title or inside
    parentheses right after it: Busan Office of Education (Superintendent Ha Yoon-soo)."""
    want = {"COUNCIL": ("Council", "Institution")}.get(kind, (KINDS[kind].label,))
    if kind == "MINISTRY":
        return next((o for o in mentions if o.type == "Ministry"), None)
    after = [o for o in mentions if o.type in want and 0 <= o.start - m.end() <= 12
             and re.match(r",?\s*(?:of|at|from)\s+(?:the\s+)?$", s[m.end():o.start])]
    if after:
        return after[0]
    before = [o for o in mentions if o.type in want and 0 <= m.start() - o.end <= 2]
    if before:
        return before[-1]
    paren = [o for o in mentions if o.type in want and re.fullmatch(r"\s*\(", s[o.end:m.start()])]
    if paren:
        return paren[-1]
    return None


def surname_ko(romanised: str) -> str | None:
    """김 for Kim, 이 for Lee …: the Hangul surname of a romanised Korean name."""
    return SURNAMES.get(romanised.split()[0].lower().rstrip(".")) if romanised.split() else None


def surname_fits(romanised: str, hangul: str) -> bool:
    first = romanised.split()[0].lower().rstrip(".")
    return SURNAMES.get(first) == hangul[0]


# ------------------------------------------------------- settling a head
_CITY_PROVINCES = ("특별시", "광역시", "특별자치시")
# the titles of the heads of governments and offices of education (who sign for them)
HEAD_ROLES = ("교육감", "교육장", "시장", "도지사", "군수", "구청장")


def context_org(kind: str, mentions: list[Mention], art) -> Mention | None:
    """The organisation a bare title of ``kind`` heads: the sentence's actor of that kind, else the article's
    (the 시·도's office of education for a bare 교육감, its government for a bare 도지사)."""
    k = KINDS.get(kind)
    if k is None or k.label not in ("EducationOffice", "LocalGovernment", "Council"):
        return None
    type_, level, suffix = k.label, k.level or k.bare, k.suffix
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


def settle(h: Head, mentions: list[Mention], art, date: str | None) -> tuple[Head, Mention | None]:
    """A head with its organisation settled from the article where its title was bare, and a romanised name
    read as the Hangul name of the officeholder it denotes; the organisation's mention when it came from the
    context. A romanised head whose surname does not fit the known officeholder of the context's organisation
    heads none of it. The head given is not changed."""
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
            if not HANGUL.search(person) and target.id and holders.known(target.id, date):
                # a romanised name with a title: whoever held that title then, if the name fits
                holder = holders.named(target.id, person, date) or holders.holder(target.id, date, surname_ko(person))
                if holder is None or not surname_fits(person, holder):
                    return replace(h, person=person, pending=None, role=None), None
                person = holder
            org, org_type, org_id = target.canonical, target.type, target.id
    return replace(h, person=person, org=org, org_type=org_type, org_id=org_id, pending=None), target
