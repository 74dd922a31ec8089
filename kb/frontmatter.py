"""Front-matter keys: which ones a KB page may set, and which would let content steer the site.

Material's templates print some `page.meta` values unescaped (title,
description, subtitle; `status` inside a class attribute; `icon` as a template
path) and let `template` choose the page's template, whose `redirect.html`
puts `location` into a script. Content decides no template and no raw HTML:
the check reports keys that would (`unsafe-front-matter`) and keys nothing
reads (`unknown-key`, usually a typo); the site passes on only the keys below,
their values made safe (`kb.site.meta`).

MkDocs also reads MultiMarkdown-style metadata (`key: value` lines at the
very top of a page without `---`), so those lines count as front matter too.
"""

from __future__ import annotations

import re

from .messages import t
from .model import ERROR, WARNING, Finding
from .text import near

ANSWER_KEYS = frozenset(
    {"id", "title", "cites", "tags", "status", "owner", "review_by", "effective", "questions"}
)
# Keys of a manual page the site uses (Material's and MkDocs' search's), made safe on the way.
MANUAL_KEYS = frozenset(
    {"title", "description", "subtitle", "author", "hide", "search", "tags", "status", "icon"}
)

# Keys that choose a template or reach one unescaped; plugins set some of them, content never.
# Each names the catalogue message that says why.
UNSAFE_KEYS = {
    "template": "frontmatter.unsafe.template",
    "location": "frontmatter.unsafe.location",
    "redirect": "frontmatter.unsafe.redirect",
    "revision_date": "frontmatter.unsafe.unescaped",
    "git_revision_date_localized": "frontmatter.unsafe.unescaped",
    "git_creation_date_localized": "frontmatter.unsafe.unescaped",
}

# Values that land in a class attribute (`md-status--…`) or a template path (`.icons/….svg`).
STATUS_VALUE = re.compile(r"[A-Za-z0-9_-]{1,40}")
ICON_VALUE = re.compile(r"[a-z0-9-]{1,60}(?:/[a-z0-9-]{1,60}){1,3}")
_MANUAL_PATTERNS = {"status": STATUS_VALUE, "icon": ICON_VALUE}

# MkDocs' own pattern for a MultiMarkdown metadata line.
MMD_LINE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
_MMD_MORE = re.compile(r"^(?:[ ]{4}|\t)")


def mmd_meta(text: str) -> tuple[dict[str, str], dict[str, int]]:
    """The metadata MkDocs reads from `key: value` lines at the top of a page, with their lines."""
    data: dict[str, str] = {}
    lines: dict[str, int] = {}
    key = None
    for number, line in enumerate(text.split("\n"), 1):
        match = MMD_LINE.match(line) if line.strip() else None
        if match is not None:
            key = match["key"].lower()
            data[key] = (data.get(key, "") + " " + match["value"].strip()).strip()
            lines.setdefault(key, number)
        elif not (key and line.strip() and _MMD_MORE.match(line)):
            break
    return data, lines


def answer_findings(data: dict, lines: dict[str, int], path: str, subject) -> list[Finding]:
    return list(
        _key_findings(data, lines, path, subject, ANSWER_KEYS, t("frontmatter.in_answer"))
    )


def manual_findings(data: dict, lines: dict[str, int], path: str) -> list[Finding]:
    found = list(
        _key_findings(data, lines, path, None, MANUAL_KEYS, t("frontmatter.in_manual"))
    )
    for key, pattern in _MANUAL_PATTERNS.items():
        value = data.get(key)
        if value is not None and not (isinstance(value, str) and pattern.fullmatch(value)):
            message = t(
                "frontmatter.unsafe_value",
                key=key,
                given=str(value)[:60],
                pattern=pattern.pattern,
            )
            found.append(Finding("unsafe-front-matter", ERROR, path, lines.get(key, 1), message))
    return found


def _key_findings(data, lines, path, subject, known, kind):
    for key in data:
        line = lines.get(key, 1)
        name = str(key)
        if name in UNSAFE_KEYS:
            message = t("frontmatter.key_findings", name=name, why=t(UNSAFE_KEYS[name]))
            yield Finding("unsafe-front-matter", ERROR, path, line, message, subject)
        elif name not in known:
            yield Finding("unknown-key", WARNING, path, line, _unknown(name, known, kind), subject)


def _unknown(name: str, known: frozenset, kind: str) -> str:
    close = near(name, sorted(known), n=1)
    hint = t("frontmatter.did_you_mean", close=close[0]) if close else ""
    allowed = ", ".join(sorted(known))
    return t("frontmatter.unknown_key", name=name, kind=kind, hint=hint, allowed=allowed)
