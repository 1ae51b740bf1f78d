"""Page chrome out, article text in.

Scraped pages keep menus (본문 바로가기), weather widgets, share buttons, ad
lines (광고), comment forms, copyright lines and machine-translation blocks.
None of that is content, so none of it may yield facts.

>>> clean_lines(["본문 바로가기", "맑음서울2.6℃", "김포시가 협의회를 열었다.", "광고", "© 2024 All rights reserved."])
['김포시가 협의회를 열었다.']
"""

from __future__ import annotations

import re

__all__ = ["clean_lines", "is_chrome", "TRANSLATION_NOTICE"]

_CHROME_EXACT = {
    "본문 바로가기", "bar_progress", "text size", "close", "special coverage", "join us on social!", "top",
    "모바일 버전으로 보기", "로고", "해당된 기사를 공유합니다", "광고", "내용", "공유하기", "댓글", "닫기",
    "기사공유", "프린트", "스크랩", "좋아요", "구독", "menu", "search", "share", "print", "login", "로그인",
    "회원가입", "전체메뉴", "검색", "주요뉴스", "많이 본 뉴스", "인기기사", "관련기사", "이전", "다음",
    "facebook", "twitter", "kakaotalk", "카카오톡", "페이스북", "트위터", "네이버", "url복사", "기사 원문",
    "pc버전", "맨위로", "top ↑", "↑", "more", "back to top",
}
_CHROME_PATTERNS = [
    re.compile(p, re.I)
    for p in (
        r"^(?:맑음|흐림|구름\S*|비|눈|연무|안개|소나기)\S*\s*-?\d+(?:\.\d+)?\s*(?:℃|°C)$",  # weather widget
        r"(?:℃|°C)\s*$",
        r"^[\d.\-]+\s*(?:℃|°C)",
        r"^닉네임|패스워드|도배방지|^비밀번호",
        r"관리자에 의해 (?:예고 없이 )?(?:임의 )?삭제",
        r"^(?:ⓒ|©|copyright|저작권자)",
        r"all rights reserved|무단\s*전재|재배포\s*금지|무단복제",
        r"^\S*기자\s*\|\s*(?:기사)?입력",
        r"^(?:기사)?입력\s*[:：]?\s*\d{4}",
        r"^(?:수정|승인|등록|업데이트)\s*[:：]?\s*\d{4}[./-]",
        r"\.(?:jpe?g|png|gif|webp)$",
        r"^(?:사진|자료|그래픽)\s*[=:]\s*\S+\s*제공$",
        r"^▶|^☞|^※\s*(?:이 기사|본 기사)",
        r"^(?:기사|뉴스)\s*제보",
        r"^(?:카카오톡|카톡|페이스북|트위터|네이버|밴드)\s*(?:공유|보내기)",
        r"^(?:sns|url)\s*(?:공유|복사)",
        r"^\[?(?:광고|ad|advertisement|sponsored)\]?$",
        r"^(?:provided by|photo by|photo courtesy)\b",
    )
]
# one pass over a line instead of one per pattern
_CHROME = re.compile("|".join(f"(?:{p.pattern})" for p in _CHROME_PATTERNS), re.I)
# A machine-translation notice: it and the translated copy after it are not content.
TRANSLATION_NOTICE = re.compile(
    r"구글\s*번역|google\s*translate|번역한 영문 기사|machine[- ]translat|자동\s*번역|ai\s*번역", re.I
)


def is_chrome(line: str) -> bool:
    s = line.strip()
    if not s:
        return True
    if s.lower() in _CHROME_EXACT:
        return True
    # page chrome is short; a long line is a paragraph of the article (and searching it costs the most)
    return len(s) <= 200 and bool(_CHROME.search(s))


def clean_lines(lines: list[str]) -> list[str]:
    """Content lines only: chrome dropped, repeated lines once, the translation block cut."""
    out: list[str] = []
    seen: set = set()
    for line in lines:
        s = " ".join(line.split())
        if TRANSLATION_NOTICE.search(s):
            break
        if is_chrome(s):
            continue
        if s in seen:
            continue
        seen.add(s)
        out.append(s)
    return out
