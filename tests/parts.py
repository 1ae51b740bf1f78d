"""What the tests need from outside Python, one home: each finder returns the part or fails the test with
the part's name and the command that installs it. Nothing is skipped for want of a part: a test that
cannot run is a failure the reader sees (``./setup.sh --dev`` installs every part on Debian)."""

from __future__ import annotations

import shutil

import pytest

from .conftest import ROOT

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
SETUP = "./setup.sh --dev installs it"


def missing(part: str, install: str):
    pytest.fail(f"{part} is needed for this test and is not installed: {install} ({SETUP})", pytrace=False)


def chromium() -> str:
    """Headless Chromium, for the map tests and Neo4j Browser."""
    for name in BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    missing("headless Chromium", "Debian: apt-get install chromium")


def korean_font() -> str:
    """A Korean font matplotlib can draw the figures with."""
    from edugraph.viz.figures import korean_font as found

    font = found()
    if font is None:
        missing("a Korean font", "Debian: apt-get install fonts-noto-cjk")
    return font


def node_package(package: str) -> str:
    """Node.js and one package of package.json (npm ci); returns the node binary."""
    node = shutil.which("node")
    if node is None:
        missing("Node.js", "Debian: apt-get install nodejs npm")
    if not (ROOT / "node_modules" / package).is_dir():
        missing(f"the npm package {package}", "npm ci")
    return node
