"""Deterministic identifiers: the same fact always gets the same id.

>>> make_id("Agreement", "김포시", "2024-02")
'agr_c36ffb3e9f76a74f'
"""

import hashlib
import unicodedata

__all__ = ["make_id", "content_hash", "PREFIXES"]

PREFIXES = {
    "LocalGovernment": "lg",
    "EducationOffice": "eo",
    "Council": "cnc",
    "Ministry": "min",
    "Institution": "ins",
    "Person": "per",
    "Agreement": "agr",
    "Program": "prg",
    "Document": "doc",
}


def _norm(part) -> str:
    return unicodedata.normalize("NFC", str(part)).strip()


def make_id(label: str, *parts) -> str:
    """Return ``<prefix>_<16 hex>`` from the label and the identifying parts."""
    digest = hashlib.sha256("\x1f".join([label, *map(_norm, parts)]).encode("utf-8")).hexdigest()
    return f"{PREFIXES.get(label, label.lower())}_{digest[:16]}"


def content_hash(text: str) -> str:
    """Document id: a hash of the normalised text, so a re-scraped copy is the same document."""
    normalised = " ".join(unicodedata.normalize("NFC", text).split())
    return "doc_" + hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:20]
