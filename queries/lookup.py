"""Question arguments → node ids: any name form, explained when ambiguous.

Names go through the reference resolver first (official, short, English and
particle-attached forms, homonyms narrowed by province), then through the
names stored in the graph, which also holds the councils, institutions and
programmes found in articles. An id such as ``lg_41570`` is taken as is.

>>> from edugraph.queries.lookup import normalise_kind
>>> normalise_kind("mou"), normalise_kind("업무 협약")
('MOU', '업무협약')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..graph.cypher import load_cypher
from ..graph.errors import AmbiguousName, InputError, UnknownName
from ..graph.resolve import default_resolver
from ..graph.schema import load_schema
from ..graph.text import clean_text
from ..graph.values import known_agreement_kind, partial_date

__all__ = ["Match", "resolve_node", "normalise_kind", "normalise_date", "ACTOR_LABELS"]

ACTOR_LABELS = tuple(load_schema().actor_labels())
_ID = re.compile(r"^[a-z]{2,4}_[0-9a-z_\-]+$")


@dataclass(frozen=True)
class Match:
    """A node an argument names (what AmbiguousName lists)."""

    id: str
    name_ko: str
    label: str
    province_ko: str | None = None


def _store_matches(store, name: str, labels) -> list[Match]:
    key = re.sub(r"\s+", "", name).lower()
    rows = store.run_file(load_cypher(__package__, "find_by_name", "internal"), {"name": key, "labels": list(labels)})
    return [Match(r["id"], r["name_ko"], r["label"], r["province_ko"]) for r in rows]


def resolve_node(store, name: str, labels=ACTOR_LABELS, province: str | None = None,
                 date: str | None = None) -> Match:
    """The one node of ``labels`` that ``name`` denotes; AmbiguousName or UnknownName otherwise."""
    name = clean_text(name).strip()
    if not name:
        raise InputError("an empty name names nothing")
    if _ID.match(name):
        rows = store.run_file(load_cypher(__package__, "node_by_id", "internal"), {"id": name})
        if rows and rows[0]["label"] in labels:
            r = rows[0]
            return Match(r["id"], r["name_ko"], r["label"], r["province_ko"])
    found = default_resolver().candidates(name, province=province, date=date, labels=tuple(labels))
    if len(found) == 1:
        e = found[0]
        return Match(e.id, e.name_ko, e.label, e.province_ko)
    if len(found) > 1:
        raise AmbiguousName(name, [Match(e.id, e.name_ko, e.label, e.province_ko) for e in found])
    matches = _store_matches(store, name, labels)
    if province and len(matches) > 1:
        prov = default_resolver().province_of(province) or province
        matches = [m for m in matches if m.province_ko == prov] or matches
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise AmbiguousName(name, matches)
    what = " or ".join(labels) if len(labels) < 3 else "actor"
    raise UnknownName(f"no {what} called {name!r} in the graph; try `edugraph ask search {name}`")


def normalise_kind(kind: str) -> str:
    """An agreement kind in any common spelling → the stored form (업무협약, MOU, 부속 합의서, 공동선언, 협약)."""
    found = known_agreement_kind(kind)
    if found is None:
        raise InputError(f"unknown agreement kind {kind!r}: use 업무협약, MOU, 부속 합의서, 공동선언 or 협약")
    return found


def normalise_date(value: str, option: str) -> str:
    """YYYY, YYYY-MM or YYYY-MM-DD (also with . or /) → ISO prefix form."""
    found = partial_date(value)
    if found is None:
        raise InputError(f"{option} {value!r}: write a date as YYYY, YYYY-MM or YYYY-MM-DD")
    return found
