"""Catalogue query latency on the embedded store and on Neo4j (target: every question p95 ≤ 50 ms at 100,000
relationships).

    .venv/bin/python benchmarks/query_speed.py [RELATIONSHIPS …] [--runs N] [--json FILE] [--neo4j [LINES]]

``--neo4j`` measures the same graphs on Neo4j servers the benchmark starts itself (neo4j_bench.py), one
per release line: ``2026,5`` (the default: 2026.x and 5.26 LTS), or one of them.

For each size (default 10000 and 100000) it builds a seeded synthetic graph
(benchmarks/synthetic_graph.py) in a temporary folder, then asks the whole
catalogue round after round for 10 s unmeasured (the steady state is measured:
a Neo4j server's JIT compiles its read paths only after some thousands of
queries), then each question 5 times unmeasured and ``--runs`` times (default
50) with arguments that resolve to the busiest actors, and prints p50 and p95
in milliseconds. Name resolution is done once, outside the timing, as the CLI
does it once per command.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from edugraph.graph.store import open_store
from edugraph.queries.catalogue import catalogue

try:
    from neo4j_bench import empty, own_neo4j
    from synthetic_graph import build
except ImportError:  # run as a module from the repository root
    from benchmarks.neo4j_bench import empty, own_neo4j
    from benchmarks.synthetic_graph import build

# Ties broken by id, and every node of the pattern named, so that both stores are asked about the same
# actors: FalkorDB returns a path through an unnamed node once however many such paths there are
# (MATCH (:A)-[:R]->(:B)<-[:R]-(e) … count(*) counted 1 where Neo4j counted 12).
BUSIEST = """
MATCH (a:LocalGovernment)-[r:SIGNED]->()
RETURN a.id AS actor, count(r) AS n ORDER BY n DESC, actor LIMIT 1
"""
BUSIEST_PARTNER = """
MATCH (a:LocalGovernment {id: $actor})-[:SIGNED]->(g:Agreement)<-[:SIGNED]-(e:EducationOffice)
RETURN e.id AS other, count(*) AS m ORDER BY m DESC, other LIMIT 1
"""


def _params(store) -> dict:
    actor = store.run(BUSIEST)[0]["actor"]
    row = {"actor": actor, "other": store.run(BUSIEST_PARTNER, {"actor": actor})[0]["other"]}
    council = store.run("MATCH (c:Council)<-[r:MEMBER_OF]-() WITH c, count(r) AS n "
                        "ORDER BY n DESC, c.id LIMIT 1 RETURN c.id AS id")[0]["id"]
    return {"actor": row["actor"], "other": row["other"], "program": "prg_edz", "council": council,
            "kind": None, "name": "교육지원청"}


WARM_UP = 5
WARM_UP_S = 10.0


def measure(store, runs: int) -> list[dict]:
    base = _params(store)
    out = []
    questions = list(catalogue().values())
    # Every store is first asked the whole catalogue, round after round, for WARM_UP_S seconds: the steady
    # state is measured, as a server that has been up a while answers (Neo4j's JIT compiles its read paths
    # only after some thousands of queries; a cold server answered the small questions 3 to 10 times slower).
    started = time.perf_counter()
    while time.perf_counter() - started < WARM_UP_S:
        for q in questions:
            params = {p: base.get(p) for p in q.statement.params}
            params.update(q.defaults)
            if "kind" in params:
                params["kind"] = None
            store.run_file(q.statement, params)
    for q in catalogue().values():
        params = {p: base.get(p) for p in q.statement.params}
        params.update({k: v for k, v in q.defaults.items()})
        if "kind" in params:
            params["kind"] = None
        for _ in range(WARM_UP):
            store.run_file(q.statement, params)
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            rows = store.run_file(q.statement, params)
            times.append((time.perf_counter() - t) * 1000)
        times.sort()
        out.append({"question": q.name, "rows": len(rows), "p50_ms": round(statistics.median(times), 1),
                    "p95_ms": round(times[int(0.95 * (len(times) - 1))], 1)})
    return out


def build_and_measure(location: str, size: int, runs: int) -> tuple[list[dict], dict]:
    """Build the graph, then measure in a new session, as `edugraph ask` runs in its own process."""
    with open_store(location) as store:
        if store.kind == "neo4j":
            empty(store)  # the benchmark's own server (own_neo4j): the previous size's graph goes
        built = build(store, size)
    with open_store(location) as store:
        return measure(store, runs), built


def _print(store_name: str, built: dict, rows: list[dict]) -> None:
    print(f"\n{store_name}: {built['relationships']} relationships, {built['nodes']} nodes "
          f"(built in {built['seconds']} s)")
    print(f"{'question':<22}{'rows':>6}{'p50 ms':>9}{'p95 ms':>9}")
    for r in rows:
        flag = "" if r["p95_ms"] <= 50 else "  > 50 ms target"
        print(f"{r['question']:<22}{r['rows']:>6}{r['p50_ms']:>9}{r['p95_ms']:>9}{flag}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sizes", nargs="*", type=int, default=[10_000, 100_000])
    ap.add_argument("--runs", type=int, default=50)
    ap.add_argument("--json", dest="json_out", default=None)
    ap.add_argument("--neo4j", nargs="?", const="2026,5", default="",
                    help="also measure on Neo4j servers started for the run, one per line (default 2026,5)")
    args = ap.parse_args()
    report = []
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            rows, built = build_and_measure(str(Path(tmp) / "bench.db"), size, args.runs)
        _print("embedded (FalkorDB)", built, rows)
        report.append({"store": "embedded", "relationships": built["relationships"], "nodes": built["nodes"],
                       "questions": rows})
    for line in filter(None, args.neo4j.split(",")):
        store_name = "neo4j" if line == "2026" else f"neo4j-{line}"
        with own_neo4j(line=line) as (uri, what):
            if uri is None:
                print(f"\nNeo4j left out: {what}")
                report.append({"store": store_name, "skipped": what})
            for size in args.sizes if uri else ():
                rows, built = build_and_measure(uri, size, args.runs)
                _print(what, built, rows)
                report.append({"store": store_name, "server": what, "relationships": built["relationships"],
                               "nodes": built["nodes"], "questions": rows})
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
