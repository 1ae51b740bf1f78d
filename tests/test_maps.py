"""Maps in a real browser (headless Chromium), figures, and exports that round-trip."""

import csv
import json
import os
import re
import zipfile
from importlib import resources
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from edugraph.cli import main
from edugraph.graph.export import script_statements
from edugraph.graph.schema import load_schema
from edugraph.viz.maps import map_view, write_map

from benchmarks.map_speed import network

from .browser import body_status, not_blank, screenshot

HERE = Path(__file__).resolve().parent
FIXTURE = HERE / "fixtures" / "network_records.yaml"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("maps") / "maps.db"
    assert run("build", "--store", path).exit_code == 0
    assert run("ingest", FIXTURE, "--store", path).exit_code == 0
    return path


def _vis_bundle() -> str:
    lib = resources.files("pyvis").joinpath("lib", "vis-9.1.2")
    return lib.joinpath("vis-network.min.js").read_text(encoding="utf-8")


def _source_urls(db) -> set:
    out = run("cypher", "--store", db, "--json", "MATCH (d:Document) WHERE d.url IS NOT NULL RETURN d.url AS url")
    return {r["url"] for r in json.loads(out.output)}


def assert_offline(html: str, sources: set):
    """No external resource; the only http(s) text left outside the vis-network bundle is links to sources."""
    assert not re.search(r"<script[^>]+src=|<link[^>]+href=|url\(\s*['\"]?https?:|@import|<iframe|<img",
                         html, re.I)
    rest = html.replace(_vis_bundle(), "")
    # Tooltip HTML sits in JSON strings, so its quotes appear as \".
    for m in re.finditer(r"https?://[^\s\"'<>)\\]+", rest):
        url = m.group(0).replace("&amp;", "&")
        assert url in sources, f"unexpected URL in the page: {url}"
        assert re.search(r'href=\\?"$', rest[max(0, m.start() - 8):m.start()]), f"URL that is not a link: {url}"


def _check_in_browser(path: Path, tmp_path: Path, find: str | None = None) -> dict:
    status = body_status(path, f"#find={find}" if find else "")
    assert status["drawn"] == "1", status
    assert status["errors"] == "", status["errors"]
    assert status["legend_items"] >= 3
    share = not_blank(screenshot(path, tmp_path / (path.stem + ".png")))
    assert share > 0.005, f"the screenshot is blank ({share:.4f} of pixels drawn)"
    return status


def test_whole_network_map_is_offline_and_drawn(db, tmp_path):
    out = tmp_path / "network.html"
    result = run("map", "-o", out, "--store", db)
    assert result.exit_code == 0, result.output
    html = out.read_bytes().decode("utf-8")
    assert '<meta charset="utf-8">' in html
    assert_offline(html, _source_urls(db))
    status = _check_in_browser(out, tmp_path, find="오산")
    assert status["found"] != "0곳" and "lg_41370" in status["selected"].split()


def test_ego_and_programme_views(db, tmp_path):
    ego = tmp_path / "ego.html"
    assert run("map", "-o", ego, "--actor", "오산시", "--depth", "1", "--store", db).exit_code == 0
    html = ego.read_text(encoding="utf-8")
    assert "한신대학교" in html and "강동구" not in html  # depth 1 stops before the council's other members
    assert "오산 늘봄 MOU" in html and "https://example.org/fixture/2" in html  # tooltip lists the agreement
    _check_in_browser(ego, tmp_path)
    program = tmp_path / "program.html"
    assert run("map", "-o", program, "--program", "미래교육협력지구", "--store", db).exit_code == 0
    assert "미래교육협력지구" in program.read_text(encoding="utf-8")
    _check_in_browser(program, tmp_path)
    bad = run("map", "-o", tmp_path / "x.html", "--actor", "김포", "--store", db)
    assert bad.exit_code == 1 and "be more specific" in bad.output


@pytest.mark.seeds
def test_map_of_the_seed_graph(corpus, tmp_path):
    db = tmp_path / "seeds.db"
    run("build", "--no-examples", "--store", db)
    run("ingest", corpus / "seeds", "--store", db)
    out = tmp_path / "seeds.html"
    assert run("map", "-o", out, "--store", db).exit_code == 0
    assert_offline(out.read_text(encoding="utf-8"), _source_urls(db))
    _check_in_browser(out, tmp_path, find="김포시")


def test_a_2000_node_map_draws_in_the_browser(tmp_path):
    out = tmp_path / "big.html"
    write_map(map_view(network(2000)), out, title="2,000 기관")
    status = _check_in_browser(out, tmp_path, find="기관1999")
    assert status["selected"] == "n1999"
    assert int(status["draw-ms"]) > 0  # the draw time is measured; benchmarks/map_speed.py reports it


