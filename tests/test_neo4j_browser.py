"""Neo4j Browser, served by the test run's own Neo4j at /browser/, driven in headless Chromium (Playwright).

It connects with the test password, applies ``edugraph.grass`` from ``export --format browser`` with
``:style``, sets the parameters and runs the exported ``neighbourhood.cypher`` saved query, then checks the
drawn graph: our Korean captions, the colour of each actor type from our style, and a screenshot that is
not blank.
"""

from __future__ import annotations

import json
import subprocess

import pytest
from click.testing import CliRunner

from edugraph.cli import main
from edugraph.viz.styles import load_styles

from .browser import chromium, not_blank
from .conftest import ROOT
from .parts import node_package
from .test_queries import FIXTURE


def test_browser_draws_our_graph_with_our_style(neo4j, tmp_path):
    if neo4j.server is None:
        pytest.skip("needs the Neo4j this test run starts (its HTTP port serves Browser)")
    node_package("playwright-core")
    neo4j.fresh().close()
    runner = CliRunner()
    assert runner.invoke(main, ["build", "--no-examples", "--store", neo4j.uri]).exit_code == 0
    assert runner.invoke(main, ["ingest", str(FIXTURE), "--store", neo4j.uri]).exit_code == 0
    assets = tmp_path / "browser"
    assert runner.invoke(main, ["export", "--format", "browser", "-o", str(assets), "--store", neo4j.uri]).exit_code == 0
    saved = (assets / "queries" / "neighbourhood.cypher").read_text(encoding="utf-8")
    query = "\n".join(line for line in saved.splitlines() if not line.startswith("//"))
    png = tmp_path / "browser.png"
    config = {"http": f"http://127.0.0.1:{neo4j.server.http_port}", "bolt": neo4j.server.bolt_port,
              "password": neo4j.password, "grass": (assets / "edugraph.grass").read_text(encoding="utf-8"),
              "query": query, "params": {"actor": "lg_41370", "limit": 100}, "screenshot": str(png),
              "chromium": chromium()}
    done = subprocess.run(["node", str(ROOT / "tests" / "js" / "neo4j_browser.mjs"), json.dumps(config)],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert not seen.get("error"), seen["error"]
    assert seen["connected"] and seen["styleApplied"]
    captions = [c.strip() for c in seen["captions"]]
    assert "오산시" in captions, captions  # the caption our style names (name_ko), not Browser's <id>
    colours = load_styles()["labels"]
    assert colours["LocalGovernment"]["color"] in seen["fills"] and colours["EducationOffice"]["color"] in seen["fills"]
    assert seen["svgNodes"] >= 8
    assert not_blank(png) > 0.05
