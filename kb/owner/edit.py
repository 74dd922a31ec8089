"""Commands that edit the KB: new policies, clauses and answers, bumps and reviews.

Every edit is a round trip through ruamel.yaml, so a policy owner's comments,
key order, quoting and layout survive; an answer's front matter is edited in
place and its body is kept byte for byte. Each edit touches one file and
writes it atomically: a bad input leaves the file as it was.
"""

from __future__ import annotations

import codecs
import copy
import io
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import DuplicateKeyError
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.scalarstring import LiteralScalarString
from ruamel.yaml.util import load_yaml_guess_indent

from .. import rules, sources, yamlsrc
from ..errors import KBError
from ..load import ANSWER_ID_PATTERN, ID_PATTERN, id_problem, nfc
from ..messages import t
from ..model import KB, Answer, Clause
from ..text import did_you_mean, near, same_text

# --- round trips --------------------------------------------------------------


def _yaml(text: str) -> YAML:
    """A round-trip YAML that writes with the indentation the file already uses."""
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a long line of Korean text
    try:
        _, sequence, offset = load_yaml_guess_indent(text)
    except Exception:  # noqa: BLE001 - an unusual file falls back to the defaults
        sequence, offset = None, None
    if sequence:
        offset = offset or 0
        yaml.indent(mapping=max(2, sequence - offset), sequence=sequence, offset=offset)
    else:
        yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _load(text: str, path: str, first_line: int = 1):
    """Round-trip `text` (LF line ends), refusing what `kb check` reads differently.

    Duplicate keys and YAML merge keys (`<<: *base`) are schema errors of the
    check; an editor that read them its own way would write a file that means
    something else than what the owner checked, so it refuses them too.
    """
    refuse_merge_keys(text, path, first_line)
    yaml = _yaml(text)
    try:
        return yaml, yaml.load(text)
    except DuplicateKeyError as exc:
        line = _mark_line(exc.problem_mark) + first_line
        key = re.search(r'duplicate key "(.*?)"', exc.problem or "")
        name = t("edit.the_key", key=key[1]) if key else t("edit.a_key")
        raise KBError(
            t("edit.duplicate_key", path=path, line=line, name=name)
        ) from None
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = _mark_line(mark) + first_line
        raise KBError(
            t("edit.bad_yaml", path=path, line=line, problem=exc.problem)
        ) from None


def _mark_line(mark) -> int:
    return mark.line if mark is not None else 0


def refuse_merge_keys(text: str, path: str, first_line: int = 1) -> None:
    from ..yamlsrc import key_problems, merge_key_message, parse

    try:
        problems = key_problems(parse(text, offset=first_line - 1))
    except Exception:  # noqa: BLE001 - not YAML: ruamel's own error says where
        return
    for line, message in problems:
        if message == merge_key_message():
            raise KBError(f"{path}:{line}: {message}")


@dataclass
class Source:
    """A file's text with LF line ends, and how it was written: BOM and line ends."""

    text: str
    bom: bool = False
    newline: str = "\n"


def read_source(path: Path, rel: str) -> Source:
    """A KB file as `kb check` reads it (UTF-8, with or without a BOM, LF or CRLF)."""
    bom, text = _decode(path.read_bytes(), rel)
    crlf = text.count("\r\n")
    newline = "\r\n" if crlf and crlf * 2 >= text.count("\n") else "\n"
    return Source(text.replace("\r\n", "\n"), bom, newline)


def _decode(raw: bytes, rel: str) -> tuple[bool, str]:
    """(whether it has a BOM, the text after it)."""
    bom = raw.startswith(codecs.BOM_UTF8)
    try:
        return bom, raw[len(codecs.BOM_UTF8) if bom else 0 :].decode("utf-8")
    except UnicodeDecodeError:
        message = t("edit.decode")
        raise KBError(f"{rel}:1: {message}") from None


def write_source(path: Path, text: str, like: Source) -> None:
    """Write LF `text` with the BOM and line ends of the file it came from."""
    write_atomic(path, ("\ufeff" if like.bom else "") + text.replace("\n", like.newline))


