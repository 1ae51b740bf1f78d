"""A seeded synthetic news corpus in the genre's shape, with the facts each article states.

Articles in Korean (about four in five) and English: a headline, a byline with
the date, page chrome (menus, weather, share buttons, ad and copyright lines),
then sentences of the genre over the reference actors — agreement signings,
programme designations, council meetings, quotes from officials — and filler,
at varying lengths. Each article comes with its expected facts
(``COOPERATES_WITH``/``SIGNED`` pairs and programme participation), so a
benchmark can check that extraction at scale still finds them.

    .venv/bin/python benchmarks/corpus.py OUT_DIR N [SEED]    # OUT_DIR/articles/*.txt and OUT_DIR/expected.jsonl
"""

from __future__ import annotations

import json
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

from edugraph.graph.reference import load_reference
from edugraph.graph.resolve import default_resolver

CHROME_TOP = ["본문 바로가기", "전체메뉴", "로그인 회원가입", "맑음 서울 3.2℃", "흐림 부산 8.1℃", "오피니언 | 정치 | 사회 | 교육"]
CHROME_BOTTOM = ["공유하기", "광고", "기사제보 구독신청", "댓글 0 로그인 후 작성", "© 예시신문 무단전재 및 재배포 금지",
                 "Copyright © Example Daily. All rights reserved."]
KINDS_KO = ["업무협약", "MOU", "부속 합의서", "교육협력 협약"]
TOPICS = ["늘봄학교 운영", "진로교육", "디지털 교육", "지역 맞춤형 교육과정", "방과후 돌봄", "학교 공간 혁신"]
FILLER_KO = [
    "이번 협력으로 지역 학생들의 교육 기회가 넓어질 것으로 기대된다.",
    "관계자는 학부모와 지역 사회의 의견을 충분히 듣겠다고 밝혔다.",
    "행사에는 학교장과 학부모 대표 등 50여 명이 참석했다.",
    "앞서 지난해에도 두 기관은 여러 차례 정책 간담회를 열었다.",
    "세부 사업은 다음 달부터 순차적으로 추진된다.",
]
ACTOR_LINES_KO = [
    "{gov} {topic} 예산을 확대해 학교 현장을 지원할 계획이다.",
    "{office} 교원 연수와 프로그램 운영을 맡는다.",
    "{gov_plain} 교육지원과장은 \"학생 중심의 협력 모델을 만들겠다\"고 밝혔다.",
    "{office} 올해 하반기 성과 보고회를 열 예정이다.",
    "{gov} 지난해부터 관내 초·중학교를 대상으로 시범 운영을 해 왔다.",
]
FILLER_EN = [
    "The partnership is expected to widen learning opportunities for local students.",
    "Officials said they would listen closely to parents and the community.",
    "About fifty people, including principals and parent representatives, attended the event.",
]


@dataclass
class Article:
    name: str
    text: str
    lang: str
    expected: list = field(default_factory=list)  # [(type, actor_id, other_id)]


def _pairs():
    ref = load_reference()
    offices = {e.id: e for e in ref.entities if e.label == "EducationOffice"}
    pairs = []
    for f in ref.facts:
        if f.type != "COVERS":
            continue
        gov, office = ref.by_id[f.target], offices.get(f.source)
        if office and gov.level == "basic" and gov.status == "current" and office.status == "current":
            pairs.append((gov, office))
    programs = [e for e in ref.entities if e.label == "Program" and e.props.get("scope") == "national"]
    return sorted(pairs, key=lambda p: (p[0].id, p[1].id)), programs or [e for e in ref.entities if e.label == "Program"]


def _josa(word: str, pair: str) -> str:
    """word + the particle that fits its last syllable (을/를, 이/가, 와/과, 은/는)."""
    with_final, without = pair.split("/")
    last = word[-1]
    has_final = "가" <= last <= "힣" and (ord(last) - 0xAC00) % 28 != 0
    return word + (with_final if has_final else without)


def _short_office(office) -> str:
    # News writes 김포교육지원청 more often than 경기도김포교육지원청, but 대구동부교육지원청 where 동부 is ambiguous.
    short = office.name_ko.removeprefix(office.province_ko or "")
    return short if len(default_resolver().lookup(short)) == 1 else office.name_ko


