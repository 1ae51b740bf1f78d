"""Extraction speed in one process, after start-up (issue: ≥ 300 articles/s on ~5 KB articles).

    .venv/bin/python benchmarks/extract_speed.py [FILES…]

Without FILES it uses the examples/ articles, padded with varied sentences of
the genre to about 5 KB each. Prints articles/s and MB/s.
"""

import sys
import time
from pathlib import Path

from edugraph.loaders.documents import Document
from edugraph.loaders.extract import Extractor
from edugraph.loaders.readers import iter_files, read_path

ROOT = Path(__file__).resolve().parent.parent
FILLER = [
    "{a}와 {b}이 {d}일 교육 협력을 위한 업무협약을 체결했다.",
    "{a}는 늘봄학교와 돌봄 사업, 방과후 프로그램 등 다양한 교육사업을 추진하고 있다.",
    "이날 협의회에는 관계 부서 팀장과 장학사들이 참석해 주요 과제를 논의했다.",
    "The two parties agreed to cooperate on career education and digital learning.",
]


def corpus(paths):
    if paths:
        return [d for p in iter_files(paths) for d in read_path(p)]
    docs = []
    towns = [("김포시", "김포교육지원청"), ("오산시", "화성오산교육지원청"), ("춘천시", "춘천교육지원청"), ("금천구", "서울남부교육지원청")]
    for i in range(200):
        a, b = towns[i % len(towns)]
        lines = [f"기사입력 2024/0{1 + i % 9}/1{i % 10}", f"{a}, 교육 협력 강화"]
        while sum(len(x.encode()) for x in lines) < 5000:
            lines.append(FILLER[len(lines) % len(FILLER)].format(a=a, b=b, d=1 + len(lines) % 27))
        docs.append(Document("\n".join(lines), name=f"synthetic-{i}.txt"))
    return docs


def main():
    docs = corpus(sys.argv[1:])
    ex = Extractor.default()
    ex.extract(docs[0])  # start-up (reference data, gazetteer) is not timed
    size = sum(len(d.text.encode()) for d in docs)
    t = time.perf_counter()
    for d in docs:
        ex.extract(d)
    dt = time.perf_counter() - t
    print(f"{len(docs)} articles, {size / len(docs) / 1024:.1f} KB average: "
          f"{len(docs) / dt:.0f} articles/s, {size / dt / 1e6:.2f} MB/s (one process)")


if __name__ == "__main__":
    main()
