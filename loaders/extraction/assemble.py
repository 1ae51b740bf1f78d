"""Stage 5, assembly: each sentence's frame and heads → the relations of the article's annotation.

Each family of relations has its module: ``agreements`` (who signed what,
when), ``participation`` (who takes part in which programme), ``cooperation``
(joint work, councils and their chairs); ``people.settle`` gives a bare
title its organisation. ``registry`` holds what is found, every relation with
the sentence that states it (a body sentence before the headline).
"""

from __future__ import annotations

import re

from ..dates import resolve_event_date
from .agreements import Signings
from .context import ORG_TYPES
from .cooperation import cooperation, council_heads
from .frames import Frame
from .participation import Participation
from .people import Head, settle
from .registry import Annotation, Registry

__all__ = ["Assembly"]

_DATEISH = re.compile(r"\d|지난|지난해|작년|올해|이달|지난달|어제|오늘|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday")


class Assembly:
    """Collects the relations of one article; ``result()`` gives its annotation."""

    def __init__(self, prepared, ctx, mentions_per_sentence=None):
        self.p = prepared
        self.ctx = ctx
        self.reg = Registry()
        self.signings = Signings(prepared)
        self.participation = Participation(self.reg, ctx)
        if mentions_per_sentence is not None:
            self.participation.sought(prepared.sentences, mentions_per_sentence)
        self._last_date: str | None = None  # the last day a sentence stated

    def add(self, sentence, frame: Frame, heads: list[Head], art) -> None:
        s = sentence.text
        # the day a sentence states (most state none: no need to look)
        when = resolve_event_date(s, self.p.date, self.p.anchors) if _DATEISH.search(s) else None
        for m in frame.mentions:
            if m.canonical and (m.type in ORG_TYPES or m.type == "Program"):
                self.reg.entity(m)
        named = self._heads(sentence, heads, frame, art)  # with their organisations settled
        if frame.signing:
            self.signings.sign(sentence, frame, named, art, self._last_date)
            self.participation.signed_for_programme(
                sentence, frame, self.signings.agreements[-1] if self.signings.agreements else None)
        else:
            self.signings.continue_listing(sentence, frame, named)
        self.participation.add(sentence, frame, art)
        cooperation(self.reg, sentence, frame, when)
        if when and len(when) == 10:
            self._last_date = when

    def _heads(self, sentence, heads: list[Head], frame: Frame, art) -> list[Head]:
        """HEADS relations of the sentence's persons; the heads, their organisations settled."""
        settled = []
        for h in heads:
            h2, target = settle(h, frame.mentions, art, self.p.date)
            if target is not None:
                self.reg.entity(target)
            self.reg.entity(h2.person, "Person", surface=h2.surface)
            if h2.org and h2.role:
                self.reg.entity(h2.org, h2.org_type)
                self.reg.relate("HEADS", h2.person, h2.org, sentence.text, sentence.headline, role=h2.role)
            settled.append(h2)
        council_heads(self.reg, sentence, settled, frame)
        return settled

    def result(self, art=None) -> Annotation:
        if art is not None:
            self.participation.agreement_programmes(self.signings.agreements, art)
        for ag in self.signings.finish():
            name = self.reg.entity(ag.name, "Agreement")
            for m in ag.signers.values():
                self.reg.entity(m)
                self.reg.relate("SIGNED", m.canonical, name, ag.evidence, ag.headline, date=ag.date,
                                status="planned" if ag.planned else None)
            if ag.planned and len(ag.signers) == 2:
                # two parties announcing their agreement already cooperate on it (the signing itself is to come)
                a, b = list(ag.signers)
                self.reg.relate("COOPERATES_WITH", a, b, ag.evidence, ag.headline)
        return self.reg.annotation()
