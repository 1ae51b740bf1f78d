"""Write the reference skeleton (graph/reference/) into a store.

Each curated fact cites its source: the source URL becomes a ``Document`` node
and its id is the fact's provenance, like any news article.

>>> from edugraph.graph.store import open_store
>>> with open_store("/tmp/ref-doctest.db") as store:        # doctest: +SKIP
...     load_reference_into(store)["nodes"] > 400
True
"""

from __future__ import annotations

from urllib.parse import urlsplit

from ..graph.ids import make_id
from ..graph.reference import Reference, load_reference
from ..graph.writer import GraphWriter

__all__ = ["load_reference_into", "reference_document_id"]

KNOWLEDGE = "knowledge"


def reference_document_id(source_url: str) -> str:
    # A prefix of their own lets queries tell reference sources from articles without a lookup.
    return "ref" + make_id("Document", "reference", source_url or KNOWLEDGE)


def _document(writer: GraphWriter, source_url: str) -> str:
    doc_id = reference_document_id(source_url)
    if source_url and source_url != KNOWLEDGE:
        writer.node("Document", doc_id, url=source_url, title=f"Reference source: {source_url}",
                    publisher=urlsplit(source_url).hostname, lang="ko", kind="reference")
    else:
        writer.node("Document", doc_id, title="EduGraph reference data (general knowledge; no source seen)",
                    kind="reference")
    return doc_id


def load_reference_into(store, reference: Reference | None = None, batch_size: int = 500) -> dict:
    """Write every reference entity and fact; idempotent. Returns the writer's counts."""
    ref = reference or load_reference()
    writer = GraphWriter(store, batch_size=batch_size)
    for e in ref.entities:
        props = dict(
            name_ko=e.name_ko, name_en=e.name_en or None, aliases=list(e.aliases), level=e.level,
            province_ko=e.province_ko, valid_from=e.valid_from, valid_to=e.valid_to,
            status=e.status, certainty=e.certainty, source_url=e.source_url or None, note=e.note or None,
            reference=True, **e.props,
        )
        writer.node(e.label, e.id, **props)
    for f in ref.facts:
        src, dst = ref.by_id[f.source], ref.by_id[f.target]
        doc = _document(writer, f.source_url)
        date = f.props.get("year") or f.valid_from
        writer.rel(f.type, (src.label, src.id), (dst.label, dst.id), key=f.key,
                   source_doc=doc, evidence=f.evidence, seen=date, **f.props)
    return writer.flush()
