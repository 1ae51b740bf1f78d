"""Dates: the publication date of an article, and event dates resolved against it.

>>> publication_date(["이귀선기자 | 기사입력 2024/02/07 [11:54]"])
'2024-02-07'
>>> resolve_event_date("오산시와 교육지원청이 6일 협약을 체결했다.", "2024-02-07")
'2024-02-06'
>>> resolve_event_date("지난해 1월 체결한 업무협약", "2024-02-07")
'2023-01'
>>> resolve_event_date("지난해 12월 4일 체결했다", "2024-02-04")
'2023-12-04'
>>> resolve_event_date("협약을 체결했다.", None) is None
True
>>> resolve_event_date("The two signed an agreement Wednesday.", "2025-03-13")
'2025-03-12'

"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

__all__ = ["publication_date", "resolve_event_date", "explicit_dates", "normalize_date"]

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})

_PUB_PATTERNS = [
    re.compile(r"(?:기사)?(?:입력|등록|발행|승인|게재)\s*[:：]?\s*(\d{4})[./\-년]\s*(\d{1,2})[./\-월]\s*(\d{1,2})"),
    re.compile(r"^(\d{4})[./-](\d{1,2})[./-](\d{1,2})\s*\((?:월|화|수|목|금|토|일)\)"),
    re.compile(r"(?:published|posted|updated|date)\s*[:：]?\s*(\d{4})[./-](\d{1,2})[./-](\d{1,2})", re.I),
]
_EN_DATE = re.compile(
    r"\b(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?\s+(\d{1,2}),?\s+(\d{4})\b", re.I
)
_FULL_KO = re.compile(r"(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일")
_ISO = re.compile(r"\b(\d{4})[./-](\d{1,2})[./-](\d{1,2})\b")


def _valid(y: int, m: int, d: int | None = None) -> bool:
    if not (1990 <= y <= 2100 and 1 <= m <= 12):
        return False
    if d is None:
        return True
    return 1 <= d <= calendar.monthrange(y, m)[1]


def _fmt(y: int, m: int | None = None, d: int | None = None) -> str:
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


def normalize_date(value) -> str | None:
    """Any metadata date (2024-02-07, 2024.02.07, 20240207, datetime) → ISO text, or None."""
    if value is None:
        return None
    s = str(value).strip()
    m = re.match(r"^(\d{4})[./-]?(\d{2})[./-]?(\d{2})", s)
    if m and _valid(int(m[1]), int(m[2]), int(m[3])):
        return _fmt(int(m[1]), int(m[2]), int(m[3]))
    m = _EN_DATE.search(s)
    if m and _valid(int(m[3]), _MONTHS[m[1].lower()], int(m[2])):
        return _fmt(int(m[3]), _MONTHS[m[1].lower()], int(m[2]))
    return None


def publication_date(lines: list[str], head: int = 25) -> str | None:
    """The publication date stated near the top of the page (bylines, date lines, English datelines)."""
    for line in lines[:head]:
        s = line.strip()
        for pat in _PUB_PATTERNS:
            m = pat.search(s)
            if m and _valid(int(m[1]), int(m[2]), int(m[3])):
                return _fmt(int(m[1]), int(m[2]), int(m[3]))
        m = _EN_DATE.search(s)
        if m and len(s) < 80 and _valid(int(m[3]), _MONTHS[m[1].lower()], int(m[2])):
            return _fmt(int(m[3]), _MONTHS[m[1].lower()], int(m[2]))
    return None


def explicit_dates(text: str) -> list[str]:
    """Full dates written out in the text (2021년 11월 30일, 2024.02.07, February 7, 2024)."""
    out = []
    for m in _FULL_KO.finditer(text):
        if _valid(int(m[1]), int(m[2]), int(m[3])):
            out.append(_fmt(int(m[1]), int(m[2]), int(m[3])))
    for m in _ISO.finditer(text):
        if _valid(int(m[1]), int(m[2]), int(m[3])):
            out.append(_fmt(int(m[1]), int(m[2]), int(m[3])))
    for m in _EN_DATE.finditer(text):
        if _valid(int(m[3]), _MONTHS[m[1].lower()], int(m[2])):
            out.append(_fmt(int(m[3]), _MONTHS[m[1].lower()], int(m[2])))
    return out


def _day_before_or_on(anchor: date, day: int) -> str | None:
    y, m = anchor.year, anchor.month
    if day > anchor.day:  # "6일" written on the 3rd means last month's 6th
        m -= 1
        if m == 0:
            y, m = y - 1, 12
    return _fmt(y, m, day) if _valid(y, m, day) else None


def _day_on_or_after(anchor: date, day: int) -> str | None:
    y, m = anchor.year, anchor.month
    if day < anchor.day:
        m += 1
        if m == 13:
            y, m = y + 1, 1
    return _fmt(y, m, day) if _valid(y, m, day) else None


_REL_YEAR_MONTH = re.compile(r"(지난해|작년|올해|금년|내년)\s*(\d{1,2})\s*월(?:\s*(\d{1,2})\s*일)?")
_LAST_MONTH_DAY = re.compile(r"(지난달|지난 달|이번 달|이달|다음 달|다음달)\s*(\d{1,2})\s*일")
_YEAR_MONTH = re.compile(r"(\d{4})\s*년\s*(\d{1,2})\s*월(?!\s*\d{1,2}\s*일)")
_MONTH_DAY = re.compile(r"(?<![\d년])(\d{1,2})\s*월\s*(\d{1,2})\s*일")
_FUTURE_DAY = re.compile(r"오는\s*(\d{1,2})\s*일")
_PAST_DAY = re.compile(r"(?<![\d월.\w])(\d{1,2})\s*일(?=\s|에|부터|까지|,|$)(?!\s*(?:이내|간|동안|만에))")
_EN_IN_MONTH = re.compile(r"\b(?:in|since|from|during)\s+(" + "|".join(calendar.month_name[1:]) + r")\b(?!\s+\d)")
_YEAR = re.compile(r"(?<![\d∼~-])(\d{4})\s*년(?!\s*\d{1,2}\s*월|\s*(?:부터|까지|간|도|∼|~|-))|\bin\s+(\d{4})\b")
_WEEKDAYS = {d: i for i, d in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))}
_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!,?\s+\w+\s+\d)")
_EN_ORDINAL = re.compile(r"\bon the (?:\w+ of the )?(\d{1,2})(?:st|nd|rd|th)\b", re.I)
_EN_MONTH_DAY = re.compile(r"\b(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?\s+(\d{1,2})\b(?!,?\s*\d{4})", re.I)


def resolve_event_date(sentence: str, pub: str | None, anchors: list[str] | None = None) -> str | None:
    """The date an event in ``sentence`` happened, resolved against the publication date.

    Returns YYYY-MM-DD, YYYY-MM or YYYY, or None when the sentence gives no
    date or it cannot be placed (never a guess). ``anchors`` are full dates
    stated elsewhere in the article, used when the publication date is unknown
    (오는 30일 in an article that prints 2021년 11월 30일 is that day).
    """
    full = explicit_dates(sentence)
    if full:
        return full[0]
    m = _YEAR_MONTH.search(sentence)
    if m and _valid(int(m[1]), int(m[2])):
        return _fmt(int(m[1]), int(m[2]))
    anchor = None
    if pub and re.match(r"^\d{4}-\d{2}-\d{2}$", pub):
        anchor = date.fromisoformat(pub)
    m = _REL_YEAR_MONTH.search(sentence)
    if m and anchor:
        shift = {"지난해": -1, "작년": -1, "올해": 0, "금년": 0, "내년": 1}[m[1]]
        if m[3] and _valid(anchor.year + shift, int(m[2]), int(m[3])):
            return _fmt(anchor.year + shift, int(m[2]), int(m[3]))
        if _valid(anchor.year + shift, int(m[2])):
            return _fmt(anchor.year + shift, int(m[2]))
    m = _MONTH_DAY.search(sentence)
    if m and anchor:
        mo, d = int(m[1]), int(m[2])
        y = anchor.year if (mo, d) <= (anchor.month, anchor.day) or "오는" in sentence else anchor.year - 1
        if _valid(y, mo, d):
            return _fmt(y, mo, d)
    m = _LAST_MONTH_DAY.search(sentence)
    if m and anchor:
        shift = {"지난달": -1, "지난 달": -1, "이번 달": 0, "이달": 0, "다음 달": 1, "다음달": 1}[m[1]]
        y, mo = anchor.year, anchor.month + shift
        if mo == 0:
            y, mo = y - 1, 12
        if mo == 13:
            y, mo = y + 1, 1
        if _valid(y, mo, int(m[2])):
            return _fmt(y, mo, int(m[2]))
    fut = _FUTURE_DAY.search(sentence)
    past = _PAST_DAY.search(sentence) or _EN_ORDINAL.search(sentence)
    day_match = fut or past
    if day_match:
        day = int(day_match[1])
        if anchor:
            return _day_on_or_after(anchor, day) if fut else _day_before_or_on(anchor, day)
        for a in anchors or ():
            if a.endswith(f"-{day:02d}"):
                return a
    m = re.search(r"(지난달|지난 달|이달|이번 달)(?!\s*\d)|\b(last|this) month\b", sentence)
    if m and anchor:
        back = 1 if (m.group(1) or m.group(2)) in ("지난달", "지난 달", "last") else 0
        y, mo = (anchor.year, anchor.month - back) if anchor.month > back else (anchor.year - 1, 12)
        return _fmt(y, mo)
    m = re.search(r"(지난해|작년)(?!\s*\d)", sentence)
    if m and anchor:
        return _fmt(anchor.year - 1)
    m = re.search(r"(?<![\d년.])(\d{1,2})\s*월(?!\s*\d{1,2}\s*일)(?:에|중|말|초)?", sentence)
    if m and anchor and 1 <= int(m.group(1)) <= 12:
        # 3월에 (no year): this year's, or last year's if that month is still to come
        mo = int(m.group(1))
        return _fmt(anchor.year if mo <= anchor.month else anchor.year - 1, mo)
    m = _EN_IN_MONTH.search(sentence)
    if m and anchor:
        mo = _MONTHS[m.group(1).lower()]
        return _fmt(anchor.year if mo <= anchor.month else anchor.year - 1, mo)
    m = _WEEKDAY.search(sentence)
    if m and anchor:
        # "signed Wednesday" in a Thursday paper: the latest such day on or before publication
        back = (anchor.weekday() - _WEEKDAYS[m.group(1).lower()[:3]]) % 7
        return (anchor - timedelta(days=back)).isoformat()
    m = _EN_MONTH_DAY.search(sentence)
    if m and anchor:
        mo, d = _MONTHS[m[1].lower()], int(m[2])
        y = anchor.year if (mo, d) <= (anchor.month, anchor.day) else anchor.year - 1
        if _valid(y, mo, d):
            return _fmt(y, mo, d)
    m = _YEAR.search(sentence)
    if m and 1990 <= int(m.group(1) or m.group(2)) <= (anchor.year if anchor else 9999):
        # 지난 2017년 협약을 맺고, signed in 2023: the year alone (not 2017년부터, a period)
        return _fmt(int(m.group(1) or m.group(2)))
    return None
