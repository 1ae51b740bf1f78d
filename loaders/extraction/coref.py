"""Stage 3, coreference: whom 도교육청, 교육청, 도, 군, 양 기관, the office … denote.

The article's own actors decide: 도교육청 is the provincial office of the
article's 시·도; 교육청 is the district office where the article names one
and no provincial office, else the provincial office; 시/군/구 is the
government of that kind the article names most; 양 기관 / 이들 기관 / both
sides are the actors of the sentence before. Councils named without their
region (교육행정협의회) take the article's: its basic government where the
article is about one and its district office, else its 시·도.

>>> from edugraph.loaders.extraction.mentions import Context, find_mentions
>>> ctx = Context.default(date="2022-05-01", province="전북특별자치도")
>>> found = [find_mentions(s, ctx) for s in ("무주군과 무주교육지원청이 손잡았다.", "도교육청과 군은 교육행정협의회를 열었다.")]
>>> art = Article(found, ctx)
>>> [m.canonical for m in resolve(found[1], art)]
['전라북도교육청', '무주군', '전라북도 교육행정협의회']
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ...graph.resolve import normalize_name
from .anaphors import KINDS
from .bodies import region_name
from .mentions import ASSEMBLY_COMMITTEES, ORG_TYPES, Context, Mention
from .particles import TOPIC_OR_SUBJECT

__all__ = ["Article", "resolve"]

_CITY_PROVINCES = ("특별시", "광역시", "특별자치시")


class Article:
    """Article-wide counts of the actors named, and the anchors anaphors resolve to."""

    def __init__(self, sentence_mentions: list[list[Mention]], ctx: Context):
        self.ctx = ctx
        self.counts: Counter = Counter()
        self.info: dict = {}
        for mentions in sentence_mentions:
            for m in mentions:
                if m.type in ORG_TYPES and m.canonical:
                    self.counts[m.canonical] += 1
                    self.info.setdefault(m.canonical, m)
        # one name per programme in an article: a place's edition (금천교육협력특구) where the article names one,
        # for every mention of that reference programme
        self.programme_names: dict = {}
        for mentions in sentence_mentions:
            for m in mentions:
                if m.type == "Program" and m.id and m.canonical and len(m.canonical) > len(self.programme_names.get(m.id, "")):
                    self.programme_names[m.id] = m.canonical
        programs: Counter = Counter()
        self.program_info: dict = {}
        for mentions in sentence_mentions:
            for m in mentions:
                if m.type == "Program" and m.canonical:
                    name = self.programme_names.get(m.id, m.canonical)
                    programs[name] += 1
                    self.program_info.setdefault(name, replace(m, canonical=name))
        self.main_program = self.program_info[programs.most_common(1)[0][0]] if programs else None
        self.metro = ctx.reference.metropolitan(ctx.province)
        self.provincial_eo = ctx.reference.provincial_office(ctx.province)
        self.last_group: list[Mention] = []
        # 도교육청 or 도 written as such: the article has the 시·도 level in it
        self.provincial_anaphor = any(m.kind == "anaphor" and m.ref in ("EO_PROVINCIAL", "PROVINCE")
                                      for mentions in sentence_mentions for m in mentions)
        # 교육지원청 written alone: the article is about a government and its district office
        self.district_anaphor = any(m.kind == "anaphor" and m.ref == "EO_DISTRICT"
                                    for mentions in sentence_mentions for m in mentions)
        # councils the article names with their region, to read a bare 실무협의회 or 교육행정협의회 as one of them
        self.councils: Counter = Counter(
            m.canonical for mentions in sentence_mentions for m in mentions
            if m.type == "Council" and m.canonical and not m.needs_region)
        # councils named without a region count under the name they take (교육행정협의회 실무협의회 → the
        # 시·도's), so that a later bare 실무협의회 is read as that body
        region = self.region()
        for mentions in sentence_mentions:
            for m in mentions:
                if m.type == "Council" and m.canonical and m.needs_region and region \
                        and normalize_name(m.canonical) not in ASSEMBLY_COMMITTEES:
                    self.councils[f"{region} {m.canonical}"] += 1


    def recent(self, type_: str, level: str | None = None, suffix: str | None = None) -> Mention | None:
        """The one actor of that kind among the actors of the sentence before, if just one."""
        hits = [m for m in self.last_group if m.type == type_ and (level is None or m.level == level)
                and (suffix is None or (m.canonical or "").endswith(suffix))]
        return hits[0] if len({h.canonical for h in hits}) == 1 else None

    def main(self, type_: str, level: str | None = None, suffix: str | None = None) -> Mention | None:
        best = [
            (n, self.info[c]) for c, n in self.counts.most_common()
            if self.info[c].type == type_ and (level is None or self.info[c].level == level)
            and (suffix is None or c.endswith(suffix))
        ]
        return best[0][1] if best else None

    def lead(self, exclude: str | None = None) -> Mention | None:
        """The government or office of education the article names most."""
        for name, _ in self.counts.most_common():
            m = self.info[name]
            if name != exclude and m.type in ("LocalGovernment", "EducationOffice"):
                return m
        return None

    def district_of(self, basic: Mention | None):
        """The district office that covers a basic government (on the article's date), or None."""
        if basic is None or not basic.id:
            return None
        offices = self.ctx.reference.covered_by(basic.id, self.ctx.date)
        return offices[0] if len(offices) == 1 else None

    def entity_mention(self, e, like: Mention) -> Mention:
        return replace(like, canonical=self.ctx.name(e), type=e.label, level=e.level, id=e.id)

    def target(self, m: Mention) -> Mention | None:
        """The actor an anaphor denotes, or None."""
        ref = m.ref
        if ref == "EO_PROVINCIAL" and self.provincial_eo is not None:
            return self.entity_mention(self.provincial_eo, m)
        if ref == "EO_DISTRICT":
            d = self.recent("EducationOffice", "district") or self.main("EducationOffice", "district")
            return replace(m, canonical=d.canonical, type=d.type, level=d.level, id=d.id) if d else None
        if ref == "EO":
            district = self.main("EducationOffice", "district")
            provincial = self.main("EducationOffice", "provincial")
            if district is not None and (provincial is None
                                         or self.counts[district.canonical] > self.counts[provincial.canonical]):
                return replace(m, canonical=district.canonical, type=district.type, level=district.level, id=district.id)
            if self.provincial_eo is not None:
                return self.entity_mention(self.provincial_eo, m)
            return None
        if ref in ("PROVINCE", "LG") and self.metro is not None:
            if ref == "PROVINCE" and self.metro.name_ko.endswith(_CITY_PROVINCES):
                return None
            if ref == "LG" and m.surface.lower().split()[1:2] in (["city"], ["county"], ["district"]):
                basic = self.main("LocalGovernment", "basic")
                if basic is not None:
                    return replace(m, canonical=basic.canonical, type=basic.type, level=basic.level, id=basic.id)
            return self.entity_mention(self.metro, m)
        if ref == "COUNCIL":
            # "the Association": the council whose own name says association, else the one named most
            word = m.surface.split()[-1].lower()
            named = [(c, n) for c, n in self.councils.most_common()
                     if c in self.info and word in (self.info[c].surface or "").lower()] or self.councils.most_common(1)
            if named:
                c = self.info.get(named[0][0])
                return replace(m, canonical=named[0][0], type="Council", id=c.id if c else None)
            return None
        if ref in ("CITY", "COUNTY", "GU", "LG_BASIC"):
            suffix = {"CITY": "시", "COUNTY": "군", "GU": "구", "LG_BASIC": None}[ref]
            basic = self.recent("LocalGovernment", "basic", suffix) or self.main("LocalGovernment", "basic", suffix)
            if basic is not None:
                return replace(m, canonical=basic.canonical, type=basic.type, level=basic.level, id=basic.id)
            if ref in ("CITY", "LG_BASIC") and self.metro is not None and self.metro.name_ko.endswith(_CITY_PROVINCES):
                return self.entity_mention(self.metro, m)
        return None

    def council(self, body: str) -> str:
        """The full name of a council written without its region."""
        key = normalize_name(body)
        named = [c for c, _ in self.councils.most_common() if normalize_name(c).endswith(key)]
        if named:
            return named[0]
        if key in ASSEMBLY_COMMITTEES and self.metro is not None:
            return f"{self.ctx.name(self.metro)}의회 {body}"
        region = self.region()
        return f"{region} {body}" if region else body

    def region(self) -> str | None:
        """The region of a council named without one."""
        basic = self.main("LocalGovernment", "basic")
        district = self.main("EducationOffice", "district") or (self.district_of(basic) if self.district_anaphor else None)
        provincial = self.main("EducationOffice", "provincial") or (
            self.info.get(self.ctx.name(self.provincial_eo)) if self.provincial_eo else None)
        metro_named = self.main("LocalGovernment", "metropolitan")
        if basic is not None and district is not None and provincial is None and metro_named is None \
                and not self.provincial_anaphor:
            # an article about a city and its district office: its local council (a homonym with its 시·도)
            e = self.ctx.reference.by_id.get(basic.id) if basic.id else None
            return region_name(e, self.ctx) if e is not None else basic.canonical
        return self.ctx.name(self.metro) if self.metro is not None else None


# kinds that can denote a basic government or a district office, named earlier in the same sentence
_LOCAL = ("CITY", "COUNTY", "GU", "LG_BASIC", "EO_DISTRICT")


def _same_sentence(m: Mention, before: list[Mention]) -> Mention | None:
    """'… with Guri City on Wednesday, making the city the fourth': the city named earlier in the sentence."""
    if m.ref not in _LOCAL:
        return None
    kind = KINDS[m.ref]
    hits = [x for x in before if x.kind != "anaphor" and x.level in ("basic", "district")
            and kind.fits(x.type, x.level, x.canonical)]
    return replace(hits[-1], start=m.start, end=m.end, surface=m.surface, particle=m.particle) if hits else None


def _paired_district(m: Mention, mentions: list[Mention], art: Article) -> Mention | None:
    """보은군과 교육지원청이, 교육지원청과 가람군은: a bare 교육지원청 paired with a government is that government's
    district office."""
    if m.ref != "EO_DISTRICT":
        return None
    for o in mentions:
        if o.type == "LocalGovernment" and o.level == "basic" and o.kind != "anaphor" and (
                0 <= m.start - (o.end + len(o.particle)) <= 1 and o.particle in ("과", "와")
                or 0 <= o.start - (m.end + len(m.particle)) <= 1 and m.particle in ("과", "와")):
            office = art.district_of(o)
            return art.entity_mention(office, m) if office is not None else None
    return None


def resolve(mentions: list[Mention], art: Article) -> list[Mention]:
    """Stage 3 for one sentence: anaphors replaced by the actors they denote (a group by each of its members),
    each programme by the one name the article gives it."""
    out: list[Mention] = []
    for m in mentions:
        if m.type == "Program" and m.id in art.programme_names and m.canonical != art.programme_names[m.id]:
            m = replace(m, canonical=art.programme_names[m.id])
        if m.kind == "anaphor":
            if m.ref == "GROUP":
                # the group is the others: not the one that acts in the sentence (도교육청은 … 세 시·군과)
                here = {x.canonical for x in mentions + out
                        if x.canonical and x.particle in TOPIC_OR_SUBJECT and x.ref != "GROUP"}
                members = [g for g in art.last_group if g.canonical not in here]
                count = re.search(r"(\d+)\s*개", m.surface)
                if count and 0 < int(count.group(1)) < len(members):
                    members = members[:int(count.group(1))]  # 이들 7개 구: the first seven named
                for g in members:
                    if g.canonical in here:
                        continue  # 도교육청은 … 세 시·군과: the group is the others
                    out.append(replace(g, start=m.start, end=m.end, surface=m.surface, particle=m.particle,
                                       kind="anaphor"))
                continue
            t = _same_sentence(m, out) or art.target(m) or _paired_district(m, mentions, art)
            if t is not None:
                out.append(replace(t, kind="anaphor"))
            continue
        if m.needs_region and m.type == "Institution":
            gov = art.main("LocalGovernment", m.level) or (art.entity_mention(art.metro, m) if art.metro else None)
            if gov is None:
                continue
            m = replace(m, canonical=gov.canonical + "의회", level=None, needs_region=False)
        elif m.needs_region:
            m = replace(m, canonical=art.council(m.canonical), needs_region=False)
        out.append(m)
    parties = []
    for m in out:
        if m.type in ("LocalGovernment", "EducationOffice", "Institution") and m.canonical not in [p.canonical for p in parties]:
            parties.append(m)
    if len(parties) >= 2:
        art.last_group = parties
    return out
