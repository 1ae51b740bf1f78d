"""The cooperation network for Gephi: GraphML and GEXF with scalar attributes only.

GEXF carries time spells (one per year a tie or actor was active), so Gephi's
timeline shows the network growing year by year.

>>> import networkx as nx
>>> from edugraph.viz.gephi import scalar_graph
>>> g = nx.Graph()
>>> g.add_node("a", name_ko="오산시", label="LocalGovernment")
>>> g.add_node("b", name_ko="화성오산교육지원청", label="EducationOffice")
>>> g.add_edge("a", "b", weight=2, via=["agreement", "cooperation"], years=["2024"], items=[])
>>> scalar_graph(g)["a"]["b"]["via"]
'agreement;cooperation'
>>> scalar_graph(g).nodes["a"]["label"], scalar_graph(g).nodes["a"]["type"]
('오산시', 'LocalGovernment')
"""

from __future__ import annotations

import networkx as nx

__all__ = ["scalar_graph", "write_graphml", "write_gexf"]

_NODE_KEYS = ("name_ko", "name_en", "province_ko", "level")


def scalar_graph(g: nx.Graph, spells: bool = False) -> nx.Graph:
    """A copy with only str/int/float attributes (lists joined with ';'), optionally with year spells."""
    out = nx.Graph()
    node_years: dict = {}
    for a, b, data in g.edges(data=True):
        for y in data.get("years", []):
            node_years.setdefault(a, set()).add(y)
            node_years.setdefault(b, set()).add(y)
    # nodes by id and each edge from its smaller end: the same file whichever store the network came from
    for n, data in sorted(g.nodes(data=True), key=lambda item: str(item[0])):
        attrs = {k: data.get(k) or "" for k in _NODE_KEYS}
        # Gephi shows a node's "label": the Korean name; the kind of actor is an attribute of its own
        attrs["label"] = data.get("name_ko") or str(n)
        attrs["type"] = data.get("label") or ""
        if spells and node_years.get(n):
            attrs["spells"] = [(f"{min(node_years[n])}-01-01", None)]
        out.add_node(n, **attrs)
    for a, b, data in sorted((min(a, b, key=str), max(a, b, key=str), d) for a, b, d in g.edges(data=True)):
        attrs = {"weight": int(data.get("weight", 1)), "via": ";".join(data.get("via", [])),
                 "first": data.get("first") or "", "last": data.get("last") or "",
                 "years": ";".join(data.get("years", []))}
        if spells and data.get("years"):
            attrs["spells"] = [(f"{y}-01-01", f"{y}-12-31") for y in data["years"]]
        out.add_edge(a, b, **attrs)
    return out


def write_graphml(g: nx.Graph, path) -> None:
    nx.write_graphml(scalar_graph(g), path, encoding="utf-8")


def write_gexf(g: nx.Graph, path) -> None:
    h = scalar_graph(g, spells=True)
    h.graph["mode"] = "dynamic"
    nx.write_gexf(h, path, encoding="utf-8", version="1.2draft")
