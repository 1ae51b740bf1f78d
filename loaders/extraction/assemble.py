"""Stage 5, relations and assembly: frames → the annotation of one article.

One ``Agreement`` per signed document: a signing reported in the headline and
again in the body is one agreement; a signing done 각각 / separately is one
agreement per partner; the institutions a signing sentence counts (7개 대학,
기업 9곳) and the sentences right after it list join its signers. Dates are
resolved against the publication date; a signing reported as the day's news
without a day takes the publication date. Announced signings are kept with
``status: planned``. Every relation carries the sentence that states it, a
body sentence before the headline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import combinations

from ...graph.values import agreement_kind
from ..dates import resolve_event_date
from ..romanize import hangul_name
from .frames import AGREEMENT_KO, Frame, agreement_term
from .mentions import ORG_TYPES, Mention
from .particles import TOPIC_OR_SUBJECT
from .people import Head, Officeholders, surname_fits, surname_ko

__all__ = ["Assembly"]

# words that stand for the article's programme when it is not named again (특구로 지정, the designation)
_PROGRAM_WORD = re.compile(r"특구|지구|사업을|\d기를?|시범지역|시범 지역|선도지역|관리지역|designat|special zone|\bzones?\b|pilot|leading areas?|"
                           r"managed areas?", re.I)
# who can take part in a programme or sign: not a ministry or committee that designates or witnesses
_PARTICIPANT_TYPES = ("LocalGovernment", "EducationOffice", "Institution")
_EN_NAMED_PACT = re.compile(r"\b[Tt]he\s+[A-Z][a-z]+(?:-[a-z]+)?\s+(?:agreement|pact|deal|accord|MOU)\b")
_EN_SIGN_CLAUSE = re.compile(r"\b(?:signed|sealed|wrapped up|inked|concluded)\b", re.I)
_CHAIR = re.compile(r"공동의장|공동 의장|의장을 맡|공동위원장|co-chair\w*|chaired by", re.I)
_CONTINUES = re.compile(r"참여|이름을 올|서명|함께했|동참|참가|participat|joined|also signed", re.I)


@dataclass
class _Agreement:
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


class Assembly:
    """Collects entities and relations for one article; ``result()`` gives the annotation."""

    def __init__(self, prepared, ctx):
        self.p = prepared
        self.ctx = ctx
        self.entities: dict = {}
        self.relations: list[dict] = []
        self._rel_index: dict = {}
        self.agreements: list[_Agreement] = []
        self._date_stated = False
        self._last_date: str | None = None  # the last day a sentence stated
        self._sentence_date: str | None = None

    # -------------------------------------------------------------- basics
    def entity(self, m_or_name, type_=None, level=None, surface=None, id_=None):
        if isinstance(m_or_name, Mention):
            m = m_or_name
            name, type_, level, surface, id_ = m.canonical, m.type, m.level, m.surface, m.id
        else:
            name = m_or_name
        key = (name, type_)
        if key not in self.entities:
            self.entities[key] = {"name": surface or name, "canonical_ko": name, "type": type_, "level": level,
                                  "id": id_}
        return name

    def relate(self, type_, source, target, evidence, headline=False, **props):
        if not source or not target or source == target:
            return
        if type_ == "COOPERATES_WITH":
            source, target = sorted((source, target))
        key = (type_, source, target, props.get("role"))
        old = self._rel_index.get(key)
        if old is not None:
            if old.get("_headline") and not headline:
                old["evidence"] = evidence
                old["_headline"] = False
            if props.get("date") and not old.get("date"):
                old["date"] = props["date"]
            return
        rel = {"type": type_, "source": source, "target": target}
        rel.update({k: v for k, v in props.items() if v is not None})
        rel["evidence"] = evidence
        rel["_headline"] = headline
        self._rel_index[key] = rel
        self.relations.append(rel)

    # -------------------------------------------------------------- frames
    def add(self, sentence, frame: Frame, heads: list[Head], art):
        s = sentence.text
        self._sentence_date = resolve_event_date(s, self.p.date, self.p.anchors)
        for m in frame.mentions:
            if m.canonical and (m.type in ORG_TYPES or m.type == "Program"):
                if m.type == "Program" or m.kind != "anaphor" or m.canonical:
                    self.entity(m)
        self._heads(sentence, heads, frame, art)
        if frame.signing:
            self._signing(sentence, frame, heads, art)
            self._signed_for_programme(sentence, frame)
        elif self.agreements and self.agreements[-1].open_count and not sentence.headline \
                and sentence.index - self.agreements[-1].sentence_index <= 3 and _CONTINUES.search(s):
            ag = self.agreements[-1]
            for m in frame.parties:
                # named ones only: 지자체와 교육청, 대학, 기업이 함께 … speaks of kinds, not of more signers
                if m.type in _PARTICIPANT_TYPES and m.kind != "anaphor":
                    ag.signers.setdefault(m.canonical, m)
        self._participation(sentence, frame, art)
        self._cooperation(sentence, frame)
        if self._sentence_date and len(self._sentence_date) == 10:
            self._last_date = self._sentence_date

    def _heads(self, sentence, heads: list[Head], frame: Frame, art):
        for h in heads:
            if not re.search(r"[가-힣]", h.person):
                # a romanised name whose usual Hangul reading is the name of a head of one of the article's
                # governments or offices then (Lee Dong-jin, Dobong's mayor → 이동진); other names stay as written
                guess = hangul_name(h.person)
                ids = [m.id for m in art.info.values() if m.id and m.type in ("LocalGovernment", "EducationOffice")]
                if guess and guess in Officeholders.default().names_of(ids, self.p.date):
                    h.person = guess
            org, org_type = h.org, h.org_type
            if org is None and h.org_id and h.org_id.startswith("context:"):
                target = _context_org(h.org_id.split(":", 1)[1], frame, art)
                if target is not None:
                    org, org_type = target.canonical, target.type
                    self.entity(target)
                    if not re.search(r"[가-힣]", h.person) and target.id:
                        # a romanised name with a title: whoever held that title then, if the surname fits
                        holder = Officeholders.default().holder(target.id, self.p.date, surname_ko(h.person))
                        if holder and surname_fits(h.person, holder):
                            h.person = holder
            self.entity(h.person, "Person", surface=h.surface)
            if org and h.role:
                self.entity(org, org_type)
                self.relate("HEADS", h.person, org, sentence.text, sentence.headline, role=h.role)
        # 협의회 공동의장인 김 교육감과 박 시장 / co-chaired by Gov. Kim and Superintendent Shin
        # 홍길동 가람구청장을 초대 회장으로 선출했다
        elected = re.search(r"(회장|위원장|의장|공동의장)(?:으로|에)\s*(?:선출|추대|선임)", sentence.text)
        if elected and frame.councils:
            for h in heads:
                if re.search(r"[가-힣]", h.person) and sentence.text.find(h.surface) < elected.start():
                    self.relate("HEADS", h.person, frame.councils[0].canonical, sentence.text, sentence.headline,
                                role=elected.group(1))
        chair = _CHAIR.search(sentence.text)
        if chair and frame.councils:
            role = "공동의장" if re.search(r"공동|co-", chair.group(), re.I) else "의장"
            for h in heads:
                if h.role in ("교육감", "시장", "도지사", "군수", "구청장") and re.search(r"[가-힣]", h.person):
                    self.relate("HEADS", h.person, frame.councils[0].canonical, sentence.text, sentence.headline,
                                role=role)

    def _date(self, s: str, headline: bool) -> str | None:
        # the date of the signing, not of what the sentence says after it (합의 기간은 … 2025년 2월까지)
        verb = re.search(r"체결|맺|서명|signed|concluded|sealed|inked", s)
        if verb and not re.search(r"[가-힣]", s):
            # English states the day after the verb: "announced on the 4th that it signed … on the 3rd"
            d = resolve_event_date(s[verb.start():], self.p.date, self.p.anchors)
            if d is not None:
                self._date_stated = True
                return d
        d = resolve_event_date(s[:verb.end() + 4] if verb else s, self.p.date, self.p.anchors)
        if d is None and verb:
            d = resolve_event_date(s, self.p.date, self.p.anchors)
        self._date_stated = d is not None
        if d is None and re.search(r"이날|당일|그날|at the ceremony|at the meeting|at the event|that day|the same day", s, re.I):
            d = self._last_date  # 이날 / at the ceremony: the day the article last stated
        if d is None and not headline and re.search(r"이어|함께|also|then", s):
            # 협약에 이어 … 부속합의서에도 서명했다 (an annex signed at the same ceremony): the same ceremony as the signing just reported
            d = next((a.date for a in reversed(self.agreements) if not a.headline and a.date), None)
        if d is None and not headline and re.search(
                r"(?:체결|맺|서명|협약)[^.]*?(?:했다고|었다고|였다고|가졌다고)\s*(?:밝혔|전했|알렸)|"
                r"(?:announced|said)\s+(?:that\s+)?(?:it|they|the \w+)\s+(?:had\s+)?(?:signed|concluded)", s, re.I):
            d = self.p.date  # the signing reported as the day's news
        return d

    def _signing(self, sentence, frame: Frame, heads: list[Head], art):
        s = sentence.text
        parties = [m for m in frame.parties if m.type in _PARTICIPANT_TYPES or m.type == "Council"]
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
                if h.org and h.role:
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
        if frame.english:
            clauses = list(_EN_SIGN_CLAUSE.finditer(s))
            named = list(_EN_NAMED_PACT.finditer(s))
            if len(named) >= 2 and len(clauses) <= 1:
                # signed the Yeongdeungpo agreement on Nov. 11 and the Seongbuk pact the following day
                clauses = named
            subjects = [m for m in parties if clauses and m.start < clauses[0].start()][:1]
            if len(clauses) >= 2 and not subjects and named and self.agreements:
                subjects = [next(iter(self.agreements[-1].signers.values()))]  # The A agreement was signed …
            if len(clauses) >= 2 and subjects:
                # signed … with one city in May, sealed a second city's pact on June 2, and wrapped up …
                bounds = [c.start() for c in clauses] + [len(s)]
                for c, end in zip(clauses, bounds[1:]):
                    part = [m for m in parties if c.start() <= m.start < end and m not in subjects]
                    if any(m.kind != "head" for m in part):
                        part = [m for m in part if m.kind != "head"]  # the place named wins over a title's guess
                    if part:
                        clause = s[c.start():end]
                        self._merge_agreement(_Agreement(
                            _agreement_name(clause, agreement_term(clause)), "협약",
                            {m.canonical: m for m in subjects + part},
                            resolve_event_date(clause, self.p.date, self.p.anchors), False, s, sentence.headline,
                            sentence.index, date_stated=True, separate=True))
                return
        term = agreement_term(s)
        if frame.english and term:
            # "signed a business agreement with Seoul City for …": the partner is the one after "with"
            w = re.compile(r"\bwith\s+(?:the\s+)?").search(s, term.end())
            if w:
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
                    parties = first + after if first else parties
        kind = agreement_kind(term.group()) if term else "협약"
        date = self._date(s, sentence.headline)
        groups: list[list[Mention]]
        if frame.separate and frame.subjects and len(frame.partners) >= 2 and not frame.english:
            groups = [frame.subjects[:1] + [p] for p in frame.partners]
        elif frame.separate and len(frame.subjects) >= 2 and len(frame.partners) == 1 and not frame.english:
            groups = [frame.partners + [p] for p in frame.subjects]
        elif frame.separate and frame.english and len(frame.partners) >= 2 and frame.subjects:
            groups = [frame.subjects[:1] + [p] for p in frame.partners]
        else:
            groups = [parties]
        name = _agreement_name(s, term)
        if not frame.english and len(groups) == 1:
            kinds = []
            for t in AGREEMENT_KO.finditer(s):
                k = agreement_kind(t.group())
                if k != "협약" and k not in [x for x, _ in kinds]:
                    kinds.append((k, t))
            if len(kinds) >= 2:
                # '…업무협약'을 맺고 … 부속합의서도 함께 체결했다: two documents, the same signers
                for k, t in kinds:
                    self._merge_agreement(_Agreement(
                        _agreement_name(s, t), k, {m.canonical: m for m in groups[0]}, date, frame.planned, s,
                        sentence.headline, sentence.index, date_stated=self._date_stated, separate=True))
                return
        for g in groups:
            if len({m.canonical for m in g}) < 1:
                continue
            ag = _Agreement(name if len(groups) == 1 else f"{name} ({g[-1].canonical})", kind,
                            {m.canonical: m for m in g}, date, frame.planned, s, sentence.headline, sentence.index,
                            open_count=bool(re.search(r"\d+\s*(?:개|곳)|등\s*모두|institutions", s)) and len(groups) == 1,
                            date_stated=self._date_stated, separate=len(groups) > 1)
            self._merge_agreement(ag)

    def _merge_agreement(self, ag: _Agreement):
        for old in self.agreements:
            if old.headline and not ag.headline:
                continue  # a headline's report stands only when the body reports no signing (see result)
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

    def _models(self, sentence):
        """'디지털 튜터 학교 배치(서대문구 모델)': the governments named as a programme item's model run it."""
        s = sentence.text
        for item, names in _model_items(s):
            if len(item) < 3:
                continue
            got = []
            for n in names:
                hit = [e for e in self.ctx.resolver.lookup(n) if e.label == "LocalGovernment" and e.level == "basic"]
                if not hit and not n.endswith(("구", "시", "군")):
                    hit = [e for e in self.ctx.resolver.lookup(n + "구") if e.label == "LocalGovernment"]
                hit = self.ctx.narrow(hit)
                if len(hit) == 1:
                    got.append(hit[0])
            if got:
                self.entity(item, "Program")
                for e in got:
                    name = self.entity(self.ctx.name(e), e.label, e.level, id_=e.id)
                    self.relate("PARTICIPATES_IN", name, item, s, sentence.headline, role="model")

    def _participation(self, sentence, frame: Frame, art):
        s = sentence.text
        self._models(sentence)
        if not frame.programs and art.main_program is not None and (
                frame.designation or (frame.running or frame.running_any) and _PROGRAM_WORD.search(s)
                or frame.run_in_places):
            frame.programs = [art.main_program]
            frame.running = frame.running or frame.running_any
        if not frame.programs:
            return
        if frame.applying and not frame.designation and not frame.running:
            return
        if frame.applying and re.search(r"신청|응모|공모에|도전|apply|applied|bid", s, re.I):
            return
        if re.search(r"(?:은|는|란)\s.*(?:사업이다|제도다|정책이다|사업으로|제도로)|\bis a (?:program|scheme|project)\b", s) \
                and frame.programs[0].particle in ("은", "는", "란"):
            return
        topic = frame.programs[0] if frame.programs and frame.programs[0].particle in ("는", "은") \
            and frame.programs[0].start < 12 else None
        if topic is not None and not frame.designation and not frame.running and not re.search(
                r"사업이다|제도다|정책이다|말한다|뜻한다|지역이다|모델이다|목표다|계획이다", s):
            # 인천 교육혁신지구는 2015년 A구를 시작으로 B구·C구로 늘었다: the governments it lists take part
            listed = [m for m in frame.parties if m.type == "LocalGovernment" and m.level == "basic"]
            if len(listed) >= 2:
                for m in listed:
                    self.entity(topic)
                    self.relate("PARTICIPATES_IN", m.canonical, topic.canonical, s, sentence.headline)
            return
        if not (frame.designation or frame.running):
            return
        actors: list[Mention]
        if frame.designation and not frame.english:
            designated = [m for m in frame.objects]
            passive = re.search(r"지정됐|선정됐|지정돼|선정돼|지정되|선정되|뽑혔|합류|이름을 올|확정|에서 운영되", s)
            actors = designated if designated and not passive else (frame.subjects if passive else designated)
            if not actors:
                actors = [m for m in frame.parties if m.kind == "place"] or frame.subjects
        elif frame.english:
            # English: the one the sentence is about, and those it runs the programme "together with"
            actors = (frame.subjects or frame.parties) + [
                m for m in frame.parties
                if re.search(r"\b(?:together|jointly|in partnership|in cooperation)\s+with\s+(?:the\s+)?$", s[:m.start])]
        else:
            actors = frame.parties
        for m in actors:
            if m.type not in _PARTICIPANT_TYPES:
                continue
            for p in frame.programs:
                self.entity(p)
                self.relate("PARTICIPATES_IN", m.canonical, p.canonical, s, sentence.headline)

    def _cooperation(self, sentence, frame: Frame):
        s = sentence.text
        actors = [m for m in frame.parties if m.type in _PARTICIPANT_TYPES]
        if frame.councils and (frame.meeting or frame.cooperation):
            for c in frame.councils:
                for m in actors:
                    if m.type in ("LocalGovernment", "EducationOffice"):
                        self.relate("MEMBER_OF", m.canonical, c.canonical, s, sentence.headline)
        if frame.signing or not (frame.cooperation or frame.councils and frame.meeting):
            return
        if len({m.canonical for m in actors}) < 2:
            return
        names = list(dict.fromkeys(m.canonical for m in actors))
        if frame.english and frame.subjects:
            # English names the one who acts first; the others cooperate with it, not with each other
            subj = frame.subjects[0].canonical
            pairs = [(subj, n) for n in names if n != subj]
        elif len(names) <= 4:
            pairs = combinations(names, 2)
        else:
            subj = [m.canonical for m in frame.subjects if m.type in _PARTICIPANT_TYPES][:1]
            pairs = [(subj[0], n) for n in names if subj and n != subj[0]]
        # the day the sentence states (3일 in an article of the 4th), else the publication date at ingest
        when = self._sentence_date
        for a, b in pairs:
            self.relate("COOPERATES_WITH", a, b, s, sentence.headline, date=when)

    def _signed_for_programme(self, sentence, frame: Frame):
        """Signers of an agreement the sentence says is for running a programme take part in it
        (… 행복교육지구 운영을 위한 협약, agreements for the … program); seeking one is not taking part."""
        if frame.planned or frame.applying or not frame.programs or not self.agreements:
            return
        s = sentence.text
        for p in frame.programs:
            after = s[p.end:p.end + 24]
            if frame.english and re.search(r"\b(?:for|under|to run|to operate)\b[^.]{0,40}$", s[:p.start]) or \
                    not frame.english and re.match(r"\s*(?:\S+\s)?운영(?:을|을 위한|에 관한| 협약)", after):
                for signer in self.agreements[-1].signers.values():
                    if signer.type in _PARTICIPANT_TYPES:
                        self.entity(p)
                        self.relate("PARTICIPATES_IN", signer.canonical, p.canonical, s, sentence.headline)

    def _agreement_programmes(self, art):
        """Signers of an agreement named after a programme (‘철원 행복교육지구 운영을 위한 업무협약’) take part in it;
        one sought (…추진 업무협약, 유치, 지정을 위한) is not yet a programme of theirs."""
        for ag in self.agreements:
            if ag.planned or re.search(r"추진|유치|지정|공모|신청|준비", ag.name):
                continue
            for key, m in art.program_info.items():
                if re.sub(r"\s", "", key) in re.sub(r"\s", "", ag.name) or (m.surface and m.surface in ag.name):
                    for signer in ag.signers.values():
                        if signer.type in _PARTICIPANT_TYPES:
                            self.entity(m)
                            self.relate("PARTICIPATES_IN", signer.canonical, m.canonical, ag.evidence, ag.headline)

    # -------------------------------------------------------------- result
    def result(self, art=None) -> dict:
        if art is not None:
            self._agreement_programmes(art)
        if any(not a.headline and not a.planned for a in self.agreements):
            self.agreements = [a for a in self.agreements if not a.headline]
        for ag in self.agreements:
            signers = list(ag.signers.values())
            # a declaration one council adopts is signed by that council alone
            declared = ag.kind == "공동선언" and signers and signers[0].type == "Council"
            if len(signers) < 2 and not ag.planned and not declared:
                continue
            name = ag.name
            self.entity(name, "Agreement")
            for m in signers:
                self.entity(m)
                self.relate("SIGNED", m.canonical, name, ag.evidence, ag.headline, date=ag.date,
                            status="planned" if ag.planned else None)
            if ag.planned and len(signers) == 2:
                # two parties announcing their agreement already cooperate on it (the signing itself is to come)
                self.relate("COOPERATES_WITH", signers[0].canonical, signers[1].canonical, ag.evidence, ag.headline)
        rels = []
        for r in self.relations:
            r = {k: v for k, v in r.items() if not k.startswith("_")}
            rels.append(r)
        used = {r["source"] for r in rels} | {r["target"] for r in rels}
        entities = []
        for (name, type_), e in self.entities.items():
            if type_ in ("Program", "Agreement") and name not in used:
                continue
            entities.append(e)
        return {"entities": entities, "relations": rels}


