"""Why a catalogue question is slow on Neo4j: its ``PROFILE`` on the benchmark's synthetic graph.

    .venv/bin/python benchmarks/neo4j_profile.py [QUESTION …] [--relationships 100000] [--line 2026|5] [--runs 30]

Builds the seeded synthetic graph of benchmarks/query_speed.py on a Neo4j server of its own
(neo4j_bench.py), asks each question (default: all) with the same arguments as the benchmark, and prints
per question its p50 and p95 in milliseconds, the database hits and rows of the profiled run, and the
operators of the plan with their rows and hits, heaviest first, so that a row explosion, a label scan or
a property read where an index should be shows at a glance.
"""

from __future__ import annotations

import argparse
import statistics
import time

from edugraph.graph.store import open_store
from edugraph.queries.catalogue import catalogue

try:
    from neo4j_bench import empty, own_neo4j
    from query_speed import _params
    from synthetic_graph import build
except ImportError:  # run as a module from the repository root
    from benchmarks.neo4j_bench import empty, own_neo4j
    from benchmarks.query_speed import _params
    from benchmarks.synthetic_graph import build

__all__ = ["profile", "operators"]


def operators(plan: dict, depth: int = 0) -> list[tuple[int, str, int, int, str]]:
    """The plan's operators, depth first: (depth, operator, rows, db hits, details)."""
    args = plan.get("args", {})
    out = [(depth, plan["operatorType"].split("@")[0], plan.get("rows", 0), plan.get("dbHits", 0),
            str(args.get("Details", ""))[:110])]
    for child in plan.get("children", []):
        out += operators(child, depth + 1)
    return out


def profile(store, text: str, params: dict) -> tuple[list[dict], dict]:
    """Run ``PROFILE text`` on a Neo4j store; the rows and the profiled plan."""
    with store._driver.session(database=store.database) as session:
        result = session.run("PROFILE " + text, params)
        rows = result.data()
        return rows, result.consume().profile


def _timed(store, statement, params, runs: int) -> tuple[float, float]:
    store.run_file(statement, params)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        store.run_file(statement, params)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("questions", nargs="*")
    ap.add_argument("--relationships", type=int, default=100_000)
    ap.add_argument("--line", default=None, help="Neo4j release line (2026 or 5)")
    ap.add_argument("--runs", type=int, default=30)
    args = ap.parse_args()
    questions = {name: q for name, q in catalogue().items() if not args.questions or name in args.questions}
    with own_neo4j(line=args.line) as (uri, what):
        if uri is None:
            raise SystemExit(f"no Neo4j: {what}")
        with open_store(uri) as store:
            empty(store)
            built = build(store, args.relationships)
        print(f"{what}: {built['relationships']} relationships, {built['nodes']} nodes")
        with open_store(uri) as store:
            base = _params(store)
            for name, q in questions.items():
                params = {p: base.get(p) for p in q.statement.params}
                params.update(q.defaults)
                if "kind" in params:
                    params["kind"] = None
                p50, p95 = _timed(store, q.statement, params, args.runs)
                rows, plan = profile(store, q.statement.body, params)
                ops = operators(plan)
                hits = sum(op[3] for op in ops)
                print(f"\n== {name}: p50 {p50:.1f} ms, p95 {p95:.1f} ms, {len(rows)} rows, {hits} db hits")
                for depth, op, n, h, details in ops:
                    print(f"  {'  ' * depth}{op:<28} rows {n:>7}  hits {h:>8}  {details}")


if __name__ == "__main__":
    main()
