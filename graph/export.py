"""Exports of the whole graph: JSON, CSV tables, a Cypher script, and ``neo4j-admin`` import files.

Labels and types in the Cypher script come from the schema; values are written
as Cypher literals by :func:`cypher_literal`, which escapes every string, so
nothing in the data can change what the script does.

>>> cypher_literal({"name_ko": "김포시", "note": "it's"})
"{name_ko: '김포시', note: 'it\\\\'s'}"
"""

from __future__ import annotations

import csv
import json
import math
from pathlib import Path

from .cypher import load_cypher
from .errors import InputError, SchemaError

__all__ = ["cell_text", "read_graph", "write_json", "write_csv", "write_cypher_script", "write_neo4j_admin", "cypher_literal",
           "script_statements"]

_BATCH = 500


def read_graph(store) -> tuple[list[dict], list[dict]]:
    """(nodes, relationships) as plain rows; labels and types checked against the schema."""
    nodes = store.run_file(load_cypher(__package__, "export_nodes"))
    rels = store.run_file(load_cypher(__package__, "export_relationships"))
    schema = store.schema
    known = set(schema.nodes) | {schema.actor_label}
    for n in nodes:
        if not set(n["labels"]) <= known:
            raise SchemaError(f"node {n['id']} has labels outside the schema: {n['labels']}")
    for r in rels:
        schema.rel(r["type"])
    # Stores return rows and property maps in their own order; an export is the same file from either.
    for row in (*nodes, *rels):
        row["props"] = dict(sorted(row["props"].items()))
    nodes.sort(key=lambda n: n["id"])
    rels.sort(key=lambda r: (r["type"], r["src"], r["dst"], json.dumps(r["props"], ensure_ascii=False, default=str)))
    return nodes, rels


def _primary(labels, actor_label: str) -> str:
    return next(l for l in labels if l != actor_label)


def write_json(nodes, rels, path) -> None:
    data = {"nodes": [{"id": n["id"], "labels": n["labels"], "properties": n["props"]} for n in nodes],
            "relationships": [{"type": r["type"], "start": r["src"], "end": r["dst"], "properties": r["props"]}
                              for r in rels]}
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def cell_text(value) -> str:
    """A value as one CSV or table cell: lists and maps as JSON."""
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def write_csv(nodes, rels, folder) -> list[Path]:
    """``nodes.csv`` (``_id``, ``_labels``, then the properties) and ``relationships.csv`` (``_start``,
    ``_type``, ``_end``, then the properties); lists as JSON text. The columns the export adds start with
    ``_``, so no property (a term's ``start`` and ``end``, say) can take an endpoint's place."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    node_keys = sorted({k for n in nodes for k in n["props"]} - {"id"})
    rel_keys = sorted({k for r in rels for k in r["props"]})
    with (folder / "nodes.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["_id", "_labels", *node_keys])
        for n in nodes:
            w.writerow([n["id"], ";".join(n["labels"]), *(cell_text(n["props"].get(k)) for k in node_keys)])
    with (folder / "relationships.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["_start", "_type", "_end", *rel_keys])
        for r in rels:
            w.writerow([r["src"], r["type"], r["dst"], *(cell_text(r["props"].get(k)) for k in rel_keys)])
    return [folder / "nodes.csv", folder / "relationships.csv"]


def cypher_literal(value) -> str:
    """A Python value as a Cypher literal (strings escaped, maps with checked keys)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return "null"
        return repr(value)
    if isinstance(value, str):
        escaped = value.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n").replace("\r", "\\r")
        return f"'{escaped}'"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        parts = []
        for k, v in value.items():
            if not str(k).isidentifier():
                raise InputError(f"property name {k!r} cannot be exported")
            parts.append(f"{k}: {cypher_literal(v)}")
        return "{" + ", ".join(parts) + "}"
    raise InputError(f"cannot export a {type(value).__name__} value")


def write_cypher_script(nodes, rels, path, schema) -> int:
    """A script of ``UNWIND [...] AS row MERGE …`` statements, one per line block, ending in ``;``."""
    statements = []
    for label in schema.nodes:
        labels = ":".join(schema.labels_for(label))
        rows = [{"id": n["id"], "props": n["props"]} for n in nodes
                if _primary(n["labels"], schema.actor_label) == label]
        statements.append(f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE")
        for i in range(0, len(rows), _BATCH):
            statements.append(f"UNWIND {cypher_literal(rows[i:i + _BATCH])} AS row\n"
                              f"MERGE (n:{labels} {{id: row.id}}) SET n += row.props")
    by_id = {n["id"]: _primary(n["labels"], schema.actor_label) for n in nodes}
    groups: dict = {}
    for r in rels:
        groups.setdefault((by_id[r["src"]], r["type"], by_id[r["dst"]]), []).append(
            {"src": r["src"], "dst": r["dst"], "props": r["props"]})
    for (src, rel_type, dst), rows in sorted(groups.items()):
        schema.check_relationship(rel_type, src, dst)
        for i in range(0, len(rows), _BATCH):
            statements.append(f"UNWIND {cypher_literal(rows[i:i + _BATCH])} AS row\n"
                              f"MATCH (a:{src} {{id: row.src}}) MATCH (b:{dst} {{id: row.dst}})\n"
                              f"CREATE (a)-[r:{rel_type}]->(b) SET r += row.props")
    header = ("// EduGraph export: recreates the graph in Neo4j (cypher-shell -f FILE, or Neo4j Browser with\n"
              "// multi-statement mode). Run it on an empty database: relationships are created, not merged.\n")
    Path(path).write_text(header + "".join(s + ";\n" for s in statements), encoding="utf-8")
    return len(statements)


def script_statements(text: str, include_schema: bool = True) -> list[str]:
    """Split an exported script into statements (they end with ';' at the end of a line)."""
    body = "\n".join(l for l in text.splitlines() if not l.startswith("//"))
    out = [s.strip() for s in body.split(";\n") if s.strip()]
    out = [s.rstrip(";") for s in out]
    return [s for s in out if include_schema or not s.startswith("CREATE CONSTRAINT")]


_ADMIN_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}


