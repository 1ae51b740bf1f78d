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
from .parts import korean_font

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


def _check_in_browser(path: Path, tmp_path: Path, find: str | None = None, nodes: int | None = None) -> dict:
    status = body_status(path, f"#find={find}" if find else "")
    assert status["drawn"] == "1", status
    assert status["errors"] == "", status["errors"]
    assert status["legend_items"] >= 3
    share = not_blank(screenshot(path, tmp_path / (path.stem + ".png")))
    assert share > 0.005, f"the screenshot is blank ({share:.4f} of pixels drawn)"
    if nodes is not None and not find:
        _legible(status, nodes)
    return status


def _legible(status: dict, nodes: int) -> None:
    """At the default zoom: the 20 most central (or all) named, at 11 px or more, no name cut at the edge."""
    assert int(status["label-px"]) >= 11
    assert len(status["labelled"].split("|")) == min(20, nodes), status["labelled"]
    assert int(status["labels"]) >= min(20, nodes)
    assert status["clipped"] == "0", status


def _nodes(html_path: Path) -> int:
    return len(re.findall(r'"rank": ', html_path.read_text(encoding="utf-8")))


def test_whole_network_map_is_offline_and_drawn(db, tmp_path):
    out = tmp_path / "network.html"
    result = run("map", "-o", out, "--store", db)
    assert result.exit_code == 0, result.output
    html = out.read_bytes().decode("utf-8")
    assert '<meta charset="utf-8">' in html
    assert_offline(html, _source_urls(db))
    status = _check_in_browser(out, tmp_path, find="오산")
    assert status["found"] != "0곳" and "lg_41370" in status["selected"].split()
    _check_in_browser(out, tmp_path, nodes=_nodes(out))


def test_two_nodes_look_like_two_nodes(tmp_path):
    g = nx.Graph()
    g.add_node("a", name_ko="가나시", label="LocalGovernment")
    g.add_node("b", name_ko="가나교육지원청", label="EducationOffice")
    g.add_edge("a", "b", weight=1, via=["agreement"], items=[])
    out = tmp_path / "two.html"
    write_map(map_view(g), out)
    status = _check_in_browser(out, tmp_path, nodes=2)
    x0, y0, x1, y1 = map(int, status["extent"].split())
    assert abs(y1 - y0) < 5 and 60 < x1 - x0 < 400  # side by side, near each other: not corner to corner


def test_ego_and_programme_views(db, tmp_path):
    ego = tmp_path / "ego.html"
    assert run("map", "-o", ego, "--actor", "오산시", "--depth", "1", "--store", db).exit_code == 0
    html = ego.read_text(encoding="utf-8")
    assert "한신대학교" in html and "강동구" not in html  # depth 1 stops before the council's other members
    assert "오산 늘봄 MOU" in html and "https://example.org/fixture/2" in html  # tooltip lists the agreement
    status = _check_in_browser(ego, tmp_path, nodes=_nodes(ego))
    assert int(status["ego-offset"]) <= 30, status  # the ego in the middle of the map
    assert status["labelled"].split("|")[0] == "오산시"
    assert '"borderWidth": 4' in html  # and drawn with a heavy ring
    program = tmp_path / "program.html"
    assert run("map", "-o", program, "--program", "미래교육협력지구", "--store", db).exit_code == 0
    assert "미래교육협력지구" in program.read_text(encoding="utf-8")
    status = _check_in_browser(program, tmp_path, nodes=_nodes(program))
    assert status["groups"] == "경기도"  # participants grouped by 시·도, the group named on the map
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
    _check_in_browser(out, tmp_path, nodes=_nodes(out))
    ego = tmp_path / "gimpo.html"
    assert run("map", "-o", ego, "--actor", "김포시", "--store", db).exit_code == 0
    status = _check_in_browser(ego, tmp_path, nodes=_nodes(ego))
    assert int(status["ego-offset"]) <= 30


