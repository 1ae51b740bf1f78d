"""Deterministic identifiers: the same fact always gets the same id.

>>> make_id("Agreement", "김포시", "2024-02")
'agr_c36ffb3e9f76a74f'
"""

import hashlib
import re

from .text import clean_text

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
    return clean_text(part).strip()


def make_id(label: str, *parts) -> str:
    """Return ``<prefix>_<16 hex>`` from the label and the identifying parts."""
    digest = hashlib.sha256("\x1f".join([label, *map(_norm, parts)]).encode("utf-8")).hexdigest()
    return f"{PREFIXES.get(label, label.lower())}_{digest[:16]}"


_SENTENCE_BREAK = re.compile(r"(?<=[.!?。])\s+|\n+")
_NOT_WORD = re.compile(r"[^\w]+")


def content_hash(text: str) -> str:
    """Document id: a fingerprint of the article's own sentences, so the same article scraped as text, as
    a page or from an archive export (with or without menus, bylines and the headline) is one document.

    The longest sentences carry the article; page chrome and headlines are short.

    >>> body = ("김포시와 김포교육지원청이 3일 업무협약을 맺었다고 4일 밝혔다. 두 기관은 돌봄과 방과후 학교를 "
    ...         "함께 운영하기로 했다. 협약식에는 양 기관 관계자 20여명이 참석했다.")
    >>> page = chr(10).join(["메뉴", "로그인", body])                  # a scraped page, one line per block
    >>> export = chr(10).join(["제목", body.replace(" ", "  "), "홍길동 기자"])  # the same article elsewhere
    >>> content_hash(page) == content_hash(export) != content_hash(body + " 다른 기사라면 본문에 이처럼 서로 다른 긴 문장이 적어도 하나는 더 있기 마련이다.")
    True
    """
    text = clean_text(text)
    pieces = {_NOT_WORD.sub("", p).lower() for p in _SENTENCE_BREAK.split(text)}
    long = sorted((p for p in pieces if len(p) >= 20), key=lambda p: (-len(p), p))[:8]
    key = "\n".join(sorted(long)) if len(long) >= 3 else _NOT_WORD.sub("", text).lower()
    return "doc_" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]
