"""Positions for network maps and figures: packed components, ego rings, programmes grouped by 시·도.

Every layout is seeded: the same graph and seed give the same picture. Force-directed positions come from
igraph's Fruchterman–Reingold (built for large graphs: 2,000 nodes in well under a second). Coordinates are
in "map units": a node of average size is about 20 units wide and labels are about 100 units long at the
default zoom, so spacing is set in those units.

>>> import networkx as nx
>>> from edugraph.viz.layout import network_layout
>>> g = nx.Graph([("a", "b")])
>>> pos = network_layout(g)
>>> round(abs(pos["a"][1] - pos["b"][1]), 3), 50 < abs(pos["a"][0] - pos["b"][0]) < 400   # side by side
(0.0, True)
"""

from __future__ import annotations

import math
import random

import networkx as nx

__all__ = ["network_layout", "ego_layout", "grouped_layout", "pack", "load_igraph"]


def load_igraph():
    """igraph, imported without its plotting support: igraph imports matplotlib's pyplot when it can, which
    is most of a second of `edugraph map` (an HTML map never needs it; figures import matplotlib themselves)."""
    import sys

    if "igraph" in sys.modules or "matplotlib" in sys.modules:
        import igraph

        return igraph
    sys.modules["matplotlib"] = None  # makes `import matplotlib` fail inside igraph, which then skips plotting
    try:
        import igraph
    finally:
        del sys.modules["matplotlib"]
    return igraph

#: distance between neighbouring nodes in map units
SPACING = 90.0


