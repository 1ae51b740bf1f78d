"""Network maps: the cooperation network drawn with pyvis, as one offline HTML file.

pyvis builds the nodes, edges and options; the page itself comes from
``template.html`` with vis-network (shipped inside the pyvis package) inlined,
because pyvis's own templates load bootstrap and vis-network from CDNs even in
``in_line`` mode. Positions come from :mod:`edugraph.viz.layout` (components
packed, an ego in the centre with rings by distance, a programme's participants
grouped by 시·도) and physics is off, so a large map opens at once. Labels are
drawn by the page at a fixed screen size (12 px): the most central always, more
as one zooms in, none cut at the page edge.

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
from .layout import ego_layout, grouped_layout, load_igraph, network_layout
from .styles import load_styles, palette

__all__ = ["MapView", "build_view", "map_view", "render_html", "write_map"]


COLOR_MODES = ("type", "community", "province")


@dataclass
class MapView:
    """A graph ready to draw: positions, sizes, colours and the documents its tooltips link to."""

    graph: nx.Graph
    positions: dict
    sizes: dict
    documents: dict = field(default_factory=dict)  # id → {title, url, date}
    title: str = "EduGraph"
    subtitle: str = ""
    center: str | None = None  # the ego of an ego map
    group_labels: dict = field(default_factory=dict)  # 시·도 → (x, y) of its name on a programme map
    colors: dict = field(default_factory=dict)  # node → colour, when not coloured by type
    color_legend: list = field(default_factory=list)  # [(name, colour)] for --color community|province

    def ranked(self) -> list:
        """Nodes by importance (size, then degree, then name): the order in which labels are shown."""
        g = self.graph
        return sorted(g, key=lambda n: (n != self.center, -self.sizes.get(n, 0), -g.degree(n, weight="weight"),
                                        g.nodes[n].get("name_ko") or str(n)))


def _sizes(g: nx.Graph, seed: int = 42) -> dict:
    """Node size by betweenness centrality, computed by igraph."""
    if g.number_of_nodes() == 0:
        return {}
    igraph = load_igraph()
    nodes = sorted(g, key=str)
    index = {n: i for i, n in enumerate(nodes)}
    h = igraph.Graph(n=len(nodes), edges=[(index[a], index[b]) for a, b in g.edges()])
    # on large maps, paths up to 4 steps long: the same big nodes, at a fraction of the time
    between = h.betweenness(cutoff=None if len(nodes) <= 1500 else 4)
    top = max(between) or 1.0
    return {n: 10 + 30 * math.sqrt(b / top) for n, b in zip(nodes, between)}


def _colors(g: nx.Graph, mode: str, seed: int) -> tuple[dict, list]:
    """Node colours and their legend for --color community (the seeded Louvain of `analyze`) or province."""
    if mode == "type":
        return {}, []
    if mode not in COLOR_MODES:
        raise InputError(f"--color must be one of {', '.join(COLOR_MODES)}")
    colours = palette()
    if mode == "community":
        from ..queries.analysis import communities

        group = {r["id"]: r["community"] for r in communities(g, seed=seed)}
        names = {c: f"공동체 {c}" for c in set(group.values())}
    else:
        group = {n: g.nodes[n].get("province_ko") or "전국" for n in g}
        names = {p: p for p in set(group.values())}
    keys = sorted(set(group.values()), key=lambda k: (isinstance(k, str) and k == "전국", k))
    other = "#BBBBBB"
    assigned = {k: colours[i] if i < len(colours) else other for i, k in enumerate(keys)}
    legend = [(names[k], assigned[k]) for k in keys[:len(colours)]]
    if len(keys) > len(colours):
        legend.append(("그 밖의 공동체" if mode == "community" else "그 밖", other))
    return {n: assigned[group[n]] for n in g if n in group}, legend


def map_view(g: nx.Graph, documents: dict | None = None, title: str = "EduGraph", seed: int = 42, *,
             center=None, groups: dict | None = None, hub=None, subtitle: str = "", color: str = "type") -> MapView:
    """Lay out ``g`` (an ego map around ``center``, a map grouped by ``groups`` around ``hub``, or the whole
    network with its components packed) and size its nodes by betweenness centrality."""
    labels = {}
    if center is not None:
        positions = ego_layout(g, center, seed)
    elif groups is not None:
        positions, labels = grouped_layout(g, groups, hub=hub, seed=seed)
    else:
        positions = network_layout(g, seed)
    colors, legend = _colors(g, color, seed)
    return MapView(graph=g, positions=positions, sizes=_sizes(g, seed), documents=documents or {}, title=title,
                   subtitle=subtitle, center=center, group_labels=labels, colors=colors, color_legend=legend)


def _documents(store, g: nx.Graph) -> dict:
    ids = sorted({d for _, _, data in g.edges(data=True) for item in data.get("items", []) for d in item["docs"]})
    statement = load_cypher("edugraph.queries", "documents", "internal")
    out = {}
    for i in range(0, len(ids), 5000):
        for row in store.run_file(statement, {"ids": ids[i : i + 5000]}):
            out[row["id"]] = row
    return out


def _period(flt: NetworkFilter) -> str:
    if flt.since and flt.until:
        return f"{flt.since}–{flt.until}"
    if flt.since:
        return f"{flt.since}부터"
    if flt.until:
        return f"{flt.until}까지"
    return ""


def build_view(store, flt: NetworkFilter = NetworkFilter(), actor: str | None = None, depth: int = 2,
               title: str | None = None, color: str = "type", seed: int = 42) -> MapView:
    """The cooperation network of ``store`` (filtered; an actor's ego network when ``actor`` is given, a
    programme's participants grouped by 시·도 when the filter names a programme)."""
    program, participants = participation(store, flt.program, flt) if flt.program else (None, None)
    rows, actors = cooperation_ties(store, flt, participants)
    g = graph_from_ties(rows, actors)
    heading = title or "협력 네트워크"
    center = hub = groups = None
    if actor:
        node = resolve_node(store, actor, ACTOR_LABELS)
        if node.id not in g:
            raise InputError(f"{node.name_ko} has no cooperation ties in this part of the network")
        g = nx.ego_graph(g, node.id, radius=depth)
        center = node.id
        heading = title or f"{node.name_ko} 협력 네트워크"
    elif program:
        _add_participation(g, program, participants, actors)
        hub = program.id
        groups = {n: g.nodes[n].get("province_ko") or "전국" for n in g if n != hub}
        heading = title or f"{program.name_ko} 참여 기관과 협력"
    if g.number_of_nodes() == 0:
        raise InputError("nothing to draw: no cooperation ties match these filters")
    what = []
    if actor:
        what.append(f"반경 {depth}")
    if program:
        what.append(f"참여 {len(participants)}곳 · 시·도별")
    if flt.province:
        from ..graph.resolve import default_resolver

        what.append(default_resolver().province_of(flt.province) or str(flt.province))
    if flt.types:
        what.append(", ".join(flt.types))
    if _period(flt):
        what.append(_period(flt))
    ties = sum(1 for a, b in g.edges() if hub not in (a, b))
    what.append(f"협력 관계 {ties}개" if program else f"기관 {g.number_of_nodes()}곳 · 협력 관계 {ties}개")
    return map_view(g, _documents(store, g), heading, seed, center=center, groups=groups, hub=hub,
                    subtitle=" · ".join(what), color=color)


def _add_participation(g: nx.Graph, program, years: dict, actors: dict) -> None:
    """The programme as a node, tied to every participant (also those without cooperation ties)."""
    g.add_node(program.id, name_ko=program.name_ko, label="Program")
    for actor_id, ys in sorted(years.items()):
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


def edge_kind(data: dict) -> str:
    """The kind a tie is drawn as: its first way of working together (agreement, council, programme …)."""
    return (data.get("via") or ["cooperation"])[0]


def legend_entries(view: MapView) -> tuple[list, list, list]:
    """(node types, edge kinds, colour groups) present in the view, each as (ko, en, colour, shape)."""
    styles = load_styles()
    g = view.graph
    present = {d.get("label") for _, d in g.nodes(data=True)}
    types = [(s["legend_ko"], s["legend_en"], s["color"], s["shape"]) for label, s in styles["labels"].items()
             if label in present]
    kinds_present = {edge_kind(d) for _, _, d in g.edges(data=True)}
    kinds = [(s["legend_ko"], via, s["color"], "line") for via, s in styles["edges"].items() if via in kinds_present]
    groups = [(name, "", colour, "dot") for name, colour in view.color_legend]
    return types, kinds, groups


def _legend(view: MapView) -> str:
    types, kinds, groups = legend_entries(view)
    items = []
    for ko, en, colour, _ in groups or types:
        items.append(f'<li><span class="swatch" style="background:{colour}"></span>{html.escape(ko)}'
                     f'{f" <small>{html.escape(en)}</small>" if en else ""}</li>')
    if groups:  # shape still tells the type
        items.append("<li><small>모양: " + ", ".join(html.escape(ko) for ko, *_ in types) + "</small></li>")
    for ko, _, colour, _ in kinds:
        items.append(f'<li><span class="line" style="background:{colour}"></span>{html.escape(ko)}</li>')
    return "<ul>" + "".join(items) + "</ul><small>크기: 매개 중심성 · 굵기: 협력 건수</small>"


def render_html(view: MapView, title: str | None = None) -> str:
    """The standalone page for ``view``: no external resource, UTF-8."""
    from pyvis.network import Network

    styles = load_styles()
    g = view.graph
    net = Network(height="100%", width="100%", directed=False, cdn_resources="local")
    net.toggle_physics(False)
    rank = {n: i for i, n in enumerate(view.ranked())}
    for n, data in g.nodes(data=True):
        label = data.get("label") or "Institution"
        style = styles["labels"].get(label, styles["labels"]["Institution"])
        name = data.get("name_ko") or n
        tooltip = (f"<b>{html.escape(name)}</b><br>{html.escape(data.get('name_en') or '')}<br>"
                   f"{html.escape(style['legend_ko'])} · {html.escape(data.get('province_ko') or '전국')}<br>"
                   f"협력 상대 {g.degree(n)}곳, 협력 {g.degree(n, weight='weight')}건")
        x, y = view.positions.get(n, (0.0, 0.0))
        colour = view.colors.get(n, style["color"])
        ego = n == view.center
        # the page draws the names itself (fixed screen size, no clipping): vis gets an empty label
        net.add_node(n, label=" ", name=name, rank=rank[n], title=tooltip, shape=style["shape"],
                     color={"background": colour, "border": "#111111" if ego else colour,
                            "highlight": {"background": colour, "border": "#000000"}},
                     borderWidth=4 if ego else 1, size=round(view.sizes.get(n, 12) * (1.4 if ego else 1), 1),
                     x=round(x, 1), y=round(y, 1), physics=False,
                     search=name.replace(" ", "").lower() + " " + (data.get("name_en") or "").replace(" ", "").lower())
    for a, b, data in g.edges(data=True):
        kind = edge_kind(data)
        color = styles["edges"].get(kind, styles["edges"]["cooperation"])["color"]
        if kind == "participation":  # the grouping already says who takes part: these lines stay in the back
            color = {"color": color, "opacity": 0.18}
        # the edge as pyvis's add_edge writes it, appended directly: add_edge looks through every edge
        # added before it, which made a 5,000-node map take seconds for this loop alone
        net.edges.append({"from": a, "to": b, "width": min(1 + math.log2(data.get("weight", 1)) * 1.5, 10),
                          "color": color,
                          "title": _edge_title(g.nodes[a].get("name_ko") or a, g.nodes[b].get("name_ko") or b, data,
                                               view.documents)})
    options = {
        "physics": {"enabled": False},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": g.number_of_edges() > 3000},
        "nodes": {"font": {"size": 1}, "borderWidth": 1},
        "edges": {"smooth": False},
    }
    lib = resources.files("pyvis").joinpath("lib", "vis-9.1.2")
    heading = title or view.title
    subtitle = view.subtitle or f"기관 {g.number_of_nodes()}곳 · 협력 관계 {g.number_of_edges()}개"
    groups = [{"name": k, "x": round(x, 1), "y": round(y, 1)} for k, (x, y) in view.group_labels.items()]

    def js(value) -> str:
        # "</" inside a script would end it early.
        return json.dumps(value, ensure_ascii=False).replace("</", "<\\/")

    page = Template(resources.files(__package__).joinpath("template.html").read_text(encoding="utf-8"))
    return page.substitute(
        title=html.escape(heading), summary=html.escape(subtitle), legend=_legend(view),
        vis_css=lib.joinpath("vis-network.css").read_text(encoding="utf-8"),
        vis_js=lib.joinpath("vis-network.min.js").read_text(encoding="utf-8"),
        nodes=js(net.nodes), edges=js(net.edges), options=js(options), groups=js(groups),
        center=js(view.center),
    )


def write_map(view: MapView, path, title: str | None = None) -> int:
    """Write the page as UTF-8; returns its size in bytes."""
    data = render_html(view, title).encode("utf-8")
    with open(path, "wb") as fh:
        fh.write(data)
    return len(data)
