"""Map build time, HTML size and browser draw time (issue target: a 2,000-node map drawn within 3 s).

    .venv/bin/python benchmarks/map_speed.py [NODES …]

For each size (default 500, 2000, 5000) it generates a cooperation network
(networkx power-law cluster graph, seeded), lays it out and writes the map
(timed: ``build_s``), writes the same network into an embedded store and times
``edugraph map -o … --store …`` as its own process, end to end (start-up, query,
layout, HTML written: ``end_to_end_s``), then opens the map in headless Chromium,
which reports the time from the page's first script to the first drawn frame
(the page's own measurement, ``data-draw-ms``). Needs the ``chromium`` Debian package.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

from edugraph.graph.store import open_store
from edugraph.graph.writer import GraphWriter
from edugraph.viz.maps import map_view, write_map


def network(n: int, seed: int = 1) -> nx.Graph:
    rng = random.Random(seed)
    g = nx.powerlaw_cluster_graph(n, 2, 0.1, seed=seed)
    labels = ["LocalGovernment", "EducationOffice", "Council", "Institution"]
    h = nx.Graph()
    for i in g:
        h.add_node(f"n{i}", name_ko=f"기관{i}", name_en=f"Actor {i}", label=rng.choice(labels), province_ko="경기도")
    for a, b in g.edges:
        h.add_edge(f"n{a}", f"n{b}", weight=rng.randint(1, 5), via=["agreement"], years=["2024"],
                   items=[{"via": "agreement", "name": "업무협약", "date": "2024-05-02", "docs": []}])
    return h


def draw_ms(path: Path) -> int | None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not browser:
        return None
    out = subprocess.run([browser, "--headless=new", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=20000",
                          "--dump-dom", path.resolve().as_uri()], capture_output=True, text=True, timeout=300)
    m = re.search(r'data-draw-ms="(\d+)"', out.stdout)
    return int(m.group(1)) if m else None


def store_network(g: nx.Graph, location: str) -> None:
    """The network as actors and sourced COOPERATES_WITH ties in a store, as ingest would leave them."""
    with open_store(location) as store:
        w = GraphWriter(store, batch_size=2000)
        for n, d in g.nodes(data=True):
            w.node(d["label"], n, name_ko=d["name_ko"], name_en=d["name_en"], province_ko=d["province_ko"])
        w.node("Document", "doc_bench", title="benchmark", url="https://example.org/bench")
        for a, b, d in g.edges(data=True):
            w.rel("COOPERATES_WITH", (g.nodes[a]["label"], a), (g.nodes[b]["label"], b), source_doc="doc_bench",
                  evidence=f"{g.nodes[a]['name_ko']}와 {g.nodes[b]['name_ko']}가 협력했다.", seen="2024-05-02")
        w.flush()


def end_to_end(g: nx.Graph, tmp: Path) -> float:
    db = str(tmp / f"net{g.number_of_nodes()}.db")
    store_network(g, db)
    out = tmp / f"cli{g.number_of_nodes()}.html"
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "edugraph", "map", "-o", str(out), "--store", db], check=True,
                   capture_output=True)
    return time.perf_counter() - t


def measure(sizes) -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            g = network(n)
            t = time.perf_counter()
            view = map_view(g)
            path = Path(tmp) / f"map{n}.html"
            size = write_map(view, path)
            build = time.perf_counter() - t
            rows.append({"nodes": n, "edges": g.number_of_edges(), "build_s": round(build, 2),
                         "end_to_end_s": round(end_to_end(g, Path(tmp)), 2),
                         "html_kb": round(size / 1024), "draw_ms": draw_ms(path)})
    return rows


def main():
    sizes = [int(a) for a in sys.argv[1:]] or [500, 2000, 5000]
    rows = measure(sizes)
    print(f"{'nodes':>6}{'edges':>7}{'build s':>9}{'CLI s':>7}{'HTML KB':>9}{'draw ms':>9}")
    for r in rows:
        print(f"{r['nodes']:>6}{r['edges']:>7}{r['build_s']:>9}{r['end_to_end_s']:>7}{r['html_kb']:>9}"
              f"{str(r['draw_ms']):>9}")
    print(json.dumps(rows))


if __name__ == "__main__":
    main()