def test_figures_have_korean_text(db, tmp_path):
    from edugraph.viz.figures import korean_font

    if korean_font() is None:
        if os.environ.get("CI"):
            pytest.fail("no Korean font: install fonts-noto-cjk")
        pytest.skip("no Korean font installed (Debian: fonts-noto-cjk or fonts-nanum)")
    png, svg = tmp_path / "f.png", tmp_path / "f.svg"
    assert run("map", "-o", png, "--actor", "오산시", "--store", db).exit_code == 0
    assert run("map", "-o", svg, "--format", "svg", "--store", db).exit_code == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and not_blank(png) > 0.005
    text = svg.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text
    assert not re.search(r"(?:href|src)=\"https?://", text)


def test_graphml_and_gexf_read_back(db, tmp_path):
    graphml, gexf = tmp_path / "g.graphml", tmp_path / "g.gexf"
    assert run("export", "--format", "graphml", "-o", graphml, "--store", db).exit_code == 0
    assert run("export", "--format", "gexf", "-o", gexf, "--store", db).exit_code == 0
    a, b = nx.read_graphml(graphml), nx.read_gexf(gexf)
    assert a.number_of_nodes() == b.number_of_nodes() > 10
    assert a.number_of_edges() == b.number_of_edges()
    assert a.nodes["lg_41370"]["name_ko"] == "오산시"
    assert a["eo_41_hwaseong-osan"]["lg_41370"]["weight"] >= 3
    text = gexf.read_text(encoding="utf-8")
    assert 'mode="dynamic"' in text and "<spell" in text and 'start="2024-01-01"' in text


def test_cypher_script_recreates_the_graph(db, tmp_path):
    script = tmp_path / "g.cypher"
    assert run("export", "--format", "cypher", "-o", script, "--store", db).exit_code == 0
    from edugraph.graph.store import open_store

    with open_store(str(tmp_path / "copy.db"), setup=False) as copy:
        # FalkorDB sets constraints with its own command, not CREATE CONSTRAINT; Neo4j runs those lines too.
        for statement in script_statements(script.read_text(encoding="utf-8"), include_schema=False):
            copy.run(statement, write=True)
        copied = copy.stats()
    assert copied == json.loads(run("stats", "--store", db, "--json").output)


def test_neo4j_admin_files_have_the_expected_headers(db, tmp_path):
    folder = tmp_path / "admin"
    assert run("export", "--format", "neo4j-admin", "-o", folder, "--store", db).exit_code == 0
    typed = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*:(string|long|double|boolean|int)(\[\])?$")
    for path in folder.glob("*.csv"):
        header = next(csv.reader(path.open(encoding="utf-8")))
        if path.name.startswith("nodes_"):
            assert header[:2] == ["id:ID", ":LABEL"], path.name
        else:
            assert header[:3] == [":START_ID", ":END_ID", ":TYPE"], path.name
        rest = header[2:] if path.name.startswith("nodes_") else header[3:]
        assert all(typed.match(h) for h in rest), (path.name, rest)
    assert "neo4j-admin database import full" in (folder / "IMPORT.txt").read_text(encoding="utf-8")


def test_json_csv_and_browser_assets(db, tmp_path):
    assert run("export", "--format", "json", "-o", tmp_path / "g.json", "--store", db).exit_code == 0
    data = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))
    stats = json.loads(run("stats", "--store", db, "--json").output)
    assert len(data["relationships"]) == sum(stats["relationships"].values())
    assert run("export", "--format", "csv", "-o", tmp_path / "csv", "--store", db).exit_code == 0
    with (tmp_path / "csv" / "nodes.csv").open(encoding="utf-8") as fh:
        assert sum(1 for _ in csv.DictReader(fh)) == len(data["nodes"])
    assert run("export", "--format", "browser", "-o", tmp_path / "browser").exit_code == 0
    grass = (tmp_path / "browser" / "edugraph.grass").read_text(encoding="utf-8")
    assert all(f"node.{label}" in grass for label in load_schema().nodes)
    names = zipfile.ZipFile(tmp_path / "browser" / "edugraph-saved-queries.zip").namelist()
    assert "EduGraph/partners.cypher" in names and len(names) >= 15


def test_exports_link_only_to_sources(db, tmp_path):
    out = run("cypher", "--store", db, "--json",
              "MATCH (n) WHERE n.url IS NOT NULL OR n.source_url IS NOT NULL "
              "RETURN coalesce(n.url, n.source_url) AS url")
    sources = {r["url"] for r in json.loads(out.output)}
    for fmt, target in (("json", "g.json"), ("csv", "csv"), ("cypher", "g.cypher"), ("neo4j-admin", "admin"),
                        ("graphml", "g.graphml"), ("gexf", "g.gexf"), ("browser", "browser")):
        assert run("export", "--format", fmt, "-o", tmp_path / target, "--store", db).exit_code == 0
    for path in tmp_path.rglob("*"):
        if path.is_file() and path.suffix != ".zip":
            text = path.read_text(encoding="utf-8").replace("\\'", "'")
            for url in re.findall(r"https?://[^\s\"'<>,;\\]+", text):
                if "graphml.graphdrawing.org" in url or "gexf.net" in url or "w3.org" in url:
                    continue  # XML namespaces and schema locations of the formats, not resources
                assert url.replace("&amp;", "&") in sources, (path.name, url)
