"""Articles → graph: extract each document and write its facts with provenance.

Documents already ingested (by content hash) are skipped, so re-running an
ingest finishes an interrupted one and otherwise changes nothing.

>>> from edugraph.loaders.ingest import annotation_to_rows   # doctest: +SKIP
"""

from __future__ import annotations

import logging
from functools import lru_cache
from dataclasses import dataclass, field
from pathlib import Path

from ..graph.cypher import load_cypher
from ..graph.errors import InputError
from ..graph.ids import make_id
from ..graph.reference import load_reference
from ..graph.writer import GraphWriter
from .documents import Document
from ..graph.values import agreement_kind
from .extract import extract_document
from .readers import iter_files, read_path
from .records import is_records_file, read_records, write_records

__all__ = ["ingest_paths", "ingest_documents", "ingest_records", "write_annotation", "IngestSummary", "examples_dir"]

log = logging.getLogger(__name__)


@dataclass
class IngestSummary:
    files: int = 0
    documents: int = 0
    skipped: int = 0
    failed: int = 0
    records: int = 0
    facts: int = 0
    errors: list = field(default_factory=list)
    # governments and offices named in a document that the reference does not settle: (name, document)
    unsettled: list = field(default_factory=list)

    def line(self) -> str:
        records = f", {self.records} records" if self.records else ""
        bad_rows = len(self.errors) - self.failed
        rows = f", {bad_rows} bad rows" if bad_rows else ""
        return (f"{self.files} files, {self.documents} documents read{records}, {self.skipped} skipped "
                f"(already ingested), {self.failed} failed{rows}; {self.facts} facts written")

    def unsettled_line(self, limit: int | None = 5) -> str | None:
        """'3 mentions could not be settled: 중구 (a.txt), …' (every one when ``limit`` is None), or None."""
        if not self.unsettled:
            return None
        shown = self.unsettled if limit is None else self.unsettled[:limit]
        more = f", … (--verbose lists all {len(self.unsettled)})" if len(shown) < len(self.unsettled) else ""
        names = ", ".join(f"{name} ({doc})" for name, doc in shown)
        what = "mention" if len(self.unsettled) == 1 else "mentions"
        return (f"{len(self.unsettled)} {what} could not be settled: {names}{more}; governments and offices of "
                f"education come from the reference only, so these were left out of the graph")


def examples_dir() -> Path | None:
    """The checkout's examples/ folder: beside the package when it runs from the checkout, else in the current
    folder when that is the checkout (a regular install run from it); None elsewhere."""
    for here in (Path(__file__).resolve().parent.parent / "examples", Path.cwd() / "examples"):
        readme = here / "README.md"
        # the folder's own README names it: an unrelated examples/ folder is never ingested
        if readme.is_file() and "EduGraph" in readme.read_text(encoding="utf-8")[:400]:
            return here
    return None


def _entity_id(ent: dict, date: str | None) -> tuple[str, str]:
    """(label, id) of an annotated entity: the reference id the extractor resolved in context, else a hash.

    A name is never resolved again here: without the article's 시·도 a homonym (중구, 고성군) would go wrong.
    """
    label = ent["type"]
    if ent.get("id"):
        return label, ent["id"]
    # An entity the extractor named exactly as the reference does, where no other reference entity of that
    # type has the name, is that entity (a council found by the shape of its name, say): no homonym can be hit.
    same = _official_names().get((label, ent["canonical_ko"]), [])
    if len(same) == 1:
        return label, same[0]
    return label, make_id(label, ent["canonical_ko"])


@lru_cache(maxsize=1)
def _official_names() -> dict:
    names: dict = {}
    for e in load_reference().entities:
        names.setdefault((e.label, e.name_ko), []).append(e.id)
    return names


# Governments and offices of education are the reference's: ingest never makes one up.
_REFERENCE_ONLY = ("LocalGovernment", "EducationOffice")


def write_annotation(writer: GraphWriter, doc: Document, ann: dict, unsettled: list | None = None) -> int:
    """Add one document's annotation to the writer; returns the number of facts.

    A government or office of education the extractor could not settle to a reference entity (a homonym
    without context, a name the reference does not know) is left out with its relations and noted in
    ``unsettled`` as (name, document): the graph never holds a government or office the reference lacks.
    """
    date = ann.get("date")
    writer.node("Document", doc.id, name_ko=doc.title or doc.name, title=doc.title, url=doc.url,
                publisher=doc.publisher, date=date, lang=ann.get("lang"), name=doc.name, kind="article")
    ids: dict[str, tuple[str, str]] = {}
    agreements: dict[str, list] = {}
    for rel in ann["relations"]:
        if rel["type"] == "SIGNED":
            agreements.setdefault(rel["target"], []).append(rel)
    for ent in ann["entities"]:
        name = ent["canonical_ko"]
        if ent["type"] == "Agreement":
            continue
        label, node_id = _entity_id(ent, date)
        if label in _REFERENCE_ONLY and node_id not in load_reference().by_id:
            if unsettled is not None:
                unsettled.append((ent.get("name") or name, doc.name))
            continue
        ids[name] = (label, node_id)
        props = {"name_ko": name, "aliases": [ent["name"]] if ent["name"] != name else []}
        if ent.get("level"):
            props["level"] = ent["level"]
        writer.node(label, node_id, authoritative=False, **props)
    for name, signs in agreements.items():
        parties = sorted(ids[r["source"]][1] for r in signs if r["source"] in ids)
        when = next((r.get("date") for r in signs if r.get("date")), None)
        kind = agreement_kind(name)
        # One event, many reports: same parties, same month, same kind → one Agreement.
        node_id = make_id("Agreement", kind, *parties, (when or date or "undated")[:7])
        ids[name] = ("Agreement", node_id)
        flag = "announced" if all(r.get("status") == "planned" for r in signs) else "signed"
        writer.node("Agreement", node_id, authoritative=False, name_ko=name, kind=kind, date=when, aliases=[name],
                    **{flag: True})
    for label_id in ids.values():
        writer.rel("MENTIONS", ("Document", doc.id), label_id)
    facts = 0
    for rel in ann["relations"]:
        if rel["source"] not in ids or rel["target"] not in ids:
            continue
        props = {"role": rel.get("role")}
        if rel["type"] == "SIGNED":
            props["date"] = rel.get("date")
            props["announced" if rel.get("status") == "planned" else "signed"] = True
        try:
            writer.rel(rel["type"], ids[rel["source"]], ids[rel["target"]],
                       source_doc=doc.id, evidence=rel.get("evidence", ""), seen=rel.get("date") or date, **props)
            facts += 1
        except Exception as exc:  # a relation the schema does not allow is reported, not written
            log.warning("%s: %s %s → %s not written: %s", doc.name, rel["type"], rel["source"], rel["target"], exc)
    if unsettled is not None:
        unsettled.extend((u["name"], doc.name) for u in ann.get("unsettled", ()))
    for fact in ann.get("facts", []):
        if fact["entity"] in ids:
            label, node_id = ids[fact["entity"]]
            writer.node(label, node_id, authoritative=False, **{fact["property"]: fact["value"]})
            facts += 1
    return facts


