"""Korean personal names written in English → Hangul.

English-language Korean news writes names as romanised syllables in many
spellings (Kim Byungsoo, Lee Dong-jin, Jeong Gwang-yoon). The person's
canonical name is the Hangul form, so the extractor maps each syllable back
with the commonest reading for names. It is a best guess for given names, and
exact for the usual surnames.

>>> hangul_name("Kim Byungsoo")
'김병수'
>>> hangul_name("Lee Dong-jin")
'이동진'
>>> hangul_name("Ms. Smith") is None
True
"""

from __future__ import annotations

import re

__all__ = ["hangul_name", "SURNAMES", "romanised", "same_name"]

SURNAMES = {
    "kim": "김", "gim": "김", "lee": "이", "yi": "이", "rhee": "이", "ri": "이", "park": "박", "pak": "박",
    "bak": "박", "choi": "최", "choe": "최", "jeong": "정", "jung": "정", "chung": "정", "kang": "강",
    "gang": "강", "cho": "조", "jo": "조", "yoon": "윤", "yun": "윤", "jang": "장", "chang": "장",
    "lim": "임", "im": "임", "han": "한", "oh": "오", "o": "오", "seo": "서", "suh": "서", "shin": "신",
    "sin": "신", "kwon": "권", "gwon": "권", "hwang": "황", "ahn": "안", "an": "안", "song": "송",
    "ryu": "류", "yoo": "유", "yu": "유", "jeon": "전", "chun": "전", "hong": "홍", "ko": "고", "go": "고",
    "moon": "문", "mun": "문", "yang": "양", "son": "손", "sohn": "손", "bae": "배", "baek": "백",
    "paik": "백", "heo": "허", "huh": "허", "nam": "남", "shim": "심", "sim": "심", "noh": "노", "roh": "노",
    "ha": "하", "kwak": "곽", "gwak": "곽", "sung": "성", "seong": "성", "cha": "차", "joo": "주", "ju": "주",
    "woo": "우", "koo": "구", "gu": "구", "min": "민", "na": "나", "jin": "진", "ji": "지", "eom": "엄",
    "um": "엄", "chae": "채", "won": "원", "cheon": "천", "bang": "방", "kong": "공", "hyun": "현",
    "ham": "함", "byun": "변", "yeom": "염", "yeo": "여", "choo": "추", "do": "도", "so": "소", "seok": "석",
    "sun": "선", "seon": "선", "ma": "마", "gil": "길", "yeon": "연", "wi": "위", "pyo": "표", "myung": "명",
    "ki": "기", "ban": "반", "wang": "왕", "geum": "금", "ok": "옥", "yook": "육", "in": "인", "maeng": "맹",
    "je": "제", "mo": "모", "tak": "탁", "kook": "국", "eo": "어", "eun": "은", "pyeon": "편",
}

# Given-name syllables: the commonest Hangul reading of each spelling.
SYLLABLES = {
    "byung": "병", "byeong": "병", "soo": "수", "su": "수", "dong": "동", "jin": "진", "kyung": "경",
    "kyeong": "경", "gyeong": "경", "gyung": "경", "kwon": "권", "gwon": "권", "jae": "재", "gwang": "광",
    "kwang": "광", "yoon": "윤", "yun": "윤", "geun": "근", "keun": "근", "sik": "식", "shik": "식",
    "hee": "희", "hui": "희", "yeon": "연", "yon": "연", "young": "영", "yeong": "영", "min": "민",
    "ho": "호", "hyun": "현", "hyeon": "현", "jun": "준", "joon": "준", "woo": "우", "wu": "우",
    "seok": "석", "suk": "석", "sung": "성", "seong": "성", "chul": "철", "cheol": "철", "hoon": "훈",
    "hun": "훈", "jong": "종", "tae": "태", "won": "원", "yong": "용", "il": "일", "kyu": "규", "gyu": "규",
    "hwan": "환", "han": "한", "ki": "기", "gi": "기", "sang": "상", "seung": "승", "hyuk": "혁",
    "hyeok": "혁", "jung": "정", "jeong": "정", "chan": "찬", "hak": "학", "hye": "혜", "mi": "미",
    "ok": "옥", "ja": "자", "ja-": "자", "sook": "숙", "suk-": "숙", "ae": "애", "eun": "은", "ah": "아",
    "a": "아", "na": "나", "ra": "라", "rae": "래", "nae": "내", "in": "인", "il-": "일", "bae": "배",
    "yong-": "용", "ryung": "령", "ryeong": "령", "rin": "린", "lin": "린", "do": "도", "mun": "문",
    "moon": "문", "myung": "명", "myeong": "명", "nam": "남", "bok": "복", "bong": "봉", "chang": "창",
    "chae": "채", "cheon": "천", "chun": "춘", "deok": "덕", "duk": "덕", "gu": "구", "koo": "구",
    "gun": "군", "kun": "군", "gyo": "교", "kyo": "교", "hae": "해", "hwa": "화", "hong": "홍",
    "hyo": "효", "hyung": "형", "hyeong": "형", "ik": "익", "jeom": "점", "ji": "지", "joo": "주", "ju": "주",
    "kang": "강", "gang": "강", "man": "만", "mok": "목", "mu": "무", "o": "오", "oh": "오", "pil": "필",
    "pyo": "표", "ri": "리", "ryul": "률", "yul": "율", "sa": "사", "san": "산", "se": "세", "seo": "서",
    "seon": "선", "sun": "선", "shin": "신", "sin": "신", "so": "소", "son": "손", "song": "송", "taek": "택",
    "uk": "욱", "wook": "욱", "wan": "완", "yang": "양", "ye": "예", "yeol": "열", "yeo": "여", "yo": "요",
    "yu": "유", "yoo": "유", "jae-": "재", "geon": "건", "kun-": "건", "gun-": "건", "baek": "백",
    "beom": "범", "bum": "범", "dae": "대", "deuk": "득", "eon": "언", "eui": "의", "ui": "의",
    "gil": "길", "kil": "길", "gyun": "균", "kyun": "균", "heon": "헌", "hun-": "헌", "jik": "직",
    "jo": "조", "cho": "조", "kook": "국", "guk": "국", "mo": "모", "nak": "낙", "ran": "란",
    "rok": "록", "rim": "림", "sam": "삼", "seul": "슬", "si": "시", "shi": "시", "soon": "순",
    "sun-": "순", "tak": "탁", "un": "운", "woon": "운", "yeop": "엽", "yup": "엽", "yeong-": "영",
    "yi": "이", "lee": "이", "jeon": "전", "jun-": "전", "kwak": "곽", "ryu": "류", "yeom": "염",
    "hyeop": "협", "hyup": "협", "ryong": "룡", "yong": "용", "myeon": "면", "nyeon": "년",
}

