"""Search a KB: `search(kb_or_config, query) -> list[Hit]`, best first.

The query is split into the index's own terms (kb/search/querytext.py, the
same reading as the site's search box), so particles and endings do not
matter. Each query word may match a title, the body, tags or the synonyms
of the document's words; syllable pairs catch typos and odd spacing when a
query word is unknown. Answers (what an agent sends) rank above clauses and manual pages,
and a document that matches more of the query's words ranks above one that
matches a single word many times.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from .. import rules as _rules
from ..config import KBConfig, read_config
from ..messages import t
from ..model import KB, Clause, Version, tag_path
from . import analysis, querytext
from .index import KIND_ANSWER, KIND_CLAUSE, KIND_MANUAL, searching
from .querytext import ParsedQuery, Vocabulary

KINDS = (KIND_ANSWER, KIND_CLAUSE, KIND_MANUAL)
# Weights of each field for one query word. `ask` is an answer's `questions:`,
# how customers ask for it: a word a customer's question shares with one of
# them says more than one it shares with the title, the agents' summary
# (seen sets, tuning / held-out / blind MRR@10: at 1.0 0.961 / 0.938 / 0.907,
# at 3.0 0.970 / 0.945 / 0.950, flat to 4.0, lower again from 5.0). A word the
# title's synonyms supply (`tsyn`) weighs a little less than the body's own
# words: at 1.0 a clause titled `환불 수수료` could outrank the answer titled
# `돈이 돌아오는 시점` for `돈 언제 들어와요` (the evaluation sets: flat from 0.9 to 1.0).
# TITLE_WEIGHT 1.5 (was 2.0) and GRAM_BOOST 1.5 (was 0.25) were fitted on the nine
# seen sets together (560 queries; mean MRR@10 0.921 to 0.936), and blind10's totals,
# its misses unread, went 0.817 to 0.829. Syllable pairs, asked for only when a query
# word is unknown, find what the reading of words misses (no spaces, typos, clipped
# words). The title's field stays at 2.0: at 1.5 (0.002 better on the sets) the small
# test KB's clause `환불 수수료` outranked the answer again.
# `syn` went from 0.7 to 1.0 and answers' kind boost from 1.5 to 2.0 when they
# were weighed on the 14 seen sets (860 queries) twice: on the sample KB as it is
# (mean MRR@10 0.9069 -> 0.9086) and on a copy whose answers have no `questions:`
# (0.717 -> 0.728), where an answer's synonyms and its kind are what lift it
# above the clause whose formal wording shares the query's words.
FIELD_BOOSTS = {
    "title": 2.0, "body": 1.0, "tags": 2.0, "ask": 3.0, "syn": 1.0, "tsyn": 0.9
}
# Every field a query word is looked for in: the weighted ones, syllable pairs, ids.
SCORED = (*FIELD_BOOSTS, "gram", "ident")
TITLE_WEIGHT = 1.5  # a query word found in the title counts this much more
# How much more an answer counts when one of its `questions:` holds all of the
# query's weight (Coverage.asked). The `ask` field adds up words found in any
# question; this rewards the words a customer used together appearing together
# in one question, which tells near-twin answers apart (`견인됐대요` and `견인비
# 못 내요`). Fitted on the 14 seen sets (860 queries): mean MRR@10 0.903 -> 0.907
# at 0.3, 0.907 from 0.3 to 1.0; weighing each question's share by its length
# (a Dice overlap) gave 0.905.
QUESTION_WEIGHT = 0.3
GRAM_BOOST = 1.5
IDENT_BOOST = 20.0
# What an agent sends first; manual pages are background reading.
KIND_BOOSTS = {KIND_ANSWER: 2.0, KIND_CLAUSE: 1.0, KIND_MANUAL: 0.8}
# A result matches well when it holds at least this share of the query's weight
# (or its id was asked for); when none does, both searches say
# no_good_answer() (the catalogue's `search.no_good_answer`).
GOOD_MATCH = 0.35
# Whoosh is asked for this many candidates per result wanted, then they are re-ranked.
CANDIDATES = 4
MIN_CANDIDATES = 40
MARK_START, MARK_END = "<mark>", "</mark>"
# How a query is scored: whoosh's searcher, or the same numbers added up from
# the postings directly (kb/search/direct.py, several times faster cold).
# Both give the same results (tests/test_search_direct.py); the direct one is the default.
ENGINES = ("direct", "whoosh")


@dataclass
class CitedClause:
    id: str
    state: str  # current, future, expired, retired, superseded, or unknown

    def to_dict(self) -> dict:
        return {"id": self.id, "state": self.state}


@dataclass
class Hit:
    kind: str
    id: str
    title: str
    path: str
    score: float
    tags: list[str] = field(default_factory=list)
    snippet: str = ""  # matched words wrapped in <mark>...</mark>
    status: str = "active"  # an answer's status, or a clause's state
    cites: list[CitedClause] = field(default_factory=list)
    good: bool = True  # matches the query well (GOOD_MATCH)

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "id": analysis.nfc(self.id),
            "title": self.title,
            "path": analysis.nfc(self.path),
            "score": round(self.score, 4),
            "tags": self.tags,
            "snippet": self.snippet.replace(MARK_START, "").replace(MARK_END, ""),
            "status": self.status,
            "cites": [c.to_dict() for c in self.cites],
            "good": self.good,
        }


def _config(kb_or_config) -> KBConfig:
    if isinstance(kb_or_config, KBConfig):
        return kb_or_config
    if isinstance(kb_or_config, KB):
        return read_config(kb_or_config.config_file)
    return read_config(Path(kb_or_config))


def parse_query(text: str, vocabulary: Vocabulary) -> ParsedQuery:
    """The query read as the site's search box reads it (kb/search/querytext.py)."""
    return querytext.parse(text, vocabulary)


