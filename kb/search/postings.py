"""The search index as per-term postings with kb's own weights, for the site.

The site's search box must rank like `kb search` (kb/search/query.py): the
same documents, the same analysis, the same scores. So instead of a second
engine, the build asks whoosh, through its public query API, for the score of
every term in each role the query gives it, and writes them out:

- as a word: the sum over FIELD_BOOSTS' fields (what `whoosh_query` asks);
- as a syllable pair (typos): the `gram` field at GRAM_BOOST;
- as an id: the `ident` field at IDENT_BOOST;

with, per document, whether the term is in its title (and title synonyms),
its kind and which of an answer's questions hold it (index.asks_of), and per
term the weight `idf_weight` gives it and whether it is known (`_known`).
The browser adds these up exactly as `rank()` does.

Terms are grouped into shards by a hash of the term, so that a query fetches
only the few shards its terms fall in: at 10,000 answers the whole index is
tens of megabytes, a query's share of it a few hundred kilobytes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from . import query as q
from . import querytext
from .index import KIND_ANSWER, KIND_CLAUSE, KIND_MANUAL

KIND_CODES = {KIND_ANSWER: 0, KIND_CLAUSE: 1, KIND_MANUAL: 2}
IN_TITLE, IN_TITLE_SYN = 1, 2  # flag bits; the kind code sits above them (<< 2)
KIND_BITS = 2
ASK_SHIFT = 4  # bit ASK_SHIFT + j: the answer's question j holds the term
KNOWN_FIELDS = querytext.WORD_FIELDS  # what query._known looks at
DIGITS = 6  # scores are written rounded; near-ties may still swap (tested with a tolerance)


@dataclass
class Doc:
    number: int  # position in the site's document table (whoosh docnum order)
    docnum: int
    kind: str
    id: str
    stored: dict


@dataclass
class Term:
    text: str
    weight: float  # idf_weight
    known: bool
    # document number -> [word score, gram score, ident score, flags]
    postings: dict[int, list] = field(default_factory=dict)

    def encode(self) -> list:
        """[weight, known, doc, word, gram, ident, flags, doc, ...], docs in order."""
        out: list = [round(self.weight, 6), int(self.known)]
        for number in sorted(self.postings):
            word, gram, ident, flags = self.postings[number]
            out += [number, _num(word), _num(gram), _num(ident), flags]
        return out


def _num(value: float):
    value = round(value, DIGITS)
    return int(value) if value == int(value) else value


def documents(reader) -> list[Doc]:
    """Every indexed document, in whoosh's order (whoosh breaks score ties by it)."""
    found = sorted(reader.iter_docs(), key=lambda pair: pair[0])
    return [Doc(n, d, s["kind"], s["id"], s) for n, (d, s) in enumerate(found)]


# Each field a term is looked up in: field -> (boost, slot of the score, flag bits).
ROLES = {f: (b, 0, 0) for f, b in q.FIELD_BOOSTS.items()}
ROLES["title"] = (q.FIELD_BOOSTS["title"], 0, IN_TITLE | IN_TITLE_SYN)
ROLES["tsyn"] = (q.FIELD_BOOSTS["tsyn"], 0, IN_TITLE_SYN)
ROLES["gram"] = (q.GRAM_BOOST, 1, 0)
ROLES["ident"] = (q.IDENT_BOOST, 2, 0)


def all_terms(searcher, docs: list[Doc]) -> Iterator[Term]:
    """Every term's postings, in term order, scored as `whoosh_query` scores it in each role.

    Term by term (one term's postings in memory at a time), each posting
    scored with whoosh's own BM25F formula (`whoosh.scoring.bm25`, the
    searcher's idf, average field length, B and K1), as its Term matchers
    score it: asking whoosh for a matcher per term and field costs a scorer
    each, and whoosh's Or matcher an array the size of the index, far too
    slow for every term of a large KB. Sums may differ from whoosh's in the
    last bits (another order of addition); DIGITS rounds that away and the
    equal-ranking test checks it.
    """
    reader = searcher.reader()
    numbers = {docnum: i for i, docnum in enumerate(d.docnum for d in docs)}
    kinds = [KIND_CODES.get(d.kind, 2) << KIND_BITS for d in docs]
    asks = _ask_bits(docs)
    fields_of: dict[str, list[str]] = {}
    for name in ROLES:
        for btext in reader.lexicon(name):
            fields_of.setdefault(btext.decode("utf-8"), []).append(name)
    count = reader.doc_count()
    fields = {name: _Field(searcher, name, numbers) for name in ROLES}
    for text in sorted(fields_of):
        entry = Term(text, 0.0, False)
        found = 0
        for name in fields_of[text]:
            entry.known = entry.known or name in KNOWN_FIELDS
            found = max(found, reader.doc_frequency(name, text))
            fields[name].score(searcher, entry, numbers, kinds)
        entry.weight = q.weight_of(count, found) if found else 0.0
        for number, bits in asks.get(text, {}).items():
            row = entry.postings.get(number)  # there is one: asks_of keeps to indexed terms
            if row is not None:
                row[3] |= bits
        yield entry


def _ask_bits(docs: list[Doc]) -> dict[str, dict[int, int]]:
    """Term -> document number -> the bits of the questions that hold it."""
    out: dict[str, dict[int, int]] = {}
    for doc in docs:
        for j, terms in enumerate(doc.stored.get("asks") or ()):
            for term in terms:
                held = out.setdefault(term, {})
                held[doc.number] = held.get(doc.number, 0) | (1 << (ASK_SHIFT + j))
    return out


class _Field:
    """What scoring a field's postings needs, read once: its lengths per document."""

    def __init__(self, searcher, name: str, numbers: dict[int, int]):
        reader = searcher.reader()
        self.name = name
        self.boost, self.slot, self.bits = ROLES[name]
        self.scorable = searcher.schema[name].scorable  # whoosh scores others by weight
        self.avgfl = searcher.avg_field_length(name) or 1
        self.lengths = {d: reader.doc_field_length(d, name, 1) for d in numbers}

    def score(self, searcher, entry: Term, numbers: dict[int, int], kinds: list[int]) -> None:
        from whoosh.scoring import bm25

        weighting = searcher.weighting
        b, k1 = weighting.B, weighting.K1
        idf = searcher.idf(self.name, entry.text)
        postings, slot, bits, boost = entry.postings, self.slot, self.bits, self.boost
        for docnum, weight in searcher.reader().postings(self.name, entry.text).items_as("weight"):
            number = numbers.get(docnum)
            if number is None:
                continue  # a deleted document
            score = weight
            if self.scorable:
                score = bm25(idf, weight, self.lengths[docnum], self.avgfl, b, k1)
            row = postings.get(number)
            if row is None:
                row = postings[number] = [0.0, 0.0, 0.0, kinds[number]]
            row[slot] += boost * score
            row[3] |= bits


def shard_of(text: str, shards: int) -> int:
    """FNV-1a over UTF-16 code units: the browser computes the same in search.js."""
    value = 0x811C9DC5
    data = text.encode("utf-16-le")
    for i in range(0, len(data), 2):
        value ^= data[i] | (data[i + 1] << 8)
        value = (value * 0x01000193) & 0xFFFFFFFF
    return value % shards