def test_a_2000_node_map_draws_in_the_browser(tmp_path):
    out = tmp_path / "big.html"
    write_map(map_view(network(2000)), out, title="2,000 기관")
    status = _check_in_browser(out, tmp_path, find="기관1999")
    assert status["selected"] == "n1999"
    _check_in_browser(out, tmp_path, nodes=2000)
    big = network(2000)
    ego = nx.ego_graph(big, "n0", radius=1)  # the busiest node of the generated network and its partners
    egomap = tmp_path / "big-ego.html"
    write_map(map_view(ego, center="n0"), egomap)
    status = _check_in_browser(egomap, tmp_path, nodes=ego.number_of_nodes())
    assert int(status["ego-offset"]) <= 30 and status["labelled"].split("|")[0] == "기관0"
    assert int(status["draw-ms"]) > 0  # the draw time is measured; benchmarks/map_speed.py reports it


def test_figures_have_korean_text(db, tmp_path):
    korean_font()
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


STALE_CACHE = """
import matplotlib, matplotlib.font_manager as fm
from pathlib import Path
hints = ("notosanscjk", "notoserifcjk", "nanum", "undotum", "baekmuk")
fm.fontManager.ttflist = [f for f in fm.fontManager.ttflist
                          if not any(h in f.fname.replace("-", "").replace("_", "").lower() for h in hints)]
fm.json_dump(fm.fontManager, Path(matplotlib.get_cachedir()) / f"fontlist-v{fm.FontManager.__version__}.json")
"""


def test_a_font_installed_after_the_cache_was_built_is_used(db, tmp_path):
    """matplotlib's font cache written before the Korean font was installed (simulated: a cache with the
    Korean fonts taken out) does not stop figures: the font is found on disk and used. No font is installed."""
    import subprocess
    import sys

    from PIL import Image

    korean_font()
    env = dict(os.environ, MPLCONFIGDIR=str(tmp_path / "mpl"))
    subprocess.run([sys.executable, "-c", STALE_CACHE], env=env, check=True, capture_output=True)
    check = subprocess.run([sys.executable, "-c", "import matplotlib.font_manager as fm; "
                            "print(sorted({f.name for f in fm.fontManager.ttflist if 'CJK' in f.name or 'Nanum' in f.name}))"],
                           env=env, capture_output=True, text=True, check=True)
    assert check.stdout.strip() == "[]"  # the stale cache really lacks the Korean fonts
    png = tmp_path / "ego.png"
    done = subprocess.run([sys.executable, "-m", "edugraph", "map", "-o", str(png), "--actor", "오산시",
                           "--size", "column", "--dpi", "150", "--store", str(db)], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert Image.open(png).text.get("Font") == korean_font()
    assert Image.open(png).size[0] <= 3.6 * 150 + 40  # a journal column at 150 dpi


def test_figures_say_what_they_show(db, tmp_path):
    """Title and subtitle from the filters; the legend lists node types and edge kinds (SVG text as paths, so
    the PNG is checked by its drawn share and the view's legend entries)."""
    from edugraph.queries.network import NetworkFilter
    from edugraph.graph.store import open_store
    from edugraph.viz.maps import build_view, legend_entries

    with open_store(str(db), create=False) as store:
        view = build_view(store, NetworkFilter(province="경기", since="2024"), actor=None)
        ego = build_view(store, NetworkFilter(), actor="오산시", depth=1, color="community")
    assert "경기도" in view.subtitle and "2024부터" in view.subtitle and "기관" in view.subtitle
    types, kinds, groups = legend_entries(view)
    assert {k for _, k, _, _ in kinds} and {ko for ko, *_ in types} >= {"지자체"}
    assert ego.title.startswith("오산시") and "반경 1" in ego.subtitle
    assert legend_entries(ego)[2]  # coloured by community: the communities are in the legend


def test_map_options_through_the_cli(db, tmp_path):
    out = tmp_path / "p.html"
    r = run("map", "-o", out, "--color", "province", "--store", db)
    assert r.exit_code == 0, r.output
    page = out.read_text(encoding="utf-8")
    assert "경기도" in page.split('id="edugraph-legend"')[1][:3000]  # the 시·도 are the legend
    r = run("map", "-o", tmp_path / "c.html", "--color", "community", "--store", db)
    assert r.exit_code == 0 and "공동체 1" in (tmp_path / "c.html").read_text(encoding="utf-8")
    bad = run("map", "-o", tmp_path / "x.html", "--measure", "ties", "--store", db)
    assert bad.exit_code == 1 and "--geo" in bad.output
    bad = run("map", "--geo", "-o", tmp_path / "x.html", "--actor", "오산시", "--store", db)
    assert bad.exit_code == 1 and "--actor" in bad.output
