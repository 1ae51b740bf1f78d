"""Agreements and their signers: one ``Agreement`` per signed document.

A signing reported in the headline and again in the body is one agreement;
one ceremony reported from several angles (a caption, the lede, the list of
signers, the heads who attended it) is one agreement; a signing done 각각 /
차례로 / separately, or a list of partners signed over a period (취임 이후 A, B,
C와) or dated one by one (2018년 A·B, 2019년 C와; 4일 A, 8일 B) is one agreement
per partner, signed by the issuer; an annex signed with the main agreement is
a second one. The signers a sentence counts (9개 시·군, 기업 9곳) and the
sentences after it list join its signers. Heads sign for their organisations;
a council where a signing takes place does not sign. Announced signings are
kept as planned.

>>> signing_date("가람시는 3일 협약을 체결했다고 4일 밝혔다.", "2024-05-04", [], False, None, [])
('2024-05-03', True)
>>> signing_date("가람시는 협약을 체결했다고 밝혔다.", "2024-05-04", [], False, None, [])
('2024-05-04', False)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...graph.values import agreement_kind
from ..dates import resolve_event_date
from .context import Mention
from .frames import Frame, agreement_term, list_roles, words
from .particles import TOPIC_OR_SUBJECT, WITH, is_korean, particle_after
from .people import HEAD_ROLES, Head

__all__ = ["Agreement", "Signings", "signing_date", "agreement_name", "SIGNERS"]

# who can sign: governments, offices, institutions (a ministry or a council signs only when the sentence makes it
# a party: 문화체육관광부와, 구청장협의회가)
SIGNERS = ("LocalGovernment", "EducationOffice", "Institution")
_EN_NAMED_PACT = re.compile(r"\b[Tt]he\s+[A-Z][a-z]+(?:-[a-z]+)?\s+(?:agreement|pact|deal|accord|MOU)\b")
_EN_SIGN_CLAUSE = re.compile(r"\b(?:signed|sealed|wrapped up|inked|concluded)\b", re.I)
_CONTINUES = re.compile(r"참여|이름을 올|서명|함께했|동참|참가|participat|joined|also signed", re.I)
# the agreement itself as the subject of a sentence that names more of its parties (이날 협약에는 … 참여했다)
_THIS_AGREEMENT = re.compile(r"(?:이날|이번|이|당일)\s*(?:협약|업무협약|협약식|체결식)(?:은|에는|에서는|에)|"
                             r"\b(?:the|this) (?:agreement|ceremony|MOU)\b", re.I)
# a count of signers of one kind (9개 시·군, 대학 3곳, 7개 기관)
_COUNT = re.compile(r"(\d+)\s*개\s*(시·?군·?구|시·?군|군·?구|시군|자치구|지방자치단체|기초자치단체|자치단체|지자체|지역|구|시|군|"
                    r"기관|대학|학교|기업|단체)|(대학|기업|기관|학교)\s*(\d+)\s*(?:곳|개)")
_PERIOD = re.compile(r"이후|부터|동안|그동안|지금까지|∼|~|시작으로|since|over the past", re.I)
_DAY_OR_YEAR = re.compile(r"(\d{4})\s*년|(\d{1,2})\s*일|\b(?:in|since)\s+(\d{4})\b")
# heads who sign for their organisation (not an assembly's members or chairs, who attend)
_SIGNING_TITLES = HEAD_ROLES + ("총장", "원장", "이사장", "센터장", "장관", "위원장", "회장", "의장", "대표", "대표이사",
                                "사장", "관장")


@dataclass
class Agreement:
    name: str
    kind: str
    signers: dict = field(default_factory=dict)  # canonical -> Mention
    date: str | None = None
    planned: bool = False
    evidence: str = ""
    headline: bool = False
    sentence_index: int = 0
    open_count: bool = False  # the sentence counts signers that later sentences list
    date_stated: bool = False  # the date comes from the text, not from the publication date
    separate: bool = False  # one of several agreements signed one per partner
    expect: tuple | None = None  # (label, level, n): the signers of that kind the sentence counts
    names: list = field(default_factory=list)  # what each report of it calls it

    def __post_init__(self):
        self.names = self.names or [self.name]


def signing_date(s: str, pub: str | None, anchors: list[str], headline: bool, last_date: str | None,
                 earlier: list[Agreement], verb_at: int = -1) -> tuple[str | None, bool]:
    """The date of the signing a sentence reports, and whether the sentence states it.

    The day written before the verb (not what the sentence says after it: 합의 기간은 … 2025년 2월까지);
    in English the day after the verb, or the one right before "it signed" ("announced on the 14th that on
    the 13th it signed"); 이날 / at the ceremony: the day the article last stated (``last_date``); an annex
    signed 이어 / also: the date of the signing just reported; a signing reported as the day's news
    (…체결했다고 밝혔다): the publication date.
    """
    verb = re.compile(r"체결|맺|서명|합의|협약식|signed|concluded|sealed|inked|reached|held").search(s, max(verb_at, 0))
    if verb and not is_korean(s):
        # English states the day after the verb: "announced on the 4th that it signed … on the 3rd"
        d = resolve_event_date(s[verb.start():], pub, anchors)
        if d is not None:
            return d, True
        before = [b for b in re.finditer(r"\bon the \d{1,2}(?:st|nd|rd|th)\b|\bon [A-Z][a-z]+\.? \d{1,2}\b", s[:verb.start()])
                  if not re.search(r"\b(?:announced|said|reported|stated)\s*$", s[:b.start()])]  # when it was said
        if before:
            d = resolve_event_date(before[-1].group(), pub, anchors)
            if d is not None:
                return d, True
    d = resolve_event_date(s[:verb.end() + 4] if verb else s, pub, anchors)
    if d is None and verb:
        d = resolve_event_date(s, pub, anchors)
    if d is not None:
        return d, True
    if re.search(r"이날|당일|그날|at the ceremony|at the meeting|at the event|that day|the same day", s, re.I):
        d = last_date
    if d is None and not headline and re.search(r"이어|함께|also|then", s):
        d = next((a.date for a in reversed(earlier) if not a.headline and a.date), None)
    if d is None and not headline and re.search(
            r"(?:체결|맺|서명|협약|합의)[^.]*?(?:했다고|었다고|였다고|가졌다고)\s*(?:밝혔|전했|알렸)|"
            r"(?:announced|said)\s+(?:that\s+)?(?:it|they|the \w+)\s+(?:had\s+)?(?:signed|concluded)", s, re.I):
        d = pub
    return d, False


def agreement_name(s: str, term) -> str:
    """The agreement's name: the quoted name, else the words before the agreement term."""
    quoted = re.search(r"[‘'\"“]([^’'\"”]{3,60}(?:협약|합의서|합의|MOU|선언|agreement|Agreement))[’'\"”]", s)
    if quoted:
        return quoted.group(1)
    if term is None:
        return "협약"
    before = s[:term.end()]
    m = re.search(r"((?:[가-힣A-Za-z0-9·‘’'\"“”Ⅰ-Ⅻ]+\s){0,4}" + re.escape(term.group()) + r")$", before)
    name = (m.group(1) if m else term.group()).strip()
    # the words before the name that are not part of it (공동으로, 함께, 각각, 이날)
    return re.sub(r"^(?:(?:공동으로|함께|각각|이날|오늘|또|또한|이어|차례로|[가-힣]+(?:과|와|을|를|에서|으로))\s)+", "", name)


def _head_party(s: str, h: Head) -> Mention:
    """The organisation a head signs for, as a party of the sentence (its particle read after the title)."""
    particle = particle_after(s, h.end) if h.end >= 0 else ""
    return Mention(max(h.start, 0), max(h.end, 0), h.surface, h.org, h.org_type or "LocalGovernment", None, h.org_id,
                   particle, kind="head")


def _signs_for(h: Head) -> bool:
    """Whether a head signs for the organisation named with the title (a head, not a member or an official)."""
    return bool(h.org and h.role) and h.role.split()[0] in _SIGNING_TITLES


_ATTENDS = re.compile(r"참석|자리|함께했|함께 기념|지켜")


class Signings:
    """The agreements of one article, as its sentences report them."""

    def __init__(self, prepared):
        self.p = prepared
        self.agreements: list[Agreement] = []
        self._attending: list[tuple[int, dict]] = []  # (sentence, organisations) of heads who attended a ceremony
        self._index = 0
        self._separately: str | None = None  # the issuer who signed 각각 (one agreement per partner)

    def date(self, s: str, headline: bool, last_date: str | None, verb_at: int = -1) -> tuple[str | None, bool]:
        return signing_date(s, self.p.date, self.p.anchors, headline, last_date, self.agreements, verb_at)

    # ------------------------------------------------------------ continuations
    def continue_listing(self, sentence, frame: Frame, heads: list[Head]) -> None:
        """A sentence after a signing that names more of its signers: the ones its count promised (9개 시·군 …
        A·B·C 등 7개 시·군은 …, D·E는 …), the parties of 이날 협약에는 … 참여했다, the heads who attended the
        ceremony (협약식에는 가 시장, 나 교육장이 참석했다)."""
        s = sentence.text
        if frame.ceremony:
            orgs = {h.org: _head_party(s, h) for h in heads if _signs_for(h)}
            # 협약식에는 … 가람상사 대표가 참석했다: the bodies named among those attending
            orgs.update({m.canonical: m for m in frame.parties if m.type in SIGNERS and m.kind != "anaphor"
                         and m.canonical not in orgs})
            if orgs:
                self._attending.append((sentence.index, orgs))
            return
        if not self.agreements or sentence.headline:
            return
        ag = self.agreements[-1]
        if sentence.index - ag.sentence_index > 4 or ag.headline:
            return
        named = [m for m in frame.parties if m.type in SIGNERS and m.kind != "anaphor"]
        if ag.expect is not None:
            label, level, n = ag.expect
            have = [x for x in ag.signers.values() if x.type == label and (level is None or x.level == level)]
            new = [m for m in dict((m.canonical, m) for m in named).values() if m.type == label
                   and (level is None or m.level == level) and m.canonical not in ag.signers]
            if new and len(have) + len(new) <= n and (len(have) + len(new) == n or _COUNT.search(s)):
                for m in new:
                    ag.signers[m.canonical] = m
                if len(have) + len(new) == n:
                    ag.expect = None
                return
        if (ag.open_count and sentence.index - ag.sentence_index <= 3 or _THIS_AGREEMENT.search(s)) \
                and _CONTINUES.search(s):
            # named ones only: 지자체와 교육청, 대학, 기업이 함께 … speaks of kinds, not of more signers
            for m in named:
                ag.signers.setdefault(m.canonical, m)

    # ----------------------------------------------------------------- signing
    def sign(self, sentence, frame: Frame, heads: list[Head], art, last_date: str | None) -> None:
        """A sentence that reports a signing: its signers, date and kind, one agreement or one per partner."""
        s = sentence.text
        self._index = sentence.index
        parties, roles = self._parties(s, frame, heads)
        if not parties:
            return
        parties = self._issuer(s, frame, parties, roles, art)
        if frame.english and self._english_clauses(sentence, parties):
            return
        term = agreement_term(s)
        if frame.english and term:
            parties = _english_partners(s, term, parties)
        kind = agreement_kind(term.group()) if term else "협약"
        date, stated = self.date(s, sentence.headline, last_date, frame.verb if not frame.english else -1)
        if date is None and not sentence.headline and not any(not a.headline for a in self.agreements) \
                and not frame.planned and sentence.index <= 8 and self.p.date:
            date = self.p.date  # the lede's signing, undated: the day's news
        planned = frame.planned or frame.present and not (stated and self.p.date and date and date <= self.p.date)
        name = agreement_name(s, term)
        partners = [m for m in parties if roles.get(id(m)) == "with"]
        subjects = [m for m in parties if roles.get(id(m)) == "subject"]
        issuer = [m for m in subjects if m.particle in TOPIC_OR_SUBJECT][:1] or subjects[:1]
        if not issuer:
            lead = self._last_issuer(s) or art.lead(exclude=parties[0].canonical)
            if lead is not None and lead.canonical not in {p.canonical for p in parties} \
                    and lead.type in ("EducationOffice", "LocalGovernment"):
                issuer = [lead]
        if self._dated_partners(sentence, frame, parties, issuer, kind, name, planned):
            return
        # the same issuer's next list of places (A, B, C 등 6개 지역과) is signed one by one too
        separate = frame.separate or self._separately and len(partners) >= 2 and bool(issuer) \
            and issuer[0].canonical == self._separately and len({(p.type, p.level) for p in partners}) == 1
        if frame.separate and issuer:
            self._separately = issuer[0].canonical  # 각각: the same issuer's next list is signed one by one too
        groups: list[list[Mention]]
        period = _PERIOD.search(s[:min((p.start for p in partners), default=len(s))])
        if frame.separate and not partners and len(subjects) >= 3 and subjects[0].particle in ("과", "와"):
            # 도교육청과 각 시·군이 따로 서명했다: the first signs with each of the others
            partners, issuer = subjects[1:], subjects[:1]
        if separate and issuer and len(partners) >= 2:
            groups = [issuer[:1] + [p] for p in partners if p.canonical != issuer[0].canonical]
        elif frame.separate and len(subjects) >= 2 and len(partners) == 1 and not frame.english:
            groups = [partners + [p] for p in subjects]
        elif not frame.english and len(partners) >= 3 and period and issuer and issuer[0] not in partners:
            # 취임 이후 A, B, C … 등과 협약을 체결했다: signed one by one over the period, on days not told
            groups = [issuer[:1] + [p] for p in partners]
            date = date if stated else None
        else:
            groups = [parties]
        if not frame.english and len(groups) == 1 and self._annex(sentence, groups[0], date, planned, stated):
            return
        count = _expected(s, parties)
        for g in groups:
            ag = Agreement(name if len(groups) == 1 else f"{name} ({g[-1].canonical})", kind,
                           {m.canonical: m for m in g}, date, planned, s, sentence.headline, sentence.index,
                           open_count=bool(re.search(r"\d+\s*(?:개|곳)|등\s*모두|institutions", s)) and len(groups) == 1,
                           date_stated=stated, separate=len(groups) > 1, expect=count if len(groups) == 1 else None)
            self.merge(ag)

    def _parties(self, s: str, frame: Frame, heads: list[Head]) -> tuple[list[Mention], dict]:
        """The signers a sentence names, in text order, with the part each plays: governments, offices and
        institutions; a ministry or council written as a party (문화체육관광부와, 구청장협의회가); the heads
        named before the verb, for their organisations (가 시장과 나 교육감이 서명했다)."""
        attend = _ATTENDS.search(s)
        attendees = {h.org: _head_party(s, h) for h in heads if _signs_for(h) and attend and h.start < attend.start()
                     and not (frame.verb >= 0 and h.start < frame.verb < attend.start())}
        if attendees:
            self._attending.append((self._index, attendees))  # 협약식에는 가 시장과 나 교육장이 참석해 …: they attend it
        heads_as = [_head_party(s, h) for h in heads if _signs_for(h) and not _in_parens(s, h.start)
                    and (frame.english or frame.verb < 0 or h.start < frame.verb) and h.org not in attendees]
        # 박 아무개 문체부 장관, 경기도 행정1부지사: an organisation written with a person's title is theirs to sign
        # or attend for; not a party of its own
        spans = [(h.start, h.end) for h in heads if h.org and (_signs_for(h) or h.org in attendees)] + \
                [(h.start, h.end) for h in heads if not h.org and h.role]
        own = [m for m in frame.parties if not any(a <= m.start and m.end <= b for a, b in spans)]
        named = {m.canonical for m in own}
        candidates = own + [m for m in heads_as if m.canonical not in named]
        candidates.sort(key=lambda m: m.start)
        roles = list_roles(s, candidates) if not frame.english else {
            id(m): ("subject" if m in frame.subjects or (m.kind == "head" and m.start < max(frame.verb, 0))
                    else "with") for m in candidates}
        parties = []
        seen = set()
        rank = {"with": 0, "subject": 1}
        # one actor named twice (증평군청을 … 두 군과): the part it plays as a party (with, then subject)
        candidates.sort(key=lambda m: (rank.get(roles.get(id(m)), 2), m.start))
        for m in candidates:
            if m.canonical in seen:
                continue
            party = m.type in SIGNERS or m.type in ("Council", "Ministry") and roles.get(id(m)) in ("subject", "with") \
                and (not frame.english or m in frame.subjects or re.search(r"\bwith\s+(?:the\s+)?$", s[:m.start]))
            if not party:
                continue
            if not frame.english and frame.verb >= 0 and m.start > frame.verb and m.kind != "anaphor":
                continue  # Korean signers come before the verb; after it (서명한 뒤 … 교육장과 기념촬영) they attend
            seen.add(m.canonical)
            parties.append(m)
        parties.sort(key=lambda m: m.start)
        if len(parties) == 1 and not frame.english:
            # 가람구는 19일 나래교육청에서 업무협약을 체결했다: the one whose premises host it is the partner
            host = [m for m in frame.mentions if m.particle == "에서" and m.type in ("EducationOffice", "LocalGovernment")
                    and m.canonical != parties[0].canonical and m.start < max(frame.verb, 0)]
            if len(host) == 1:
                roles[id(host[0])] = "with"
                parties.append(host[0])
        return parties, roles

    def _issuer(self, s: str, frame: Frame, parties: list[Mention], roles: dict, art) -> list[Mention]:
        """Partners without the one they sign with: the issuer of the signings just reported (이어 … A, B와
        협약을 맺었다; ○○군과는 3월에 협약을 체결했다), else the actor the article is about."""
        explicit = [m for m in parties if roles.get(id(m)) == "subject" and m.particle in TOPIC_OR_SUBJECT]
        partners = [m for m in parties if roles.get(id(m)) == "with"]
        if explicit or not partners:
            return parties
        if len(parties) > len(partners):
            return parties
        issuer = self._last_issuer(s) or art.lead(exclude=partners[0].canonical)
        if issuer is not None and issuer.canonical not in [p.canonical for p in parties]:
            roles[id(issuer)] = "subject"
            return [issuer] + parties
        return parties

    def _last_issuer(self, s: str) -> Mention | None:
        for ag in reversed(self.agreements):
            if not ag.headline:
                return next(iter(ag.signers.values()))
        return None

    def _dated_partners(self, sentence, frame: Frame, parties, issuer, kind, name, planned) -> bool:
        """2018년 A·B를 시작으로 2019년 C, 2021년 D와 협약; (4일 A, 8일 B, 11일 C)를 대상으로 협약을 체결:
        one agreement per partner, dated as written; False when the partners are not dated one by one."""
        s = sentence.text
        items = [m for m in parties if m not in issuer]
        listed = [m for m in frame.mentions if m.type in SIGNERS and _in_parens(s, m.start) and m.kind != "anaphor"]
        if len(listed) >= 2 and not items:
            items = listed  # 도내 3개 지자체(4일 A, 8일 B, 11일 C)
        elif len(listed) >= 2 and re.search(r"\d+\s*개\s*\S*\($", s[:listed[0].start]):
            items = listed
        if len(items) < 2 or not issuer:
            return False
        items.sort(key=lambda m: m.start)
        dates = []
        current = None
        prev = max(0, items[0].start - 40)
        for m in items:
            found = list(_DAY_OR_YEAR.finditer(s, prev, m.start))
            if found:
                current = resolve_event_date(found[-1].group(), self.p.date, self.p.anchors)
            dates.append(current)
            prev = m.end
        if len({d for d in dates if d}) < 2:
            return False
        for m, d in zip(items, dates):
            self.merge(Agreement(f"{name} ({m.canonical})", kind, {issuer[0].canonical: issuer[0], m.canonical: m}, d,
                                 planned, s, sentence.headline, sentence.index, date_stated=d is not None,
                                 separate=True))
        return True

    def _annex(self, sentence, signers: list[Mention], date, planned, stated) -> bool:
        """'…업무협약'을 맺고 … 부속합의서도 함께 체결했다: two documents, the same signers."""
        s = sentence.text
        kinds = []
        for t in words("agreement_terms_ko").finditer(s):
            k = agreement_kind(t.group())
            if k != "협약" and k not in [x for x, _ in kinds]:
                kinds.append((k, t))
        if len(kinds) < 2:
            return False
        prev = 0
        for k, t in kinds:
            # each document dated by what is written with it (지난해 맺은 업무협약, 14일 체결한 부속합의서)
            own = resolve_event_date(re.sub(r"\d{4}년(?!\s*\d)", "", s[prev:t.end() + 12]), self.p.date, self.p.anchors)
            prev = t.end()
            self.merge(Agreement(agreement_name(s, t), k, {m.canonical: m for m in signers}, own or date, planned, s,
                                 sentence.headline, sentence.index, date_stated=bool(own) or stated, separate=True))
        return True

    def _english_clauses(self, sentence, parties: list[Mention]) -> bool:
        """'signed … with one city in May, sealed a second city's pact on June 2, and wrapped up …': one
        agreement per clause; False when the sentence has one clause."""
        s = sentence.text
        clauses = list(_EN_SIGN_CLAUSE.finditer(s))
        named = list(_EN_NAMED_PACT.finditer(s))
        if len(named) >= 2 and len(clauses) <= 1:
            # signed the Yeongdeungpo agreement on Nov. 11 and the Seongbuk pact the following day
            clauses = named
        subjects = [m for m in parties if clauses and m.start < clauses[0].start()][:1]
        if len(clauses) >= 2 and not subjects and named and self.agreements:
            subjects = [next(iter(self.agreements[-1].signers.values()))]  # The A agreement was signed …
        if len(clauses) < 2 or not subjects:
            return False
        bounds = [c.start() for c in clauses] + [len(s)]
        for c, end in zip(clauses, bounds[1:]):
            part = [m for m in parties if c.start() <= m.start < end and m not in subjects]
            if any(m.kind != "head" for m in part):
                part = [m for m in part if m.kind != "head"]  # the place named wins over a title's guess
            if part:
                clause = s[c.start():end]
                self.merge(Agreement(
                    agreement_name(clause, agreement_term(clause)), "협약", {m.canonical: m for m in subjects + part},
                    resolve_event_date(clause, self.p.date, self.p.anchors), False, s, sentence.headline,
                    sentence.index, date_stated=True, separate=True))
        return True

    # ------------------------------------------------------------------- merge
    def merge(self, ag: Agreement) -> None:
        """Add an agreement, or merge it into the one it reports again."""
        for old in self.agreements:
            if old.headline and not ag.headline:
                continue  # a headline's report stands only when the body reports no signing (see finish)
            # a date the text does not state (the day's news) does not tell two reports apart
            same_date = not old.date or not ag.date or old.date == ag.date or old.date[:7] == ag.date[:7] \
                or not old.date_stated or not ag.date_stated
            a, b = set(old.signers), set(ag.signers)
            # one ceremony reported from several angles (caption, lede, the list of signers): one document
            kinds_fit = old.kind == ag.kind or "협약" in (old.kind, ag.kind) or old.headline or ag.headline
            one_day = (old.date_stated or ag.date_stated) and old.date == ag.date and len(old.date or "") == 10
            if same_date and kinds_fit and old.planned == ag.planned and (
                    a == b or (a <= b or b <= a) and (not old.separate and not ag.separate or one_day)):
                old.signers.update(ag.signers)
                old.names += [n for n in ag.names if n not in old.names]
                old.open_count = old.open_count or ag.open_count
                old.expect = old.expect or ag.expect
                old.sentence_index = max(old.sentence_index, ag.sentence_index)
                if ag.date_stated and not old.date_stated:
                    old.date, old.date_stated = ag.date, True
                old.date = old.date or ag.date
                if old.headline and not ag.headline:
                    old.headline, old.evidence, old.name, old.sentence_index = False, ag.evidence, ag.name, ag.sentence_index
                    old.open_count = ag.open_count
                    old.date = ag.date or old.date
                return
        self.agreements.append(ag)

    def finish(self) -> list[Agreement]:
        """The article's agreements: a headline's report only where the body reports no signing, its signers
        joining the body's agreement where that one names only some of them; at least two signers, but for a
        council's own declaration."""
        agreements = self.agreements
        body = [a for a in agreements if not a.headline and not a.planned]
        for at, orgs in self._attending:
            # the heads who attended a ceremony sign the agreement of that ceremony: the one nearby they overlap most
            near = [a for a in body if (0 <= at - a.sentence_index <= 8 or 0 <= a.sentence_index - at <= 3)
                    and not a.separate and len(set(a.signers) & set(orgs)) >= min(2, len(a.signers))]
            if near:
                best = max(near, key=lambda a: (len(set(a.signers) & set(orgs)), -abs(a.sentence_index - at)))
                for name, m in orgs.items():
                    best.signers.setdefault(name, m)
        if body:
            for h in (a for a in agreements if a.headline and not a.planned):
                fits = [b for b in body if len(set(b.signers) & set(h.signers)) >= min(2, len(b.signers))
                        and not set(h.signers) <= set(b.signers)]
                if len(fits) == 1 and not fits[0].separate:
                    for name, m in h.signers.items():
                        fits[0].signers.setdefault(name, m)
            agreements = [a for a in agreements if not a.headline]
        out = []
        for ag in agreements:
            signers = list(ag.signers.values())
            # a declaration one council adopts is signed by that council alone
            declared = ag.kind == "공동선언" and signers and signers[0].type == "Council"
            if len(signers) < 2 and not declared:
                continue
            out.append(ag)
        return out


def _in_parens(s: str, at: int) -> bool:
    before = s[:at]
    return before.count("(") > before.count(")")


def _expected(s: str, parties: list[Mention]) -> tuple | None:
    """(label, level, n) when the sentence counts n signers of a kind it does not name them all of (9개 시·군)."""
    m = _COUNT.search(s)
    if not m:
        return None
    word = m.group(2) or m.group(3)
    n = int(m.group(1) or m.group(4))
    if re.search(r"시|군|구|지자체|자치단체|지역", word):
        label, level = "LocalGovernment", "basic"
    elif word in ("기관",):
        return None
    else:
        label, level = "Institution", None
    have = [p for p in parties if p.type == label and (level is None or p.level == level)]
    return (label, level, n) if len(have) < n else None


def _english_partners(s: str, term, parties: list[Mention]) -> list[Mention]:
    """"signed a business agreement with Seoul City for …": the partners are the ones right after "with"."""
    w = re.compile(r"\bwith\s+(?:the\s+)?").search(s, term.end())
    if not w:
        return parties
    rest = sorted((m for m in parties if m.start >= w.end()), key=lambda m: m.start)
    after = rest[:1] if rest and rest[0].start - w.end() <= 3 else []
    for m in rest[1:]:
        # with A, B and the C: the whole list
        if after and re.fullmatch(r"\s*(?:,|and|, and)\s*(?:the\s+)?", s[after[-1].end:m.start]):
            after.append(m)
        else:
            break
    if after:
        first = [m for m in parties if m.start < term.start()][:1]
        return first + after if first else parties
    return parties
