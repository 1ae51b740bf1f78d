#!/usr/bin/env python3
"""A real Neo4j Community server on loopback, from Maven Central, for development, tests and CI.

    python devtools/neo4j_server.py install [--line 2026|5] [--all]   # .neo4j/lib (2026.x), .neo4j/lib-5 (5.26 LTS)
    python devtools/neo4j_server.py start [--line …] [--home .neo4j/dev] [--bolt-port 7687] [--http-port 7474]
    python devtools/neo4j_server.py status|stop [--home …]
    python devtools/neo4j_server.py admin [--line …] [--home …] -- database import full …   # neo4j-admin

Two release lines are supported, each pinned by its own Maven file: ``2026`` (the newest calendar
release, what Aura runs; ``devtools/neo4j/pom.xml``, Java 21 or newer) and ``5`` (5.26, the long-term
support line many universities and agencies run; ``devtools/neo4j/pom-5.xml``, Java 17 to 21). ``2026``
is the default. ``start`` writes a configuration that listens on 127.0.0.1 only, sets the password of
user ``neo4j`` before the first start (``NEO4J_PASSWORD``, default ``edugraph-dev``), starts the server in
the background, waits until Bolt and HTTP answer, and prints the URI to use, e.g.
``neo4j://127.0.0.1:7687``. Neo4j Browser is at http://127.0.0.1:7474/browser/.

The server is the one Neo4j ships, run from the Maven artifacts instead of the tarball, with a Java
found in JAVA_HOME or /usr/lib/jvm that fits the line. Only the standard library is used, so any
Python 3 runs this file. The test suite imports it to start servers of its own in temporary folders
(tests/conftest.py), one per line.
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
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INSTALL = Path(os.environ.get("EDUGRAPH_NEO4J_HOME", ROOT / ".neo4j"))
DEFAULT_PASSWORD = "edugraph-dev"

__all__ = ["LINES", "Line", "Neo4jServer", "NeoServerError", "line", "install", "installed", "find_java",
           "free_port"]


class NeoServerError(RuntimeError):
    """The server could not be installed, started or stopped; the message says why."""


@dataclass(frozen=True)
class Line:
    """One Neo4j release line: the Maven file that pins it, where its jars go, the Java it runs on, its entry point."""

    name: str
    pom: Path
    lib: Path
    java: tuple[int, int | None]  # lowest and highest Java major version the line supports (None: no upper bound)
    server_main: str  # the class Neo4j's own launcher runs (renamed between 5.x and 2025.x)
    admin_main: str = "org.neo4j.cli.AdminTool"

    @property
    def version(self) -> str:
        return re.search(r"<neo4j.version>([^<]+)<", self.pom.read_text()).group(1)

    @property
    def java_range(self) -> str:
        low, high = self.java
        return f"Java {low} or newer" if high is None else f"Java {low} to {high}"

    def _digest(self) -> str:
        return hashlib.sha256(self.pom.read_bytes()).hexdigest()[:16]

    def _stamp(self) -> Path:
        return self.lib.parent / f"installed-from{'' if self.name == '2026' else '-' + self.name}"

    def installed(self) -> bool:
        """True when this line's lib folder holds the artifacts of its current Maven file."""
        stamp = self._stamp()
        return self.lib.is_dir() and stamp.is_file() and stamp.read_text().strip() == self._digest()

    def install(self, quiet: bool = True) -> Path:
        """Copy the pinned artifacts and their dependencies into the lib folder (about 140-170 MB, once)."""
        if self.installed():
            return self.lib
        mvn = shutil.which("mvn")
        if not mvn:
            raise NeoServerError("Maven (mvn) is needed to fetch Neo4j from Maven Central (Debian: apt-get install maven)")
        if self.lib.exists():
            shutil.rmtree(self.lib)
        cmd = [mvn, "-B", "-f", str(self.pom), "dependency:copy-dependencies", f"-DoutputDirectory={self.lib}"]
        if quiet:
            cmd.insert(1, "-q")
        done = subprocess.run(cmd, capture_output=quiet, text=True)
        if done.returncode:
            raise NeoServerError(f"mvn could not fetch Neo4j {self.version}:\n{(done.stdout or '')[-2000:]}")
        self._stamp().write_text(self._digest() + "\n")
        return self.lib

    def java_binary(self) -> str:
        """A java binary this line runs on: JAVA_HOME if it fits, else the newest fitting JDK in /usr/lib/jvm or PATH."""
        low, high = self.java
        fits = [(major, path) for major, path in _javas() if major >= low and (high is None or major <= high)]
        if not fits:
            found = ", ".join(sorted({str(m) for m, _ in _javas()})) or "none"
            raise NeoServerError(f"Neo4j {self.version} needs {self.java_range}; found Java {found} "
                                 f"(install one, e.g. Debian openjdk-{low}-jre-headless, or set JAVA_HOME)")
        return fits[0][1]


