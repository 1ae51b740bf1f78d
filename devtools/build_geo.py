#!/usr/bin/env python3
"""Build viz/geo/korea-2018.json, the boundaries `edugraph map --geo` draws, from ../shared/geo.

    .venv/bin/python devtools/build_geo.py [SHARED_GEO_DIR]

Input: KOSTAT's 2018 시·군·구 boundaries (TopoJSON, ../shared/geo/municipalities-2018-topo.json; licence
and the changes since 2018 in that folder's README). Output: the same topology, each polygon tagged with
the id of the EduGraph local government it belongs to today: 일반구 (수원시장안구 …) carry their city's id,
so a map dissolves them into the city; 군위군 carries its 대구광역시 id, so the 시·도 outlines drawn from
the tags follow the 2023 move; the names drawn come from the reference data (강원특별자치도, 전북특별자치도).
The census codes of the file are matched to administrative codes by the 시·도 correspondence below and
the name. Rerun after the reference data changes; the test suite checks the result.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "viz" / "geo" / "korea-2018.json"
ATTRIBUTION = "경계: 통계청 SGIS (2018), 공공누리 제1유형"

#: KOSTAT census 시·도 code → administrative 시·도 codes (the second one after a 특별자치도 renumbering)
CENSUS_TO_ADMIN = {"11": ("11",), "21": ("26",), "22": ("27",), "23": ("28",), "24": ("29",), "25": ("30",),
                   "26": ("31",), "29": ("36",), "31": ("41",), "32": ("42", "51"), "33": ("43",), "34": ("44",),
                   "35": ("45", "52"), "36": ("46",), "37": ("47", "27"), "38": ("48",), "39": ("50",)}
#: cities whose 일반구 are separate units in the file
CITIES_WITH_DISTRICTS = ("수원시", "성남시", "안양시", "안산시", "고양시", "용인시", "청주시", "천안시", "전주시", "포항시",
                         "창원시")


def _former(e) -> list[str]:
    """Names the government had before (인천 남구 → 미추홀구 in 2018), from the reference's former_names."""
    value = e.props.get("former_names") or ""
    return [part.split(":")[0].split("(")[0].strip() for part in str(value).replace(";", ",").split(",") if part]


def main(argv) -> int:
    sys.path.insert(0, str(ROOT.parent))
    from edugraph.graph.reference import load_reference

    geo = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared" / "geo"
    topo = json.loads((geo / "municipalities-2018-topo.json").read_text(encoding="utf-8"))
    ref = load_reference()
    basic = [e for e in ref.entities if e.label == "LocalGovernment" and e.level == "basic"]
    metro = {e.props.get("admin_code"): e for e in ref.entities if e.label == "LocalGovernment"
             and e.level == "metropolitan"}
    (obj,) = topo["objects"].values()
    unmatched = []
    for geom in obj["geometries"]:
        p = geom["properties"]
        name = p["name"]
        city = next((c for c in CITIES_WITH_DISTRICTS if name.startswith(c) and name != c), None)
        name = city or name
        admins = CENSUS_TO_ADMIN[p["code"][:2]]
        hits = [e for e in basic if name in (e.name_ko, *_former(e)) and (e.props.get("admin_code") or "")[:2] in admins]
        if len(hits) > 1:  # a renamed and a current entity of the same name: the current one
            hits = [e for e in hits if e.valid_to is None] or hits
        if p["code"][:2] in ("29", "39"):  # 세종, and 제주's two 행정시: no basic governments, the 시·도 itself
            hits = [metro[admins[0]]]
        if len(hits) != 1:
            unmatched.append((p["code"], p["name"], [e.id for e in hits]))
            continue
        e = hits[0]
        geom["properties"] = {"gov": e.id, "unit": p["name"], "code": p["code"]}
    if unmatched:
        print("unmatched:", unmatched, file=sys.stderr)
        return 1
    topo["attribution"] = ATTRIBUTION
    topo["source"] = ("Statistics Korea (통계청) SGIS census boundaries, 2018-12-24, Korea Open Government License "
                      "Type 1; TopoJSON by the southkorea-maps project (kostat/2018)")
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(json.dumps(topo, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(obj['geometries'])} units, "
          f"{len({g['properties']['gov'] for g in obj['geometries']})} governments", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
