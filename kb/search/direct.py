"""`query.rank` computed directly from the index's postings: the fast engine of `kb search`.

whoosh's searcher scores a query through a tree of matchers, one Python
call chain per posting and field; with `optimize=False` (needed, see
`query.rank`) a common word at 10,000 answers costs it about 0.15 s. Here
the same numbers come from the same index: each query term's postings are
read from whoosh's reader once, scored with whoosh's own BM25F function
(`whoosh.scoring.bm25`, the searcher's idf and average field length) and
added up in plain Python, term by term in the order `kb/search/memory.py`
adds them (the ranking `kb api` has long shared with `kb search`). The
candidates and the re-ranking are `query.rank`'s and `query.Coverage`'s.

It reads whoosh's per-document field lengths a whole field at a time (whoosh
asks for them one posting at a time); where that layout is not the one
expected, it asks whoosh per document, as whoosh does. Tests hold its
results equal to whoosh's (tests/test_search_direct.py).
"""

from __future__ import annotations

from . import query as Q


class _Postings:
    """The postings of the query's terms, read once per (field, term)."""

    def __init__(self, searcher):
        self.searcher = searcher
        self.reader = searcher.reader()
        self.leaves = list(self.reader.leaf_readers())
        self._lengths: dict[tuple[str, int], bytes | None] = {}
        self._docs: dict[tuple[str, str], dict[int, float]] = {}

    def scores(self, field: str, text: str) -> dict[int, float]:
        """Document number -> whoosh's score of the term in the field (before the boost)."""
        key = (field, text)
        found = self._docs.get(key)
        if found is None:
            found = self._docs[key] = self._read(field, text)
        return found

    def read_already(self, field: str, text: str) -> dict[int, float] | None:
        return self._docs.get((field, text))

    def _read(self, field: str, text: str) -> dict[int, float]:
        if (field, text) not in self.reader:
            return {}
        scorable = self.searcher.schema[field].scorable
        out: dict[int, float] = {}
        for n, (leaf, base) in enumerate(self.leaves):
            if (field, text) not in leaf:
                continue
            items = _items(leaf.postings(field, text))
            if not scorable:  # whoosh scores an unscorable field by the weight alone
                out.update((base + d, w) for d, w in items)
                continue
            lengths = self._leaf_lengths(field, n, leaf)
            if lengths is None:
                self._score_slowly(field, text, items, base, out)
                continue
            idf, norms = self._bm25_parts(field, text)
            k1p = self.searcher.weighting.K1 + 1
            for docnum, weight in items:
                norm = norms[lengths[docnum]] if docnum < len(lengths) else None
                if norm is None:  # not stored as expected: whoosh's own answer
                    out[base + docnum] = self._bm25(field, text, weight, base + docnum)
                else:
                    # whoosh.scoring.bm25, operation for operation (the same float)
                    out[base + docnum] = idf * ((weight * k1p) / (weight + norm))
        return out

    def _bm25_parts(self, field: str, text: str) -> tuple[float, list]:
        """The term's idf and, per stored length byte, bm25's length part
        `K1 * ((1 - B) + B * fl / avgfl)` (None for 0: a length whoosh does not give)."""
        from whoosh.util.numeric import byte_to_length

        weighting = self.searcher.weighting
        b, k1 = weighting.B, weighting.K1
        avgfl = self.searcher.avg_field_length(field) or 1
        norms: list = [None] + [k1 * ((1 - b) + b * byte_to_length(n) / avgfl)
                                for n in range(1, 256)]
        return self.searcher.idf(field, text), norms

    def _bm25(self, field: str, text: str, weight: float, docnum: int) -> float:
        from whoosh.scoring import bm25

        weighting = self.searcher.weighting
        length = self.reader.doc_field_length(docnum, field, 1)
        avgfl = self.searcher.avg_field_length(field) or 1
        return bm25(self.searcher.idf(field, text), weight, length, avgfl, weighting.B,
                    weighting.K1)

    def _score_slowly(self, field: str, text: str, items, base: int, out: dict) -> None:
        for docnum, weight in items:
            out[base + docnum] = self._bm25(field, text, weight, base + docnum)

    def _leaf_lengths(self, field: str, n: int, leaf) -> bytes | None:
        key = (field, n)
        if key not in self._lengths:
            self._lengths[key] = _stored_lengths(leaf, field)
        return self._lengths[key]


