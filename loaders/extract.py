"""Extraction entry points; the stages live in ``loaders/extraction/``.

>>> from edugraph.loaders.documents import Document
>>> ann = extract_document(Document("오산시와 화성오산교육지원청이 업무협약을 맺었다.", name="a.txt", date="2024-02-07"))
>>> sorted(r["source"] for r in ann["relations"] if r["type"] == "SIGNED")
['경기도화성오산교육지원청', '오산시']
"""

from __future__ import annotations

from .documents import Document
from .extraction import extract
from .extraction.mentions import ORG_TYPES, load_lexicon

__all__ = ["extract_document", "ORG_TYPES", "load_lexicon"]


def extract_document(doc: Document) -> dict:
    """The annotation of one document (docs/annotation.md)."""
    return extract(doc)
