"""A map of Korea: 시·군·구 shaded by a measure, 시·도 outlines, and ties drawn between places.

Boundaries: KOSTAT 2018 (``geo/korea-2018.json``, built by ``devtools/build_geo.py`` from shared/geo),
each polygon tagged with today's government: 일반구 are dissolved into their city (no line is drawn
between two parts of one government), 군위군 is drawn in 대구광역시, and the 시·도 outlines are drawn from
those tags, so they follow the changes since 2018. Every geographic map carries the attribution line.

Measures per government: ``ties`` (cooperation partners in the filtered network), ``agreements`` (agreements
signed), ``programme`` (the year a government joined ``--program``: its round). Ties are drawn from a
government to an office of education placed at the centre of its jurisdiction (a 시·도 office at its
시·도), or to another government; actors without a place (councils, ministries, institutions) are counted
in the subtitle, not drawn.

>>> from edugraph.viz.geo import load_boundaries
>>> b = load_boundaries()
>>> len(b.polygons["lg_41370"]) >= 1, b.attribution.startswith("경계: 통계청")
(True, True)
"""

from __future__ import annotations

import html
import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources


from ..graph.errors import InputError
from ..graph.reference import load_reference
from ..queries.network import NetworkFilter, cooperation_ties, graph_from_ties, participation
from .maps import edge_kind
from .styles import load_styles, palette

__all__ = ["Boundaries", "GeoView", "load_boundaries", "build_geo_view", "render_geo_html", "write_geo_figure",
           "MEASURES", "CLASS_BREAKS", "CLASS_COLORS"]

MEASURES = ("ties", "agreements", "programme")
#: classes of a count: 0, 1, 2–3, 4–7, 8 or more (doublings: readable in a legend, stable across corpora)
CLASS_BREAKS = (0, 1, 2, 4, 8)
#: a sequential blue scale (ColorBrewer Blues), light to dark; readable for colour-blind readers
CLASS_COLORS = ("#EEEEEE", "#C6DBEF", "#6BAED6", "#2171B5", "#08306B")
NO_DATA = "#FFFFFF"


@dataclass
class Boundaries:
    """Decoded boundaries: rings per government, and the arcs between units with the governments beside them."""

    polygons: dict  # government id → list of rings [(lon, lat), …]
    arcs: list  # arc index → [(lon, lat), …]
    arc_sides: dict  # arc index → set of government ids using it
    attribution: str


@lru_cache(maxsize=1)
def load_boundaries() -> Boundaries:
    topo = json.loads(resources.files(__package__).joinpath("geo", "korea-2018.json").read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    (obj,) = (v for k, v in topo["objects"].items())
    polygons: dict = {}
    sides: dict = {}

    def ring(indices):
        pts = []
        for i in indices:
            seg = arcs[i] if i >= 0 else arcs[~i][::-1]
            pts.extend(seg if not pts else seg[1:])
        return pts

    for geom in obj["geometries"]:
        gov = geom["properties"]["gov"]
        shapes = geom["arcs"] if geom["type"] == "MultiPolygon" else [geom["arcs"]]
        for polygon in shapes:
            for r in polygon:
                polygons.setdefault(gov, []).append(ring(r))
                for i in r:
                    sides.setdefault(i if i >= 0 else ~i, []).append(gov)
    return Boundaries(polygons, arcs, {k: v for k, v in sides.items()}, topo["attribution"])


def _project(lon: float, lat: float) -> tuple[float, float]:
    """Equirectangular at 36°N (Korea's middle): x east, y down, in map units of about 1 km."""
    return (lon - 127.5) * 111.32 * math.cos(math.radians(36)), -(lat - 36.0) * 110.57


def _centroid(rings: list) -> tuple[float, float]:
    """Area-weighted centroid of the largest-area parts (projected)."""
    ax = ay = area = 0.0
    for r in rings:
        pts = [_project(*p) for p in r]
        for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]):
            c = x0 * y1 - x1 * y0
            area += c
            ax += (x0 + x1) * c
            ay += (y0 + y1) * c
    if abs(area) < 1e-9:
        x, y = zip(*[_project(*p) for r in rings for p in r])
        return sum(x) / len(x), sum(y) / len(y)
    return ax / (3 * area), ay / (3 * area)


def class_of(value) -> int:
    """The class index of a count (see CLASS_BREAKS)."""
    return max(i for i, b in enumerate(CLASS_BREAKS) if (value or 0) >= b)


