"""Article text → sentences.

Scraped Korean pages often wrap lines inside words; a long line that does not
end a sentence is joined to the next Hangul line.

>>> split_sentences(["김포시가 협의회를 열었다. 교육청도 참석했다.", "Gimpo City held a meeting."])
['김포시가 협의회를 열었다.', '교육청도 참석했다.', 'Gimpo City held a meeting.']
"""

from __future__ import annotations

import re

__all__ = ["split_sentences", "join_wrapped"]

_END = re.compile(r"[.!?。”\"’')\]]$")
_SPLIT = re.compile(
    r"(?<=[다요죠음함됨임][.!?])\s*(?=\S)"  # Korean sentence endings, even without a space after
    r"|(?<=[.!?])[”\"’']?\s+(?=[\"“‘'(\[]?[A-Z가-힣0-9①-⑩▲△■□◆○•-])"
)
_ABBREV = re.compile(r"(?:\b(?:Mr|Ms|Mrs|Dr|Prof|No|St|Jr|Sr|vs|etc|e\.g|i\.e|U\.S|Co|Inc|Ltd|Gov|Supt|Rep|Sen|Lt|"
                     r"Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.)$")


def join_wrapped(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        if (
            out
            and len(out[-1]) >= 40
            and not _END.search(out[-1])
            and re.match(r"[가-힣]", line)
            and re.search(r"[가-힣,]$", out[-1])
        ):
            out[-1] = out[-1] + line
        else:
            out.append(line)
    return out


def split_sentences(lines: list[str]) -> list[str]:
    sentences: list[str] = []
    for para in join_wrapped(lines):
        start = 0
        for m in _SPLIT.finditer(para):
            piece = para[start:m.start()].strip()
            if piece and _ABBREV.search(piece):
                continue
            if piece:
                sentences.append(piece)
            start = m.end()
        rest = para[start:].strip()
        if rest:
            sentences.append(rest)
    return sentences
