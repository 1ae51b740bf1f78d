"""The annotation of one article as it is assembled: entities by name and type, relations with their evidence.

A relation stated in the headline and again in the body keeps the body's
sentence as its evidence; one stated twice keeps the first date it was given.

>>> reg = Registry()
>>> reg.entity("김포시", "LocalGovernment", "basic", id_="lg_41570")
'김포시'
>>> reg.relate("COOPERATES_WITH", "김포시", "경기도김포교육지원청", "김포시와 … 손잡았다", headline=True)
>>> reg.relate("COOPERATES_WITH", "경기도김포교육지원청", "김포시", "김포시와 교육지원청이 손잡았다.", date="2024-05-04")
>>> [(r["source"], r["evidence"], r["date"]) for r in reg.annotation().relations]
[('경기도김포교육지원청', '김포시와 교육지원청이 손잡았다.', '2024-05-04')]
"""

from __future__ import annotations

from dataclasses import dataclass

from .context import Mention

__all__ = ["Registry", "Annotation"]


@dataclass(frozen=True)
class Annotation:
    """Entities and relations of one article in the annotation format (docs/annotation.md)."""

    entities: list[dict]
    relations: list[dict]


class Registry:
    def __init__(self):
        self.entities: dict = {}
        self._relations: list[dict] = []
        self._index: dict = {}
        self._headline: set = set()  # keys of relations whose evidence is still the headline

    def entity(self, m_or_name, type_=None, level=None, surface=None, id_=None) -> str:
        """Register an entity (a Mention, or a canonical name and its type); its canonical name."""
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

    def relate(self, type_, source, target, evidence, headline=False, **props) -> None:
        """Add a relation (COOPERATES_WITH is unordered); one already there keeps its place."""
        if not source or not target or source == target:
            return
        if type_ == "COOPERATES_WITH":
            source, target = sorted((source, target))
        key = (type_, source, target, props.get("role"))
        old = self._index.get(key)
        if old is not None:
            if key in self._headline and not headline:
                old["evidence"] = evidence
                self._headline.discard(key)
            if props.get("date") and not old.get("date"):
                old["date"] = props["date"]
            return
        rel = {"type": type_, "source": source, "target": target}
        rel.update({k: v for k, v in props.items() if v is not None})
        rel["evidence"] = evidence
        if headline:
            self._headline.add(key)
        self._index[key] = rel
        self._relations.append(rel)

    def annotation(self) -> Annotation:
        """Entities and relations; programmes and agreements that no relation names are left out."""
        used = {r["source"] for r in self._relations} | {r["target"] for r in self._relations}
        entities = [e for (name, type_), e in self.entities.items()
                    if type_ not in ("Program", "Agreement") or name in used]
        return Annotation(entities, [dict(r) for r in self._relations])