def whoosh_query(parsed: ParsedQuery, reader=None):
    """Each word in any field; syllable pairs only when a word is unknown (a typo?)."""
    from whoosh import query as q

    parts = []
    for word in parsed.words:
        parts.append(q.Or([q.Term(f, word, boost=b) for f, b in FIELD_BOOSTS.items()]))
    if reader is None or not all(_known(reader, word) for word in parsed.words):
        parts.extend(q.Term("gram", g, boost=GRAM_BOOST) for g in parsed.grams)
    parts.extend(q.Term("ident", i, boost=IDENT_BOOST) for i in parsed.idents)
    return q.Or(parts)


def _known(reader, word: str) -> bool:
    return any((field, word) in reader for field in querytext.WORD_FIELDS)


def filter_terms(kind: str | None, tag: str | None) -> list[tuple[str, str]]:
    """The (field, term) pairs a result must have: its kind, its tag or a tag below it.
    Each engine applies them its own way (whoosh's And, a set intersection)."""
    terms = []
    if kind:
        terms.append(("kind", kind))
    if tag:
        # `환불/` and ` 환불 / 처리 ` name the tags `환불` and `환불/처리`.
        terms.append(("tagpath", tag_path(tag)))
    return terms


def _filter(kind: str | None, tag: str | None):
    from whoosh import query as q

    terms = [q.Term(field, text) for field, text in filter_terms(kind, tag)]
    return q.And(terms) if terms else None