def _context_org(kind: str, frame: Frame, art):
    """The organisation a bare title heads, from the sentence's actors, else the article's."""
    want = {"EO_PROVINCIAL": ("EducationOffice", "provincial"), "EO": ("EducationOffice", "provincial"),
            "EO_DISTRICT": ("EducationOffice", "district"), "PROVINCE": ("LocalGovernment", "metropolitan"),
            "CITY": ("LocalGovernment", None), "COUNTY": ("LocalGovernment", "basic"),
            "GU": ("LocalGovernment", "basic"), "LG": ("LocalGovernment", "basic"),
            "COUNCIL": ("Council", None)}.get(kind)
    if want is None:
        return None
    type_, level = want
    suffix = {"CITY": "시", "COUNTY": "군", "GU": "구"}.get(kind)
    here = [m for m in frame.mentions if m.type == type_ and (level is None or m.level == level)
            and (suffix is None or (m.canonical or "").endswith(suffix))]
    if here:
        return here[0]
    if kind in ("EO_PROVINCIAL", "EO") and art.provincial_eo is not None:
        return art.entity_mention(art.provincial_eo, Mention(0, 0, "", None, "EducationOffice"))
    if kind == "PROVINCE" and art.metro is not None:
        return art.entity_mention(art.metro, Mention(0, 0, "", None, "LocalGovernment"))
    found = art.main(type_, level, suffix)
    if found is None and kind == "CITY" and art.metro is not None and art.metro.name_ko.endswith(("특별시", "광역시", "특별자치시")):
        return art.entity_mention(art.metro, Mention(0, 0, "", None, "LocalGovernment"))
    return found


