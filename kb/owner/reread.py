"""Re-reading after a clause changed: what changed, and where the old words still stand.

A re-pin is only as good as the re-read behind it. `kb review`, `kb show
ANSWER` and `kb bump` share what this module computes: the word diff from
the version an answer was written against to the version in force, the
lines of an answer or manual page that still state an old value, and the
manual pages (with the lines) that reference a clause.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .. import phrases, rules
from ..load import nfc
from ..messages import t
from ..model import KB, Answer, Citation, Clause, Manual, Version
from .changes import diff_text, hunks


@dataclass
class Change:
    """A clause read at version `old` that is now at version `new`."""

    clause: Clause
    old: Version
    new: Version
    notes: list[str] = field(default_factory=list)  # the history notes in between

    def lines(self) -> list[str]:
        notes = f" — {'; '.join(self.notes)}" if self.notes else ""
        head = t(
            "reread.lines",
            id=self.clause.id,
            title=self.clause.title,
            version=self.old.version,
            version2=self.new.version,
            effective=self.new.effective,
            notes=notes,
        )
        body = [f"    {diff_text(runs)}" for runs in hunks(self.old.text, self.new.text)]
        return [head] + [line for text in body for line in text.split("\n")]


def change(clause: Clause, old_version: int | None, on: date) -> Change | None:
    """From `old_version` (None: the version before the one in force) to the one in force."""
    force = rules.in_force(clause, on)
    if force is None:
        return None
    earlier = sorted(
        (v for v in rules.versions(clause) if (v.version or 0) < (force.version or 0)),
        key=lambda v: v.version or 0,
    )
    if old_version is None:
        old = earlier[-1] if earlier else None
    else:
        old = next((v for v in earlier if v.version == old_version), None)
    if old is None:
        return None
    notes = [v.note for v in earlier if (v.version or 0) >= (old.version or 0) and v.note]
    return Change(clause, old, force, notes)


def changes_since_pins(kb: KB, citations: list[Citation], on: date) -> list[Change]:
    """Per cited clause, the change since the pinned version (pins at the version in force
    and unpinned references have none)."""
    found: dict[str, Change] = {}
    for citation in citations:
        clause = kb.clauses.get(citation.clause_id or "")
        if clause is None or citation.version is None or clause.id in found:
            continue
        if rules.state(kb, clause, on) == rules.CURRENT:
            done = change(clause, citation.version, on)
            if done is not None:
                found[clause.id] = done
    return list(found.values())


def before_repin(kb: KB, answer: Answer, today: date) -> tuple[list[Change], list[phrases.Hit]]:
    """What a person re-reads before an answer is re-pinned (kb review, kb show):
    each cited clause's change since its pin, and old values its body still states."""
    on = rules.check_date(answer, today)
    changes = changes_since_pins(kb, answer.cites + answer.refs, on)
    return changes, phrases.answer_hits(kb, answer, today, repinning=True)


def last_changes(kb: KB, citations: list[Citation], on: date) -> list[Change]:
    """Per referenced clause, its last change, newest first (a manual page pins nothing)."""
    found: dict[str, Change] = {}
    for citation in citations:
        clause = kb.clauses.get(citation.clause_id or "")
        if clause is not None and clause.id not in found:
            done = change(clause, citation.version, on) if citation.version else None
            done = done or change(clause, None, on)
            if done is not None:
                found[clause.id] = done
    return sorted(found.values(), key=lambda c: c.new.effective or on, reverse=True)


def hit_lines(path: str, hits: list[phrases.Hit]) -> list[str]:
    return [
        t(
            "reread.hit_lines",
            path=path,
            line=hit.line,
            phrase=hit.phrase,
            id=hit.stale.clause.id,
            version=hit.version.version,
            version2=hit.stale.force.version,
            hit=phrases.in_force_line(hit),
        )
        for hit in hits
    ]


# --- manual pages -------------------------------------------------------------


def find_manual(kb: KB, ident: str) -> Manual | None:
    """A manual page by its path under docs_dir (`manuals/tone.md`) or from the KB."""
    wanted = nfc(ident.strip()).replace("\\", "/").lstrip("./")
    for manual in kb.manuals:
        if wanted in (nfc(manual.doc_path), nfc(manual.path)):
            return manual
    tail = [m for m in kb.manuals if nfc(m.doc_path).endswith("/" + wanted)]
    return tail[0] if len(tail) == 1 else None


def references(kb: KB, clause_id: str) -> list[tuple[Manual, list[int]]]:
    """The manual pages that reference a clause, each with the lines of its references."""
    found = []
    for manual in kb.manuals:
        lines = sorted({r.line for r in manual.refs if r.clause_id == clause_id})
        if lines:
            found.append((manual, lines))
    return found


@dataclass
class ManualReview:
    manual: Manual
    changes: list[Change] = field(default_factory=list)
    outdated: list[phrases.Hit] = field(default_factory=list)
    left: list[str] = field(default_factory=list)  # references a person must rewrite


def review_manual(kb: KB, manual: Manual, today: date) -> ManualReview:
    """What a re-read of a manual page must look at. A manual pins nothing: nothing is written."""
    result = ManualReview(manual, last_changes(kb, manual.refs, today))
    result.outdated = phrases.manual_hits(kb, manual, today, repinning=True)
    for ref in manual.refs:
        problem = rules.citation_problem(kb, ref, today)
        if problem is not None:
            result.left.append(f"{manual.path}:{ref.line}: {problem[0]} {problem[1]}")
    return result
