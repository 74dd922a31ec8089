"""What a query means: the same reading in `kb search` and in the site's box.

Documents are analysed with mecab (kb/search/analysis.py) when indexed. A
query is read differently, because the browser cannot run mecab: each Korean
word is split into terms of the index's own vocabulary by the cheapest
segmentation (fewest unknown syllables, then fewest terms), particles and
endings left at the end of a word are dropped, contracted verb forms undone
(바꿔 -> 바꾸, 됐 -> 되) and a misspelt word is also mapped to the vocabulary
term one jamo away. `kb search` reads queries this way too, so that both
searches find the same documents in the same order; assets/search/search.js
is the same algorithm line for line, and tests/test_search_site.py compares
the two on many queries. Change both or neither.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..text import nfc
from .analysis import (
    AMOUNT,
    COUNTERS,
    HANGUL,
    JAMO,
    NATIVE,
    RATIO,
    STOPWORDS,
    amount,
    amount_terms,
    bigrams,
    native_terms,
    number_terms,
)

# Particles, endings and fillers as customers type them: never a term, and
# stripped from the end of a word the vocabulary does not know.
ENDINGS = (
    "은 는 이 가 을 를 에 에서 에게 한테 께 으로 로 와 과 랑 이랑 하고 도 만 까지 부터 보다 처럼 "
    "의 요 이요 에요 예요 이에요 어요 아요 여요 해요 해 해서 했 했어요 했는데 하는 하면 하고 "
    "돼 돼요 되요 됐 됐어요 되나요 되는 되면 나요 가요 인가요 인데 는데 은데 데요 대요 래요 "
    "죠 지요 네요 군요 거든요 어서 아서 니까 으니까 면 으면 고 게 지 도록 려고 으려고 러 으러 "
    "세요 으세요 주세요 줘요 주나요 싶어요 싶은데 있어요 있나요 없어요 있는데 없는데 "
    "거에요 건가요 는지 은지 ㄴ지 냐 니 나 다 어 아 여"
).split()
ENDINGS_LONGEST_FIRST = sorted(set(ENDINGS), key=lambda e: (-len(e), e))
STOP = sorted(STOPWORDS)
ID = re.compile(r"[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+")
WHOLE = re.compile(r"[\w./-]+")  # a query that may be an id or a page path as a whole
# analysis.NUMBER_COUNTER on the lower-cased query, with the character before
# the number taken (and given back) rather than looked behind, as search.js does.
NUMBER_COUNTER = re.compile(
    r"(^|[^0-9,a-z])([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:(만|천)\s?)?(" + COUNTERS + r")"
    r"(권|짜리|전|후|째|간|당)?"
)
WORD = re.compile(r"[\uac00-\ud7a3]+|[a-z0-9]+|[\u3131-\u314e]{2,}")
# Contracted vowels and the vowel of their stem: ㅘ ㅗ, ㅝ ㅜ, ㅕ ㅣ, ㅐ ㅏ, ㅙ ㅚ
MEDIAL_BASE = {9: 8, 14: 13, 6: 20, 1: 0, 10: 11}
FINAL_M, FINAL_S, FINAL_SS = 16, 19, 20  # ㅁ, ㅅ, ㅆ as the last consonant of a syllable
FINAL_L = 8  # ㄹ: 눌 of 눌러, the contracted 누르
REU_ENDINGS = ("러", "라", "렀", "랐")


@dataclass
class ParsedQuery:
    words: list[str]
    idents: list[str]
    grams: list[str]
    # Words that are one thing the customer said: [the word that counts, the
    # words that then count nothing]. A number with its counter (`1년`: 1년, 1, 년)
    # and an unknown word with the term it likely meant (`잠금`: 잠그, 잠금).
    # All of them are words too (query.counted_once).
    groups: list[list[str]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.words or self.idents or self.grams)

    def to_dict(self) -> dict:
        return {"words": self.words, "idents": self.idents, "grams": self.grams,
                "groups": self.groups}


# The fields whose terms make a query word "known" (the vocabulary a query is
# split into; query._known, postings, the memory ranking).
WORD_FIELDS = ("title", "body", "ask", "syn")


def vocabulary_terms(reader) -> list[str]:
    """The Korean terms a query is split into: those of the index's text fields."""
    terms: set[str] = set()
    endings = set(ENDINGS)
    for name in WORD_FIELDS:
        for btext in reader.lexicon(name):
            text = btext.decode("utf-8")
            if (HANGUL.fullmatch(text) or JAMO.fullmatch(text)) and text not in endings:
                terms.add(text)
    return sorted(terms)


class Vocabulary:
    def __init__(self, terms: list[str]):
        self.terms = set(terms)
        self.by_length: dict[int, list[str]] = {}
        for term in terms:
            self.by_length.setdefault(len(term), []).append(term)
        self.longest = max((len(t) for t in terms), default=1)
        self.stop = set(STOP)


