"""The embedded store's server never outlives the command that started it."""

import subprocess
import sys

from .conftest import redis_servers


def test_no_redis_server_left_after_commands(tmp_path):
    before = redis_servers()
    db = str(tmp_path / "p.db")
    for args in (["build", "--no-examples"], ["stats"]):
        proc = subprocess.run([sys.executable, "-m", "edugraph", *args, "--store", db],
                              capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stderr
    # a program that opens the store and exits without closing it: atexit still stops the server
    code = ("from edugraph.graph.store import open_store; s = open_store(%r); s.stats()" % db)
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)
    assert redis_servers() - before == set()