def _admin_type(values) -> str:
    sample = next((v for v in values if v is not None), "")
    if isinstance(sample, list):
        inner = next((x for v in values if isinstance(v, list) for x in v), "")
        return _ADMIN_TYPES.get(type(inner), "string") + "[]"
    return _ADMIN_TYPES.get(type(sample), "string")


#: between the elements of a list in one CSV cell: a control character no text of ours contains, so lists
#: travel unchanged (a ';' inside an evidence sentence stays a ';')
ADMIN_ARRAY_DELIMITER = "\x1f"
#: lists the CSV format cannot carry (the import tool reads [] and [""] as "no property"), restored by
#: after-import.cypher from this column
_EMPTY_LISTS = "_empty_lists"

_AFTER_IMPORT = """// EduGraph: run once after neo4j-admin database import (cypher-shell -f after-import.cypher, or in Browser).
// It restores the lists a CSV cell cannot hold ([] and [""]), named in the _empty_lists property. EduGraph
// creates its constraints and indexes itself the first time one of its commands opens the store.
MATCH (n) WHERE n._empty_lists IS NOT NULL
UNWIND n._empty_lists AS spec
WITH n, split(spec, ':') AS p
SET n[p[0]] = [i IN range(1, toInteger(p[1])) | '']
WITH DISTINCT n
REMOVE n._empty_lists;
MATCH ()-[r]->() WHERE r._empty_lists IS NOT NULL
UNWIND r._empty_lists AS spec
WITH r, split(spec, ':') AS p
SET r[p[0]] = [i IN range(1, toInteger(p[1])) | '']
WITH DISTINCT r
REMOVE r._empty_lists;
"""


def _admincell_text(value) -> str | None:
    # None stays None: written unquoted and empty, which the import tool reads as "no property"; an empty
    # string is written quoted ("") and stays an empty string (csv.QUOTE_NOTNULL)
    if value is None:
        return None
    if isinstance(value, list):
        return ADMIN_ARRAY_DELIMITER.join(_admincell_text(v) or "" for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _unwritable_list(value) -> bool:
    """A list the import tool would read as "no property": [] or [""]."""
    return isinstance(value, list) and value in ([], [""])


def _admin_row(props: dict, keys: list[str], with_empty: bool) -> list:
    cells, empty = [], []
    for k in keys:
        value = props.get(k)
        if _unwritable_list(value):
            empty.append(f"{k}:{len(value)}")
            value = None
        cells.append(_admincell_text(value))
    if with_empty:
        cells.append(_admincell_text(empty or None))
    return cells


def _has_empty_list(rows, keys) -> bool:
    return any(_unwritable_list(r["props"].get(k)) for r in rows for k in keys)


def write_neo4j_admin(nodes, rels, folder, schema) -> list[Path]:
    """CSV files for ``neo4j-admin database import full`` (one per label and per relationship type),
    ``after-import.cypher`` and ``IMPORT.txt`` with the commands."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for label in schema.nodes:
        rows = [n for n in nodes if _primary(n["labels"], schema.actor_label) == label]
        if not rows:
            continue
        keys = sorted({k for n in rows for k in n["props"]} - {"id"})
        empty = _has_empty_list(rows, keys)
        header = ["id:ID", ":LABEL", *(f"{k}:{_admin_type([n['props'].get(k) for n in rows])}" for k in keys),
                  *([f"{_EMPTY_LISTS}:string[]"] if empty else [])]
        path = folder / f"nodes_{label}.csv"
        with path.open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, quoting=csv.QUOTE_NOTNULL)
            w.writerow(header)
            for n in rows:
                w.writerow([n["id"], ADMIN_ARRAY_DELIMITER.join(n["labels"]), *_admin_row(n["props"], keys, empty)])
        written.append(path)
    for rel_type in schema.relationships:
        rows = [r for r in rels if r["type"] == rel_type]
        if not rows:
            continue
        keys = sorted({k for r in rows for k in r["props"]})
        empty = _has_empty_list(rows, keys)
        header = [":START_ID", ":END_ID", ":TYPE", *(f"{k}:{_admin_type([r['props'].get(k) for r in rows])}"
                                                     for k in keys),
                  *([f"{_EMPTY_LISTS}:string[]"] if empty else [])]
        path = folder / f"relationships_{rel_type}.csv"
        with path.open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, quoting=csv.QUOTE_NOTNULL)
            w.writerow(header)
            for r in rows:
                w.writerow([r["src"], r["dst"], rel_type, *_admin_row(r["props"], keys, empty)])
        written.append(path)
    (folder / "after-import.cypher").write_text(_AFTER_IMPORT, encoding="utf-8")
    command = ["neo4j-admin database import full neo4j --array-delimiter=U+001F \\"]
    command += [f"  --nodes={p.name} \\" for p in written if p.name.startswith("nodes_")]
    command += [f"  --relationships={p.name} \\" for p in written if p.name.startswith("relationships_")]
    (folder / "IMPORT.txt").write_text(
        "1. Import into an empty, stopped database, from this folder (lists inside a cell are separated by the\n"
        "   control character U+001F):\n\n" + "\n".join(command).rstrip(" \\") + "\n\n"
        "2. Start the server and run after-import.cypher once (it restores the empty lists):\n\n"
        "cypher-shell -u neo4j -f after-import.cypher\n",
        encoding="utf-8")
    return written
