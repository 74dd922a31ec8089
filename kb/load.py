"""Read a KB from disk into the model, collecting what cannot be read.

Loading never stops at a bad file: a file that does not parse becomes a
`parse-error`, a field of the wrong shape a `schema-error`, and the rest of
the KB is still read so the check can report everything at once.
"""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

from . import dates, frontmatter, sources, yamlsrc
from .cache import ParseCache
from .config import KBConfig, read_config
from .confine import Fence, Screen
from .messages import t
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
from .text import nfc
from .yamlsrc import Map, Seq, YAMLSourceError, as_date

ID_PATTERN = re.compile(r"[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*")
# SPEC: "letters, digits, '-', '_'"; Korean letters are letters (`환불-안내`).
ANSWER_ID_PATTERN = re.compile(r"[\w-]+")
CITATION_PATTERN = re.compile(r"([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*)@([1-9][0-9]*)")
# An `id:` line as written, read without parsing (for a file that does not parse).
ID_LINE = re.compile(
    r"^[ \t]*(?:-[ \t]+)?id:[ \t]*[\"']?([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*)[\"']?[ \t]*(?:#.*)?$", re.M
)
# `[[REFUND-1]]` or `[[REFUND-1@2]]`; anything after '@' is kept so that a
# malformed pin is reported rather than ignored.
INLINE_PATTERN = re.compile(r"\[\[\s*([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*)(?:@([^\]\s]*))?\s*\]\]")
# Fenced code blocks and inline code: references there are examples, not references.
CODE_PATTERN = re.compile(r"^[ \t]*(```|~~~).*?^[ \t]*\1[^\n]*$|`[^`\n]+`", re.M | re.S)

# How to write an id, for the message when one does not match its pattern.
PATTERN_WORDS = {ID_PATTERN: "load.id_pattern", ANSWER_ID_PATTERN: "load.answer_id_pattern"}

# Ids become file names (`policies/<id>.md` in the site, `<id>.yaml` and
# `<id>.md` from `kb new`): a file name has at most 255 bytes, and a Korean
# letter takes 3 of them in UTF-8.
MAX_ID_LENGTH = 80
# Policy ids whose page would take the name of a page the site needs
# (`policies/index.md` lists the policies) or that Windows cannot create.
RESERVED_IDS = frozenset(
    {"INDEX", "CON", "PRN", "AUX", "NUL"}
    | {f"{port}{n}" for port in ("COM", "LPT") for n in range(1, 10)}
)

CLAUSE_STATUSES = ("active", "retired")
ANSWER_STATUSES = ("active", "draft", "retired")


def id_problem(value: str, pattern: re.Pattern) -> str | None:
    """Why `value` cannot be an id of this pattern (a sentence after "'id'의 "), or None."""
    if len(value) > MAX_ID_LENGTH:
        return t(
            "load.id_too_long",
            start=value[:20],
            length=len(value),
            limit=MAX_ID_LENGTH,
        )
    if not pattern.fullmatch(value):
        return t("load.id_pattern_problem", ident=value, how=t(PATTERN_WORDS[pattern]))
    if value.upper() in RESERVED_IDS:
        return t("load.id_reserved", ident=value, name=value.lower())
    return None


def names_a_file(ident: str) -> bool:
    """True when a page or file named after `ident` can exist (see RESERVED_IDS)."""
    return len(ident) <= MAX_ID_LENGTH and ident.upper() not in RESERVED_IDS


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
                message = t("load.missing", key=key)
                self.error(self.line(key), message)  # an empty `key:` line, else the mapping
            return True
        return False

    def text(self, key: str, required: bool = False, pattern: re.Pattern | None = None) -> str:
        if self._missing(key, required):
            return ""
        value = self.data[key]
        if isinstance(value, (int, float)) and not isinstance(value, bool) and pattern is None:
            value = str(value)  # a title of "2026" is still a title
        if not isinstance(value, str):
            self.error(self.line(key), t("load.not_text", key=key, kind=_kind(value)))
            return ""
        value = nfc(value)
        problem = id_problem(value, pattern) if pattern is not None else None
        if problem is not None:
            self.error(self.line(key), t("load.text_problem", key=key, problem=problem))
        return value

    def date(self, key: str, required: bool = False):
        if self._missing(key, required):
            return None
        value = as_date(self.data[key])
        if value is None:
            problem = dates.problem(self.data[key])
            self.error(self.line(key), t("load.date", key=key, problem=problem))
        return value

    def integer(self, key: str, required: bool = False, minimum: int = 1) -> int | None:
        if self._missing(key, required):
            return None
        value = self.data[key]
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            shown = repr(value) if isinstance(value, (int, float, str)) else _kind(value)
            message = t("load.integer", key=key, minimum=minimum, shown=shown)
            self.error(self.line(key), message)
            return None
        return value

    def choice(self, key: str, choices: tuple[str, ...]) -> str:
        value = self.text(key)
        if value and value not in choices:
            message = t("load.choice", key=key, choices=", ".join(choices), given=value)
            self.error(self.line(key), message)
            return choices[0]
        return value or choices[0]

    def text_list(self, key: str) -> list[str]:
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, Seq):
            self.error(self.line(key), _not_a_list(key, value))
            return []
        items = []
        for item, line in zip(value, value.lines, strict=True):
            if isinstance(item, str) and item.strip():
                items.append(nfc(item.strip()))
            else:
                self.error(line, t("load.text_list", key=key, item=_kind(item)))
        return items

    def mapping_list(self, key: str, required: bool = False) -> list[Map]:
        value = self.data.get(key)
        if value is None or value == []:
            if required:
                message = t("load.list_empty", key=key)
                self.error(self.line(key), message)
            return []
        if not isinstance(value, Seq):
            self.error(self.line(key), _not_a_list(key, value))
            return []
        items = []
        for item, line in zip(value, value.lines, strict=True):
            if isinstance(item, Map):
                items.append(item)
            else:
                message = t("load.item_not_mapping", key=key, item=_kind(item))
                self.error(line, message)
        return items


