"""Root cause first (SPEC §5): findings that only follow from an unreadable file.

A policy file that does not parse leaves every citation of its clauses
unknown; a clause with a bad date leaves each citation of it "not yet in
effect". Reported one by one, such follow-on findings bury the one line the
owner has to fix. Here they are counted into the finding that causes them,
which then says how many citations it leaves unchecked.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .messages import t
from .model import KB, ROOT_CODES, Finding


@dataclass
class _Cause:
    finding: Finding
    places: set[tuple[str, int, str]] = field(default_factory=set)  # (path, line, clause)
    answers: set[str] = field(default_factory=set)
    manuals: set[str] = field(default_factory=set)

    def absorb(self, finding: Finding, is_answer: bool) -> None:
        self.places.add((finding.path, finding.line, finding.clause or ""))
        (self.answers if is_answer else self.manuals).add(finding.path)

    def reported(self) -> Finding:
        if not self.places:
            return self.finding
        return replace(self.finding, message=self.finding.message + self._note())

    def _note(self) -> str:
        whose = [t("causes.answers", answers=len(self.answers))] if self.answers else []
        whose += [t("causes.manuals", manuals=len(self.manuals))] if self.manuals else []
        if self.finding.subject is None:  # the whole file could not be read
            why = t("causes.file_unread")
        else:
            why = t("causes.this_error", clause=self.finding.blocks[0])
        return (
            t("causes.note", why=why, places=len(self.places), whose=', '.join(whose))
        )


def _blocks(cause: Finding, clause_id: str, known) -> bool:
    if not any(clause_id == b or clause_id.startswith(b + "-") for b in cause.blocks):
        return False
    return known is None or known.path == cause.path


class Causes:
    """The root-cause findings of a loaded KB and the clause ids each one blocks."""

    def __init__(self, kb: KB):
        self.kb = kb
        self.causes = [_Cause(f) for f in kb.findings if f.blocks]
        self.answer_paths = {a.path for a in kb.answers}

    def cause_of(self, finding: Finding) -> _Cause | None:
        """The unreadable file or field a finding follows from, if any."""
        if finding.code in ROOT_CODES or not finding.clause:
            return None
        known = self.kb.clause(finding.clause)  # a clause read from another file is checked
        return next((c for c in self.causes if _blocks(c.finding, finding.clause, known)), None)

    def collapse(self, findings: list[Finding]) -> list[Finding]:
        """`findings` with the follow-on ones counted into their causes instead."""
        if not self.causes:
            return findings
        kept = []
        for finding in findings:
            cause = self.cause_of(finding)
            if cause is None:
                kept.append(finding)
            else:
                cause.absorb(finding, finding.path in self.answer_paths)
        reported = {id(c.finding): c.reported() for c in self.causes}
        return [reported.get(id(f), f) for f in kept]
