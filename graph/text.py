"""Text as it comes in, made comparable: one home for Unicode clean-up.

Every entrance uses it — article text, names typed on the command line, records,
dates: NFKC (full-width letters and digits become ASCII, decomposed Hangul is
composed), and zero-width characters, BOMs and soft hyphens removed.

>>> clean_text("\\ufeffＧｉｍｐｏ\\u200b Ｃｉｔｙ")
'Gimpo City'
>>> import unicodedata
>>> clean_text(unicodedata.normalize("NFD", "김포시")) == "김포시"
True
>>> clean_text("２０２４"), clean_text("사천ㆍ고성")
('2024', '사천·고성')
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["clean_text"]

_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]")


def clean_text(text: str) -> str:
    """NFKC, with zero-width characters, BOMs and soft hyphens removed (see the module docstring)."""
    # invisible characters first: one between two jamo would keep them from composing
    text = unicodedata.normalize("NFKC", _INVISIBLE.sub("", str(text)))
    # ㆍ (arae-a), which Korean news writes between listed names, would become a jamo: it is a middle dot
    return text.replace("\u119e", "·")
