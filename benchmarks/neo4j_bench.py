"""A Neo4j server of the benchmark's own (devtools/neo4j_server.py), so Neo4j is measured in the same run.

The server lives in a temporary folder on free loopback ports and is stopped at the end; nothing else is
touched. Where Neo4j is not installed (``python devtools/neo4j_server.py install``) the Neo4j figures are
left out and the report says why.
"""

from __future__ import annotations

import importlib.util
import secrets
import tempfile
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

__all__ = ["own_neo4j", "empty"]


def _devserver():
    spec = importlib.util.spec_from_file_location("edugraph_neo4j_devserver", ROOT / "devtools" / "neo4j_server.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@contextmanager
def own_neo4j(heap: str = "2g", pagecache: str = "1g"):
    """Yield the URI (credentials in it) of a fresh Neo4j, or None with the reason printed, if none can run."""
    dev = _devserver()
    if not dev.installed():
        yield None, "Neo4j is not installed (python devtools/neo4j_server.py install)"
        return
    password = secrets.token_hex(8)
    with tempfile.TemporaryDirectory(prefix="edugraph-bench-neo4j-") as home:
        server = dev.Neo4jServer(home, dev.free_port(), dev.free_port(), password, heap=heap, pagecache=pagecache)
        try:
            server.start()
        except dev.NeoServerError as exc:
            yield None, f"Neo4j did not start: {str(exc).splitlines()[0]}"
            return
        try:
            yield f"neo4j://neo4j:{password}@127.0.0.1:{server.bolt_port}", f"Neo4j {dev.version()}"
        finally:
            server.stop()


def empty(store) -> None:
    """Delete everything in the benchmark's own database, in batches the heap can hold."""
    while store.run("MATCH (n) WITH n LIMIT 20000 DETACH DELETE n RETURN count(*) AS n", write=True)[0]["n"]:
        pass
