"""The kinds of actor a word can stand for without naming it: one table for every stage.

An anaphor (도교육청, 군, the county, 양 기관), a bare title (교육감, 군수, Mayor …) and
a head whose organisation the sentence leaves unsaid all point at a *kind* of
actor; coreference and assembly say which actor of the article that is. Each
kind is defined once here: the label, the level and the name's ending of the
actors it can denote.

>>> KINDS["COUNTY"]
Kind(name='COUNTY', label='LocalGovernment', level='basic', suffix='군', bare=None)
>>> [(m.surface, m.ref) for m in find_anaphors("도교육청과 군은 양 기관의 협력을 논의했다.", [])]
[('도교육청', 'EO_PROVINCIAL'), ('군', 'COUNTY'), ('양 기관', 'GROUP')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .context import Mention, load_lexicon
from .particles import is_korean, particle_after

__all__ = ["Kind", "KINDS", "find_anaphors"]


@dataclass(frozen=True)
class Kind:
    name: str
    label: str | None  # the label of the actors it can denote (None: any, a group)
    level: str | None = None  # metropolitan/basic, provincial/district; None: any level
    suffix: str | None = None  # the ending of their names (시, 군, 구)
    bare: str | None = None  # the level a bare title of this kind heads when the sentence names none (교육감)

    def fits(self, label: str | None, level: str | None, name: str | None) -> bool:
        """Whether an actor of that label, level and name is one this kind can denote."""
        return (self.label is None or label == self.label) and (self.level is None or level == self.level) \
            and (self.suffix is None or (name or "").endswith(self.suffix))


KINDS = {k.name: k for k in (
    Kind("EO_PROVINCIAL", "EducationOffice", "provincial"),   # 도교육청, 시교육청, 교육감
    Kind("EO_DISTRICT", "EducationOffice", "district"),       # 교육지원청, 교육장
    Kind("EO", "EducationOffice", bare="provincial"),         # 교육청, the office, Superintendent
    Kind("PROVINCE", "LocalGovernment", "metropolitan"),      # 도, 도지사, the province
    Kind("CITY", "LocalGovernment", None, "시"),              # 시, 시장 (a city, basic or metropolitan)
    Kind("COUNTY", "LocalGovernment", "basic", "군"),         # 군, 군수
    Kind("GU", "LocalGovernment", "basic", "구"),             # 구, 구청장
    Kind("LG_BASIC", "LocalGovernment", "basic"),             # the city, the county, the district
    Kind("LG", "LocalGovernment", bare="basic"),              # the provincial government, a bare head
    Kind("COUNCIL", "Council"),                               # 협의회, the council, chair
    Kind("MINISTRY", "Ministry"),                             # Minister
    Kind("GROUP", None),                                      # 양 기관, 이들 7개 구, both sides
)}

_KO = [
    (re.compile(r"(?<![가-힣])(도교육청|시교육청|도 교육청|시 교육청)"), "EO_PROVINCIAL"),
    (re.compile(r"(?<![가-힣])(교육지원청)(?=[은는이가과와의을를도]|\s|$)"), "EO_DISTRICT"),
    (re.compile(r"(?<![가-힣])(교육청)(?=[은는이가과와의을를도]|\s|$|·|,)"), "EO"),
    (re.compile(r"(?<![가-힣·])(?<!개 )(?<!\d)(도)(?=는|와|가|의|와의|·도교육청|와 도교육청|, 도교육청|청과)"), "PROVINCE"),
    (re.compile(r"(?<![가-힣·])(?<!개 )(?<!\d)(시)(?=는|와|가|와의|·시교육청|와 시교육청|청과)"), "CITY"),
    (re.compile(r"(?<![가-힣·])(?<!개 )(?<!\d)(군)(?=은|과|이|과의|청과)"), "COUNTY"),
    (re.compile(r"(?<![가-힣·])(?<!개 )(?<!\d)(구)(?=는|와|가|와의|청과)"), "GU"),
    (re.compile(r"(?<![가-힣])(?<!이하 )((?:협의회|위원회))(?=는|가|의|에서|에는|에|를|와|과|[ \s])"), "COUNCIL"),
    (re.compile(r"(?<![가-힣])((?:양|두|세|네|이들|각)\s*(?:기관|지자체|교육청|자치단체|시·군|시군)|(?:\d+|세|네)\s*개\s*기관|"
                r"이들\s*\d+\s*개\s*(?:시·군·구|시·군|군·구|시군|자치구|구|군|시|지자체|기관)|양측|양 측)"), "GROUP"),
]
_EN = [
    (re.compile(r"\b(?:the|this|provincial|city|metropolitan)\s+(?:provincial\s+|city\s+|metropolitan\s+)?"
                r"(?:education office|office of education)\b", re.I), "EO"),
    (re.compile(r"\bthe\s+(?:district\s+)?(?:education\s+)?(?:support\s+)?office\b", re.I), "EO"),
    (re.compile(r"\bthe\s+(?:provincial|metropolitan|city|county|district|municipal)\s+government\b", re.I), "LG"),
    (re.compile(r"\bthe\s+(?:city|county|district)\b(?!\s+(?:office|council|hall))", re.I), "LG_BASIC"),
    (re.compile(r"\bthe\s+province\b", re.I), "PROVINCE"),
    (re.compile(r"\bthe\s+(?:council|committee|association)\b", re.I), "COUNCIL"),
    (re.compile(r"\b(?:both|the (?:two|three|four|five|six|seven|eight|nine|ten|\d+)) (?:sides|institutions|"
                r"organizations|parties|agencies|bodies|municipalities|cities and counties|local governments|"
                r"districts|counties|cities)\b", re.I), "GROUP"),
]


@lru_cache(maxsize=1)
def _title_anaphor() -> tuple[re.Pattern, dict]:
    """서 교육감은, 김 지사와: a head called by surname and title stands for the organisation the title heads."""
    titles = load_lexicon()["titles"]["heads_ko"]
    alternatives = "|".join(sorted(titles, key=len, reverse=True))
    rx = re.compile(rf"(?<![가-힣])([가-힣]\s({alternatives}))(?=[은는이가과와의을를도]|\s|$)")
    return rx, {title: kind for title, (_role, kind) in titles.items()}


def find_anaphors(s: str, taken: list[Mention]) -> list[Mention]:
    """Words in ``s`` that stand for an actor of some kind, outside the spans of ``taken`` mentions."""
    out = []
    spans = [(m.start, m.end) for m in taken]
    korean = is_korean(s)
    if korean:
        rx, kinds = _title_anaphor()
        for m in rx.finditer(s):
            a, b = m.start(1), m.end(1)
            if not any(x < b and a < y for x, y in spans):
                out.append(Mention(a, b, s[a:b], None, "Anaphor", None, None, particle_after(s, b), "anaphor",
                                   kinds[m.group(2)]))
                spans.append((a, b))
    for rx, kind in _KO if korean else _EN:
        for m in rx.finditer(s):
            a, b = (m.start(1), m.end(1)) if m.re.groups else (m.start(), m.end())
            if any(x < b and a < y for x, y in spans):
                continue
            particle = particle_after(s, b) if korean else ""
            out.append(Mention(a, b, s[a:b], None, "Anaphor", None, None, particle, "anaphor", kind))
            spans.append((a, b))
    return out