class Coverage:
    """Which of the candidate documents contain each query word, overall and in the title.

    Each posting list is only skipped through to the candidates: far cheaper
    than reading whole lists, or asking whoosh for every hit's matched terms,
    on a KB of 10,000 answers.
    """

    def __init__(self, searcher, words: list[str], docnums, idents: Sequence[str] = (),
                 groups: Sequence[list[str]] = ()):
        self.words = words
        docnums = sorted(docnums)
        reader = searcher.reader()
        self._weigh(reader, words, groups)
        # Also as a syllable pair or an id: `언제` inside `언제든` still counts.
        anywhere = SCORED
        self.anywhere = [self._docs(reader, w, anywhere, docnums) for w in words]
        self.title = [self._docs(reader, w, ("title",), docnums) for w in words]
        self.title_syn = [self._docs(reader, w, ("title", "tsyn"), docnums) for w in words]
        self.asked_for = set().union(*(self._docs(reader, i, ("ident",), docnums) for i in idents))

    def _weigh(self, reader, words: list[str], groups) -> None:
        """Each word's weight in the share of the query (counted_once), their total,
        and the weight of the words the KB never uses."""
        weights = [idf_weight(reader, w) for w in words]
        self.weights = counted_once(words, weights, groups)
        self.total = sum(self.weights)
        # For telling a good match: a word the KB never uses weighs most of all,
        # since the question is then about something the KB does not cover.
        rarest = idf_weight(reader, "", found=0)
        self.unknown = sum(rarest for w in weights if not w)

    @staticmethod
    def _docs(reader, word: str, fields, docnums: list[int]) -> set[int]:
        found = set()
        for name in fields:
            if (name, word) not in reader:
                continue
            postings = reader.postings(name, word)
            for docnum in docnums:
                if not postings.is_active():
                    break
                if postings.id() < docnum:
                    postings.skip_to(docnum)
                if postings.is_active() and postings.id() == docnum:
                    found.add(docnum)
        return found

    def share(self, docnum: int, sets: list[set[int]]) -> float:
        """The part of the query's weight this document matches: rare words weigh more."""
        if not self.total:
            return 1.0
        matched = (w for w, docs in zip(self.weights, sets, strict=True) if docnum in docs)
        return sum(matched) / self.total

    def good(self, docnum: int) -> bool:
        """Whether the document holds enough of the query's weight to count as an answer."""
        if docnum in self.asked_for:
            return True
        if not self.total:
            return False
        share = self.share(docnum, self.anywhere) * self.total / (self.total + self.unknown)
        return share >= GOOD_MATCH

    def factor(self, hit) -> float:
        """Answers first; then documents that match more of the query, above all in the title."""
        everywhere = self.share(hit.docnum, self.anywhere)
        # A word the title says counts fully; one its synonyms supply, half.
        in_title = (self.share(hit.docnum, self.title) + self.share(hit.docnum, self.title_syn)) / 2
        kind = KIND_BOOSTS.get(hit["kind"], 1.0)
        return kind * (0.5 + everywhere) ** 2 * (1 + TITLE_WEIGHT * in_title) * (
            1 + QUESTION_WEIGHT * self.asked(hit.get("asks")))

    def asked(self, asks) -> float:
        """The share of the query's weight the answer's closest question holds."""
        return asked_share(self.words, self.weights, self.total, asks)


def asked_share(words: list[str], weights: list[float], total: float, asks) -> float:
    """The most query weight one question (index.asks_of: its terms) holds, as a
    share of `total`; added up in the query's word order, as search.js does."""
    if not total or not asks:
        return 0.0
    best = 0.0
    for terms in asks:
        held = set(terms)
        found = 0.0
        for word, weight in zip(words, weights, strict=True):
            if word in held:
                found += weight
        best = max(best, found)
    return best / total


def counted_once(words: list[str], weights: list[float], groups) -> list[float]:
    """The weight each query word has in the share of the query a document holds.

    A number with its counter is one thing the customer said (`3만원 충전했는데`),
    read as several words (30000, 원, 30000원): counted three times it outweighs
    the words that say what happened. So it counts once, by its whole term,
    where the KB has that term; its pieces then count nothing (they still score).
    So does an unknown word kept beside the term it likely meant (ParsedQuery.groups).
    """
    out = dict(zip(words, weights, strict=True))
    for whole, *pieces in groups:
        if out.get(whole):
            out.update((piece, 0.0) for piece in pieces)
    return [out[w] for w in words]


def idf_weight(reader, word: str, found: int | None = None) -> float:
    """How much `word` tells documents apart: a word most answers share (반납, 결제)
    weighs less. The square root keeps common words meaningful (`팀장 바꿔주세요`);
    a word no document has weighs nothing, since it cannot favour any."""
    if found is None:
        fields = SCORED
        found = max(reader.doc_frequency(name, word) for name in fields)
        if not found:
            return 0.0
    return weight_of(reader.doc_count(), found)


def weight_of(doc_count: int, found: int) -> float:
    """`idf_weight` from the counts: `found` is the most documents any field has the word in."""
    import math

    return math.sqrt(math.log(1 + doc_count / (1 + found)))


def search(
    kb_or_config,
    query: str,
    limit: int = 10,
    kind: str | None = None,
    tag: str | None = None,
    on: date | None = None,
    engine: str = "direct",
) -> list[Hit]:
    """The best `limit` hits for `query`; the index is brought up to date first."""
    from ..errors import KBError

    if kind is not None and kind not in KINDS:
        raise KBError(t("search.unknown_kind", kind=kind, KINDS=', '.join(KINDS)))
    if engine not in ENGINES:
        raise KBError(t("search.unknown_engine", engine=engine, engines=', '.join(ENGINES)))
    if not analysis.nfc(query).strip():
        return []
    return searching(
        _config(kb_or_config), lambda ix: _run(ix, query, limit, kind, tag, on, engine)
    )


