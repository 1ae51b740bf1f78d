"""All benchmarks in one command: prints a table of every figure and writes them as JSON.

    .venv/bin/python benchmarks/run.py [--json FILE] [--quick]

Measures, on a seeded synthetic corpus (benchmarks/corpus.py) and graph
(benchmarks/synthetic_graph.py):

- extraction: articles/s and MB/s in one process and on all cores, and the
  share of the corpus's expected facts that extraction finds;
- loading: rows/s through the writer into the embedded store, beside the
  engine's raw ceiling measured in the same run (a bare ``UNWIND … MERGE`` of
  the same rows), on the embedded store and on a Neo4j server the benchmark
  starts itself (neo4j_bench.py; left out, with the reason, where Neo4j is not installed);
- end to end: ``edugraph ingest`` of 10,000 and 50,000 articles, wall time and
  peak memory (the ingest process and its store server);
- queries: p50 and p95 of every catalogue question at 10,000 and 100,000 relationships, on the embedded
  store and on Neo4j 2026.x and 5.26 LTS (servers the benchmark starts), side by side;
- maps: build time, HTML size and browser draw time at 500, 2,000 and 5,000 nodes.

``--quick`` runs every part on smaller sizes (a smoke test, not the figures).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from multiprocessing import Pool
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402
import map_speed  # noqa: E402
from neo4j_bench import own_neo4j  # noqa: E402

from edugraph.graph.cypher import parse_cypher  # noqa: E402
from edugraph.graph.reference import load_reference  # noqa: E402
from edugraph.graph.store import open_store  # noqa: E402
from edugraph.graph.writer import GraphWriter  # noqa: E402
from edugraph.loaders.documents import Document  # noqa: E402
from edugraph.loaders.extract import extract_document  # noqa: E402
from edugraph.loaders.ingest import write_annotation  # noqa: E402

TARGETS = {"extraction_per_process": 150, "loading_share": 0.70, "ingest_50k_s": 300, "query_p95_ms": 50,
           "map_2000_draw_ms": 3000, "analysis_50k_s": 30, "neo4j_vs_embedded": 2}

def _extract(text: str) -> dict:
    return extract_document(Document(text, name="bench.txt"))


def _found(article, annotation, ref) -> tuple[int, int]:
    names = {e["canonical_ko"] for e in annotation["entities"]}
    rels = {(r["type"], r["source"], r["target"]) for r in annotation["relations"]}
    pairs = {frozenset((r[1], r[2])) for r in rels if r[0] in ("COOPERATES_WITH", "SIGNED")}
    signed = {}
    for t, s, d in rels:
        if t == "SIGNED":
            signed.setdefault(d, set()).add(s)
    for parties in signed.values():
        pairs |= {frozenset((a, b)) for a in parties for b in parties if a != b}
    hit = 0
    for kind, x, y in article.expected:
        a, b = ref.by_id[x].name_ko, ref.by_id[y].name_ko
        if kind == "COOPERATES_WITH":
            hit += frozenset((a, b)) in pairs and a in names and b in names
        else:
            hit += (kind, a, b) in rels
    return hit, len(article.expected)


def extraction(n: int) -> dict:
    # The target is stated for articles of about 5 KB.
    articles = corpus.generate(n, seed=11, kb=5)
    texts = [a.text for a in articles]
    size = sum(len(t.encode("utf-8")) for t in texts)
    _extract(texts[0])
    t = time.perf_counter()
    annotations = [_extract(x) for x in texts]
    one = time.perf_counter() - t
    ref = load_reference()
    hits = [_found(a, ann, ref) for a, ann in zip(articles, annotations)]
    cores = os.cpu_count() or 1
    with Pool(cores) as pool:
        pool.map(_extract, texts[:cores])  # start-up is not timed
        t = time.perf_counter()
        pool.map(_extract, texts, chunksize=50)
        many = time.perf_counter() - t
    return {"articles": n, "kb_per_article": round(size / n / 1024, 1),
            "per_process_articles_s": round(n / one), "per_process_mb_s": round(size / one / 1e6, 2),
            "cores": cores, "all_cores_articles_s": round(n / many), "all_cores_mb_s": round(size / many / 1e6, 2),
            "expected_facts_found": round(sum(h for h, _ in hits) / max(1, sum(t for _, t in hits)), 3)}


def _annotated(n: int) -> list:
    """(document, annotation) pairs: extracted once, written into a fresh writer for every round."""
    docs = [Document(a.text, name=a.name) for a in corpus.generate(n, seed=13)]
    return [(d, _extract(d.text)) for d in docs]


class RawWriter(GraphWriter):
    """The engine's ceiling: the writer's own rows and batches through bare ``UNWIND … MERGE … SET``
    statements (same labels, properties and provenance lists), without its create-or-merge logic."""

    def statements(self) -> tuple:
        return _cypher("raw_nodes"), _cypher("raw_rels"), super().statements()[2]


def _cypher(name: str):
    path = HERE / "cypher" / f"{name}.cypher"
    return parse_cypher(name, str(path), path.read_text(encoding="utf-8"))


def _writer(cls, store, annotated) -> GraphWriter:
    writer = cls(store, batch_size=1000)
    for doc, ann in annotated:
        write_annotation(writer, doc, ann)
    return writer


def loading(n: int, location_factory, rounds: int = 3) -> dict:
    """Best of ``rounds`` for each way of loading, each round into an empty store."""
    annotated = _annotated(n)
    out = {}
    for name, location in location_factory():
        best = {RawWriter: float("inf"), GraphWriter: float("inf")}
        for i in range(rounds):
            for cls in best:
                with open_store(location(f"{cls.__name__}{i}")) as store:
                    store.run_file(_cypher("delete_all"))
                    writer = _writer(cls, store, annotated)
                    rows = len(writer.pending_nodes()) + len(writer.pending_relationships())
                    t = time.perf_counter()
                    writer.flush()
                    best[cls] = min(best[cls], time.perf_counter() - t)
        raw, ours = rows / best[RawWriter], rows / best[GraphWriter]
        out[name] = {"rows": rows, "writer_rows_s": round(ours), "raw_rows_s": round(raw),
                     "share_of_ceiling": round(ours / raw, 2)}
    return out


def _tree_rss(proc: psutil.Process) -> int:
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def end_to_end(n: int, tmp: Path) -> dict:
    folder = corpus.write(tmp / f"corpus{n}", corpus.generate(n, seed=17))
    db = tmp / f"e2e{n}.db"
    t = time.perf_counter()
    proc = psutil.Popen([sys.executable, "-m", "edugraph", "ingest", str(folder), "--store", str(db)],
                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, _tree_rss(proc))
        time.sleep(0.2)
    wall = time.perf_counter() - t
    summary = proc.stderr.read().strip().splitlines()[-1]
    # the whole-network commands a researcher runs next, each timed as its own process
    analyses = {}
    for name, args in (("analyze centrality", ["analyze", "centrality", "--top", "20"]),
                       ("analyze communities", ["analyze", "communities"]),
                       ("analyze brokers", ["analyze", "brokers"]),
                       ("map (whole network)", ["map", "-o", str(tmp / f"net{n}.html")]),
                       ("export gexf", ["export", "--format", "gexf", "-o", str(tmp / f"net{n}.gexf")])):
        t0 = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "edugraph", *args, "--store", str(db)],
                              capture_output=True, text=True)
        analyses[name] = {"s": round(time.perf_counter() - t0, 1), "exit": done.returncode,
                          "error": done.stderr.strip().splitlines()[-1] if done.returncode else ""}
    return {"articles": n, "wall_s": round(wall, 1), "articles_s": round(n / wall), "peak_mb": round(peak / 2**20),
            "jobs": os.cpu_count(), "exit": proc.returncode, "summary": summary, "analyses": analyses}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", dest="json_out", default="benchmark-results.json")
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    q = args.quick
    started = time.perf_counter()
    report = {"machine": {"python": platform.python_version(), "cpu": platform.processor() or platform.machine(),
                          "cores": os.cpu_count(), "memory_gb": round(psutil.virtual_memory().total / 2**30, 1)}}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        print("extraction …", file=sys.stderr)
        report["extraction"] = extraction(300 if q else 3000)

        print("loading …", file=sys.stderr)
        with own_neo4j() as (neo4j_uri, neo4j_what):
            def locations():
                yield "embedded", lambda tag: str(tmp / f"load-{tag}.db")
                if neo4j_uri:
                    yield "neo4j", lambda tag: neo4j_uri

            report["loading"] = loading(300 if q else 3000, locations)
            report["neo4j"] = neo4j_what
        print("end to end …", file=sys.stderr)
        report["ingest"] = [end_to_end(n, tmp) for n in ((500, 1000) if q else (10_000, 50_000))]
        print("queries …", file=sys.stderr)
        report["queries"] = []
        # In a fresh interpreter, as `edugraph ask` runs: this process's large heap (the corpora above)
        # would add garbage-collector pauses to the query timings.
        sizes = ["3000"] if q else ["10000", "100000"]
        out = tmp / "queries.json"
        subprocess.run([sys.executable, str(HERE / "query_speed.py"), *sizes, "--runs", "10" if q else "50",
                        "--json", str(out), "--neo4j", "2026,5"], check=True, stdout=subprocess.DEVNULL)
        report["queries"] = [b for b in json.loads(out.read_text(encoding="utf-8")) if "questions" in b]
        print("maps …", file=sys.stderr)
        report["maps"] = map_speed.measure((200, 500) if q else (500, 2000, 5000))
    report["total_s"] = round(time.perf_counter() - started)
    Path(args.json_out).write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    print_report(report)


def _mark(ok: bool) -> str:
    return "meets target" if ok else "MISSES target"


def print_report(r: dict) -> None:
    m = r["machine"]
    print(f"machine: {m['cores']} cores, {m['memory_gb']} GB, Python {m['python']}; total {r['total_s']} s\n")
    e = r["extraction"]
    print(f"extraction ({e['articles']} articles, {e['kb_per_article']} KB each): "
          f"{e['per_process_articles_s']} articles/s ({e['per_process_mb_s']} MB/s) in one process — "
          f"{_mark(e['per_process_articles_s'] >= TARGETS['extraction_per_process'])} (≥ 150); "
          f"{e['all_cores_articles_s']} articles/s ({e['all_cores_mb_s']} MB/s) on {e['cores']} cores; "
          f"expected facts found: {e['expected_facts_found']:.0%}")
    for name, l in r["loading"].items():
        print(f"loading into {name}: {l['writer_rows_s']} rows/s through the writer, raw ceiling {l['raw_rows_s']} "
              f"rows/s: {l['share_of_ceiling']:.0%} — {_mark(l['share_of_ceiling'] >= TARGETS['loading_share'])} "
              f"(≥ 70%)")
    for i in r["ingest"]:
        note = f" — {_mark(i['wall_s'] <= TARGETS['ingest_50k_s'])} (50,000 in < 300 s)" if i["articles"] == 50_000 else ""
        print(f"ingest {i['articles']} articles end to end: {i['wall_s']} s ({i['articles_s']} articles/s), "
              f"peak {i['peak_mb']} MB{note}")
        for name, a in i.get("analyses", {}).items():
            mark = _mark(a["exit"] == 0 and a["s"] <= TARGETS["analysis_50k_s"]) if i["articles"] == 50_000 else ""
            print(f"  {name} on the {i['articles']:,}-article graph: {a['s']} s"
                  + (f" — {mark} (≤ 30 s)" if mark else "") + (f" [exit {a['exit']}: {a['error']}]" if a["exit"] else ""))
    print(f"\nNeo4j: {r.get('neo4j')}")
    by_size: dict = {}
    for block in r["queries"]:
        by_size.setdefault(block["relationships"] // 1000, {})[block.get("store", "embedded")] = block
    for blocks in by_size.values():
        stores = [s for s in ("embedded", "neo4j", "neo4j-5") if s in blocks]
        rels = " / ".join(f"{blocks[s]['relationships']:,} ({s})" for s in stores)
        print(f"\nqueries at {rels} relationships, p50 / p95 ms (× = the p95 over the embedded store's):")
        print(f"  {'question':<22}" + "".join(f"{s:>18}" + ("" if s == "embedded" else "      ") for s in stores))
        names = [x["question"] for x in blocks[stores[0]]["questions"]]
        rows = {s: {x["question"]: x for x in blocks[s]["questions"]} for s in stores}
        for name in names:
            base = rows["embedded"][name]["p95_ms"] if "embedded" in rows else None
            cells = []
            for s in stores:
                x = rows[s][name]
                ratio = f"  {x['p95_ms'] / base:>3.1f}×" if s != "embedded" and base else ""
                cells.append(f"{x['p50_ms']:>9}{x['p95_ms']:>9}{ratio}")
            print(f"  {name:<22}" + "".join(cells))
        for s in stores:
            worst = max(blocks[s]["questions"], key=lambda x: x["p95_ms"])
            print(f"  worst p95 on {s}: {worst['question']} {worst['p95_ms']} ms — "
                  f"{_mark(worst['p95_ms'] <= TARGETS['query_p95_ms'])} (≤ 50 ms)")
            if s != "embedded" and "embedded" in rows:
                over = [f"{x['question']} {x['p95_ms'] / rows['embedded'][x['question']]['p95_ms']:.1f}×"
                        for x in blocks[s]["questions"]
                        if x["p95_ms"] > TARGETS["neo4j_vs_embedded"] * rows["embedded"][x["question"]]["p95_ms"]]
                print(f"  {s} within {TARGETS['neo4j_vs_embedded']}× of the embedded store's p95: "
                      + ("every question" if not over else f"all but {', '.join(over)}"))
    print("\nmaps:")
    for x in r["maps"]:
        note = f" — {_mark((x['draw_ms'] or 10**9) <= TARGETS['map_2000_draw_ms'])} (≤ 3 s)" if x["nodes"] == 2000 else ""
        e2e = x.get("end_to_end_s")
        limit = {2000: 3, 5000: 8}.get(x["nodes"])
        e2e_note = f" — {_mark(e2e <= limit)} (≤ {limit} s)" if limit and e2e is not None else ""
        print(f"  {x['nodes']} nodes, {x['edges']} edges: `edugraph map` end to end {e2e} s{e2e_note}; "
              f"layout and page {x['build_s']} s, {x['html_kb']} KB, drawn in {x['draw_ms']} ms{note}")


if __name__ == "__main__":
    main()
