"""What "current" means (SPEC §4), shared by the check, the site and search."""

from __future__ import annotations

from datetime import date

from .model import KB, Answer, Citation, Clause

# The states of a clause on a date, in the order the citation codes apply.
SUPERSEDED = "superseded"
RETIRED = "retired"
EXPIRED = "expired"
FUTURE = "future"
CURRENT = "current"

CODES = {
    SUPERSEDED: "superseded-clause",
    RETIRED: "retired-clause",
    EXPIRED: "expired-clause",
    FUTURE: "future-clause",
}


def check_date(answer: Answer, today: date) -> date:
    """An answer prepared for a later date is checked against that date."""
    if answer.effective is not None and answer.effective > today:
        return answer.effective
    return today


def superseded_by(kb: KB, clause: Clause, on: date) -> Clause | None:
    """The first non-retired clause in effect on `on` that replaces `clause`."""
    for newer in kb.superseders.get(clause.id, ()):
        if not newer.retired and newer.effective is not None and newer.effective <= on:
            return newer
    return None


def state(kb: KB, clause: Clause, on: date) -> str:
    if superseded_by(kb, clause, on) is not None:
        return SUPERSEDED
    if clause.retired:
        return RETIRED
    if clause.expires is not None and clause.expires <= on:
        return EXPIRED
    if clause.effective is None or clause.effective > on:
        return FUTURE
    return CURRENT


def is_current(kb: KB, clause: Clause, on: date) -> bool:
    return state(kb, clause, on) == CURRENT


def suggestions(kb: KB, clause_id: str) -> list[str]:
    import difflib  # only for a typo: start-up matters for every command

    return difflib.get_close_matches(clause_id, list(kb.clauses), n=3, cutoff=0.6)


def citation_problem(kb: KB, citation: Citation, on: date) -> tuple[str, str] | None:
    """(code, message) for a citation that is not good on `on`, else None."""
    what = "references" if citation.inline else "cites"
    if citation.clause_id is None:
        form = "[[CLAUSE-ID]] or [[CLAUSE-ID@VERSION]]" if citation.inline else "CLAUSE-ID@VERSION"
        return "bad-citation", f"{citation.raw!r} is not a citation; write {form}"
    shown = citation.clause_id + (f"@{citation.version}" if citation.version else "")
    clause = kb.clauses.get(citation.clause_id)
    if clause is None:
        near = suggestions(kb, citation.clause_id)
        hint = f"; did you mean {' or '.join(near)}?" if near else ""
        return "unknown-clause", f"{what} {shown}, but no clause has that id{hint}"
    current = state(kb, clause, on)
    if current == SUPERSEDED:
        newer = superseded_by(kb, clause, on)
        return CODES[current], (
            f"{what} {shown}; the clause is superseded by {newer.id}@{newer.version} "
            f"(effective {newer.effective}): cite {newer.id}@{newer.version} instead"
        )
    if current == RETIRED:
        return CODES[current], f"{what} {shown}; the clause is retired"
    if current == EXPIRED:
        return CODES[current], f"{what} {shown}; the clause expired on {clause.expires}"
    if current == FUTURE:
        return CODES[current], (
            f"{what} {shown}; the clause takes effect on {clause.effective}, after {on}"
        )
    if citation.version is not None and citation.version != clause.version:
        return "stale-citation", (
            f"{what} {shown}; the clause is now version {clause.version} "
            f"(effective {clause.effective}): re-read the answer, then cite "
            f"{clause.id}@{clause.version}"
        )
    return None