_DEVTOOLS = Path(__file__).resolve().parent / "neo4j"
LINES = {
    "2026": Line("2026", _DEVTOOLS / "pom.xml", INSTALL / "lib", (21, None), "org.neo4j.server.Neo4jCommunity"),
    "5": Line("5", _DEVTOOLS / "pom-5.xml", INSTALL / "lib-5", (17, 21), "org.neo4j.server.CommunityEntryPoint"),
}
DEFAULT_LINE = "2026"


def line(name: str | None = None) -> Line:
    """The release line called ``name`` ("2026" or "5"; also "5.26", "lts"); the default line without a name."""
    key = {"5.26": "5", "lts": "5", "latest": "2026"}.get(name or DEFAULT_LINE, name or DEFAULT_LINE)
    if key not in LINES:
        raise NeoServerError(f"no Neo4j line {name!r}: choose one of {', '.join(LINES)}")
    return LINES[key]


def installed(name: str | None = None) -> bool:
    return line(name).installed()


def install(name: str | None = None, quiet: bool = True) -> Path:
    return line(name).install(quiet)


def version(name: str | None = None) -> str:
    return line(name).version


@functools.lru_cache(maxsize=16)
def _java_major(java: str) -> int:
    out = subprocess.run([java, "-version"], capture_output=True, text=True).stderr
    m = re.search(r'version "(\d+)', out)
    return int(m.group(1)) if m else 0


@functools.lru_cache(maxsize=1)
def _javas() -> tuple[tuple[int, str], ...]:
    """Every java found, JAVA_HOME's first, then the JDKs in /usr/lib/jvm (newest first), then PATH's."""
    candidates = []
    if os.environ.get("JAVA_HOME"):
        candidates.append(Path(os.environ["JAVA_HOME"]) / "bin" / "java")
    jvm = Path("/usr/lib/jvm")
    if jvm.is_dir():
        candidates += sorted(jvm.glob("*/bin/java"), key=lambda p: _java_major(str(p)), reverse=True)
    if shutil.which("java"):
        candidates.append(Path(shutil.which("java")))
    seen, out = set(), []
    for c in candidates:
        if c.is_file() and c.resolve() not in seen:
            seen.add(c.resolve())
            out.append((_java_major(str(c)), str(c)))
    return tuple(out)


