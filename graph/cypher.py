"""Cypher lives in ``.cypher`` files; this module reads them.

A file starts with a header of ``// key: value`` lines::

    // name: merge_nodes
    // mode: write
    // params: rows — list of {id, props}
    // template: labels=node_labels — the node's labels from the schema

Values always travel as ``$parameters``. The only text ever substituted into a
statement is a ``{{placeholder}}`` named in the ``template`` header, and only
with a label or relationship type that the schema declares (checked here), so
no input can reach the Cypher text.

>>> from edugraph.graph.cypher import load_cypher
>>> stmt = load_cypher("edugraph.graph", "count_label")
>>> stmt.render(label="Program").splitlines()[-1]
'MATCH (n:Program) RETURN count(n) AS count'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
import itertools
import re

from .errors import CypherFileError, SchemaError
from .schema import Schema, load_schema

__all__ = ["CypherFile", "load_cypher", "parse_cypher", "iter_cypher_files", "TEMPLATE_KINDS"]

_HEADER = re.compile(r"^//\s*([a-z_]+)\s*:\s*(.*)$")
_PLACEHOLDER = re.compile(r"\{\{([a-z_]+)\}\}")

# What a template placeholder may be filled with, drawn from the schema.
TEMPLATE_KINDS = {
    "node_label": lambda s: list(s.nodes),
    "actor_label": lambda s: s.actor_labels() + [s.actor_label],
    "node_labels": lambda s: [":".join(s.labels_for(n)) for n in s.nodes],
    "rel_type": lambda s: list(s.relationships),
    "any_label": lambda s: list(s.nodes) + [s.actor_label],
}


@dataclass(frozen=True)
class CypherFile:
    """One statement read from a ``.cypher`` file, with its header."""

    name: str
    path: str
    text: str
    mode: str = "read"
    params: dict = field(default_factory=dict)
    template: dict = field(default_factory=dict)
    meta: dict = field(default_factory=dict)

    @property
    def body(self) -> str:
        return "\n".join(l for l in self.text.splitlines() if not _HEADER.match(l)).strip()

    def render(self, schema: Schema | None = None, **values) -> str:
        """Fill the template placeholders with schema-checked labels or types."""
        schema = schema or load_schema()
        if set(values) != set(self.template):
            raise CypherFileError(
                f"{self.name}: template needs {sorted(self.template)}, got {sorted(values)}"
            )
        for key, value in values.items():
            allowed = TEMPLATE_KINDS[self.template[key]](schema)
            if value not in allowed:
                raise SchemaError(f"{value!r} is not a {self.template[key]} of the schema")
        return _PLACEHOLDER.sub(lambda m: values[m.group(1)], self.body)

    def renderings(self, schema: Schema | None = None):
        """Every statement this file can become (for the parser test)."""
        schema = schema or load_schema()
        keys = sorted(self.template)
        choices = [TEMPLATE_KINDS[self.template[k]](schema) for k in keys]
        for combo in itertools.product(*choices):
            values = dict(zip(keys, combo))
            if {"src", "type", "dst"} <= set(values):
                try:  # only the shapes the schema allows are ever rendered
                    schema.check_relationship(values["type"], *(
                        v if v != schema.actor_label else schema.actor_labels()[0] for v in (values["src"], values["dst"])))
                except SchemaError:
                    continue
                if schema.actor_label in (values["src"], values["dst"]):
                    continue
            yield self.render(schema, **values)


def parse_cypher(name: str, path: str, text: str) -> CypherFile:
    meta: dict = {}
    for line in text.splitlines():
        m = _HEADER.match(line)
        if m:
            key, value = m.group(1), m.group(2).strip()
            meta.setdefault(key, []).append(value)
        elif line.strip():
            break
    if meta.get("name", [None])[0] != name:
        raise CypherFileError(f"{path}: header must start with '// name: {name}'")
    params = {}
    for entry in meta.get("params", []):
        if entry.lower() in ("", "none"):
            continue
        pname, _, desc = entry.partition("—")
        params[pname.strip()] = desc.strip()
    template = {}
    for entry in meta.get("template", []):
        spec = entry.partition("—")[0].strip()
        key, _, kind = spec.partition("=")
        if kind.strip() not in TEMPLATE_KINDS:
            raise CypherFileError(f"{path}: template kind {kind!r} unknown")
        template[key.strip()] = kind.strip()
    mode = meta.get("mode", ["read"])[0]
    if mode not in ("read", "write", "schema"):
        raise CypherFileError(f"{path}: mode must be read, write or schema")
    cf = CypherFile(
        name=name, path=path, text=text, mode=mode, params=params, template=template,
        meta={k: " ".join(v) for k, v in meta.items()},
    )
    used = set(_PLACEHOLDER.findall(cf.body))
    if used != set(template):
        raise CypherFileError(f"{path}: placeholders {sorted(used)} != template {sorted(template)}")
    declared = set(params)
    found = set(re.findall(r"\$([A-Za-z_][A-Za-z0-9_]*)", cf.body))
    if found != declared:
        raise CypherFileError(f"{path}: parameters used {sorted(found)} != declared {sorted(declared)}")
    return cf


@lru_cache(maxsize=None)
def load_cypher(package: str, name: str, folder: str = "cypher") -> CypherFile:
    """Load ``<package>/<folder>/<name>.cypher`` (``folder`` may be '' or a sub-path)."""
    base = resources.files(package)
    for part in filter(None, folder.split("/")):
        base = base.joinpath(part)
    path = base.joinpath(f"{name}.cypher")
    if not path.is_file():
        raise CypherFileError(f"no Cypher file {name!r} in {package}/{folder}")
    return parse_cypher(name, str(path), path.read_text(encoding="utf-8"))


def iter_cypher_files(package: str, folder: str = "cypher"):
    """Yield every CypherFile in a package folder, sorted by name."""
    base = resources.files(package)
    for part in filter(None, folder.split("/")):
        base = base.joinpath(part)
    for entry in sorted(base.iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".cypher"):
            yield load_cypher(package, entry.name[: -len(".cypher")], folder)
