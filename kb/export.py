"""`kb export`: the published answers in the import format of a chat tool (SPEC §8).

Agents answer inside Zendesk, Freshdesk or Intercom, not inside kb; the
tools' own macro libraries drift from policy unless they are fed from the
KB. An export carries only answers that are good on the date: an answer
with any error finding (a broken citation, personal data, a placeholder
the tool cannot fill) is left out and named, so that a broken clause never
reaches the tool, while the rest of a failing KB still goes out.

Each body follows the tool's public API (see docs-dev/export.md for the
documentation pages); the text is what an agent would copy from the site
(no Markdown, clause references as their titles), with `{{placeholders}}`
mapped to the tool's own syntax through a map file.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import quote

import yaml

from . import rules, sources
from .check import check
from .config import read_config
from .errors import KBError
from .messages import t
from .model import ERROR, KB, Answer, Finding
from .site.render import PLACEHOLDER  # a placeholder is what the site highlights as one
from .text import nfc

FORMATS = ("zendesk", "freshdesk", "intercom", "csv")
# The chat tools would show an unknown `{{…}}` to the customer as a blank.
TOOLS = ("zendesk", "freshdesk", "intercom")
CSV_COLUMNS = ("id", "title", "tags", "text", "cites", "url")
UNMAPPED = "placeholder-unmapped"
ANY = "*"  # in a map: every placeholder not named, e.g. "[{name}]" for the agent to fill in


@dataclass
class Item:
    """One answer as it goes out: its plain text with placeholders mapped."""

    answer: Answer
    text: str
    url: str

    @property
    def html(self) -> str:
        return text_to_html(self.text)


@dataclass
class Export:
    fmt: str
    as_of: date
    items: list[Item] = field(default_factory=list)
    left_out: dict[str, list[Finding]] = field(default_factory=dict)  # path -> errors
    not_yet: list[Answer] = field(default_factory=list)  # active, goes live after as_of
    names: dict[str, str] = field(default_factory=dict)  # path -> answer id, where known

    @property
    def complete(self) -> bool:
        return not self.left_out

    def render(self, folder_id: int | None = None) -> str:
        if self.fmt == "freshdesk":
            return freshdesk(self.items, folder_id)
        return {"zendesk": zendesk, "intercom": intercom, "csv": to_csv}[self.fmt](self.items)


# --- the placeholder map ---------------------------------------------------------


def _name(key) -> str:
    """A map key as a placeholder name: `{{고객명}}` and `고객명` are the same key."""
    text = nfc(str(key)).strip()
    if text.startswith("{{") and text.endswith("}}"):
        text = text[2:-2].strip()
    return text


def read_map(path: str | Path) -> dict[str, dict[str, str]]:
    """MAP.yaml -> {tool: {placeholder: value}}; top-level strings apply to every tool.

    ```yaml
    고객명: "{{ticket.requester.name}}"   # every tool
    intercom:
      고객명: "{{user.name}}"           # this tool only
    ```
    """
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise KBError(t("export.map_unreadable", path=path, strerror=exc.strerror)) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise KBError(
            t("export.map_not_yaml", where=where, problem=getattr(exc, 'problem', None) or exc)
        ) from None
    except UnicodeDecodeError:
        raise KBError(t("export.map_not_utf8", path=path)) from None
    return _map_from(data, path)


def _map_from(data, path: Path) -> dict[str, dict[str, str]]:
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise KBError(t("export.map_from", path=path))
    common: dict[str, str] = {}
    per_tool: dict[str, dict[str, str]] = {fmt: {} for fmt in FORMATS}
    for key, value in data.items():
        if key in FORMATS and isinstance(value, dict):
            per_tool[key] = {
                _name(k): _map_value(path, f"{key}.{k}", v) for k, v in value.items()
            }
        else:
            common[_name(key)] = _map_value(path, str(key), value)
    return {fmt: {**common, **per_tool[fmt]} for fmt in FORMATS}


def _map_value(path: Path, key: str, value) -> str:
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value)
    example = t("export.map_example")
    raise KBError(t("export.map_value_not_string", path=path, key=key, example=example))


# --- text -------------------------------------------------------------------------



def text_to_html(text: str) -> str:
    """Plain text as the HTML body a tool's API takes: paragraphs and line breaks, escaped."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "".join(
        "<p>" + "<br>".join(html.escape(line, quote=False) for line in p.split("\n")) + "</p>"
        for p in paragraphs
    )


def map_placeholders(
    text: str, mapping: dict[str, str] | None
) -> tuple[str, list[str]]:
    """(text with every placeholder mapped, names with no mapping). No mapping: kept as is."""
    if mapping is None:
        return text, []
    missing: list[str] = []

    def one(match: re.Match) -> str:
        name = nfc(match[1].strip())
        if name in mapping:
            return mapping[name]
        if ANY in mapping:
            return mapping[ANY].replace("{name}", name)
        missing.append(name)
        return match[0]

    return PLACEHOLDER.sub(one, text), missing


