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
from dataclasses import replace

from ...graph.resolve import strip_particle
from .anaphors import find_anaphors
from .bodies import ASSEMBLY_COMMITTEES, council_name, marked_bodies, open_korean
from .context import ORG_TYPES, Context, Mention, load_lexicon, reference_mention as _mention
from .english import (direction_offices, english_bare_places, english_place_lists, english_programmes, open_english,
                      possessed_bodies)
from .listed import listed_institutions, short_schools
from .particles import HANGUL, ends_in_particle, is_korean, particle_after, role
from .programmes import listed_programmes, open_programmes, quoted_programmes

__all__ = ["Mention", "Context", "find_mentions", "load_lexicon", "ORG_TYPES", "council_name", "ASSEMBLY_COMMITTEES"]


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
            if cands and {e.label for e in cands} <= {"LocalGovernment", "EducationOffice"} and (
                    m.particle or not HANGUL.match(s[m.token_end:m.token_end + 1] or " ")):
                out.append(_unsettled(m.start, m.end, m.surface, cands[0].label, m.particle))
            continue  # a homonym the context cannot settle: no guess, but noted
        e = cands[0]
        nxt = s[m.token_end:m.token_end + 1]
        if m.particle == "" and HANGUL.match(nxt or " ") and e.label != "Program":
            continue  # glued into a longer word (오산시장, 구미시의회): titles and open names read those
        if e.label == "LocalGovernment" and e.level == "metropolitan":
            after = s[m.token_end:m.token_end + 8]
            if (role(m.particle) == "place" or m.particle == "에서는") or re.match(r"\s*(?:\d|전체|모든|내\b|소속|산하|관내|지역|도내|곳곳|전역)", after):
                continue  # 서울시 25개 자치구, 경남에서는: a place, not an actor
        out.append(_mention(e, ctx, m.start, m.end, m.surface, m.particle))
    out += _by_office_name(s, ctx, out)
    # 남부교육지원청, 서부교육지원청: district offices named by direction, in the article's 시·도
    for m in re.finditer(r"(?<![가-힣])((?:동부|서부|남부|북부|중부)교육지원청)", s):
        if ctx.province and not any(x.start <= m.start() < x.end for x in out):
            hit = [e for e in ctx.resolver.lookup(ctx.province + m.group(1)) if e.label == "EducationOffice"]
            if len(hit) == 1:
                particle = particle_after(s, m.end())
                out.append(_mention(hit[0], ctx, m.start(), m.end(), m.group(1), particle))
    # 전북도, 충북도, 경남도: a province's short name with 도, as news writes it
    for m in re.finditer(r"(?<![가-힣])([가-힣]{2})도(?=[은는이가와과의를을도,·\s]|$)", s):
        prov = ctx.resolver.province_of(m.group(1))
        if prov and prov.endswith("도") and not any(x.start <= m.start() < x.end for x in out):
            metro = ctx.reference.metropolitan(prov)
            if metro:
                out.append(_mention(metro, ctx, m.start(), m.end(), m.group(), particle_after(s, m.end())))
    for start, end, e, prefix in ctx.gazetteer.programs_inside(s):
        if not any(x.start <= start < x.end for x in out):
            if prefix and _is_place(prefix, ctx):
                # 금천교육협력특구, 오산미래교육협력지구: a place's edition of the programme, named as written
                a = start - len(prefix)
                out.append(Mention(a, end, s[a:end], s[a:end], "Program", None, e.id, particle_after(s, end), "name"))
            else:
                out.append(Mention(start, end, s[start:end], e.name_ko, "Program", None, e.id, "", "name"))
    return out


def _is_place(word: str, ctx: Context) -> bool:
    """Whether ``word`` names a place (금천, 오산, 경기): a government's stem or a 시·도."""
    return bool(ctx.resolver.province_of(word)) or any(
        e.label == "LocalGovernment" for e in ctx.resolver.lookup(word))


_OFFICE_NAME = re.compile(r"(?<![가-힣])([가-힣]{1,5}(?:시|군|구|도))청(?!장|사|년|소)")


