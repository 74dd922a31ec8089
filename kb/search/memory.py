"""The ranking of `query.search`, computed from arrays kept in memory.

A long-running process (`kb api`) answers many queries against one index.
whoosh recomputes BM25F for every posting of every query, which costs
hundreds of milliseconds on 10,000 answers. Here each term's postings are
read once, scored once (the same BM25F numbers whoosh computes: the index
does not change under a snapshot), and kept as numpy arrays; a query then
adds a handful of arrays and reranks the best candidates exactly as
`query.search` does. `tests/test_search_memory.py` holds the two equal.
"""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import numpy as np

from . import query as Q
from . import querytext
from .index import KIND_ANSWER, KIND_CLAUSE


class MemoryIndex:
    """One open whoosh index, with per-term score arrays cached on first use.

    Thread-safe: the caches only grow, and every entry is computed from an
    index that no longer changes; two threads computing one term store the
    same arrays.
    """

    def __init__(self, ix):
        self.ix = ix
        self.searcher = ix.searcher()
        self.reader = self.searcher.reader()
        self.size = self.reader.doc_count_all()
        self.live = np.zeros(self.size, dtype=bool)
        self.live[list(self.reader.all_doc_ids())] = True  # deleted documents never match
        self._postings: dict[tuple[str, str], tuple[np.ndarray, np.ndarray]] = {}
        self._lengths: dict[str, np.ndarray] = {}
        self._stored: dict[int, dict] = {}
        self._idf: dict[str, float] = {}
        self._clauses: dict[str, tuple] = {}
        self._vocabulary = None
        self._lock = threading.Lock()  # whoosh's readers are not safe across threads

    def close(self) -> None:
        self.searcher.close()

    # --- postings ----------------------------------------------------------

    def _field_lengths(self, field: str) -> np.ndarray:
        if field not in self._lengths:
            length = self.reader.doc_field_length
            self._lengths[field] = np.array(
                [length(d, field, 0) for d in range(self.size)], dtype=np.float64
            )
        return self._lengths[field]

    def postings(self, field: str, text: str) -> tuple[np.ndarray, np.ndarray]:
        """(document numbers, BM25F score) of a term, as whoosh scores it."""
        key = (field, text)
        found = self._postings.get(key)
        if found is not None:
            return found
        with self._lock:
            found = self._read(field, text)
        self._postings[key] = found
        return found

    def _read(self, field: str, text: str) -> tuple[np.ndarray, np.ndarray]:
        from whoosh.scoring import bm25

        if (field, text) not in self.reader:
            return np.empty(0, dtype=np.int64), np.empty(0)
        matcher = self.reader.postings(field, text)
        ids, tfs = [], []
        while matcher.is_active():
            ids.append(matcher.id())
            tfs.append(matcher.weight())
            matcher.next()
        docs = np.array(ids, dtype=np.int64)
        keep = self.live[docs]
        docs, weights = docs[keep], np.array(tfs, dtype=np.float64)[keep]
        if not self.searcher.schema[field].scorable:
            return docs, weights
        weighting = self.searcher.weighting
        idf = self.searcher.idf(field, text)
        avgfl = self.searcher.avg_field_length(field) or 1
        scores = bm25(
            idf, weights, self._field_lengths(field)[docs], avgfl, weighting.B, weighting.K1
        )
        return docs, scores

    def warm(self, fields=tuple(Q.FIELD_BOOSTS)) -> int:
        """Score every term of these fields now, so that no query pays for a first read.

        A few seconds at 10,000 answers, once per snapshot; syllable pairs and
        ids, rarely asked for, are still read on first use.
        """
        count = 0
        for field in fields:
            for text in list(self.reader.lexicon(field)):
                self.postings(field, text.decode("utf-8") if isinstance(text, bytes) else text)
                count += 1
        return count

    def docs(self, field: str, text: str) -> np.ndarray:
        return self.postings(field, text)[0]

    def stored(self, docnum: int) -> Q.StoredHit:
        if docnum not in self._stored:
            with self._lock:
                self._stored[docnum] = self.reader.stored_fields(docnum)
        return Q.StoredHit(docnum, self._stored[docnum])

    def idf(self, word: str) -> float:
        """`query.idf_weight`, cached: how much a word tells documents apart."""
        if word not in self._idf:
            with self._lock:
                self._idf[word] = Q.idf_weight(self.reader, word)
        return self._idf[word]

    # --- scoring -----------------------------------------------------------

    def _known(self, word: str) -> bool:
        return any(len(self.docs(field, word)) for field in querytext.WORD_FIELDS)

    def _raw(self, parsed: Q.ParsedQuery) -> np.ndarray:
        """whoosh's score of `query.whoosh_query`: a sum over matched terms and fields."""
        scores = np.zeros(self.size)
        terms = [(f, w, b) for w in parsed.words for f, b in Q.FIELD_BOOSTS.items()]
        if not all(self._known(word) for word in parsed.words):
            terms += [("gram", g, Q.GRAM_BOOST) for g in parsed.grams]
        terms += [("ident", i, Q.IDENT_BOOST) for i in parsed.idents]
        matched = np.zeros(self.size, dtype=bool)
        for field, text, boost in terms:
            docs, weights = self.postings(field, text)
            scores[docs] += weights * boost
            matched[docs] = True
        scores[~matched] = -1.0
        return scores

    def _allowed(self, kind: str | None, tag: str | None) -> np.ndarray | None:
        allowed = None
        for field, text in Q.filter_terms(kind, tag):
            mask = np.zeros(self.size, dtype=bool)
            mask[self.docs(field, text)] = True
            allowed = mask if allowed is None else allowed & mask
        return allowed

    def _factor(self, parsed: Q.ParsedQuery, candidates: list[int]) -> tuple[dict, dict]:
        """`query.Coverage.factor` and `.good` for each candidate document, vectorised."""
        cands = np.array(candidates, dtype=np.int64)
        idf = [self.idf(w) for w in parsed.words]
        weights = np.array(Q.counted_once(parsed.words, idf, parsed.groups))
        total = weights.sum()

        def share(fields) -> np.ndarray:
            if not total:
                return np.ones(len(cands))
            found = np.zeros((len(parsed.words), len(cands)), dtype=bool)
            for i, word in enumerate(parsed.words):
                for field in fields:
                    found[i] |= self._contains(field, word, cands)
            return weights @ found / total

        everywhere = share(Q.SCORED)
        in_title = (share(("title",)) + share(("title", "tsyn"))) / 2
        kinds = np.array([Q.KIND_BOOSTS.get(self.stored(d)["kind"], 1.0) for d in candidates])
        closest = np.array([Q.asked_share(parsed.words, weights.tolist(), total,
                                          self.stored(d).get("asks")) for d in candidates])
        factor = kinds * (0.5 + everywhere) ** 2 * (1 + Q.TITLE_WEIGHT * in_title) * (
            1 + Q.QUESTION_WEIGHT * closest)
        # query.Coverage.good: an id asked for, or enough of the query's weight,
        # a word the KB never uses weighing as much as the rarest one.
        rarest = Q.weight_of(self.reader.doc_count(), 0)
        unknown = rarest * sum(1 for w in idf if not w)
        asked = np.zeros(len(cands), dtype=bool)
        for ident in parsed.idents:
            asked |= self._contains("ident", ident, cands)
        if total:
            good = asked | (everywhere * total / (total + unknown) >= Q.GOOD_MATCH)
        else:
            good = asked
        return (dict(zip(candidates, factor.tolist(), strict=True)),
                dict(zip(candidates, good.tolist(), strict=True)))

    def _contains(self, field: str, text: str, cands: np.ndarray) -> np.ndarray:
        """Which candidates hold the term: postings are sorted by document number."""
        docs = self.docs(field, text)
        if not len(docs):
            return np.zeros(len(cands), dtype=bool)
        at = np.minimum(np.searchsorted(docs, cands), len(docs) - 1)
        return docs[at] == cands

    def search(
        self,
        query: str,
        limit: int = 10,
        kind: str | None = None,
        tag: str | None = None,
        on: date | None = None,
    ) -> list[Q.Hit]:
        """Exactly `query.search_with(searcher, ...)`, from memory."""
        parsed = Q.parse_query(query, self.vocabulary())
        if parsed.empty:
            return []
        scores = self._raw(parsed)
        allowed = self._allowed(kind, tag)
        if allowed is not None:
            scores[~allowed] = -1.0
        wanted = max(limit * Q.CANDIDATES, Q.MIN_CANDIDATES)
        top = _top(scores, wanted)
        factor, good = self._factor(parsed, top)
        scored = sorted(((scores[d] * factor[d], d) for d in top), key=lambda p: -p[0])
        best = [(float(score), self.stored(d), good[d]) for score, d in scored[:limit]]
        return self._hits(parsed, best, on or date.today())

    def vocabulary(self):
        """The terms a query is split into (kb/search/querytext.py), read once."""
        if self._vocabulary is None:
            with self._lock:
                self._vocabulary = Q.reader_vocabulary(self.reader)
        return self._vocabulary

    def _hits(self, parsed: Q.ParsedQuery, best, day: date) -> list[Q.Hit]:
        wanted = {c for _, hit, _ in best for c in (hit.get("meta") or {}).get("cites", [])}
        wanted |= {hit["id"] for _, hit, _ in best if hit["kind"] == KIND_CLAUSE}
        clauses = self._clause_table(wanted)
        return [
            Q._hit(hit, score, clauses, day, parsed.words, good) for score, hit, good in best
        ]

    def _clause_table(self, clause_ids: set[str]):
        """`query._clause_table`, one clause at a time, each read from the index once."""
        from ..model import KB

        kb = KB(*(Path("."),) * 5)
        for clause_id in clause_ids:
            if clause_id not in self._clauses:
                with self._lock:
                    table = Q._clause_table(self.searcher, {clause_id})
                self._clauses[clause_id] = (
                    table.clauses.get(clause_id),
                    table.superseders.get(clause_id),
                )
            clause, superseders = self._clauses[clause_id]
            if clause is not None:
                kb.clauses[clause_id] = clause
            if superseders:
                kb.superseders[clause_id] = superseders
        return kb


def _top(scores: np.ndarray, count: int) -> list[int]:
    """Matched documents by score, best first; ties in document order, as whoosh collects."""
    matched = np.flatnonzero(scores >= 0)
    if len(matched) > count:
        cut = np.partition(scores[matched], -count)[-count]
        matched = matched[scores[matched] >= cut]
    order = sorted(matched.tolist(), key=lambda d: (-scores[d], d))
    return order[:count]


__all__ = ["KIND_ANSWER", "MemoryIndex"]