def _placeholder_line(answer: Answer, name: str) -> int:
    for match in PLACEHOLDER.finditer(answer.body):
        if nfc(match[1].strip()) == name:
            return answer.body_line + answer.body.count("\n", 0, match.start())
    return answer.body_line


def _unmapped(answer: Answer, name: str, fmt: str, map_given: bool) -> Finding:
    fix = t("export.unmapped_fix", name=name) if map_given else "--placeholders MAP.yaml"
    return Finding(
        UNMAPPED,
        ERROR,
        answer.path,
        _placeholder_line(answer, name),
        t("export.unmapped", name=name, fmt=fmt, fix=fix),
        answer.id,
    )


# --- which answers go out ----------------------------------------------------------


def _errors_by_path(kb: KB, on: date) -> dict[str, list[Finding]]:
    report = check(kb, on)
    errors: dict[str, list[Finding]] = {}
    for finding in report.findings:
        if finding.severity == ERROR:
            errors.setdefault(finding.path, []).append(finding)
    return errors


def _citation_errors(kb: KB, answer: Answer, on: date) -> Iterator[Finding]:
    """Each citation, checked again here: a clause in an unreadable policy file is
    reported by `kb check` on that file, but the answer must still stay out."""
    day = rules.check_date(answer, on)
    for citation in answer.cites + answer.refs:
        problem = rules.citation_problem(kb, citation, day)
        if problem is not None:
            yield Finding(problem[0], ERROR, answer.path, citation.line, problem[1], answer.id,
                          citation.clause_id)
    if not answer.cites:
        yield Finding("missing-citation", ERROR, answer.path, answer.lines.get("cites", 1),
                      t("export.citation_errors"), answer.id)


def _answer_paths(kb: KB) -> list[str]:
    """Every answer file, including those that could not be read at all."""
    loaded = {a.path for a in kb.answers}
    try:
        prefix = kb.answers_dir.relative_to(kb.root).as_posix().rstrip("/") + "/"
    except ValueError:  # answers_dir outside the KB folder: the loaded ones are all we know
        return sorted(loaded)
    return sorted(loaded | {f for f in kb.files if f.startswith(prefix)})


def export(
    kb: KB,
    fmt: str,
    as_of: date | None = None,
    placeholders: dict[str, dict[str, str]] | None = None,
) -> Export:
    """The answers of `kb` that can go out on `as_of`, and those left out with why."""
    if fmt not in FORMATS:
        raise KBError(t("export.export", fmt=fmt, FORMATS=', '.join(FORMATS)))
    on = as_of or date.today()
    result = Export(fmt, on)
    errors = _errors_by_path(kb, on)
    loaded = {a.path: a for a in kb.answers}
    mapping = placeholders[fmt] if placeholders is not None else ({} if fmt in TOOLS else None)
    text_of = _texts(kb, on, fmt, mapping, map_given=placeholders is not None)
    url = url_maker(kb)
    for path in _answer_paths(kb):
        answer = loaded.get(path)
        if answer is None:
            result.left_out[path] = errors.get(path) or [_unreadable(path)]
        elif answer.status != "active":
            continue  # drafts are not published; retired ones are not checked
        elif answer.effective is not None and answer.effective > on:
            result.not_yet.append(answer)
        else:
            result.names[path] = answer.id
            text, unmapped = text_of(answer)
            problems = _problems(kb, answer, on, errors.get(path, [])) + unmapped
            if problems:
                result.left_out[path] = sorted(problems, key=Finding.sort_key)
            else:
                result.items.append(Item(answer, text, url(answer)))
    return result


def sendable(kb: KB, on: date) -> dict[str, Answer]:
    """id -> answer for every answer that `export` would send on `on`, before the
    tool's own placeholder mapping: active, in force, and with no error. kb api
    serves exactly these."""
    errors = _errors_by_path(kb, on)
    return {
        answer.id: answer
        for answer in kb.answers
        if answer.id
        and answer.status == "active"
        and not (answer.effective is not None and answer.effective > on)
        and not _problems(kb, answer, on, errors.get(answer.path, []))
    }


def _problems(kb: KB, answer: Answer, on: date, found: list[Finding]) -> list[Finding]:
    """The check's errors on the answer's file, and any citation error it left unsaid."""
    seen = {(f.line, f.code) for f in found}
    return found + [f for f in _citation_errors(kb, answer, on) if (f.line, f.code) not in seen]


