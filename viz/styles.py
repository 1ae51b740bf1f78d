"""Colours, shapes and legend names per label, from ``styles.yaml`` (checked against the schema).

>>> from edugraph.viz.styles import load_styles
>>> load_styles()["labels"]["LocalGovernment"]["legend_ko"]
'지자체'
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml

from ..graph.errors import SchemaError
from ..graph.schema import load_schema

__all__ = ["load_styles", "palette"]

_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


@lru_cache(maxsize=1)
def load_styles() -> dict:
    data = yaml.safe_load(resources.files(__package__).joinpath("styles.yaml").read_text(encoding="utf-8"))
    schema = load_schema()
    missing = set(schema.nodes) - set(data["labels"])
    if missing:
        raise SchemaError(f"viz/styles.yaml lacks labels {sorted(missing)}")
    for name, style in {**data["labels"], **data["edges"]}.items():
        if not _COLOR.match(style.get("color", "")):
            raise SchemaError(f"viz/styles.yaml: {name} needs a #rrggbb color")
    if not all(_COLOR.match(c) for c in data.get("palette", [])) or len(data.get("palette", [])) < 17:
        raise SchemaError("viz/styles.yaml: palette needs 17 #rrggbb colours (one per 시·도)")
    return data


def palette() -> list[str]:
    """Colours for groups (communities, 시·도), colour-blind-safe first."""
    return list(load_styles()["palette"])