def _run(ix, query: str, limit: int, kind, tag, on: date | None, engine: str) -> list[Hit]:
    vocabulary = querytext.vocabulary_for(ix)
    with ix.searcher() as searcher:
        return search_with(searcher, query, limit, kind, tag, on, vocabulary, engine)


def search_with(
    searcher,
    query: str,
    limit: int = 10,
    kind: str | None = None,
    tag: str | None = None,
    on: date | None = None,
    vocabulary: Vocabulary | None = None,
    engine: str = "whoosh",
) -> list[Hit]:
    """`search` on an open whoosh searcher: a long-running service keeps one per index."""
    if vocabulary is None:
        vocabulary = reader_vocabulary(searcher.reader())
    parsed = parse_query(query, vocabulary)
    if parsed.empty:
        return []
    if engine == "direct":
        from . import direct

        best = direct.rank(searcher, parsed, limit, kind, tag)
    else:
        best = rank(searcher, parsed, limit, _filter(kind, tag))
    wanted = {c for _, hit, _ in best for c in (hit.get("meta") or {}).get("cites", [])}
    wanted |= {hit["id"] for _, hit, _ in best if hit["kind"] == KIND_CLAUSE}
    clauses = _clause_table(searcher, wanted)
    day = on or date.today()
    return [_hit(hit, score, clauses, day, parsed.words, good) for score, hit, good in best]


@lru_cache(maxsize=4)
def reader_vocabulary(reader) -> Vocabulary:
    """The query vocabulary of an open reader (a service reads it once per snapshot)."""
    return Vocabulary(querytext.vocabulary_terms(reader))


def rank(searcher, parsed: ParsedQuery, limit: int = 10, filter=None) -> list[tuple]:
    """(score, whoosh hit, good) of the best `limit` documents, best first.

    The site's search box ranks the same way from postings written at build
    time (kb/search/postings.py, assets/search/search.js), and `kb api` from
    memory (kb/search/memory.py): change them together.
    """
    # Every match scored and sorted (limit=None, optimize=False): whoosh's
    # block-quality shortcut, and even its top-N collector (which prunes with
    # the same estimates once its heap is full), dropped documents that score
    # above the last candidate at 10,000 answers; those then depended on how
    # the index happened to be split into blocks. Ties go in document order.
    results = searcher.search(
        whoosh_query(parsed, searcher.reader()), limit=None, filter=filter, optimize=False
    )
    results = results[: max(limit * CANDIDATES, MIN_CANDIDATES)]
    docnums = [hit.docnum for hit in results]
    coverage = Coverage(searcher, parsed.words, docnums, parsed.idents, parsed.groups)
    scored = [(hit.score * coverage.factor(hit), hit, coverage.good(hit.docnum)) for hit in results]
    scored.sort(key=lambda item: -item[0])
    return scored[:limit]


def no_good_answer(hits: list[Hit]) -> bool:
    """Nothing matches well: say so rather than offer weak hits as answers."""
    return not any(hit.good for hit in hits)


