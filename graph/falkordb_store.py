"""The embedded store: FalkorDB in a file, through ``falkordblite``.

``falkordblite`` runs a private redis-server with the FalkorDB module; this
class starts it on open and stops it on close, saving the graph to the file.
Several processes may open one store: the first starts the server, the others
connect to it (redis runs their queries one at a time), and the last to close
saves and stops it. Starting and stopping happen under an exclusive lock on
``<store>.lock``, so two processes never run two servers on one file (which
would lose the writes of one of them).
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import shutil
import time

from .cypher import iter_cypher_files
from .errors import ReadOnlyViolation, StoreError, StoreUnavailable
from .schema import Schema
from .store import Store

__all__ = ["EmbeddedStore", "GRAPH_NAME"]

log = logging.getLogger(__name__)

GRAPH_NAME = "edugraph"
LOCK_TIMEOUT = 60.0


@contextlib.contextmanager
def _locked(path: str, timeout: float = LOCK_TIMEOUT):
    """Hold an exclusive lock on ``path + '.lock'`` (waiting up to ``timeout`` seconds)."""
    fd = os.open(path + ".lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise StoreUnavailable(
                        f"the embedded store {path} is being opened or closed by another process for over "
                        f"{timeout:.0f} s; try again, or remove {path}.lock if no edugraph process is running"
                    ) from None
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)  # also releases the lock


def _plain(value):
    """FalkorDB result values → plain Python (nodes and edges become property dicts)."""
    props = getattr(value, "properties", None)
    if props is not None and not isinstance(value, dict):
        return dict(props)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


_TOO_LONG = ("the query ran past the store's time limit: narrow it (--province, --since/--until, --program, "
             "--type, --level) or ask a catalogue question")


class EmbeddedStore(Store):
    kind = "falkordb"
    schema_folder = "falkordb"

    def __init__(self, path: str, schema: Schema | None = None, read_only: bool = False):
        super().__init__(schema)
        self.path = os.path.abspath(os.path.expanduser(path))
        self.origin = self.path
        self.read_only = False
        self._copy_dir = None
        parent = os.path.dirname(self.path)
        if not os.path.isdir(parent):
            raise StoreUnavailable(f"cannot open store {path}: folder {parent} does not exist")
        if os.path.isdir(self.path):
            raise StoreUnavailable(f"cannot open store {path}: it is a folder; give a file path")
        if os.path.exists(self.path) and os.path.getsize(self.path) > 0:
            with open(self.path, "rb") as fh:
                if fh.read(5) != b"REDIS":
                    raise StoreUnavailable(
                        f"{path} is not an EduGraph store (not a FalkorDB file); give another path, or build one "
                        f"with `edugraph build --store NEW.db`")
        if not os.access(parent, os.W_OK) or (os.path.exists(self.path) and not os.access(self.path, os.W_OK)):
            if not read_only:
                raise StoreUnavailable(f"cannot write the store {path}: its folder or file is read-only")
            # A store on a read-only filesystem is read from a private copy (the server writes beside its file).
            import tempfile

            self._copy_dir = tempfile.mkdtemp(prefix="edugraph-ro-")
            copy = os.path.join(self._copy_dir, os.path.basename(self.path))
            shutil.copyfile(self.path, copy)
            self.path = copy
            self.read_only = True
        try:
            from redislite.falkordb_client import FalkorDB
        except ImportError as exc:  # pragma: no cover - dependency missing
            raise StoreUnavailable(
                "the embedded store needs the falkordblite package (Python 3.12+): pip install falkordblite"
            ) from exc
        try:
            with _locked(self.path):
                self._db = FalkorDB(self.path)
        except StoreUnavailable:
            raise
        except Exception as exc:
            raise StoreUnavailable(f"cannot start the embedded store at {path}: {exc}") from exc
        self._graph = self._db.select_graph(GRAPH_NAME)
        self._closed = False

    @property
    def location(self) -> str:
        return self.origin

    def run(self, cypher: str, params: dict | None = None, *, write: bool = False) -> list[dict]:
        import redis

        try:
            if write:
                result = self._graph.query(cypher, params or None)
            else:
                result = self._graph.ro_query(cypher, params or None)
        except redis.exceptions.TimeoutError:
            raise StoreError(_TOO_LONG) from None
        except redis.exceptions.ResponseError as exc:
            message = str(exc)
            if "timed out" in message.lower() or "timeout" in message.lower():
                raise StoreError(_TOO_LONG) from None
            if "read-only" in message:
                raise ReadOnlyViolation(
                    "this query writes to the graph; queries run read-only unless you pass --write"
                ) from None
            raise StoreError(f"FalkorDB: {message}") from None
        except redis.exceptions.ConnectionError as exc:
            raise StoreUnavailable(f"the embedded store at {self.path} stopped: {exc}") from None
        columns = [h[1] if isinstance(h, (list, tuple)) else h for h in (result.header or [])]
        return [dict(zip(columns, map(_plain, row))) for row in result.result_set]

    def setup_schema(self) -> None:
        import redis

        labels = [*self.schema.nodes, self.schema.actor_label]
        for statement in iter_cypher_files(__package__, "cypher/falkordb"):
            for template in ([{"label": label} for label in labels] if statement.template else [{}]):
                try:
                    self.run_file(statement, **template)
                except StoreError as exc:
                    if "already indexed" not in str(exc):
                        raise
        # Unique ids: FalkorDB sets constraints with a command, not Cypher.
        for label in labels:
            try:
                self._db.client.execute_command(
                    "GRAPH.CONSTRAINT", "CREATE", GRAPH_NAME, "UNIQUE", "NODE", label, "PROPERTIES", 1, "id"
                )
            except redis.exceptions.ResponseError as exc:
                if "already exists" not in str(exc):
                    raise StoreError(f"FalkorDB constraint on {label}.id: {exc}") from None

    def close(self) -> None:
        """Save the graph to the file and stop the private server (fast, unlike redislite's own)."""
        if getattr(self, "_closed", True):
            return
        self._closed = True
        with _locked(self.path):
            self._stop()
        if self._copy_dir:
            shutil.rmtree(self._copy_dir, ignore_errors=True)

    def _stop(self) -> None:
        client = self._db.client
        pid = client.pid
        if not pid:
            return
        try:
            if client._connection_count() > 1:
                # Another process shares this server: leave it running for them.
                client.connection_pool.disconnect()
                return
            client.execute_command("SAVE")
            # Sent on a bare connection: redis-py would otherwise retry the
            # dropped connection for seconds after the server exits.
            conn = client.connection_pool.get_connection()
            conn.send_command("SHUTDOWN", "NOSAVE")
        except Exception as exc:  # pragma: no cover - server already gone
            log.warning("embedded store at %s: %s", self.path, exc)
        _wait_gone(pid)
        client.connection_pool.disconnect()
        for leftover in (client.redis_dir,):
            if leftover and os.path.isdir(leftover):
                shutil.rmtree(leftover, ignore_errors=True)
        if client.settingregistryfile and os.path.exists(client.settingregistryfile):
            os.remove(client.settingregistryfile)
        # Tell redislite there is nothing left to clean up at exit.
        client.pidfile = None
        client.redis_dir = None
        client.running = False


def _wait_gone(pid: int, timeout: float = 10.0) -> None:
    import psutil

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            proc = psutil.Process(pid)
            if proc.status() == psutil.STATUS_ZOMBIE:
                return
        except psutil.NoSuchProcess:
            return
        time.sleep(0.01)
    try:
        os.kill(pid, 9)
    except OSError:
        pass
