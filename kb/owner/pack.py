"""The training pack of `kb changes`: plain text, slides and the printable site page.

kb.owner.changes finds what changed; this module only shows it. Three readers,
three forms:

- text, for a terminal or a chat message: no Markdown and no diff syntax, so
  a change reads as "이전: …" / "이후: …" and `[[PROMO-3]]` as the clause's title;
- slides (`--format markdown`): one slide per change, the quiz, and its answer
  key on a slide of its own; every character of KB text that a Markdown
  renderer would read as markup (`~` above all: `3~7일 … 2~5일` would become
  strikethrough) is escaped;
- the site's monthly page: the same Markdown, escaped with HTML character
  references (MkDocs' Python-Markdown does not honour `\\~`), with page breaks
  so that the quiz and the key print on sheets of their own.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as etree

from ..messages import t
from ..model import KB
from ..site.render import KBMarkdown, clean_text
from .changes import CHANGED, Change, Changes, date_label, hunks, kind_label

PAGE_BREAK = '<div class="kb-page-break"></div>'
_MARKUP = re.compile(r"([\\`*_~\[\]<>|#])")


def render(result: Changes, fmt: str, kb: KB, title: str = "") -> str:
    if fmt == "json":
        return json.dumps(result.to_dict(), ensure_ascii=False, indent=2)
    if fmt == "markdown":
        return as_markdown(result, kb, title=title)
    return as_text(result, kb, title=title)


# --- KB Markdown as plain text ---------------------------------------------------


class Plain:
    """KB Markdown -> the text a reader sees: no `**`, `[[REFUND-3]]` as its title."""

    def __init__(self, kb: KB):
        self.kb = kb
        self.md = KBMarkdown(self._ref)
        self.answers = {a.id: a for a in kb.answers}
        self._seen: dict[str, str] = {}  # a clause text recurs: in its change and in the key

    def _ref(self, clause_id: str, pin: str | None, raw: str) -> etree.Element:
        clause = self.kb.clauses.get(clause_id)
        el = etree.Element("a")
        el.set("data-copy-as", f"{clause.title}({clause_id})" if clause else clause_id)
        return el

    def __call__(self, text: str | None) -> str:
        if not text:
            return ""
        if text not in self._seen:
            self._seen[text] = clean_text(self.md.convert(text))
        return self._seen[text]


def escape(text: str, html: bool = False) -> str:
    """Text that any Markdown renderer shows as it is.

    Slides get backslash escapes (CommonMark, Marp); the site gets character
    references, which Python-Markdown passes through whatever its extensions.
    """
    if html:
        return _MARKUP.sub(lambda m: f"&#{ord(m[1])};", text.replace("&", "&amp;"))
    return _MARKUP.sub(r"\\\1", text)


def _lines(text: str, html: bool) -> str:
    """Multi-line text as one Markdown block with its line breaks kept."""
    return "<br>\n".join(escape(line, html) for line in text.split("\n"))


# --- the diff, readable ------------------------------------------------------------


def changed_lines(plain: Plain, change: Change) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(before, after, word runs) per changed passage, on the text as readers see it."""
    if change.old_text is None:
        return []
    found = []
    for runs in hunks(plain(change.old_text), plain(change.text)):
        before = "".join(text for op, text in runs if op != "+")
        after = "".join(text for op, text in runs if op != "-")
        found.append((before.strip(), after.strip(), runs))
    return found


def changed_words(runs: list[tuple[str, str]]) -> str:
    """`2시까지 → 3시까지, 추가: 도서 지역` : only the words that changed."""
    parts, index = [], 0
    while index < len(runs):
        op, text = runs[index]
        nxt = runs[index + 1] if index + 1 < len(runs) else None
        if op == "-" and nxt and nxt[0] == "+":
            old, new = _trim_pair(_one_line(text), _one_line(nxt[1]))
            parts.append(f"{old} → {new}")
            index += 1
        elif op == "-":
            parts.append(t("pack.removed", text=_one_line(text)))
        elif op == "+":
            parts.append(t("pack.added", text=_one_line(text)))
        index += 1
    return ", ".join(p for p in parts if p.strip(" :→"))


def _one_line(text: str) -> str:
    return " ".join(text.split())


# Sentence punctuation, not units: `%`, `~` and `원` carry meaning and stay.
_CLOSING = set(",.;:!?)]}”’」』…")
_OPENING = set("([{“‘「『")


def _trim_pair(old: str, new: str) -> tuple[str, str]:
    """`216원, → 234원,` reads as `216원 → 234원`: drop punctuation both sides share."""
    while old[1:] and new[1:] and old[-1] == new[-1] and old[-1] in _CLOSING:
        old, new = old[:-1], new[:-1]
    while old[1:] and new[1:] and old[0] == new[0] and old[0] in _OPENING:
        old, new = old[1:], new[1:]
    return old, new


def diff_markdown(runs: list[tuple[str, str]], html: bool = False) -> str:
    """Word runs with deletions struck and insertions bold (<del>/<ins> on the site)."""
    marks = {"-": "<del>{}</del>", "+": "<ins>{}</ins>"} if html else {"-": "~~{}~~", "+": "**{}**"}
    out = []
    for index, (op, text) in enumerate(runs):
        if op == "=" or not text.strip():
            out.append(escape(text, html))
            continue
        if op == "+" and index and runs[index - 1][0] == "-":
            out.append(" ")  # `~~old~~ **new**`, not `~~old~~**new**`
        # Emphasis cannot span a line break in Markdown: mark each line.
        lines = text.split("\n")
        out.append("\n".join(marks[op].format(escape(p, html)) if p.strip() else p for p in lines))
    return "".join(out)