def _agreement_name(s: str, term) -> str:
    quoted = re.search(r"[‘'\"“]([^’'\"”]{3,60}(?:협약|합의서|MOU|선언|agreement|Agreement))[’'\"”]", s)
    if quoted:
        return quoted.group(1)
    if term is None:
        return "협약"
    before = s[:term.end()]
    m = re.search(r"((?:[가-힣A-Za-z0-9·]+\s){0,3}" + re.escape(term.group()) + r")$", before)
    return (m.group(1) if m else term.group()).strip()


_MODEL = re.compile(r"\(([^()]*?)\s*모델(?:\s*등)?\)")


def _model_items(s: str):
    """'디지털 튜터(멘토) 학교 배치(서대문구 모델)' → ('디지털 튜터 학교 배치', ['서대문구'])."""
    last = 0
    for m in _MODEL.finditer(s):
        names = [n.strip() for n in re.split(r"[,·、/]", m.group(1)) if n.strip()]
        segment = s[last:m.start()]
        last = m.end()
        starts = [x.end() for x in re.finditer(r"[①②③④⑤⑥⑦⑧⑨⑩]", segment)]
        if starts:
            segment = segment[starts[-1]:]
        item = re.sub(r"\([^)]*\)", "", segment).strip(" ,.:")
        if names and all(re.fullmatch(r"[가-힣]{1,6}", n) for n in names):
            yield item, names
