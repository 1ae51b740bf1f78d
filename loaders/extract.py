"""The extractor: one article → actors, agreements, programmes, people and their
relations, each with the sentence that states it.

Rules are written for the genre, not for particular articles: Korean particles
mark who acts (은/는/이/가), who with (와/과) and whose (의); heads are glued to
their office (이권재 오산시장, 서울특별시교육청(교육감 정근식), Mayor Kim
Byungsoo); agreements are named by the noun phrase before 협약 / MOU;
"이번 협약" and "양 기관" refer back to the article's main agreement and
parties; enumerations ending in "등 … 사업" list programmes.

The output is exactly the annotation format of ``shared/corpus/README.md``.

>>> from edugraph.loaders.documents import Document
>>> ann = Extractor.default().extract(Document(
...     "기사입력 2024/03/05\\n김포시와 김포교육지원청이 4일 교육발전특구 업무협약을 체결했다.", name="a.txt"))
>>> sorted(e["canonical_ko"] for e in ann["entities"] if e["type"] != "Agreement")
['경기도김포교육지원청', '교육발전특구', '김포시']
>>> [(r["source"], r["date"]) for r in ann["relations"] if r["type"] == "SIGNED"]
[('김포시', '2024-03-04'), ('경기도김포교육지원청', '2024-03-04')]
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import combinations

import yaml

from ..graph.resolve import normalize_name
from ..graph.schema import load_schema
from ..graph.values import agreement_kind
from .cleaning import clean_lines
from .dates import explicit_dates, normalize_date, publication_date, resolve_event_date
from .documents import Document
from .gazetteer import TOKEN, Gazetteer
from .romanize import hangul_name
from .sentences import split_sentences

__all__ = ["Extractor", "extract_document", "load_lexicon"]

ORG_TYPES = tuple(load_schema().actor_labels())
_HANGUL = re.compile(r"[가-힣]")
_SUBJECT = {"은", "는", "이", "가", "에서는", "도", "측은", "측이"}
_COMITATIVE = {"와", "과", "와의", "과의", "와는", "과는", "랑", "하고", "과도", "와도"}
_GENITIVE = {"의", "에서의"}
_EN_NAME = r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?"
_EN_PERSON = re.compile(r"\b([A-Z][a-z]+ [A-Z][a-z]+(?:-[a-z]+)?)\b")
_NOT_NAMES = set("""기자 관계자 담당자 위원 대표 회장 의원 이번 이날 정부 주민 시민 학생 교사 교장 부모 학부모 이후 이상 이하
이전 지난 오는 전국 전체 공동 정책 사업 교육 지역 한편 또한 이에 이를 이와 최근 현재 올해 내년 작년 지원 운영 추진
강화 확대 구축 마련 조성 참여 협력 협약 간담 회의 전문 고교 고등 신규 기존 주요 각종 모든 우리 함께 시장 군수 구청
교육감 교육장 도지사 위원장 단장 과장 팀장 국장 실장 주무관 장학사 장학관 연구원 박사 교수 총장 원장 센터장 이사장""".split())


@lru_cache(maxsize=1)
def load_lexicon() -> dict:
    text = resources.files(__package__).joinpath("lexicon.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


@dataclass
class Actor:
    """An entity found in the article, keyed by its canonical Korean name."""

    canonical_ko: str
    type: str
    level: str | None = None
    name: str = ""  # first surface form
    id: str | None = None  # reference id when resolved
    count: int = 0
    first: int = 10**9


@dataclass
class Agreement:
    name: str
    kind: str
    parties: set = field(default_factory=set)
    date: str | None = None
    evidence: dict = field(default_factory=dict)  # party -> sentence
    programs: set = field(default_factory=set)
    sentence: str = ""


class _Doc:
    """Per-article state while extracting."""

    def __init__(self, lang):
        self.lang = lang
        self.actors: dict[tuple, Actor] = {}
        self.relations: list[dict] = []
        self.rel_keys: set = set()
        self.facts: list[dict] = []
        self.agreements: list[Agreement] = []
        self.order = 0

    def actor(self, canonical, type_, level=None, name="", id_=None) -> Actor:
        key = (canonical, type_)
        a = self.actors.get(key)
        if a is None:
            a = self.actors[key] = Actor(canonical, type_, level, name or canonical, id_, 0, self.order)
        a.count += 1
        self.order += 1
        return a

    def relate(self, type_, source, target, evidence, date=None, role=None):
        if not source or not target or source == target:
            return
        key = (type_, source, target, role) if type_ != "COOPERATES_WITH" else (type_, *sorted((source, target)))
        if key in self.rel_keys:
            return
        self.rel_keys.add(key)
        rel = {"type": type_, "source": source, "target": target}
        if date:
            rel["date"] = date
        if role:
            rel["role"] = role
        rel["evidence"] = evidence
        self.relations.append(rel)

    def main(self, types=ORG_TYPES, exclude=()):
        best = sorted(
            (a for a in self.actors.values() if a.type in types and a.canonical_ko not in exclude),
            key=lambda a: (-a.count, a.first),
        )
        return best[0].canonical_ko if best else None


class Extractor:
    """Rule-based extractor over the reference gazetteer and the genre lexicon."""

    def __init__(self, gazetteer: Gazetteer | None = None, lexicon: dict | None = None):
        self.gaz = gazetteer or Gazetteer.default()
        self.resolver = self.gaz.resolver
        self.lex = lexicon or load_lexicon()
        lx = self.lex
        self.agreement_ko = sorted(lx["agreement_terms"]["ko"], key=len, reverse=True)
        self.agreement_en = re.compile(
            r"\b(" + "|".join(re.escape(t) for t in sorted(lx["agreement_terms"]["en"], key=len, reverse=True)) + r")s?\b",
            re.I,
        )
        self.coop_ko = lx["cooperation_terms"]["ko"]
        self.coop_en = re.compile(r"\b(" + "|".join(map(re.escape, lx["cooperation_terms"]["en"])) + r")", re.I)
        self.part_en = re.compile(r"\b(" + "|".join(map(re.escape, lx["participation_terms"]["en"])) + r")", re.I)
        self.surnames = set(lx["korean_surnames"])
        self.roles_ko = lx["roles_ko"]
        self.generic = set(lx["generic_words"])
        self.council_re = re.compile(
            r"((?:[가-힣A-Za-z0-9·]+\s){0,2}[가-힣A-Za-z0-9·]*(?:" + "|".join(lx["council_suffixes"]) + r"))"
        )
        self.inst_re = re.compile(r"([가-힣]{2,}(?:" + "|".join(lx["institution_suffixes"]) + r"))")
        self.en_org_re = re.compile(
            r"\b((?:[A-Z][\w'’\-]*\s(?:(?:of|for|the|and|on)\s)*){1,7}"
            r"(?:Council|Committee|Commission|Association|University|Foundation|Institute))\b"
        )
        self.programs_en = dict(lx["programs_en"])
        self.programs_en_lower = {k.lower(): v for k, v in self.programs_en.items()}
        self.programs_en_re = re.compile(
            r"\b(" + "|".join(re.escape(k.lower()) for k in sorted(self.programs_en, key=len, reverse=True)) + r")\b")
        self.institutions_en = lx["institutions_en"]
        self.institutions_en_re = re.compile(
            r"\b(" + "|".join(re.escape(k) for k in sorted(self.institutions_en, key=len, reverse=True)) + r")\b")
        self.role_en = lx["roles_en"]

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> "Extractor":
        return cls()

    # ------------------------------------------------------------------ entry
    def extract(self, doc: Document) -> dict:
        raw_lines = doc.text.splitlines()
        pub = normalize_date(doc.date) or publication_date(raw_lines)
        lines = clean_lines(raw_lines)
        sentences = split_sentences(lines)
        body = " ".join(sentences)
        lang = _language(body)
        anchors = explicit_dates(body)
        finds = {s: self.gaz.find(s) for s in sentences}  # each sentence scanned once
        province = self._province_context(raw_lines[:30], sentences, finds)
        st = _Doc(lang)
        found = [(s, self._mentions(s, province, pub, finds[s])) for s in sentences]
        # one name per reference programme in an article: the first form it uses
        first_form: dict = {}
        for _, mentions in found:
            for m in mentions:
                if m["type"] == "Program" and m["id"]:
                    m["canonical"] = first_form.setdefault(m["id"], m["canonical"])
        for s, mentions in found:  # first pass: counts, for the main actors
            for m in mentions:
                st.actor(m["canonical"], m["type"], m["level"], m["surface"], m["id"])
        for s, mentions in found:
            self._sentence(st, s, mentions, pub, anchors, province)
        self._finish_agreements(st)
        return {
            "doc": doc.name,
            "url": doc.url,
            "date": pub,
            "lang": lang,
            "entities": [
                {"name": a.name, "canonical_ko": a.canonical_ko, "type": a.type, "level": a.level}
                for a in sorted(st.actors.values(), key=lambda a: a.first)
            ],
            "relations": st.relations,
            "facts": st.facts,
        }

    # --------------------------------------------------------------- context
    def _province_context(self, head_lines, sentences, finds) -> str | None:
        """The 시·도 an article is about: its dateline ([… = 오산], 【서울=…】) or its unambiguous actors."""
        for line in head_lines:
            m = re.search(r"[\[【]\s*([가-힣]+?)\s*=", line)
            if m:
                prov = self.resolver.province_of(m.group(1)) or self.resolver.province_of(m.group(1)[:2])
                if prov:
                    return prov
        votes = Counter()
        for s in sentences[:40]:
            for m in finds[s]:
                if m.entity is not None and m.entity.province_ko:
                    votes[m.entity.province_ko] += 1
        return votes.most_common(1)[0][0] if votes else None

    # -------------------------------------------------------------- mentions
    def _mentions(self, s: str, province, pub, found) -> list[dict]:
        out = []
        taken = []
        for m in found:
            cands = m.candidates
            if len(cands) > 1:
                cands = self.resolver.candidates(m.surface, province=province, date=pub) or cands
                cands = [c for c in cands if c in m.candidates] or m.candidates
            if len(cands) != 1:
                continue  # a homonym the context cannot settle: no guess
            e = cands[0]
            after = s[m.token_end:m.token_end + 8]
            if e.label == "LocalGovernment" and e.level == "metropolitan" and re.match(r"\s*(\d|전체|모든|내\b|소속|산하|관내)", after):
                continue  # 서울시 25개 자치구: a place, not an actor
            if m.particle == "" and re.match(r"[가-힣]", s[m.end:m.end + 1] or ""):
                continue  # glued into a longer word (서울시교육감, 오산시장): handled as a title
            out.append(self._as_mention(m.start, m.end, m.surface, e.name_ko, e.label, e.level, e.id,
                                        m.particle, s))
            taken.append((m.start, m.token_end))
        for mm in out:
            if mm["type"] == "Program" and _HANGUL.search(mm["surface"]):
                mm["canonical"] = mm["surface"].replace("(가칭)", "").strip(" ‘’'\"“”")
        for start, end, e, prefix in self.gaz.programs_inside(s):
            if any(a <= start < b for a, b in taken):
                continue
            out.append(self._as_mention(start, end, s[start:end], e.name_ko, "Program", None, e.id, "", s,
                                        prefix=prefix))
            taken.append((start, end))
        for m in self._discovered(s, taken):
            out.append(m)
        out.sort(key=lambda m: m["start"])
        return out

    def _as_mention(self, start, end, surface, canonical, type_, level, id_, particle, s, prefix=""):
        before = s[:start]
        return {
            "start": start, "end": end, "surface": surface, "canonical": canonical, "type": type_,
            "level": level, "id": id_, "particle": particle, "prefix": prefix,
            "paren": before.count("(") > before.count(")"),
        }

    def _discovered(self, s: str, taken) -> list[dict]:
        """Councils, institutions and programmes named in the text but not in the reference."""
        out = []

        def free(a, b):
            return not any(x < b and a < y for x, y in taken)

        for m in self.council_re.finditer(s):
            text = m.group(1)
            words = text.split()
            # keep only the name-like words right before the suffix word
            while len(words) > 1 and (_particle_of(words[0]) or not _HANGUL.search(words[0]) or len(words[0]) < 2):
                words = words[1:]
            name = " ".join(words)
            start = m.end(1) - len(name)
            if not free(start, m.end(1)) or normalize_name(name) in {normalize_name(g) for g in self.generic}:
                continue
            if len(name.replace(" ", "")) < 4:
                continue
            particle = _particle_after(s, m.end(1))
            hit = self.resolver.candidates(name)
            if len(hit) == 1 and hit[0].label in ORG_TYPES:
                e = hit[0]
                out.append(self._as_mention(start, m.end(1), name, e.name_ko, e.label, e.level, e.id, particle, s))
            else:
                first, _, rest = name.partition(" ")
                prov = self.resolver.province_of(first)
                canonical = f"{prov} {rest}" if prov and rest else name
                out.append(self._as_mention(start, m.end(1), name, canonical, "Council", None, None, particle, s))
            taken.append((start, m.end(1)))
        for m in self.inst_re.finditer(s):
            name = m.group(1)
            if not free(m.start(1), m.end(1)) or name in self.generic:
                continue
            if re.search(r"(?:위한|하는|되는|있는|없는)$", name[:-2]):
                continue
            out.append(self._as_mention(m.start(1), m.end(1), name, name, "Institution", None, None,
                                        _particle_after(s, m.end(1)), s))
            taken.append((m.start(1), m.end(1)))
        for m in self.en_org_re.finditer(s):
            name = re.sub(r"^(?:The|the)\s+", "", m.group(1)).strip()
            start = m.end(1) - len(name)
            if not free(start, m.end(1)) or len(name.split()) < 2:
                continue
            ko = self.institutions_en.get(name)
            type_ = "Institution" if re.search(r"University|Foundation|Institute", name) else "Council"
            hit = self.resolver.candidates(name)
            if len(hit) == 1 and hit[0].label in ORG_TYPES:
                e = hit[0]
                out.append(self._as_mention(start, m.end(1), name, e.name_ko, e.label, e.level, e.id, "", s))
            else:
                out.append(self._as_mention(start, m.end(1), name, ko or name, type_, None, None, "", s))
            taken.append((start, m.end(1)))
        if _HANGUL.search(s) and not re.search(r"[A-Za-z]{2}", s):
            return out
        for m in self.programs_en_re.finditer(s.lower()):
            if free(m.start(), m.end()):
                ko = self.programs_en_lower[m.group(1)]
                out.append(self._as_mention(m.start(), m.end(), s[m.start():m.end()], ko, "Program", None,
                                            None, "", s))
                taken.append((m.start(), m.end()))
        for m in self.institutions_en_re.finditer(s):
            if free(m.start(), m.end()):
                en = m.group(1)
                out.append(self._as_mention(m.start(), m.end(), en, self.institutions_en[en], "Institution", None,
                                            None, "", s))
                taken.append((m.start(), m.end()))
        return out

    # ------------------------------------------------------------- sentences
    def _sentence(self, st: _Doc, s: str, mentions: list[dict], pub, anchors, province):
        orgs = [m for m in mentions if m["type"] in ORG_TYPES]
        programs = [m for m in mentions if m["type"] == "Program"]
        self._heads(st, s, mentions)
        parties = [m for m in orgs if not m["paren"] and m["particle"] not in _GENITIVE]
        english = not _HANGUL.search(s)
        date = resolve_event_date(s, pub, anchors)
        self._part_of(st, s, orgs)
        self._facts(st, s, orgs)
        # -- agreements
        term = self._agreement_term(s)
        if term:
            self._agreement(st, s, term, parties, programs, date, english)
        # -- cooperation
        coop = any(t in s for t in self.coop_ko) or bool(self.coop_en.search(s))
        if coop:
            self._cooperation(st, s, parties, english)
        # -- participation
        self._participation(st, s, mentions, parties, programs, english)

    def _agreement_term(self, s):
        for t in self.agreement_ko:
            pos = s.find(t)
            if pos >= 0:
                return (t, pos)
        m = self.agreement_en.search(s)
        if m and re.search(r"sign|conclud|declar|agree|MOU|memorandum", s, re.I):
            return (m.group(1), m.start())
        return None

    def _subject_and_partners(self, st, s, parties, english):
        """Who acts in the sentence: (subject names, partner names)."""
        names = [p["canonical"] for p in parties]
        if english:
            subject = None
            first_verb = re.search(r"\b(held|signed|has|have|is|was|were|are|said|made|discussed|will|plans?|"
                                   r"promot\w+|hold|launch\w*|agreed|decided|leads?|signing)\b", s)
            for p in parties:
                if first_verb is None or p["start"] < first_verb.start():
                    subject = p["canonical"]
                    break
            if subject is None:
                head = s[: first_verb.start()] if first_verb else s[:60]
                if re.search(r"\b(?:the|this) (?:office|education office)\b", head, re.I):
                    subject = st.main(types=("EducationOffice",))
                elif re.search(r"\b(?:the|this) (?:council|association|committee)\b", head, re.I):
                    subject = st.main(types=("Council",))
                elif re.search(r"\b(?:the|this) (?:city|county|district|government)\b", head, re.I):
                    subject = st.main(types=("LocalGovernment",))
            if subject is None:
                subject = st.main()
            partners = []
            for w in re.finditer(r"\bwith\b", s):
                after = [p for p in parties if p["start"] > w.end() and p["start"] - w.end() < 120]
                if after and after[0]["canonical"] not in partners:
                    partners.append(after[0]["canonical"])
            return ([subject] if subject else []), partners
        subjects = [p["canonical"] for p in parties if p["particle"] in _SUBJECT or p["particle"] == ""]
        partners = [p["canonical"] for p in parties if p["particle"] in _COMITATIVE]
        if not subjects and not partners:
            subjects = names
        return subjects, partners

    def _agreement(self, st, s, term, parties, programs, date, english):
        t, pos = term
        kind = agreement_kind(t)
        subjects, partners = self._subject_and_partners(st, s, parties, english)
        if english:
            # the partner of an agreement is the first actor after "with" that follows the agreement word
            after = [p for p in parties if p["start"] > pos and re.search(r"\bwith\b", s[pos:p["start"]])]
            partners = [after[0]["canonical"]] if after else partners[:1]
        names = list(dict.fromkeys(subjects + partners)) if english else list(dict.fromkeys(p["canonical"] for p in parties))
        if english and not partners:
            names = []
        refers_back = bool(re.search(r"이번|이날|해당|this (?:agreement|declaration|mou)", s, re.I))
        main = st.agreements[0] if st.agreements else None
        if refers_back and main is not None and (not names or set(names) <= main.parties):
            return
        if len(names) == 1 and (partners or re.search(r"와의|과의", s)):
            other = st.main(exclude=names)
            if other:
                names.append(other)
        if not names:
            if main is None:
                return
            names = sorted(main.parties)
        topic = {p["canonical"] for p in programs if 0 <= pos - p["end"] < 40 or (
            english and 0 < p["start"] - pos < 80 and re.search(r"\bfor\b", s[pos:p["start"]]))}
        name = self._agreement_name(s, t, pos, kind, names)
        for a in st.agreements:
            if (a.date is None or date is None or a.date == date) and (
                set(names) <= a.parties or a.parties <= set(names)
            ):
                if a.date is None:
                    a.date = date
                for n in names:
                    a.evidence.setdefault(n, s)
                a.parties |= set(names)
                a.programs |= topic
                return
        ag = Agreement(name=name, kind=kind, parties=set(names), date=date, sentence=s, programs=topic)
        for n in names:
            ag.evidence[n] = s
        st.agreements.append(ag)

    def _agreement_name(self, s, term, pos, kind, names):
        quoted = re.search(r"[‘'\"“]([^’'\"”]{3,60})[’'\"”]\s*(?:을|를|이|가)?\s*\S*$", s[:pos + len(term) + 2])
        if quoted and (term in quoted.group(1) or abs(quoted.end() - pos) < 6):
            title = quoted.group(1).replace("(가칭)", "").strip()
            return title if term in title else f"{title} {term}"
        if _HANGUL.search(term):
            words = s[:pos].split()
            keep = []
            for w in reversed(words[-7:]):
                if re.search(r"(?:에서|에게|일|부터|까지)$", w) or (_particle_of(w) in _SUBJECT | _COMITATIVE):
                    break
                keep.insert(0, w)
            phrase = " ".join(keep + [term]).strip(" ‘’'\"“”")
            if len(phrase) > len(term) + 1:
                return phrase
        return f"{'·'.join(sorted(names))} {kind}"

    def _finish_agreements(self, st):
        for i, a in enumerate(st.agreements):
            if not a.parties:
                continue
            ent = st.actor(a.name, "Agreement", name=a.name)
            ent.count -= 1
            for p in sorted(a.parties):
                st.relate("SIGNED", p, a.name, a.evidence.get(p, a.sentence), date=a.date)
                for prog in sorted(a.programs):
                    st.relate("PARTICIPATES_IN", p, prog, a.sentence)

    def _cooperation(self, st, s, parties, english):
        both = re.search(r"양\s*기관|두\s*기관|양\s*측|양측|the two (?:parties|organizations|institutions|sides)|both (?:parties|sides)", s)
        if both:
            a = st.main()
            b = st.main(exclude=[a]) if a else None
            if a and b:
                st.relate("COOPERATES_WITH", a, b, s)
        subjects, partners = self._subject_and_partners(st, s, parties, english)
        if english:
            for sub in subjects:
                for p in partners:
                    st.relate("COOPERATES_WITH", sub, p, s)
            if len(parties) == 2 and re.search(r"\band\b", s[parties[0]["end"]:parties[1]["start"]]):
                st.relate("COOPERATES_WITH", parties[0]["canonical"], parties[1]["canonical"], s)
            return
        names = list(dict.fromkeys(subjects + partners))
        if 2 <= len(names) <= 4:
            for a, b in combinations(names, 2):
                st.relate("COOPERATES_WITH", a, b, s)
        elif len(names) > 4 and subjects:
            for p in partners:
                st.relate("COOPERATES_WITH", subjects[0], p, s)

    def _participation(self, st, s, mentions, parties, programs, english):
        # 오산미래교육협력지구, 김포 교육발전특구, Gimpo Education Development Special Zone
        for p in programs:
            stem = p["prefix"] or _word_before(s, p["start"])
            if stem:
                for e in self.resolver.candidates(stem, labels=("LocalGovernment",)):
                    if e.name_ko in {a.canonical_ko for a in st.actors.values()} or len(
                        self.resolver.candidates(stem, labels=("LocalGovernment",))) == 1:
                        st.relate("PARTICIPATES_IN", e.name_ko, p["canonical"], s)
                        break
        # "(서대문구, 구로구 모델)" after a programme item
        for item, names in _model_items(s):
            prog_name = item.strip(" ①②③④⑤⑥⑦⑧⑨⑩")
            got = []
            for n in names:
                hit = self.resolver.candidates(n, labels=("LocalGovernment",))
                if not hit and not n.endswith(("구", "시", "군")):
                    hit = self.resolver.candidates(n + "구", labels=("LocalGovernment",))
                hit = [h for h in hit if h.level == "basic"]
                if len(hit) > 1:
                    prov = Counter(h.province_ko for g in got for h in [g]).most_common(1)
                    hit = [h for h in hit if prov and h.province_ko == prov[0][0]] or hit
                if len(hit) == 1:
                    got.append(hit[0])
            if got and len(prog_name) >= 3:
                st.actor(prog_name, "Program", name=prog_name)
                for e in got:
                    st.actor(e.name_ko, e.label, e.level, e.name_ko, e.id)
                    st.relate("PARTICIPATES_IN", e.name_ko, prog_name, s, role="model")
        # enumerations: "A, B 등 다양한 교육사업을", "핵심 정책인 X을"
        listed = _enumerated_programs(s)
        for name in listed:
            st.actor(name, "Program", name=name)
        all_programs = [p["canonical"] for p in programs] + listed
        if not all_programs:
            return
        for clause in _clauses(s):
            c_programs = [p for p in all_programs if p in clause or any(
                m["canonical"] == p and m["surface"] in clause for m in programs)]
            if not c_programs:
                continue
            c_parties = [p for p in parties if p["surface"] in clause]
            subjects, partners = self._subject_and_partners(st, clause, c_parties, english)
            generic_eo = re.search(r"(?<![가-힣])교육(?:지원)?청(?:과|와|이|은|는|도)|Office of Education\b(?! of)", clause)
            if generic_eo and not any(p["type"] == "EducationOffice" for p in c_parties):
                eo = st.main(types=("EducationOffice",))
                if eo:
                    partners.append(eo)
            if not subjects and not english:
                subjects = [st.last_subject] if getattr(st, "last_subject", None) else []
            elif subjects and not english:
                st.last_subject = subjects[0]
            if english and not (self.part_en.search(clause) or re.search(r"designat|select|program", clause, re.I)):
                continue
            actors = list(dict.fromkeys(subjects + ([] if english else partners)))
            for p in c_programs:
                for a in actors:
                    if a:
                        st.relate("PARTICIPATES_IN", a, p, s)
            # a programme that is the subject of a defining sentence: its named actors take part
            for m in programs:
                if m["particle"] in ("는", "은") and m["canonical"] in c_programs:
                    for p in c_parties:
                        st.relate("PARTICIPATES_IN", p["canonical"], m["canonical"], s)

    # ----------------------------------------------------------------- heads
    def _heads(self, st, s, mentions):
        orgs = [m for m in mentions if m["type"] in ORG_TYPES]
        tokens = list(TOKEN.finditer(s))
        # 이권재 오산시장 / 조희연 서울시교육감 / 정광윤 화성오산교육지원청 교육장
        for i, tok in enumerate(tokens):
            word = tok.group()
            if not _HANGUL.search(word):
                continue
            bare = _strip_particles(word)
            for role in self.roles_ko:
                glued = role["glued"]
                if not bare.endswith(glued):
                    continue
                prefix = bare[: -len(glued)]
                org = None
                if prefix and role["org_end"] != "":
                    org = self._resolve_org(prefix + role["org_end"]) or self._resolve_org(prefix)
                    if org is None and role["title"] == "시장":
                        org = self._resolve_org(prefix + "특별시") or self._resolve_org(prefix + "광역시")
                elif not prefix:
                    if s[:tok.start()].rstrip().endswith(("(", "（")):
                        break  # (교육감 정근식): the parenthesis rule below reads it
                    prev = [m for m in orgs if m["end"] <= tok.start() and tok.start() - m["end"] <= 2]
                    org = prev[-1]["canonical"] if prev else None
                if org is None:
                    continue
                person = self._person_before(tokens, i, orgs)
                if person:
                    st.actor(person, "Person", name=person)
                    st.actor(org, self._type_of(st, org), name=org)
                    st.relate("HEADS", person, org, s, role=role["title"])
                break
        # 서울특별시교육청(교육감 정근식) / 서울 구청장협의회(대표: 이성 구로구청장)
        for m in re.finditer(r"\(\s*([가-힣]{2,4})\s*[:：]?\s*([가-힣]{2,4})(?=[\s,)])", s):
            title, name = m.group(1), m.group(2)
            if not any(r["title"] == title for r in self.roles_ko) or not self._is_person(name):
                continue
            prev = [o for o in orgs if o["end"] <= m.start() and m.start() - o["end"] <= 2]
            if prev:
                org = prev[-1]["canonical"]
                st.actor(name, "Person", name=name)
                st.relate("HEADS", name, org, s, role=title)
        self._heads_en(st, s, orgs)

    def _heads_en(self, st, s, orgs):
        if _HANGUL.search(s):
            return
        roles = "|".join(sorted((re.escape(r) for r in self.role_en), key=len, reverse=True))
        pairs = []
        # ORG (Mayor NAME ...)
        for m in re.finditer(rf"\(\s*({roles})\s+({_EN_NAME} {_EN_NAME}|{_EN_NAME})", s, re.I):
            prev = [o for o in orgs if o["end"] <= m.start() and m.start() - o["end"] <= 2]
            if prev:
                pairs.append((m.group(2), prev[-1]["canonical"], m.group(1).lower(), m.start()))
        # NAME, ORG Mayor / NAME, Mayor of ORG / NAME, Chair of the ORG
        for m in _EN_PERSON.finditer(s):
            tail = s[m.end():m.end() + 160]
            for part in re.split(r"\s+and\s+", tail.split(".")[0])[:3]:
                rm = re.match(rf"\s*,?\s*(?:the\s+)?(?:({roles})\s+of\s+(?:the\s+)?)?", part, re.I)
                if rm is None:
                    continue
                offset = m.end() + tail.find(part)
                org = [o for o in orgs if offset <= o["start"] <= offset + 12 + (rm.end() if rm else 0)]
                role = rm.group(1)
                after = None
                if org and not role:
                    after = re.match(rf"\s*({roles})\b", s[org[0]["end"]:], re.I)
                    role = after.group(1) if after else None
                if org and role:
                    pairs.append((m.group(1), org[0]["canonical"], role.lower(), m.start()))
        # Mayor NAME (the sentence's or the article's local government)
        for m in re.finditer(rf"\b(Mayor|Governor|Superintendent)\s+({_EN_NAME} {_EN_NAME})", s):
            lg = [o for o in orgs if o["type"] in ("LocalGovernment", "EducationOffice")]
            org = lg[0]["canonical"] if lg else st.main(types=("LocalGovernment",))
            if org:
                pairs.append((m.group(2), org, m.group(1).lower(), m.start()))
        for name, org, role, _ in pairs:
            ko = hangul_name(name)
            if ko is None:
                continue  # "Chairman Lee", "Council Lee": not a full Korean name
            person = ko
            if org in {p for p in (a.canonical_ko for a in st.actors.values() if a.type == "Person")} :
                continue
            st.actor(person, "Person", name=name)
            ko_role = self.role_en.get(role, role)
            if ko_role == "교육감" and self._type_of(st, org) == "EducationOffice" and "교육지원청" in org:
                ko_role = self.lex["district_head_en"]
            st.relate("HEADS", person, org, s, role=role)

    def _person_before(self, tokens, i, orgs):
        """The Korean name right before a title (skipping the organisation written between)."""
        j = i - 1
        while j >= 0:
            w = tokens[j].group()
            if self._is_person(w):
                return w
            in_org = any(o["start"] <= tokens[j].start() < o["end"] + 3 for o in orgs)
            if not in_org or i - j > 4:
                return None
            j -= 1
        return None

    def _is_person(self, w: str) -> bool:
        if not (2 <= len(w) <= 4) or not re.fullmatch(r"[가-힣]+", w):
            return False
        if w[0] not in self.surnames and w[:2] not in self.surnames:
            return False
        if self.resolver.lookup(w) or w in self.generic or w in _NOT_NAMES:
            return False
        return not re.search(r"(?:시|군|구|도|청|회|부|장|감|님|들|것|번|전|후|간|원|중|의|를|을|은|는|이|가|와|과)$", w[1:]) or len(w) == 3

    def _resolve_org(self, name):
        hit = self.resolver.candidates(name)
        hit = [h for h in hit if h.label in ORG_TYPES]
        return hit[0].name_ko if len(hit) == 1 else None

    def _type_of(self, st, canonical):
        for a in st.actors.values():
            if a.canonical_ko == canonical and a.type in ORG_TYPES:
                return a.type
        hit = self.resolver.candidates(canonical)
        return hit[0].label if hit else "Council"

    # ---------------------------------------------------------- hierarchy etc
    def _part_of(self, st, s, orgs):
        for a, b in zip(orgs, orgs[1:]):
            gap = s[a["end"]:b["start"]]
            if re.fullmatch(r",?\s+in\s+(?:the\s+)?", gap) and b["level"] == "metropolitan" and a["level"] == "basic":
                st.relate("PART_OF", a["canonical"], b["canonical"], s)

    def _facts(self, st, s, orgs):
        councils = [o["canonical"] for o in orgs if o["type"] == "Council"] or (
            [st.main(types=("Council",))] if st.main(types=("Council",)) else [])
        if not councils:
            return
        m = re.search(r"(?:currently )?(?:has|with|of) (\d{1,4}) member (?:cities|local governments|governments|"
                      r"municipalities|organizations|members)|회원\s*(?:도시|지자체|지방정부|기관)?\s*(\d{1,4})\s*(?:곳|개|개소|명)|"
                      r"(\d{1,4})\s*개\s*(?:회원\s*)?(?:지자체|지방정부|시군구|시·군·구)", s)
        if m:
            value = int(next(g for g in m.groups() if g))
            if not any(f["property"] == "member_count" and f["value"] == value for f in st.facts):
                st.facts.append({"entity": councils[0], "property": "member_count", "value": value, "evidence": s})
        m = re.search(r"(?:started|founded|established|launched) in (\d{4})|(\d{4})\s*년\s*(?:출범|창립|설립|발족)", s)
        if m:
            year = m.group(1) or m.group(2)
            if not any(f["property"] == "founded" for f in st.facts):
                st.facts.append({"entity": councils[0], "property": "founded", "value": year, "evidence": s})


# --------------------------------------------------------------------- helpers

def _language(text: str) -> str:
    hangul = len(_HANGUL.findall(text))
    latin = len(re.findall(r"[A-Za-z]", text))
    if hangul and latin > hangul:
        return "mixed" if hangul > 50 else "en"
    if latin and hangul and latin > hangul * 0.5:
        return "mixed"
    return "ko" if hangul >= latin else "en"


def _particle_of(word: str) -> str:
    for p in ("에서는", "와의", "과의", "에서", "으로", "은", "는", "이", "가", "을", "를", "의", "와", "과", "에", "로", "도"):
        if word.endswith(p) and len(word) > len(p) + 1:
            return p
    return ""


def _particle_after(s: str, end: int) -> str:
    m = re.match(r"[가-힣]{1,3}", s[end:])
    return m.group() if m else ""


def _strip_particles(word: str) -> str:
    for p in ("으로서", "에게서", "에서는", "께서는", "께서", "이라고", "으로", "에서", "은", "는", "이", "가", "을", "를", "의", "와", "과", "도", "로", "에"):
        if word.endswith(p) and len(word) - len(p) >= 2:
            return word[: -len(p)]
    return word


def _word_before(s: str, start: int) -> str | None:
    m = re.search(r"([가-힣]{2,4}|[A-Z][a-z]+(?:-[a-z]+)?)\s$", s[:start])
    return m.group(1) if m else None


_MODEL = re.compile(r"\(([^()]*?)\s*모델(?:\s*등)?\)")
_ITEM_START = re.compile(r"[①②③④⑤⑥⑦⑧⑨⑩]|\d+\s*[.)]\s|[▲△■□◆○•·]\s*|\)\s*,?\s*")


def _model_items(s: str):
    """'디지털 튜터(멘토) 학교 배치(서대문구 모델)' → ('디지털 튜터 학교 배치', ['서대문구'])."""
    last = 0
    for m in _MODEL.finditer(s):
        names = [n.strip() for n in re.split(r"[,·、/]", m.group(1)) if n.strip()]
        segment = s[last:m.start()]
        last = m.end()
        starts = [x.end() for x in re.finditer(r"[①②③④⑤⑥⑦⑧⑨⑩]", segment)]
        if starts:
            segment = segment[starts[-1]:]
        item = re.sub(r"\([^)]*\)", "", segment).strip(" ,.:")
        if names and all(re.fullmatch(r"[가-힣]{1,6}", n) for n in names):
            yield item, names


_ENUM = re.compile(r"([^.]{3,160}?)\s*등\s*(?:다양한|여러|일부|각종|주요)?\s*(?:교육\s*)?(?:사업|정책|프로그램)")
_CLAUSE_CUT = re.compile(r".*(?:으로|하고|있으며|이며|하며|에서|부터|까지|중심으로|통해|위해|은|는|이|가|을|를)\s")


def _enumerated_programs(s: str) -> list[str]:
    out = []
    for m in _ENUM.finditer(s):
        items = [i.strip() for i in m.group(1).split(",")]
        if len(items) < 2:
            continue
        first = _CLAUSE_CUT.sub("", items[0])
        items[0] = first
        for it in items:
            it = it.strip(" ‘’'\"“”")
            if 2 < len(it) <= 30 and _HANGUL.search(it) and not re.search(r"(?:다|고|며|서)$", it):
                out.append(it)
    for m in re.finditer(r"(?:정책|사업|프로그램)인\s+([가-힣A-Za-z0-9]+?)(?:을|를|이|가)?\s", s):
        if len(m.group(1)) > 2:
            out.append(m.group(1))
    return list(dict.fromkeys(out))


def _clauses(s: str) -> list[str]:
    parts = re.split(r"(?<=며)\s+", s)
    return [p for p in parts if p.strip()]


def extract_document(doc: Document) -> dict:
    """Extract with the default extractor (reference data and lexicon loaded once)."""
    return Extractor.default().extract(doc)
