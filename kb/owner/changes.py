"""`kb changes`: what changed in the policies in a period, for the monthly training.

Two sources, merged:

- the clauses' own `history` (and `effective`, `expires`, `supersedes`): a
  version taking effect in the period is a change, with the old text and its
  note; this works without git;
- git history, when the KB is in a repository: commits in the period that
  added, re-versioned, re-worded, retired or removed clauses, so that changes
  committed now for a later date, and retirements (which carry no date in the
  file), are not missed.

For each change: the answers and manual pages that rely on the clause, and a
practice question for the quiz drawn from those answers.
"""

from __future__ import annotations

import calendar
import json
import re
from dataclasses import asdict, dataclass, field
from datetime import date
from difflib import SequenceMatcher
from typing import TypeGuard

from ..model import KB, Answer, Clause
from ..text import same_text, word_diff
from . import gitrev
from .impact import Reliance, reliance_index

FORMATS = ("text", "markdown", "json")

ADDED = "added"
CHANGED = "changed"
EDITED = "edited"  # text changed without a version bump
SUPERSEDED = "superseded"
RETIRED = "retired"
REMOVED = "removed"
EXPIRING = "expiring"

DATE_LABELS = {
    ADDED: "시행일",
    CHANGED: "시행일",
    EDITED: "수정일",
    SUPERSEDED: "대체일",
    RETIRED: "폐지일",
    REMOVED: "삭제일",
    EXPIRING: "만료일",
}

LABELS = {
    ADDED: "신설",
    CHANGED: "변경",
    EDITED: "문구 수정",
    SUPERSEDED: "대체",
    RETIRED: "폐지",
    REMOVED: "삭제",
    EXPIRING: "만료",
}


@dataclass
class Change:
    kind: str
    clause: str
    title: str
    policy: str
    date: str  # the day it applies: effective date, expiry, or the commit day
    version: int | None = None
    old_version: int | None = None
    text: str = ""
    old_text: str | None = None
    note: str | None = None
    replacement: str | None = None
    commit: str | None = None
    sources: list[str] = field(default_factory=list)
    answers: list[str] = field(default_factory=list)
    manuals: list[str] = field(default_factory=list)

    @property
    def key(self) -> tuple:
        return (self.kind, self.clause, self.version, self.replacement)

    def diff(self) -> list[list[tuple[str, str]]]:
        """Changed lines as word-diff runs (none when there is no old text)."""
        return hunks(self.old_text, self.text) if self.old_text is not None else []


@dataclass
class QuizItem:
    clause: str
    question: str
    answer_id: str | None
    key: str  # the clause text that answers the question


