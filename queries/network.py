"""The cooperation network as a networkx graph: actors as nodes, ties as weighted edges.

An edge's weight is the number of distinct things that tie the two actors: the
agreements both signed, their dated joint events, a council one belongs to,
and the programme years a government shares with the office that covers it (or
that one article names both in). Filters: a period, a 시·도, a programme (its
participants), actor types and levels (시·도 or 시·군·구; 시·도 office or
district office).

>>> import networkx as nx
>>> from edugraph.queries.network import graph_from_ties
>>> rows = [{"a": "x", "b": "y", "via": "agreement", "item": "agr_1", "date": "2024-02-06"},
...         {"a": "x", "b": "y", "via": "cooperation", "item": "event 2024-03", "date": "2024-03"}]
>>> g = graph_from_ties(rows, {"x": {"name_ko": "오산시"}, "y": {"name_ko": "화성오산교육지원청"}})
>>> g["x"]["y"]["weight"], g["x"]["y"]["via"]
(2, ['agreement', 'cooperation'])
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import networkx as nx

from ..graph.cypher import load_cypher
from ..graph.errors import InputError
from ..graph.resolve import default_resolver
from ..graph.schema import load_schema
from .lookup import ACTOR_LABELS, resolve_node

__all__ = ["NetworkFilter", "participation", "cooperation_ties", "programme_ties", "graph_from_ties",
           "cooperation_network"]

LEVELS = tuple(load_schema().property_values("level", ACTOR_LABELS))


@dataclass(frozen=True)
class NetworkFilter:
    """Which part of the network to analyse; every field optional."""

    since: str | None = None
    until: str | None = None
    province: str | None = None  # any form: 경기, 경기도, Gyeonggi
    program: str | None = None  # any name form of a programme
    types: tuple = ()  # actor labels to keep
    levels: tuple = ()  # metropolitan, basic (governments); provincial, district (offices of education)

    def in_period(self, date: str | None) -> bool:
        if not (self.since or self.until):
            return True
        if not date:
            return False  # undated facts cannot be placed in a period
        if self.since and date < self.since:
            return False
        return not (self.until and date[: len(self.until)] > self.until)


def _run(store, name: str, params: dict | None = None) -> list[dict]:
    return store.run_file(load_cypher(__package__, name, "internal"), params or {})


def participation(store, program: str, flt: NetworkFilter = NetworkFilter()) -> tuple:
    """(the programme ``program`` names, {participant id: years}) within the filter's period."""
    found = resolve_node(store, program, ("Program",))
    years: dict = {}
    for r in _run(store, "participations", {"program": found.id}):
        if flt.in_period(r["year"]):
            years.setdefault(r["id"], set()).add(r["year"] or "")
    return found, years


def cooperation_ties(store, flt: NetworkFilter = NetworkFilter(), participants: dict | None = None) -> tuple:
    """(tie item rows, actor attributes by id) after the filter.

    ``participants`` is the second half of :func:`participation` for ``flt.program`` when the caller
    has it already.
    """
    actors = {r.pop("id"): r for r in _run(store, "actors")}
    keep = set(actors)
    if flt.types:
        unknown = set(flt.types) - set(ACTOR_LABELS)
        if unknown:
            raise InputError(f"unknown actor type(s) {sorted(unknown)}: use {', '.join(ACTOR_LABELS)}")
        keep = {i for i in keep if actors[i]["label"] in flt.types}
    if flt.levels:
        unknown = set(flt.levels) - set(LEVELS)
        if unknown:
            raise InputError(f"unknown level(s) {sorted(unknown)}: use {', '.join(LEVELS)}")
        keep = {i for i in keep if actors[i]["level"] in flt.levels}
    if flt.province:
        prov = default_resolver().province_of(flt.province)
        if prov is None:
            raise InputError(f"{flt.province!r} is not a 시·도 (try 경기도, 서울, Busan)")
        keep = {i for i in keep if actors[i]["province_ko"] == prov}
    if flt.program:
        keep &= set(participants if participants is not None else participation(store, flt.program, flt)[1])
    rows = [r for r in _run(store, "cooperation_ties") + programme_ties(_run(store, "programme_rows"),
                                                                          _run(store, "covers"))
            if r["a"] in keep and r["b"] in keep and flt.in_period(r["date"])]
    return rows, actors


