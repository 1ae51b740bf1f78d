"""Values that articles, records and command arguments write in many ways: agreement kinds and dates.

One place for both, so that the extractor, researchers' records and ``ask``
agree on them (an agreement's kind is part of its id).

>>> agreement_kind("업무협약을 체결"), agreement_kind("a memorandum of understanding")
('업무협약', 'MOU')
>>> partial_date("2024.2"), partial_date("20240206"), partial_date("last year") is None
('2024-02', '2024-02-06', True)
"""

from __future__ import annotations

import calendar
import re

from .text import clean_text

__all__ = ["agreement_kind", "known_agreement_kind", "partial_date", "AGREEMENT_KINDS"]

AGREEMENT_KINDS = ("업무협약", "MOU", "부속 합의서", "공동선언", "협약")
_GENERIC = {"협약", "agreement"}
_PARTIAL = re.compile(r"^(\d{4})(?:[-./](\d{1,2})(?:[-./](\d{1,2}))?)?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def agreement_kind(term: str) -> str:
    """The kind an agreement term names; 협약 when it names none more precisely."""
    t = term.lower()
    if "합의" in t or "attached" in t:
        return "부속 합의서"
    if "선언" in t or "declaration" in t:
        return "공동선언"
    if "mou" in t or "양해각서" in t or "memorandum" in t:
        return "MOU"
    if "업무협약" in t or "business agreement" in t:
        return "업무협약"
    return "협약"


def known_agreement_kind(term: str) -> str | None:
    """Like :func:`agreement_kind` for a kind typed by a user (spaces ignored); None when it names no kind."""
    kind = agreement_kind(term.strip())
    if kind == "협약":
        kind = agreement_kind(re.sub(r"\s+", "", term))
    if kind != "협약" or re.sub(r"\s+", "", term).lower() in _GENERIC:
        return kind
    return None


def partial_date(value) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD (also with . or /, or YYYYMMDD) → ISO form of that precision, or None."""
    text = clean_text(value).strip()
    m = _PARTIAL.match(text) or _COMPACT.match(text)
    if not m:
        return None
    year, month, day = m.groups()
    if (month and not 1 <= int(month) <= 12) or (day and not 1 <= int(day) <= calendar.monthrange(int(year), int(month))[1]):
        return None  # 2024-02-30 is no date
    return "-".join([year] + [f"{int(x):02d}" for x in (month, day) if x])