def _texts(kb: KB, on: date, fmt: str, mapping: dict[str, str] | None, map_given: bool):
    """answer -> (its text to send, with placeholders mapped; an error per unmapped one)."""
    from .site.context import Site  # the site's own text-to-copy rule, not a second copy

    site = Site(kb, on)

    def text_of(answer: Answer) -> tuple[str, list[Finding]]:
        text, missing = map_placeholders(site.answer_html(answer)[1], mapping)
        return text, [_unmapped(answer, name, fmt, map_given) for name in dict.fromkeys(missing)]

    return text_of


def _unreadable(path: str) -> Finding:
    return Finding("parse-error", ERROR, path, 1, t("export.unreadable"))


def url_maker(kb: KB):
    """answer -> its page on the built site: absolute when mkdocs.yml has a site_url."""
    from .site.context import page_url

    raw = read_config(kb.config_file).raw or {}
    directory_urls = bool(raw.get("use_directory_urls", True))
    base = str(raw.get("site_url") or "").rstrip("/")

    def url(answer: Answer) -> str:
        rel = quote(page_url(answer.doc_path, directory_urls))
        return f"{base}/{rel}" if base else rel

    return url


# --- the formats ------------------------------------------------------------------


def _dump(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _cites(answer: Answer) -> list[str]:
    return [c.raw for c in answer.cites]


def zendesk_title(answer: Answer) -> str:
    """Zendesk shows `::` in a macro title as categories: the first tag's hierarchy."""
    parts = [p.strip() for p in (answer.tags[0].split("/") if answer.tags else []) if p.strip()]
    return "::".join([*parts, answer.title])


def zendesk(items: list[Item]) -> str:
    """The body of Zendesk's macro API (`macros`, as `update_many` and list take it)."""
    macros = [
        {
            "title": zendesk_title(item.answer),
            "active": True,
            "description": f"kb:{item.answer.id} · {', '.join(_cites(item.answer))}",
            "actions": [{"field": "comment_value_html", "value": item.html}],
        }
        for item in items
    ]
    return _dump({"macros": macros})


def freshdesk(items: list[Item], folder_id: int | None = None) -> str:
    """The body of Freshdesk's `POST /api/v2/canned_responses/create_multiple`."""
    responses = []
    for item in items:
        one = {"title": item.answer.title, "content_html": item.html, "visibility": 0}
        if folder_id is not None:
            one["folder_id"] = folder_id
        responses.append(one)
    return _dump({"canned_responses": responses})


def intercom(items: list[Item]) -> str:
    """Intercom's macro (saved reply) objects, as its Macros API lists them."""
    macros = [
        {
            "type": "macro",
            "name": item.answer.title,
            "body": item.html,
            "body_text": item.text,
            "visible_to": "everyone",
            "available_on": ["inbox"],
        }
        for item in items
    ]
    return _dump({"type": "list", "data": macros})


def to_csv(items: list[Item]) -> str:
    """One row an answer; the caller writes it with a BOM for spreadsheet programs."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for item in items:
        a = item.answer
        writer.writerow([a.id, a.title, ", ".join(a.tags), item.text, ", ".join(_cites(a)),
                         item.url])
    return out.getvalue()


def encoded(result: Export, folder_id: int | None = None) -> bytes:
    """The bytes to write: UTF-8, with a BOM for CSV (Excel reads Korean only then)."""
    text = result.render(folder_id)
    return (("\ufeff" if result.fmt == "csv" else "") + text).encode("utf-8")


# --- what to tell the person who ran it -------------------------------------------------


def report_lines(result: Export) -> list[str]:
    """The left-out answers with each error (file:line), then a Korean summary."""
    lines = []
    for path, problems in result.left_out.items():
        name = result.names.get(path) or path
        lines.append(t("export.left_out", path=path, line=problems[0].line, name=name))
        lines += [f"  {f.path}:{f.line}: {f.code} {f.message}" for f in problems]
    for answer in result.not_yet:
        line = answer.lines.get("effective", 1)
        lines.append(
            t(
                "export.not_yet",
                path=answer.path,
                line=line,
                effective=answer.effective,
                id=answer.id,
            )
        )
    if any(f.code == UNMAPPED for found in result.left_out.values() for f in found):
        lines.append(t("export.how_to_map"))
    lines.append(summary(result))
    return lines


def summary(result: Export) -> str:
    done = t("export.exported", items=len(result.items), fmt=result.fmt, as_of=result.as_of)
    if not result.left_out:
        return done + "."
    names = ", ".join(result.names.get(p) or p for p in result.left_out)
    return t("export.exported_some", done=done, left_out=len(result.left_out), names=names)


def write_atomic(path: Path, data: bytes) -> None:
    """Write the whole file or nothing: a CI job never uploads half an export."""
    directory = path.resolve().parent
    if not directory.is_dir():
        raise KBError(t("export.write_atomic", path=path, directory=directory))
    sources.write_atomic(path, data)