def programme_ties(participations: list[dict], covers: list[dict]) -> list[dict]:
    """Tie rows for programme years two actors share — only a government and the office that covers it, or
    two that one article (not the reference's designation lists) names together — paired per programme year
    and per document, never across all participants (a programme may have hundreds).

    >>> rows = [{"a": "lg_1", "program": "p", "name": "특구", "key": "2024", "docs": ["refdoc_x"], "date": "2024"},
    ...         {"a": "eo_1", "program": "p", "name": "특구", "key": "2024", "docs": ["refdoc_x"], "date": "2024"},
    ...         {"a": "lg_2", "program": "p", "name": "특구", "key": "2024", "docs": ["refdoc_x", "doc_1"], "date": "2024"},
    ...         {"a": "lg_3", "program": "p", "name": "특구", "key": "2024", "docs": ["doc_1"], "date": "2024"}]
    >>> sorted((r["a"], r["b"]) for r in programme_ties(rows, [{"office": "eo_1", "government": "lg_1"}]))
    [('eo_1', 'lg_1'), ('lg_2', 'lg_3')]
    """
    covered = defaultdict(set)
    for c in covers:
        covered[c["office"]].add(c["government"])
    groups = defaultdict(dict)  # (programme, key) -> {actor: row}
    for r in participations:
        groups[(r["program"], r["key"])][r["a"]] = r
    out = []
    for (program, key), members in groups.items():
        pairs = set()
        for office in members:
            for government in covered.get(office, ()):
                if government in members:
                    pairs.add(tuple(sorted((office, government))))
        by_doc = defaultdict(list)
        for actor, r in members.items():
            for d in r["docs"] or ():
                if not d.startswith("refdoc_"):
                    by_doc[d].append(actor)
        for named in by_doc.values():
            named = sorted(set(named))
            pairs.update((x, y) for i, x in enumerate(named) for y in named[i + 1:])
        for a, b in sorted(pairs):
            r = members[a]
            out.append({"a": a, "b": b, "via": "programme", "item": f"{program} {key}", "date": r["date"],
                        "program": program, "name": r["name"], "docs": r["docs"]})
    return out


def graph_from_ties(rows: list[dict], actors: dict) -> nx.Graph:
    """Build the weighted graph from tie item rows.

    Rows are read in a fixed order, so the graph (and every layout, map and file drawn from it) is the same
    whichever store returned them, in whatever order.
    """
    rows = sorted(rows, key=lambda r: (r["a"], r["b"], str(r["item"]), r["via"], r["date"] or "",
                                       r.get("name") or "", sorted(r.get("docs") or [])))
    items = defaultdict(dict)
    via = defaultdict(set)
    dates = defaultdict(list)
    for r in rows:
        key = (r["a"], r["b"]) if r["a"] < r["b"] else (r["b"], r["a"])
        detail = items[key].setdefault(r["item"], {"via": r["via"], "name": r.get("name"), "date": r["date"],
                                                    "docs": []})
        detail["docs"] = sorted(set(detail["docs"]) | set(r.get("docs") or []))
        via[key].add(r["via"])
        if r["date"]:
            dates[key].append(r["date"])
    g = nx.Graph()
    for (a, b), its in sorted(items.items()):
        for node in (a, b):
            if node not in g:
                g.add_node(node, **{k: v for k, v in actors.get(node, {}).items() if v is not None})
        ds = sorted(dates[(a, b)])
        g.add_edge(a, b, weight=len(its), via=sorted(via[(a, b)]),
                   first=ds[0] if ds else None, last=ds[-1] if ds else None,
                   years=sorted({d[:4] for d in ds}),
                   items=sorted(its.values(), key=lambda d: (d["date"] or "", d["name"] or "")))
    return g


def cooperation_network(store, flt: NetworkFilter = NetworkFilter()) -> nx.Graph:
    """The filtered cooperation network of the graph in ``store``."""
    rows, actors = cooperation_ties(store, flt)
    return graph_from_ties(rows, actors)