def _dump(yaml: YAML, data) -> str:
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def write_atomic(path: Path, text: str) -> None:
    """Write all of `text` or nothing: a crash never leaves half a file."""
    try:
        _write_atomic(path, text)
    except OSError as exc:  # a name too long, a read-only folder: say so, no traceback
        raise KBError(
            t("edit.write_atomic", path=path, cause=exc.strerror or exc)
        ) from None


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    sources.write_atomic(path, text.encode("utf-8"))


def _block(text: str) -> LiteralScalarString:
    """Clause and answer text as a `|` block, the way people write it by hand."""
    text = nfc(text).replace("\r\n", "\n").strip("\n") + "\n"
    return LiteralScalarString(text)


# --- policies and clauses -----------------------------------------------------


@dataclass
class Edit:
    """What an edit did, for the command to report."""

    path: Path
    messages: list[str] = field(default_factory=list)


def _check_id(value: str, pattern: re.Pattern, what: str) -> str:
    value = nfc(value.strip())
    problem = id_problem(value, pattern)  # the check's own rule, before any file is named
    if problem is not None:
        raise KBError(f"{what}: {problem}")
    return value


def _taken(kb: KB, ident: str) -> None:
    owners = [p.path for p in kb.policies if p.id == ident]
    owners += [c.path for c in kb.clauses.values() if c.id == ident]
    owners += [a.path for a in kb.answers if a.id == ident]
    if owners:
        raise KBError(t("edit.taken", ident=ident, where=owners[0]))


def new_policy(
    kb: KB,
    policy_id: str,
    title: str,
    owner: str,
    clause_title: str,
    clause_text: str,
    effective: date,
    review_by: date | None = None,
    path: Path | None = None,
) -> Edit:
    """A new policy file with its first clause, `<ID>-1` (a policy needs one)."""
    policy_id = _check_id(policy_id, ID_PATTERN, t("edit.what_policy_id"))
    _taken(kb, policy_id)
    target = path or kb.policies_dir / f"{policy_id.lower()}.yaml"
    if target.exists():
        raise KBError(t("edit.policy_exists", target=target))
    data = CommentedMap()
    data["id"] = policy_id
    data["title"] = nfc(title)
    data["owner"] = nfc(owner)
    if review_by is not None:
        data["review_by"] = review_by
    data["clauses"] = CommentedSeq(
        [_clause_map(f"{policy_id}-1", clause_title, clause_text, effective)]
    )
    yaml = _yaml("")
    write_atomic(target, _dump(yaml, data))
    return Edit(target, [t("edit.new_policy", policy_id=policy_id)])


def _clause_map(clause_id: str, title: str, text: str, effective: date, **extra) -> CommentedMap:
    entry = CommentedMap()
    entry["id"] = clause_id
    entry["title"] = nfc(title)
    entry["version"] = 1
    entry["effective"] = effective
    for key, value in extra.items():
        if value:
            entry[key] = value
    entry["text"] = _block(text)
    return entry


def _policy_file(kb: KB, policy_id: str):
    policy = next((p for p in kb.policies if p.id == policy_id), None)
    if policy is None:
        found = near(policy_id, [p.id for p in kb.policies])
        hint = did_you_mean(found)
        raise KBError(t("edit.policy_file", policy_id=policy_id, hint=hint))
    return policy, kb.root / policy.path


def _next_clause_id(kb: KB, policy_id: str) -> str:
    numbers = [
        int(c.id.rsplit("-", 1)[1])
        for c in kb.clauses.values()
        if c.policy_id == policy_id and re.fullmatch(rf"{re.escape(policy_id)}-\d+", c.id)
    ]
    return f"{policy_id}-{max(numbers, default=0) + 1}"


