"""Scoring extraction against gold annotations (``docs/annotation.md``).

Tiers: actors, persons, cooperation, participation, heads, agreements; each
precision / recall / F1 per document and micro-averaged.

>>> gold = {"doc": "a", "entities": [{"canonical_ko": "김포시", "type": "LocalGovernment"}], "relations": []}
>>> score_documents([gold], [gold])["micro"]["actors"]["f1"]
1.0
"""

from __future__ import annotations

import re

from ..graph.resolve import default_resolver
from ..graph.text import clean_text

__all__ = ["score_documents", "errors_of", "TIERS", "norm"]

TIERS = ("actors", "persons", "cooperation", "participation", "heads", "agreements")
ORG_TYPES = {"LocalGovernment", "EducationOffice", "Council", "Ministry", "Institution"}


def norm(name: str, council: bool = False) -> str:
    """Remove whitespace, quotes and (가칭); drop a leading province before a district office or municipality;
    write a council's leading province in one form (부산 교육행정협의회 = 부산광역시 교육행정협의회)."""
    s = re.sub(r"[\s'\"‘’“”]", "", clean_text(name or "")).replace("(가칭)", "")
    resolver = default_resolver()
    for length in range(min(8, len(s) - 2), 1, -1):
        head, rest = s[:length], s[length:]
        province = resolver.province_of(head)
        if not province:
            continue
        if any(
            (e.label == "EducationOffice" and e.level == "district") or (e.label == "LocalGovernment" and e.level == "basic")
            for e in resolver.lookup(rest)
        ):
            return rest
        if council:
            return province + rest
    return s


def _tiers(doc: dict) -> dict:
    ents = doc.get("entities", [])
    # planned signings are not signings (corpus README): scoring ignores them
    rels = [r for r in doc.get("relations", []) if r.get("status", "signed") != "planned"]
    councils = {e["canonical_ko"] for e in ents if e.get("type") == "Council"}

    def key(name):
        return norm(name, council=name in councils)

    out = {t: set() for t in TIERS}
    out["actors"] = {(key(e["canonical_ko"]), e["type"]) for e in ents if e.get("type") in ORG_TYPES}
    out["persons"] = {norm(e["canonical_ko"]) for e in ents if e.get("type") == "Person"}
    signers: dict = {}
    dates: dict = {}
    for r in rels:
        s, t = key(r["source"]), key(r["target"])
        if r["type"] == "COOPERATES_WITH":
            out["cooperation"].add(frozenset((s, t)))
        elif r["type"] == "SIGNED":
            signers.setdefault(t, set()).add(s)
            if r.get("date"):
                dates[t] = r["date"]
        elif r["type"] == "PARTICIPATES_IN":
            out["participation"].add((s, t))
        elif r["type"] == "HEADS":
            out["heads"].add((s, t))
    for ag, parties in signers.items():
        for a in parties:
            for b in parties:
                if a < b:
                    out["cooperation"].add(frozenset((a, b)))
        out["agreements"].add((frozenset(parties), dates.get(ag)))
    out["cooperation"] = {p for p in out["cooperation"] if len(p) == 2}
    return out


def _match_count(tier: str, gold: set, pred: set) -> int:
    if tier == "participation":
        used, hits = set(), 0
        for ga, gp in gold:
            for item in pred:
                pa, pp = item
                if item not in used and pa == ga and (gp in pp or pp in gp):
                    used.add(item)
                    hits += 1
                    break
        return hits
    if tier == "agreements":
        used, hits = set(), 0
        for gparties, gdate in gold:
            for item in pred:
                pparties, pdate = item
                if item not in used and pparties == gparties and (gdate is None or gdate == pdate):
                    used.add(item)
                    hits += 1
                    break
        return hits
    return len(gold & pred)


def _prf(tp, n_pred, n_gold):
    p = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    r = tp / n_gold if n_gold else (1.0 if not n_pred else 0.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "predicted": n_pred, "gold": n_gold}


def _unmatched(tier: str, a: set, b: set) -> list:
    """Items of ``a`` that no item of ``b`` matches under the tier's rule."""
    return sorted((x for x in a if _match_count(tier, {x}, b) == 0), key=_show)


def _show(item) -> str:
    if isinstance(item, frozenset):
        return " + ".join(sorted(map(_show, item)))
    if isinstance(item, tuple):
        return " / ".join(_show(x) for x in item if x is not None)
    return str(item)


