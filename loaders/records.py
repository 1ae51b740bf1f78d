"""Researchers' own records: hand-coded facts from a CSV or YAML file.

Each record is one fact with its source, written through the same resolver
and writer as the facts extracted from articles, so a hand-coded agreement and
the articles reporting it end up on one ``Agreement`` node.

CSV columns (YAML: a list of mappings with the same keys, or ``records:``
holding that list; ``actors`` may be a YAML list):

=============  ==========================================================
``record``     ``agreement``, ``membership``, ``participation`` or
               ``cooperation`` (required)
``actors``     the parties, members, participants or cooperating actors,
               any name form, separated by ``;`` (required)
``target``     agreement name, council name or programme name; required
               for membership and participation
``date``       ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (optional)
``role``       role of the actors (optional: 주관, 참여, 회원 …)
``kind``       agreement kind (업무협약, MOU, 부속 합의서, 공동선언) or
               kind of cooperation (optional)
``province``   the 시·도 that disambiguates names such as 중구 (optional)
``source``     URL or citation of the source (required)
``evidence``   the sentence that states the fact (optional)
=============  ==========================================================

>>> rows = [{"record": "cooperation", "actors": "김포시; 김포교육지원청",
...          "date": "2025-03-25", "source": "https://example.org/a"}]
>>> facts, errors = parse_records(rows, "demo.csv")
>>> [(f.record, [a[1] for a in f.actors]) for f in facts], errors
([('cooperation', ['lg_41570', 'eo_41_gimpo'])], [])
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..graph.errors import AmbiguousName, InputError
from ..graph.ids import make_id
from ..graph.resolve import default_resolver
from ..graph.values import agreement_kind, partial_date
from ..graph.writer import GraphWriter
from .extract import ORG_TYPES
from .extraction.bodies import COUNCIL_SUFFIXES, INSTITUTION_SUFFIXES
from .readers import csv_rows, decode_bytes

__all__ = ["RECORD_TYPES", "RECORD_COLUMNS", "Record", "parse_records", "read_records", "is_records_file",
           "write_records"]

RECORD_TYPES = {
    "agreement": "SIGNED",
    "membership": "MEMBER_OF",
    "participation": "PARTICIPATES_IN",
    "cooperation": "COOPERATES_WITH",
}
RECORD_COLUMNS = ("record", "actors", "target", "date", "role", "kind", "province", "source", "evidence")
_ALIASES = {v.lower(): k for k, v in RECORD_TYPES.items()} | {
    "signed": "agreement", "member": "membership", "participates": "participation", "cooperates": "cooperation",
}
_SPLIT = re.compile(r"\s*[;|\n]\s*")
_EN_COUNCIL = re.compile(r"\b(?:council|committee|association|board|forum)\b", re.I)
_EN_INSTITUTION = re.compile(r"\b(?:university|college|school|foundation|institute|center|centre|corporation)\b",
                             re.I)


@dataclass
class Record:
    """One validated record: resolved ``(label, id)`` ends, ready to write."""

    record: str
    actors: list  # [(label, id, name_ko)]
    target: tuple | None  # (label, id, name_ko) for membership and participation
    where: str
    date: str | None = None
    role: str | None = None
    kind: str | None = None
    source: str = ""
    evidence: str = ""
    new_nodes: list = field(default_factory=list)  # (label, id, name) not in the reference data


class _RowError(Exception):
    pass


def _text(row: dict, key: str) -> str:
    value = row.get(key)
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    return str(value).strip()


# A researcher who codes a centre or a library as a party means it; in news text the extractor reads these
# as places, so its list leaves them out.
_RECORD_INSTITUTION_SUFFIXES = INSTITUTION_SUFFIXES + ("센터", "대학", "학교", "도서관", "박물관")


def _new_org_label(name: str) -> str | None:
    """Council or Institution for a name not in the reference data, from its last word; None when unclear."""
    compact = name.replace(" ", "")
    # the same name shapes the extractor reads (loaders/extraction/bodies.py)
    if compact.endswith(COUNCIL_SUFFIXES) or _EN_COUNCIL.search(name):
        return "Council"
    if compact.endswith(_RECORD_INSTITUTION_SUFFIXES) or _EN_INSTITUTION.search(name):
        return "Institution"
    return None


def _actor(name: str, province: str | None, date: str | None, new_nodes: list) -> tuple:
    found = default_resolver().candidates(name, province=province, date=date, labels=ORG_TYPES)
    if len(found) > 1:
        raise _RowError(str(AmbiguousName(name, found)) + "; add a province column or use the full name")
    if found:
        return found[0].label, found[0].id, found[0].name_ko
    label = _new_org_label(name)
    if label is None:
        raise _RowError(f"unknown actor {name!r}: not in the reference data and not recognisable as a council "
                        f"or institution (check the spelling with `edugraph resolve {name}`)")
    node = (label, make_id(label, name), name)
    new_nodes.append(node)
    return node


def _target(record: str, name: str, province, date, new_nodes: list) -> tuple:
    if record == "membership":
        found = default_resolver().candidates(name, province=province, date=date, labels=("Council",))
        if len(found) == 1:
            return "Council", found[0].id, found[0].name_ko
        node = ("Council", make_id("Council", name), name)
    else:
        found = default_resolver().candidates(name, date=date, labels=("Program",))
        if len(found) == 1:
            return "Program", found[0].id, found[0].name_ko
        node = ("Program", make_id("Program", name), name)
    new_nodes.append(node)
    return node


def _parse_row(row: dict, where: str) -> Record:
    kind_of = _text(row, "record").lower()
    record = _ALIASES.get(kind_of, kind_of)
    if record not in RECORD_TYPES:
        raise _RowError(f"record {kind_of!r} is not one of {', '.join(RECORD_TYPES)}")
    source = _text(row, "source")
    if not source:
        raise _RowError("no source: every record needs a URL or citation in the 'source' column")
    date = _text(row, "date") or None
    if date:
        date = partial_date(date)
        if date is None:
            raise _RowError(f"date {_text(row, 'date')!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    province = _text(row, "province") or None
    names = [n for n in _SPLIT.split(_text(row, "actors")) if n]
    least = 2 if record == "cooperation" else 1
    if len(names) < least:
        raise _RowError(f"{record} needs at least {least} actor(s) in 'actors' (separate names with ;)")
    new_nodes: list = []
    actors = [_actor(n, province, date, new_nodes) for n in names]
    if len({a[1] for a in actors}) < least:
        raise _RowError(f"{record} names the same actor twice")
    target_name = _text(row, "target")
    target = None
    if record in ("membership", "participation"):
        if not target_name:
            what = "council" if record == "membership" else "programme"
            raise _RowError(f"{record} needs the {what} in 'target'")
        target = _target(record, target_name, province, date, new_nodes)
    kind = _text(row, "kind") or None
    if record == "agreement":
        kind = agreement_kind(kind or target_name or "협약")
        target = ("Agreement", make_id("Agreement", kind, *sorted(a[1] for a in actors), (date or "undated")[:7]),
                  target_name or kind)
    return Record(record, actors, target, where, date=date, role=_text(row, "role") or None, kind=kind,
                  source=source, evidence=_text(row, "evidence"), new_nodes=new_nodes)


def parse_records(rows, name: str, first_line: int = 2) -> tuple[list[Record], list[str]]:
    """Validate and resolve rows; returns (records, one message per bad row)."""
    records, errors = [], []
    for i, row in enumerate(rows):
        where = f"{name} line {row.pop('__line__', first_line + i)}" if isinstance(row, dict) else f"{name} #{i + 1}"
        if not isinstance(row, dict):
            errors.append(f"{where}: a record must be a mapping of column → value")
            continue
        if None in row:
            errors.append(f"{where}: more fields than columns")
            continue
        try:
            records.append(_parse_row(row, where))
        except _RowError as exc:
            errors.append(f"{where}: {exc}")
    return records, errors


def _csv_rows(text: str, name: str) -> list[dict]:
    header, lines = csv_rows(text, name)
    missing = [c for c in ("record", "actors", "source") if c not in header]
    if missing:
        raise InputError(f"{name}: records need the column(s) {', '.join(missing)} "
                         f"(columns: {', '.join(RECORD_COLUMNS)})")
    rows = []
    for lineno, row in lines:
        row["__line__"] = lineno
        rows.append(row)
    return rows


def _yaml_rows(text: str, name: str) -> list:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 1}" if mark else ""
        raise InputError(f"{name}: not valid YAML{at}") from None
    if isinstance(data, dict) and "records" in data:
        data = data["records"]
    if not isinstance(data, list):
        raise InputError(f"{name}: a records YAML file is a list of records (or has a 'records:' list)")
    return data


def read_records(path) -> tuple[list[Record], list[str]]:
    """Read a records file (CSV or YAML); a file that cannot be read at all raises InputError."""
    path = Path(path)
    try:
        text = decode_bytes(path.read_bytes(), str(path))
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if path.suffix.lower() in (".yaml", ".yml"):
        return parse_records(_yaml_rows(text, path.name), path.name, first_line=1)
    return parse_records(_csv_rows(text, path.name), path.name)


def is_records_file(path) -> bool:
    """YAML files, and CSV files whose header has 'record' and 'actors' but no article 'text'."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return True
    if suffix != ".csv":
        return False
    try:
        with path.open("rb") as fh:
            head = decode_bytes(fh.readline(4096), str(path))
    except (OSError, InputError):
        return False  # an unreadable or empty file is reported when it is read as an article file
    columns = {c.strip().strip('"').lower() for c in head.split(",")}
    return {"record", "actors"} <= columns and "text" not in columns


