"""Read a KB from disk into the model, collecting what cannot be read.

Loading never stops at a bad file: a file that does not parse becomes a
`parse-error`, a field of the wrong shape a `schema-error`, and the rest of
the KB is still read so the check can report everything at once.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from . import yamlsrc
from .cache import ParseCache
from .config import KBConfig, read_config
from .model import (
    ERROR,
    KB,
    Answer,
    Citation,
    Clause,
    Finding,
    Manual,
    Policy,
    Version,
    for_status,
)
from .yamlsrc import Map, YAMLSourceError, as_date

ID_PATTERN = re.compile(r"[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*")
# SPEC: "letters, digits, '-', '_'"; Korean letters are letters (`환불-안내`).
ANSWER_ID_PATTERN = re.compile(r"[\w-]+")
CITATION_PATTERN = re.compile(r"([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*)@([1-9][0-9]*)")
# `[[REFUND-1]]` or `[[REFUND-1@2]]`; anything after '@' is kept so that a
# malformed pin is reported rather than ignored.
INLINE_PATTERN = re.compile(r"\[\[\s*([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*)(?:@([^\]\s]*))?\s*\]\]")
# Fenced code blocks and inline code: references there are examples, not references.
CODE_PATTERN = re.compile(r"^[ \t]*(```|~~~).*?^[ \t]*\1[^\n]*$|`[^`\n]+`", re.M | re.S)

CLAUSE_STATUSES = ("active", "retired")
ANSWER_STATUSES = ("active", "draft", "retired")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


class _Fields:
    """Typed access to one YAML mapping that records schema errors as it goes."""

    def __init__(self, data: Map, path: str, subject: str | None, findings: list[Finding]):
        self.data = data
        self.path = path
        self.subject = subject
        self.findings = findings

    def error(self, line: int, message: str) -> None:
        self.findings.append(Finding("schema-error", ERROR, self.path, line, message, self.subject))

    def line(self, key: str) -> int:
        return self.data.line_of(key)

    def _missing(self, key: str, required: bool) -> bool:
        value = self.data.get(key)
        if value is None or value == "":
            if required:
                self.error(self.data.line, f"'{key}' is required")
            return True
        return False

    def text(self, key: str, required: bool = False, pattern: re.Pattern | None = None) -> str:
        if self._missing(key, required):
            return ""
        value = self.data[key]
        if isinstance(value, (int, float)) and not isinstance(value, bool) and pattern is None:
            value = str(value)  # a title of "2026" is still a title
        if not isinstance(value, str):
            self.error(self.line(key), f"'{key}' must be text, not {_kind(value)}")
            return ""
        value = nfc(value)
        if pattern is not None and not pattern.fullmatch(value):
            self.error(self.line(key), f"'{key}' {value!r} does not match {pattern.pattern}")
        return value

    def date(self, key: str, required: bool = False):
        if self._missing(key, required):
            return None
        value = as_date(self.data[key])
        if value is None:
            self.error(
                self.line(key), f"'{key}' must be a date (YYYY-MM-DD), not {self.data[key]!r}"
            )
        return value

    def integer(self, key: str, required: bool = False, minimum: int = 1) -> int | None:
        if self._missing(key, required):
            return None
        value = self.data[key]
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            message = f"'{key}' must be a whole number >= {minimum}, not {value!r}"
            self.error(self.line(key), message)
            return None
        return value

    def choice(self, key: str, choices: tuple[str, ...]) -> str:
        value = self.text(key)
        if value and value not in choices:
            message = f"'{key}' must be one of {', '.join(choices)}, not {value!r}"
            self.error(self.line(key), message)
            return choices[0]
        return value or choices[0]

    def text_list(self, key: str) -> list[str]:
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.error(self.line(key), f"'{key}' must be a list, not {_kind(value)}")
            return []
        items = []
        for item, line in zip(value, value.lines, strict=True):
            if isinstance(item, str) and item.strip():
                items.append(nfc(item.strip()))
            else:
                self.error(line, f"'{key}' items must be text, not {item!r}")
        return items

    def mapping_list(self, key: str, required: bool = False) -> list[Map]:
        value = self.data.get(key)
        if value is None or value == []:
            if required:
                self.error(self.line(key), f"'{key}' is required and must not be empty")
            return []
        if not isinstance(value, list):
            self.error(self.line(key), f"'{key}' must be a list, not {_kind(value)}")
            return []
        items = []
        for item, line in zip(value, value.lines, strict=True):
            if isinstance(item, Map):
                items.append(item)
            else:
                self.error(line, f"each entry of '{key}' must be a mapping, not {_kind(item)}")
        return items


def _kind(value) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


# --- policies ---------------------------------------------------------------


def _history(fields: _Fields) -> list[Version]:
    versions = []
    for entry in fields.mapping_list("history"):
        item = _Fields(entry, fields.path, fields.subject, fields.findings)
        versions.append(
            Version(
                version=item.integer("version", required=True),
                effective=item.date("effective"),
                text=item.text("text", required=True),
                note=item.text("note") or None,
                line=entry.line,
                outdated=item.text_list("outdated"),
            )
        )
    return versions


def _clause(entry: Map, policy_id: str, path: str, findings: list[Finding]) -> Clause:
    raw_id = entry.get("id")
    subject = nfc(raw_id) if isinstance(raw_id, str) else policy_id or None
    fields = _Fields(entry, path, subject, findings)
    clause_id = fields.text("id", required=True, pattern=ID_PATTERN)
    if clause_id and policy_id and not clause_id.startswith(policy_id + "-"):
        fields.error(
            fields.line("id"), f"clause id {clause_id!r} must begin with '{policy_id}-'"
        )
    return Clause(
        id=clause_id,
        title=fields.text("title", required=True),
        version=fields.integer("version", required=True) or 0,
        effective=fields.date("effective", required=True),
        text=fields.text("text", required=True),
        policy_id=policy_id,
        path=path,
        line=entry.line,
        expires=fields.date("expires"),
        status=fields.choice("status", CLAUSE_STATUSES),
        supersedes=fields.text_list("supersedes"),
        history=_history(fields),
        lines=dict(entry.lines),
    )


def policy_from_data(data, path: str, findings: list[Finding]) -> Policy | None:
    if not isinstance(data, Map):
        line = getattr(data, "line", 1)
        findings.append(
            Finding("schema-error", ERROR, path, line, "a policy file must be one YAML mapping")
        )
        return None
    raw_id = data.get("id")
    fields = _Fields(data, path, nfc(raw_id) if isinstance(raw_id, str) else None, findings)
    policy = Policy(
        id=fields.text("id", required=True, pattern=ID_PATTERN),
        title=fields.text("title", required=True),
        owner=fields.text("owner", required=True),
        path=path,
        line=data.line,
        review_by=fields.date("review_by"),
        summary=fields.text("summary"),
        lines=dict(data.lines),
    )
    for entry in fields.mapping_list("clauses", required=True):
        policy.clauses.append(_clause(entry, policy.id, path, findings))
    return policy


# --- answers and manuals ----------------------------------------------------


def _citation(raw, line: int) -> Citation:
    text = nfc(raw.strip()) if isinstance(raw, str) else repr(raw)
    match = CITATION_PATTERN.fullmatch(text)
    if match is None:
        return Citation(raw=text, line=line)
    return Citation(raw=text, line=line, clause_id=match[1], version=int(match[2]))


def inline_refs(body: str, first_line: int) -> list[Citation]:
    """The `[[CLAUSE]]` references of a Markdown body, outside code."""
    masked = CODE_PATTERN.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), body)
    refs = []
    for match in INLINE_PATTERN.finditer(masked):
        line = first_line + masked.count("\n", 0, match.start())
        pin = match[2]
        if pin is None:
            refs.append(Citation(match[0], line, match[1], None, inline=True))
        elif re.fullmatch(r"[1-9][0-9]*", pin):
            refs.append(Citation(match[0], line, match[1], int(pin), inline=True))
        else:
            refs.append(Citation(match[0], line, None, None, inline=True))
    return refs


def answer_from_text(text: str, path: str, doc_path: str, findings: list[Finding]) -> Answer | None:
    try:
        data, body, body_line = yamlsrc.parse_front_matter(text)
    except YAMLSourceError as exc:
        findings.append(Finding("parse-error", ERROR, path, exc.line, exc.message))
        return None
    if not isinstance(data, Map):
        findings.append(
            Finding("parse-error", ERROR, path, 1, "the front matter must be a YAML mapping")
        )
        return None
    raw_id = data.get("id")
    local: list[Finding] = []
    fields = _Fields(data, path, nfc(raw_id) if isinstance(raw_id, str) else None, local)
    fields.data.line = 1  # a missing field is reported on the opening '---'
    answer = Answer(
        id=fields.text("id", required=True, pattern=ANSWER_ID_PATTERN),
        title=fields.text("title", required=True),
        path=path,
        doc_path=doc_path,
        body=body,
        body_line=body_line,
        status=fields.choice("status", ANSWER_STATUSES),
        owner=fields.text("owner") or None,
        review_by=fields.date("review_by"),
        effective=fields.date("effective"),
        lines=dict(data.lines),
        meta=dict(data),
    )
    answer.tags = fields.text_list("tags")
    answer.questions = _questions(fields)
    answer.cites = _cites(data, fields)
    answer.refs = inline_refs(body, body_line)
    if answer.status == "retired":
        return answer  # retired answers are not checked
    findings.extend(for_status(local, answer.status))
    return answer


def _questions(fields: _Fields) -> list[str]:
    """`questions:` as a list, or as a block of text with one phrasing a line."""
    value = fields.data.get("questions")
    if isinstance(value, str):
        return [nfc(line.strip()) for line in value.splitlines() if line.strip()]
    return fields.text_list("questions")


def _cites(data: Map, fields: _Fields) -> list[Citation]:
    value = data.get("cites")
    if value is None:
        return []
    if isinstance(value, str):
        # `cites: REFUND-1@2` without brackets: one citation, checked as such.
        return [_citation(value, fields.line("cites"))]
    if not isinstance(value, list):
        fields.error(fields.line("cites"), f"'cites' must be a list, not {_kind(value)}")
        return []
    return [_citation(item, line) for item, line in zip(value, value.lines, strict=True)]


def manual_from_text(text: str, path: str, doc_path: str) -> Manual:
    body, body_line, title = text, 1, ""
    if text.startswith("---"):
        try:
            data, body, body_line = yamlsrc.parse_front_matter(text)
            if isinstance(data, Map) and isinstance(data.get("title"), str):
                title = nfc(data["title"])
        except YAMLSourceError:
            body, body_line = text, 1  # MkDocs shows such a page as plain text
    if not title:
        heading = re.search(r"^#\s+(.+?)\s*#*\s*$", body, re.M)
        title = heading[1] if heading else Path(doc_path).stem
    return Manual(doc_path, path, title, body, body_line, inline_refs(body, body_line))


# --- the whole KB -----------------------------------------------------------


def _files(directory: Path, suffixes: tuple[str, ...], skip: Path | None = None) -> list[str]:
    """Paths of files below `directory`, hidden folders and `skip` left out, in path order.

    Plain strings rather than Path objects: on a KB of 10,000 answers,
    pathlib's overhead was a tenth of the whole check.
    """
    found: list[str] = []
    top = str(directory)
    skipped = str(skip) if skip is not None else None
    if not os.path.isdir(top):
        return found
    for dirpath, dirnames, filenames in os.walk(top):
        dirnames[:] = [
            d for d in dirnames
            if not d.startswith(".") and os.path.join(dirpath, d) != skipped
        ]
        found.extend(os.path.join(dirpath, n) for n in filenames if n.endswith(suffixes))
    if os.sep != "/":  # pragma: no cover - sort and report with POSIX separators
        found = [f.replace(os.sep, "/") for f in found]
    found.sort()
    return found


def _read(path: str, rel: str, findings: list[Finding]) -> str | None:
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        findings.append(Finding("parse-error", ERROR, rel, 1, f"cannot read the file: {exc}"))
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        findings.append(Finding("parse-error", ERROR, rel, line, "the file is not UTF-8 text"))
        return None
    if "\x00" in text:
        findings.append(Finding("parse-error", ERROR, rel, 1, "the file is binary, not text"))
        return None
    return text.replace("\r\n", "\n")


def _rel(path: str, root: Path) -> str:
    prefix = root.as_posix().rstrip("/") + "/"
    return path[len(prefix):] if path.startswith(prefix) else path


def _parse_policy(path: str, rel: str, kb: KB):
    findings: list[Finding] = []
    text = _read(path, rel, findings)
    if text is None:
        return None, findings
    try:
        data = yamlsrc.parse(text)
    except YAMLSourceError as exc:
        return None, [Finding("parse-error", ERROR, rel, exc.line, exc.message)]
    return policy_from_data(data, rel, findings), findings


def _parse_answer(path: str, rel: str, kb: KB):
    findings: list[Finding] = []
    text = _read(path, rel, findings)
    if text is None:
        return None, findings
    return answer_from_text(text, rel, _rel(path, kb.docs_dir), findings), findings


def _parse_manual(path: str, rel: str, kb: KB):
    findings: list[Finding] = []
    text = _read(path, rel, findings)
    if text is None:
        return None, findings
    return manual_from_text(text, rel, _rel(path, kb.docs_dir)), findings


def _load_each(kb: KB, paths: list[str], parse, into: list, cache: ParseCache) -> None:
    for path in paths:
        rel = _rel(path, kb.root)
        kb.files.append(rel)
        result = cache.get(path, rel)
        if result is None:
            result = parse(path, rel, kb)
            cache.put(rel, result)
        item, findings = result
        kb.findings.extend(findings)
        if item is not None:
            into.append(item)


def load_files(kb: KB, cache: ParseCache) -> None:
    policies = _files(kb.policies_dir, (".yaml", ".yml"))
    _load_each(kb, policies, _parse_policy, kb.policies, cache)
    _load_each(kb, _files(kb.answers_dir, (".md",)), _parse_answer, kb.answers, cache)
    manuals = _files(kb.docs_dir, (".md",), skip=kb.answers_dir)
    _load_each(kb, manuals, _parse_manual, kb.manuals, cache)


def index_clauses(kb: KB) -> None:
    for policy in kb.policies:
        for clause in policy.clauses:
            if clause.id:
                kb.clauses.setdefault(clause.id, clause)
            for old in clause.supersedes:
                kb.superseders.setdefault(old, []).append(clause)


def load(config: KBConfig | str | Path = "mkdocs.yml", cache: bool = True) -> KB:
    """Load a KB from its config (a KBConfig or the path of its mkdocs.yml).

    With `cache`, files unchanged since the last load are not parsed again.
    """
    if not isinstance(config, KBConfig):
        config = read_config(config)
    kb = KB(
        root=config.root,
        docs_dir=config.docs_dir,
        policies_dir=config.policies_dir,
        answers_dir=config.answers_dir,
        config_file=config.config_file,
    )
    parse_cache = ParseCache(kb.root, enabled=cache)
    load_files(kb, parse_cache)
    parse_cache.save()
    index_clauses(kb)
    return kb
