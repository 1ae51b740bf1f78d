"""Words of the extractor's rules that only one article of a corpus contains.

A rule of the genre reads many articles; a word that only one article of a
corpus holds was most likely fitted to that article. This lists the words (of
three syllables or more, and English phrases of capitalised words) found in
the extractor's code (``loaders/extraction/*.py``, docstrings left out) and
lexicon (``loaders/lexicon.yaml``) that occur in exactly one text of a folder:

    python devtools/rule_words.py ../shared/corpus/dev
    python devtools/rule_words.py "$HOME/.cache/edugraph-real"      # where the real texts are

``tests/test_extraction_rules.py`` runs it on the development corpus; the real
corpus cannot be read in CI, so its check is run where the texts are and its
result noted in docs/quality.md.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "loaders" / "extraction").glob("*.py"))
LEXICON = ROOT / "loaders" / "lexicon.yaml"


def strings_in_code(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                  if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef)) and n.body
                  and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    return [n.value for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings]


def strings_in_lexicon() -> list[str]:
    out = []

    def walk(x):
        if isinstance(x, dict):
            for k, v in x.items():
                walk(k)
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)
        elif isinstance(x, str):
            out.append(x)

    walk(yaml.safe_load(LEXICON.read_text(encoding="utf-8")))
    return out


def rule_words() -> set[str]:
    """The words of the extractor's code and lexicon."""
    words = set()
    for s in [s for p in SOURCES for s in strings_in_code(p)] + strings_in_lexicon():
        # regular expressions keep their literal words: split on anything that is not a letter
        for w in re.split(r"[^가-힣A-Za-z·]+", s):
            if re.fullmatch(r"[가-힣·]{3,}", w):
                words.add(w)
        for phrase in re.findall(r"[A-Z][a-z]+(?: [A-Z][a-z]+){1,}", s):
            words.add(phrase)
    return words


def single_article_words(texts: list[str]) -> list[str]:
    """The rule words that exactly one of ``texts`` contains."""
    return sorted(w for w in rule_words() if sum(w in t for t in texts) == 1)


if __name__ == "__main__":
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus" / "dev")
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))}
    for word in single_article_words(list(texts.values())):
        where = next(name for name, t in texts.items() if word in t)
        print(f"{word}\t{where}")
