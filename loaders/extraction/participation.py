"""Who takes part in which programme: designated for it, running it, the model for one of its items, or
signing an agreement to run it. Applying, bidding and planning are not taking part, and neither is the
ministry or committee that designates.

>>> from edugraph.loaders.documents import Document
>>> from edugraph.loaders.extraction import extract
>>> ann = extract(Document("가평군이 교육발전특구 시범지역으로 지정됐다.", name="a.txt", date="2024-03-01"))
>>> [(r["source"], r["target"]) for r in ann["relations"] if r["type"] == "PARTICIPATES_IN"]
[('가평군', '교육발전특구')]
"""

from __future__ import annotations

import re

from .agreements import SIGNERS, Agreement
from .context import Context
from .frames import Frame, designated
from .registry import Registry

__all__ = ["Participation", "PARTICIPANTS"]

# who can take part in a programme: not a ministry or committee that designates or witnesses
PARTICIPANTS = SIGNERS
# words that stand for the article's programme when it is not named again (특구로 지정, the designation)
_PROGRAM_WORD = re.compile(r"특구|지구|사업을|\d기를?|시범지역|시범 지역|선도지역|관리지역|designat|special zone|\bzones?\b|"
                           r"pilot|leading areas?|managed areas?", re.I)
_MODEL = re.compile(r"\(([^()]*?)\s*모델(?:\s*등)?\)")
# a designation sought: for it, to attract it, applying for it
_SOUGHT = re.compile(r"(?:선정|지정)(?:을|를)?\s*(?:위해|위한|목표)|유치|공모\s*(?:신청|참여|에 도전|준비)|신청서|도전|지정\s*시|"
                     r"(?:선정|지정)되면|\bapplicants?\b|\b(?:appl(?:y|ied|ication)|bid|bidding) (?:for|to)\b|to attract|"
                     r"joint application", re.I)
# a programme that has grown: 가람구에서 시작돼 나래구까지 확대됐다, 다온구 등으로 늘어났다, started in 2020 with …
_EXPANDED = re.compile(r"(?:시작돼|시작해|시작으로|처음)[^.]*(?:확대|늘어|늘었|확장)|(?:까지|으로|로)\s*(?:\S+\s){0,2}(?:확대|늘어|늘었)|"
                       r"\bstarted in \d{4} with\b|\bexpanded to\b", re.I)
# 가람시는 2017년 A를 시작으로 B를 거쳐 …: the one the sentence is about ran each programme it names
_HISTORY = re.compile(r"(?:을|를)\s*시작으로[^.]*(?:을|를)\s*거쳐")
# what a programme is: …는 … 공동체이다 / refers to areas designated by …
_DEFINITION = re.compile(r"(?:사업|제도|정책|지역|지구|공동체|체계|모델)(?:이다|입니다)\W*$|\brefers? to\b|\bis an? (?:area|district|"
                         r"zone|program|project)\b", re.I)


