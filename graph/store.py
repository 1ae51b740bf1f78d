"""One store interface, two backends: embedded FalkorDB (default) and Neo4j.

Every backend runs the same shared Cypher; only schema setup differs.

>>> from edugraph.graph.store import open_store
>>> with open_store("/tmp/edugraph-doctest.db") as store:   # doctest: +SKIP
...     store.stats()["nodes"]
"""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from contextlib import contextmanager

from .cypher import CypherFile, load_cypher
from .errors import StoreUnavailable
from .schema import Schema, load_schema

__all__ = ["Store", "open_store", "default_store_location", "is_neo4j_uri"]

NEO4J_SCHEMES = ("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://")


def is_neo4j_uri(location: str) -> bool:
    return location.startswith(NEO4J_SCHEMES)


def default_store_location() -> str:
    """``$EDUGRAPH_STORE`` if set, else ``edugraph.db`` in the working directory."""
    return os.environ.get("EDUGRAPH_STORE") or "edugraph.db"


class Store(ABC):
    """A graph store. Use as a context manager so the embedded server always stops."""

    kind: str = "abstract"
    #: folder of this backend's schema-setup Cypher under graph/cypher/
    schema_folder: str = ""

    def __init__(self, schema: Schema | None = None):
        self.schema = schema or load_schema()

    # -- the backend's part ------------------------------------------------
    @abstractmethod
    def run(self, cypher: str, params: dict | None = None, *, write: bool = False) -> list[dict]:
        """Run one statement; return rows as dicts. ``write=False`` runs it read-only."""

    @abstractmethod
    def setup_schema(self) -> None:
        """Create indexes and uniqueness constraints (idempotent)."""

    @abstractmethod
    def close(self) -> None:
        """Release the connection (the embedded backend also stops its server)."""

    @contextmanager
    def transaction(self):
        """Group the statements run inside the block: on Neo4j one transaction (all commit or none).

        The embedded store runs each statement atomically on its own (FalkorDB has no multi-statement
        transactions); writers keep that safe by writing idempotent MERGEs and their ledger last, so a
        batch cut short is written again in full by the next run.
        """
        yield self

    @property
    @abstractmethod
    def location(self) -> str:
        """Where the graph lives, for messages (never includes a password)."""

    # -- shared ------------------------------------------------------------
    def run_file(self, statement: CypherFile, params: dict | None = None, **template) -> list[dict]:
        """Run a CypherFile; template placeholders are checked against the schema."""
        text = statement.render(self.schema, **template) if statement.template else statement.body
        return self.run(text, params or {}, write=statement.mode != "read")

    def stats(self) -> dict:
        """Node counts by label and relationship counts by type (zeros included)."""
        count_label = load_cypher(__package__, "count_label")
        count_type = load_cypher(__package__, "count_type")
        nodes = {
            label: self.run_file(count_label, label=label)[0]["count"]
            for label in [*self.schema.nodes, self.schema.actor_label]
        }
        rels = {t: self.run_file(count_type, type=t)[0]["count"] for t in self.schema.relationships}
        return {"nodes": nodes, "relationships": rels}

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


def open_store(location: str | None = None, *, schema: Schema | None = None, setup: bool = True,
               create: bool = True) -> Store:
    """Open the store at ``location``: a Neo4j URI, or a file path for the embedded store.

    ``create=False`` (what read commands use) refuses an embedded store that does not exist instead of
    creating an empty one, and reads a store in a folder it may not write to.
    """
    location = location or default_store_location()
    if is_neo4j_uri(location):
        from .neo4j_store import Neo4jStore

        store: Store = Neo4jStore(location, schema=schema)
    else:
        if "://" in location:
            raise StoreUnavailable(
                f"{location.split('://')[0]}:// is not a store: give a file path for the embedded store or a "
                f"Neo4j URI ({', '.join(NEO4J_SCHEMES)})")
        path = os.path.expanduser(location)
        # a store another process is writing has its lock before its first save
        if not create and not os.path.exists(path) and not os.path.exists(path + ".lock"):
            raise StoreUnavailable(
                f"no store at {location}: build one with `edugraph build --store {location}`, or check the path")
        from .falkordb_store import EmbeddedStore

        store = EmbeddedStore(location, schema=schema, read_only=not create)
        setup = setup and not store.read_only
    if setup:
        try:
            store.setup_schema()
        except BaseException:
            store.close()
            raise
    return store
