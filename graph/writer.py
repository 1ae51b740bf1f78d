"""Batched, idempotent writes: ``UNWIND $rows … MERGE`` on ids.

Rows are gathered in memory, merged (the same node or relationship twice in one
load becomes one row; the same fact from two documents becomes one relationship
with two sources) and written in batches of ``batch_size``.

>>> from edugraph.graph.writer import GraphWriter
>>> w = GraphWriter(store=None)
>>> w.node("LocalGovernment", "lg_41570", name_ko="김포시")
>>> w.node("EducationOffice", "eo_x", name_ko="경기도김포교육지원청")
>>> w.rel("COOPERATES_WITH", ("LocalGovernment", "lg_41570"), ("EducationOffice", "eo_x"),
...       source_doc="doc_1", evidence="김포시와 김포교육지원청이 협의회를 열었다.", seen="2025-03-25")
>>> len(w.pending_relationships())
1
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .cypher import load_cypher
from .errors import SchemaError
from .reach import reach_of, reach_of_parties
from .schema import Schema, load_schema

__all__ = ["GraphWriter", "NodeRow", "RelRow"]


@dataclass
class NodeRow:
    label: str
    id: str
    props: dict = field(default_factory=dict)  # set when the node is created
    update: dict = field(default_factory=dict)  # set every time


@dataclass
class RelRow:
    type: str
    src_label: str
    src: str
    dst_label: str
    dst: str
    key: str = ""
    props: dict = field(default_factory=dict)
    sources: list = field(default_factory=list)
    evidence: list = field(default_factory=list)
    dates: list = field(default_factory=list)


def _clean(props: dict) -> dict:
    """Drop None (Cypher's SET would delete the property) and empty lists."""
    return {k: v for k, v in props.items() if v is not None and v != []}


class GraphWriter:
    """Collects nodes and relationships and writes them in batches."""

    def __init__(self, store, batch_size: int = 500, schema: Schema | None = None):
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self.store = store
        self.batch_size = batch_size
        self.schema = schema or (store.schema if store is not None else load_schema())
        self._nodes: dict[str, NodeRow] = {}
        self._rels: dict[tuple, RelRow] = {}
        self.written = {"nodes": 0, "relationships": 0}

    # -- collecting --------------------------------------------------------
    def node(self, label: str, node_id: str, *, authoritative: bool = True, **props) -> None:
        """Add a node. ``authoritative`` props overwrite stored ones; others only fill a new node."""
        self.schema.label(label)
        if not node_id:
            raise SchemaError(f"{label} node without an id")
        props = _clean(props)
        row = self._nodes.get(node_id)
        if row is None:
            row = self._nodes[node_id] = NodeRow(label, node_id)
        elif row.label != label:
            raise SchemaError(f"id {node_id} used for both {row.label} and {label}")
        for k, v in props.items():
            if k == "aliases":
                merged = sorted(set(row.props.get("aliases", [])) | set(v))
                row.props["aliases"] = merged
                if authoritative:
                    row.update["aliases"] = merged
                continue
            row.props.setdefault(k, v)
            if authoritative:
                row.update[k] = v

    def rel(
        self,
        rel_type: str,
        source: tuple,
        target: tuple,
        *,
        key: str | None = None,
        source_doc: str | None = None,
        evidence: str = "",
        seen: str | None = None,
        **props,
    ) -> None:
        """Add a relationship ``(source)-[rel_type]->(target)``; ends are ``(label, id)``.

        ``source_doc`` is the id of the document that states it and ``seen``
        the date it refers to; repeated calls with other documents add sources
        to the one relationship. ``key`` tells apart parallel relationships of
        one type between the same nodes; by default it is built from the
        properties the schema names as the type's key (a HEADS per role, a
        PARTICIPATES_IN per year).
        """
        spec = self.schema.rel(rel_type)
        if key is None:
            key = "|".join(str(props[k]) for k in spec.key if props.get(k))
        (src_label, src), (dst_label, dst) = source, target
        self.schema.check_relationship(rel_type, src_label, dst_label)
        if spec.undirected and dst < src:
            (src_label, src), (dst_label, dst) = (dst_label, dst), (src_label, src)
        if spec.reach == "self":
            props.setdefault("reach", reach_of(src, dst))
        k = (rel_type, src, dst, key)
        row = self._rels.get(k)
        if row is None:
            row = self._rels[k] = RelRow(rel_type, src_label, src, dst_label, dst, key)
        row.props.update(_clean(props))
        if spec.provenance and source_doc and source_doc not in row.sources:
            row.sources.append(source_doc)
            row.evidence.append(evidence or "")
            row.dates.append(seen or "")

    def pending_nodes(self) -> list[NodeRow]:
        return list(self._nodes.values())

    def pending_relationships(self) -> list[RelRow]:
        return list(self._rels.values())

    # -- writing -----------------------------------------------------------
    def statements(self) -> tuple:
        """The statements flush() runs: nodes, relationships with provenance, links without."""
        return (load_cypher(__package__, "merge_nodes"), load_cypher(__package__, "merge_rels"),
                load_cypher(__package__, "merge_links"))

    def _set_target_reach(self) -> None:
        """An Agreement's reach is the widest between the parties that sign it (all in one load)."""
        parties = defaultdict(list)
        for row in self._rels.values():
            if self.schema.rel(row.type).reach == "target":
                parties[row.dst].append(row.src)
        for node_id, ids in parties.items():
            row = self._nodes.get(node_id)
            value = reach_of_parties(ids)
            if row is not None and value is not None:
                row.props["reach"] = row.update["reach"] = value

    def flush(self) -> dict:
        """Write everything collected (nodes first) and clear the buffers."""
        self._set_target_reach()
        merge_nodes, merge_rels, merge_links = self.statements()
        by_label = defaultdict(list)
        for row in self._nodes.values():
            by_label[row.label].append({"id": row.id, "props": row.props, "update": row.update})
        for label, rows in by_label.items():
            labels = ":".join(self.schema.labels_for(label))
            for batch in _batches(rows, self.batch_size):
                self.store.run_file(merge_nodes, {"rows": batch}, labels=labels)
                self.written["nodes"] += len(batch)
        by_shape = defaultdict(list)
        for row in self._rels.values():
            by_shape[(row.src_label, row.type, row.dst_label)].append(row)
        for (src_label, rel_type, dst_label), rows in by_shape.items():
            provenance = self.schema.rel(rel_type).provenance
            statement = merge_rels if provenance else merge_links
            payload = [
                {
                    "src": r.src, "dst": r.dst, "key": r.key, "props": r.props,
                    **({"sources": r.sources, "evidence": r.evidence, "dates": r.dates,
                        "first_seen": min((d for d in r.dates if d), default=None),
                        "last_seen": max((d for d in r.dates if d), default=None)} if provenance else {}),
                }
                for r in rows
            ]
            for batch in _batches(payload, self.batch_size):
                self.store.run_file(statement, {"rows": batch}, src=src_label, type=rel_type, dst=dst_label)
                self.written["relationships"] += len(batch)
        self._nodes.clear()
        self._rels.clear()
        return dict(self.written)


def _batches(rows: list, size: int):
    for i in range(0, len(rows), size):
        yield rows[i : i + size]