def _extraction_pool(jobs: int):
    """Worker processes for extraction (fork where the platform has it: workers start with the lexicon loaded)."""
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    return ctx.Pool(jobs)


def ingest_documents(store, docs, batch_size: int = 500, docs_per_batch: int = 50,
                     summary: IngestSummary | None = None, on_document=None, jobs: int = 1) -> IngestSummary:
    """Extract and write documents in batches; each batch ends by marking its documents ingested.

    ``jobs`` > 1 extracts each batch on that many processes; writing stays in this one, in order.
    """
    summary = summary or IngestSummary()
    pool = _extraction_pool(jobs) if jobs > 1 else None
    if pool is not None:
        docs_per_batch = max(docs_per_batch, 100 * jobs)
    ledger = load_cypher("edugraph.loaders", "ingested_documents")
    mark = load_cypher("edugraph.loaders", "mark_ingested")
    note = load_cypher("edugraph.loaders", "note_formats")
    pending: list[Document] = []

    def flush():
        if not pending:
            return
        ids = list(dict.fromkeys(d.id for d in pending))
        done = {r["id"] for r in store.run_file(ledger, {"ids": ids})}
        writer = GraphWriter(store, batch_size=batch_size)
        fresh = []
        todo = []
        for d in pending:
            if d.id in done or d.id in fresh:
                summary.skipped += 1
                continue
            fresh.append(d.id)
            todo.append(d)
        annotations = (pool.map(extract_document, todo, chunksize=16) if pool is not None
                       else [extract_document(d) for d in todo])
        for d, ann in zip(todo, annotations):
            summary.facts += write_annotation(writer, d, ann, summary.unsettled)
        # the same article read again in another form (.txt, .html, .jsonl) is one source, its forms noted
        formats = [{"id": d.id, "format": d.format} for d in pending if d.format]
        # A batch's facts and its ledger entries commit together (one Neo4j transaction): a run cut short
        # leaves whole batches behind it, and the next run redoes the rest.
        with store.transaction():
            writer.flush()
            if fresh:
                store.run_file(mark, {"ids": fresh})
            if formats:
                store.run_file(note, {"rows": formats})
        pending.clear()

    try:
        for d in docs:
            summary.documents += 1
            pending.append(d)
            if on_document:
                on_document(d)
            if len(pending) >= docs_per_batch:
                flush()
        flush()
    finally:
        if pool is not None:
            pool.close()
            pool.join()
    return summary


def _report(summary: IngestSummary, message: str, on_error) -> None:
    summary.errors.append(message)
    if on_error:
        on_error(message)


def ingest_records(store, path, batch_size: int = 500, summary: IngestSummary | None = None,
                   on_error=None) -> IngestSummary:
    """Load one file of researchers' records (see :mod:`edugraph.loaders.records`); bad rows are reported."""
    summary = summary or IngestSummary()
    try:
        records, errors = read_records(path)
    except InputError as exc:
        summary.failed += 1
        _report(summary, str(exc), on_error)
        return summary
    summary.records += len(records)
    for e in errors:
        _report(summary, e, on_error)
    writer = GraphWriter(store, batch_size=batch_size)
    summary.facts += write_records(writer, records)
    with store.transaction():
        writer.flush()
    return summary


def ingest_paths(store, paths, batch_size: int = 500, progress=None, on_error=None,
                 records: bool | None = None, jobs: int = 1) -> IngestSummary:
    """Read every file under ``paths`` and ingest it; unreadable files are counted and reported.

    ``records``: True reads every file as researchers' records, False as
    articles, None (default) decides per file from its type and columns.
    """
    summary = IngestSummary()
    files = list(iter_files(paths))
    as_records = [p for p in files if records or (records is None and is_records_file(p))]
    for path in as_records:
        summary.files += 1
        if progress:
            progress(path)
        ingest_records(store, path, batch_size=batch_size, summary=summary, on_error=on_error)
    files = [p for p in files if p not in as_records]

    def documents():
        for path in files:
            summary.files += 1
            if progress:
                progress(path)
            errors: list = []
            try:
                yield from read_path(path, errors)
            except InputError as exc:
                summary.failed += 1
                _report(summary, str(exc), on_error)
            for e in errors:
                _report(summary, e, on_error)

    return ingest_documents(store, documents(), batch_size=batch_size, summary=summary, jobs=jobs)
