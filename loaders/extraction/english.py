"""English names: bodies (… Council, … University, Chamber of Commerce) mapped to the Korean names,
bare places named as a partner ("a deal with Yeoju"), and programmes news writes in English.

>>> ctx = Context.default(date="2025-10-29", province="강원특별자치도")
>>> [(m.canonical, m.type) for m in open_english("The Gangwon State Education Administration Council met.", ctx, [])]
[('강원특별자치도 교육행정협의회', 'Council')]
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...graph.resolve import normalize_name
from .bodies import GENERIC_COUNCILS
from .context import ORG_TYPES, Context, Mention, reference_mention as _mention
from .particles import HANGUL

__all__ = ["open_english", "english_bare_places", "english_programmes", "place_en", "direction_offices",
           "possessed_bodies", "english_place_lists"]

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
                if form and not HANGUL.search(form) and len(_name_key(form)) >= 3:
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


_DIRECTIONS = {"Western": "서부", "Eastern": "동부", "Southern": "남부", "Northern": "북부", "Central": "중부"}
_DIRECTION_OFFICE = re.compile(r"\b(?:([A-Z][a-z]+)\s+)?(Western|Eastern|Southern|Northern|Central|Bukbu|Nambu|Seobu|Dongbu|Jungbu)\s+"
                               r"(?:District\s+)?(?:Education\s+Support\s+Office|Office\s+of\s+Education)")
_ROMAN_DIRECTIONS = {"Bukbu": "북부", "Nambu": "남부", "Seobu": "서부", "Dongbu": "동부", "Jungbu": "중부"}


def direction_offices(s: str, ctx: Context, taken: list[Mention]) -> list[Mention]:
    """The Western Education Support Office, Busan Northern Education Support Office: a district office named by
    its direction, in the 시·도 written before it or the article's."""
    out = []
    for m in _DIRECTION_OFFICE.finditer(s):
        if any(t.start < m.end() and m.start() < t.end for t in taken):
            continue
        place = place_en(m.group(1), ctx) if m.group(1) else None
        prov = place.province_ko if place is not None and place.level == "metropolitan" else ctx.province
        word = _DIRECTIONS.get(m.group(2)) or _ROMAN_DIRECTIONS[m.group(2)]
        hit = [e for e in ctx.resolver.lookup(f"{prov}{word}교육지원청") if e.label == "EducationOffice"] if prov else []
        if len(hit) == 1:
            a = m.start(1) if place is not None else m.start(2)
            out.append(_mention(hit[0], ctx, a, m.end(), s[a:m.end()]))
    return out


# Seoul's education office, city government and council of ward offices: bodies that share a place's possessive
_POSSESSIVE = re.compile(r"\b([A-Z][a-z]+(?:-[a-z]+)?)['’]s\s+")
_POSSESSED = [
    (re.compile(r"(?:provincial\s+|metropolitan\s+)?(?:education office|office of education)\b", re.I), "EO"),
    (re.compile(r"(?:provincial|city|metropolitan|county|district)?\s*government\b", re.I), "LG"),
    (re.compile(r"council of (?:ward|district) (?:offices|heads|chiefs)\b", re.I), "구청장협의회"),
]