def stems(ch: str, last: bool = False) -> list[str]:
    """A verb stem hidden in a contracted syllable: 바꿔 -> 바꾸, 됐 -> 되, 했 -> 하,
    also with ㅅ typed for ㅆ, as chat often does (졋 -> 지, 햇 -> 하); and, in the
    `last` syllable of a word, in the -ㅁ chat sentences end with: 나감 -> 나가,
    넘어짐 -> 넘어지, 됨 -> 되 (inside a word ㅁ is the noun's own: 요금)."""
    code = ord(ch) - 0xAC00
    if code < 0 or code > 11171:
        return [ch]
    out = [ch]
    final = code % 28
    if final not in (0, FINAL_S, FINAL_SS) and not (last and final == FINAL_M):
        return out
    opened = code - final
    if final:
        out.append(chr(0xAC00 + opened))
    medial = (opened // 28) % 21
    if medial in MEDIAL_BASE:
        out.append(chr(0xAC00 + opened + (MEDIAL_BASE[medial] - medial) * 28))
    return out


def forms(piece: str, last: bool = False) -> list[str]:
    """The stems a piece of a word may be: `stems` of its last syllable, and
    first the 르 verb it contracts (눌러 -> 누르, 골라 -> 고르, 흘렀 -> 흐르). The
    달 of 달라 is left alone: in chat it is mostly 달다 (`환불해 달라고`)."""
    head = piece[:-1]
    out = [head + ch for ch in stems(piece[-1], last)]
    if len(piece) > 1 and piece[-1] in REU_ENDINGS and piece[-2] != "달":
        code = ord(piece[-2]) - 0xAC00
        if 0 <= code <= 11171 and code % 28 == FINAL_L:
            out.insert(0, piece[:-2] + chr(0xAC00 + code - FINAL_L) + "르")
    return out


def jamo(word: str) -> list[str]:
    out = []
    for ch in word:
        code = ord(ch) - 0xAC00
        if code < 0 or code > 11171:
            out.append(ch)
            continue
        out += [f"i{code // 588}", f"m{(code // 28) % 21}"]
        if code % 28:
            out.append(f"f{code % 28}")
    return out


def distance(a: list[str], b: list[str]) -> int:
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i]
        for j in range(1, len(b) + 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])))
        prev = cur
    return prev[len(b)]


