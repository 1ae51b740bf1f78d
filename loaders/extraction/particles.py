"""Korean particles by the part they give a name in a sentence: one home for the extractor's stages.

The full list of particles a name may carry (to strip them before a look-up)
is ``graph.resolve.PARTICLES``; here they are grouped by role, as the
lexicon's ``particles`` section lists them.

>>> role("이"), role("과는"), role("를"), role("에서")
('subject', 'with', 'object', 'place')
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml

__all__ = ["TOPIC_OR_SUBJECT", "SUBJECT", "WITH", "OBJECT", "PLACE", "ENDINGS", "role", "ends_in_particle",
           "HANGUL", "is_korean", "particle_after"]

HANGUL = re.compile(r"[가-힣]")
_AFTER = re.compile(r"[’'”\"」』)]?([가-힣]{0,2})")



@lru_cache(maxsize=1)
def _particles() -> dict:
    # read here rather than through context.load_lexicon: context imports this module
    text = resources.files("edugraph.loaders").joinpath("lexicon.yaml").read_text(encoding="utf-8")
    return {k: tuple(v) for k, v in yaml.safe_load(text)["particles"].items()}


TOPIC_OR_SUBJECT = _particles()["topic_or_subject"]
SUBJECT = TOPIC_OR_SUBJECT + _particles()["subject_also"]
WITH = _particles()["with"]
OBJECT = _particles()["object"]
PLACE = _particles()["place"]
ENDINGS = TOPIC_OR_SUBJECT + _particles()["list_endings"]


def role(particle: str) -> str | None:
    """subject, with, object or place; None for a particle that gives no role (의)."""
    if particle.startswith("등") and len(particle) > 1:
        particle = particle[1:]  # 가람시 등과: the particle after 등 (and so on)
    if particle in SUBJECT or particle == "":
        return "subject"
    if particle in WITH:
        return "with"
    if particle in OBJECT:
        return "object"
    if particle in PLACE:
        return "place"
    return None


def ends_in_particle(word: str) -> bool:
    """A Hangul word that ends in a case particle (so a list it would belong to has ended)."""
    return len(word) > 1 and "가" <= word[-1] <= "힣" and word.endswith(ENDINGS)


def is_korean(text: str) -> bool:
    """Whether ``text`` holds any Hangul (a Korean sentence; English ones are read by other rules).

    >>> is_korean("Gimpo City signed."), is_korean("김포시가 맺었다.")
    (False, True)
    """
    return HANGUL.search(text) is not None


def particle_after(text: str, end: int) -> str:
    """The particle a name ending at ``end`` carries: the Hangul glued after it (at most two syllables), after a
    closing quotation mark if the name is quoted (‘가람시 교육행정협의회’에서).

    >>> particle_after("김포시와 협약", 3), particle_after("Gimpo City", 5), particle_after("‘가람협의회’에서", 6)
    ('와', '', '에서')
    """
    return _AFTER.match(text, end).group(1)