def _source_document(writer: GraphWriter, source: str) -> str:
    doc_id = make_id("Document", "record", source)
    url = source if re.match(r"https?://", source) else None
    writer.node("Document", doc_id, authoritative=False, name_ko=source, title=None if url else source, url=url,
                kind="record")
    return doc_id


def write_records(writer: GraphWriter, records: list[Record]) -> int:
    """Add records to the writer (the caller flushes); returns the number of facts."""
    facts = 0
    for rec in records:
        doc_id = _source_document(writer, rec.source)
        # Reference actors are written too (not authoritatively), so records load into an empty store.
        for label, node_id, name in {*rec.actors, *rec.new_nodes}:
            writer.node(label, node_id, authoritative=False, name_ko=name)
        if rec.record in ("membership", "participation"):
            writer.node(*rec.target[:2], authoritative=False, name_ko=rec.target[2])
        elif rec.record == "agreement":
            label, node_id, name = rec.target
            writer.node(label, node_id, authoritative=False, name_ko=name, kind=rec.kind, date=rec.date,
                        aliases=[name])
        ends = [(a[0], a[1]) for a in rec.actors] + ([rec.target[:2]] if rec.target else [])
        for end in ends:
            writer.rel("MENTIONS", ("Document", doc_id), end)
        prov = {"source_doc": doc_id, "evidence": rec.evidence, "seen": rec.date}
        rel_type = RECORD_TYPES[rec.record]
        if rec.record == "cooperation":
            for i, a in enumerate(rec.actors):
                for b in rec.actors[i + 1:]:
                    writer.rel(rel_type, a[:2], b[:2], **prov, kind=rec.kind)
                    facts += 1
            continue
        props = {"role": rec.role}
        if rec.record == "agreement":
            props["date"] = rec.date
        if rec.record in ("participation", "membership") and rec.date:
            props["year"] = rec.date[:4]
        for a in rec.actors:
            writer.rel(rel_type, a[:2], rec.target[:2], **prov, **props)
            facts += 1
    return facts