def class_labels() -> list[str]:
    """Legend text of the classes: 0, 1, 2–3, 4–7, 8+."""
    out = []
    for b, nxt in zip(CLASS_BREAKS, CLASS_BREAKS[1:] + (None,)):
        out.append(f"{b}+" if nxt is None else str(b) if nxt == b + 1 else f"{b}–{nxt - 1}")
    return out


@dataclass
class GeoView:
    """What a geographic map shows: a value and colour per government, ties between places."""

    fills: dict  # government id → colour
    values: dict  # government id → the measure's value (count, or round year)
    ties: list  # (x0, y0, x1, y1, weight, kind, label)
    legend: list  # [(label, colour)]
    title: str
    subtitle: str
    measure: str
    province: str | None = None
    notes: list = field(default_factory=list)


def _places(ref, date: str | None) -> dict:
    """Where each actor is drawn: a government at its centroid, an office of education at its jurisdiction's."""
    b = load_boundaries()
    centre = {gov: _centroid(rings) for gov, rings in b.polygons.items()}
    by_province: dict = {}
    for e in ref.entities:
        if e.label == "LocalGovernment" and e.id in centre:
            by_province.setdefault(e.province_ko, []).append(centre[e.id])
    places = dict(centre)
    for e in ref.entities:
        if e.label == "LocalGovernment" and e.level == "metropolitan" and e.id not in places:
            pts = by_province.get(e.province_ko)
            if pts:
                places[e.id] = (sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts))
    for e in ref.entities:
        if e.label != "EducationOffice":
            continue
        covered = [places[g.id] for g in ref.jurisdiction(e.id, date) if g.id in places]
        if not covered and e.level == "provincial":
            m = ref.metropolitan(e.province_ko)
            covered = [places[m.id]] if m is not None and m.id in places else []
        if covered:
            places[e.id] = (sum(p[0] for p in covered) / len(covered), sum(p[1] for p in covered) / len(covered))
    return places


def build_geo_view(store, flt: NetworkFilter = NetworkFilter(), measure: str | None = None,
                   title: str | None = None, date: str | None = None) -> GeoView:
    """The measure per government and the ties between places, for the filtered network of ``store``."""
    measure = measure or ("programme" if flt.program else "ties")
    if measure not in MEASURES:
        raise InputError(f"--measure must be one of {', '.join(MEASURES)}")
    if measure == "programme" and not flt.program:
        raise InputError("--measure programme needs --program (e.g. --program 교육발전특구)")
    ref = load_reference()
    program, participants = participation(store, flt.program, flt) if flt.program else (None, None)
    rows, actors = cooperation_ties(store, flt, participants)
    g = graph_from_ties(rows, actors)
    b = load_boundaries()
    values: dict = {}
    if measure == "ties":
        values = {n: g.degree(n) for n in g if n in b.polygons}
    elif measure == "agreements":
        for n in g:
            if n in b.polygons:
                names = {i.get("name") for _, _, d in g.edges(n, data=True) for i in d.get("items", [])
                         if i["via"] in ("agreement", "planned agreement")}
                values[n] = len(names)
    else:
        for actor_id, years in participants.items():
            ys = sorted(y[:4] for y in years if y)
            if actor_id in b.polygons:
                values[actor_id] = ys[0] if ys else "연도 미상"
            # an office of education takes part for the governments it covers
            for gov in [e.id for e in ref.jurisdiction(actor_id, date)] if actor_id.startswith("eo_") else []:
                if gov in b.polygons and gov not in values:
                    values[gov] = ys[0] if ys else "연도 미상"
    if measure == "programme":
        rounds = sorted({str(v) for v in values.values()})
        colours = palette()
        assigned = {r: colours[i % len(colours)] for i, r in enumerate(rounds)}
        fills = {gov: assigned[str(v)] for gov, v in values.items()}
        legend = [(f"{r}년 참여" if r.isdigit() else r, assigned[r]) for r in rounds]
    else:
        fills = {gov: CLASS_COLORS[class_of(v)] for gov, v in values.items()}
        legend = list(zip(class_labels(), CLASS_COLORS))
    places = _places(ref, date)
    ties, unplaced = [], set()
    for a, c, d in g.edges(data=True):
        if a in places and c in places:
            (x0, y0), (x1, y1) = places[a], places[c]
            names = f"{g.nodes[a].get('name_ko') or a} — {g.nodes[c].get('name_ko') or c}"
            ties.append((x0, y0, x1, y1, d.get("weight", 1), edge_kind(d), names))
        else:
            unplaced.update(n for n in (a, c) if n not in places)
    what = {"ties": "협력 상대 수", "agreements": "체결한 협약 수", "programme": f"{program.name_ko if program else ''} 참여 연도"}[measure]
    heading = title or (f"{program.name_ko} 참여 지자체" if measure == "programme" else f"지자체별 {what}")
    parts = [what]
    if flt.province:
        from ..graph.resolve import default_resolver

        parts.append(default_resolver().province_of(flt.province) or flt.province)
    if flt.since or flt.until:
        parts.append(f"{flt.since or ''}–{flt.until or ''}")
    parts.append(f"협력 관계 {len(ties)}개")
    if unplaced:
        parts.append(f"장소 없는 기관 {len(unplaced)}곳 제외")
    missing = [e.name_ko for e in ref.entities if e.label == "LocalGovernment" and e.level == "basic"
               and e.valid_on(date) and e.id not in b.polygons]
    notes = [f"2018년 경계에 없는 지자체: {', '.join(sorted(missing))}"] if missing else []
    return GeoView(fills, values, ties, legend, heading, " · ".join(parts), measure, flt.province, notes)


