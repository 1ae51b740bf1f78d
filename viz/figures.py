"""Static figures for papers: the same map views as PNG or SVG, with a Korean-capable font.

Fonts: Noto Sans CJK (Debian ``fonts-noto-cjk``) or NanumGothic (``fonts-nanum``).
matplotlib keeps a cache of the fonts it found on its first run; a font installed
after that is not in it, so when no Korean font is in the cache the system's font
folders are searched again and the font files found are added. Without any,
Hangul would come out as empty boxes, so drawing stops with a message saying what
to install. SVG text is written as paths, so the figure looks the same on
machines without the font. Sizes: a journal column (89 mm), a page width
(180 mm), a 16:9 slide, or ``width_mm``.

>>> from edugraph.viz.figures import korean_font, figure_size
>>> korean_font() is None or isinstance(korean_font(), str)
True
>>> figure_size("column")
(3.5, 3.5)
"""

from __future__ import annotations

import math
from functools import lru_cache

from ..graph.errors import InputError
from .maps import MapView, edge_kind, legend_entries

__all__ = ["korean_font", "write_figure", "figure_size", "figure_pyplot", "type_size", "FORMATS", "SIZES"]

FORMATS = ("png", "svg")
#: width × height in inches
SIZES = {"column": (3.5, 3.5), "page": (7.1, 6.0), "slide": (13.33, 7.5)}
_FAMILIES = ("Noto Sans CJK KR", "Noto Sans CJK JP", "Noto Sans CJK SC", "Noto Serif CJK KR", "NanumGothic",
             "NanumBarunGothic", "UnDotum", "Baekmuk Gulim")
_FILE_HINTS = ("notosanscjk", "notoserifcjk", "nanum", "undotum", "baekmuk")


def _cached_family(font_manager) -> str | None:
    installed = {f.name for f in font_manager.fontManager.ttflist}
    return next((family for family in _FAMILIES if family in installed), None)


@lru_cache(maxsize=1)
def korean_font() -> str | None:
    """The name of an installed font family that has Hangul, or None.

    Looks in matplotlib's font cache first; if none is there (a font installed after the cache was built),
    searches the system font folders again and adds the Korean font files it finds.
    """
    from matplotlib import font_manager

    family = _cached_family(font_manager)
    if family:
        return family
    for path in font_manager.findSystemFonts(fontext="ttf") + font_manager.findSystemFonts(fontext="otf"):
        name = path.replace("-", "").replace("_", "").lower()
        if any(hint in name for hint in _FILE_HINTS):
            try:
                font_manager.fontManager.addfont(path)
            except (OSError, RuntimeError, ValueError):
                continue
    return _cached_family(font_manager)


def figure_size(size: str = "page", width_mm: float | None = None) -> tuple[float, float]:
    """(width, height) in inches for a named size, or for a width in millimetres (height from the page ratio)."""
    if size not in SIZES:
        raise InputError(f"figure size must be one of {', '.join(SIZES)}")
    w, h = SIZES[size]
    if width_mm:
        return round(width_mm / 25.4, 2), round(width_mm / 25.4 * h / w, 2)
    return w, h


def figure_pyplot(fmt: str):
    """matplotlib's pyplot set up for a figure in ``fmt``: headless, a Korean font, SVG text as paths.

    Every figure (network or map of Korea) starts here, so the font check and its message have one home.
    """
    if fmt not in FORMATS:
        raise InputError(f"figure format must be one of {', '.join(FORMATS)}")
    family = korean_font()
    if family is None:
        raise InputError("no Korean font found for the figure: install fonts-noto-cjk or fonts-nanum "
                         "(Debian/Ubuntu: apt-get install fonts-noto-cjk)")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update({"font.family": family, "svg.fonttype": "path", "axes.unicode_minus": False})
    return plt


def type_size(width_in: float) -> float:
    """Body type size in points for a figure ``width_in`` inches wide: readable in a column, calm on a slide."""
    return 6.5 if width_in < 5 else 8.0


_MARKERS = {"dot": "o", "diamond": "D", "square": "s", "triangle": "^", "triangleDown": "v", "star": "*",
            "box": "s", "ellipse": "o", "text": "."}


def _size(view: MapView, n) -> float:
    """A node's size; the ego of an ego map at least as big as the biggest other node, as in the HTML map."""
    if n == view.center:
        return max(view.sizes.values()) * 1.2
    return view.sizes[n]