def _same_initials(a: str, b: str) -> bool:
    pairs = zip(a, b, strict=True)
    return all((ord(x) - 0xAC00) // 588 == (ord(y) - 0xAC00) // 588 for x, y in pairs)


def nearest(chunk: str, vocab: Vocabulary) -> str | None:
    """The term a misspelt word most likely meant: one jamo off, the same first
    syllable; in a two-syllable word only a vowel or a final may differ."""
    for length in range(min(len(chunk), vocab.longest), 1, -1):
        piece = chunk[:length]
        head = jamo(piece)
        for term in vocab.by_length.get(length, ()):
            if term[0] != piece[0] or term in vocab.stop:
                continue
            if distance(head, jamo(term)) > 1:
                continue
            if length > 2 or _same_initials(piece, term):
                return term
    return None


def strip_ending(word: str) -> str:
    for ending in ENDINGS_LONGEST_FIRST:
        if len(word) > len(ending) and word.endswith(ending):
            return word[: -len(ending)]
    return word


def segment(word: str, vocab: Vocabulary) -> list[dict]:
    """The cheapest split of a Hangul word into vocabulary terms."""
    n = len(word)
    best: list[dict | None] = [{"cost": 0, "parts": []}] + [None] * n
    for i in range(n):
        here = best[i]
        if here is None:
            continue
        # An unknown syllable before any term may be a misspelt word; after one,
        # most likely part of an ending, which is cheap to leave out.
        known = any("term" in p or "stop" in p for p in here["parts"])
        unknown = here["parts"] + [{"unknown": word[i]}]
        _relax(best, i + 1, here["cost"] + (1 if known else 3), unknown)
        # A one-syllable term only opens a word: elsewhere it is an ending. A
        # stop word of two syllables or more is a known piece that gives no
        # term (`가능한곳`: 가능 + 한곳, not one unknown word).
        for length in range(min(vocab.longest, n - i), (1 if i == 0 else 2) - 1, -1):
            piece = word[i : i + length]
            for term in forms(piece, last=i + length == n):
                if length > 1 and term in vocab.stop:
                    _relax(best, i + length, here["cost"] + 1, here["parts"] + [{"stop": term}])
                    break
                if term in vocab.terms and term not in vocab.stop:
                    cost = here["cost"] + (2 if length == 1 else 1)
                    _relax(best, i + length, cost, here["parts"] + [{"term": term}])
                    break
    last = best[n]
    assert last is not None  # one character at a time always reaches the end
    return _merge(last["parts"])


def _relax(best: list, at: int, cost: int, parts: list) -> None:
    if best[at] is None or cost < best[at]["cost"]:
        best[at] = {"cost": cost, "parts": parts}


def _merge(parts: list[dict]) -> list[dict]:
    """Adjacent unknown syllables form one chunk."""
    out: list[dict] = []
    for part in parts:
        if "unknown" in part and out and "unknown" in out[-1]:
            out[-1] = {"unknown": out[-1]["unknown"] + part["unknown"]}
        else:
            out.append(dict(part))
    return out


def korean_terms(word: str, vocab: Vocabulary, groups: list | None = None) -> list[str]:
    bare = strip_ending(word)
    if word in vocab.stop or bare in vocab.stop:
        return []
    out = []
    for k, part in enumerate(segment(word, vocab)):
        if "term" in part:
            out.append(part["term"])
        elif k == 0 and "unknown" in part:
            # An unknown start: a misspelling, or a word the KB never uses. Kept
            # (it turns on syllable pairs and counts against a good match),
            # with its nearest term.
            chunk = strip_ending(part["unknown"])
            if len(chunk) < 2 or chunk in vocab.stop:
                continue
            out.append(chunk)
            guess = nearest(chunk, vocab)
            if guess:
                out.append(guess)
                if groups is not None:
                    groups.append([guess, chunk])
        # unknown syllables after a term are particles and endings
    return out


def _counter_terms(match: re.Match) -> list[str]:
    """analysis.number_terms of a NUMBER_COUNTER match (its first group is the
    character before the number)."""
    return number_terms(*match.groups()[1:])


def _number(match: re.Match) -> list[str]:
    """The whole term of a number with its counter, then its pieces: `1일권` ->
    1일권, 1, 일, 1일; `2만 원` -> 20000원, 20000, 원."""
    value, counter, whole, *rest = _counter_terms(match)
    if match[5] == "권":
        return [rest[0], value, counter, whole]
    return [whole, value, counter]


def _unique(items: list[str]) -> list[str]:
    return [t for t in dict.fromkeys(items) if t != ""]


def parse(query: str, vocab: Vocabulary) -> ParsedQuery:
    """The query's words, the ids it may name, and its syllable pairs (for typos)."""
    text = nfc(query).strip()
    lower = text.lower()
    words: list[str] = []
    groups: list[list[str]] = []
    idents = ID.findall(lower)
    words += idents
    if WHOLE.fullmatch(text) and lower not in idents:
        idents.append(lower)
    # An id's parts are words too (refund-3: refund, 3), as mecab reads them.
    rest = ID.sub(lambda m: " " + re.sub(r"[-_]", " ", m[0]) + " ", lower)

    def counters(match: re.Match) -> str:
        words.extend(_counter_terms(match))
        groups.append(_number(match))
        return match[1] + " "

    def amounts(match: re.Match) -> str:
        value = amount(match)
        if value is None:
            return match[0]
        terms = amount_terms(value)
        words.extend(terms)
        groups.append([terms[2], terms[0], terms[1]])  # the whole term first
        return " "

    def natives(match: re.Match) -> str:
        terms = native_terms(match)
        words.extend(terms)
        groups.append(terms)
        return " "

    def ratios(match: re.Match) -> str:
        words.append(match[0])
        return " "

    rest = RATIO.sub(ratios, rest)
    rest = AMOUNT.sub(amounts, rest)
    rest = NATIVE.sub(natives, rest)
    rest = NUMBER_COUNTER.sub(counters, rest)
    for word in WORD.findall(rest):
        if JAMO.fullmatch(word):
            if word in vocab.terms:  # ㅅㅂ where the KB has it; ㅋㅋ is nothing
                words.append(word)
        elif HANGUL.search(word):
            words.extend(korean_terms(word, vocab, groups))
        else:
            words.append(word)
    grams = bigrams(text)
    kept = _unique([w for w in words if w not in vocab.stop])
    groups = [[g[0]] + [w for w in g[1:] if w in kept] for g in groups if g[0] in kept]
    return ParsedQuery(kept, _unique(idents), _unique(grams), _unique_lists(groups))


def _unique_lists(items: list[list[str]]) -> list[list[str]]:
    out: list[list[str]] = []
    for item in items:
        if item not in out:
            out.append(item)
    return out


def vocabulary_for(ix) -> Vocabulary:
    """The query vocabulary of an open whoosh index, on disk or in memory."""
    folder = getattr(ix.storage, "folder", None)  # a FileStorage's directory
    if folder:
        return vocabulary_of(str(folder))
    with ix.reader() as reader:
        return Vocabulary(vocabulary_terms(reader))


@lru_cache(maxsize=4)
def vocabulary_of(index_dir: str) -> Vocabulary:
    """The query vocabulary of an index directory (written when the index is)."""
    import json
    from pathlib import Path

    try:
        data = json.loads((Path(index_dir) / VOCAB_FILE).read_text(encoding="utf-8"))
        return Vocabulary(data["terms"])
    except (OSError, ValueError, KeyError):
        pass  # an index written without it: read the terms from the index itself
    from whoosh import index as windex

    with windex.open_dir(index_dir).reader() as reader:
        return Vocabulary(vocabulary_terms(reader))


VOCAB_FILE = "kb-vocab.json"