def snippet(body: str, words: list[str], width: int = 120) -> str:
    """A window of the body around the first query word it contains, words marked.

    Plain string matching, not analysis: a snippet must cost nothing next to
    the search (nouns, the bulk of what agents type, appear as written).
    """
    text = " ".join(body.split())
    found = [w for w in words if len(w) > 1 and w in text]
    if not found:
        return text[:width] + ("…" if len(text) > width else "")
    first = min(text.index(w) for w in found)
    start = max(0, first - width // 3)
    window = text[start : start + width]
    pattern = re.compile("|".join(re.escape(w) for w in sorted(found, key=len, reverse=True)))
    marked = pattern.sub(lambda m: MARK_START + m[0] + MARK_END, window)
    return ("…" if start else "") + marked + ("…" if start + width < len(text) else "")


def _hit(hit, score: float, clauses: KB, on: date, words: list[str], good: bool = True) -> Hit:
    from .. import rules

    meta = hit.get("meta") or {}
    cites = []
    for clause_id in meta.get("cites", []):
        clause = clauses.clauses.get(clause_id)
        state = rules.state(clauses, clause, on) if clause else "unknown"
        cites.append(CitedClause(clause_id, state))
    status = meta.get("status", "active")
    if hit["kind"] == KIND_CLAUSE and hit["id"] in clauses.clauses:
        status = rules.state(clauses, clauses.clauses[hit["id"]], on)
    return Hit(
        kind=hit["kind"],
        id=hit["id"],
        title=hit["title"],
        path=hit["path"],
        score=score,
        tags=list(meta.get("tags", [])),
        snippet=snippet(hit["body"], words),
        status=status,
        cites=cites,
        good=good,
    )


def _clause_table(searcher, clause_ids: set[str]) -> KB:
    """Just enough of a KB, from the index, to tell these clauses' states."""
    from whoosh.query import Term

    kb = KB(root=Path("."), docs_dir=Path("."), policies_dir=Path("."), answers_dir=Path("."),
            config_file=Path("."))
    for clause_id in clause_ids:
        stored = searcher.document(key=f"{KIND_CLAUSE}:{clause_id}")
        if stored is not None:
            kb.clauses[clause_id] = _clause(stored)
        for hit in searcher.search(Term("supersedes", clause_id.lower()), limit=None):
            kb.superseders.setdefault(clause_id, []).append(_clause(hit.fields()))
    return kb


def _clause(stored: dict) -> Clause:
    meta = stored.get("meta") or {}
    return Clause(
        id=stored["id"],
        title=stored["title"],
        version=meta.get("version") or 0,
        effective=_day(meta.get("effective")),
        text="",
        policy_id=meta.get("policy", ""),
        path=stored["path"],
        line=0,
        expires=_day(meta.get("expires")),
        status=meta.get("status", "active"),
        supersedes=list(meta.get("supersedes", [])),
        history=[Version(v, _day(day), "") for v, day in meta.get("versions", [])],
    )


def _day(value) -> date | None:
    return date.fromisoformat(value) if value else None


# --- output -----------------------------------------------------------------



def no_good_answer_text() -> str:
    return t("search.no_good_answer")


def _kind_label(kind: str) -> str:
    return t(f"search.kind.{kind}") if kind in (KIND_ANSWER, KIND_CLAUSE, KIND_MANUAL) else kind


def _state_label(state: str) -> str:
    """A result's or a cited clause's state in words; an active answer needs none."""
    if state in (_rules.CURRENT, _rules.FUTURE, _rules.EXPIRED, _rules.SUPERSEDED, _rules.RETIRED):
        return _rules.state_word(state)
    if state in ("unknown", "draft"):
        return t(f"search.state.{state}")
    return "" if state == "active" else state


def render(query: str, hits: list[Hit], fmt: str = "text") -> str:
    if fmt == "json":
        import json

        data: dict = {"query": query, "results": [h.to_dict() for h in hits]}
        data["no_good_answer"] = no_good_answer(hits)
        return json.dumps(data, ensure_ascii=False, indent=2)
    if not hits:
        return t("search.nothing", query=query)
    listed = "\n\n".join(_text(n, hit) for n, hit in enumerate(hits, 1))
    if no_good_answer(hits):
        return t("search.nothing", query=query) + "\n" + t("search.partial") + "\n\n" + listed
    return listed


def _text(n: int, hit: Hit) -> str:
    import click

    from ..textsafe import shown

    status = _state_label(hit.status)
    kind = _kind_label(hit.kind)
    head = f"{n}. {click.style(shown(hit.title), bold=True)}  [{kind}"
    head += f" · {status}]" if status else "]"
    lines = [head, f"   {shown(hit.id)}  ({shown(hit.path)})"]
    snippet = shown(hit.snippet).replace(MARK_START, "\x00").replace(MARK_END, "\x01")
    snippet = re.sub(r"\x00(.*?)\x01", lambda m: click.style(m[1], fg="yellow", bold=True), snippet)
    lines.append(f"   {snippet}")
    if hit.tags:
        lines.append("   " + t("search.tags", tags=shown(", ".join(hit.tags))))
    if hit.cites:
        cited = ", ".join(f"{c.id} ({_state_label(c.state)})" for c in hit.cites)
        lines.append("   " + t("search.cites", cites=cited))
    return "\n".join(lines)


class StoredHit:
    """A stored document that reads like a whoosh hit (`hit["id"]`, `hit.docnum`):
    what the direct engine and kb api's memory ranking hand to `Coverage`."""

    def __init__(self, docnum: int, fields: dict):
        self.docnum = docnum
        self._fields = fields

    def __getitem__(self, name):
        return self._fields[name]

    def get(self, name, default=None):
        return self._fields.get(name, default)
