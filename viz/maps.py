"""Network maps: the cooperation network drawn with pyvis, as one offline HTML file.

pyvis builds the nodes, edges and options; the page itself comes from
``template.html`` with vis-network (shipped inside the pyvis package) inlined,
because pyvis's own templates load bootstrap and vis-network from CDNs even in
``in_line`` mode. Positions are computed here (igraph's Fruchterman–Reingold, seeded)
and physics is off, so a large map opens at once.

>>> import networkx as nx
>>> from edugraph.viz.maps import map_view, render_html
>>> g = nx.Graph()
>>> g.add_node("lg_1", name_ko="오산시", label="LocalGovernment")
>>> g.add_node("eo_1", name_ko="화성오산교육지원청", label="EducationOffice")
>>> g.add_edge("lg_1", "eo_1", weight=2, via=["agreement"], items=[])
>>> html = render_html(map_view(g), title="예시")
>>> "https://" in html.split("<body")[0], "오산시" in html
(False, True)
"""

from __future__ import annotations

import html
import json
import math
from dataclasses import dataclass, field
from importlib import resources
from string import Template
from urllib.parse import urlsplit

import networkx as nx

from ..graph.cypher import load_cypher
from ..graph.errors import InputError
from ..queries.lookup import ACTOR_LABELS, resolve_node
from ..queries.network import NetworkFilter, cooperation_ties, graph_from_ties, participation
from .styles import load_styles

__all__ = ["MapView", "build_view", "map_view", "render_html", "write_map"]


@dataclass
class MapView:
    """A graph ready to draw: positions, sizes and the documents its tooltips link to."""

    graph: nx.Graph
    positions: dict
    sizes: dict
    documents: dict = field(default_factory=dict)  # id → {title, url, date}
    title: str = "EduGraph"


def _layout(g: nx.Graph, seed: int = 42) -> dict:
    """Seeded force-directed positions from igraph's Fruchterman–Reingold, built for large graphs (a 2,000-node
    network in well under a second, where networkx's spring layout took seconds); the same seed, the same map."""
    if g.number_of_nodes() == 0:
        return {}
    import random

    import igraph

    nodes = list(g)
    index = {n: i for i, n in enumerate(nodes)}
    h = igraph.Graph(n=len(nodes), edges=[(index[a], index[b]) for a, b in g.edges()])
    weights = [float(d.get("weight", 1)) for _, _, d in g.edges(data=True)]
    igraph.set_random_number_generator(random.Random(seed))
    try:
        coords = h.layout_fruchterman_reingold(weights=weights or None, niter=500).coords
    finally:
        igraph.set_random_number_generator(random)
    xs = [c[0] for c in coords]
    ys = [c[1] for c in coords]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    scale = 300 * math.sqrt(max(g.number_of_nodes(), 4))
    return {n: ((x - cx) / span * 2 * scale, (y - cy) / span * 2 * scale) for n, (x, y) in zip(nodes, coords)}


def _sizes(g: nx.Graph, seed: int = 42) -> dict:
    if g.number_of_nodes() == 0:
        return {}
    k = None if g.number_of_nodes() <= 300 else 200  # sampled betweenness keeps big maps quick
    between = nx.betweenness_centrality(g, k=k, seed=seed)
    top = max(between.values()) or 1.0
    return {n: 10 + 30 * math.sqrt(between[n] / top) for n in g}


def map_view(g: nx.Graph, documents: dict | None = None, title: str = "EduGraph", seed: int = 42) -> MapView:
    """Lay out ``g`` and size its nodes by betweenness centrality."""
    return MapView(graph=g, positions=_layout(g, seed), sizes=_sizes(g, seed), documents=documents or {}, title=title)


def _documents(store, g: nx.Graph) -> dict:
    ids = sorted({d for _, _, data in g.edges(data=True) for item in data.get("items", []) for d in item["docs"]})
    statement = load_cypher("edugraph.queries", "documents", "internal")
    out = {}
    for i in range(0, len(ids), 5000):
        for row in store.run_file(statement, {"ids": ids[i : i + 5000]}):
            out[row["id"]] = row
    return out


def build_view(store, flt: NetworkFilter = NetworkFilter(), actor: str | None = None, depth: int = 2,
               title: str | None = None) -> MapView:
    """The cooperation network of ``store`` (filtered; an actor's ego network when ``actor`` is given)."""
    program, participants = participation(store, flt.program, flt) if flt.program else (None, None)
    rows, actors = cooperation_ties(store, flt, participants)
    g = graph_from_ties(rows, actors)
    heading = title or "협력 네트워크"
    if actor:
        center = resolve_node(store, actor, ACTOR_LABELS)
        if center.id not in g:
            raise InputError(f"{center.name_ko} has no cooperation ties in this part of the network")
        g = nx.ego_graph(g, center.id, radius=depth)
        heading = title or f"{center.name_ko} 협력 네트워크 (반경 {depth})"
    elif program:
        _add_participation(g, program, participants, actors)
        heading = title or f"{program.name_ko} 참여 기관과 협력"
    if g.number_of_nodes() == 0:
        raise InputError("nothing to draw: no cooperation ties match these filters")
    return map_view(g, _documents(store, g), heading)


