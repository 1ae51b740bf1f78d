"""The Document every reader produces."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from ..graph.ids import content_hash

__all__ = ["Document"]


@dataclass
class Document:
    """One article. ``id`` is a fingerprint of its own sentences, so the same article read twice (or read as
    text, as a page and from an archive export) is one document."""

    text: str
    name: str = ""  # file name or record id, for messages and the annotation's "doc"
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    date: str | None = None
    lang: str | None = None
    hints: dict = field(default_factory=dict)  # e.g. BigKinds' 기관 column: a hint, not truth
    format: str | None = None  # how it was read: txt, html, jsonl, csv, xlsx

    @cached_property
    def id(self) -> str:
        # computed once: ingest asks for it for every fact it writes
        return content_hash(self.text)