def _outlines(province_of: dict) -> tuple[list, list]:
    """(lines between governments, lines between 시·도 and along the coast), projected."""
    b = load_boundaries()
    inner, outer = [], []
    for i, govs in b.arc_sides.items():
        pts = [_project(*p) for p in b.arcs[i]]
        if len(govs) == 1:
            outer.append(pts)
        elif len(set(govs)) == 1:
            continue  # inside one government: 일반구 dissolved into their city
        elif len({province_of.get(g) for g in govs}) > 1:
            outer.append(pts)
        else:
            inner.append(pts)
    return inner, outer


def _province_of() -> dict:
    ref = load_reference()
    return {e.id: e.province_ko for e in ref.entities if e.label == "LocalGovernment"}


def _path(rings) -> str:
    return " ".join("M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in (_project(*p) for p in r)) + " Z" for r in rings)


def render_geo_svg(view: GeoView, width: int = 900) -> str:
    """The map as one SVG element (tooltips as <title>), scaled to ``width`` pixels."""
    b = load_boundaries()
    ref = load_reference()
    names = {e.id: e.name_ko for e in ref.entities}
    xs, ys = zip(*[_project(*p) for rings in b.polygons.values() for r in rings for p in r])
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    pad = 10
    height = round(width * (y1 - y0 + 2 * pad) / (x1 - x0 + 2 * pad))
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{x0 - pad:.0f} {y0 - pad:.0f} {x1 - x0 + 2 * pad:.0f} '
           f'{y1 - y0 + 2 * pad:.0f}" width="{width}" height="{height}" role="img" aria-label="{html.escape(view.title)}">']
    for gov in sorted(b.polygons):
        fill = view.fills.get(gov, NO_DATA)
        value = view.values.get(gov, 0 if view.measure != "programme" else "참여 없음")
        out.append(f'<path d="{_path(b.polygons[gov])}" fill="{fill}" stroke="none" data-gov="{gov}" '
                   f'data-value="{html.escape(str(value))}"><title>{html.escape(names.get(gov, gov))}: '
                   f'{html.escape(str(value))}</title></path>')
    inner, outer = _outlines(_province_of())
    for pts in inner:
        out.append('<polyline fill="none" stroke="#9E9E9E" stroke-width="0.4" points="'
                   + " ".join(f"{x:.1f},{y:.1f}" for x, y in pts) + '"/>')
    for pts in outer:
        out.append('<polyline fill="none" stroke="#333333" stroke-width="1.1" points="'
                   + " ".join(f"{x:.1f},{y:.1f}" for x, y in pts) + '"/>')
    styles = load_styles()["edges"]
    for xa, ya, xb, yb, weight, kind, label in view.ties:
        colour = styles.get(kind, styles["cooperation"])["color"]
        out.append(f'<line x1="{xa:.1f}" y1="{ya:.1f}" x2="{xb:.1f}" y2="{yb:.1f}" stroke="{colour}" '
                   f'stroke-opacity="0.75" stroke-width="{0.8 + 0.8 * math.log2(weight):.1f}" stroke-linecap="round">'
                   f'<title>{html.escape(label)} ({weight})</title></line>')
    out.append("</svg>")
    return "".join(out)


