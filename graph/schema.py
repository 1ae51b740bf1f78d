"""The graph model, loaded from ``schema.yaml`` and validated at start-up.

>>> schema = load_schema()
>>> schema.labels_for("LocalGovernment")
['LocalGovernment', 'Actor']
>>> schema.check_relationship("COVERS", "EducationOffice", "LocalGovernment")
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
import re

import yaml

from .errors import SchemaError

__all__ = ["Schema", "NodeLabel", "RelType", "load_schema"]

_IDENT = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
_TYPES = {"str", "int", "list", "float", "bool"}


@dataclass(frozen=True)
class NodeLabel:
    name: str
    actor: bool
    description: str
    properties: dict


@dataclass(frozen=True)
class RelType:
    name: str
    sources: tuple
    targets: tuple
    key: tuple
    undirected: bool
    provenance: bool
    properties: dict
    reach: str | None = None  # "self": the relationship gets a reach; "target": its end node gets its parties' reach


@dataclass(frozen=True)
class Schema:
    version: int
    actor_label: str
    nodes: dict = field(default_factory=dict)
    relationships: dict = field(default_factory=dict)
    common_properties: dict = field(default_factory=dict)
    provenance_properties: dict = field(default_factory=dict)

    # -- lookups ---------------------------------------------------------
    def label(self, name: str) -> NodeLabel:
        """Return the node label called ``name`` or raise SchemaError."""
        try:
            return self.nodes[name]
        except KeyError:
            raise SchemaError(f"unknown node label {name!r}; known: {', '.join(self.nodes)}") from None

    def rel(self, name: str) -> RelType:
        """Return the relationship type called ``name`` or raise SchemaError."""
        try:
            return self.relationships[name]
        except KeyError:
            raise SchemaError(
                f"unknown relationship type {name!r}; known: {', '.join(self.relationships)}"
            ) from None

    def labels_for(self, name: str) -> list[str]:
        """All labels a node of this label carries (its own, plus Actor for organisations)."""
        node = self.label(name)
        return [node.name, self.actor_label] if node.actor else [node.name]

    def actor_labels(self) -> list[str]:
        return [n.name for n in self.nodes.values() if n.actor]

    def property_values(self, prop: str, labels=None) -> list:
        """The values the schema allows for a node property, over ``labels`` (all by default), in order."""
        out = []
        for n in self.nodes.values():
            if labels is None or n.name in labels:
                out += [v for v in n.properties.get(prop, {}).get("values", []) if v not in out]
        return out

    def _allowed(self, label: str, allowed: tuple) -> bool:
        return label in allowed or (self.actor_label in allowed and self.label(label).actor)

    def check_relationship(self, rel: str, source_label: str, target_label: str) -> None:
        """Raise SchemaError unless ``(source)-[rel]->(target)`` is allowed by the schema."""
        spec = self.rel(rel)
        if not self._allowed(source_label, spec.sources):
            raise SchemaError(f"{rel} cannot start at a {source_label} node")
        if not self._allowed(target_label, spec.targets):
            raise SchemaError(f"{rel} cannot end at a {target_label} node")


def _check_props(owner: str, props) -> dict:
    if props is None:
        return {}
    if not isinstance(props, dict):
        raise SchemaError(f"{owner}: properties must be a mapping")
    for key, spec in props.items():
        if not _IDENT.match(key):
            raise SchemaError(f"{owner}: bad property name {key!r}")
        if not isinstance(spec, dict) or spec.get("type") not in _TYPES:
            raise SchemaError(f"{owner}.{key}: type must be one of {sorted(_TYPES)}")
    return props


def parse_schema(data: dict) -> Schema:
    """Validate a schema mapping (as read from YAML) and return a :class:`Schema`."""
    if not isinstance(data, dict):
        raise SchemaError("schema must be a mapping")
    for required in ("version", "node_labels", "relationship_types", "actor_label"):
        if required not in data:
            raise SchemaError(f"schema lacks {required!r}")
    actor_label = data["actor_label"]
    if not _IDENT.match(str(actor_label)):
        raise SchemaError(f"bad actor label {actor_label!r}")
    nodes = {}
    for name, spec in data["node_labels"].items():
        if not _IDENT.match(name):
            raise SchemaError(f"bad node label {name!r}")
        spec = spec or {}
        nodes[name] = NodeLabel(
            name=name,
            actor=bool(spec.get("actor", False)),
            description=str(spec.get("description", "")),
            properties=_check_props(name, spec.get("properties")),
        )
    if actor_label in nodes:
        raise SchemaError(f"actor label {actor_label} must not also be a node label")
    known_endpoints = set(nodes) | {actor_label}
    rels = {}
    for name, spec in data["relationship_types"].items():
        if not re.match(r"^[A-Z][A-Z0-9_]*$", name):
            raise SchemaError(f"bad relationship type {name!r}")
        ends = {}
        for end in ("from", "to"):
            values = spec.get(end)
            if not values or not isinstance(values, list):
                raise SchemaError(f"{name}: {end!r} must list labels")
            unknown = set(values) - known_endpoints
            if unknown:
                raise SchemaError(f"{name}: unknown labels {sorted(unknown)} in {end!r}")
            ends[end] = tuple(values)
        props = _check_props(name, spec.get("properties"))
        key = tuple(spec.get("key") or ())
        for k in key:
            if k not in props:
                raise SchemaError(f"{name}: key property {k!r} is not declared")
        rels[name] = RelType(
            name=name,
            sources=ends["from"],
            targets=ends["to"],
            key=key,
            undirected=bool(spec.get("undirected", False)),
            provenance=bool(spec.get("provenance", True)),
            properties=props,
            reach=_reach(name, spec.get("reach"), props, nodes, ends["to"]),
        )
    return Schema(
        version=int(data["version"]),
        actor_label=actor_label,
        nodes=nodes,
        relationships=rels,
        common_properties=_check_props("common", data.get("common_properties")),
        provenance_properties=_check_props("provenance", data.get("provenance_properties")),
    )


def _reach(name, value, props, nodes, targets):
    """Validate a relationship's ``reach`` setting (see graph/reach.py)."""
    if value is None:
        return None
    if value == "self" and "reach" in props:
        return value
    if value == "target" and all("reach" in nodes[t].properties for t in targets if t in nodes):
        return value
    raise SchemaError(f"{name}: reach must be 'self' (with a reach property) or 'target' (targets with one)")


@lru_cache(maxsize=1)
def load_schema() -> Schema:
    """Load the packaged ``schema.yaml`` (cached: the model is fixed for a process)."""
    text = resources.files(__package__).joinpath("schema.yaml").read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise SchemaError(f"schema.yaml is not valid YAML: {exc}") from None
    return parse_schema(data)
