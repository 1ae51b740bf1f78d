#!/usr/bin/env python3
"""A real Neo4j Community server on loopback, from Maven Central, for development, tests and CI.

    python devtools/neo4j_server.py install                  # .neo4j/lib from devtools/neo4j/pom.xml (mvn)
    python devtools/neo4j_server.py start [--home .neo4j/dev] [--bolt-port 7687] [--http-port 7474]
    python devtools/neo4j_server.py status|stop [--home …]
    python devtools/neo4j_server.py admin [--home …] -- database import full …   # neo4j-admin

``start`` writes a configuration that listens on 127.0.0.1 only, sets the password of user
``neo4j`` before the first start (``NEO4J_PASSWORD``, default ``edugraph-dev``), starts the
server in the background, waits until Bolt and HTTP answer, and prints the URI to use, e.g.
``neo4j://127.0.0.1:7687``. Neo4j Browser is at http://127.0.0.1:7474/browser/.

The server is the one Neo4j ships (``org.neo4j.server.Neo4jCommunity``), run from the Maven
artifacts instead of the tarball; it needs Java 21 or newer, found in JAVA_HOME or /usr/lib/jvm.
Only the standard library is used, so any Python 3 runs this file. The test suite imports it
to start a server of its own in a temporary folder (tests/conftest.py).
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POM = Path(__file__).resolve().parent / "neo4j" / "pom.xml"
INSTALL = Path(os.environ.get("EDUGRAPH_NEO4J_HOME", ROOT / ".neo4j"))
LIB = INSTALL / "lib"
DEFAULT_PASSWORD = "edugraph-dev"
MIN_JAVA = 21

__all__ = ["Neo4jServer", "NeoServerError", "install", "installed", "find_java", "free_port"]


class NeoServerError(RuntimeError):
    """The server could not be installed, started or stopped; the message says why."""


def _pom_digest() -> str:
    return hashlib.sha256(POM.read_bytes()).hexdigest()[:16]


def installed() -> bool:
    """True when .neo4j/lib holds the artifacts of the current pom.xml."""
    stamp = INSTALL / "installed-from"
    return LIB.is_dir() and stamp.is_file() and stamp.read_text().strip() == _pom_digest()


def version() -> str:
    return re.search(r"<neo4j.version>([^<]+)<", POM.read_text()).group(1)


def install(quiet: bool = True) -> Path:
    """Copy the pinned Neo4j artifacts and their dependencies into .neo4j/lib (about 170 MB, once)."""
    if installed():
        return LIB
    mvn = shutil.which("mvn")
    if not mvn:
        raise NeoServerError("Maven (mvn) is needed to fetch Neo4j from Maven Central (Debian: apt-get install maven)")
    if LIB.exists():
        shutil.rmtree(LIB)
    cmd = [mvn, "-B", "-f", str(POM), "dependency:copy-dependencies", f"-DoutputDirectory={LIB}"]
    if quiet:
        cmd.insert(1, "-q")
    done = subprocess.run(cmd, capture_output=quiet, text=True)
    if done.returncode:
        raise NeoServerError(f"mvn could not fetch Neo4j {version()}:\n{(done.stdout or '')[-2000:]}")
    (INSTALL / "installed-from").write_text(_pom_digest() + "\n")
    return LIB


@functools.lru_cache(maxsize=8)
def _java_major(java: str) -> int:
    out = subprocess.run([java, "-version"], capture_output=True, text=True).stderr
    m = re.search(r'version "(\d+)', out)
    return int(m.group(1)) if m else 0


@functools.lru_cache(maxsize=1)
def find_java() -> str:
    """A java binary of version 21 or newer: JAVA_HOME first, then the newest JDK in /usr/lib/jvm, then PATH."""
    candidates = []
    if os.environ.get("JAVA_HOME"):
        candidates.append(Path(os.environ["JAVA_HOME"]) / "bin" / "java")
    jvm = Path("/usr/lib/jvm")
    if jvm.is_dir():
        candidates += sorted(jvm.glob("*/bin/java"), reverse=True)
    if shutil.which("java"):
        candidates.append(Path(shutil.which("java")))
    best = max(((_java_major(str(c)), str(c)) for c in candidates if c.is_file()), default=(0, ""))
    if best[0] < MIN_JAVA:
        raise NeoServerError(f"Neo4j {version()} needs Java {MIN_JAVA}+; found none (set JAVA_HOME to a JDK 21 or newer)")
    return best[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


class Neo4jServer:
    """One Neo4j server: a home folder (conf, data, logs), two loopback ports and a password."""

    def __init__(self, home: Path | str, bolt_port: int = 7687, http_port: int = 7474,
                 password: str = DEFAULT_PASSWORD, heap: str = "1g", pagecache: str = "256m"):
        self.home = Path(home).resolve()
        self.bolt_port, self.http_port = bolt_port, http_port
        self.password, self.heap, self.pagecache = password, heap, pagecache
        self.pidfile = self.home / "run" / "edugraph-neo4j.pid"

    @property
    def uri(self) -> str:
        return f"neo4j://127.0.0.1:{self.bolt_port}"

    @property
    def browser_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/browser/"

    def _env(self) -> dict:
        env = dict(os.environ, NEO4J_HOME=str(self.home), NEO4J_CONF=str(self.home / "conf"))
        env.pop("NEO4J_PASSWORD", None)
        return env

    def _java(self, main: str, *args: str, jvm=()) -> list[str]:
        if not installed():
            raise NeoServerError("Neo4j is not installed: run `python devtools/neo4j_server.py install`")
        java = find_java()
        # the JVM options Neo4j's own launcher passes: its page cache and the import tool reach into java.nio
        opens = [f"--add-opens=java.base/{m}=ALL-UNNAMED" for m in ("java.nio", "java.io", "sun.nio.ch", "java.lang")]
        unsafe = ["--sun-misc-unsafe-memory-access=allow"] if _java_major(java) >= 23 else []
        return [java, *jvm, *opens, *unsafe, "--enable-native-access=ALL-UNNAMED", "-Dfile.encoding=UTF-8",
                "-Dio.netty.tryReflectionSetAccessible=true", "-Djdk.nio.maxCachedBufferSize=1024",
                "-cp", f"{LIB}/*", main, *args]

    def configure(self) -> None:
        (self.home / "conf").mkdir(parents=True, exist_ok=True)
        (self.home / "run").mkdir(exist_ok=True)
        (self.home / "logs").mkdir(exist_ok=True)
        (self.home / "import").mkdir(exist_ok=True)
        (self.home / "conf" / "neo4j.conf").write_text("\n".join([
            "# written by devtools/neo4j_server.py: loopback only, authentication on",
            "server.default_listen_address=127.0.0.1",
            "server.default_advertised_address=127.0.0.1",
            f"server.bolt.listen_address=127.0.0.1:{self.bolt_port}",
            f"server.bolt.advertised_address=127.0.0.1:{self.bolt_port}",
            f"server.http.listen_address=127.0.0.1:{self.http_port}",
            f"server.http.advertised_address=127.0.0.1:{self.http_port}",
            "server.https.enabled=false",
            "dbms.security.auth_enabled=true",
            f"server.memory.pagecache.size={self.pagecache}",
            "db.tx_log.rotation.retention_policy=1 files",
            "",
        ]))
        (self.home / "run" / "ports.json").write_text(json.dumps({"bolt": self.bolt_port, "http": self.http_port}))

    @classmethod
    def at(cls, home, bolt_port: int, http_port: int, password: str) -> "Neo4jServer":
        """The server of ``home`` on the ports it was started with (else the ports given)."""
        ports = Path(home) / "run" / "ports.json"
        if ports.is_file():
            saved = json.loads(ports.read_text())
            bolt_port, http_port = saved["bolt"], saved["http"]
        return cls(home, bolt_port, http_port, password)

    def admin(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        """Run neo4j-admin against this home: its tool class run directly (the bootloader would start a second JVM
        with options from the tarball's conf), from the same artifacts as the server."""
        done = subprocess.run(self._java("org.neo4j.cli.AdminTool", *args),
                              env=self._env(), capture_output=True, text=True)
        if check and done.returncode:
            out = "\n".join(line for line in (done.stdout + done.stderr).splitlines() if "WARNING" not in line)
            raise NeoServerError(f"neo4j-admin {' '.join(args[:3])} failed ({done.returncode}):\n{out[-3000:]}")
        return done

    def pid(self) -> int | None:
        try:
            pid = int(self.pidfile.read_text())
            os.kill(pid, 0)
            return pid
        except (OSError, ValueError):
            return None

    def running(self) -> bool:
        return self.pid() is not None

    def start(self, timeout: float = 180) -> "Neo4jServer":
        if self.running():
            return self
        for port in (self.bolt_port, self.http_port):
            if _answers(port):
                raise NeoServerError(f"port {port} on 127.0.0.1 is taken; choose another (--bolt-port/--http-port)")
        first = not (self.home / "data" / "databases").exists()
        self.configure()
        if first:
            self.admin("dbms", "set-initial-password", self.password)
        log = open(self.home / "logs" / "console.log", "ab")
        proc = subprocess.Popen(
            self._java("org.neo4j.server.Neo4jCommunity", f"--home-dir={self.home}",
                       f"--config-dir={self.home / 'conf'}",
                       jvm=(f"-Xms{self.heap}", f"-Xmx{self.heap}", "-XX:+UseG1GC")),
            env=self._env(), stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True)
        self.pidfile.write_text(str(proc.pid))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise NeoServerError(f"Neo4j exited with {proc.returncode} while starting:\n{self.log_tail()}")
            if _answers(self.bolt_port) and self._http_ok():
                return self
            time.sleep(0.5)
        self.stop()
        raise NeoServerError(f"Neo4j did not answer within {timeout:.0f} s:\n{self.log_tail()}")

    def _http_ok(self) -> bool:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.http_port}/", timeout=2) as r:
                return "bolt_direct" in json.loads(r.read())
        except (OSError, ValueError):
            return False

    def log_tail(self, lines: int = 25) -> str:
        out = []
        for name in ("console.log", "neo4j.log"):
            path = self.home / "logs" / name
            if path.is_file():
                text = [ln for ln in path.read_text(errors="replace").splitlines() if "WARNING" not in ln]
                out += [f"[{name}]", *text[-lines:]]
        return "\n".join(out)

    def stop(self, timeout: float = 60, kill: bool = False) -> None:
        """Stop the server: SIGTERM (a clean shutdown) or, with kill=True, SIGKILL (a crash)."""
        pid = self.pid()
        if pid is None:
            return
        os.killpg(pid, signal.SIGKILL if kill else signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                done, _ = os.waitpid(pid, os.WNOHANG)
                if done:
                    break
            except ChildProcessError:
                try:
                    os.kill(pid, 0)
                except OSError:
                    break
            time.sleep(0.2)
        else:
            os.killpg(pid, signal.SIGKILL)
        self.pidfile.unlink(missing_ok=True)
        deadline = time.monotonic() + 10
        while _answers(self.bolt_port) and time.monotonic() < deadline:
            time.sleep(0.1)


def _cli(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("command", choices=["install", "start", "stop", "status", "admin"])
    p.add_argument("--home", default=str(INSTALL / "dev"), help="server home (conf, data, logs); default .neo4j/dev")
    p.add_argument("--bolt-port", type=int, default=7687)
    p.add_argument("--http-port", type=int, default=7474)
    p.add_argument("rest", nargs="*", help="for admin: the neo4j-admin arguments (after --)")
    a = p.parse_args(argv)
    password = os.environ.get("NEO4J_PASSWORD") or DEFAULT_PASSWORD
    if a.command in ("start", "install"):
        server = Neo4jServer(a.home, a.bolt_port, a.http_port, password)
    else:  # status, stop, admin: the server of that home, on the ports it was started with
        server = Neo4jServer.at(a.home, a.bolt_port, a.http_port, password)
    try:
        if a.command == "install":
            print(f"Neo4j {version()} in {install()}")
        elif a.command == "start":
            install()
            server.start()
            print(f"Neo4j {version()} is running (pid {server.pid()}): {server.uri}  user neo4j, "
                  f"password {'from NEO4J_PASSWORD' if os.environ.get('NEO4J_PASSWORD') else DEFAULT_PASSWORD}\n"
                  f"Neo4j Browser: {server.browser_url}\nstop it with: python devtools/neo4j_server.py stop")
        elif a.command == "stop":
            server.stop()
            print("stopped")
        elif a.command == "status":
            print(f"running (pid {server.pid()}) at {server.uri}" if server.running() else "not running")
            return 0 if server.running() else 3
        elif a.command == "admin":
            done = server.admin(*a.rest, check=False)
            sys.stdout.write(done.stdout)
            sys.stderr.write("\n".join(ln for ln in done.stderr.splitlines() if "WARNING" not in ln))
            return done.returncode
    except NeoServerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(_cli())