# --- text ----------------------------------------------------------------------------


def _answer_label(plain: Plain, answer_id: str) -> str:
    answer = plain.answers.get(answer_id)
    return f"{answer_id} ({answer.title})" if answer else answer_id


def headline(change: Change) -> str:
    head = f"[{kind_label(change.kind)}] {change.clause} {change.title}"
    if change.kind == CHANGED:
        head += f" v{change.old_version} → v{change.version}"
    elif change.version:
        head += f" v{change.version}"
    if change.replacement:
        head += f" → {change.replacement}"
    return head


def period(result: Changes, title: str = "") -> str:
    return f"{title or t('pack.default_title')} ({result.since} ~ {result.until})"


def _indented(label: str, text: str, indent: str = "    ") -> list[str]:
    # Continuation lines get a fixed indent: Hangul is two columns wide in a
    # terminal, so aligning under the label's width would not line up anyway.
    lines = text.split("\n") or [""]
    return [f"{indent}{label}{lines[0]}"] + [f"{indent}  {x}" for x in lines[1:]]


def as_text(result: Changes, kb: KB, title: str = "") -> str:
    plain = Plain(kb)
    out = [t("pack.count", result=period(result, title), changes=len(result.changes))]
    out += [t("pack.note", note=note) for note in result.notes]
    for change in result.changes:
        out += ["", f"{change.date} {headline(change)}"]
        out += _change_text(plain, change)
    if result.quiz:
        out += ["", t("pack.quiz")]
        out += [f"  {n}. {item.question}" for n, item in enumerate(result.quiz, 1)]
        out += ["", t("pack.key")]
        for number, item in enumerate(result.quiz, 1):
            out += _indented(f"{number}. ", plain(item.key), "  ")
    return "\n".join(out)


def _change_text(plain: Plain, change: Change) -> list[str]:
    out = [t("pack.change_note", note=change.note)] if change.note else []
    passages = changed_lines(plain, change)
    for before, after, runs in passages:
        out.append(t("pack.what_changed", runs=changed_words(runs)))
        none = t("pack.nothing")
        out += _indented(t("pack.before"), before or none)
        out += _indented(t("pack.after"), after or none)
    if change.old_text is not None and not passages:
        out.append(t("pack.format_only"))
    if change.old_text is None and change.text:
        out += _indented(t("pack.text"), plain(change.text), "  ")
    if change.commit:
        out.append(t("pack.commit", commit=change.commit))
    answers = ", ".join(_answer_label(plain, a) for a in change.answers)
    out.append(t("pack.answers", answers=answers or t("common.none")))
    if change.manuals:
        out.append(t("pack.manuals") + ", ".join(change.manuals))
    return out


# --- slides and the site page -----------------------------------------------------------


def as_markdown(
    result: Changes, kb: KB, html: bool = False, title: str = "", plain: Plain | None = None
) -> str:
    """Slides (`---` between slides) or, with html=True, the printable site page.

    The site's thirteen monthly pages share one `plain`, so each text renders once.
    """
    plain = plain or Plain(kb)
    out = [f"# {escape(period(result, title), html)}", ""]
    out += [f"> {escape(note, html)}" for note in result.notes] + ([""] if result.notes else [])
    if result.changes:
        out += [t("pack.md_count", changes=len(result.changes)), ""]
    else:
        out += [t("pack.md_none"), ""]
    for change in result.changes:
        out += [] if html else ["---", ""]
        out += _change_markdown(plain, change, html)
    if result.quiz:
        out += _quiz_markdown(plain, result, html)
    return "\n".join(out)


def _quiz_markdown(plain: Plain, result: Changes, html: bool) -> list[str]:
    # The key on a slide (a printed sheet) of its own: the questions can be
    # shown, or handed out, without the answers.
    brk = PAGE_BREAK if html else "---"
    out = [brk, "", t("pack.md_quiz"), ""]
    for number, item in enumerate(result.quiz, 1):
        out += [f"{number}. {escape(item.question, html)}", ""]
    out += [brk, "", t("pack.md_key"), ""]
    for number, item in enumerate(result.quiz, 1):
        via = t("pack.md_see_answer", answer_id=item.answer_id) if item.answer_id else ""
        key = _lines(plain(item.key), html).replace("\n", "\n   ")
        out += [f"{number}. {key}{via}", ""]
    return out


def _change_markdown(plain: Plain, change: Change, html: bool) -> list[str]:
    out = [f"## {escape(headline(change), html)}", ""]
    out += [f"**{date_label(change.kind)}** {change.date}", ""]
    if change.note:
        out += [t("pack.md_change_note", note=escape(change.note, html)), ""]
    passages = changed_lines(plain, change)
    if passages:
        out += [t("pack.md_what_changed"), ""]
        for _, _, runs in passages:
            out += ["- " + diff_markdown(runs, html).replace("\n", "<br>\n  "), ""]
    elif change.text:
        out += [_lines(plain(change.text), html), ""]
    out += [t("pack.md_answers", count=len(change.answers) or t("common.none")), ""]
    for answer_id in change.answers:
        answer = plain.answers.get(answer_id)
        shown = f" {escape(answer.title, html)}" if answer else ""
        out.append(f"- `{answer_id}`{shown}")
    out += [""] if change.answers else []
    if change.manuals:
        out += [t("pack.md_manuals") + ", ".join(f"`{m}`" for m in change.manuals), ""]
    return out