def _by_office_name(s: str, ctx: Context, taken: list[Mention]) -> list[Mention]:
    """광산구청(구청장 …), 중구청과, 청도군청: a government by the name of its office (not 구청장, a title)."""
    out = []
    for m in _OFFICE_NAME.finditer(s):
        if any(t.start < m.end() and m.start() < t.end for t in taken):
            continue
        hit = ctx.narrow([e for e in ctx.resolver.lookup(m.group(1)) if e.label == "LocalGovernment"])
        if len(hit) == 1:
            out.append(_mention(hit[0], ctx, m.start(), m.end(), m.group(), particle_after(s, m.end())))
        elif hit:
            out.append(_unsettled(m.start(), m.end(), m.group(), "LocalGovernment", particle_after(s, m.end())))
    return out


def _unsettled(start: int, end: int, surface: str, label: str, particle: str) -> Mention:
    """A government or office named in a way the article's context cannot settle (중구 with no 시·도): kept as
    an observation, never as an actor."""
    return Mention(start, end, surface, None, label, None, None, particle, "unsettled")


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
_LIST_SEP = re.compile(r"^\s*(?:[·,、/ㆍ]|(?<=[가-힣])-|,?\s*and|,?\s*및|,?\s*or)\s*$")
# 가람과 나래 지역, 가람과 나래 두 곳: two bare places joined by 과/와 before a word that makes them places
_PAIR = re.compile(r"(?<![가-힣])([가-힣]{2,4})(?:과|와)\s([가-힣]{2,4})(?=\s*(?:지역|등|두\s|\d+\s*개|시·군|시군))")
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
        _last, last_hit = _place_candidates(chain[-1].group(), ctx, None)
        # 가람·나래·다온구: the items before the last share its 구, 군 or 시
        shared = last_hit[0].name_ko[-1] if last_hit and last_hit[0].name_ko.endswith(("구", "군", "시")) else None
        for w in chain:
            form, hit = _place_candidates(w.group(), ctx, None)
            if not hit and shared and len(w.group()) <= 3:
                _form, hit = _place_candidates(w.group() + shared, ctx, None)
                form = w.group() if hit else None
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
                out.append(_unsettled(w.start(), w.start() + len(form), form, "LocalGovernment", w.group()[len(form):]))
                continue
            end = w.start() + len(form)
            out.append(_mention(hit[0], ctx, w.start(), end, form, w.group()[len(form):], kind="place"))
    for m in _PAIR.finditer(s):
        pair = [(m.start(1), m.group(1)), (m.start(2), m.group(2))]
        hits = [ctx.narrow(_place_candidates(w, ctx, None)[1]) for _, w in pair]
        if all(len(h) == 1 for h in hits) and hits[0][0].province_ko == hits[1][0].province_ko:
            for (a, w), h in zip(pair, hits):
                if not any(x <= a < y for x, y in taken_spans) and not any(o.start == a for o in out):
                    out.append(_mention(h[0], ctx, a, a + len(w), w, "", kind="place"))
    return out


# ------------------------------------------------------------------- entry
def find_mentions(s: str, ctx: Context) -> list[Mention]:
    """Stage 2 for one sentence: every mention, in text order, not overlapping (see the module docstring)."""
    found = _reference_mentions(s, ctx)
    found = _renamed(s, ctx, found)
    found += _enumerations(s, ctx, found)
    if is_korean(s):
        found += open_korean(s, ctx, found)
        found += marked_bodies(s, ctx, found)
        found = _drop_covered(found)
        found += listed_institutions(s, found)
        found += short_schools(s, found)
    else:
        found += english_programmes(s, ctx, found)
        found += direction_offices(s, ctx, found)
        found += possessed_bodies(s, ctx, found)
        found += open_english(s, ctx, found)
        found = _drop_covered(found)
        found += english_place_lists(s, ctx, found)
        found += english_bare_places(s, ctx, found)
    found = quoted_programmes(s, found)
    if is_korean(s):
        found += open_programmes(s, ctx, found)
        found += listed_programmes(s, found)
    found += find_anaphors(s, found)
    found.sort(key=lambda m: (m.start, -m.end))
    # ‘가람교육지구’는: a quoted name's particle comes after the closing quotation mark
    return [replace(m, particle=particle_after(s, m.end)) if not m.particle and s[m.end:m.end + 1] in "’'”\"」』"
            else m for m in found]


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
