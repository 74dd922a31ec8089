"""`kb report`: coverage and upkeep, so owners fix things before they break.

- clauses no answer cites (in force or coming, so agents have nothing to send);
- tags that no active answer carries (only drafts or retired answers);
- answers and policies due for review within `days`, and overdue, with owners;
- citations that are good today but will break on a coming date, because the
  clause expires, a replacement takes effect or a scheduled version does;
- scheduled versions (SPEC §4), each with the answers and the manual lines
  that refer to the clause: what to re-read before the date.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta

from .. import rules
from ..messages import t
from ..model import KB, Answer, Citation, Version, with_parents
from ..textsafe import shown
from .impact import reliance_index

FORMATS = ("text", "json", "markdown")


@dataclass
class Due:
    kind: str  # "answer" or "policy"
    id: str
    title: str
    owner: str | None
    review_by: str
    path: str
    overdue: bool


@dataclass
class Breaking:
    date: str
    answer: str
    answer_title: str
    owner: str | None
    path: str
    line: int
    citation: str
    clause: str
    code: str
    message: str


@dataclass
class Scheduled:
    """A version decided in advance, and what must be re-read before its date."""

    date: str
    clause: str
    title: str
    owner: str | None
    path: str
    line: int
    from_version: int | None
    to_version: int | None
    note: str | None
    answers: list[dict] = field(default_factory=list)  # {id, title, path, line, citation}
    manuals: list[dict] = field(default_factory=list)  # {path, lines}


@dataclass
class Upkeep:
    today: str
    days: int
    uncited: list[dict] = field(default_factory=list)
    tags_without_answers: list[dict] = field(default_factory=list)
    due: list[Due] = field(default_factory=list)
    breaking: list[Breaking] = field(default_factory=list)
    scheduled: list[Scheduled] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


def upkeep(kb: KB, today: date, days: int = 30) -> Upkeep:
    report = Upkeep(today.isoformat(), days)
    report.uncited = uncited_clauses(kb, today)
    report.tags_without_answers = tags_without_answers(kb)
    report.due = due_for_review(kb, today, today + timedelta(days=days))
    report.breaking = breaking_citations(kb, today)
    report.scheduled = scheduled_changes(kb, today)
    return report


def uncited_clauses(kb: KB, today: date) -> list[dict]:
    """Clauses in force or coming that no published answer cites or references."""
    index = reliance_index(kb)
    found = []
    for clause in kb.clauses.values():
        state = rules.state(kb, clause, today)
        reliance = index.get(clause.id)
        if state not in (rules.CURRENT, rules.FUTURE) or (reliance and reliance.answers):
            continue
        policy = kb.policy_of(clause)
        found.append(
            {
                "clause": clause.id,
                "title": clause.title,
                "state": state,
                "owner": policy.owner if policy else None,
                "path": clause.path,
                "line": clause.line,
            }
        )
    return found


def tags_without_answers(kb: KB) -> list[dict]:
    """Tags (and their parents) that only draft or retired answers carry."""
    active: set[str] = set()
    others: dict[str, list[str]] = {}
    for answer in kb.answers:
        for tag in with_parents(answer.tags):
            if answer.status == "active":
                active.add(tag)
            else:
                others.setdefault(tag, []).append(answer.id)
    return [
        {"tag": tag, "answers": ids} for tag, ids in sorted(others.items()) if tag not in active
    ]


def due_for_review(kb: KB, today: date, until: date) -> list[Due]:
    due = []
    for policy in kb.policies:
        if policy.review_by is not None and policy.review_by <= until:
            due.append(
                Due(
                    "policy",
                    policy.id,
                    policy.title,
                    policy.owner,
                    policy.review_by.isoformat(),
                    policy.path,
                    policy.review_by < today,
                )
            )
    for answer in kb.published_answers():
        if answer.review_by is not None and answer.review_by <= until:
            due.append(
                Due(
                    "answer",
                    answer.id,
                    answer.title,
                    answer.owner,
                    answer.review_by.isoformat(),
                    answer.path,
                    answer.review_by < today,
                )
            )
    return sorted(due, key=lambda d: (d.review_by, d.kind, d.id))


def _break_dates(kb: KB, clause_id: str | None, after: date) -> list[date]:
    clause = kb.clauses.get(clause_id or "")
    if clause is None:
        return []
    dates = [clause.expires] if clause.expires else []
    dates += [
        c.effective for c in kb.superseders.get(clause.id, []) if c.effective and not c.retired
    ]
    dates += [v.effective for v in rules.versions(clause) if v.effective]  # scheduled versions
    return sorted(d for d in set(dates) if d > after)


def breaking_citations(kb: KB, today: date) -> list[Breaking]:
    """Citations good today that a known coming date will break, soonest first."""
    found = []
    for answer in kb.published_answers():
        on = rules.check_date(answer, today)
        for citation in answer.cites + answer.refs:
            found += _breaking(kb, answer, citation, on)
    return sorted(found, key=lambda b: (b.date, b.answer, b.line))


def _breaking(kb: KB, answer: Answer, citation: Citation, on: date) -> list[Breaking]:
    if rules.citation_problem(kb, citation, on) is not None:
        return []  # already broken: `kb check` reports it
    if citation.clause_id is None:
        return []  # not a citation of a clause: `kb check` reports it
    for day in _break_dates(kb, citation.clause_id, on):
        problem = rules.citation_problem(kb, citation, day)
        if problem is not None:
            return [
                Breaking(
                    day.isoformat(),
                    answer.id,
                    answer.title,
                    answer.owner,
                    answer.path,
                    citation.line,
                    citation.raw,
                    citation.clause_id,
                    *problem,
                )
            ]
    return []


def scheduled_changes(kb: KB, today: date) -> list[Scheduled]:
    """Every version that takes effect after `today` while an earlier one is in force."""
    index = reliance_index(kb)
    found = []
    for clause in kb.clauses.values():
        if clause.retired or rules.in_force(clause, today) is None:
            continue
        chain = sorted(rules.versions(clause), key=lambda v: (v.effective or today, v.version or 0))
        for old, new in zip(chain, chain[1:], strict=False):
            if new.effective and new.effective > today:
                found.append(_scheduled(kb, clause, old, new, index.get(clause.id)))
    return sorted(found, key=lambda s: (s.date, s.clause))


def _scheduled(kb: KB, clause, old: Version, new: Version, reliance) -> Scheduled:
    policy = kb.policy_of(clause)
    item = Scheduled(
        str(new.effective), clause.id, clause.title, policy.owner if policy else None,
        clause.path, new.line or clause.line, old.version, new.version, old.note,
    )
    for answer in reliance.answers if reliance else []:
        for citation in answer.cites + answer.refs:
            if citation.clause_id == clause.id and citation.version != new.version:
                item.answers.append(
                    {"id": answer.id, "title": answer.title, "path": answer.path,
                     "line": citation.line, "citation": citation.raw}
                )
    for manual in reliance.manuals if reliance else []:
        lines = [c.line for c in manual.refs if c.clause_id == clause.id]
        item.manuals.append({"path": manual.path, "lines": lines})
    return item


# --- rendering ----------------------------------------------------------------


def render(report: Upkeep, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(report.to_dict(), ensure_ascii=False, indent=2)
    if fmt == "markdown":
        return as_markdown(report)
    return as_text(report)


def _owner(value: str | None) -> str:
    return value or t("upkeep.owner")


def as_text(report: Upkeep) -> str:
    out = [t("upkeep.title_line", today=report.today, days=report.days), ""]
    out.append(t("upkeep.breaking", breaking=len(report.breaking)))
    out += [
        f"  {b.date}  {shown(b.path)}:{b.line}  {b.answer} ({_owner(b.owner)})  "
        f"{b.code} {b.message}"
        for b in report.breaking
    ]
    out += _scheduled_text(report.scheduled)
    out.append(t("upkeep.due", due=len(report.due)))
    out += [
        f"  {d.review_by}{t('upkeep.overdue') if d.overdue else ''}  {d.kind} {d.id}  "
        f"{_owner(d.owner)}  {shown(d.path)}"
        for d in report.due
    ]
    out.append(t("upkeep.uncited", uncited=len(report.uncited)))
    out += [
        f"  {c['clause']}  {c['title']}  ({c['state']}, {_owner(c['owner'])})  "
        f"{shown(c['path'])}:{c['line']}"
        for c in report.uncited
    ]
    out.append(t("upkeep.tags_without_answers", count=len(report.tags_without_answers)))
    out += [
        t("upkeep.tag_row", tag=tag["tag"], answers=", ".join(tag["answers"]))
        for tag in report.tags_without_answers
    ]
    return "\n".join(out)


def _change(item: Scheduled) -> str:
    return rules.version_change(item.from_version, item.to_version, item.note)


def _manual_where(manual: dict) -> str:
    return manual["path"] + ":" + ",".join(str(n) for n in manual["lines"])


def _scheduled_text(scheduled: list[Scheduled]) -> list[str]:
    out = [t("upkeep.scheduled", scheduled=len(scheduled))]
    for item in scheduled:
        out.append(
            f"  {item.date}  {item.clause} {item.title}  {_change(item)}  "
            f"({_owner(item.owner)}, {item.path}:{item.line})"
        )
        out += [
            t(
                "upkeep.scheduled_answer",
                path=a["path"],
                line=a["line"],
                id=a["id"],
                citation=a["citation"],
            )
            for a in item.answers
        ]
        out += [t("upkeep.scheduled_manual", where=_manual_where(m)) for m in item.manuals]
    return out


def _cell(value) -> str:
    return str(value if value is not None else "").replace("|", "\\|").replace("\n", " ")


def _table(header: list[str], rows: list[list]) -> list[str]:
    if not rows:
        return [t("upkeep.table"), ""]
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return out + [""]


def _columns(*names: str) -> list[str]:
    return [t(f"upkeep.col.{name}") for name in names]


def as_markdown(report: Upkeep, title: bool = True) -> str:
    out = [t("upkeep.md_title"), ""] if title else []
    out += [t("upkeep.md_as_of", today=report.today, days=report.days), ""]
    out += [t("upkeep.md_breaking"), "", t("upkeep.md_breaking_hint"), ""]
    out += _table(
        _columns("date", "answer", "owner", "citation", "reason"),
        [
            [
                b.date,
                f"`{b.answer}` {b.answer_title}",
                _owner(b.owner),
                f"`{b.citation}`",
                b.message,
            ]
            for b in report.breaking
        ],
    )
    out += [t("upkeep.md_scheduled"), "", t("upkeep.md_scheduled_hint"), ""]
    out += _table(
        _columns("effective", "clause", "change", "reread_answers", "reread_manuals"),
        [
            [
                item.date,
                f"`{item.clause}` {item.title}",
                _change(item),
                ", ".join(f"`{a['id']}`" for a in item.answers),
                ", ".join(f"`{_manual_where(m)}`" for m in item.manuals),
            ]
            for item in report.scheduled
        ],
    )
    out += [t("upkeep.md_due"), ""]
    out += _table(
        _columns("due", "kind", "item", "owner", "file"),
        [
            [
                d.review_by + (t("upkeep.md_overdue") if d.overdue else ""),
                d.kind,
                f"`{d.id}` {d.title}",
                _owner(d.owner),
                f"`{d.path}`",
            ]
            for d in report.due
        ],
    )
    out += [t("upkeep.md_uncited"), ""]
    out += _table(
        _columns("clause", "title", "state", "owner"),
        [[f"`{c['clause']}`", c["title"], c["state"], _owner(c["owner"])] for c in report.uncited],
    )
    out += [t("upkeep.md_tags"), ""]
    out += _table(
        _columns("tag", "draft_answers"),
        [[tag["tag"], ", ".join(tag["answers"])] for tag in report.tags_without_answers],
    )
    return "\n".join(out)
