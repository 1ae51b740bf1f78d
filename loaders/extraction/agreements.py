"""Agreements and their signers: one ``Agreement`` per signed document.

A signing reported in the headline and again in the body is one agreement;
one ceremony reported from several angles (a caption, the lede, the list of
signers) is one agreement; a signing done 각각 / separately is one agreement
per partner; an annex signed with the main agreement is a second one. The
institutions a signing sentence counts (7개 대학, 기업 9곳) and the sentences
right after it list join its signers. Announced signings are kept as planned.

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
from .frames import Frame, agreement_term, words
from .particles import TOPIC_OR_SUBJECT, is_korean
from .people import Head

__all__ = ["Agreement", "Signings", "signing_date", "agreement_name", "SIGNERS"]

# who can sign: not a ministry that only designates or witnesses (councils sign as themselves)
SIGNERS = ("LocalGovernment", "EducationOffice", "Institution")
_EN_NAMED_PACT = re.compile(r"\b[Tt]he\s+[A-Z][a-z]+(?:-[a-z]+)?\s+(?:agreement|pact|deal|accord|MOU)\b")
_EN_SIGN_CLAUSE = re.compile(r"\b(?:signed|sealed|wrapped up|inked|concluded)\b", re.I)
_CONTINUES = re.compile(r"참여|이름을 올|서명|함께했|동참|참가|participat|joined|also signed", re.I)


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


def signing_date(s: str, pub: str | None, anchors: list[str], headline: bool, last_date: str | None,
                 earlier: list[Agreement]) -> tuple[str | None, bool]:
    """The date of the signing a sentence reports, and whether the sentence states it.

    The day written before the verb (not what the sentence says after it: 합의 기간은 … 2025년 2월까지);
    in English the day after the verb; 이날 / at the ceremony: the day the article last stated
    (``last_date``); an annex signed 이어 / also: the date of the signing just reported; a signing
    reported as the day's news (…체결했다고 밝혔다): the publication date.
    """
    verb = re.search(r"체결|맺|서명|signed|concluded|sealed|inked", s)
    if verb and not is_korean(s):
        # English states the day after the verb: "announced on the 4th that it signed … on the 3rd"
        d = resolve_event_date(s[verb.start():], pub, anchors)
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
            r"(?:체결|맺|서명|협약)[^.]*?(?:했다고|었다고|였다고|가졌다고)\s*(?:밝혔|전했|알렸)|"
            r"(?:announced|said)\s+(?:that\s+)?(?:it|they|the \w+)\s+(?:had\s+)?(?:signed|concluded)", s, re.I):
        d = pub
    return d, False


def agreement_name(s: str, term) -> str:
    """The agreement's name: the quoted name, else the words before the agreement term."""
    quoted = re.search(r"[‘'\"“]([^’'\"”]{3,60}(?:협약|합의서|MOU|선언|agreement|Agreement))[’'\"”]", s)
    if quoted:
        return quoted.group(1)
    if term is None:
        return "협약"
    before = s[:term.end()]
    m = re.search(r"((?:[가-힣A-Za-z0-9·]+\s){0,3}" + re.escape(term.group()) + r")$", before)
    return (m.group(1) if m else term.group()).strip()