class Participation:
    def __init__(self, registry: Registry, ctx: Context):
        self.reg = registry
        self.ctx = ctx
        self._sought: set = set()

    def sought(self, sentences, mentions_per_sentence) -> None:
        """The programmes the article says are only sought (지정을 위해, 유치, 공모 신청, joint applicants) and never
        says were designated: an agreement about them is no part in them yet."""
        said: dict = {}
        for sentence, mentions in zip(sentences, mentions_per_sentence):
            s = sentence.text
            for m in mentions:
                if m.type != "Program" or not m.canonical:
                    continue
                if designated(s):
                    said[m.canonical] = "designated"
                elif _SOUGHT.search(s) and said.get(m.canonical) != "designated":
                    said[m.canonical] = "sought"
        self._sought = {name for name, how in said.items() if how == "sought"}

    def add(self, sentence, frame: Frame, art) -> None:
        """The programmes the sentence says its actors take part in."""
        s = sentence.text
        self._models(sentence)
        programs = frame.programs
        running = frame.running
        if not programs and art.main_program is not None and (
                frame.designation or (frame.running or frame.running_any) and _PROGRAM_WORD.search(s)
                or frame.run_in_places or _EXPANDED.search(s)):
            # 특구로 지정됐다, 가람구에서 시작돼 나래구까지 확대됐다: the article's programme, not named again
            programs = [art.main_program]
            running = frame.running or frame.running_any
        if not programs or frame.signing and frame.planned and not _RAN.search(s):
            return  # an agreement to run it still to be signed: not yet taking part (unless they ran it before)
        programs = [p for p in programs if not _agenda_item(s, p) and (p.canonical not in self._sought or designated(s))]
        if not programs:
            return  # ▲ 가람교육지구 운영 협조 (an item of a meeting's agenda): discussed, not taken part in
        if self._defined_with(sentence, frame, programs):
            return
        if self._over_time(sentence, frame, programs):
            return
        if _HISTORY.search(s) and frame.subjects:
            for m in frame.subjects[:1]:
                for p in programs:
                    self.reg.entity(p)
                    self.reg.relate("PARTICIPATES_IN", m.canonical, p.canonical, s, sentence.headline)
            return
        if frame.applying and not frame.designation and not running:
            return
        if frame.applying and re.search(r"신청|응모|공모에|도전|apply|applied|bid|applicant", s, re.I):
            return
        if re.search(r"(?:은|는|란)\s.*(?:사업이다|제도다|정책이다|사업으로|제도로)|\bis a (?:program|scheme|project)\b", s) \
                and programs[0].particle in ("은", "는", "란"):
            return
        if not (frame.designation or running):
            return
        speakers = {m.canonical for m in frame.speakers}
        if frame.designation and not frame.english:
            designated_ = list(frame.objects)
            passive = re.search(r"지정됐|선정됐|지정돼|선정돼|지정되|선정되|지정된|선정된|뽑혔|합류|이름을 올|확정|에서 운영되", s)
            actors = designated_ if designated_ and not passive else (frame.subjects if passive else designated_)
            if not actors:
                actors = [m for m in frame.parties if m.kind == "place"] or frame.subjects
            # 가람시와 공동으로 선정됐다: the one designated together with the subject takes part too
            actors = actors + [m for m in frame.partners if re.match(r"\s*(?:공동으로|함께)", s[m.end + len(m.particle):])]
        elif frame.english:
            # English: the one the sentence is about, and those it runs the programme "together with"
            actors = (frame.subjects or frame.parties) + [
                m for m in frame.parties
                if re.search(r"\b(?:together|jointly|in partnership|in cooperation)\s+with\s+(?:the\s+)?$", s[:m.start])]
        else:
            actors = frame.parties
        for m in actors:
            if m.type not in PARTICIPANTS or m.canonical in speakers:
                continue
            for p in programs:
                self.reg.entity(p)
                self.reg.relate("PARTICIPATES_IN", m.canonical, p.canonical, s, sentence.headline)

    def _defined_with(self, sentence, frame: Frame, programs) -> bool:
        """가람교육지구는 … 나래교육청과 기초자치단체의 협력으로 … 지원하는 공동체이다: the office (or government) a
        programme's definition names as the one running it takes part in it."""
        s = sentence.text
        if not (programs[0].start < 12 and (programs[0].particle in ("는", "은", "란") or frame.english)
                and _DEFINITION.search(s)):
            return False
        for m in frame.parties:
            if m.type in ("EducationOffice", "LocalGovernment") and m.kind == "name" and m.level in ("provincial", "metropolitan"):
                self.reg.entity(programs[0])
                self.reg.relate("PARTICIPATES_IN", m.canonical, programs[0].canonical, s, sentence.headline)
        return True

    def _over_time(self, sentence, frame: Frame, programs) -> bool:
        """인천 교육혁신지구는 2015년 가람구에서 시작돼 나래구·다온구까지 확대됐다, started in 2020 with five
        districts (A, B, C, D, E): every government listed has taken part."""
        s = sentence.text
        if not (_EXPANDED.search(s) or programs[0].particle in ("는", "은") and programs[0].start < 12
                and not frame.designation and not frame.running):
            return False
        if re.search(r"사업이다|제도다|정책이다|말한다|뜻한다|지역이다|모델이다|목표다|계획이다", s):
            return False
        listed = [m for m in frame.mentions if m.type == "LocalGovernment" and m.level == "basic" and m.kind != "anaphor"]
        if len({m.canonical for m in listed}) < 2:
            return False
        for m in listed:
            for p in programs:
                self.reg.entity(p)
                self.reg.relate("PARTICIPATES_IN", m.canonical, p.canonical, s, sentence.headline)
        return True

    def signed_for_programme(self, sentence, frame: Frame, last: Agreement | None) -> None:
        """Signers of an agreement the sentence says is for running a programme take part in it
        (… 행복교육지구 운영을 위한 협약, agreements for the … program); seeking one is not taking part."""
        if frame.planned or frame.applying or not frame.programs or last is None:
            return
        s = sentence.text
        for p in frame.programs:
            if p.canonical in self._sought:
                continue
            after = s[p.end:p.end + 24]
            if frame.english and re.search(r"\b(?:for|under|to run|to operate)\b[^.]{0,40}$", s[:p.start]) or \
                    not frame.english and re.match(r"[’'”\"]?\s*(?:\S+\s)?\S*?(?:운영|추진)(?:을|을 위한|을 위해|에 관한| 협약|과|및)", after):
                for signer in last.signers.values():
                    if signer.type in PARTICIPANTS:
                        self.reg.entity(p)
                        self.reg.relate("PARTICIPATES_IN", signer.canonical, p.canonical, s, sentence.headline)

    def agreement_programmes(self, agreements: list[Agreement], art) -> None:
        """Signers of an agreement named after a programme (‘철원 행복교육지구 운영을 위한 업무협약’) take part in it;
        one sought (…추진 업무협약, 유치, 지정을 위한) is not yet a programme of theirs."""
        for ag in agreements:
            names = [n for n in ag.names if not re.search(r"유치|지정|선정|공모|신청|준비", n)]
            if ag.planned or not names:
                continue
            for key, m in art.program_info.items():
                if key in self._sought:
                    continue
                if any(re.sub(r"\s", "", key) in re.sub(r"\s", "", n) or (m.surface and m.surface in n) for n in names):
                    for signer in ag.signers.values():
                        if signer.type in PARTICIPANTS:
                            self.reg.entity(m)
                            self.reg.relate("PARTICIPATES_IN", signer.canonical, m.canonical, ag.evidence, ag.headline)

    def _models(self, sentence) -> None:
        """'디지털 튜터 학교 배치(서대문구 모델)': the governments named as a programme item's model run it."""
        s = sentence.text
        for item, names in model_items(s):
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
                self.reg.entity(item, "Program")
                for e in got:
                    name = self.reg.entity(self.ctx.name(e), e.label, e.level, id_=e.id)
                    self.reg.relate("PARTICIPATES_IN", name, item, s, sentence.headline, role="model")


_RAN = re.compile(r"운영한|운영해 온|운영했|참여한|참여해 온|지정된|선정된")


def _agenda_item(s: str, p) -> bool:
    """Whether programme mention ``p`` is an item of an agenda (▲ …, inside parentheses)."""
    before = s[:p.start]
    marker = max(before.rfind("▲"), before.rfind("△"))
    return marker >= 0 and not re.search(r"[.。]\s", before[marker:]) or before.count("(") > before.count(")")


def model_items(s: str):
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