def _gov_name(gov) -> str:
    # Homonyms (중구, 동구, 고성군) come with their 시·도 in the news: 대구 동구.
    if len(default_resolver().lookup(gov.name_ko)) == 1:
        return gov.name_ko
    return f"{(gov.province_ko or '')[:2]} {gov.name_ko}"


def generate(n: int, seed: int = 2026, kb: float | None = None) -> list[Article]:
    """``n`` articles; ``kb`` fixes their size (about ±10%) instead of the genre's spread of 1–5 KB."""
    rng = random.Random(seed)
    pairs, programs = _pairs()
    out = []
    for i in range(n):
        gov, office = rng.choice(pairs)
        year, month, day = rng.randint(2019, 2026), rng.randint(1, 12), rng.randint(2, 27)
        english = rng.random() < 0.2
        program = rng.choice(programs)
        lines, expected = [], [("COOPERATES_WITH", gov.id, office.id)]
        if english:
            gov_en = gov.name_en or gov.name_ko
            office_en = office.name_en or office.name_ko
            lines += [f"{gov_en} and {office_en} sign education cooperation agreement",
                      f"Published {year}-{month:02d}-{day:02d}", "Share this article"]
            lines.append(f"{gov_en} signed a business agreement with {office_en} on the {day - 1}th to cooperate on "
                         f"{rng.choice(['career education', 'digital learning', 'after-school care'])}.")
            target = int(kb * 1024 * rng.uniform(0.9, 1.1)) if kb else rng.randint(1200, 5000)
            while sum(len(x.encode("utf-8")) for x in lines) < target:
                lines.append(rng.choice(FILLER_EN))
            lines.append(CHROME_BOTTOM[-1])
        else:
            short = _short_office(office)
            name = _gov_name(gov)
            kind = rng.choice(KINDS_KO)
            topic = rng.choice(TOPICS)
            lines += rng.sample(CHROME_TOP, 3)
            lines.append(f"{name}·{short}, {topic} {kind} 체결")
            lines.append(f"홍길동 기자 | 기사입력 {year}/{month:02d}/{day:02d} [10:20]")
            lines.append(f"{_josa(name, '과/와')} {_josa(short, '이/가')} {day - 1}일 {gov.name_ko}청에서 "
                         f"{_josa(topic, '을/를')} 위한 {_josa(kind, '을/를')} 체결했다.")
            if rng.random() < 0.5:
                lines.append(f"{_josa(name, '은/는')} 올해 {program.name_ko}에 선정돼 {_josa(short, '과/와')} 함께 "
                             "사업을 운영한다.")
                expected.append(("PARTICIPATES_IN", gov.id, program.id))
            if rng.random() < 0.4:
                lines.append(f"두 기관은 이날 {name} 교육협력 실무협의회를 열고 세부 과제를 논의했다.")
            if rng.random() < 0.5:
                lines.append(f"{name} 관계자는 \"{_josa(short, '과/와')}의 협력이 지역 교육의 바탕\"이라고 말했다.")
            target = int(kb * 1024 * rng.uniform(0.9, 1.1)) if kb else rng.randint(1800, 7500)
            while sum(len(x.encode("utf-8")) for x in lines) < target:
                # About a third of a long article's sentences name the actors again, as news does.
                if rng.random() < 0.35:
                    lines.append(rng.choice(ACTOR_LINES_KO).format(gov=_josa(name, "은/는"), gov_plain=name,
                                                                   office=_josa(short, "은/는"), topic=topic))
                else:
                    lines.append(rng.choice(FILLER_KO))
            lines += rng.sample(CHROME_BOTTOM[:5], 2)
        out.append(Article(name=f"article_{i:06d}.txt", text="\n".join(lines), lang="en" if english else "ko",
                           expected=expected))
    return out


def write(folder, articles: list[Article]) -> Path:
    """Write ``folder/articles/*.txt`` and ``folder/expected.jsonl``; returns the articles folder."""
    folder = Path(folder)
    texts = folder / "articles"
    texts.mkdir(parents=True, exist_ok=True)
    with (folder / "expected.jsonl").open("w", encoding="utf-8") as fh:
        for a in articles:
            (texts / a.name).write_text(a.text, encoding="utf-8")
            fh.write(json.dumps({"name": a.name, "expected": a.expected}, ensure_ascii=False) + "\n")
    return texts


def main():
    folder, n = sys.argv[1], int(sys.argv[2])
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 2026
    write(folder, generate(n, seed))
    print(f"{n} articles in {folder}")


if __name__ == "__main__":
    main()
