"""The Neo4j store, through the official ``neo4j`` driver (py2neo is end-of-life).

Credentials come from the URI (``neo4j://user:password@host``) or else from
``NEO4J_USERNAME`` / ``NEO4J_PASSWORD``, and the database from ``NEO4J_DATABASE``;
the password never appears in a message. ``transaction()`` groups statements into
one Neo4j transaction (an ingest batch: its facts and its ledger entries).
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from urllib.parse import urlsplit, urlunsplit

from .cypher import iter_cypher_files, load_cypher
from .errors import ReadOnlyViolation, StoreError, StoreUnavailable
from .schema import Schema
from .store import Store

__all__ = ["Neo4jStore", "redact_uri"]


_SCALARS = (str, int, float, bool, type(None))


def _plain(value):
    """A returned value as plain Python, as ``Record.data()`` gives it, without its cost on the common case:
    ``data()`` walks every value through a chain of isinstance checks (15 of the 45 ms of an 800-row answer);
    scalars and lists of scalars, which is what the catalogue returns, need none of it."""
    if isinstance(value, _SCALARS):
        return value
    if type(value) is list:
        return [_plain(v) for v in value]
    if type(value) is dict:
        return {k: _plain(v) for k, v in value.items()}
    from neo4j._data import RecordExporter  # nodes, relationships, paths, temporal values: the driver's own rules

    return RecordExporter().transform(value)


def _rows(result) -> list[dict]:
    """A result's records as dicts of plain values."""
    keys = list(result.keys())
    rows = []
    for record in result:
        # A Record is a tuple of its values; reading it as one skips Record.values(), a Python generator per
        # value (3 of 30 ms for an 800-row answer). tests/test_neo4j.py holds the rows to Record.data().
        values = tuple.__iter__(record) if isinstance(record, tuple) else record.values()
        rows.append(dict(zip(keys, [_plain(v) for v in values])))
    return rows


def redact_uri(uri: str) -> str:
    """Drop any user:password@ part of a URI before it is shown."""
    parts = urlsplit(uri)
    if parts.username or parts.password:
        host = parts.hostname or ""
        if parts.port:
            host = f"{host}:{parts.port}"
        parts = parts._replace(netloc=host)
    return urlunsplit(parts)


