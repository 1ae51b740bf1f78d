"""Neo4j Browser assets: a GraSS style file and the question catalogue as saved queries.

>>> from edugraph.viz.browser import grass
>>> "node.LocalGovernment" in grass()
True
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..graph.cypher import load_cypher
from ..queries.catalogue import catalogue
from .styles import load_styles

__all__ = ["grass", "write_browser_assets"]


def grass() -> str:
    """GraSS: colour, size and caption per label (drag the file onto Neo4j Browser)."""
    out = ["node {\n  diameter: 50px;\n  color: #A5ABB6;\n  border-color: #9AA1AC;\n  text-color-internal: #FFFFFF;\n"
           "  font-size: 10px;\n}\n", "relationship {\n  color: #A5ABB6;\n  shaft-width: 1px;\n  font-size: 8px;\n"
           "  caption: '<type>';\n}\n",
           # Every actor also carries the Actor label. A rule of its own (caption only, no colour) keeps Browser
           # from giving Actor a colour of its own that would paint over the colour of the actor's type.
           "node.Actor {\n  caption: '{name_ko}';\n}\n"]
    for label, style in load_styles()["labels"].items():
        out.append(f"node.{label} {{\n  color: {style['color']};\n  border-color: {style['color']};\n"
                   f"  text-color-internal: #FFFFFF;\n  caption: '{{{style['caption']}}}';\n}}\n")
    return "".join(out)


def _saved_query(q) -> str:
    # Neo4j rejects LIMIT null: a saved query suggests the catalogue's default limit (or 100)
    params = "\n".join(
        f"// :param {p} => {q.defaults.get('limit', 100) if p == 'limit' else 'null'}   // {desc}"
        for p, desc in q.statement.params.items())
    return (f"// {q.question_ko}\n// {q.question_en}\n// Set the parameters first (ids from `edugraph resolve`), e.g.\n"
            f"{params}\n{q.statement.body}\n")


def write_browser_assets(folder) -> list[Path]:
    """``edugraph.grass``, one ``.cypher`` per catalogue question plus ``neighbourhood.cypher`` (an actor's ties
    drawn as a graph), and a zip of them for Browser's import."""
    folder = Path(folder)
    (folder / "queries").mkdir(parents=True, exist_ok=True)
    written = [folder / "edugraph.grass"]
    written[0].write_text(grass(), encoding="utf-8")
    for q in catalogue().values():
        path = folder / "queries" / f"{q.name}.cypher"
        path.write_text(_saved_query(q), encoding="utf-8")
        written.append(path)
    # the catalogue answers in tables; Browser is for looking at the graph itself, so one query draws it
    graph = load_cypher("edugraph.queries", "neighbourhood", "browser")
    path = folder / "queries" / "neighbourhood.cypher"
    path.write_text(f"// {graph.meta.get('description', '')}\n// Set the parameters first, e.g.\n// :param actor => 'lg_41370'\n"
                    f"// :param limit => 100\n{graph.body}\n", encoding="utf-8")
    written.append(path)
    archive = folder / "edugraph-saved-queries.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        for path in written[1:]:
            z.write(path, f"EduGraph/{path.name}")
    written.append(archive)
    return written