def _kind(value) -> str:
    """What a value is, in an owner's words (never `None`)."""
    if value is None or value == "":
        return t("load.kind_empty")
    if isinstance(value, bool):
        return t("load.kind_bool")
    if isinstance(value, (int, float)):
        return t("load.kind_number")
    if isinstance(value, str):
        return t("load.kind_text")
    if isinstance(value, list):
        return t("load.kind_list")
    if isinstance(value, dict):
        return t("load.kind_mapping")
    if isinstance(value, date):
        return t("load.kind_date")
    return t("load.kind_unknown")


def _not_a_list(key: str, value) -> str:
    return t("load.not_a_list", key=key, kind=_kind(value))


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
    before = len(findings)
    clause_id = fields.text("id", required=True, pattern=ID_PATTERN)
    if clause_id and policy_id and not clause_id.startswith(policy_id + "-"):
        fields.error(
            fields.line("id"),
            t("load.clause", clause_id=clause_id, policy_id=policy_id),
        )
    clause = Clause(
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
    if clause_id:  # citations of a clause read wrongly follow from its errors
        for finding in findings[before:]:
            finding.blocks = (clause_id,)
    return clause


def policy_from_data(data, path: str, findings: list[Finding]) -> Policy | None:
    if not isinstance(data, Map):
        line = getattr(data, "line", 1)
        findings.append(Finding("schema-error", ERROR, path, line, t("load.policy_from_data")))
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
    if isinstance(raw, str):
        text = nfc(raw.strip())
    else:
        text = t("load.citation") if raw is None else str(raw)
    match = CITATION_PATTERN.fullmatch(text)
    if match is None:
        return Citation(raw=text, line=line)
    return Citation(raw=text, line=line, clause_id=match[1], version=int(match[2]))


def inline_refs(body: str, first_line: int) -> list[Citation]:
    """The `[[CLAUSE]]` references of a Markdown body, outside code."""
    masked = CODE_PATTERN.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), body)
    refs = []
    line, counted = first_line, 0
    for match in INLINE_PATTERN.finditer(masked):
        # Count newlines from the previous reference only: linear in the body.
        line += masked.count("\n", counted, match.start())
        counted = match.start()
        refs.append(inline_citation(match[0], line, match[1], match[2]))
    return refs


def inline_citation(raw: str, line: int, clause_id: str, pin: str | None) -> Citation:
    """`[[CLAUSE]]` or `[[CLAUSE@N]]` as a citation; a malformed pin has no clause.

    The check and the site both read pins here: only ASCII `[1-9][0-9]*` is a
    version (`str.isdigit` would take `²`, which int() refuses).
    """
    if pin is None:
        return Citation(raw, line, clause_id, None, inline=True)
    if re.fullmatch(r"[1-9][0-9]*", pin, re.ASCII):
        return Citation(raw, line, clause_id, int(pin), inline=True)
    return Citation(raw, line, None, None, inline=True)


def answer_from_text(text: str, path: str, doc_path: str, findings: list[Finding]) -> Answer | None:
    try:
        data, body, body_line = yamlsrc.parse_front_matter(text)
    except YAMLSourceError as exc:
        findings.append(Finding("parse-error", ERROR, path, exc.line, exc.message))
        return None
    if not isinstance(data, Map):
        findings.append(Finding("parse-error", ERROR, path, 1, t("load.answer_from_text")))
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
    local.extend(_key_findings(data, path, answer.id or None))
    answer.tags = fields.text_list("tags")
    answer.questions = _questions(fields)
    answer.cites = _cites(data, fields)
    answer.refs = inline_refs(body, body_line)
    local.extend(frontmatter.answer_findings(data, data.lines, path, answer.id or None))
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
    if not isinstance(value, Seq):
        fields.error(fields.line("cites"), _not_a_list("cites", value))
        return []
    return [_citation(item, line) for item, line in zip(value, value.lines, strict=True)]


