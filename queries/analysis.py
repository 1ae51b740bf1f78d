"""Network analysis of the cooperation network, each measure returning plain rows.

>>> import networkx as nx
>>> from edugraph.queries.analysis import centrality, chains
>>> g = nx.Graph()
>>> g.add_edge("a", "b", weight=2, via=["agreement"]); g.add_edge("b", "c", weight=1, via=["council"])
>>> [r["id"] for r in centrality(g)][:1]
['b']
>>> [r["id"] for r in chains(g, "a", "c")]
['a', 'b', 'c']
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

import networkx as nx

from ..graph.errors import InputError
from .lookup import ACTOR_LABELS, resolve_node
from .network import NetworkFilter, cooperation_ties, graph_from_ties

__all__ = ["analyze", "centrality", "brokers", "communities", "ego", "chains", "growth", "ANALYSES"]

ANALYSES = {
    "centrality": "degree, weighted degree, betweenness and eigenvector centrality of every actor",
    "brokers": "actors that tie together groups (시·도 or actor types) which are not otherwise tied",
    "communities": "Louvain communities (seeded, so they repeat)",
    "ego": "an actor's ego network of radius k",
    "chains": "the shortest chains of cooperation between two actors",
    "growth": "yearly snapshots: how the network grows",
}


def _describe(g: nx.Graph, node) -> dict:
    d = g.nodes[node]
    return {"id": node, "name_ko": d.get("name_ko"), "label": d.get("label"), "province_ko": d.get("province_ko")}


def centrality(g: nx.Graph, top: int | None = None) -> list[dict]:
    """Degree (partners), strength (weighted degree), betweenness and eigenvector centrality."""
    if g.number_of_nodes() == 0:
        return []
    between = nx.betweenness_centrality(g, normalized=True)
    try:
        eigen = nx.eigenvector_centrality(g, weight="weight", max_iter=2000, tol=1e-8)
    except nx.PowerIterationFailedConvergence:  # rare on odd components; the numbers would be meaningless
        eigen = {}
    rows = [
        {**_describe(g, n), "partners": g.degree(n), "strength": g.degree(n, weight="weight"),
         "betweenness": round(between[n], 6), "eigenvector": round(eigen[n], 6) if n in eigen else None}
        for n in g
    ]
    rows.sort(key=lambda r: (-r["betweenness"], -r["strength"], r["name_ko"] or r["id"]))
    return rows[:top] if top else rows


def _group_of(g: nx.Graph, by: str):
    if by == "province":
        return lambda n: g.nodes[n].get("province_ko") or "(national)"
    if by == "type":
        return lambda n: g.nodes[n].get("label") or "?"
    raise InputError(f"group brokers by 'province' or 'type', not {by!r}")


def brokers(g: nx.Graph, by: str = "province", top: int | None = None) -> list[dict]:
    """Who links groups: pairs of partners from different groups that are not tied to each other."""
    group = _group_of(g, by)
    between = nx.betweenness_centrality(g, normalized=True) if g.number_of_nodes() else {}
    rows = []
    for n in g:
        partners = list(g[n])
        bridged = sum(1 for u, w in combinations(partners, 2) if group(u) != group(w) and not g.has_edge(u, w))
        other = {group(u) for u in partners} - {group(n)}
        if bridged or other:
            rows.append({**_describe(g, n), "group": group(n), "other_groups": len(other),
                         "bridged_pairs": bridged, "betweenness": round(between.get(n, 0.0), 6)})
    rows.sort(key=lambda r: (-r["bridged_pairs"], -r["other_groups"], -r["betweenness"], r["name_ko"] or r["id"]))
    return rows[:top] if top else rows


def communities(g: nx.Graph, seed: int = 42, resolution: float = 1.0) -> list[dict]:
    """Louvain communities on edge weights; numbered by size, members by name."""
    if g.number_of_edges() == 0:
        return []
    found = nx.community.louvain_communities(g, weight="weight", resolution=resolution, seed=seed)
    found = sorted(found, key=lambda c: (-len(c), min(c)))
    rows = []
    for i, members in enumerate(found, start=1):
        for n in sorted(members, key=lambda n: (g.nodes[n].get("name_ko") or n)):
            rows.append({"community": i, "size": len(members), **_describe(g, n)})
    return rows


def _node(g: nx.Graph, actor_id: str, name: str):
    if actor_id not in g:
        raise InputError(f"{name} has no cooperation ties in this part of the network")
    return actor_id


def ego(g: nx.Graph, center: str, radius: int = 1, name: str | None = None) -> list[dict]:
    """The actors within ``radius`` ties of ``center``, with their distance."""
    _node(g, center, name or center)
    sub = nx.ego_graph(g, center, radius=radius)
    dist = nx.single_source_shortest_path_length(sub, center)
    rows = [{**_describe(g, n), "distance": dist[n], "partners_here": sub.degree(n),
             "strength_here": sub.degree(n, weight="weight")} for n in sub]
    rows.sort(key=lambda r: (r["distance"], -r["strength_here"], r["name_ko"] or r["id"]))
    return rows


def chains(g: nx.Graph, source: str, target: str, k: int = 5, names: tuple = ()) -> list[dict]:
    """Up to ``k`` shortest chains of cooperation from ``source`` to ``target``, one row per step."""
    _node(g, source, names[0] if names else source)
    _node(g, target, names[1] if len(names) > 1 else target)
    try:
        paths = []
        for p in nx.all_shortest_paths(g, source, target):
            paths.append(p)
            if len(paths) >= k:
                break
    except nx.NetworkXNoPath:
        raise InputError("no chain of cooperation links these two actors") from None
    rows = []
    for i, path in enumerate(paths, start=1):
        for step, n in enumerate(path):
            nxt = path[step + 1] if step + 1 < len(path) else None
            rows.append({"chain": i, "step": step, **_describe(g, n),
                         "tie_to_next": ", ".join(g[n][nxt]["via"]) if nxt else None,
                         "weight_to_next": g[n][nxt]["weight"] if nxt else None})
    return rows


def growth(store, flt: NetworkFilter = NetworkFilter()) -> list[dict]:
    """Yearly cumulative snapshots of the network (dated ties only)."""
    rows, actors = cooperation_ties(store, flt)
    by_year = defaultdict(list)
    for r in rows:
        if r["date"]:
            by_year[r["date"][:4]].append(r)
    out, upto, seen_edges = [], [], set()
    for year in sorted(by_year):
        upto += by_year[year]
        g = graph_from_ties(upto, actors)
        edges = {tuple(sorted(e)) for e in g.edges}
        comps = list(nx.connected_components(g))
        out.append({"year": year, "actors": g.number_of_nodes(), "ties": g.number_of_edges(),
                    "new_ties": len(edges - seen_edges), "tie_items": len({(r["a"], r["b"], r["item"]) for r in upto}),
                    "density": round(nx.density(g), 6), "components": len(comps),
                    "largest_component": max((len(c) for c in comps), default=0)})
        seen_edges = edges
    return out


def analyze(store, measure: str, *args: str, flt: NetworkFilter = NetworkFilter(), by: str = "province",
            top: int | None = None, seed: int = 42, depth: int = 1, k: int = 5) -> list[dict]:
    """Run one of :data:`ANALYSES` on the filtered network; actor arguments take any name form."""
    if measure not in ANALYSES:
        raise InputError(f"no analysis {measure!r}; choose one of {', '.join(ANALYSES)}")
    wanted = {"ego": 1, "chains": 2}.get(measure, 0)
    if len(args) != wanted:
        usage = {"ego": " ACTOR", "chains": " ACTOR OTHER"}.get(measure, "")
        raise InputError(f"usage: edugraph analyze {measure}{usage}")
    actors = [resolve_node(store, a, ACTOR_LABELS) for a in args]
    if measure == "growth":
        return growth(store, flt)
    rows, attrs = cooperation_ties(store, flt)
    g = graph_from_ties(rows, attrs)
    if measure == "centrality":
        return centrality(g, top)
    if measure == "brokers":
        return brokers(g, by, top)
    if measure == "communities":
        return communities(g, seed=seed)
    if measure == "ego":
        return ego(g, actors[0].id, depth, name=actors[0].name_ko)
    return chains(g, actors[0].id, actors[1].id, k, names=(actors[0].name_ko, actors[1].name_ko))