def _items(matcher):
    """(docnum, weight) of every posting: a block at a time where whoosh 2.7's leaf
    matcher is the one reading (the weights its scorer reads), else one at a time."""
    deleted: frozenset | set = frozenset()
    if (type(matcher).__name__ == "FilterMatcher" and getattr(matcher, "_exclude", False)
            and type(getattr(matcher, "child", None)).__name__ == "W3LeafMatcher"):
        # a segment with deleted documents: whoosh wraps its postings in a
        # filter that leaves them out, one posting at a time
        deleted, matcher = matcher._ids, matcher.child
    if type(matcher).__name__ != "W3LeafMatcher":
        yield from matcher.items_as("weight")
        return
    while matcher.is_active():
        if matcher._ids is None:
            matcher._read_ids()
        if matcher._weights is None:
            matcher._read_weights()
        at = matcher._i
        block = zip(matcher._ids[at:], matcher._weights[at:], strict=True)
        if deleted:
            yield from ((d, w) for d, w in block if d not in deleted)
        else:
            yield from block
        matcher._next_block()


def _stored_lengths(leaf, field: str) -> bytes | None:
    """A segment's length byte of every document in `field`, read in one piece;
    None when whoosh's storage is not laid out as expected (whoosh is then asked
    per document, as its scorer does).

    whoosh 2.7's codec keeps one byte per document in the column `_<field>_len`
    (`doc_field_length` decodes it with `byte_to_length`); documents past the
    column's end have the byte 0.
    """
    try:
        from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield

        column = leaf._perdoc._cached_reader(_lenfield(field), LENGTHS_COLUMN)
        if column is None or column._fixedlen != 1:
            return None
        return bytes(column._dbfile.get(column._basepos, column._count))
    except (ImportError, AttributeError, TypeError, ValueError, OSError):
        return None


def _filter(postings: _Postings, kind: str | None, tag: str | None) -> set[int] | None:
    """`query._filter` as a set of documents: those with every filter term."""
    allowed: set[int] | None = None
    for field, text in Q.filter_terms(kind, tag):
        docs = set(postings.scores(field, text))
        allowed = docs if allowed is None else allowed & docs
    return allowed


def rank(searcher, parsed: Q.ParsedQuery, limit: int = 10, kind: str | None = None,
         tag: str | None = None) -> list[tuple]:
    """What `query.rank` returns, (score, hit, good) best first, from the postings."""
    postings = _Postings(searcher)
    reader = postings.reader
    terms = [(f, w, b) for w in parsed.words for f, b in Q.FIELD_BOOSTS.items()]
    if not all(Q._known(reader, word) for word in parsed.words):
        terms += [("gram", g, Q.GRAM_BOOST) for g in parsed.grams]
    terms += [("ident", i, Q.IDENT_BOOST) for i in parsed.idents]
    raw: dict[int, float] = {}
    for field, text, boost in terms:
        for docnum, score in postings.scores(field, text).items():
            raw[docnum] = raw.get(docnum, 0.0) + score * boost
    allowed = _filter(postings, kind, tag)
    if allowed is not None:
        raw = {d: s for d, s in raw.items() if d in allowed}
    wanted = max(limit * Q.CANDIDATES, Q.MIN_CANDIDATES)
    # whoosh's order: by score, ties in document order
    candidates = sorted(raw, key=lambda d: (-raw[d], d))[:wanted]
    coverage = _Coverage(postings, parsed, candidates)
    scored = []
    for docnum in candidates:
        hit = Q.StoredHit(docnum, reader.stored_fields(docnum))
        scored.append((raw[docnum] * coverage.factor(hit), hit, coverage.good(docnum)))
    scored.sort(key=lambda item: -item[0])
    return scored[:limit]


class _Coverage(Q.Coverage):
    """`query.Coverage` for the candidates, from the postings already read where
    there are some (the scored fields), else by skipping through the postings to
    the candidates as `query.Coverage` does (a query word as a syllable pair or
    an id: read whole, those lists would cost more than the whole query)."""

    def __init__(self, postings: _Postings, parsed: Q.ParsedQuery, candidates: list[int]):
        self.words = words = parsed.words
        idents = parsed.idents
        self._weigh(postings.reader, words, parsed.groups)
        self._postings = postings
        self._candidates = sorted(candidates)
        self.anywhere = [self._holding(w, Q.SCORED) for w in words]
        self.title = [self._holding(w, ("title",)) for w in words]
        self.title_syn = [self._holding(w, ("title", "tsyn")) for w in words]
        self.asked_for = set().union(*(self._holding(i, ("ident",)) for i in idents))

    def _holding(self, text: str, fields) -> set[int]:
        """The candidates that have `text` in any of `fields`."""
        found: set[int] = set()
        for name in fields:
            read = self._postings.read_already(name, text)
            if read is None:
                found |= Q.Coverage._docs(self._postings.reader, text, (name,), self._candidates)
            else:
                found.update(d for d in self._candidates if d in read)
        return found
