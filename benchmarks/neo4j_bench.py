"""A Neo4j server of the benchmark's own (devtools/neo4j_server.py), so Neo4j is measured in the same run.

The server lives in a temporary folder on free loopback ports and is stopped at the end; nothing else is
touched. Where Neo4j is not installed (``python devtools/neo4j_server.py install``) the Neo4j figures are
left out and the report says why.
"""

from __future__ import annotations

import importlib.util
import secrets
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

__all__ = ["own_neo4j", "empty"]


def devserver():
    """The launcher module devtools/neo4j_server.py (devtools/ is not a package: that file must run on any
    Python, outside the venv), loaded once; the tests use it too."""
    name = "edugraph_neo4j_devserver"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "devtools" / "neo4j_server.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # registered before it runs: its dataclasses look their module up
        spec.loader.exec_module(module)
    return sys.modules[name]


@contextmanager
def own_neo4j(heap: str = "2g", pagecache: str = "1g", line: str | None = None):
    """Yield the URI (credentials in it) of a fresh Neo4j of a release line (default 2026.x) and its name,
    or None with the reason, if none can run."""
    dev = devserver()
    chosen = dev.line(line)
    if not chosen.installed():
        yield None, f"Neo4j {chosen.version} is not installed (python devtools/neo4j_server.py install --all)"
        return
    password = secrets.token_hex(8)
    with tempfile.TemporaryDirectory(prefix="edugraph-bench-neo4j-") as home:
        server = dev.Neo4jServer(home, dev.free_port(), dev.free_port(), password, heap=heap, pagecache=pagecache,
                                 line=chosen)
        try:
            server.start()
        except dev.NeoServerError as exc:
            yield None, f"Neo4j did not start: {str(exc).splitlines()[0]}"
            return
        try:
            yield f"neo4j://neo4j:{password}@127.0.0.1:{server.bolt_port}", f"Neo4j {chosen.version}"
        finally:
            server.stop()


def empty(store) -> None:
    """Delete everything in the benchmark's own database, in batches the heap can hold."""
    while store.run("MATCH (n) WITH n LIMIT 20000 DETACH DELETE n RETURN count(*) AS n", write=True)[0]["n"]:
        pass
