"""A seeded synthetic graph over the reference actors, for query and analysis benchmarks.

Writes the reference skeleton, then synthetic source documents until the store
holds about ``relationships`` relationships: each document reports an
agreement (two or three parties: 95% a government and the office that covers
it, 3% its 시·도 office, 2% an office elsewhere; a third party in 15%: another
government of the same office where there is one (60%), of the same 시·도
(25%), anywhere (15%)), a joint event, council memberships or programme
participations, with evidence sentences and MENTIONS. The same seed gives the
same graph.

    .venv/bin/python benchmarks/synthetic_graph.py STORE [RELATIONSHIPS] [SEED]
"""

from __future__ import annotations

import random
import sys
import time

from edugraph.graph.ids import make_id
from edugraph.graph.reference import load_reference
from edugraph.graph.store import open_store
from edugraph.graph.writer import GraphWriter
from edugraph.loaders.reference_loader import load_reference_into

KINDS = ["업무협약", "MOU", "부속 합의서", "공동선언", "협약"]
EVENTS = ["실무협의회", "정책 간담회", "공동 연수", "교육협력 회의", "진로박람회 공동 개최"]
COUNCILS = ["교육협력 실무협의회", "지역교육 협의체", "교육발전특구 운영위원회", "진로교육 협의회"]


def _date(rng: random.Random) -> str:
    return f"{rng.randint(2015, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def build(store, relationships: int = 100_000, seed: int = 7, batch_size: int = 2000) -> dict:
    """Fill ``store`` with the reference data and synthetic facts; returns counts and timing."""
    rng = random.Random(seed)
    ref = load_reference()
    t0 = time.perf_counter()
    load_reference_into(store, ref)
    governments = [e for e in ref.entities if e.label == "LocalGovernment" and e.level == "basic"]
    offices = {e.id: e for e in ref.entities if e.label == "EducationOffice"}
    covering = {}
    for f in ref.facts:
        if f.type == "COVERS":
            covering.setdefault(f.target, f.source)
    programs = [e for e in ref.entities if e.label == "Program"]
    office_list = list(offices.values())
    provincial = {e.province_ko: e for e in office_list if e.level == "provincial"}
    by_province, same_office = {}, {}
    for g in governments:
        by_province.setdefault(g.province_ko, []).append(g)
        if g.id in covering:
            same_office.setdefault(covering[g.id], []).append(g)
    councils = [(f"{g.name_ko} {c}", g) for g in governments[:60] for c in COUNCILS]
    total = store.stats()["relationships"]
    total = sum(total.values())
    docs = 0
    while total < relationships:
        w = GraphWriter(store, batch_size=batch_size)
        for _ in range(500):
            docs += 1
            doc = make_id("Document", "synthetic", str(seed), str(docs))
            date = _date(rng)
            w.node("Document", doc, name_ko=f"합성 기사 {docs}", title=f"합성 기사 {docs}", date=date,
                   kind="article", url=f"https://example.org/synthetic/{docs}")
            g = rng.choice(governments)
            # The genre's shape: mostly a government and its own office, now and then the 시·도 office,
            # rarely an office elsewhere; a third party is usually a neighbour in the same 시·도.
            roll = rng.random()
            e = offices.get(covering.get(g.id)) if roll < 0.95 else None
            if e is None and roll < 0.98:
                e = provincial.get(g.province_ko)
            e = e or rng.choice(office_list)
            parties = [(g.label, g.id), (e.label, e.id)]
            if rng.random() < 0.15:
                roll = rng.random()
                pool = (same_office.get(e.id) if roll < 0.6 else None) or (
                    by_province[g.province_ko] if roll < 0.85 else governments)
                other = rng.choice(pool)
                if other.id != g.id:
                    parties.append((other.label, other.id))
            kind = rng.choice(KINDS)
            agreement = make_id("Agreement", kind, *sorted(p[1] for p in parties), date[:7])
            w.node("Agreement", agreement, name_ko=f"{g.name_ko} {kind}", kind=kind, date=date)
            sentence = f"{g.name_ko}와 {e.name_ko}이 {date}에 {kind}을 체결했다."
            for p in parties:
                w.rel("SIGNED", p, ("Agreement", agreement), source_doc=doc, evidence=sentence, seen=date, date=date)
                w.rel("MENTIONS", ("Document", doc), p)
            w.rel("MENTIONS", ("Document", doc), ("Agreement", agreement))
            w.rel("COOPERATES_WITH", parties[0], parties[1], source_doc=doc, seen=date, kind=rng.choice(EVENTS),
                  evidence=f"{g.name_ko}와 {e.name_ko}이 {rng.choice(EVENTS)}를 열었다.")
            if rng.random() < 0.3:
                name, home = rng.choice(councils)
                council = make_id("Council", name)
                w.node("Council", council, name_ko=name, province_ko=home.province_ko)
                for p in parties:
                    w.rel("MEMBER_OF", p, ("Council", council), source_doc=doc, seen=date, year=date[:4],
                          evidence=f"{name}에는 {g.name_ko}와 {e.name_ko}이 참여한다.")
            if rng.random() < 0.3:
                prog = rng.choice(programs)
                for p in parties[:2]:
                    w.rel("PARTICIPATES_IN", p, ("Program", prog.id), source_doc=doc, seen=date[:4], year=date[:4],
                          evidence=f"{g.name_ko}와 {e.name_ko}이 {prog.name_ko}를 함께 운영한다.")
        w.flush()
        total = sum(store.stats()["relationships"].values())
    stats = store.stats()
    return {"documents": docs, "relationships": sum(stats["relationships"].values()),
            "nodes": sum(v for k, v in stats["nodes"].items() if k != "Actor"),
            "seconds": round(time.perf_counter() - t0, 1)}


def main():
    location = sys.argv[1]
    rels = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 7
    with open_store(location) as store:
        print(build(store, rels, seed))


if __name__ == "__main__":
    main()
