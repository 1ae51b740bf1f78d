"""The extractor's rules are written for the genre: no word in its code or lexicon is found in just one
development article (names of actors come from the reference data, not from rules)."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _rule_words():
    """devtools/rule_words.py (devtools is not a package: loaded by its path)."""
    spec = importlib.util.spec_from_file_location("rule_words", ROOT / "devtools" / "rule_words.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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
    # reviewed with the real-news rules: verb endings, the generic word for a local government, the English
    # designation of a special self-governing province
    "시작해", "운영했", "참여해", "지방자치단체", "Special Self", "Governing Province",
}


def test_no_rule_word_comes_from_a_single_development_article(corpus):
    texts = [p.read_text(encoding="utf-8") for p in sorted((corpus / "dev").glob("*.txt"))]
    single = [w for w in _rule_words().single_article_words(texts) if w not in GENRE_WORDS]
    assert single == [], f"words found in exactly one development article: {single}"
