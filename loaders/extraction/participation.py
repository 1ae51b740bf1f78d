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
from .frames import Frame
from .registry import Registry

__all__ = ["Participation", "PARTICIPANTS"]

# who can take part in a programme: not a ministry or committee that designates or witnesses
PARTICIPANTS = SIGNERS
# words that stand for the article's programme when it is not named again (특구로 지정, the designation)
_PROGRAM_WORD = re.compile(r"특구|지구|사업을|\d기를?|시범지역|시범 지역|선도지역|관리지역|designat|special zone|\bzones?\b|"
                           r"pilot|leading areas?|managed areas?", re.I)
_MODEL = re.compile(r"\(([^()]*?)\s*모델(?:\s*등)?\)")


class Participation:
    def __init__(self, registry: Registry, ctx: Context):
        self.reg = registry
        self.ctx = ctx

    def add(self, sentence, frame: Frame, art) -> None:
        """The programmes the sentence says its actors take part in."""
        s = sentence.text
        self._models(sentence)
        programs = frame.programs
        running = frame.running
        if not programs and art.main_program is not None and (
                frame.designation or (frame.running or frame.running_any) and _PROGRAM_WORD.search(s)
                or frame.run_in_places):
            # 특구로 지정됐다: the article's programme, not named again
            programs = [art.main_program]
            running = frame.running or frame.running_any
        if not programs:
            return
        if frame.applying and not frame.designation and not running:
            return
        if frame.applying and re.search(r"신청|응모|공모에|도전|apply|applied|bid", s, re.I):
            return
        if re.search(r"(?:은|는|란)\s.*(?:사업이다|제도다|정책이다|사업으로|제도로)|\bis a (?:program|scheme|project)\b", s) \
                and programs[0].particle in ("은", "는", "란"):
            return
        topic = programs[0] if programs[0].particle in ("는", "은") and programs[0].start < 12 else None
        if topic is not None and not frame.designation and not running and not re.search(
                r"사업이다|제도다|정책이다|말한다|뜻한다|지역이다|모델이다|목표다|계획이다", s):
            # 인천 교육혁신지구는 2015년 A구를 시작으로 B구·C구로 늘었다: the governments it lists take part
            listed = [m for m in frame.parties if m.type == "LocalGovernment" and m.level == "basic"]
            if len(listed) >= 2:
                for m in listed:
                    self.reg.entity(topic)
                    self.reg.relate("PARTICIPATES_IN", m.canonical, topic.canonical, s, sentence.headline)
            return
        if not (frame.designation or running):
            return
        if frame.designation and not frame.english:
            designated = list(frame.objects)
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
            if m.type not in PARTICIPANTS:
                continue
            for p in programs:
                self.reg.entity(p)
                self.reg.relate("PARTICIPATES_IN", m.canonical, p.canonical, s, sentence.headline)

    def signed_for_programme(self, sentence, frame: Frame, last: Agreement | None) -> None:
        """Signers of an agreement the sentence says is for running a programme take part in it
        (… 행복교육지구 운영을 위한 협약, agreements for the … program); seeking one is not taking part."""
        if frame.planned or frame.applying or not frame.programs or last is None:
            return
        s = sentence.text
        for p in frame.programs:
            after = s[p.end:p.end + 24]
            if frame.english and re.search(r"\b(?:for|under|to run|to operate)\b[^.]{0,40}$", s[:p.start]) or \
                    not frame.english and re.match(r"\s*(?:\S+\s)?운영(?:을|을 위한|에 관한| 협약)", after):
                for signer in last.signers.values():
                    if signer.type in PARTICIPANTS:
                        self.reg.entity(p)
                        self.reg.relate("PARTICIPATES_IN", signer.canonical, p.canonical, s, sentence.headline)

    def agreement_programmes(self, agreements: list[Agreement], art) -> None:
        """Signers of an agreement named after a programme (‘철원 행복교육지구 운영을 위한 업무협약’) take part in it;
        one sought (…추진 업무협약, 유치, 지정을 위한) is not yet a programme of theirs."""
        for ag in agreements:
            if ag.planned or re.search(r"추진|유치|지정|공모|신청|준비", ag.name):
                continue
            for key, m in art.program_info.items():
                if re.sub(r"\s", "", key) in re.sub(r"\s", "", ag.name) or (m.surface and m.surface in ag.name):
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
