"""The extractor's rules are written for the genre: no word in its code or lexicon is found in just one
development article (names of actors come from the reference data, not from rules)."""

import ast
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "loaders" / "extraction").glob("*.py"))
LEXICON = ROOT / "loaders" / "lexicon.yaml"


def _strings_in_code(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                  if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef)) and n.body
                  and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    return [n.value for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings]


def _strings_in_lexicon() -> list[str]:
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


def _words(strings):
    words = set()
    for s in strings:
        # regular expressions keep their literal words: split on anything that is not a letter
        for w in re.split(r"[^가-힣A-Za-z·]+", s):
            if re.fullmatch(r"[가-힣·]{3,}", w):
                words.add(w)
        for phrase in re.findall(r"[A-Z][a-z]+(?: [A-Z][a-z]+){1,}", s):
            words.add(phrase)
    return words


# Reviewed one by one: words of the genre (verb endings, titles, kinds of body and institution, page chrome,
# programme names of the lexicon's translation table) that happen to occur in only one development article.
# A new entry needs the same review; an actor's name never belongs here (it comes from the reference data).
GENRE_WORDS = {
    # verb endings and function words
    "가졌다고", "였다고", "나선다", "나섰다", "선정되", "선정했", "지정되", "확정됐", "열기로", "이어갈", "운영하고",
    "추진하고", "함께하", "제도다", "에서도", "새로운", "회의를", "기관으로는", "말한다", "지금의", "중심으로",
    # titles and roles
    "교육국장", "권한대행", "담당자", "도의원", "부군수", "주무관", "행정부", "행정부지사", "공무원",
    # kinds of bodies, institutions and documents
    "교육원", "기술원", "진흥원", "유산원", "상공회의소", "초등학교", "구의회", "군·구의회", "교육지원협의회", "지원협의회",
    "구청장협의회", "군수·구청장협의회", "시장·군수협의회", "의장협의회", "추진단", "합의문", "시·군·구", "특별자치시",
    "세부사업", "시범사업", "지원사업", "마을학교", "온마을학교", "신입생", "체육관", "High School",
    # page chrome
    "기사목록", "기자명", "주요뉴스",
    # the lexicon's translation tables (programmes and universities written in English)
    "Happy Education District", "International Baccalaureate", "Jeonbuk National University", "전북대학교", "늘봄학교",
    "로컬유학",
}


def test_no_rule_word_comes_from_a_single_development_article(corpus):
    texts = [p.read_text(encoding="utf-8") for p in sorted((corpus / "dev").glob("*.txt"))]
    strings = [s for p in SOURCES for s in _strings_in_code(p)] + _strings_in_lexicon()
    single = sorted(w for w in _words(strings) if sum(w in t for t in texts) == 1 and w not in GENRE_WORDS)
    assert single == [], f"words found in exactly one development article: {single}"