def find_java(name: str | None = None) -> str:
    """A java binary for the line ``name`` (default 2026: Java 21 or newer)."""
    return line(name).java_binary()


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
    """One Neo4j server: a release line, a home folder (conf, data, logs), two loopback ports and a password."""

    def __init__(self, home: Path | str, bolt_port: int = 7687, http_port: int = 7474,
                 password: str = DEFAULT_PASSWORD, heap: str = "1g", pagecache: str = "256m",
                 line: str | Line | None = None):
        self.line = line if isinstance(line, Line) else globals()["line"](line)
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
        if not self.line.installed():
            raise NeoServerError(f"Neo4j {self.line.version} is not installed: run "
                                 f"`python devtools/neo4j_server.py install --line {self.line.name}`")
        java = self.line.java_binary()
        # the JVM options Neo4j's own launcher passes: its page cache and the import tool reach into java.nio
        opens = [f"--add-opens=java.base/{m}=ALL-UNNAMED" for m in ("java.nio", "java.io", "sun.nio.ch", "java.lang")]
        unsafe = ["--sun-misc-unsafe-memory-access=allow"] if _java_major(java) >= 23 else []
        return [java, *jvm, *opens, *unsafe, "--enable-native-access=ALL-UNNAMED", "-Dfile.encoding=UTF-8",
                "-Dio.netty.tryReflectionSetAccessible=true", "-Djdk.nio.maxCachedBufferSize=1024",
                "-cp", f"{self.line.lib}/*", main, *args]

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
        (self.home / "run" / "ports.json").write_text(
            json.dumps({"bolt": self.bolt_port, "http": self.http_port, "line": self.line.name}))

    @classmethod
    def at(cls, home, bolt_port: int, http_port: int, password: str, line: str | None = None) -> "Neo4jServer":
        """The server of ``home`` on the ports and the release line it was started with (else those given)."""
        ports = Path(home) / "run" / "ports.json"
        if ports.is_file():
            saved = json.loads(ports.read_text())
            bolt_port, http_port, line = saved["bolt"], saved["http"], saved.get("line", line)
        return cls(home, bolt_port, http_port, password, line=line)

    def admin(self, *args: str, check: bool = True, cwd=None) -> subprocess.CompletedProcess:
        """Run neo4j-admin against this home: its tool class run directly (the bootloader would start a second JVM
        with options from the tarball's conf), from the same artifacts as the server. ``cwd``: where relative
        paths are read from and where the import tool writes its import.report (default: here)."""
        done = subprocess.run(self._java(self.line.admin_main, *args),
                              env=self._env(), capture_output=True, text=True, cwd=cwd)
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
        ports = self.home / "run" / "ports.json"
        made_by = json.loads(ports.read_text()).get("line") if ports.is_file() else None
        if not first and made_by and made_by != self.line.name:
            # 2026.x would upgrade a 5.x store in place, and 5.x cannot read a 2026.x one: never mix them silently
            raise NeoServerError(f"{self.home} holds a Neo4j {line(made_by).version} database; "
                                 f"give Neo4j {self.line.version} a home of its own (--home)")
        self.configure()
        if first:
            self.admin("dbms", "set-initial-password", self.password)
        log = open(self.home / "logs" / "console.log", "ab")
        proc = subprocess.Popen(
            self._java(self.line.server_main, f"--home-dir={self.home}",
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
    p.add_argument("--line", default=None, help=f"Neo4j release line: {' or '.join(LINES)} (default {DEFAULT_LINE})")
    p.add_argument("--all", action="store_true", help="install: every line (what ./setup.sh --dev does)")
    p.add_argument("--home", default=None, help="server home (conf, data, logs); default .neo4j/dev "
                                                 "(.neo4j/dev-5 for line 5)")
    p.add_argument("--bolt-port", type=int, default=7687)
    p.add_argument("--http-port", type=int, default=7474)
    p.add_argument("rest", nargs="*", help="for admin: the neo4j-admin arguments (after --)")
    a = p.parse_args(argv)
    password = os.environ.get("NEO4J_PASSWORD") or DEFAULT_PASSWORD
    try:
        chosen = line(a.line)
        home = a.home or str(INSTALL / ("dev" if chosen.name == DEFAULT_LINE else f"dev-{chosen.name}"))
        if a.command == "install":
            for one in (LINES.values() if a.all else [chosen]):
                started = time.monotonic()
                where = one.install()
                print(f"Neo4j {one.version} ({one.java_range}) in {where} [{time.monotonic() - started:.0f} s]")
            return 0
        if a.command == "start":
            server = Neo4jServer(home, a.bolt_port, a.http_port, password, line=chosen)
            chosen.install()
            server.start()
            print(f"Neo4j {chosen.version} is running (pid {server.pid()}): {server.uri}  user neo4j, "
                  f"password {'from NEO4J_PASSWORD' if os.environ.get('NEO4J_PASSWORD') else DEFAULT_PASSWORD}\n"
                  f"Neo4j Browser: {server.browser_url}\nstop it with: python devtools/neo4j_server.py stop"
                  + ("" if a.home is None and chosen.name == DEFAULT_LINE else f" --home {home}"))
            return 0
        # status, stop, admin: the server of that home, on the ports and line it was started with
        server = Neo4jServer.at(home, a.bolt_port, a.http_port, password, line=a.line)
        if a.command == "stop":
            server.stop()
            print("stopped")
        elif a.command == "status":
            print(f"Neo4j {server.line.version} running (pid {server.pid()}) at {server.uri}" if server.running()
                  else "not running")
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