_PIECES = sorted({k.rstrip("-") for k in SYLLABLES}, key=len, reverse=True)


def _split_given(word: str) -> list[str] | None:
    """Split an unhyphenated given name (byungsoo) into known syllables, longest first."""
    if not word:
        return []
    for piece in _PIECES:
        if word.startswith(piece):
            rest = _split_given(word[len(piece):])
            if rest is not None:
                return [piece, *rest]
    return None


def hangul_name(name: str) -> str | None:
    """Hangul for a romanised Korean name (surname first), or None when it does not read as one."""
    words = [w for w in re.split(r"\s+", name.strip()) if w]
    if len(words) != 2:
        return None
    surname, given = words[0].lower().rstrip("."), words[1].lower()
    if surname not in SURNAMES:
        return None
    parts = given.split("-") if "-" in given else _split_given(given)
    if not parts or len(parts) > 2:
        return None
    out = []
    for part in parts:
        syll = SYLLABLES.get(part) or SYLLABLES.get(part + "-")
        if syll is None:
            return None
        out.append(syll)
    return SURNAMES[surname] + "".join(out)


# Revised Romanization of each jamo, syllable by syllable (no sound changes across syllables)
_INITIALS = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"]
_MEDIALS = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi",
            "yu", "eu", "ui", "i"]
_FINALS = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t",
           "ng", "t", "t", "k", "t", "p", "t"]


def romanised(hangul: str) -> str:
    """The Revised Romanization of a Hangul name, syllable by syllable.

    >>> romanised("하윤수"), romanised("김경희")
    ('hayunsu', 'gimgyeonghui')
    """
    out = []
    for ch in hangul:
        code = ord(ch) - 0xAC00
        if not 0 <= code < 11172:
            out.append(ch.lower())
            continue
        out.append(_INITIALS[code // 588] + _MEDIALS[(code % 588) // 28] + _FINALS[code % 28])
    return "".join(out)


def _skeleton(roman: str) -> str:
    """The consonants of a romanised syllable string, spelling variants folded (Kyung = Gyeong, Jonghun =
    Jong-hoon, Choi = Choe): vowels, glides and h between them dropped."""
    s = re.sub(r"[^a-z]", "", roman.lower())
    for a, b in (("ch", "j"), ("sh", "s"), ("k", "g"), ("p", "b"), ("t", "d"), ("r", "l")):
        s = s.replace(a, b)
    return re.sub(r"[aeiouwy]", "", s)


def same_name(romanised_name: str, hangul: str) -> bool:
    """Whether a romanised Korean name (surname first) can be the Hangul name ``hangul`` in one of the
    spellings press uses: the surname's own spelling, the given name's consonants.

    >>> same_name("Ha Yoonsoo", "하윤수"), same_name("Kim Kyung-hee", "김경희"), same_name("Park Wansu", "박완수")
    (True, True, True)
    >>> same_name("Kim Kyung-hee", "김경수")
    False
    """
    words = romanised_name.split()
    if len(words) != 2 or len(hangul) < 2:
        return False
    surname = SURNAMES.get(words[0].lower().rstrip("."))
    if surname is None:
        return False
    given_ko = hangul[len(surname):] if hangul.startswith(surname) else None
    if not given_ko:
        return False
    return _skeleton(words[1]) == _skeleton(romanised(given_ko)) and len(given_ko) <= 2