def manual_from_text(
    text: str, path: str, doc_path: str, findings: list[Finding] | None = None
) -> Manual:
    body, body_line, title = text, 1, ""
    meta: dict = {}
    lines: dict[str, int] = {}
    if text.startswith("---"):
        try:
            front, body, body_line = yamlsrc.split_front_matter(text)
        except YAMLSourceError:  # a '---' rule, not front matter: MkDocs agrees
            body, body_line, front = text, 1, None
        try:
            data = yamlsrc.parse(front, offset=1) if front is not None else None
            if isinstance(data, Map):
                meta, lines = data, data.lines
                if isinstance(data.get("title"), str):
                    title = nfc(data["title"])
        except YAMLSourceError as exc:
            if findings is not None:
                findings.append(Finding("parse-error", ERROR, path, exc.line, exc.message))
    else:
        meta, lines = frontmatter.mmd_meta(text)  # MkDocs reads `key: value` lines at the top
    if findings is not None:
        findings.extend(frontmatter.manual_findings(meta, lines, path))
    if not title:
        title = first_heading(body) or Path(doc_path).stem
    return Manual(doc_path, path, title, body, body_line, inline_refs(body, body_line))


def first_heading(body: str) -> str | None:
    """The text of the first `# Title` line, closing #s dropped.

    Plain string work, not a regex: `^#\\s+(.+?)\\s*#*\\s*$` backtracks
    cubically on a heading padded with thousands of spaces and tabs.
    """
    for line in body.split("\n"):
        if line[:1] == "#" and line[1:2] in (" ", "\t"):
            title = line[1:].strip().rstrip("#").strip()
            if title:
                return title
    return None


# --- the whole KB -----------------------------------------------------------


def _files(
    directory: Path, suffixes: tuple[str, ...], skip: Path | None = None, screen=None
) -> list[str]:
    """Paths of files below `directory`, hidden folders and `skip` left out, in path order.

    `screen` (a `confine.Screen`) leaves out links out of the KB and active files.

    Plain strings rather than Path objects: on a KB of 10,000 answers,
    pathlib's overhead was a tenth of the whole check.
    """
    top = str(directory)
    if not os.path.isdir(top) or (screen is not None and not screen.top(top)):
        return []
    admit = screen.admit if screen is not None else None
    found = [entry.path for entry in sources.walk(top, suffixes, skip, admit)]
    if os.sep != "/":  # pragma: no cover - sort and report with POSIX separators
        found = [f.replace(os.sep, "/") for f in found]
    found.sort()
    return found


def _read(path: str, rel: str, findings: list[Finding]) -> str | None:
    try:
        return sources.read_text(path)
    except sources.SourceError as exc:
        findings.append(Finding("parse-error", ERROR, rel, exc.line, exc.message))
        return None


def _rel(path: str, root: Path) -> str:
    prefix = root.as_posix().rstrip("/") + "/"
    return path[len(prefix) :] if path.startswith(prefix) else path


def _parse_policy(path: str, rel: str, kb: KB):
    findings: list[Finding] = []
    text = _read(path, rel, findings)
    if text is None:
        return None, findings
    try:
        data = yamlsrc.parse(text)
    except YAMLSourceError as exc:
        found = Finding("parse-error", ERROR, rel, exc.line, exc.message, blocks=_ids_in(text))
        return None, [found]
    policy = policy_from_data(data, rel, findings)
    if policy is None:  # YAML, but not a policy: its clauses are as unreadable
        for finding in findings:
            finding.blocks = _ids_in(text)
    findings.extend(_key_findings(data, rel, policy.id if policy is not None else None))
    return policy, findings


def _key_findings(data, path: str, subject: str | None) -> list[Finding]:
    """Duplicate and merge keys: a schema error, for the editors would read them otherwise."""
    return [
        Finding("schema-error", ERROR, path, line, message, subject)
        for line, message in yamlsrc.key_problems(data)
    ]


def _ids_in(text: str) -> tuple[str, ...]:
    """The ids written in a policy file that does not parse: what its failure hides."""
    return tuple(dict.fromkeys(m[1] for m in ID_LINE.finditer(text)))


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
    return manual_from_text(text, rel, _rel(path, kb.docs_dir), findings), findings


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


def load_files(kb: KB, cache: ParseCache, publish_html: bool = False) -> None:
    fence = Fence(kb.root, kb.docs_dir, kb.policies_dir)
    rel = lambda path: _rel(path, kb.root)  # noqa: E731
    policies = _files(kb.policies_dir, (".yaml", ".yml"), screen=Screen(fence, rel, kb.findings))
    _load_each(kb, policies, _parse_policy, kb.policies, cache)
    docs = Screen(fence, rel, kb.findings, publish_html)
    _load_each(kb, _files(kb.answers_dir, (".md",), screen=docs), _parse_answer, kb.answers, cache)
    manuals = _files(kb.docs_dir, (".md",), skip=kb.answers_dir, screen=docs)
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
    parse_cache = ParseCache.for_kb(kb, enabled=cache)
    load_files(kb, parse_cache, config.publish_html)
    parse_cache.save()
    index_clauses(kb)
    return kb