def render_geo_html(view: GeoView) -> str:
    legend = "".join(f'<li><span style="background:{c}"></span>{html.escape(label)}</li>' for label, c in view.legend)
    kinds = sorted({k for *_, k, _ in view.ties})
    styles = load_styles()["edges"]
    legend += "".join(f'<li><span class="line" style="background:{styles[k]["color"]}"></span>'
                      f'{html.escape(styles[k]["legend_ko"])}</li>' for k in kinds if k in styles)
    notes = "".join(f"<p class=note>{html.escape(n)}</p>" for n in view.notes)
    return f"""<!DOCTYPE html>
<html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(view.title)}</title>
<style>
body {{ margin: 0; font-family: "Noto Sans CJK KR", "NanumGothic", sans-serif; display: flex; gap: 16px; padding: 16px; }}
h1 {{ font-size: 18px; margin: 0 0 4px 0; }} .sub {{ color: #333; font-size: 13px; margin-bottom: 8px; }}
ul {{ list-style: none; padding: 0; margin: 8px 0; font-size: 13px; }}
li {{ display: flex; align-items: center; gap: 6px; margin: 3px 0; }}
li span {{ width: 14px; height: 14px; border: 1px solid #999; display: inline-block; }}
li span.line {{ height: 3px; border: none; width: 20px; }}
.attribution {{ font-size: 12px; color: #444; margin-top: 12px; }} .note {{ font-size: 12px; color: #666; }}
svg path:hover {{ stroke: #000; stroke-width: 1.5; }}
</style></head>
<body data-drawn="1"><div>{render_geo_svg(view)}</div>
<div style="max-width: 300px"><h1>{html.escape(view.title)}</h1><div class="sub">{html.escape(view.subtitle)}</div>
<ul>{legend}</ul>{notes}<p class="attribution">{html.escape(load_boundaries().attribution)}</p></div>
</body></html>
"""


def write_geo_figure(view: GeoView, path, fmt: str = "png", dpi: int = 300, size: str = "page",
                     width_mm: float | None = None) -> None:
    """The same map as a figure (PNG, or SVG with text as paths), with legend and attribution."""
    from .figures import figure_pyplot, figure_size, type_size

    plt = figure_pyplot(fmt)
    from matplotlib.collections import LineCollection, PolyCollection
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    b = load_boundaries()
    width, _ = figure_size(size, width_mm)
    base = type_size(width)
    fig, ax = plt.subplots(figsize=(width, width * 1.15))
    polys, colours = [], []
    for gov in sorted(b.polygons):
        for r in b.polygons[gov]:
            polys.append([(x, -y) for x, y in (_project(*p) for p in r)])
            colours.append(view.fills.get(gov, NO_DATA))
    ax.add_collection(PolyCollection(polys, facecolors=colours, edgecolors="none"))
    inner, outer = _outlines(_province_of())
    ax.add_collection(LineCollection([[(x, -y) for x, y in pts] for pts in inner], colors="#9E9E9E", linewidths=0.2))
    ax.add_collection(LineCollection([[(x, -y) for x, y in pts] for pts in outer], colors="#333333", linewidths=0.5))
    styles = load_styles()["edges"]
    for xa, ya, xb, yb, weight, kind, _ in view.ties:
        ax.plot([xa, xb], [-ya, -yb], color=styles.get(kind, styles["cooperation"])["color"], alpha=0.75,
                linewidth=0.4 + 0.4 * math.log2(weight), solid_capstyle="round")
    ax.autoscale()
    ax.set_aspect("equal")
    ax.set_axis_off()
    handles = [Patch(facecolor=c, edgecolor="#999999", label=label) for label, c in view.legend]
    handles += [Line2D([], [], color=styles[k]["color"], label=styles[k]["legend_ko"])
                for k in sorted({k for *_, k, _ in view.ties}) if k in styles]
    ax.legend(handles=handles, loc="lower right", fontsize=base - 0.5, frameon=False)
    fig.suptitle(view.title, fontsize=base + 4, x=0.02, ha="left")
    ax.set_title(view.subtitle, fontsize=base, loc="left", color="#333333")
    fig.text(0.02, 0.01, b.attribution, fontsize=base - 1.5, color="#444444")
    fig.savefig(path, format=fmt, dpi=dpi if fmt == "png" else None, bbox_inches="tight",
                metadata={"Creator": "EduGraph"} if fmt == "png" else {"Creator": "EduGraph", "Date": None})
    plt.close(fig)
