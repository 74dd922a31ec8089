"""The domain model: policies, clauses, answers, manual pages and findings.

Every object keeps the path of its file and the line of each field, so that a
finding can always name the exact place a policy owner has to edit.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ERROR = "error"
WARNING = "warning"

# Findings that are a cause: the file or field could not be read as written.
ROOT_CODES = frozenset({"parse-error", "schema-error"})

CITATION_CODES = frozenset(
    {
        "bad-citation",
        "unknown-clause",
        "superseded-clause",
        "retired-clause",
        "expired-clause",
        "future-clause",
        "stale-citation",
    }
)


@dataclass
class Finding:
    code: str
    severity: str
    path: str  # relative to the KB directory, POSIX separators
    line: int
    message: str
    subject: str | None = None
    clause: str | None = None
    # Clause ids this finding leaves unreadable (a clause with a schema error;
    # every id written in a policy file that does not parse). Findings about
    # them follow from this one and are collapsed into it (see causes.py).
    blocks: tuple[str, ...] = ()

    @property
    def shown_path(self) -> str:
        """The path in NFC: a macOS-written (NFD) file name reads as the same text."""
        return unicodedata.normalize("NFC", self.path)

    def sort_key(self) -> tuple:
        """SPEC §5: a file's parse and schema errors come before what follows from them."""
        return (self.code not in ROOT_CODES, self.path, self.line, self.code, self.message)

    def to_dict(self) -> dict:
        data = {
            "code": self.code,
            "severity": self.severity,
            "path": self.shown_path,
            "line": self.line,
            "subject": self.subject,
            "message": self.message,
        }
        if self.clause is not None or self.code in CITATION_CODES:
            data["clause"] = self.clause
        return data


def for_status(findings, status: str):
    """SPEC §4: a draft answer is checked like any other, but its findings are warnings."""
    for finding in findings:
        if status == "draft":
            finding.severity = WARNING
        yield finding


@dataclass
class Version:
    """An earlier version of a clause, from its `history`."""

    version: int | None
    effective: date | None
    text: str
    note: str | None = None
    line: int = 0
    # Phrases of this version that must not survive once the next one is in force.
    outdated: list[str] = field(default_factory=list)


@dataclass
class Clause:
    id: str
    title: str
    version: int
    effective: date | None
    text: str
    policy_id: str
    path: str
    line: int
    expires: date | None = None
    status: str = "active"
    supersedes: list[str] = field(default_factory=list)
    history: list[Version] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)

    @property
    def retired(self) -> bool:
        return self.status == "retired"

    @property
    def anchor(self) -> str:
        return self.id.lower()


@dataclass
class Policy:
    id: str
    title: str
    owner: str
    path: str
    line: int
    clauses: list[Clause] = field(default_factory=list)
    review_by: date | None = None
    summary: str = ""
    lines: dict[str, int] = field(default_factory=dict)

    @property
    def slug(self) -> str:
        return self.id.lower()


@dataclass
class Citation:
    """A `CLAUSE-ID@VERSION` in an answer's `cites`, or an inline `[[CLAUSE]]`."""

    raw: str
    line: int
    clause_id: str | None = None  # None when `raw` is not a citation at all
    version: int | None = None  # None for an unpinned inline reference
    inline: bool = False


@dataclass
class Answer:
    id: str
    title: str
    path: str  # relative to the KB directory
    doc_path: str  # relative to docs_dir, as MkDocs sees the file
    body: str
    body_line: int  # line of the file on which the body starts
    cites: list[Citation] = field(default_factory=list)
    refs: list[Citation] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    status: str = "active"
    owner: str | None = None
    review_by: date | None = None
    effective: date | None = None
    lines: dict[str, int] = field(default_factory=dict)
    meta: dict = field(default_factory=dict)
    # How customers ask for this answer, one phrasing an item: found by search.
    questions: list[str] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return self.id.lower()

    @property
    def published(self) -> bool:
        return self.status != "retired"


def tag_path(tag: str) -> str:
    """A tag as one path: `환불 / 이용권/` is `환불/이용권` (NFC, empty levels dropped)."""
    return "/".join(p.strip() for p in unicodedata.normalize("NFC", tag).split("/") if p.strip())


def with_parents(tags: list[str]) -> list[str]:
    """Each tag path and every level above it, once: `환불/이용권` is filed under `환불` too."""
    found: dict[str, None] = {}
    for tag in tags:
        parts = [p for p in tag_path(tag).split("/") if p]
        for i in range(1, len(parts) + 1):
            found["/".join(parts[:i])] = None
    return list(found)


@dataclass
class Manual:
    """Any Markdown page under docs_dir that is not an answer."""

    doc_path: str  # relative to docs_dir; also the manual's id
    path: str  # relative to the KB directory
    title: str
    body: str
    body_line: int
    refs: list[Citation] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.doc_path


@dataclass
class KB:
    root: Path
    docs_dir: Path
    policies_dir: Path
    answers_dir: Path
    config_file: Path
    policies: list[Policy] = field(default_factory=list)
    answers: list[Answer] = field(default_factory=list)
    manuals: list[Manual] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)  # found while loading
    clauses: dict[str, Clause] = field(default_factory=dict)  # first of each id
    superseders: dict[str, list[Clause]] = field(default_factory=dict)  # id -> replacements
    files: list[str] = field(default_factory=list)  # every file read, relative

    def clause(self, clause_id: str) -> Clause | None:
        return self.clauses.get(clause_id)

    def answer(self, answer_id: str) -> Answer | None:
        return next((a for a in self.answers if a.id == answer_id), None)

    def policy_of(self, clause: Clause) -> Policy | None:
        return next((p for p in self.policies if p.id == clause.policy_id), None)

    def published_answers(self) -> list[Answer]:
        return [a for a in self.answers if a.published]