def _force(g: nx.Graph, seed: int) -> dict:
    """Fruchterman–Reingold positions of one connected graph, centred, spread to SPACING per node."""
    nodes = sorted(g, key=str)
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    if len(nodes) == 2:
        return {nodes[0]: (-SPACING, 0.0), nodes[1]: (SPACING, 0.0)}
    igraph = load_igraph()
    index = {n: i for i, n in enumerate(nodes)}
    edges = sorted((min(index[a], index[b]), max(index[a], index[b])) for a, b in g.edges())
    h = igraph.Graph(n=len(nodes), edges=edges)
    weights = [float(g.edges[nodes[a], nodes[b]].get("weight", 1)) for a, b in edges]
    igraph.set_random_number_generator(random.Random(seed))
    try:
        coords = h.layout_fruchterman_reingold(weights=weights or None, niter=500).coords
    finally:
        igraph.set_random_number_generator(random)
    xs, ys = [c[0] for c in coords], [c[1] for c in coords]
    cx, cy = sum(xs) / len(xs), sum(ys) / len(ys)
    # scale so that the median distance to the nearest neighbour (over a sample) is about SPACING
    import numpy as np

    xy = np.asarray(coords, dtype=float)
    sample = xy[:: max(1, len(xy) // 200)]
    d = np.hypot(sample[:, None, 0] - xy[None, :, 0], sample[:, None, 1] - xy[None, :, 1])
    d[d == 0] = np.inf
    mean = float(np.median(d.min(axis=1))) or 1.0
    k = SPACING / mean
    return {n: ((x - cx) * k, (y - cy) * k) for n, (x, y) in zip(nodes, coords)}


def _sunflower(nodes: list) -> dict:
    """Nodes packed in a disc (Vogel's spiral), SPACING apart."""
    golden = math.pi * (3 - math.sqrt(5))
    return {n: (SPACING * 0.75 * math.sqrt(i) * math.cos(i * golden), SPACING * 0.75 * math.sqrt(i) * math.sin(i * golden))
            for i, n in enumerate(nodes)}


def _radius(pos: dict) -> float:
    return max((math.hypot(x, y) for x, y in pos.values()), default=0.0) + SPACING / 2


def pack(parts: list[dict], gap: float = SPACING * 0.8) -> dict:
    """Place laid-out parts (each centred on 0,0) close together: the largest in the centre, the others
    around it, nearest first, as discs that do not overlap."""
    parts = sorted(parts, key=lambda p: (-len(p), sorted(map(str, p))[0] if p else ""))
    placed: list[tuple[float, float, float]] = []  # x, y, radius
    out = {}
    for part in parts:
        r = _radius(part)
        if not placed:
            x = y = 0.0
        else:
            x = y = None
            ring = placed[0][2] + r + gap
            while x is None:
                steps = max(12, int(2 * math.pi * ring / max(r, SPACING / 2)))
                best = None
                for s in range(steps):
                    a = 2 * math.pi * s / steps
                    cx, cy = ring * math.cos(a), ring * math.sin(a) * 0.75  # a landscape page
                    if all(math.hypot(cx - px, cy - py) >= pr + r + gap for px, py, pr in placed):
                        d = math.hypot(cx, cy)
                        if best is None or d < best[0]:
                            best = (d, cx, cy)
                if best:
                    _, x, y = best
                ring += max(r, SPACING) * 0.5
        placed.append((x, y, r))
        out.update({n: (px + x, py + y) for n, (px, py) in part.items()})
    return out


def network_layout(g: nx.Graph, seed: int = 42) -> dict:
    """Each connected component laid out on its own, then the components packed, largest in the centre."""
    parts = [_force(g.subgraph(c), seed) for c in nx.connected_components(g)]
    return pack(parts)


def ego_layout(g: nx.Graph, center, seed: int = 42) -> dict:
    """The ego at the centre, everyone else on a ring by distance; around each ring, nodes keep the angular
    order of a force layout, so that neighbours in the network stay near each other."""
    dist = nx.single_source_shortest_path_length(g, center)
    force = _force(g, seed) if g.number_of_nodes() > 2 else {}
    cx, cy = force.get(center, (0.0, 0.0))
    rings: dict = {}
    for n, d in dist.items():
        if d:
            rings.setdefault(d, []).append(n)
    out = {center: (0.0, 0.0)}
    # rings evenly spaced, the step wide enough that neighbours on every ring are a label apart
    step = max([SPACING * 2.2] + [len(rings[d]) * SPACING * 1.25 / (2 * math.pi) / d for d in rings])
    radius = 0.0
    for d in sorted(rings):
        ring = sorted(rings[d], key=lambda n: (math.atan2(force.get(n, (1, 0))[1] - cy, force.get(n, (1, 0))[0] - cx), str(n)))
        radius = d * step
        for i, n in enumerate(ring):
            a = 2 * math.pi * i / len(ring) - math.pi / 2
            out[n] = (radius * math.cos(a), radius * math.sin(a))
    others = [n for n in g if n not in out]  # not reachable (should not happen in an ego graph)
    for i, n in enumerate(sorted(others, key=str)):
        out[n] = (radius + SPACING * 2, SPACING * i)
    return out


def grouped_layout(g: nx.Graph, groups: dict, hub=None, seed: int = 42) -> tuple[dict, dict]:
    """Nodes grouped (e.g. by 시·도): each group a small force-laid cluster, the clusters on a circle around
    ``hub`` (a programme), in the groups' order. Returns (positions, {group: (x, y) of its label})."""
    members: dict = {}
    for n in g:
        if n != hub:
            members.setdefault(groups.get(n) or "기타", []).append(n)
    order = sorted(members, key=lambda k: (k == "기타", k))
    parts = {}
    for k in order:
        sub = g.subgraph(members[k])
        comps = [c for c in nx.connected_components(sub) if len(c) > 1]
        alone = sorted((n for c in nx.connected_components(sub) if len(c) == 1 for n in c), key=str)
        laid = [_force(sub.subgraph(c), seed) for c in comps]
        if alone:  # members without ties among them sit together in a sunflower, not spread on a ring
            laid.append(_sunflower(alone))
        parts[k] = pack(laid, gap=SPACING * 0.4)
    radii = {k: _radius(p) for k, p in parts.items()}
    circumference = sum(2 * r + SPACING for r in radii.values())
    ring = max(circumference / (2 * math.pi), max(radii.values(), default=0) * 1.5, SPACING * 3)
    out = {hub: (0.0, 0.0)} if hub is not None else {}
    labels = {}
    angle = -math.pi / 2
    for k in order:
        share = (2 * radii[k] + SPACING) / circumference * 2 * math.pi
        a = angle + share / 2
        gx, gy = ring * math.cos(a), ring * math.sin(a)
        out.update({n: (x + gx, y + gy) for n, (x, y) in parts[k].items()})
        labels[k] = (gx, gy - radii[k] - SPACING * 0.3)
        angle += share
    return out, labels