def possessed_bodies(s: str, ctx: Context, taken: list[Mention]) -> list[Mention]:
    """A place's bodies written with its possessive, one or a list of them."""
    out = []
    for m in _POSSESSIVE.finditer(s):
        place = place_en(m.group(1), ctx)
        if place is None:
            continue
        pos = m.end()
        while True:
            hit = None
            for rx, what in _POSSESSED:
                b = rx.match(s, pos)
                if b:
                    hit = (b, what)
                    break
            if hit is None:
                break
            b, what = hit
            e = None
            if what == "EO":
                e = ctx.reference.provincial_office(place.province_ko) if place.level == "metropolitan" else next(
                    iter(ctx.reference.covered_by(place.id, ctx.date)), None)
            elif what == "LG":
                e = place
            if not any(t.start < b.end() and b.start() < t.end for t in taken + out):
                if e is not None:
                    out.append(_mention(e, ctx, b.start(), b.end(), b.group()))
                elif what == "구청장협의회":
                    out.append(Mention(b.start(), b.end(), b.group(), f"{ctx.name(place)} {what}", "Council", None,
                                       None, "", "open"))
            sep = re.match(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?", s[b.end():])
            if not sep:
                break
            pos = b.end() + sep.end()
    return out


_PLACE_LIST_ITEM = re.compile(r"(?:(?:North|South)\s+)?[A-Z][a-z]+(?:-[a-z]+)?(?:\s+(?:Metropolitan City|Province|City|County|"
                              r"Special Self-Governing Province|Island))?")


def english_place_lists(s: str, ctx: Context, taken: list[Mention]) -> list[Mention]:
    """Gyeonggi, South Chungcheong, North Jeolla, Jeju and Gwangju Metropolitan City, (Uiseong, Sangju, Andong):
    each place of a list of three or more is an actor."""
    out = []
    for m in re.finditer(rf"{_PLACE_LIST_ITEM.pattern}(?:\s*,\s*{_PLACE_LIST_ITEM.pattern})+(?:,?\s+and\s+"
                         rf"{_PLACE_LIST_ITEM.pattern}|(?=\)))", s):
        items = list(_PLACE_LIST_ITEM.finditer(s, m.start(), m.end()))
        found = [(i, place_en(i.group(), ctx)) for i in items if i.group() not in ("and",)]
        found = [(i, e) for i, e in found if e is not None]
        if len(found) < 3:
            continue
        for i, e in found:
            if not any(t.start < i.end() and i.start() < t.end for t in taken + out):
                out.append(_mention(e, ctx, i.start(), i.end(), i.group(), kind="place"))
    return out


def open_english(s: str, ctx: Context, taken: list[Mention]) -> list[Mention]:
    out = []
    lx = ctx.lexicon
    councils_en = lx.get("councils_en", {})
    for m in _EN_ORG.finditer(s):
        name = re.sub(r"^(?:The|the|A|An)\s+", "", m.group(1)).strip()
        start, end = m.end(1) - len(name), m.end(1)
        person = re.match(r"(?:[A-Z][a-z]+\s){0,2}[A-Z][a-z]+ [A-Z][a-z]+(?:-[a-z]+)\s+of\s+(?:the\s+)?", name)
        if person:
            # Professor Park Ji-won of Gaon University: the body is the part after "of"
            start += person.end()
            name = name[person.end():]
        if _NOT_A_BODY.search(name):
            continue
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
            e = place_en(" ".join(words[:k]), ctx)
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


# a programme, plan or project named in capitals, not a body (Provide Free Meals for High School, the Gaon
# University Mentoring Program)
_NOT_A_BODY = re.compile(r"^(?:Provide|Plan|Promote|Support|Create|Build|Establish|Expand|Operate|Operating|Open|Opening|"
                         r"Strengthen)\b|\b(?:Program|Programme|Project|Plan|Initiative|Policy)\b")
_OLD_ROMANISATION = (("K", "G"), ("P", "B"), ("T", "D"), ("Ch", "J"))


def place_en(words: str, ctx: Context):
    """The government an English place name denotes (Gyeonggi Province, South Chungcheong, Icheon City,
    Mungyeong), or None."""
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
        return ctx.reference.metropolitan(prov)
    words = re.sub(r"\b(?:State|Province|City|County|Metropolitan|Special|Self-Governing)\b", "", words).strip()
    if not words:
        return None
    # South Chungcheong is written with or without its "Province"
    prov = ctx.resolver.province_of(words) or ctx.resolver.province_of(words + " Province")
    if prov:
        return ctx.reference.metropolitan(prov)
    hit = ctx.narrow([e for e in ctx.resolver.lookup(words) if e.label == "LocalGovernment"])
    return hit[0] if len(hit) == 1 else None


def _university_ko(rest: list[str], region, ctx: Context) -> str | None:
    """Jeju National University → 제주대학교: the place's Korean stem + 대학교."""
    body = " ".join(rest)
    stem = (region.stem or region.name_ko).removesuffix("특별자치도").removesuffix("광역시").removesuffix("특별시")
    if region.level == "metropolitan":
        stem = (ctx.resolver.province_of(region.name_ko) or region.name_ko)
        stem = next((a for a in region.aliases if HANGUL.search(a) and len(a) == 2), stem[:2])
    if body in ("National University", "University"):
        return stem + "대학교"
    if body in ("National University of Education", "University of Education"):
        return stem + "교육대학교"  # Gaon National University of Education → 가온교육대학교
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
    # a programme's English name in another word order (Special Educational Development Zone = Education
    # Development Special Zone): the reference programme whose name has the same words
    for m in _EN_PROGRAM_NAME.finditer(s):
        if any(t.start < m.end() and m.start() < t.end for t in taken + out):
            continue
        pid = _programmes_by_words(ctx.reference).get(_programme_key(m.group()))
        if pid:
            e = ctx.reference.by_id[pid]
            out.append(Mention(m.start(), m.end(), m.group(), e.name_ko, "Program", None, e.id, "", "name"))
    return out


_EN_PROGRAM_NAME = re.compile(r"\b(?:[A-Z][a-z]+\s){1,5}(?:Zone|District|Program|Programme|School|Schools)\b")


def _programme_key(name: str) -> frozenset:
    words = re.findall(r"[a-z]+", name.lower().replace("educational", "education"))
    return frozenset(w for w in words if w not in _EN_NAME_FILLER and w not in ("pilot", "the", "s"))


@lru_cache(maxsize=2)
def _programmes_by_words(reference) -> dict:
    """National programmes by the words of their English names, in any order (one programme per set)."""
    table: dict = {}
    for e in reference.entities:
        if e.label == "Program" and not e.province_ko:
            for form in (e.name_en, *e.aliases):
                if form and not HANGUL.search(form) and len(_programme_key(form)) >= 3:
                    table.setdefault(_programme_key(form), set()).add(e.id)
    return {k: next(iter(v)) for k, v in table.items() if len(v) == 1}
