"""`kb check`: every finding of SPEC §4–5 for a loaded KB. It never writes."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from . import phrases, pii, rules
from .causes import Causes
from .load import ID_PATTERN
from .messages import t
from .model import ERROR, KB, WARNING, Answer, Citation, Finding, for_status


@dataclass
class Report:
    as_of: date
    findings: list[Finding] = field(default_factory=list)
    files: int = 0

    @property
    def counts(self) -> dict[str, int]:
        counts = {ERROR: 0, WARNING: 0}
        for finding in self.findings:
            counts[finding.severity] += 1
        return counts

    def failed(self, strict: bool = False) -> bool:
        counts = self.counts
        return counts[ERROR] > 0 or (strict and counts[WARNING] > 0)

    def to_dict(self) -> dict:
        return {
            "as_of": self.as_of.isoformat(),
            "findings": [f.to_dict() for f in self.findings],
            "counts": self.counts,
        }


def check(kb: KB, as_of: date | None = None) -> Report:
    today = as_of or date.today()
    findings = list(kb.findings)
    findings.extend(duplicate_ids(kb))
    for answer in kb.answers:
        if answer.published:
            findings.extend(for_status(answer_findings(kb, answer, today), answer.status))
    for manual in kb.manuals:
        findings.extend(_citations(kb, manual.refs, manual.path, manual.id, today))
    findings.extend(phrases.findings(kb, today))  # SPEC §5 outdated-phrase
    findings.extend(policy_reviews(kb, today))
    findings.extend(pii.findings(kb))
    findings = Causes(kb).collapse(findings)
    findings.sort(key=Finding.sort_key)
    return Report(as_of=today, findings=findings, files=len(kb.files))


def _id_occurrences(kb: KB) -> Iterator[tuple[str, int, str]]:
    for policy in kb.policies:
        if policy.id:
            yield policy.path, policy.lines.get("id", policy.line), policy.id
        for clause in policy.clauses:
            if clause.id:
                yield clause.path, clause.lines.get("id", clause.line), clause.id
    for answer in kb.answers:
        if answer.id and answer.published:  # retired answers are not checked
            yield answer.path, answer.lines.get("id", 1), answer.id


def duplicate_ids(kb: KB) -> Iterator[Finding]:
    first: dict[str, tuple[str, int]] = {}
    drafts = {a.path for a in kb.answers if a.status == "draft"}
    for path, line, ident in sorted(_id_occurrences(kb)):
        if ident not in first:
            first[ident] = (path, line)
            continue
        where = f"{first[ident][0]}:{first[ident][1]}"
        severity = WARNING if path in drafts else ERROR
        message = t("check.duplicate_ids", ident=ident, where=where)
        yield Finding("duplicate-id", severity, path, line, message, ident)


def answer_findings(kb: KB, answer: Answer, today: date) -> Iterator[Finding]:
    on = rules.check_date(answer, today)
    if not answer.cites and not _cites_malformed(answer):
        yield Finding(
            "missing-citation",
            ERROR,
            answer.path,
            answer.lines.get("cites", 1),
            t("check.no_citation"),
            answer.id or None,
        )
    yield from _citations(kb, answer.cites, answer.path, answer.id or None, on)
    yield from _citations(kb, answer.refs, answer.path, answer.id or None, on)
    if answer.review_by is not None and answer.review_by < on:
        yield _overdue(answer.path, answer.lines.get("review_by", 1), answer.id, answer.review_by)


def _cites_malformed(answer: Answer) -> bool:
    """`cites` given but neither a list nor one citation: already a schema-error."""
    value = answer.meta.get("cites")
    return value is not None and not isinstance(value, (list, str))


def _citations(
    kb: KB, citations: list[Citation], path: str, subject: str | None, on: date
) -> Iterator[Finding]:
    for citation in citations:
        problem = rules.citation_problem(kb, citation, on)
        if problem is not None:
            code, message = problem
            clause = citation.clause_id or _clause_in(citation.raw)
            yield Finding(code, ERROR, path, citation.line, message, subject, clause)


def _clause_in(raw: str) -> str | None:
    """The clause id a malformed citation seems to mean (`REFUND-1` in `REFUND-1@v2`)."""
    match = ID_PATTERN.match(raw.strip("[] "))
    return match[0] if match else None


def policy_reviews(kb: KB, today: date) -> Iterator[Finding]:
    for policy in kb.policies:
        if policy.review_by is not None and policy.review_by < today:
            line = policy.lines.get("review_by", 1)
            yield _overdue(policy.path, line, policy.id, policy.review_by)


def _overdue(path: str, line: int, subject: str, review_by: date) -> Finding:
    return Finding(
        "review-overdue",
        WARNING,
        path,
        line,
        t("check.overdue", review_by=review_by),
        subject or None,
    )
