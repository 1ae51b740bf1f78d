"""Finding reference actors and programmes in a sentence.

Every name form of the reference data is indexed after normalisation; a
sentence is tokenised (Hangul runs, English words with inner hyphens, digits)
and n-grams up to seven tokens are looked up longest first, with a trailing
Korean particle tried off. Bare place names (김포, Seoul, 경기) are not
mentions on their own: news uses them as modifiers (김포 교육발전특구).

>>> g = Gazetteer.default()
>>> [(m.surface, m.candidates[0].name_ko, m.particle) for m in g.find("오산시와 화성오산교육지원청이 협약을 맺었다.")]
[('오산시', '오산시', '와'), ('화성오산교육지원청', '경기도화성오산교육지원청', '이')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..graph.reference import Entity
from ..graph.resolve import Resolver, default_resolver, normalize_name, strip_particle

__all__ = ["Gazetteer", "Mention", "TOKEN"]

TOKEN = re.compile(r"[가-힣]+|[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]|\d+")

# A Korean name form is a mention on its own only if it ends like an institution.
_KO_STRONG_END = ("시", "도", "군", "구", "청", "부", "회", "원", "처", "교", "단", "의", "소", "터", "구청", "지구", "특구")
_EN_STRONG_WORDS = re.compile(
    r"\b(city|county|district|province|office|ministry|council|committee|commission|association|"
    r"university|government|state|assembly|institute|zone|special|metropolitan)\b|-(?:gu|si|gun|do)\b",
    re.I,
)
_HANGUL = re.compile(r"[가-힣]")


def _strong(form: str, entity: Entity) -> bool:
    if entity.label == "Program":
        return len(normalize_name(form)) >= 4
    if _HANGUL.search(form):
        return form.endswith(_KO_STRONG_END) and len(form) >= 2
    return bool(_EN_STRONG_WORDS.search(form))


@dataclass
class Mention:
    start: int
    end: int  # end of the name, particle excluded
    surface: str
    candidates: list
    particle: str = ""
    token_end: int = 0  # end of the whole token, particle included

    @property
    def entity(self) -> Entity | None:
        return self.candidates[0] if len(self.candidates) == 1 else None


class Gazetteer:
    """The index of strong name forms; see the module docstring."""

    MAX_NGRAM = 7

    def __init__(self, resolver: Resolver):
        self.resolver = resolver
        self._recent: dict[str, list[Mention]] = {}
        self.index: dict[str, list[Entity]] = {}
        self.program_forms: list[tuple[str, Entity]] = []
        # first words of multi-word forms: only those tokens start an n-gram look-up
        self.first_words: set[str] = set()
        for e in resolver.reference.entities:
            if e.label == "Person":
                continue
            for form in {e.name_ko, e.name_en, *e.aliases}:
                if not form or not _strong(form, e):
                    continue
                key = normalize_name(form)
                words = form.split()
                if len(words) > 1:
                    # "Hwaseong Osan Office …" is also written "Hwaseong-Osan Office …" (one token)
                    self.first_words.add(normalize_name(words[0]))
                    self.first_words.add(normalize_name(words[0] + words[1]))
                bucket = self.index.setdefault(key, [])
                if e not in bucket:
                    bucket.append(e)
                if e.label == "Program" and _HANGUL.search(form) and len(key) >= 4:
                    self.program_forms.append((key, e))
        self.program_forms.sort(key=lambda p: len(p[0]), reverse=True)
        self._program_by_key = {}
        for key, entity in self.program_forms:
            self._program_by_key.setdefault(key, entity)
        self._program_re = re.compile("|".join(re.escape(k) for k, _ in self.program_forms)) if self.program_forms else None

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> "Gazetteer":
        return cls(default_resolver())

    def _lookup(self, text: str):
        if text.endswith(("'s", "’s")):
            text = text[:-2]  # the Ministry of Education's …
        key = normalize_name(text)
        hit = self.index.get(key)
        if hit:
            return hit, key, ""
        if _HANGUL.search(text[-1:] or ""):
            for stripped in strip_particle(key):
                hit = self.index.get(stripped)
                if hit:
                    return hit, stripped, key[len(stripped):]
        return None, key, ""

    def find(self, sentence: str) -> list[Mention]:
        """Reference mentions in ``sentence``, longest match first, not overlapping."""
        # a sentence is read by the article's 시·도 vote and then by the mention stage: read it once
        cached = self._recent.get(sentence)
        if cached is not None:
            return [Mention(m.start, m.end, m.surface, list(m.candidates), m.particle, m.token_end) for m in cached]
        out = self._find(sentence)
        if len(self._recent) > 512:
            self._recent.clear()
        self._recent[sentence] = out
        return [Mention(m.start, m.end, m.surface, list(m.candidates), m.particle, m.token_end) for m in out]

    def _find(self, sentence: str) -> list[Mention]:
        tokens = list(TOKEN.finditer(sentence))
        out: list[Mention] = []
        i = 0
        while i < len(tokens):
            found = None
            longest = self.MAX_NGRAM if normalize_name(tokens[i].group()) in self.first_words else 1
            for n in range(min(longest, len(tokens) - i), 0, -1):
                first, last = tokens[i], tokens[i + n - 1]
                if n > 1:
                    gaps = [sentence[tokens[j].end():tokens[j + 1].start()] for j in range(i, i + n - 1)]
                    if any(g.strip(" -") for g in gaps):
                        continue
                span = sentence[first.start():last.end()]
                hit, key, particle = self._lookup(span)
                if hit:
                    end = last.end() - len(particle)
                    found = Mention(first.start(), end, sentence[first.start():end], list(hit), particle, last.end())
                    i += n
                    break
            if found:
                out.append(found)
            else:
                i += 1
        return out

    def programs_inside(self, sentence: str) -> list[tuple[int, int, Entity]]:
        """Reference programmes written inside a longer word (오산미래교육협력지구 → 미래교육협력지구)."""
        squeezed = []
        for m in TOKEN.finditer(sentence):
            word = m.group()
            if not _HANGUL.search(word):
                continue
            if self._program_re is None or len(word) < 5:
                continue
            hit = self._program_re.search(word, 1)
            if hit:
                key, pos = hit.group(), hit.start()
                squeezed.append((m.start() + pos, m.start() + pos + len(key), self._program_by_key[key], word[:pos]))
        return squeezed
