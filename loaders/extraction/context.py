"""What the mention stage works with: a Mention, the article's Context, and the genre lexicon.

>>> ctx = Context.default(date="2022-05-01", province="전북특별자치도")
>>> ctx.name(ctx.resolver.lookup("전북교육청")[0])
'전라북도교육청'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from ...graph.reference import Reference, load_reference
from ...graph.schema import load_schema
from ...graph.resolve import Resolver, default_resolver
from ..gazetteer import Gazetteer

__all__ = ["Mention", "Context", "load_lexicon", "ORG_TYPES", "reference_mention"]

# the organisations that can be parties (the schema's Actor labels): one home, never a copy
ORG_TYPES = tuple(load_schema().actor_labels())


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
    # the day whose names an undated article uses: the latest year its text mentions, else today
    names_date: str | None = None

    @classmethod
    def default(cls, date=None, province=None, names_date=None) -> "Context":
        return cls(date, province, Gazetteer.default(), default_resolver(), load_reference(), load_lexicon(),
                   names_date=names_date)

    @property
    def when(self) -> str | None:
        """The date names and homonyms are read on: the article's, else its ``names_date``."""
        return self.date or self.names_date

    def name(self, entity) -> str:
        return self.reference.name_on(entity.id, self.when) if entity.id in self.reference.by_id else entity.name_ko

    def narrow(self, cands: list, province: str | None = None) -> list:
        """Candidates narrowed by a 시·도 (the given one, else the article's) and the date."""
        prov = self.resolver.province_of(province) if province else self.province
        if len(cands) > 1 and prov:
            cands = [e for e in cands if e.province_ko == prov or e.name_ko == prov] or cands
        if len(cands) > 1 and self.when:
            cands = [e for e in cands if e.valid_on(self.when)] or cands
        return cands


def reference_mention(e, ctx: Context, start, end, surface, particle="", kind="name") -> Mention:
    """The mention of reference entity ``e``, named as on the article's date."""
    return Mention(start, end, surface, ctx.name(e), e.label, e.level, e.id, particle, kind)