def new_clause(
    kb: KB,
    policy_id: str,
    title: str,
    text: str,
    effective: date,
    clause_id: str | None = None,
    expires: date | None = None,
    supersedes: list[str] | None = None,
) -> Edit:
    """Append a clause (version 1) to a policy file, leaving the rest of the file as it was."""
    policy, path = _policy_file(kb, policy_id)
    clause_id = _check_id(
        clause_id or _next_clause_id(kb, policy.id), ID_PATTERN, t("edit.what_clause_id")
    )
    if not clause_id.startswith(policy.id + "-"):
        raise KBError(t("edit.clause_prefix", clause_id=clause_id, id=policy.id))
    _taken(kb, clause_id)
    for old in supersedes or []:
        if old not in kb.clauses:
            raise KBError(t("edit.no_superseded", old=old))
    source = read_source(path, policy.path)
    yaml, data = _load(source.text, policy.path)
    clauses = data.get("clauses") if isinstance(data, dict) else None
    if not isinstance(clauses, CommentedSeq):  # what ruamel makes of a block list
        raise KBError(t("edit.clauses_not_list", path=policy.path))
    entry = _clause_map(
        clause_id,
        title,
        text,
        effective,
        expires=expires,
        supersedes=CommentedSeq(supersedes) if supersedes else None,
    )
    if entry.get("supersedes") is not None:
        entry["supersedes"].fa.set_flow_style()
    _append_item(clauses, entry)
    write_source(path, _dump(yaml, data), source)
    return Edit(path, [t("edit.new_clause", clause_id=clause_id, id=policy.id)])


def _clause_entry(kb: KB, clause_id: str):
    clause = kb.clauses.get(clause_id)
    if clause is None:
        close = rules.suggestions(kb, clause_id)
        hint = did_you_mean(close)
        raise KBError(t("edit.no_clause", clause_id=clause_id, hint=hint))
    path = kb.root / clause.path
    source = read_source(path, clause.path)
    yaml, data = _load(source.text, clause.path)
    for entry in data.get("clauses") or [] if isinstance(data, dict) else []:
        if isinstance(entry, dict) and nfc(str(entry.get("id", ""))) == clause_id:
            return clause, path, yaml, data, entry, source
    raise KBError(
        t(
            "edit.clause_not_found",
            path=clause.path,
            clause_id=clause_id,
        )
    )  # pragma: no cover


def bump(
    kb: KB,
    clause_id: str,
    effective: date,
    text: str | None = None,
    note: str | None = None,
    old_text: str | None = None,
) -> Edit:
    """A new version of a clause: the old version moves to the front of `history`.

    `text` is the new text; when None, the text already in the file is (the
    owner edited it by hand). `old_text` is the text in force until now when
    it is no longer in the file (from git); else the file's text is.
    """
    clause, path, yaml, data, entry, source = _clause_entry(kb, clause_id)
    current = str(entry.get("text") or "")
    if text is None and old_text is None:
        raise KBError(
            t(
                "edit.bump_no_text",
                path=clause.path,
                line=clause.lines.get("text", clause.line),
                clause_id=clause_id,
            )
        )
    new_text = current if text is None else text
    previous = current if old_text is None else old_text
    if same_text(new_text, previous):
        raise KBError(
            t(
                "edit.bump_same_text",
                path=clause.path,
                line=clause.lines.get("text", clause.line),
                clause_id=clause_id,
            )
        )
    if clause.effective is not None and effective < clause.effective:
        raise KBError(
            t(
                "edit.bump_too_early",
                path=clause.path,
                line=clause.lines.get("effective", clause.line),
                effective=effective,
                version=clause.version,
                since=clause.effective,
            )
        )
    _push_history(entry, clause, previous, note)
    entry["version"] = clause.version + 1
    entry["effective"] = effective
    entry["text"] = _block(new_text) if text is not None else entry["text"]
    entry.pop("editorial", None)  # it described the old version's wording
    write_source(path, _dump(yaml, data), source)
    return Edit(
        path,
        [
            t(
                "edit.bumped",
                clause_id=clause_id,
                version=clause.version,
                new=clause.version + 1,
            )
        ],
    )