class Neo4jStore(Store):
    kind = "neo4j"
    schema_folder = "neo4j"

    def __init__(self, uri: str, schema: Schema | None = None):
        super().__init__(schema)
        import neo4j
        from neo4j import exceptions as nx

        self._uri = uri
        parts = urlsplit(uri)
        # credentials written in the URI are the more specific choice, so they win over the environment
        user = parts.username or os.environ.get("NEO4J_USERNAME") or "neo4j"
        password = parts.password or os.environ.get("NEO4J_PASSWORD") or ""
        self.database = os.environ.get("NEO4J_DATABASE") or None
        self._tx = None
        clean = redact_uri(uri)
        try:
            # Server notifications (deprecations, unknown property keys on an empty graph) are for Cypher authors,
            # not for the reader of an answer; the Cypher parser test covers the statements themselves.
            self._driver = neo4j.GraphDatabase.driver(clean, auth=(user, password), notifications_min_severity="OFF",
                                                        max_transaction_retry_time=15.0)
            self._driver.verify_connectivity()
            self._bookmarks = neo4j.GraphDatabase.bookmark_manager()
            # An unknown database only shows on first use; ask now, so the error names it at once.
            self._driver.execute_query(load_cypher(__package__, "ping").body, database_=self.database,
                                       routing_=neo4j.RoutingControl.READ)
        except nx.AuthError:
            raise StoreUnavailable(
                f"Neo4j at {clean} refused the credentials; set NEO4J_USERNAME and NEO4J_PASSWORD"
            ) from None
        except (nx.ServiceUnavailable, OSError) as exc:
            raise StoreUnavailable(f"Neo4j at {clean} is unreachable: {type(exc).__name__}") from None
        except nx.ClientError as exc:
            if "database" in (exc.message or "").lower():
                raise StoreUnavailable(
                    f"Neo4j at {clean} has no database {self.database!r}; check NEO4J_DATABASE"
                ) from None
            raise StoreUnavailable(f"Neo4j at {clean}: {exc.message}") from None
        except ValueError as exc:
            raise StoreUnavailable(f"bad Neo4j URI {clean}: {exc}") from None

    @property
    def location(self) -> str:
        return redact_uri(self._uri)

    def run(self, cypher: str, params: dict | None = None, *, write: bool = False) -> list[dict]:
        import neo4j
        from neo4j import exceptions as nx

        params = params or {}
        with self._errors(write):
            if self._tx is not None:
                return _rows(self._tx.run(cypher, params))
            if write:
                # one managed transaction: the driver retries transient errors itself
                return self._driver.execute_query(
                    cypher, params, database_=self.database, bookmark_manager_=self._bookmarks,
                    routing_=neo4j.RoutingControl.WRITE, result_transformer_=_rows)
            # A read is one auto-commit query in a read session: one round trip (RUN and PULL), where a managed
            # transaction adds BEGIN and COMMIT (0.8 against 1.4 ms for the smallest question, and a p95 of
            # 1.1 against 3.7 ms; README, Neo4j). Reads are idempotent, so a transient failure is retried as a
            # managed read transaction, which the driver retries until max_transaction_retry_time.
            try:
                with self._driver.session(database=self.database, default_access_mode=neo4j.READ_ACCESS,
                                          bookmark_manager=self._bookmarks) as session:
                    return _rows(session.run(cypher, params))
            except (nx.ServiceUnavailable, nx.SessionExpired, nx.TransientError):
                return self._driver.execute_query(
                    cypher, params, database_=self.database, bookmark_manager_=self._bookmarks,
                    routing_=neo4j.RoutingControl.READ, result_transformer_=_rows)

    @contextmanager
    def transaction(self):
        """Run the statements inside the block in one write transaction: all of them commit, or none."""
        import neo4j

        if self._tx is not None:  # nested: part of the outer transaction
            yield self
            return
        with self._errors(True):
            session = self._driver.session(database=self.database, default_access_mode=neo4j.WRITE_ACCESS,
                                           bookmark_manager=self._bookmarks)
            self._tx = session.begin_transaction()
        try:
            yield self
            with self._errors(True):
                self._tx.commit()
        finally:
            tx, self._tx = self._tx, None
            try:
                if tx.closed() is False:
                    tx.rollback()
            except Exception:  # the connection is gone: the server rolls the transaction back itself
                pass
            session.close()

    @contextmanager
    def _errors(self, write: bool):
        from neo4j import exceptions as nx

        try:
            yield
        except nx.ClientError as exc:
            code = exc.code or ""
            if "Forbidden" in code or "AccessMode" in code or "read" in (exc.message or "").lower() and not write:
                raise ReadOnlyViolation(
                    "this query writes to the graph; queries run read-only unless you pass --write"
                ) from None
            raise StoreError(f"Neo4j: {exc.message}") from None
        except (nx.ServiceUnavailable, nx.SessionExpired, nx.TransientError, OSError) as exc:
            raise StoreUnavailable(
                f"Neo4j at {self.location} became unreachable ({type(exc).__name__}); what was not committed "
                "was rolled back: run the command again when the server is back") from None

    def setup_schema(self) -> None:
        labels = [*self.schema.nodes, self.schema.actor_label]
        for statement in iter_cypher_files(__package__, "cypher/neo4j"):
            for template in ([{"label": label} for label in labels] if statement.template else [{}]):
                self.run_file(statement, **template)

    def close(self) -> None:
        driver = getattr(self, "_driver", None)
        if driver is not None:
            driver.close()
            self._driver = None
