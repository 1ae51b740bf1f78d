"""Reference skeleton: counts, jurisdiction, time, programmes, and name resolution."""

import pytest

from edugraph.graph.errors import AmbiguousName
from edugraph.graph.reference import COUNT_DATE, load_reference
from edugraph.graph.resolve import default_resolver

JURISDICTION = [  # (municipality, province, district office) on 2026-01-01
    ("오산시", "경기도", "경기도화성오산교육지원청"), ("화성시", "경기도", "경기도화성오산교육지원청"),
    ("김포시", "경기도", "경기도김포교육지원청"), ("구리시", "경기도", "경기도구리남양주교육지원청"),
    ("남양주시", "경기도", "경기도구리남양주교육지원청"), ("하남시", "경기도", "경기도광주하남교육지원청"),
    ("금천구", "서울특별시", "서울특별시남부교육지원청"), ("구로구", "서울특별시", "서울특별시남부교육지원청"),
    ("도봉구", "서울특별시", "서울특별시북부교육지원청"), ("중구", "서울특별시", "서울특별시중부교육지원청"),
    ("강서구", "서울특별시", "서울특별시강서양천교육지원청"), ("송파구", "서울특별시", "서울특별시강동송파교육지원청"),
    ("중구", "부산광역시", "부산광역시서부교육지원청"), ("강서구", "부산광역시", "부산광역시북부교육지원청"),
    ("군위군", "대구광역시", "대구광역시군위교육지원청"), ("수성구", "대구광역시", "대구광역시동부교육지원청"),
    ("춘천시", "강원특별자치도", "강원특별자치도춘천교육지원청"), ("고성군", "강원특별자치도", "강원특별자치도고성교육지원청"),
    ("고성군", "경상남도", "경상남도고성교육지원청"), ("창원시", "경상남도", "경상남도창원교육지원청"),
]


def test_counts_on_the_count_date():
    ref = load_reference()
    assert len(ref.valid_on(COUNT_DATE, "LocalGovernment", "metropolitan")) == 17
    assert len(ref.valid_on(COUNT_DATE, "LocalGovernment", "basic")) == 226
    assert len(ref.valid_on(COUNT_DATE, "EducationOffice", "provincial")) == 17
    assert len(ref.valid_on(COUNT_DATE, "EducationOffice", "district")) == 176
    for gov in ref.valid_on(COUNT_DATE, "LocalGovernment", "basic"):
        assert len(ref.covered_by(gov.id, COUNT_DATE)) == 1, gov.name_ko


@pytest.mark.parametrize("town,province,office", JURISDICTION)
def test_jurisdiction_pairs(town, province, office):
    r = default_resolver()
    gov = r.resolve(town, province=province, date=COUNT_DATE)
    assert [o.name_ko for o in r.reference.covered_by(gov.id, COUNT_DATE)] == [office]


@pytest.mark.parametrize("name,expected", [
    ("서울시교육청", "서울특별시교육청"), ("서울교육청", "서울특별시교육청"),
    ("Seoul Metropolitan Office of Education", "서울특별시교육청"), ("Gimpo City", "김포시"),
    ("김포시는", "김포시"), ("화성오산교육청", "경기도화성오산교육지원청"), ("Gimpo-si", "김포시"),
    ("오산시와", "오산시"), ("화성오산교육지원청이", "경기도화성오산교육지원청"),
])
def test_resolution(name, expected):
    assert default_resolver().resolve(name).name_ko == expected


def test_homonyms_need_context():
    r = default_resolver()
    with pytest.raises(AmbiguousName) as err:
        r.resolve("중구")
    assert len(err.value.candidates) == 6
    assert r.resolve("중구", province="부산").id == "lg_26110"
    assert r.resolve("부산 중구").id == "lg_26110"


def test_time_aware_resolution():
    r = default_resolver()
    ref = r.reference
    old = r.resolve("중구", province="인천", date="2021-05-01")
    assert old.id == "lg_28110" and old.valid_on("2021-05-01") and not old.valid_on("2026-08-01")
    assert r.resolve("강원도", date="2021").id == "lg_51"  # renamed in 2023, same government
    assert ref.parent_of("lg_27720", "2022-01-01").name_ko == "경상북도"
    assert ref.parent_of("lg_27720", "2024-01-01").name_ko == "대구광역시"
    planned = ref.get("lg_28p02")
    assert planned.certainty == "planned" and not planned.valid_on(COUNT_DATE)


def test_national_bodies_resolve():
    r = default_resolver()
    for name in ("교육부", "국가교육위원회", "국가교육회의", "지방시대위원회", "행정안전부", "전국시도교육감협의회",
                 "대한민국시도지사협의회", "전국시장군수구청장협의회", "전국혁신교육지방정부협의회",
                 "Ministry of Education"):
        assert r.resolve(name)


def test_education_development_zone_rounds_in_the_graph(tmp_path):
    from edugraph.graph.store import open_store
    from edugraph.loaders.reference_loader import load_reference_into

    with open_store(str(tmp_path / "ref.db")) as store:
        load_reference_into(store)
        rows = store.run(
            "MATCH (a:Actor)-[r:PARTICIPATES_IN]->(p:Program {id: 'prg_edz'}) "
            "WHERE r.round IS NOT NULL RETURN r.round AS round, count(a) AS n, "
            "min(size(r.sources)) AS sources ORDER BY round"
        )
        stats = store.stats()
    assert [r["round"] for r in rows] == ["1", "2", "3"]
    assert all(r["sources"] >= 1 for r in rows)
    assert stats["nodes"]["LocalGovernment"] == 248
    assert stats["relationships"]["COVERS"] > 200
