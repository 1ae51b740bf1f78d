"""Stage 4, frames: what a sentence reports, and who plays which part in it.

A sentence may report a signing (done or only announced, jointly or one
ceremony per partner, a deal reached, a ceremony held), the ceremony's
attendance, a designation or the running of a programme (or only an
application for one), a meeting or other cooperation, a council's
membership. Roles come from Korean particles (은/는/이/가 act, 와/과 with,
을/를 undergo) or English word order (subject before the verb, partners
after "with"); actors written as a location (…에서, at the …) or inside
parentheses take no part. The words that signal each are the lexicon's
``frames`` section.

>>> from edugraph.loaders.extraction.mentions import Context, find_mentions
>>> ctx = Context.default(date="2024-03-05", province="경기도")
>>> s = "김포시와 김포교육지원청이 오는 23일 업무협약을 체결할 예정이다."
>>> f = read_frame(s, find_mentions(s, ctx))
>>> f.signing, f.planned, [m.canonical for m in f.parties]
(True, True, ['김포시', '경기도김포교육지원청'])
>>> f = read_frame("가람시와 나래교육지원청은 분담 비율을 놓고 극적으로 합의했다.", [])
>>> f.signing, f.deal, f.planned
(True, True, False)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .context import ORG_TYPES, Mention, load_lexicon
from .particles import TOPIC_OR_SUBJECT, is_korean, role

__all__ = ["Frame", "read_frame", "agreement_term", "words", "sign_verb", "list_roles"]


@lru_cache(maxsize=None)
def words(key: str, english: bool = False, plural: bool = False) -> re.Pattern:
    """The lexicon's ``frames`` list ``key`` as one pattern, longest phrase first (English ones as whole words,
    with a plural ``s`` where ``plural``)."""
    items = sorted(load_lexicon()["frames"][key], key=len, reverse=True)
    body = "|".join(re.escape(w) for w in items)
    if not english:
        return re.compile(f"(?:{body})")
    return re.compile(rf"\b(?:{body}){'s?' if plural else ''}\b", re.I)


def agreement_term(s: str) -> re.Match | None:
    """The first word of ``s`` that names an agreement (업무협약, 부속합의서, MOU, memorandum …)."""
    return words("agreement_terms_ko").search(s) if is_korean(s) else words("agreement_terms_en", True, True).search(s)


def sign_verb(s: str, last: bool = False) -> re.Match | None:
    """Where ``s`` says an agreement is signed (its first such verb, or its ``last``): a signing verb, a ceremony
    held, a deal reached; not inside a quotation (what a speaker says of the agreement) and not a verb used as
    a noun (협약 체결과 예산 편성)."""
    if not is_korean(s):
        return words("sign_verbs_en", True).search(s) or _ceremony_en(s) or words("deal_en", True).search(s)
    quoted = [(m.start(), m.end()) for m in _QUOTATION.finditer(s)]
    lx = load_lexicon()["frames"]
    nouns = tuple(lx["sign_noun_uses_ko"])
    found = None
    for m in words("sign_verbs_ko").finditer(s):
        if any(a <= m.start() < b for a, b in quoted) or s.startswith(nouns, m.end()):
            continue
        if re.match(r"식\S*?(?:에서|에는|에)\s", s[m.end():]):
            continue  # 협약 체결식에서 (a caption's place), not a signing reported
        found = m
        if not last:
            return m
    if found:
        return found
    done = _ceremony_ko(s) or words("deal_ko").search(s)
    if done:
        return done
    for term in words("agreement_terms_ko").finditer(s):
        # ‘…부속합의’를 했다; 업무협약 후, 협약을 시작으로, 익산시와의 협약에 이은 (a past signing named by its noun)
        after = s[term.end():term.end() + 12]
        if re.match(r"[’'”\"]?\s*(?:을|를)\s*(?:했|하였)", after) or after.startswith(tuple(lx["after_term_past_ko"])):
            return term
    return None


_QUOTATION = re.compile(r"“[^”]*”|\"[^\"]{12,}\"")


def _ceremony_ko(s: str) -> re.Match | None:
    for m in words("ceremony_nouns_ko").finditer(s):
        after = s[m.end():m.end() + 8]
        verb = words("ceremony_verbs_ko").search(after)
        if verb and re.match(r"\s*(?:을|를|이|가|도)?\s*\S*$", after[:verb.start()]):
            return re.compile(re.escape(s[m.start():m.end() + verb.end()])).search(s, m.start())
    return None


def _ceremony_en(s: str) -> re.Match | None:
    held = words("ceremony_held_en", True).search(s)
    if held and words("ceremony_en", True).search(s, held.end()):
        return held
    joint = re.search(rf"(?:{words('declared_en', True).pattern})\s+(?:a|an|the)?\s*[\"'“‘]?(?:joint declaration|"
                      r"joint agreement)", s, re.I)
    return joint


@dataclass
class Frame:
    sentence: str
    mentions: list[Mention]
    parties: list[Mention] = field(default_factory=list)  # actors taking part in what the sentence reports
    subjects: list[Mention] = field(default_factory=list)
    partners: list[Mention] = field(default_factory=list)
    objects: list[Mention] = field(default_factory=list)
    speakers: list[Mention] = field(default_factory=list)  # A은 … B가 선정됐다고 밝혔다: A reports, B acts
    programs: list[Mention] = field(default_factory=list)
    councils: list[Mention] = field(default_factory=list)
    signing: bool = False
    verb: int = -1  # where the signing verb stands (Korean signers come before it)
    deal: bool = False  # a deal reached (합의했다, reached an agreement)
    ceremony: bool = False  # the signing ceremony and who attended it (협약식에는 … 참석했다)
    planned: bool = False
    present: bool = False  # 서명한다: signed that day if the day is the publication's, else still to come
    separate: bool = False
    designation: bool = False
    running: bool = False  # a programme named in the sentence is run
    running_any: bool = False  # something is run (운영해 온, 함께 운영한): the article's programme, if it has one
    run_in_places: bool = False  # … N개 시군에서 운영되고 있다: run in the places named
    applying: bool = False
    cooperation: bool = False
    meeting: bool = False
    english: bool = False


# 가람·나래 등 (가람지역) 5개 시·군과: the count after a list, with the particle the list's items share
_COUNTED = re.compile(r"\s*(?:등\s*)?(?:[가-힣]{2,4}\s)?(?:\d+|두|세|네|다섯|여섯)\s*개?\s*(?:시·?군·?구|시·?군|군·?구|시군|자치구|"
                      r"지방자치단체|기초자치단체|자치단체|지자체|지역|곳|기관|구|시|군)(과의|와의|에서|과|와|이|가|을|를|은|는|도)")
_RUN_NEAR = re.compile(r"^\s*(?:을|를|이|가|은|는)?\s*(?:\S+\s){0,2}?(?:운영(?!기획|계획|방안|방침|안)|시행(?!계획)|참여|"
                       r"함께 운영|공동 운영|추진해|추진하고|추진 중)")
_RUN_BEFORE = re.compile(r"(?:운영하는|운영할|운영해 온|운영 중인|시행하는|참여하는|참여한|운영하고 있는|추진한|추진해 온|추진하는)"
                         r"\s*(?:\S+\s)?$")
_RUN_EN = re.compile(r"\b(?:run|runs|running|operat\w+|participat\w+|take part|takes part|joined|implement\w*|promot\w+|supporting)\b",
                     re.I)
_APPLY_EN = re.compile(r"\b(?:appl(?:y|ied|ies|ication|icants?)|bid|bidding|seek\w*|hope\w* to|prepar\w+|plans? to|"
                       r"will apply)\b", re.I)
_DESIGNATE_EN = re.compile(r"\b(?:designat\w*|selected|chosen|named(?: as)?)\b", re.I)
# a reported clause: A은 … B가 선정됐다고 밝혔다 (A speaks, B is what happened to)
_REPORTED = re.compile(r"(?:다|됐|였|었|했)?고\s*(?:\S+\s){0,2}?(?:밝혔|전했|알렸|말했|설명했|발표했)다")
_ATTENDED = re.compile(r"참석|자리|함께했|참여한 가운데|기념촬영|기념 촬영|attended by|in attendance", re.I)


def designated(s: str) -> bool:
    """Whether ``s`` reports a designation made (지정됐다, was selected), not one sought."""
    return bool(words("designated_ko").search(s) or words("designated_en", True).search(s))


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


def _names_the_agreement(s: str, m: Mention) -> bool:
    return bool(re.match(r"\s*(?:" + words("agreement_terms_ko").pattern + "|" + words("ceremony_nouns_ko").pattern + ")",
                         s[m.end:m.end + 8]))


def _qualifies_next(s: str, m: Mention, mentions: list[Mention]) -> bool:
    if m.type != "EducationOffice" or m.level != "provincial" or m.particle:
        return False
    nxt = next((o for o in mentions if o.start >= m.end), None)
    return nxt is not None and nxt.type == "EducationOffice" and nxt.level == "district" \
        and re.fullmatch(r"\s*", s[m.end:nxt.start]) is not None


def _is_location(s: str, m: Mention, english: bool) -> bool:
    if english:
        return bool(re.search(r"\b(?:at|in|inside)\s+(?:the\s+)?(?:\d{4}\s+)?$", s[max(0, m.start - 17):m.start]))
    if role(m.particle) == "place":
        return True
    # 경상북도교육청 웅비관에서, 구미시청 대회의실에서, 인천 연수구 송도컨벤시아에서: the place where something happens
    return m.particle == "" and bool(re.match(r"\s*(?:청\s*)?[가-힣0-9.]*(?:관|실|홀|당|장|센터|청사|층)\s?에서|\s*청(?:\s|에서)"
                                              r"|\s+[가-힣0-9.]{2,12}에서\s", s[m.end:m.end + 16]))


def _planned_ko(s: str, verb: re.Match) -> bool:
    """A Korean signing still to come: the verb in a form that says so (체결할 예정, 맺을, 체결하기로), or a time
    to come before a verb that does not report it done (오는 23일 … 체결한다)."""
    tail = s[verb.start():]
    if any(tail.startswith(form) for form in load_lexicon()["frames"]["planned_forms_ko"]):
        return True
    if words("future_ko").search(s[:verb.start()]):
        return not re.match(r"\S*?(?:했|하였|었|였|됐|가졌|열었|마쳤|마친)", s[verb.end():])
    return False


def _present_ko(s: str, verb: re.Match) -> bool:
    """서명한다. at the end of the sentence: the signing of that day, or one still to come (not 체결한다고
    밝혔다, a signing reported that day)."""
    return bool(re.match(r"\S*?(?:한다|는다|합니다)[.\"”’']*\s*$", s[verb.end():]))


def read_frame(s: str, mentions: list[Mention]) -> Frame:
    """Stage 4 for one sentence (mentions already resolved)."""
    english = not is_korean(s)
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
        if not english and m.particle == "" and _names_the_agreement(s, m):
            continue  # 교육행정협의회 협약식, 교육발전특구 업무협약: what the agreement is about, not a party
        if _qualifies_next(s, m, mentions):
            continue  # 경기도교육청 안성교육지원청과: the provincial office names the district office's 시·도
        if m.canonical in seen:
            continue
        seen.add(m.canonical)
        f.parties.append(m)
    if not english:
        _korean_roles(s, f)
    else:
        verb = re.search(r"\b(?:signed|has|have|is|was|were|are|said|will|held|agreed|announced|launched|"
                         r"designated|selected|runs|operates|decided|plans?|reached|attended)\b", s)
        cut = verb.start() if verb else 0
        f.subjects = [m for m in f.parties if m.start < cut]
        f.partners = [m for m in f.parties if m.start >= cut]
    term = agreement_term(s)
    # 행복교육지구는 … 협약을 맺고 … 만들어 가는 사업이다: what a programme is, not a signing reported
    defining = f.programs and f.programs[0].start < 3 and f.programs[0].particle in ("는", "은", "란") \
        and (english or re.search(r"(?:사업|제도|정책|지역|지구|공동체|체계|곳|것|모델|프로그램)(?:이다|다|입니다)\W*$"
                                  r"|(?:사업|제도|정책|모델)(?:으로|로),", s))
    deal = (words("deal_en", True) if english else words("deal_ko")).search(s)
    # a council meeting's decision (교육행정협의회에서 … 합의했다) is cooperation, not a signed deal
    if deal and not english and (f.councils or words("meeting_ko").search(s[:deal.start()])) and not term:
        deal = None
    if (term or deal) and not defining:
        verb = sign_verb(s)
        announced = None if english else words("announced_ko").search(s[term.end():] if term else "")
        f.signing = bool(verb or announced)
        last = sign_verb(s, last=True) if verb and not english else verb
        f.verb = last.start() if last else (term.start() if term else -1)
        f.deal = bool(deal) and f.signing
        if english:
            # "will sign", "will hold a joint agreement ceremony" (an agreement reached is signed there)
            f.planned = f.signing and bool(words("planned_en", True).search(s)) \
                and not re.search(r"\b(?:signed|inked|concluded|sealed)\b", s)
        else:
            f.planned = bool(announced) or bool(verb) and _planned_ko(s, verb)
            f.present = bool(verb) and not f.planned and _present_ko(s, verb)
        f.separate = bool((words("separate_en", True) if english else words("separate_ko")).search(s))
    if not f.signing:
        f.ceremony = bool(words("ceremony_nouns_ko").search(s) and _ATTENDED.search(s)) if not english else bool(
            re.search(r"\b(?:ceremony|event)\b.*\battended by\b", s, re.I))
    if english:
        f.designation = bool(_DESIGNATE_EN.search(s))
        f.running = bool(_RUN_EN.search(s))
        f.running_any = f.running
        f.applying = bool(_APPLY_EN.search(s)) and not designated(s)
        f.cooperation = bool(words("cooperation_en", True).search(s))
        f.meeting = bool(words("meeting_en", True).search(s))
    else:
        lx = load_lexicon()["frames"]
        quoted = [(q.start(), q.end()) for q in _QUOTATION.finditer(s)]
        f.designation = any(not _not_yet(s[m.end():m.end() + 8], lx) and not any(a <= m.start() < b for a, b in quoted)
                            for m in words("designate_ko").finditer(s)) or (
            # 시범지역에 이름을 올렸다 (designated), not 협약서에 이름을 올렸다 (signed)
            "이름을 올" in s and bool(re.search(r"지역|특구|지구", s)) and not re.search(r"협약서|서명|기관으로는", s))
        f.running = _runs_programme(s, f.programs)
        f.running_any = bool(re.search(r"운영해 온|운영한|운영하는|운영되고|운영 중|운영하고|운영할", s))
        f.run_in_places = bool(re.search(r"에서 운영되", s))
        f.applying = bool(words("apply_ko").search(s)) and not designated(s)
        f.cooperation = bool(words("cooperation_ko").search(s))
        f.meeting = bool(words("meeting_ko").search(s))
    return f


def _not_yet(after: str, lx: dict) -> bool:
    rest = re.sub(r"^\s*(?:을|를)?\s*", "", after)
    return any(rest.startswith(w) for w in lx["not_yet_after_designation_ko"])


def list_roles(s: str, mentions: list[Mention]) -> dict:
    """The part each mention plays by its particle (subject, with, object, place; id → role); an item of a list
    (사천시, 하동군과) plays the part of the list's last item, a list before a count (가람·나래 등 5개 시·군과)
    the count's."""
    part = None
    roles = {}
    for m in sorted(mentions, key=lambda m: m.start, reverse=True):
        listed = m.particle == "" and re.match(r"\s*[,·、]", s[m.end:m.end + 2])
        if not listed:
            particle = m.particle
            counted = _COUNTED.match(s[m.end:m.end + 30]) if particle in ("", "등") else None
            etc = re.match(r"\s*등\s?(과의|와의|과|와|이|가|을|를|은|는|도|에서)", s[m.end:m.end + 8]) if particle in ("", "등") else None
            if counted:
                particle = counted.group(1)
            elif etc:
                particle = etc.group(1)  # 가람시, 나래군 등과: the particle after 등
            part = role(particle)
        roles[id(m)] = part
    # 가람시와 나래교육청은 …: a partner written right before the subject acts with it
    ordered = sorted(mentions, key=lambda m: m.start)
    for a, b in zip(ordered, ordered[1:]):
        if roles.get(id(a)) == "with" and a.particle in ("와", "과") and roles.get(id(b)) == "subject" \
                and b.particle in TOPIC_OR_SUBJECT and re.fullmatch(r"\s*", s[a.end + len(a.particle):b.start]):
            roles[id(a)] = "subject"
    return roles


def _korean_roles(s: str, f: Frame) -> None:
    """Subjects, partners and objects by particle; in a reported clause (A은 … B가 선정됐다고 밝혔다) the topic
    before it only speaks."""
    roles = list_roles(s, f.parties)
    for m in f.parties:
        r = roles[id(m)]
        (f.subjects if r == "subject" else f.partners if r == "with" else f.objects if r == "object" else []).append(m)
    reported = _REPORTED.search(s)
    topics = [m for m in f.subjects if m.particle in ("은", "는")]
    nominative = [m for m in f.subjects if m.particle in ("이", "가") or roles[id(m)] == "subject" and m.particle == ""]
    if reported and topics and any(n.start > topics[0].start for n in nominative):
        f.speakers = topics[:1]
