"""Scoring the graph, not only the extractor: ingest articles into a fresh store built from the reference and
compare its cooperation ties with the union of the gold.

A tie is a ``COOPERATES_WITH`` between two actors or two actors who signed one
agreement (a signing only announced is not a tie); a gold pair is matched by a
graph tie whose two ends carry its names in any of their forms (the name on
the article's date, a former name, an alias), so renamed actors and
homonyms written with their 시·도 count as the same. The graph's governments
and offices of education that the reference does not hold are counted: ingest
adds none.

>>> gold = [{"doc": "a.txt", "date": "2024-03-05", "entities": [], "relations": [
...     {"type": "COOPERATES_WITH", "source": "가평군", "target": "경기도가평교육지원청"}]}]
>>> from edugraph.loaders.documents import Document
>>> docs = [Document("가평군과 가평교육지원청이 4일 돌봄 협력을 논의했다.", name="a.txt", date="2024-03-05")]
>>> result = score_graph(gold, docs)
>>> result["cooperation"]["f1"], result["added_nodes"]
(1.0, [])
"""

from __future__ import annotations

import os
import tempfile

from ..graph.cypher import load_cypher
from ..graph.reference import load_reference
from ..graph.store import open_store
from .evaluate import _prf, _tiers, norm
from .ingest import ingest_documents
from .reference_loader import load_reference_into

__all__ = ["score_graph", "graph_ties"]


def graph_ties(store) -> tuple[set, dict, list]:
    """The store's cooperation ties as pairs of ids, every actor's names (normalised), and the governments and
    offices of education that are not the reference's."""
    ties = {tuple(sorted((r["a"], r["b"]))) for r in store.run_file(load_cypher("edugraph.loaders", "graph_ties"), {})}
    names: dict = {}
    ref = load_reference()
    for r in store.run_file(load_cypher("edugraph.loaders", "graph_actors"), {}):
        forms = {r["name"], *(r["aliases"] or [])}
        e = ref.by_id.get(r["id"])
        if e is not None:
            forms |= {e.name_ko, *e.aliases}
            forms |= {former for former, _until in _former_names(e)}
        names[r["id"]] = {norm(f) for f in forms if f} | {norm(f, council=True) for f in forms if f}
    added = sorted(r["id"] for r in store.run_file(load_cypher("edugraph.loaders", "graph_actors"), {})
                   if {"LocalGovernment", "EducationOffice"} & set(r["labels"]) and r["id"] not in ref.by_id)
    return ties, names, added


def _former_names(e):
    from ..graph.reference import _former_names as former

    return former(e)


def score_graph(gold: list[dict], docs, store_location: str | None = None) -> dict:
    """Ingest ``docs`` into a fresh store built from the reference (a temporary embedded one unless
    ``store_location`` names an empty one) and score its cooperation ties against the gold documents' union."""
    with tempfile.TemporaryDirectory(prefix="edugraph-graph-score-") as tmp:
        location = store_location or os.path.join(tmp, "graph.db")
        with open_store(location) as store:
            load_reference_into(store)
            summary = ingest_documents(store, docs)
            ties, names, added = graph_ties(store)
    gold_pairs = set()
    for g in gold:
        gold_pairs |= _tiers(g)["cooperation"]
    matched_gold = {p for p in gold_pairs if any(_fits(p, t, names) for t in ties)}
    matched_ties = {t for t in ties if any(_fits(p, t, names) for p in gold_pairs)}
    # precision counts the graph's ties with at least one end an article named: the reference alone ties none
    score = _prf(len(matched_gold), len(ties), len(gold_pairs))
    score["precision"] = round(len(matched_ties) / len(ties), 4) if ties else (1.0 if not gold_pairs else 0.0)
    p, r = score["precision"], score["recall"]
    score["f1"] = round(2 * p * r / (p + r), 4) if p + r else 0.0
    return {"cooperation": score, "added_nodes": added, "unsettled": summary.unsettled,
            "documents": summary.documents}


def _fits(pair: frozenset, tie: tuple, names: dict) -> bool:
    a, b = sorted(pair)
    x, y = tie
    nx, ny = names.get(x, set()), names.get(y, set())
    return (a in nx and b in ny) or (a in ny and b in nx)
