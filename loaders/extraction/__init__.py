"""The staged extractor: one article → the annotation format of docs/annotation.md.

1. ``prepare``   the article: language, publication date, 시·도, headline, sentences
2. ``mentions``  actors and programmes per sentence: reference names, enumerations, and names found by
                 their shape (``bodies`` Korean institutions and councils, ``english``, ``programmes``,
                 ``listed``); ``anaphors`` the kinds of actor a word stands for; ``context`` holds Mention,
                 Context and the lexicon; ``particles`` the particles by role and the Hangul test
3. ``coref``     anaphors and councils without a region, from the article's own actors
4. ``people``    persons and the organisations they head (``frames`` reads each sentence's roles)
5. ``assemble``  relations, one family a module: ``agreements`` (signers, one agreement per signed
                 document, dates), ``participation``, ``cooperation`` (and councils); ``registry`` holds them

>>> from edugraph.loaders.documents import Document
>>> ann = extract(Document("김포시와 김포교육지원청이 4일 교육발전특구 업무협약을 체결했다.", name="a.txt", date="2024-03-05"))
>>> sorted(e["canonical_ko"] for e in ann["entities"] if e["type"] != "Agreement")
['경기도김포교육지원청', '교육발전특구', '김포시']
>>> [(r["source"], r["date"]) for r in ann["relations"] if r["type"] == "SIGNED"]
[('김포시', '2024-03-04'), ('경기도김포교육지원청', '2024-03-04')]
"""

from __future__ import annotations

from ..documents import Document
from .assemble import Assembly
from .coref import Article, resolve
from .frames import read_frame
from .mentions import Context, find_mentions
from .people import find_heads
from .prepare import prepare

__all__ = ["extract"]


def extract(doc: Document) -> dict:
    """Run the five stages on one document."""
    p = prepare(doc)
    ctx = Context.default(date=p.date, province=p.province, names_date=p.names_date)
    found = [find_mentions(s.text, ctx) for s in p.sentences]
    art = Article(found, ctx)
    asm = Assembly(p, ctx, found)
    for sentence, mentions in zip(p.sentences, found):
        resolved = resolve(mentions, art)
        frame = read_frame(sentence.text, resolved)
        heads = find_heads(sentence.text, resolved, ctx)
        asm.add(sentence, frame, heads, art)
    out = asm.result(art)
    # governments and offices named that the context could not settle (중구 with no 시·도): no guess, a note
    unsettled = list(dict.fromkeys((m.surface, m.type) for mentions in found for m in mentions if m.kind == "unsettled"))
    return {
        "doc": doc.name,
        "url": doc.url,
        "date": p.date,
        "lang": p.lang,
        "entities": out.entities,
        "relations": out.relations,
        "facts": [],
        "unsettled": [{"name": name, "type": type_} for name, type_ in unsettled],
    }
