"""The search index as per-term postings with kb's own weights, for the site.

The site's search box must rank like `kb search` (kb/search/query.py): the
same documents, the same analysis, the same scores. So instead of a second
engine, the build asks whoosh, through its public query API, for the score of
every term in each role the query gives it, and writes them out:

- as a word: the sum over FIELD_BOOSTS' fields (what `whoosh_query` asks);
- as a syllable pair (typos): the `gram` field at GRAM_BOOST;
- as an id: the `ident` field at IDENT_BOOST;

with, per document, whether the term is in its title (and title synonyms),
its kind, and per term the weight `idf_weight` gives it and whether it is
known (`_known`). The browser adds these up exactly as `rank()` does.

Terms are grouped into shards by a hash of the term, so that a query fetches
only the few shards its terms fall in: at 10,000 answers the whole index is
tens of megabytes, a query's share of it a few hundred kilobytes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from . import query as q
from .index import KIND_ANSWER, KIND_CLAUSE, KIND_MANUAL

KIND_CODES = {KIND_ANSWER: 0, KIND_CLAUSE: 1, KIND_MANUAL: 2}
IN_TITLE, IN_TITLE_SYN = 1, 2  # flag bits; the kind code sits above them (<< 2)
ALL_FIELDS = (*q.FIELD_BOOSTS, "gram", "ident")
KNOWN_FIELDS = ("title", "body", "ask", "syn")  # what query._known looks at
DIGITS = 4  # scores are written rounded; the test of equal ranking allows for it


@dataclass
class Doc:
    number: int  # position in the site's document table (whoosh docnum order)
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
    return [Doc(n, s["kind"], s["id"], s) for n, (_, s) in enumerate(found)]


def term_texts(reader) -> list[str]:
    texts: set[str] = set()
    for name in ALL_FIELDS:
        texts.update(t.decode("utf-8") for t in reader.lexicon(name))
    return sorted(texts)


def _scores(searcher, query) -> Iterator[tuple[int, float]]:
    matcher = query.matcher(searcher, searcher.context())
    while matcher.is_active():
        yield matcher.id(), matcher.score()
        matcher.next()


def _ids(reader, name: str, text: str) -> Iterator[int]:
    if (name, text) in reader:
        yield from reader.postings(name, text).all_ids()


def term(searcher, text: str, numbers: dict[int, int], kinds: dict[int, int]) -> Term:
    """The postings of one term, scored as `whoosh_query` scores it in each role."""
    from whoosh import query as wq

    reader = searcher.reader()
    entry = Term(
        text,
        q.idf_weight(reader, text),
        any((name, text) in reader for name in KNOWN_FIELDS),
    )
    roles = (
        wq.Or([wq.Term(f, text, boost=b) for f, b in q.FIELD_BOOSTS.items()]),
        wq.Term("gram", text, boost=q.GRAM_BOOST),
        wq.Term("ident", text, boost=q.IDENT_BOOST),
    )
    for slot, role in enumerate(roles):
        for docnum, score in _scores(searcher, role):
            row = entry.postings.setdefault(numbers[docnum], [0.0, 0.0, 0.0, kinds[docnum]])
            row[slot] = score
    for bit, names in ((IN_TITLE, ("title",)), (IN_TITLE_SYN, ("title", "tsyn"))):
        for name in names:
            for docnum in _ids(reader, name, text):
                entry.postings[numbers[docnum]][3] |= bit
    return entry


def all_terms(searcher, docs: list[Doc]) -> Iterator[Term]:
    reader = searcher.reader()
    docnums = sorted(n for n, _ in reader.iter_docs())
    numbers = {docnum: i for i, docnum in enumerate(docnums)}
    kinds = {docnum: KIND_CODES.get(docs[i].kind, 2) << 2 for docnum, i in numbers.items()}
    for text in term_texts(reader):
        yield term(searcher, text, numbers, kinds)


def shard_of(text: str, shards: int) -> int:
    """FNV-1a over UTF-16 code units: the browser computes the same in search.js."""
    value = 0x811C9DC5
    data = text.encode("utf-16-le")
    for i in range(0, len(data), 2):
        value ^= data[i] | (data[i + 1] << 8)
        value = (value * 0x01000193) & 0xFFFFFFFF
    return value % shards