@dataclass
class Changes:
    since: date
    until: date
    git: bool
    changes: list[Change] = field(default_factory=list)
    quiz: list[QuizItem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        changes = []
        for change in self.changes:
            data = asdict(change)
            data["diff"] = [[{"op": op, "text": text} for op, text in h] for h in change.diff()]
            changes.append(data)
        return {
            "since": self.since.isoformat(),
            "until": self.until.isoformat(),
            "git": self.git,
            "notes": self.notes,
            "changes": changes,
            "quiz": [asdict(q) for q in self.quiz],
        }


def month_of(day: date) -> tuple[date, date]:
    """The first and last day of `day`'s month."""
    last = calendar.monthrange(day.year, day.month)[1]
    return day.replace(day=1), day.replace(day=last)


# --- collecting ---------------------------------------------------------------


def changes(kb: KB, since: date, until: date) -> Changes:
    result = Changes(since, until, git=False)
    found = list(from_history(kb, since, until))
    if gitrev.repository(kb.root) is None:
        result.notes.append(
            "git 저장소가 아니어서 조항의 history 와 날짜만으로 만들었습니다 "
            "(폐지·삭제된 조항은 날짜가 없어 빠질 수 있습니다)."
        )
    else:
        try:
            found += from_git(kb, since, until)
            result.git = True
        except gitrev.GitError as exc:  # e.g. a repository with no commit yet
            result.notes.append(f"git 기록을 읽지 못해 history 만 사용했습니다: {exc}")
    result.changes = _merge(found)
    index = reliance_index(kb)
    for change in result.changes:
        _attach_reliance(index, change)
    result.quiz = quiz(kb, result.changes)
    return result


def _in(day: date | None, since: date, until: date) -> TypeGuard[date]:
    return day is not None and since <= day <= until


def _change(kind: str, clause: Clause, day: date, **extra) -> Change:
    return Change(kind, clause.id, clause.title, clause.policy_id, day.isoformat(), **extra)


def from_history(kb: KB, since: date, until: date):
    """Changes read from the files as they are now: effective dates and `history`."""
    for clause in kb.clauses.values():
        yield from _versions(clause, since, until)
        if _in(clause.expires, since, until):
            yield _change(
                EXPIRING,
                clause,
                clause.expires,
                version=clause.version,
                text=clause.text,
                sources=["history"],
            )
        for newer in kb.superseders.get(clause.id, []):
            if not newer.retired and _in(newer.effective, since, until):
                yield _change(
                    SUPERSEDED,
                    clause,
                    newer.effective,
                    version=clause.version,
                    text=newer.text,
                    old_text=clause.text,
                    replacement=f"{newer.id}@{newer.version}",
                    sources=["history"],
                )


def _versions(clause: Clause, since: date, until: date):
    # Oldest first: (version, effective, text, note of the change away from it).
    chain = [(v.version, v.effective, v.text, v.note) for v in reversed(clause.history)]
    chain.append((clause.version, clause.effective, clause.text, None))
    for index, (version, effective, text, _) in enumerate(chain):
        if not _in(effective, since, until):
            continue
        if index == 0:
            yield _change(ADDED, clause, effective, version=version, text=text, sources=["history"])
            continue
        old_version, _, old_text, note = chain[index - 1]
        yield _change(
            CHANGED,
            clause,
            effective,
            version=version,
            old_version=old_version,
            text=text,
            old_text=old_text,
            note=note,
            sources=["history"],
        )


def from_git(kb: KB, since: date, until: date) -> list[Change]:
    """Changes made by the commits of the period, compared commit by commit."""
    snapshots = gitrev.Snapshots(kb.root, kb.policies_dir)
    base = gitrev.last_commit_before(kb.root, since)
    history = gitrev.commits(kb.root, [kb.policies_dir], since, until)
    if base is None and history:
        # The KB's first commit imports it; what it adds is not news of the
        # period (the clauses' own dates still are).
        base, history = history[0].sha, history[1:]
    before = snapshots.clauses(base) if base else {}
    found = []
    for commit in history:
        after = snapshots.clauses(commit.sha)
        found += _compare(before, after, commit)
        before = after
    return found


def _compare(before: dict[str, Clause], after: dict[str, Clause], commit) -> list[Change]:
    day = commit.day
    found = []
    for clause_id, new in after.items():
        old = before.get(clause_id)
        when = max(day, new.effective) if new.effective else day
        extra = {"commit": commit.sha[:10], "sources": ["git"]}
        if old is None:
            found.append(_change(ADDED, new, when, version=new.version, text=new.text, **extra))
            continue
        if new.version != old.version:
            note = next((v.note for v in new.history if v.version == old.version), None)
            found.append(
                _change(
                    CHANGED,
                    new,
                    when,
                    version=new.version,
                    old_version=old.version,
                    text=new.text,
                    old_text=old.text,
                    note=note,
                    **extra,
                )
            )
        elif not same_text(new.text, old.text):
            found.append(
                _change(
                    EDITED, new, day, version=new.version, text=new.text, old_text=old.text, **extra
                )
            )
        if new.retired and not old.retired:
            found.append(_change(RETIRED, new, day, version=new.version, text=new.text, **extra))
        for gone in set(new.supersedes) - set(old.supersedes):
            replaced = after.get(gone) or before.get(gone)
            if replaced is not None and new.effective is not None:
                found.append(
                    _change(
                        SUPERSEDED,
                        replaced,
                        new.effective,
                        version=replaced.version,
                        text=new.text,
                        old_text=replaced.text,
                        replacement=f"{new.id}@{new.version}",
                        **extra,
                    )
                )
    for clause_id, old in before.items():
        if clause_id not in after:
            found.append(
                _change(
                    REMOVED,
                    old,
                    day,
                    version=old.version,
                    text=old.text,
                    commit=commit.sha[:10],
                    sources=["git"],
                )
            )
    return found


def _merge(found: list[Change]) -> list[Change]:
    """One entry per change; the file's history wins, git adds its commit."""
    merged: dict[tuple, Change] = {}
    for change in found:
        known = merged.get(change.key)
        if known is None:
            merged[change.key] = change
            continue
        known.sources = sorted(set(known.sources) | set(change.sources))
        known.commit = known.commit or change.commit
        known.note = known.note or change.note
    # A later bump in the same period makes earlier rewording noise: keep the bump.
    bumped = {c.clause for c in merged.values() if c.kind == CHANGED}
    kept = [c for c in merged.values() if not (c.kind == EDITED and c.clause in bumped)]
    return sorted(kept, key=lambda c: (c.date, c.policy, c.clause, c.kind))


def _attach_reliance(index: dict[str, Reliance], change: Change) -> None:
    ids = [change.clause]
    if change.replacement:
        ids.append(change.replacement.split("@")[0])
    for clause_id in ids:
        reliance = index.get(clause_id, Reliance())
        change.answers += [a.id for a in reliance.answers if a.id not in change.answers]
        change.manuals += [m.doc_path for m in reliance.manuals if m.doc_path not in change.manuals]


# --- the quiz -----------------------------------------------------------------


def customer_question(answer: Answer) -> str:
    """A practice question for which `answer` is the reply.

    An answer may list the questions it replies to in its front matter
    (`questions:` or `question:`); otherwise its title is used: as the
    customer's words when it is a question, else as the situation.
    """
    for key in ("questions", "question"):
        value = answer.meta.get(key)
        if isinstance(value, list) and value and isinstance(value[0], str):
            return f"고객: “{value[0].strip()}”"
        if isinstance(value, str) and value.strip():
            return f"고객: “{value.strip()}”"
    title = answer.title.strip()
    if re.search(r"(요|\?)$", title):
        return f"고객: “{title.rstrip('?')}?”"
    return f"고객이 ‘{title}’ 건으로 문의했습니다. 어떻게 안내할까요?"


def _quiz_answer(kb: KB, change: Change) -> Answer | None:
    """The answer that best fits a question on the clause: cites it, cites little else."""
    by_id = {a.id: a for a in kb.answers if a.id in change.answers}
    answers = [by_id[a] for a in change.answers if a in by_id]

    def fit(answer: Answer) -> tuple:
        direct = any(c.clause_id == change.clause for c in answer.cites)
        asks = bool(re.search(r"(요|\?)$", answer.title.strip()))
        return (not direct, not asks, len(answer.cites), answer.id)

    return min(answers, key=fit, default=None)


def quiz(kb: KB, found: list[Change]) -> list[QuizItem]:
    items = []
    seen: set[str] = set()
    for change in found:
        if change.clause in seen or change.kind == EDITED:
            continue
        seen.add(change.clause)
        answer = _quiz_answer(kb, change)
        if answer is not None:
            question = customer_question(answer)
        else:
            question = f"고객이 ‘{change.title}’에 대해 묻습니다. 어떻게 안내할까요?"
        key = _key(kb, change)
        items.append(QuizItem(change.clause, question, answer.id if answer else None, key))
    return items


def _key(kb: KB, change: Change) -> str:
    target = change.replacement.split("@")[0] if change.replacement else change.clause
    clause = kb.clauses.get(target)
    if clause is None:
        return f"{change.clause} ({LABELS[change.kind]}): {change.text.strip()}"
    label = f"{clause.id}@{clause.version} {clause.title}"
    if change.kind in (RETIRED, REMOVED):
        label += " — 폐지/삭제된 조항: 더는 안내하지 않습니다"
    elif change.kind == EXPIRING:
        label += f" — {change.date} 만료"
    return f"{label}: {clause.text.strip()}"


# --- the diff -----------------------------------------------------------------


def _plain(text: str) -> str:
    """Text for a diff: Markdown emphasis marks would only clutter it."""
    return re.sub(r"\*\*|__", "", text.strip())


def hunks(old: str, new: str) -> list[list[tuple[str, str]]]:
    """The changed lines only, each as word-diff runs: unchanged lines are left out."""
    a, b = _plain(old).split("\n"), _plain(new).split("\n")
    found = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op != "equal":
            found.append(word_diff("\n".join(a[i1:i2]), "\n".join(b[j1:j2])))
    return found


def diff_text(runs: list[tuple[str, str]]) -> str:
    marks = {"=": "{}", "-": "[-{}-]", "+": "{{+{}+}}"}
    return "".join(marks[op].format(text) for op, text in runs)


def _escape(text: str) -> str:
    return re.sub(r"([\\`*_~<>\[\]])", r"\\\1", text)


def diff_markdown(runs: list[tuple[str, str]], html: bool = False) -> str:
    if html:
        marks = {"=": "{}", "-": "<del>{}</del>", "+": "<ins>{}</ins>"}
    else:
        marks = {"=": "{}", "-": "~~{}~~", "+": "**{}**"}
    out = []
    for index, (op, text) in enumerate(runs):
        if op == "=" or not text.strip():
            out.append(_escape(text))
            continue
        if op == "+" and index and runs[index - 1][0] == "-":
            out.append(" ")  # `~~old~~ **new**`, not `~~old~~**new**`
        # Emphasis cannot span a line break in Markdown: mark each line.
        lines = text.split("\n")
        out.append("\n".join(marks[op].format(_escape(p)) if p.strip() else p for p in lines))
    return "".join(out)


# --- rendering ----------------------------------------------------------------


def render(result: Changes, fmt: str, kb: KB | None = None) -> str:
    if fmt == "json":
        return json.dumps(result.to_dict(), ensure_ascii=False, indent=2)
    if fmt == "markdown":
        return as_markdown(result, kb)
    return as_text(result, kb)


def _answer_label(kb: KB | None, answer_id: str) -> str:
    answer = kb.answer(answer_id) if kb else None
    return f"{answer_id} ({answer.title})" if answer else answer_id


def _headline(change: Change) -> str:
    head = f"[{LABELS[change.kind]}] {change.clause} {change.title}"
    if change.kind == CHANGED:
        head += f" v{change.old_version} → v{change.version}"
    elif change.version:
        head += f" v{change.version}"
    if change.replacement:
        head += f" → {change.replacement}"
    return head


def as_text(result: Changes, kb: KB | None = None) -> str:
    out = [f"변경 사항 {result.since} ~ {result.until}: {len(result.changes)}건"]
    out += [f"참고: {note}" for note in result.notes]
    for change in result.changes:
        out += ["", f"{change.date} {_headline(change)}"]
        if change.note:
            out.append(f"  변경 메모: {change.note}")
        if change.old_text is not None:
            out.append("  바뀐 부분:")
            for hunk in change.diff():
                out.append("    " + diff_text(hunk).replace("\n", "\n    "))
        elif change.text:
            out.append("  본문: " + change.text.strip().replace("\n", "\n    "))
        if change.commit:
            out.append(f"  커밋: {change.commit}")
        out.append(
            "  영향받는 답변: "
            + (", ".join(_answer_label(kb, a) for a in change.answers) or "없음")
        )
        if change.manuals:
            out.append("  영향받는 매뉴얼: " + ", ".join(change.manuals))
    if result.quiz:
        out += ["", "연습 문제:"]
        for number, item in enumerate(result.quiz, 1):
            out.append(f"  {number}. {item.question}")
            out.append("     정답 근거: " + item.key.replace("\n", "\n       "))
    return "\n".join(out)


def as_markdown(result: Changes, kb: KB | None = None, html: bool = False, title: str = "") -> str:
    """Markdown for slides (`---` between changes) or, with html=True, for the site page."""
    out = [f"# {title or '변경 사항'} ({result.since} ~ {result.until})", ""]
    out += [f"> {note}" for note in result.notes] + ([""] if result.notes else [])
    if not result.changes:
        out += ["이 기간에 바뀐 조항이 없습니다.", ""]
    out += [f"총 {len(result.changes)}건.", ""] if result.changes else []
    for change in result.changes:
        out += _change_markdown(change, kb, html)
    if result.quiz:
        out += ['<div class="kb-page-break"></div>' if html else "---", ""]
        out += ["## 연습 문제", ""]
        for number, item in enumerate(result.quiz, 1):
            out += [f"{number}. {item.question}", ""]
        out += ["### 정답", ""]
        for number, item in enumerate(result.quiz, 1):
            via = f" (참고 답변 `{item.answer_id}`)" if item.answer_id else ""
            out += [f"{number}. {item.key}{via}".replace("\n", "\n   "), ""]
    return "\n".join(out)


def _change_markdown(change: Change, kb: KB | None, html: bool) -> list[str]:
    out = [] if html else ["---", ""]
    out += [f"## {_headline(change)}", "", f"**{DATE_LABELS[change.kind]}** {change.date}", ""]
    if change.note:
        out += [f"**변경 메모** {change.note}", ""]
    if change.old_text is not None:
        out += ["**바뀐 부분**", ""]
        for hunk in change.diff():
            out += ["- " + diff_markdown(hunk, html).replace("\n", "<br>\n  "), ""]
    elif change.text:
        out += [change.text.strip(), ""]
    out += [f"**영향받는 답변** {len(change.answers) or '없음'}", ""]
    for answer_id in change.answers:
        answer = kb.answer(answer_id) if kb is not None else None
        out.append(f"- `{answer_id}` {answer.title if answer else ''}".rstrip())
    out += [""] if change.answers else []
    if change.manuals:
        out += ["**영향받는 매뉴얼** " + ", ".join(f"`{m}`" for m in change.manuals), ""]
    return out