def scheduled_note(clause_id: str, version: int, day: date, in_force: int | None) -> str:
    """What a future-dated bump means for the owner: nothing breaks until `day`."""
    until = t("edit.until_then", in_force=in_force) if in_force else ""
    return t("edit.scheduled", clause_id=clause_id, version=version, day=day, until=until)


def _push_history(entry: CommentedMap, clause: Clause, old_text: str, note: str | None) -> None:
    history = entry.get("history")
    old = CommentedMap()
    old["version"] = clause.version
    old["effective"] = entry.get("effective")
    fields = {"text": _block(old_text), "note": nfc(note) if note else None}
    for key in _history_order(history if isinstance(history, list) else []):
        if fields[key] is not None:
            old[key] = fields[key]
    if isinstance(history, list):
        history.insert(0, old)
    else:
        _append_key(entry, "history", CommentedSeq([old]))


def _append_key(mapping: CommentedMap, key: str, value) -> None:
    """Add `key` last, moving the blank lines and comments that ended the mapping after it.

    ruamel keeps what follows a mapping's last value (the blank line between
    two clauses, a comment on the next one) with that value; the new last
    value must take it over, or the blank line would end up inside the clause.
    """
    last = next(reversed(mapping), None) if mapping else None
    mapping[key] = value
    token, after = _take_trailing(mapping, last) if last is not None else (None, "")
    if token is not None:
        _attach_trailing(mapping, key, after, token)


def _append_item(seq: CommentedSeq, item: CommentedMap) -> None:
    """Append a mapping to a list, moving what followed the list (a `# footer`
    comment, blank lines) after the new item, where it was: at the end."""
    place = _innermost_last(seq)
    token, after = _take_trailing(*place) if place is not None else (None, "")
    seq.append(item)
    if token is not None and item:
        _attach_trailing(item, next(reversed(item)), after, token)


def _innermost_last(node):
    """(mapping, key) of the last value written in `node`: ruamel keeps the lines
    that follow a block with that value."""
    place = None
    while isinstance(node, (list, dict)) and node:
        if isinstance(node, list):
            node = node[-1]
            continue
        key = next(reversed(node))
        place, node = (node, key), node[key]
    return place


def _take_trailing(mapping: CommentedMap, key) -> tuple:
    """Detach the lines after mapping[key]'s own line (its end-of-line comment stays).

    Returns (comment token, the detached text), or (None, "") when nothing follows.
    """
    items = getattr(mapping, "ca", None)
    token = items.items.get(key, [None] * 4)[2] if items is not None else None
    if token is None:
        return None, ""
    if isinstance(mapping[key], LiteralScalarString):  # its own line end is in the scalar
        eol, after = "", token.value
    else:
        line, sep, after = token.value.partition("\n")
        eol = line + sep
    if not after:
        return None, ""
    if eol.strip():
        token.value = eol
    else:
        mapping.ca.items[key][2] = None
    return token, after


def _attach_trailing(mapping: CommentedMap, key: str, after: str, token) -> None:
    """Put `after` (lines that follow a value) behind the innermost last scalar of mapping[key]."""
    while isinstance(mapping[key], (list, dict)) and mapping[key]:
        inner = mapping[key]
        if isinstance(inner, list):
            if not isinstance(inner[-1], dict) or not inner[-1]:
                break
            inner = inner[-1]
        mapping, key = inner, next(reversed(inner))
    moved = copy.copy(token)
    moved.value = after if isinstance(mapping[key], LiteralScalarString) else "\n" + after
    mapping.ca.items[key] = [None, None, moved, None]


def _history_order(history: list) -> list[str]:
    """`text` and `note` in the order the file's history entries already use."""
    for item in history:
        keys = [k for k in item if k in ("text", "note")] if isinstance(item, dict) else []
        if len(keys) == 2:
            return keys
    return ["text", "note"]


# --- answers ------------------------------------------------------------------


