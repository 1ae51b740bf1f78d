"""Name resolution: any name form → the canonical reference entity.

Korean or English, with or without spaces, hyphens or a trailing particle
(김포시는, 오산시와), with an optional province and date as context.

>>> r = default_resolver()
>>> r.resolve("서울시교육청").name_ko
'서울특별시교육청'
>>> r.resolve("중구", province="부산").id
'lg_26110'
>>> len(r.candidates("중구"))
6
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from .errors import AmbiguousName, UnknownName
from .reference import Entity, Reference, load_reference
from .text import clean_text

__all__ = ["Resolver", "default_resolver", "normalize_name", "strip_particle", "PARTICLES"]

# Longest first, so 에서는 is tried before 는.
PARTICLES = sorted(
    """은 는 이 가 을 를 의 에 와 과 도 만 로 으로 에서 에게 께서 과의 와의 에서는 에서도 와는 과는
    이며 이고 이나 이라 이다 이었다 으로서 로서 으로부터 로부터 까지 부터 처럼 하고 이랑 랑 측은 측과 측이
    에는 에도 과도 와도 만의 까지는 에서의 으로의 로의 등 등과 등이 등은 등의 등을""".split(),
    key=len, reverse=True,
)

_STRIP = re.compile(r"[\s\-‐–—·・.,'’‘\"“”`()\[\]]")


@lru_cache(maxsize=1 << 16)
def normalize_name(name: str) -> str:
    """Comparison key: clean text (NFKC, no zero-width characters), lower case, no spaces, hyphens, dots,
    quotes or brackets; no '(가칭)'."""
    name = clean_text(name).replace("(가칭)", "").replace("가칭", "")
    return _STRIP.sub("", name).lower()


_PARTICLE_SET = frozenset(PARTICLES)
_PARTICLE_MAX = max(map(len, PARTICLES))


def strip_particle(word: str) -> list[str]:
    """The forms of ``word`` with one trailing Korean particle removed (longest particle first)."""
    out = []
    for k in range(min(_PARTICLE_MAX, len(word) - 2), 0, -1):
        if word[-k:] in _PARTICLE_SET:
            out.append(word[:-k])
    return out


class Resolver:
    """Index of every reference name form; see the module docstring."""

    def __init__(self, reference: Reference):
        self.reference = reference
        self._index: dict[str, set[str]] = defaultdict(set)
        self._provinces: dict[str, str] = {}
        for e in reference.entities:
            for form in (e.name_ko, e.name_en, *e.aliases):
                if form:
                    self._index[normalize_name(form)].add(e.id)
            if e.stem:
                self._index[normalize_name(e.stem)].add(e.id)
            if e.label == "LocalGovernment" and e.level == "metropolitan":
                for form in (e.name_ko, e.name_en, *e.aliases):
                    self._provinces[normalize_name(form)] = e.name_ko

    def province_of(self, context: str | None) -> str | None:
        """The official 시·도 name for a province given in any form (부산 → 부산광역시)."""
        if not context:
            return None
        return self._provinces.get(normalize_name(context))

    def lookup(self, name: str) -> list[Entity]:
        """Every entity one of whose name forms equals ``name`` (after normalising), particles tried;
        a reference id (lg_41570) is its entity."""
        if name in self.reference.by_id:
            return [self.reference.by_id[name]]
        key = normalize_name(name)
        ids = self._index.get(key)
        if not ids:
            for stripped in strip_particle(key):
                ids = self._index.get(stripped)
                if ids:
                    break
        return sorted((self.reference.by_id[i] for i in ids or ()), key=lambda e: e.id)

    def candidates(self, name: str, province: str | None = None, date: str | None = None,
                   labels: tuple | None = None) -> list[Entity]:
        """Entities ``name`` may denote, narrowed by province, date and label where that leaves any."""
        found = self.lookup(name)
        if labels:
            found = [e for e in found if e.label in labels]
        prov = self.province_of(province) or province
        if prov and len(found) > 1:
            narrowed = [e for e in found if e.province_ko == prov or e.name_ko == prov]
            found = narrowed or found
        if date and len(found) > 1:
            narrowed = [e for e in found if e.valid_on(date)]
            found = narrowed or found
        return found

    def resolve(self, name: str, province: str | None = None, date: str | None = None,
                labels: tuple | None = None) -> Entity:
        """The one entity ``name`` denotes; AmbiguousName or UnknownName otherwise."""
        found = self.candidates(name, province, date, labels)
        if not found:
            raise UnknownName(f"no actor called {name!r}; try `edugraph ask search {name}`")
        if len(found) > 1:
            raise AmbiguousName(name, found)
        return found[0]


@lru_cache(maxsize=1)
def default_resolver() -> Resolver:
    """The resolver over the packaged reference data (built once per process)."""
    return Resolver(load_reference())
