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
import re
from dataclasses import asdict, dataclass, field
from datetime import date
from difflib import SequenceMatcher
from typing import TypeGuard

from .. import rules
from ..errors import KBError
from ..messages import t
from ..model import KB, Answer, Clause
from ..text import same_text, word_diff
from . import gitrev
from .impact import Reliance, reliance_index

FORMATS = ("text", "markdown", "json")
MONTH = re.compile(r"(\d{4})-(\d{2})")

ADDED = "added"
CHANGED = "changed"
EDITED = "edited"  # text changed without a version bump
SUPERSEDED = "superseded"
RETIRED = "retired"
REMOVED = "removed"
EXPIRING = "expiring"



def date_label(kind: str) -> str:
    """What the date of a change of this kind is called (시행일, 폐지일, ...)."""
    return t(f"changes.date.{kind}")


def kind_label(kind: str) -> str:
    """The kind of change in words (신설, 변경, ...)."""
    return t(f"changes.kind.{kind}")


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
    month: str | None = None  # "2026-11" when the period is that calendar month

    def to_dict(self) -> dict:
        changes = []
        for change in self.changes:
            data = asdict(change)
            data["diff"] = [[{"op": op, "text": text} for op, text in h] for h in change.diff()]
            changes.append(data)
        month = {"month": self.month} if self.month else {}
        return {
            **month,
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


def parse_month(text: str) -> date:
    """The first day of the month `YYYY-MM` names, or a KBError that shows the form."""
    match = MONTH.fullmatch(text.strip())
    if match is None or not 1 <= int(match[2]) <= 12:
        raise KBError(t("changes.parse_month", text=text))
    return date(int(match[1]), int(match[2]), 1)


def shift_month(first: date, months: int) -> date:
    """The first day of the month `months` after (or before) `first`'s month."""
    index = first.year * 12 + first.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def month_label(first: date) -> str:
    return t("changes.month_label", year=first.year, month=first.month)


def recent_months(today: date, back: int = 11, ahead: int = 1) -> list[date]:
    """First days of the months a trainer may want: the next ones, this one, the last ones.

    Newest first, as the site lists them.
    """
    this = today.replace(day=1)
    return [shift_month(this, n) for n in range(ahead, -back - 1, -1)]


# --- collecting ---------------------------------------------------------------


def month_changes(kb: KB, first: date) -> Changes:
    """`kb changes --month`: what takes effect in one calendar month, scheduled versions too."""
    result = changes(kb, *month_of(first))
    result.month = first.strftime("%Y-%m")
    return result


def monthly(kb: KB, months: list[date]) -> dict[date, Changes]:
    """One Changes per month, from one pass over the history (the site's monthly pages)."""
    if not months:
        return {}
    whole = _collect(kb, min(months), month_of(max(months))[1])  # each month has its own quiz
    found = {}
    for first in months:
        since, until = month_of(first)
        result = Changes(since, until, whole.git, notes=whole.notes, month=first.strftime("%Y-%m"))
        result.changes = [c for c in whole.changes if _in(date.fromisoformat(c.date), since, until)]
        result.quiz = quiz(kb, result.changes)
        found[first] = result
    return found


def changes(kb: KB, since: date, until: date) -> Changes:
    """The changes that take effect in [since, until], with the answers each touches.

    A change committed in the period for a later date belongs to the period
    it takes effect in: that month's pack reports it, this one does not.
    """
    result = _collect(kb, since, until)
    result.quiz = quiz(kb, result.changes)
    return result


def _collect(kb: KB, since: date, until: date) -> Changes:
    """`changes` without the quiz."""
    result = Changes(since, until, git=False)
    found = list(from_history(kb, since, until))
    try:
        in_repository = gitrev.repository(kb.root) is not None
    except gitrev.GitMissing as exc:
        in_repository = False
        result.notes.append(t("changes.no_git_history", message=exc.message))
    else:
        if not in_repository:
            result.notes.append(
                t("changes.not_a_repository")
            )
    if in_repository:
        try:
            found += from_git(kb, since, until, result.notes)
            result.git = True
        except gitrev.GitError as exc:  # e.g. a repository with no commit yet
            result.notes.append(t("changes.git_failed", exc=exc))
    result.changes = [c for c in _merge(found) if date.fromisoformat(c.date) <= until]
    index = reliance_index(kb)
    for change in result.changes:
        _attach_reliance(index, change)
    return result


def _in(day: date | None, since: date, until: date) -> TypeGuard[date]:
    return day is not None and since <= day <= until


def _change(kind: str, clause: Clause, day: date, **extra) -> Change:
    return Change(kind, clause.id, clause.title, clause.policy_id, day.isoformat(), **extra)


def from_history(kb: KB, since: date, until: date):
    """Changes read from the files as they are now: effective dates and `history`."""
    for clause in kb.clauses.values():
        yield from _versions(clause, since, until)
        if clause.expires is not None and _in(clause.expires, since, until):
            yield _change(
                EXPIRING,
                clause,
                clause.expires,
                version=clause.version,
                text=clause.text,
                sources=["history"],
            )
        for newer in kb.superseders.get(clause.id, []):
            # The replacement's first version supersedes; its later versions do not.
            start = rules.first_effective(newer)
            if not newer.retired and start is not None and _in(start, since, until):
                yield _change(
                    SUPERSEDED,
                    clause,
                    start,
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
        if effective is None or not _in(effective, since, until):
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


def from_git(kb: KB, since: date, until: date, notes: list[str] | None = None) -> list[Change]:
    """Changes made by the commits of the period, compared commit by commit.

    What the list may lack goes into `notes`: history cut short by a shallow
    clone, policy files of some commit that could not be read.
    """
    notes = notes if notes is not None else []
    notes += _shallow_note(kb, since)
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
    notes += [u.note() for u in snapshots.unreadable]
    return found


def _shallow_note(kb: KB, since: date) -> list[str]:
    boundary = gitrev.shallow_since(kb.root)
    if boundary is None or boundary < since:
        return []  # the whole period is in the history there is
    start = "" if boundary == date.max else t("changes.shallow_from", boundary=boundary.isoformat())
    return [
        t("changes.shallow", start=start)
    ]


def _compare(before: dict[str, Clause], after: dict[str, Clause], commit) -> list[Change]:
    day = commit.day
    found = []
    for clause_id, new in after.items():
        old = before.get(clause_id)
        when = max(day, new.effective) if new.effective else day
        extra = {"commit": commit.sha[:10], "sources": ["git"]}
        if old is None:
            start = max(day, rules.first_effective(new) or day)
            found.append(_change(ADDED, new, start, version=new.version, text=new.text, **extra))
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
            start = rules.first_effective(new)
            if replaced is not None and start is not None:
                found.append(
                    _change(
                        SUPERSEDED,
                        replaced,
                        max(day, start),
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


def _asks(answer: Answer) -> bool:
    return bool(re.search(r"(요|\?)$", answer.title.strip()))


def customer_question(answer: Answer) -> str:
    """A practice question for which `answer` is the reply.

    An answer may list the questions it replies to in its front matter
    (`questions:`); otherwise its title is used: as the customer's words
    when it is a question, else as the situation.
    """
    listed = answer.questions
    if listed:
        return t("changes.customer_says", question=listed[0])
    title = answer.title.strip()
    if _asks(answer):
        return t("changes.customer_asks", question=title.rstrip('?'))
    return t("changes.customer_about", title=title)


def _quiz_answer(by_id: dict[str, Answer], change: Change) -> Answer | None:
    """The answer that best fits a question on the clause: cites it, is asked in the
    customer's words, cites little else."""
    answers = [by_id[a] for a in change.answers if a in by_id]

    def fit(answer: Answer) -> tuple:
        direct = any(c.clause_id == change.clause for c in answer.cites)
        worded = bool(answer.questions) or _asks(answer)
        return (not direct, not worded, not answer.questions, len(answer.cites), answer.id)

    return min(answers, key=fit, default=None)


def quiz(kb: KB, found: list[Change]) -> list[QuizItem]:
    items = []
    seen: set[str] = set()
    by_id = {a.id: a for a in kb.answers}  # once: a KB has thousands of answers
    for change in found:
        if change.clause in seen or change.kind == EDITED:
            continue
        seen.add(change.clause)
        answer = _quiz_answer(by_id, change)
        if answer is not None:
            question = customer_question(answer)
        else:
            question = t("changes.quiz", title=change.title)
        key = _key(kb, change)
        items.append(QuizItem(change.clause, question, answer.id if answer else None, key))
    return items


def _key(kb: KB, change: Change) -> str:
    target = change.replacement.split("@")[0] if change.replacement else change.clause
    clause = kb.clauses.get(target)
    if clause is None:
        return f"{change.clause} ({kind_label(change.kind)}): {change.text.strip()}"
    # The version in force once the change applies: a later month's bump of the
    # same clause must not leak into this month's answer key.
    shown = rules.in_force(clause, date.fromisoformat(change.date)) or rules.versions(clause)[0]
    label = f"{clause.id}@{shown.version} {clause.title}"
    if change.kind in (RETIRED, REMOVED):
        label += t("changes.key_gone")
    elif change.kind == EXPIRING:
        label += t("changes.key_expires", date=change.date)
    return f"{label}: {shown.text.strip()}"


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
    """Word runs in git's word-diff marks (`[-old-]{+new+}`), for `kb show`'s compact diff."""
    marks = {"=": "{}", "-": "[-{}-]", "+": "{{+{}+}}"}
    return "".join(marks[op].format(text) for op, text in runs)
