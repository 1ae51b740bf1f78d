"""The map of Korea: every government has a polygon (일반구 dissolved), choropleth classes, attribution."""

import re

import pytest
from click.testing import CliRunner

from edugraph.cli import main
from edugraph.graph.reference import load_reference
from edugraph.graph.store import open_store
from edugraph.queries.network import NetworkFilter
from edugraph.viz.geo import (CLASS_COLORS, build_geo_view, class_of, load_boundaries, render_geo_html,
                              render_geo_svg)

from .browser import not_blank, screenshot
from .test_queries import FIXTURE


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("geo") / "geo.db")
    runner = CliRunner()
    assert runner.invoke(main, ["build", "--no-examples", "--store", path]).exit_code == 0
    assert runner.invoke(main, ["ingest", str(FIXTURE), "--store", path]).exit_code == 0
    return path


def test_every_government_has_a_polygon():
    """All 226 시·군·구 of the reference (before the 2026 Incheon reorganisation), 세종 and 제주 as 시·도
    without 시·군·구, and the 17 시·도 as unions of their parts."""
    ref = load_reference()
    b = load_boundaries()
    basic = [e for e in ref.entities if e.label == "LocalGovernment" and e.level == "basic" and e.valid_on("2025-12-31")]
    assert len(basic) == 226
    assert not [e.name_ko for e in basic if e.id not in b.polygons]
    metro = [e for e in ref.entities if e.label == "LocalGovernment" and e.level == "metropolitan"
             and e.valid_on("2025-12-31")]
    assert len(metro) == 17
    with_parts = {ref.get(g).province_ko for g in b.polygons}
    assert with_parts == {e.province_ko for e in metro}
    # 일반구 dissolved: 수원시 is one government whose four former units have no line between them
    suwon = next(e.id for e in basic if e.name_ko == "수원시")
    assert len(b.polygons[suwon]) >= 4
    inside = [i for i, govs in b.arc_sides.items() if govs == [suwon, suwon]]
    assert inside  # the borders between its former 일반구 …
    from edugraph.viz.geo import _outlines, _province_of, _project

    inner, outer = _outlines(_province_of())
    drawn = {tuple(pts[0]) for pts in inner + outer}
    assert not any(tuple(_project(*b.arcs[i][0])) in drawn and len(b.arcs[i]) > 1 and
                   [_project(*p) for p in b.arcs[i]] in inner + outer for i in inside)  # … are not drawn
    # 군위군 is drawn in 대구광역시 since 2023
    gunwi = next(e for e in basic if e.name_ko == "군위군")
    assert gunwi.province_ko == "대구광역시" and gunwi.id in b.polygons


def test_choropleth_value_is_coloured_as_its_class_says(db):
    with open_store(db, create=False) as store:
        view = build_geo_view(store, NetworkFilter(), measure="ties")
    osan = view.values["lg_41370"]
    assert osan >= 4  # 오산시's cooperation partners in the fixture graph
    svg = render_geo_svg(view)
    fill = re.search(r'<path d="[^"]*" fill="(#[0-9A-F]{6})" stroke="none" data-gov="lg_41370"', svg).group(1)
    assert fill == CLASS_COLORS[class_of(osan)] == CLASS_COLORS[3]  # 4–7 partners
    nobody = next(g for g in load_boundaries().polygons if g not in view.values)
    assert re.search(rf'fill="#FFFFFF" stroke="none" data-gov="{nobody}"', svg)
    assert view.ties and "오산시" in "".join(t[-1] for t in view.ties)


def test_programme_shaded_by_round_and_attribution_on_every_map(db, tmp_path):
    runner = CliRunner()
    html_path, png = tmp_path / "edz.html", tmp_path / "edz.png"
    r = runner.invoke(main, ["map", "--geo", "-o", str(html_path), "--program", "미래교육협력지구", "--store", db])
    assert r.exit_code == 0, r.output
    page = html_path.read_text(encoding="utf-8")
    assert "경계: 통계청 SGIS (2018), 공공누리 제1유형" in page and "참여" in page
    assert not re.search(r"(?:src|href)=\"https?://", page)
    assert not_blank(screenshot(html_path, tmp_path / "edz-shot.png", size="1300,1000")) > 0.05
    r = runner.invoke(main, ["map", "--geo", "-o", str(png), "--measure", "agreements", "--store", db])
    assert r.exit_code == 0, r.output
    assert not_blank(png) > 0.02
    bad = runner.invoke(main, ["map", "--geo", "-o", str(png), "--measure", "programme", "--store", db])
    assert bad.exit_code == 1 and "--program" in bad.output
    with open_store(db, create=False) as store:
        html = render_geo_html(build_geo_view(store, NetworkFilter()))
    assert "공공누리" in html
