"""The question catalogue: one ``.cypher`` file per governance question.

Each file's header names the question in Korean and English, its positional
arguments (``// args: actor, kind?``; ``?`` marks an optional one), its
parameters, defaults and result columns. :func:`ask` turns arguments written
in any name form into ids (see :mod:`edugraph.queries.lookup`) and runs the
question read-only, returning plain rows.

>>> from edugraph.queries.catalogue import catalogue
>>> q = catalogue()["partners"]
>>> q.args, q.columns[:3]
(('actor',), ('partner_id', 'partner', 'partner_en'))
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..graph.cypher import CypherFile, iter_cypher_files
from ..graph.errors import CypherFileError, InputError
from .lookup import ACTOR_LABELS, normalise_date, normalise_kind, resolve_node

__all__ = ["Question", "catalogue", "ask", "ARG_KINDS"]

# What each argument name is and how a user's text becomes a parameter value.
ARG_KINDS = {
    "actor": "an actor: any name form or id (김포시, Gimpo City, 김포교육지원청, lg_41570)",
    "other": "a second actor, any name form or id",
    "program": "a programme: any name form or id (교육발전특구, 미래교육협력지구)",
    "council": "a council or committee: any name form or id",
    "kind": "an agreement kind: 업무협약, MOU, 부속 합의서, 공동선언 or 협약",
    "name": "text to look for",
}


@dataclass(frozen=True)
class Question:
    """One catalogue entry."""

    name: str
    question_ko: str
    question_en: str
    args: tuple  # positional argument names, in order
    optional: frozenset  # the optional ones
    columns: tuple
    defaults: dict
    note: str
    statement: CypherFile

    @property
    def periodic(self) -> bool:
        return "since" in self.statement.params

    def usage(self) -> str:
        return " ".join([self.name, *(f"[{a.upper()}]" if a in self.optional else a.upper() for a in self.args)])


def _question(f: CypherFile) -> Question:
    meta = f.meta
    missing = [k for k in ("question_ko", "question_en", "columns") if not meta.get(k)]
    if missing:
        raise CypherFileError(f"{f.path}: catalogue header needs {', '.join(missing)}")
    args, optional = [], set()
    for a in filter(None, (x.strip() for x in meta.get("args", "").split(","))):
        name = a.rstrip("?")
        if name not in ARG_KINDS or name not in f.params:
            raise CypherFileError(f"{f.path}: argument {name!r} is not a known kind of argument and a parameter")
        if a.endswith("?"):
            optional.add(name)
        args.append(name)
    defaults = {}
    for entry in filter(None, (x.strip() for x in meta.get("default", "").split(","))):
        key, _, value = entry.partition("=")
        defaults[key.strip()] = int(value) if value.strip().isdigit() else value.strip()
    if ("since" in f.params) != ("until" in f.params):
        raise CypherFileError(f"{f.path}: declare both since and until, or neither")
    unfilled = set(f.params) - set(args) - set(defaults) - {"since", "until", "date"}
    if unfilled:
        raise CypherFileError(f"{f.path}: parameters {sorted(unfilled)} are neither arguments nor defaulted")
    return Question(
        name=f.name, question_ko=meta["question_ko"], question_en=meta["question_en"], args=tuple(args),
        optional=frozenset(optional), columns=tuple(c.strip() for c in meta["columns"].split(",")),
        defaults=defaults, note=meta.get("note", ""), statement=f,
    )


@lru_cache(maxsize=1)
def catalogue() -> dict[str, Question]:
    """Every question, by name (validated when first loaded)."""
    return {f.name: _question(f) for f in iter_cypher_files(__package__, "")}


def _value(store, kind: str, text: str):
    if kind in ("actor", "other"):
        return resolve_node(store, text, ACTOR_LABELS).id
    if kind == "program":
        return resolve_node(store, text, ("Program",)).id
    if kind == "council":
        return resolve_node(store, text, ("Council",)).id
    if kind == "kind":
        return normalise_kind(text)
    return text


def ask(store, name: str, *args: str, since: str | None = None, until: str | None = None,
        limit: int | None = None, date: str | None = None) -> list[dict]:
    """Answer question ``name`` with positional ``args`` (any name forms); rows as dicts.

    ``date`` asks a question about one day (``heads``: who headed the actor then)."""
    questions = catalogue()
    if name not in questions:
        raise InputError(f"no question {name!r}; `edugraph ask --list` shows the catalogue")
    q = questions[name]
    required = [a for a in q.args if a not in q.optional]
    if not len(required) <= len(args) <= len(q.args):
        raise InputError(f"usage: edugraph ask {q.usage()}")
    if (since or until) and not q.periodic:
        raise InputError(f"{name} takes no period: drop --since/--until")
    params = {a: None for a in q.args}
    params.update({a: _value(store, a, text) for a, text in zip(q.args, args)})
    if q.periodic:
        params["since"] = normalise_date(since, "--since") if since else None
        params["until"] = normalise_date(until, "--until") if until else None
    if date and "date" not in q.statement.params:
        raise InputError(f"{name} takes no --date")
    if "date" in q.statement.params:
        params["date"] = normalise_date(date, "--date") if date else None
    for key, value in q.defaults.items():
        params[key] = value
    if limit is not None:
        if "limit" not in q.statement.params:
            raise InputError(f"{name} takes no --limit")
        params["limit"] = limit
    return store.run_file(q.statement, params)