def _add_participation(g: nx.Graph, program, years: dict, actors: dict) -> None:
    """The programme as a node, tied to every participant (also those without cooperation ties)."""
    g.add_node(program.id, name_ko=program.name_ko, label="Program")
    for actor_id, ys in years.items():
        if actor_id not in g:
            g.add_node(actor_id, **{k: v for k, v in actors[actor_id].items() if v is not None})
        items = [{"via": "participation", "name": program.name_ko, "date": y or None, "docs": []} for y in sorted(ys)]
        g.add_edge(actor_id, program.id, weight=len(items), via=["participation"], items=items,
                   years=sorted(y[:4] for y in ys if y))


def _link(doc: dict) -> str:
    url = doc.get("url") or ""
    title = doc.get("title")
    if not title or (url and url in title):
        title = urlsplit(url).hostname if url else "출처"
    label = html.escape(title or "출처")
    if url.startswith(("http://", "https://")):
        return f'<a href="{html.escape(url, quote=True)}" target="_blank" rel="noopener">{label}</a>'
    return label


def _edge_title(a_name: str, b_name: str, data: dict, documents: dict) -> str:
    lines = [f"<b>{html.escape(a_name)} — {html.escape(b_name)}</b> ({data['weight']})"]
    for item in data.get("items", [])[:12]:
        what = html.escape(item.get("name") or item["via"])
        when = html.escape(item.get("date") or "날짜 미상")
        links = ", ".join(_link(documents[d]) for d in item["docs"][:3] if d in documents)
        lines.append(f"{html.escape(item['via'])}: {what} · {when}" + (f" · {links}" if links else ""))
    more = len(data.get("items", [])) - 12
    if more > 0:
        lines.append(f"… {more} more")
    return "<br>".join(lines)


def _legend(labels_present, styles) -> str:
    items = []
    for label in [l for l in styles["labels"] if l in labels_present]:
        s = styles["labels"][label]
        items.append(f'<li><span class="swatch" style="background:{s["color"]}"></span>'
                     f'{html.escape(s["legend_ko"])} <small>{html.escape(s["legend_en"])}</small></li>')
    for via, s in styles["edges"].items():
        if via != "participation":
            items.append(f'<li><span class="line" style="background:{s["color"]}"></span>{html.escape(s["legend_ko"])}</li>')
    return "<ul>" + "".join(items) + "</ul><small>크기: 매개 중심성 · 굵기: 협력 건수</small>"


def render_html(view: MapView, title: str | None = None) -> str:
    """The standalone page for ``view``: no external resource, UTF-8."""
    from pyvis.network import Network

    styles = load_styles()
    g = view.graph
    net = Network(height="100%", width="100%", directed=False, cdn_resources="local")
    net.toggle_physics(False)
    for n, data in g.nodes(data=True):
        label = data.get("label") or "Institution"
        style = styles["labels"].get(label, styles["labels"]["Institution"])
        name = data.get("name_ko") or n
        tooltip = (f"<b>{html.escape(name)}</b><br>{html.escape(data.get('name_en') or '')}<br>"
                   f"{html.escape(style['legend_ko'])} · {html.escape(data.get('province_ko') or '전국')}<br>"
                   f"협력 상대 {g.degree(n)}곳, 협력 {g.degree(n, weight='weight')}건")
        x, y = view.positions.get(n, (0.0, 0.0))
        net.add_node(n, label=name, title=tooltip, color=style["color"], shape=style["shape"],
                     size=round(view.sizes.get(n, 12), 1), x=round(x, 1), y=round(y, 1), physics=False,
                     search=name.replace(" ", "").lower() + " " + (data.get("name_en") or "").replace(" ", "").lower())
    for a, b, data in g.edges(data=True):
        via = data.get("via") or ["cooperation"]
        color = styles["edges"].get(via[0], styles["edges"]["cooperation"])["color"]
        net.add_edge(a, b, width=min(1 + math.log2(data.get("weight", 1)) * 1.5, 10), color=color,
                     title=_edge_title(g.nodes[a].get("name_ko") or a, g.nodes[b].get("name_ko") or b, data,
                                       view.documents))
    options = {
        "physics": {"enabled": False},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": g.number_of_edges() > 3000},
        "nodes": {"font": {"size": 14, "face": "Noto Sans CJK KR, NanumGothic, sans-serif"}, "borderWidth": 1},
        "edges": {"smooth": False},
    }
    lib = resources.files("pyvis").joinpath("lib", "vis-9.1.2")
    heading = title or view.title
    summary = f"기관 {g.number_of_nodes()}곳 · 협력 관계 {g.number_of_edges()}개"

    def js(value) -> str:
        # "</" inside a script would end it early.
        return json.dumps(value, ensure_ascii=False).replace("</", "<\\/")

    page = Template(resources.files(__package__).joinpath("template.html").read_text(encoding="utf-8"))
    return page.substitute(
        title=html.escape(heading), summary=html.escape(summary),
        legend=_legend({d.get("label") for _, d in g.nodes(data=True)}, styles),
        vis_css=lib.joinpath("vis-network.css").read_text(encoding="utf-8"),
        vis_js=lib.joinpath("vis-network.min.js").read_text(encoding="utf-8"),
        nodes=js(net.nodes), edges=js(net.edges), options=js(options),
    )


def write_map(view: MapView, path, title: str | None = None) -> int:
    """Write the page as UTF-8; returns its size in bytes."""
    data = render_html(view, title).encode("utf-8")
    with open(path, "wb") as fh:
        fh.write(data)
    return len(data)
