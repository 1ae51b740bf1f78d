"""The reference skeleton: every government, office of education, national body
and programme, read from ``graph/reference/*.csv`` and validated on load.

>>> ref = load_reference()
>>> ref.get("lg_41570").name_ko
'김포시'
>>> sorted(e.name_ko for e in ref.covered_by("lg_41370", "2026-01-01"))
['경기도화성오산교육지원청']
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from .errors import ReferenceDataError
from .ids import make_id

__all__ = ["Entity", "Fact", "Reference", "load_reference", "EXPECTED_COUNTS", "COUNT_DATE"]

# Expected counts of entities valid on COUNT_DATE; a load that differs fails.
COUNT_DATE = "2026-01-01"
EXPECTED_COUNTS = {
    ("LocalGovernment", "metropolitan"): 17,
    ("LocalGovernment", "basic"): 226,
    ("EducationOffice", "provincial"): 17,
    ("EducationOffice", "district"): 176,
}


@dataclass(frozen=True)
class Entity:
    id: str
    label: str
    name_ko: str
    name_en: str = ""
    aliases: tuple = ()
    level: str | None = None
    province_ko: str | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    status: str = "current"
    certainty: str = "verified"
    source_url: str = ""
    note: str = ""
    props: dict = field(default_factory=dict, compare=False, hash=False)

    def valid_on(self, date: str | None) -> bool:
        """True when the entity exists on ``date`` (YYYY, YYYY-MM or YYYY-MM-DD; None = any time)."""
        return _within(date, self.valid_from, self.valid_to)

    @property
    def stem(self) -> str | None:
        """The bare place name news uses alone (김포 for 김포시 and 김포교육지원청)."""
        if self.label == "LocalGovernment" and self.level == "basic" and len(self.name_ko) > 2:
            return self.name_ko[:-1]
        if self.label == "EducationOffice" and self.level == "district":
            rest = self.name_ko.removeprefix(self.province_ko or "").removesuffix("교육지원청")
            if rest not in ("동부", "서부", "남부", "북부", "중부"):
                return rest
        return None


@dataclass(frozen=True)
class Fact:
    """A curated relationship between two reference entities, with its source."""

    type: str
    source: str
    target: str
    key: str = ""
    props: dict = field(default_factory=dict, compare=False, hash=False)
    valid_from: str | None = None
    valid_to: str | None = None
    source_url: str = ""
    evidence: str = ""

    def valid_on(self, date: str | None) -> bool:
        return _within(date, self.valid_from, self.valid_to)


def _within(date, start, end) -> bool:
    if not date:
        return True
    # Compare on the precision given: "2023" is within an entity valid from 2023-06-11.
    if start and date < start[: len(date)]:
        return False
    if end and date[: len(end)] > end:
        return False
    return True


class Reference:
    """All reference entities and facts, with lookups by id."""

    def __init__(self, entities: list[Entity], facts: list[Fact]):
        self.entities = entities
        self.facts = facts
        self.by_id: dict[str, Entity] = {}
        for e in entities:
            if e.id in self.by_id:
                raise ReferenceDataError(f"duplicate id {e.id} ({e.name_ko} and {self.by_id[e.id].name_ko})")
            self.by_id[e.id] = e
        for f in facts:
            for end in (f.source, f.target):
                if end not in self.by_id:
                    raise ReferenceDataError(f"{f.type} fact refers to unknown id {end}")
        # a 시·도 by its official name: its government and its office of education (looked up per mention)
        self._metro = {e.name_ko: e for e in entities if e.label == "LocalGovernment" and e.level == "metropolitan"}
        self._province_office = {e.province_ko: e for e in entities
                                 if e.label == "EducationOffice" and e.level == "provincial"}

    def metropolitan(self, province_ko: str | None) -> Entity | None:
        """The government of the 시·도 officially named ``province_ko``.

        >>> load_reference().metropolitan("경기도").id, load_reference().provincial_office("경기도").id
        ('lg_41', 'eo_41')
        """
        return self._metro.get(province_ko)

    def provincial_office(self, province_ko: str | None) -> Entity | None:
        """The office of education of the 시·도 officially named ``province_ko``."""
        return self._province_office.get(province_ko)

    def get(self, entity_id: str) -> Entity:
        try:
            return self.by_id[entity_id]
        except KeyError:
            raise ReferenceDataError(f"no reference entity {entity_id}") from None

    def valid_on(self, date: str, label: str | None = None, level: str | None = None) -> list[Entity]:
        return [
            e for e in self.entities
            if e.valid_on(date) and (label is None or e.label == label) and (level is None or e.level == level)
        ]

    def facts_of(self, rel_type: str, date: str | None = None) -> list[Fact]:
        return [f for f in self.facts if f.type == rel_type and f.valid_on(date)]

    def jurisdiction(self, office_id: str, date: str | None = None) -> list[Entity]:
        """The governments an office of education covers on ``date`` (a 시·도 office: its 시·도 government).

        >>> sorted(e.name_ko for e in load_reference().jurisdiction("eo_41_hwaseong-osan"))
        ['오산시', '화성시']
        """
        return [self.by_id[f.target] for f in self.facts_of("COVERS", date)
                if f.source == office_id and self.by_id[f.target].valid_on(date)]

    def covered_by(self, government_id: str, date: str | None = None) -> list[Entity]:
        """District offices that cover a basic government on ``date``."""
        return [
            self.by_id[f.source] for f in self.facts_of("COVERS", date)
            if f.target == government_id and self.by_id[f.source].level == "district"
            and self.by_id[f.source].valid_on(date)
        ]

    def name_on(self, entity_id: str, date: str | None) -> str:
        """The entity's official name on ``date`` (ids stay the same across a rename).

        >>> ref = load_reference()
        >>> ref.name_on("eo_52", "2022-05-01"), ref.name_on("eo_52", "2024-03-01")
        ('전라북도교육청', '전북특별자치도교육청')
        >>> ref.name_on("eo_51_cheorwon", "2017-11-07")
        '강원도철원교육지원청'
        """
        e = self.get(entity_id)
        if not date:
            return e.name_ko
        for former, until in _former_names(e):
            if date[:len(until)] <= until:
                return former
        if e.label == "EducationOffice" and e.province_ko:
            province = self.metropolitan(e.province_ko)
            if province is not None:
                for former, until in _former_names(province):
                    if date[:len(until)] <= until and e.name_ko.startswith(province.name_ko):
                        return former + e.name_ko[len(province.name_ko):]
        return e.name_ko

    def parent_of(self, entity_id: str, date: str | None = None) -> Entity | None:
        for f in self.facts_of("PART_OF", date):
            if f.source == entity_id:
                return self.by_id[f.target]
        return None

    def validate(self) -> None:
        """Check the expected counts and that every basic government is covered exactly once."""
        for (label, level), expected in EXPECTED_COUNTS.items():
            got = len(self.valid_on(COUNT_DATE, label, level))
            if got != expected:
                raise ReferenceDataError(
                    f"expected {expected} {level} {label} valid on {COUNT_DATE}, found {got}"
                )
        for gov in self.valid_on(COUNT_DATE, "LocalGovernment", "basic"):
            offices = self.covered_by(gov.id, COUNT_DATE)
            if len(offices) != 1:
                raise ReferenceDataError(
                    f"{gov.name_ko} ({gov.id}) is covered by {len(offices)} district offices on {COUNT_DATE}"
                )
            if self.parent_of(gov.id, COUNT_DATE) is None:
                raise ReferenceDataError(f"{gov.name_ko} ({gov.id}) is PART_OF no metropolitan government")
        for office in self.valid_on(COUNT_DATE, "EducationOffice", "district"):
            if self.parent_of(office.id, COUNT_DATE) is None:
                raise ReferenceDataError(f"{office.name_ko} is PART_OF no provincial office")


def _former_names(e: Entity) -> list[tuple[str, str]]:
    """[(former name, last day it was used)] from ``former_names`` such as '강원도 (until 2023-06-10)'."""
    out = []
    for part in (e.props.get("former_names") or "").split(";"):
        m = re.match(r"\s*(.+?)\s*\(until (\d{4}-\d{2}-\d{2})\)", part)
        if m:
            out.append((m.group(1), m.group(2)))
    return sorted(out, key=lambda x: x[1])


# -- reading the files ------------------------------------------------------

def _rows(name: str) -> list[dict]:
    path = resources.files(__package__).joinpath("reference", name)
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for i, row in enumerate(rows, start=2):
        if None in row or any(v is None for v in row.values()):
            raise ReferenceDataError(f"reference/{name} line {i}: wrong number of columns")
    return rows


def _split(value: str) -> tuple:
    return tuple(v.strip() for v in (value or "").split(";") if v.strip())


def _opt(value: str):
    return value.strip() or None


def _read() -> tuple[list[Entity], list[Fact]]:
    entities: list[Entity] = []
    facts: list[Fact] = []
    for row in _rows("local_governments.csv"):
        entities.append(Entity(
            id=row["id"], label="LocalGovernment", name_ko=row["name_ko"], name_en=row["name_en"],
            aliases=_split(row["aliases"]), level=row["level"], province_ko=row["province_ko"],
            valid_from=_opt(row["valid_from"]), valid_to=_opt(row["valid_to"]), status=row["status"],
            certainty=row["certainty"], source_url=row["source_url"], note=row["note"],
            props={"admin_code": row["admin_code"] or None, "former_names": row["former_names"] or None},
        ))
    for row in _rows("education_offices.csv"):
        entities.append(Entity(
            id=row["id"], label="EducationOffice", name_ko=row["name_ko"], name_en=row["name_en"],
            aliases=_split(row["aliases"]), level=row["level"], province_ko=row["province_ko"],
            valid_from=_opt(row["valid_from"]), valid_to=_opt(row["valid_to"]), status=row["status"],
            certainty=row["certainty"], source_url=row["source_url"], note=row["note"],
        ))
    for row in _rows("national_bodies.csv"):
        props = {}
        if row["member_count"]:
            props["member_count"] = int(row["member_count"])
        if row["founded"]:
            props["founded"] = row["founded"]
        entities.append(Entity(
            id=row["id"], label=row["label"], name_ko=row["name_ko"], name_en=row["name_en"],
            aliases=_split(row["aliases"]), valid_from=_opt(row["valid_from"]),
            valid_to=_opt(row["valid_to"]), source_url=row["source_url"], note=row["note"], props=props,
        ))
    for row in _rows("programs.csv"):
        entities.append(Entity(
            id=row["id"], label="Program", name_ko=row["name_ko"], name_en=row["name_en"],
            aliases=_split(row["aliases"]), province_ko=None if row["scope"] == "national" else row["scope"],
            note=row["note"], props={"scope": row["scope"], "since": row["since"] or None},
        ))
    for row in _rows("heads.csv"):
        pid = make_id("Person", row["person_ko"], row["organisation_id"])
        entities.append(Entity(id=pid, label="Person", name_ko=row["person_ko"], name_en=row["person_en"],
                               source_url=row["source_url"]))
        facts.append(Fact("HEADS", pid, row["organisation_id"], key=row["role"],
                          props={"role": row["role"], "start": row["start"] or None, "end": row["end"] or None},
                          valid_from=_opt(row["start"]), valid_to=_opt(row["end"]),
                          source_url=row["source_url"],
                          evidence=f"{row['person_ko']}: {row['role']} {row['start']}–{row['end']}"))
    # Mayors, governors and superintendents since 2010 (one row per person and term).
    persons = {e.id for e in entities if e.label == "Person"}
    for row in _rows("officeholders.csv"):
        pid = make_id("Person", row["person_ko"], row["organisation_id"])
        if pid not in persons:
            persons.add(pid)
            entities.append(Entity(id=pid, label="Person", name_ko=row["person_ko"], name_en=row["person_en"],
                                   source_url=row["source_url"]))
        role = row["role"] + (" 권한대행" if row["acting"] == "yes" else "")
        facts.append(Fact("HEADS", pid, row["organisation_id"], key=f"{role}|{row['start']}",
                          props={"role": role, "start": row["start"] or None, "end": row["end"] or None},
                          valid_from=_opt(row["start"]), valid_to=_opt(row["end"]),
                          source_url=row["source_url"],
                          evidence=f"{row['person_ko']}: {row['organisation_ko']} {role} "
                                   f"{row['start']}–{row['end']} ({row['election']})"))
    for row in _rows("government_hierarchy.csv"):
        facts.append(Fact("PART_OF", row["child_id"], row["parent_id"], key=row["valid_from"] or "",
                          props={"valid_from": _opt(row["valid_from"]), "valid_to": _opt(row["valid_to"]),
                                 "certainty": row["certainty"]},
                          valid_from=_opt(row["valid_from"]), valid_to=_opt(row["valid_to"]),
                          source_url=row["source_url"], evidence=row["note"] or "reference: government hierarchy"))
    for row in _rows("education_offices.csv"):
        if row["level"] == "district":
            parent = "eo_" + row["id"].split("_")[1]
            facts.append(Fact("PART_OF", row["id"], parent, source_url=row["source_url"],
                              evidence="reference: district office of its 시도교육청"))
    for row in _rows("coverage.csv"):
        facts.append(Fact("COVERS", row["office_id"], row["government_id"], key=row["valid_from"] or "",
                          props={"valid_from": _opt(row["valid_from"]), "valid_to": _opt(row["valid_to"]),
                                 "certainty": row["certainty"]},
                          valid_from=_opt(row["valid_from"]), valid_to=_opt(row["valid_to"]),
                          source_url=row["source_url"], evidence="reference: jurisdiction"))
    for row in _rows("participations.csv"):
        key = "|".join(filter(None, [row["year"], row["round"] and f"round{row['round']}"]))
        facts.append(Fact("PARTICIPATES_IN", row["participant_id"], row["program_id"], key=key,
                          props={"year": row["year"] or None, "round": row["round"] or None,
                                 "type": row["type"] or None, "status": row["status"] or None,
                                 "role": row["role"] or None},
                          source_url=row["source_url"], evidence=f"reference: {row['role']}"))
    for row in _rows("memberships.csv"):
        facts.append(Fact("MEMBER_OF", row["member_id"], row["council_id"], key=row["year"],
                          props={"year": row["year"] or None, "role": row["role"] or None},
                          source_url=row["source_url"], evidence=f"reference: {row['role']}"))
    return entities, facts


@lru_cache(maxsize=1)
def load_reference(validate: bool = True) -> Reference:
    """Read and (by default) validate the packaged reference data."""
    entities, facts = _read()
    ref = Reference(entities, facts)
    if validate:
        ref.validate()
    return ref