def split_answer(source: str, path: str) -> tuple[str, str, str]:
    """(opening fence line, front matter, the rest from the closing fence on, verbatim)."""
    lines = source.split("\n")
    try:
        end = yamlsrc.closing_fence(lines)
    except yamlsrc.YAMLSourceError as exc:
        raise KBError(f"{path}:{exc.line}: {exc.message}") from None
    return lines[0] + "\n", "".join(line + "\n" for line in lines[1:end]), "\n".join(lines[end:])


def _edit_front_matter(path: Path, rel: str, change) -> None:
    """Edit an answer's front matter; the body, BOM and line ends stay byte for byte."""
    bom, source = _decode(path.read_bytes(), rel)
    opening, front, rest = split_answer(source, rel)
    # ruamel keeps a CR inside comments and scalars: read LF, write the file's own ends.
    yaml, data = _load(front.replace("\r\n", "\n"), rel, first_line=2)
    if not isinstance(data, dict):
        raise KBError(t("edit.edit_front_matter", rel=rel))
    change(data)
    newline = "\r\n" if opening.endswith("\r\n") else "\n"
    dumped = _dump(yaml, data).replace("\n", newline)
    write_atomic(path, ("\ufeff" if bom else "") + opening + dumped + rest)


def pin(kb: KB, clause_id: str, today: date) -> str:
    """`CLAUSE@VERSION` for the version in force on `today` (SPEC §4), or why it cannot be cited.

    A scheduled version is not pinned before its date: the answer would be
    `future-clause` today. A clause not yet in force at all gets its first version.
    """
    clause = kb.clauses.get(nfc(clause_id.split("@")[0].strip()))
    if clause is None:
        close = rules.suggestions(kb, clause_id)
        hint = did_you_mean(close)
        raise KBError(t("edit.pin", clause_id=clause_id, hint=hint))
    return f"{clause.id}@{rules.shown(clause, today).version}"


def new_answer(
    kb: KB,
    answer_id: str,
    title: str,
    cites: list[str],
    body: str,
    today: date,
    tags: list[str] | None = None,
    owner: str | None = None,
    review_by: date | None = None,
    path: Path | None = None,
    effective: date | None = None,
) -> Edit:
    """A new answer file whose citations are pinned to the clauses' current versions.

    An answer with an `effective` date is checked against that day (SPEC §4).
    """
    answer_id = _check_id(answer_id, ANSWER_ID_PATTERN, t("edit.what_answer_id"))
    _taken(kb, answer_id)
    if not cites:
        raise KBError(t("edit.answer_needs_cite"))
    on = max(today, effective or today)  # SPEC §4: checked on its own date
    pins = [pin(kb, c, on) for c in cites]
    target = path or kb.answers_dir / f"{answer_id}.md"
    if target.exists():
        raise KBError(t("edit.answer_exists", target=target))
    data = CommentedMap()
    data["id"] = answer_id
    data["title"] = nfc(title)
    data["cites"] = CommentedSeq(pins)
    data["cites"].fa.set_flow_style()
    if tags:
        data["tags"] = CommentedSeq(nfc(tag) for tag in tags)
        data["tags"].fa.set_flow_style()
    if owner:
        data["owner"] = nfc(owner)
    if review_by is not None:
        data["review_by"] = review_by
    if effective is not None:
        data["effective"] = effective
    front = _dump(_yaml(""), data)
    write_atomic(target, f"---\n{front}---\n{nfc(body).strip()}\n")
    edit = Edit(target, [t("edit.new_answer", answer_id=answer_id, pins=", ".join(pins))])
    edit.messages += _not_current(kb, pins, on)
    edit.messages += _coming(kb, pins, on)
    return edit


def _coming(kb: KB, pins: list[str], on: date) -> list[str]:
    """A cited clause with a scheduled version: the new answer goes stale on that date."""
    notes = []
    for raw in pins:
        clause = kb.clauses[raw.split("@")[0]]
        later = rules.scheduled(clause, on)
        if later is not None and rules.in_force(clause, on) is not None:
            notes.append(
                t("edit.coming", id=clause.id, version=later.version, effective=later.effective)
            )
    return notes


