"""Stage 4, frames: what a sentence reports, and who plays which part in it.

A sentence may report a signing (done or only announced, jointly or one
ceremony per partner), a designation or the running of a programme (or only
an application for one), a meeting or other cooperation, a council's
membership. Roles come from Korean particles (은/는/이/가 act, 와/과 with,
을/를 undergo) or English word order (subject before the verb, partners
after "with"); actors written as a location (…에서, at the …) or inside
parentheses take no part.

>>> from edugraph.loaders.extraction.mentions import Context, find_mentions
>>> ctx = Context.default(date="2024-03-05", province="경기도")
>>> s = "김포시와 김포교육지원청이 오는 23일 업무협약을 체결할 예정이다."
>>> f = read_frame(s, find_mentions(s, ctx))
>>> f.signing, f.planned, [m.canonical for m in f.parties]
(True, True, ['김포시', '경기도김포교육지원청'])
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .mentions import ORG_TYPES, Mention
from .particles import HANGUL, role

__all__ = ["Frame", "read_frame", "AGREEMENT_KO", "agreement_term"]

AGREEMENT_KO = re.compile(r"업무\s*협약|협약|부속\s*합의서?|합의서|합의문|양해각서|공동\s*선언|선언문?|MOU|협정")
_AGREEMENT_EN = re.compile(r"\b(?:memorandum of understanding|MOU|business agreement|agreement|pact|accord|deal|"
                           r"joint declaration|memorandum)s?\b", re.I)
_SIGN_KO = re.compile(r"체결|맺|서명|협약식을 (?:가졌|열었|개최)|손을? 잡|맞손|협약했|협약한|선언했|선언문을 발표|선언\S{0,12}\s*채택")
_SIGN_EN = re.compile(r"\b(?:sign|signed|signing|signs|concluded?|conclud|entered into|inked|seal|sealed|wrapped up|"
                      r"held an? (?:\w+ )?(?:agreement|signing) ceremony|"
                      r"(?:held|made|adopted|issued|proclaimed) (?:a |the )?joint declaration)\b", re.I)
_PLANNED_KO = re.compile(r"예정|계획이|계획이다|방침|할 것|앞두|앞으로|향후|나섰다|나선다|추진한다|맺는다|체결한다|맺을|체결할|서명할|오는\s*\d+일")
_PLANNED_EN = re.compile(r"\b(?:will sign|will conclude|plans? to|planning to|is set to|are set to|is to sign|are to sign|"
                         r"scheduled to|to sign)\b", re.I)
# a signing still to come, in the words of an announcement (협약은 … 진행된다, 협약식을 열 예정이다)
_ANNOUNCED_KO = re.compile(r"협약[^.]{0,60}?(?:진행된다|진행될 예정|개최한다|개최될 예정|열 예정|열기로|연다|이어갈 예정|맺을 계획)")
_SEPARATE = re.compile(r"각각|차례로|개별|따로|별로 |separately|respectively|one by one|each of", re.I)
_DESIGNATE_KO = re.compile(r"지정|선정|선발|뽑혔|뽑아|합류|확정")
# 지정을 위해, 지정되면, 지정 신청: a designation sought, not one made
_NOT_YET_KO = re.compile(r"\s*(?:을|를)?\s*(?:위|목표|신청|받기|향해|준비|추진)|되면|될 |될수|을 받으|에 대비|에 도전|에 나서|공모")
_RUN_NEAR = re.compile(r"^\s*(?:을|를|이|가|은|는)?\s*(?:\S+\s){0,2}?(?:운영(?!기획|계획|방안|방침|안)|시행(?!계획)|참여|"
                       r"함께 운영|공동 운영|추진해|추진하고|추진 중)")
_RUN_BEFORE = re.compile(r"(?:운영하는|운영할|운영해 온|운영 중인|시행하는|참여하는|참여한|운영하고 있는)\s*(?:\S+\s)?$")
_APPLY_KO = re.compile(r"신청|응모|도전|준비|공모에|희망|유치|계획|추진한다|나선다|나섰다|예정|목표|출사표|건의|요청")
_DESIGNATE_EN = re.compile(r"\b(?:designat\w*|selected|chosen|named(?: as)?)\b", re.I)
# a designation that has happened (the applicants were chosen)
DESIGNATED = re.compile(r"지정됐|선정됐|지정돼|선정돼|지정되었|선정되었|지정했|선정했|이름을 올렸|확정됐|뽑혔|합류했|"
                        r"\b(?:was|were|been|is|are) (?:also )?(?:designated|selected|named|chosen)\b", re.I)
_RUN_EN = re.compile(r"\b(?:run|runs|running|operat\w+|participat\w+|take part|takes part|joined|implement\w*)\b", re.I)
_APPLY_EN = re.compile(r"\b(?:appl(?:y|ied|ies|ication)|bid|bidding|seek\w*|hope\w* to|prepar\w+|plans? to|will apply)\b", re.I)
_COOP_KO = re.compile(r"협력|함께|손잡|손을 잡|맞손|공동|협의|머리를 맞대|합의|분담|뜻을 모|논의|협업|연계|맞들|부담|나눠|나누")
_COOP_EN = re.compile(r"\b(?:cooperat\w+|collaborat\w+|jointly|together|agreed|discuss\w*|partner\w*|share[sd]?|sharing|"
                      r"co-chaired|held talks|met)\b", re.I)
_MEET_KO = re.compile(r"열[고었린어]|개최|참석|가졌|회의|구성|출범|가동|회의를")
_MEET_EN = re.compile(r"\b(?:meeting|met|held|convened|session|co-chaired)\b", re.I)


def agreement_term(s: str) -> re.Match | None:
    return AGREEMENT_KO.search(s) if HANGUL.search(s) else _AGREEMENT_EN.search(s)


@dataclass
class Frame:
    sentence: str
    mentions: list[Mention]
    parties: list[Mention] = field(default_factory=list)  # actors taking part in what the sentence reports
    subjects: list[Mention] = field(default_factory=list)
    partners: list[Mention] = field(default_factory=list)
    objects: list[Mention] = field(default_factory=list)
    programs: list[Mention] = field(default_factory=list)
    councils: list[Mention] = field(default_factory=list)
    signing: bool = False
    planned: bool = False
    separate: bool = False
    designation: bool = False
    running: bool = False  # a programme named in the sentence is run
    running_any: bool = False  # something is run (운영해 온, 함께 운영한): the article's programme, if it has one
    run_in_places: bool = False  # … N개 시군에서 운영되고 있다: run in the places named
    applying: bool = False
    cooperation: bool = False
    meeting: bool = False
    english: bool = False


_COUNTED = re.compile(r"\s*(?:등\s*)?(?:\d+|두|세|네|다섯|여섯)\s*개?\s*(?:시·?군·?구|시·?군|군·?구|시군|자치구|지역|곳|기관|구|시|군)"
                      r"(과의|와의|에서|과|와|이|가|을|를|은|는|도)")


def _runs_programme(s: str, programs: list[Mention]) -> bool:
    """A programme named right before 운영/시행/참여 (행복교육지구 운영, 특구를 운영하고) or after 운영하는."""
    for p in programs:
        if _RUN_NEAR.match(s[p.end:p.end + 20]) or _RUN_BEFORE.search(s[max(0, p.start - 14):p.start]):
            return True
        if p.kind == "listed" and re.match(r"[^.]{0,30}?등\s*(?:\S+\s){0,3}?(?:추진|운영|시행)", s[p.end:p.end + 40]):
            return True  # A, B 등 다양한 교육사업을 추진하고
    return False


def _in_parens(s: str, m: Mention) -> bool:
    before = s[:m.start]
    return before.count("(") > before.count(")")


def _is_location(s: str, m: Mention, english: bool) -> bool:
    if english:
        return bool(re.search(r"\b(?:at|in|inside)\s+(?:the\s+)?$", s[max(0, m.start - 12):m.start]))
    if role(m.particle) == "place":
        return True
    # 경상북도교육청 웅비관에서, 구미시청 대회의실에서: the building where something happens
    return m.particle == "" and bool(re.match(r"\s*(?:청\s*)?[가-힣0-9]*(?:관|실|홀|당|장|센터|청사|층)\s?에서|\s*청(?:\s|에서)",
                                              s[m.end:m.end + 14]))


def read_frame(s: str, mentions: list[Mention]) -> Frame:
    """Stage 4 for one sentence (mentions already resolved)."""
    english = not HANGUL.search(s)
    f = Frame(s, mentions, english=english)
    seen = set()
    for m in mentions:
        if m.type == "Program":
            f.programs.append(m)
            continue
        if m.type not in ORG_TYPES or not m.canonical:
            continue
        if m.type == "Council":
            f.councils.append(m)
        if _in_parens(s, m):
            continue
        if _is_location(s, m, english) and not (m.particle == "에서" and re.match(r"\s*(?:\S+\s)?운영", s[m.end + 2:m.end + 14])):
            continue
        if m.particle in ("의",) and m.type != "Council" and re.match(r"\s*[가-힣]", s[m.end + 1:m.end + 3]):
            continue  # 철원군의 학교: a modifier, not a party
        if m.particle == "" and re.match(r"\s*(?:관계자|공무원|직원|담당자|관계관|주민|학생|학부모|교직원|예산|재정)", s[m.end:m.end + 8]):
            continue  # 사천시 관계자, 서울시 예산: people who attend or a budget, not the organisation as a party
        if m.canonical in seen:
            continue
        seen.add(m.canonical)
        f.parties.append(m)
    if not english:
        # an item of a list (사천시, 하동군과) plays the part of the list's last item
        part = None
        roles = {}
        for m in reversed(f.parties):
            listed = m.particle == "" and re.match(r"\s*[,·、]", s[m.end:m.end + 2])
            if not listed:
                particle = m.particle
                counted = _COUNTED.match(s[m.end:m.end + 24]) if particle == "" else None
                if counted:
                    particle = counted.group(1)  # 가람·나래 등 5개 시·군과: the count's particle
                part = role(particle)
            roles[id(m)] = part
        for m in f.parties:
            r = roles[id(m)]
            (f.subjects if r == "subject" else f.partners if r == "with" else f.objects if r == "object" else []).append(m)
    if english:
        verb = re.search(r"\b(?:signed|has|have|is|was|were|are|said|will|held|agreed|announced|launched|"
                         r"designated|selected|runs|operates|decided|plans?)\b", s)
        cut = verb.start() if verb else 0
        f.subjects = [m for m in f.parties if m.start < cut]
        f.partners = [m for m in f.parties if m.start >= cut]
    term = agreement_term(s)
    defining = f.programs and f.programs[0].start < 3 and f.programs[0].particle in ("는", "은", "란")
    if term and not defining:
        sign = (_SIGN_EN if english else _SIGN_KO).search(s)
        announced = None if english else _ANNOUNCED_KO.search(s)
        f.signing = bool(sign or announced)
        f.planned = bool(announced) or f.signing and bool((_PLANNED_EN if english else _PLANNED_KO).search(s))
        f.separate = bool(_SEPARATE.search(s))
    if english:
        f.designation = bool(_DESIGNATE_EN.search(s))
        f.running = bool(_RUN_EN.search(s))
        f.running_any = f.running
        f.applying = bool(_APPLY_EN.search(s)) and not DESIGNATED.search(s)
        f.cooperation = bool(_COOP_EN.search(s))
        f.meeting = bool(_MEET_EN.search(s))
    else:
        f.designation = any(not _NOT_YET_KO.match(s[m.end():m.end() + 8]) for m in _DESIGNATE_KO.finditer(s)) or (
            # 시범지역에 이름을 올렸다 (designated), not 협약서에 이름을 올렸다 (signed)
            "이름을 올" in s and bool(re.search(r"지역|특구|지구", s)) and not re.search(r"협약서|서명|기관으로는", s))
        f.running = _runs_programme(s, f.programs)
        f.running_any = bool(re.search(r"운영해 온|운영한|운영하는|운영되고|운영 중|운영하고|운영할", s))
        f.run_in_places = bool(re.search(r"에서 운영되", s))
        f.applying = bool(_APPLY_KO.search(s)) and not DESIGNATED.search(s)
        f.cooperation = bool(_COOP_KO.search(s))
        f.meeting = bool(_MEET_KO.search(s))
    return f