class Signings:
    """The agreements of one article, as its sentences report them."""

    def __init__(self, prepared):
        self.p = prepared
        self.agreements: list[Agreement] = []

    def date(self, s: str, headline: bool, last_date: str | None) -> tuple[str | None, bool]:
        return signing_date(s, self.p.date, self.p.anchors, headline, last_date, self.agreements)

    def continue_listing(self, sentence, frame: Frame) -> None:
        """A sentence right after one that counts its signers (7개 기관이 참여) and names more of them."""
        if not self.agreements:
            return
        ag = self.agreements[-1]
        if not ag.open_count or sentence.headline or sentence.index - ag.sentence_index > 3 \
                or not _CONTINUES.search(sentence.text):
            return
        for m in frame.parties:
            # named ones only: 지자체와 교육청, 대학, 기업이 함께 … speaks of kinds, not of more signers
            if m.type in SIGNERS and m.kind != "anaphor":
                ag.signers.setdefault(m.canonical, m)

    def sign(self, sentence, frame: Frame, heads: list[Head], art, last_date: str | None) -> None:
        """A sentence that reports a signing: its signers, date and kind, one agreement or one per partner."""
        s = sentence.text
        parties = [m for m in frame.parties if m.type in SIGNERS or m.type == "Council"]
        if not frame.english:
            # Korean signers come before the verb; after it (서명한 뒤 … 교육장과 기념촬영) they only attend
            verb = re.search(r"체결|맺|서명|협약식을|손을? 잡|맞손", s)
            if verb:
                parties = [m for m in parties if m.start < verb.start() or m.kind == "anaphor"]
        # 김교육 ○○교육감과 이군수 ○○군수는 … 협약을 체결했다: the heads sign for their organisations
        for h in heads:
            at = s.find(h.surface)
            if at >= 0 and s[:at].count("(") > s[:at].count(")"):
                continue  # 협의회(대표: 이성 구로구청장): the representative signs for the council, not for his city
            if h.org and h.role and h.org not in [p.canonical for p in parties] and \
                    not re.search(r"참석|자리|함께했|함께 기념|기념촬영|지켜", s[s.find(h.surface):s.find(h.surface) + 40]):
                at = max(0, s.find(h.surface))
                parties.append(Mention(at, at + len(h.surface), h.org, h.org, h.org_type or "LocalGovernment",
                                       None, h.org_id, kind="head"))
        if not parties:
            return
        explicit = [m for m in frame.subjects if m.particle in TOPIC_OR_SUBJECT]
        if self.agreements and not explicit and re.match(r"\s*(?:이어|또한?|아울러|이와 함께)\b", s) and frame.partners:
            # 이어 23일에는 … A, B와 협약을 맺었다: the one who signed before signs again
            issuer = next(iter(self.agreements[-1].signers.values()))
            if issuer.canonical not in [p.canonical for p in parties]:
                parties = [issuer] + parties
        if len(parties) == 1 and not frame.subjects and frame.partners:
            # ○○군과는 3월에 협약을 체결했다: the issuer is the one of the signings just reported, else the
            # actor the article is about (금천구와의 첫 협약은 …)
            issuer = next(iter(self.agreements[-1].signers.values())) if self.agreements else art.lead(
                exclude=parties[0].canonical)
            if issuer is not None and issuer.canonical != parties[0].canonical:
                parties = [issuer] + parties
        if frame.english and self._english_clauses(sentence, parties):
            return
        term = agreement_term(s)
        if frame.english and term:
            parties = _english_partners(s, term, parties)
        kind = agreement_kind(term.group()) if term else "협약"
        date, stated = self.date(s, sentence.headline, last_date)
        planned = frame.planned or frame.present and not (stated and self.p.date and date and date <= self.p.date)
        groups: list[list[Mention]]
        if frame.separate and frame.subjects and len(frame.partners) >= 2 and not frame.english:
            groups = [frame.subjects[:1] + [p] for p in frame.partners]
        elif frame.separate and len(frame.subjects) >= 2 and len(frame.partners) == 1 and not frame.english:
            groups = [frame.partners + [p] for p in frame.subjects]
        elif frame.separate and frame.english and len(frame.partners) >= 2 and frame.subjects:
            groups = [frame.subjects[:1] + [p] for p in frame.partners]
        else:
            groups = [parties]
        name = agreement_name(s, term)
        if not frame.english and len(groups) == 1:
            kinds = []
            for t in words("agreement_terms_ko").finditer(s):
                k = agreement_kind(t.group())
                if k != "협약" and k not in [x for x, _ in kinds]:
                    kinds.append((k, t))
            if len(kinds) >= 2:
                # '…업무협약'을 맺고 … 부속합의서도 함께 체결했다: two documents, the same signers
                for k, t in kinds:
                    self.merge(Agreement(agreement_name(s, t), k, {m.canonical: m for m in groups[0]}, date,
                                         planned, s, sentence.headline, sentence.index, date_stated=stated,
                                         separate=True))
                return
        for g in groups:
            ag = Agreement(name if len(groups) == 1 else f"{name} ({g[-1].canonical})", kind,
                           {m.canonical: m for m in g}, date, planned, s, sentence.headline, sentence.index,
                           open_count=bool(re.search(r"\d+\s*(?:개|곳)|등\s*모두|institutions", s)) and len(groups) == 1,
                           date_stated=stated, separate=len(groups) > 1)
            self.merge(ag)

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

    def merge(self, ag: Agreement) -> None:
        """Add an agreement, or merge it into the one it reports again."""
        for old in self.agreements:
            if old.headline and not ag.headline:
                continue  # a headline's report stands only when the body reports no signing (see finish)
            same_date = not old.date or not ag.date or old.date == ag.date or old.date[:7] == ag.date[:7]
            a, b = set(old.signers), set(ag.signers)
            # one ceremony reported from several angles (caption, lede, the list of signers): one document
            kinds_fit = old.kind == ag.kind or "협약" in (old.kind, ag.kind) or old.headline or ag.headline
            if same_date and kinds_fit and old.planned == ag.planned and (
                    a == b or (a <= b or b <= a) and not old.separate and not ag.separate):
                old.signers.update(ag.signers)
                old.open_count = old.open_count or ag.open_count
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
        """The article's agreements: a headline's report only where the body reports no signing; one signer
        only for an announcement or a council's own declaration."""
        agreements = self.agreements
        if any(not a.headline and not a.planned for a in agreements):
            agreements = [a for a in agreements if not a.headline]
        out = []
        for ag in agreements:
            signers = list(ag.signers.values())
            # a declaration one council adopts is signed by that council alone
            declared = ag.kind == "공동선언" and signers and signers[0].type == "Council"
            if len(signers) < 2 and not ag.planned and not declared:
                continue
            out.append(ag)
        return out


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