def errors_of(gold_docs: list[dict], pred_docs: list[dict]) -> list[dict]:
    """Per document and tier, what was missed (in gold, not found) and what was extra (found, not in gold).

    >>> gold = {"doc": "a", "entities": [{"canonical_ko": "김포시", "type": "LocalGovernment"}], "relations": []}
    >>> pred = {"doc": "a", "entities": [{"canonical_ko": "오산시", "type": "LocalGovernment"}], "relations": []}
    >>> [(e["tier"], e["kind"], e["item"]) for e in errors_of([gold], [pred])]
    [('actors', 'missed', '김포시 / LocalGovernment'), ('actors', 'extra', '오산시 / LocalGovernment')]
    """
    preds = {d["doc"]: d for d in pred_docs}
    out = []
    for gold in gold_docs:
        g = _tiers(gold)
        p = _tiers(preds.get(gold["doc"], {"entities": [], "relations": []}))
        for t in TIERS:
            for item in _unmatched(t, g[t], p[t]):
                out.append({"document": gold["doc"], "tier": t, "kind": "missed", "item": _show(item)})
            for item in _unmatched(t, p[t], g[t]):
                out.append({"document": gold["doc"], "tier": t, "kind": "extra", "item": _show(item)})
    return out


def score_documents(gold_docs: list[dict], pred_docs: list[dict]) -> dict:
    """Per-document and micro-averaged scores; documents are paired by ``doc``."""
    preds = {d["doc"]: d for d in pred_docs}
    per_doc = {}
    totals = {t: [0, 0, 0] for t in TIERS}
    for gold in gold_docs:
        pred = preds.get(gold["doc"], {"entities": [], "relations": []})
        g, p = _tiers(gold), _tiers(pred)
        per_doc[gold["doc"]] = {}
        for t in TIERS:
            tp = _match_count(t, g[t], p[t])
            per_doc[gold["doc"]][t] = _prf(tp, len(p[t]), len(g[t]))
            totals[t][0] += tp
            totals[t][1] += len(p[t])
            totals[t][2] += len(g[t])
    return {"documents": per_doc, "micro": {t: _prf(*totals[t]) for t in TIERS}}


# ------------------------------------------------------------- gold pairing
def read_gold(gold_dir) -> list[dict]:
    """The gold annotations of a folder (every ``*.json``); InputError naming a file that is not JSON."""
    import json
    from pathlib import Path

    from ..graph.errors import InputError

    gold = []
    for p in sorted(Path(gold_dir).glob("*.json")):
        try:
            gold.append(json.loads(p.read_text(encoding="utf-8")))
        except json.JSONDecodeError as exc:
            raise InputError(f"{p}: not valid JSON ({exc.msg} at line {exc.lineno})") from None
    if not gold:
        raise InputError(f"{gold_dir} holds no .json gold annotations")
    return gold


def paired_documents(gold: list[dict], files) -> tuple[list, list[str]]:
    """The documents of ``files`` that have a gold annotation (paired by file name), each given its gold
    file's date and url as metadata, as a scraped corpus carries them; and the gold documents no file
    provided (scored as empty, so listed for the reader)."""
    from .readers import iter_files, read_path

    meta = {g["doc"]: g for g in gold}
    docs = []
    for path in iter_files(files):
        for d in read_path(path):
            g = meta.get(d.name)
            if g:
                d.date = d.date or g.get("date")
                d.url = d.url or g.get("url")
            docs.append(d)
    seen = {d.name for d in docs}
    return docs, [g["doc"] for g in gold if g["doc"] not in seen]


def evaluate_files(gold_dir, files, errors: bool = False) -> dict:
    """Extract ``files`` and score them against the gold annotations of ``gold_dir`` (only the gold documents
    the files provide are scored; the others are listed under ``missing``). ``errors``: also what was missed
    and extra per document and tier."""
    from .extract import extract_document

    gold = read_gold(gold_dir)
    docs, missing = paired_documents(gold, files)
    preds = [extract_document(d) for d in docs]
    have = {d.name for d in docs}
    scored = [g for g in gold if g["doc"] in have]
    result = score_documents(scored, preds)
    result["missing"] = missing
    if errors:
        result["errors"] = errors_of(scored, preds)
    return result
