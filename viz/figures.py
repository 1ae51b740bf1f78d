"""Static figures for papers: the same map views as PNG or SVG, with a Korean-capable font.

Fonts: Noto Sans CJK (Debian ``fonts-noto-cjk``) or NanumGothic (``fonts-nanum``);
without one, Hangul would come out as empty boxes, so drawing stops with a
message saying what to install. SVG text is written as paths, so the figure
looks the same on machines without the font.

>>> from edugraph.viz.figures import korean_font
>>> korean_font() is None or isinstance(korean_font(), str)
True
"""

from __future__ import annotations

from functools import lru_cache

from ..graph.errors import InputError
from .maps import MapView
from .styles import load_styles

__all__ = ["korean_font", "write_figure", "FORMATS"]

FORMATS = ("png", "svg")
_FAMILIES = ("Noto Sans CJK KR", "Noto Sans CJK JP", "Noto Sans CJK SC", "Noto Serif CJK KR", "NanumGothic",
             "NanumBarunGothic", "UnDotum", "Baekmuk Gulim")


@lru_cache(maxsize=1)
def korean_font() -> str | None:
    """The name of an installed font family that has Hangul, or None."""
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    for family in _FAMILIES:
        if family in installed:
            return family
    return None


_MARKERS = {"dot": "o", "diamond": "D", "square": "s", "triangle": "^", "triangleDown": "v", "star": "*",
            "box": "s", "ellipse": "o", "text": "."}


def write_figure(view: MapView, path, fmt: str = "png", title: str | None = None, labels: int = 40,
                 dpi: int = 200) -> None:
    """Draw ``view`` to ``path``; names shown for the ``labels`` largest nodes."""
    if fmt not in FORMATS:
        raise InputError(f"figure format must be one of {', '.join(FORMATS)}")
    family = korean_font()
    if family is None:
        raise InputError("no Korean font found for the figure: install fonts-noto-cjk or fonts-nanum "
                         "(Debian/Ubuntu: apt-get install fonts-noto-cjk)")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    styles = load_styles()
    g, pos = view.graph, view.positions
    plt.rcParams.update({"font.family": family, "svg.fonttype": "path", "axes.unicode_minus": False})
    fig, ax = plt.subplots(figsize=(10, 10))
    for a, b, data in g.edges(data=True):
        via = (data.get("via") or ["cooperation"])[0]
        ax.plot([pos[a][0], pos[b][0]], [-pos[a][1], -pos[b][1]], color=styles["edges"].get(via, {}).get(
            "color", "#888888"), linewidth=0.4 + 0.6 * min(data.get("weight", 1), 6), alpha=0.5, zorder=1)
    present = []
    for label, style in styles["labels"].items():
        nodes = [n for n, d in g.nodes(data=True) if d.get("label") == label]
        if not nodes:
            continue
        present.append(label)
        ax.scatter([pos[n][0] for n in nodes], [-pos[n][1] for n in nodes], s=[view.sizes[n] ** 2 / 3 for n in nodes],
                   c=style["color"], marker=_MARKERS.get(style["shape"], "o"), edgecolors="white", linewidths=0.5,
                   zorder=2, label=f"{style['legend_ko']} ({style['legend_en']})")
    for n in sorted(g, key=lambda n: -view.sizes[n])[:labels]:
        ax.annotate(g.nodes[n].get("name_ko") or n, (pos[n][0], -pos[n][1]), fontsize=7, ha="center", va="bottom",
                    xytext=(0, 4), textcoords="offset points", zorder=3)
    ax.set_title(title or view.title, fontsize=13)
    if present:
        ax.legend(loc="lower left", fontsize=8, frameon=True)
    ax.set_axis_off()
    fig.tight_layout()
    fig.savefig(path, format=fmt, dpi=dpi if fmt == "png" else None, metadata={"Creator": "EduGraph"} if fmt == "png"
                else {"Creator": "EduGraph", "Date": None})
    plt.close(fig)
