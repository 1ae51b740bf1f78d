"""How far a tie reaches: within a jurisdiction, outside it, or across provinces.

``reach`` is stored on every ``COOPERATES_WITH`` relationship and every
``Agreement`` (the widest pair of its parties), computed from the reference
data when the fact is written, so that the cross-boundary questions read an
index instead of testing every tie:

- 0: the tie stays inside a jurisdiction (a government and the office that
  covers it, its 시·도 office of education, or two actors of one 시·도);
- 1: a government and an office of education of its 시·도 that does not cover it;
- 2: the two actors belong to different 시·도.

Actors without a 시·도 (national bodies, councils and institutions found in
articles) give no reach.

>>> from edugraph.graph.reach import reach_of
>>> reach_of("lg_41370", "eo_41_hwaseong-osan"), reach_of("lg_41370", "eo_41_suwon"), reach_of("lg_41570", "lg_11")
(0, 1, 2)
"""

from __future__ import annotations

from functools import lru_cache
from itertools import combinations

from .reference import load_reference

__all__ = ["reach_of", "reach_of_parties"]


@lru_cache(maxsize=1)
def _index():
    ref = load_reference()
    covers = {(f.source, f.target) for f in ref.facts if f.type == "COVERS"}
    return ref.by_id, covers


@lru_cache(maxsize=65536)
def reach_of(a: str, b: str) -> int | None:
    """The reach of a tie between two actor ids, or None when one has no 시·도."""
    by_id, covers = _index()
    x, y = by_id.get(a), by_id.get(b)
    if x is None or y is None or not x.province_ko or not y.province_ko:
        return None
    if x.province_ko != y.province_ko:
        return 2
    if {x.label, y.label} != {"LocalGovernment", "EducationOffice"}:
        return 0
    gov, office = (x, y) if x.label == "LocalGovernment" else (y, x)
    if office.level == "provincial" or gov.level == "metropolitan" or (office.id, gov.id) in covers:
        return 0
    return 1


def reach_of_parties(ids) -> int | None:
    """The widest reach between any two of an agreement's parties."""
    found = [r for a, b in combinations(sorted(set(ids)), 2) if (r := reach_of(a, b)) is not None]
    return max(found) if found else None