def write_figure(view: MapView, path, fmt: str = "png", title: str | None = None, labels: int = 20,
                 dpi: int = 300, size: str = "page", width_mm: float | None = None) -> None:
    """Draw ``view`` to ``path``: the ``labels`` most central nodes named, a title and subtitle, and a legend
    with node types (or colour groups) and edge kinds."""
    plt = figure_pyplot(fmt)
    from matplotlib.lines import Line2D

    from .styles import load_styles

    styles = load_styles()
    g, pos = view.graph, view.positions
    width, height = figure_size(size, width_mm)
    base = type_size(width)
    fig, ax = plt.subplots(figsize=(width, height))
    node_scale = (width / 7.1) ** 2
    for a, b, data in g.edges(data=True):
        kind = edge_kind(data)
        colour = styles["edges"].get(kind, styles["edges"]["cooperation"])["color"]
        faint = kind == "participation"  # the grouping already says who takes part
        ax.plot([pos[a][0], pos[b][0]], [-pos[a][1], -pos[b][1]], color=colour,
                linewidth=(0.3 + 0.4 * min(data.get("weight", 1), 6)) * width / 7.1 * (0.5 if faint else 1),
                alpha=0.12 if faint else 0.55, zorder=1)
    for label, style in styles["labels"].items():
        nodes = [n for n, d in g.nodes(data=True) if d.get("label") == label]
        if not nodes:
            continue
        ax.scatter([pos[n][0] for n in nodes], [-pos[n][1] for n in nodes],
                   s=[_size(view, n) ** 2 / 4 * node_scale for n in nodes],
                   c=[view.colors.get(n, style["color"]) for n in nodes], marker=_MARKERS.get(style["shape"], "o"),
                   edgecolors=["#000000" if n == view.center else "white" for n in nodes],
                   linewidths=[1.6 if n == view.center else 0.4 for n in nodes], zorder=2)
    xs = [p[0] for p in pos.values()] or [0]
    ys = [-p[1] for p in pos.values()] or [0]
    pad = max(max(xs) - min(xs), max(ys) - min(ys), 200) * 0.06
    ax.set_xlim(min(xs) - pad, max(xs) + pad)
    ax.set_ylim(min(ys) - pad * 1.5, max(ys) + pad)
    ax.set_aspect("equal", adjustable="box")
    fig.suptitle(title or view.title, fontsize=base + 4, x=0.02, ha="left", y=0.985)
    ax.set_title(view.subtitle, fontsize=base, loc="left", color="#333333")
    types, kinds, groups = legend_entries(view)
    handles = [Line2D([], [], linestyle="", marker=_MARKERS.get(shape, "o"), markersize=base * 0.8,
                      markerfacecolor=colour, markeredgecolor="white", label=ko)
               for ko, _, colour, shape in (groups or types)]
    handles += [Line2D([], [], color=colour, linewidth=1.5, label=ko) for ko, _, colour, _ in kinds]
    if handles:
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=base - 0.5,
                  frameon=False, borderaxespad=0.2)
    ax.set_axis_off()
    # the axes take their final place before names are measured, so that names placed apart stay apart
    fig.tight_layout()
    fig.canvas.draw()  # applies the equal aspect: the data-to-page transform is final from here
    from matplotlib import patheffects

    halo = [patheffects.withStroke(linewidth=2, foreground="white")]
    renderer = fig.canvas.get_renderer()
    placed = []
    for name, (x, y) in view.group_labels.items():
        # a group's name above its cluster, moved up a line at a time while it covers another group's name
        for lift in range(6):
            text = ax.annotate(name, (x, -y), fontsize=base, ha="center", va="bottom", weight="bold",
                               color="#444444", zorder=4, path_effects=halo, xytext=(0, lift * base * 1.2),
                               textcoords="offset points")
            box = text.get_window_extent(renderer)
            if not any(box.overlaps(other) for other in placed) or lift == 5:
                placed.append(box)
                break
            text.remove()
    # names in order of importance, each below, above, right or left of its node, wherever it overlaps no
    # name already placed (a name with no free side is left out: the HTML map shows every name on zoom)
    for n in view.ranked()[:labels]:
        r = math.sqrt(_size(view, n) ** 2 / 4 * node_scale) / 2 + 1
        for offset, ha, va in (((0, -r), "center", "top"), ((0, r), "center", "bottom"), ((r + 1, 0), "left", "center"),
                               ((-r - 1, 0), "right", "center")):
            text = ax.annotate(g.nodes[n].get("name_ko") or n, (pos[n][0], -pos[n][1]), fontsize=base, ha=ha, va=va,
                               xytext=offset, textcoords="offset points", zorder=3, path_effects=halo,
                               weight="bold" if n == view.center else "normal")
            box = text.get_window_extent(renderer)
            if not any(box.overlaps(other) for other in placed):
                placed.append(box)
                break
            text.remove()

    meta = {"Creator": "EduGraph", "Font": korean_font()} if fmt == "png" else {"Creator": "EduGraph", "Date": None}
    fig.savefig(path, format=fmt, dpi=dpi if fmt == "png" else None, metadata=meta, bbox_inches="tight")
    plt.close(fig)