def _not_current(kb: KB, pins: list[str], today: date) -> list[str]:
    from ..load import _citation  # one parser for citations

    notes = []
    for raw in pins:
        problem = rules.citation_problem(kb, _citation(raw, 0), today)
        if problem is not None:
            notes.append(f"warning: {problem[1]}")
    return notes


@dataclass
class Review:
    path: Path
    repinned: list[tuple[str, str]] = field(default_factory=list)  # (old, new)
    left: list[str] = field(default_factory=list)  # problems a person must fix
    changes: list = field(default_factory=list)  # reread.Change since each pin
    outdated: list = field(default_factory=list)  # phrases.Hit: old values in the body
    refused: bool = False  # old values remain: nothing was written


def review(
    kb: KB, answer_id: str, today: date, review_by: date | None = None, force: bool = False
) -> Review:
    """Re-pin an answer's stale citations, once a person has re-read it.

    Only `CLAUSE@N` citations whose clause is current and at another version
    are re-pinned: a superseded, retired or expired clause needs a new
    citation and probably new wording, which only a person can give. While
    the body still states a value of an earlier version, nothing is re-pinned
    unless `force`: a re-pin must follow a re-read.
    """
    from .reread import before_repin

    answer = kb.answer(answer_id)
    if answer is None:
        raise KBError(t("edit.no_answer", answer_id=answer_id, hint=_answer_hint(kb, answer_id)))
    _refuse_future_repin(answer, today)
    on = rules.check_date(answer, today)
    result = Review(kb.root / answer.path)
    result.changes, result.outdated = before_repin(kb, answer, today)
    if result.outdated and not force:
        result.refused = True
        return result
    changes = {}
    for citation in answer.cites:
        problem = rules.citation_problem(kb, citation, on)
        if problem is None:
            continue
        clause = kb.clauses.get(citation.clause_id or "")
        now = rules.in_force(clause, on) if clause is not None else None
        if problem[0] == "stale-citation" and clause is not None and now is not None:
            # the version in force on the answer's date, never one scheduled after it
            changes[citation.raw] = f"{clause.id}@{now.version}"
        else:
            result.left.append(f"{answer.path}:{citation.line}: {problem[0]} {problem[1]}")
    for ref in answer.refs:
        problem = rules.citation_problem(kb, ref, on)
        if problem is not None:
            result.left.append(
                t(
                    "edit.inline_reference",
                    path=answer.path,
                    line=ref.line,
                    code=problem[0],
                    message=problem[1],
                )
            )
    result.repinned = list(changes.items())
    if changes or review_by is not None:
        _edit_front_matter(result.path, answer.path, lambda d: _repin(d, changes, review_by))
    return result


def _refuse_future_repin(answer, as_of: date) -> None:
    """Re-pinning for a later date would make the answer cite a clause not yet in force
    today (`future-clause`): an answer prepared ahead says so with `effective:`."""
    if as_of <= date.today() or (answer.effective is not None and answer.effective >= as_of):
        return
    raise KBError(t("edit.refuse_future_repin", path=answer.path, as_of=as_of))


def _repin(data, changes: dict[str, str], review_by: date | None) -> None:
    cites = data.get("cites")
    if isinstance(cites, list):
        for index, raw in enumerate(cites):
            if isinstance(raw, str) and nfc(raw.strip()) in changes:
                cites[index] = changes[nfc(raw.strip())]
    elif isinstance(cites, str) and nfc(cites.strip()) in changes:
        data["cites"] = changes[nfc(cites.strip())]
    if review_by is not None:
        data["review_by"] = review_by


def _answer_hint(kb: KB, answer_id: str) -> str:
    found = near(answer_id, [a.id for a in kb.answers])
    return did_you_mean(found)


def pinned_to(kb: KB, clause_id: str, version: int) -> list[Answer]:
    """Published answers that pin `clause_id` at `version` (in `cites` or inline)."""
    return [
        answer
        for answer in kb.published_answers()
        if any(
            c.clause_id == clause_id and c.version == version for c in answer.cites + answer.refs
        )
    ]
