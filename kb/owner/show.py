"""`kb show ID` and `kb impact CLAUSE-ID`: one clause or answer, and what relies on it."""

from __future__ import annotations

import json
from datetime import date

from .. import rules
from ..errors import KBError
from ..load import nfc
from ..messages import t
from ..model import KB, Answer, Clause, Policy, Version
from ..text import did_you_mean, near
from ..textsafe import shown
from . import reread
from .impact import relying_on


def find(kb: KB, ident: str) -> Clause | Answer | Policy:
    """The clause, answer or policy with this id (case and Unicode form forgiven)."""
    ident = nfc(ident.strip()).split("@")[0]
    for candidate in (ident, ident.upper()):
        if candidate in kb.clauses:
            return kb.clauses[candidate]
    answer = kb.answer(ident) or next(
        (a for a in kb.answers if a.id.lower() == ident.lower()), None
    )
    if answer is not None:
        return answer
    policy = next((p for p in kb.policies if p.id == ident.upper()), None)
    if policy is not None:
        return policy
    raise KBError(
        t("show.find", ident=ident, hint=hint(kb, ident), unreadable=unreadable(kb))
    )


def hint(kb: KB, ident: str) -> str:
    names = list(kb.clauses) + [a.id for a in kb.answers] + [p.id for p in kb.policies]
    found = near(ident, names)
    return did_you_mean(found)


def unreadable(kb: KB) -> str:
    """A pointer to files that could not be read, which may hold the id asked for."""
    broken = sorted({f"{shown(f.path)}:{f.line}" for f in kb.findings if f.code == "parse-error"})
    if not broken:
        return ""
    return t("show.unreadable", files=', '.join(broken[:3]))


def clause_or_fail(kb: KB, clause_id: str) -> Clause:
    clause_id = nfc(clause_id.strip()).split("@")[0]
    clause = kb.clauses.get(clause_id) or kb.clauses.get(clause_id.upper())
    if clause is None:
        close = rules.suggestions(kb, clause_id.upper())
        tip = did_you_mean(close)
        tip += unreadable(kb) or ("" if close else t("show.policy_tip"))
        raise KBError(t("show.no_clause", clause_id=clause_id, tip=tip))
    return clause


# --- impact -------------------------------------------------------------------


def impact(kb: KB, clause_id: str) -> dict:
    clause = clause_or_fail(kb, clause_id)
    return relying_on(kb, clause.id).to_dict(clause.id)


def impact_text(kb: KB, data: dict) -> str:
    clause = kb.clauses[data["clause"]]
    force = rules.shown(clause, date.today())
    lines = [t("show.relies_on", id=clause.id, title=clause.title, version=force.version)]
    lines.append(t("show.answers", count=len(data['answers'])))
    for answer_id in data["answers"]:
        answer = kb.answer(answer_id)
        if answer is not None:
            lines.append(f"  {answer_id}  {answer.title}  ({shown(answer.path)})")
    lines.append(t("show.manuals", count=len(data['manuals'])))
    lines += [f"  {shown(path)}" for path in data["manuals"]]
    return "\n".join(lines)


# --- show ---------------------------------------------------------------------


def _indent(text: str, prefix: str = "    ") -> list[str]:
    return [prefix + line for line in text.rstrip().splitlines()]


def clause_data(kb: KB, clause: Clause, today: date) -> dict:
    reliance = relying_on(kb, clause.id)
    newer = rules.superseded_by(kb, clause, today)
    force = rules.in_force(clause, today)
    later = rules.scheduled(clause, today) if force is not None else None
    return {
        "kind": "clause",
        "id": clause.id,
        "title": clause.title,
        "policy": clause.policy_id,
        "path": clause.path,
        "line": clause.line,
        "version": clause.version,
        "effective": _iso(clause.effective),
        "expires": _iso(clause.expires),
        "status": clause.status,
        "state": rules.state(kb, clause, today),
        "superseded_by": newer.id if newer else None,
        "supersedes": clause.supersedes,
        "replaced_by": [c.id for c in kb.superseders.get(clause.id, [])],
        "text": clause.text,
        "in_force": _version_data(force),
        "scheduled": _version_data(later),
        "history": [
            {
                "version": v.version,
                "effective": _iso(v.effective),
                "text": v.text,
                "note": v.note,
                "outdated": v.outdated,
            }
            for v in clause.history
        ],
        "answers": [a.id for a in reliance.answers],
        "manuals": [nfc(m.doc_path) for m in reliance.manuals],
    }


def _version_data(version: Version | None) -> dict | None:
    if version is None:
        return None
    return {"version": version.version, "effective": _iso(version.effective), "text": version.text}


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _word_diff(old: str, new: str) -> list[str]:
    from .changes import diff_text, hunks  # one word diff for every command

    return [diff_text(runs) for runs in hunks(old, new)]


def clause_text(kb: KB, clause: Clause, today: date) -> str:
    data = clause_data(kb, clause, today)
    out = [
        f"{clause.id}  {clause.title}",
        t(
            "show.file_line",
            path=shown(clause.path),
            line=clause.line,
        ),
    ]
    policy = kb.policy_of(clause)
    if policy is not None:
        out.append(t("show.policy", id=policy.id, title=policy.title, owner=policy.owner))
    state = rules.state_word(data["state"])
    if data["superseded_by"]:
        state += f" → {data['superseded_by']}"
    out.append(t("show.state", today=today, state=state, status=clause.status))
    force = rules.shown(clause, today)
    period = _since(force.effective) + (
        t(
            "show.expires",
            expires=clause.expires,
        )
        if clause.expires
        else ""
    )
    out.append(t("show.version", version=force.version, period=period))
    if clause.supersedes:
        out.append(t("show.supersedes", supersedes=", ".join(clause.supersedes)))
    if data["replaced_by"]:
        out.append(t("show.superseded_by", clauses=", ".join(data["replaced_by"])))
    out += ["", t("show.text", version=force.version)] + _indent(force.text)
    out += _scheduled_text(clause, today)
    out += _history_text(clause, today)
    out += ["", t("show.answers_relying", count=len(data["answers"]))]
    for answer in relying_on(kb, clause.id).answers:
        pins = [c.raw for c in answer.cites + answer.refs if c.clause_id == clause.id]
        out.append(f"    {answer.id}  {answer.title}  [{', '.join(pins)}]  {shown(answer.path)}")
    out.append(t("show.manuals_referring", count=len(data["manuals"])))
    out += [f"    {shown(path)}" for path in data["manuals"]]
    return "\n".join(out)


def _scheduled_text(clause: Clause, today: date) -> list[str]:
    """Each version decided in advance, with its word diff from the one before it."""
    force = rules.in_force(clause, today)
    if force is None:
        return []
    out = []
    previous = force
    for later in sorted(rules.versions(clause), key=lambda v: v.effective or today):
        if later.effective is None or later.effective <= today:
            continue
        out += ["", t("show.scheduled", effective=later.effective, version=later.version)]
        out += _indent(later.text)
        out += ["", t("show.scheduled_diff", version=previous.version, version2=later.version)]
        diff = "\n".join(_word_diff(previous.text, later.text))
        out += _indent(diff or t("show.format_only"))
        previous = later
    return out


def _history_text(clause: Clause, today: date) -> list[str]:
    """The changes as `v1 → v2: note`, then the texts of the versions no longer in force."""
    pairs = rules.changes_of(clause)
    if not pairs:
        return []
    out = ["", t("show.history")]
    for old, new in pairs:
        coming = t("show.history_scheduled") if new.effective and new.effective > today else ""
        since = (
            t("show.history_from", effective=new.effective)
            if new.effective
            else t("show.history_no_date")
        )
        out.append(f"    {rules.change_label(old, new)}  ({since}{coming})")
    force = rules.in_force(clause, today)
    for old in clause.history:
        if force and force.effective and old.effective and old.effective < force.effective:
            out += [
                "",
                t(
                    "show.previous_version",
                    version=old.version,
                    effective=old.effective,
                ),
            ] + _indent(old.text)
    return out


def answer_data(kb: KB, answer: Answer, today: date) -> dict:
    on = rules.check_date(answer, today)
    citations = []
    for citation in answer.cites + answer.refs:
        clause = kb.clauses.get(citation.clause_id or "")
        problem = rules.citation_problem(kb, citation, on)
        shown = rules.shown(clause, on) if clause else None
        citations.append(
            {
                "citation": citation.raw,
                "line": citation.line,
                "inline": citation.inline,
                "clause": citation.clause_id,
                "good": problem is None,
                "code": problem[0] if problem else None,
                "message": problem[1] if problem else None,
                "title": clause.title if clause else None,
                "version": shown.version if shown else None,
                "text": shown.text if shown else None,
            }
        )
    return {
        "kind": "answer",
        "id": answer.id,
        "title": answer.title,
        "path": answer.path,
        "status": answer.status,
        "owner": answer.owner,
        "review_by": _iso(answer.review_by),
        "effective": _iso(answer.effective),
        "tags": answer.tags,
        "checked_on": on.isoformat(),
        "citations": citations,
        "body": answer.body,
        **reread_data(kb, answer, today),
    }


def reread_data(kb: KB, answer: Answer, today: date) -> dict:
    """Since the version each citation pins: the word diff, and old values still in the body."""
    changes, hits = reread.before_repin(kb, answer, today)
    return {
        "changes": [
            {"clause": c.clause.id, "from": c.old.version, "to": c.new.version, "text": c.lines()}
            for c in changes
        ],
        "outdated": [
            {
                "line": h.line,
                "phrase": h.phrase,
                "clause": h.stale.clause.id,
                "version": h.version.version,
                "text": line,
            }
            for h, line in zip(hits, reread.hit_lines(answer.path, hits), strict=True)
        ],
    }


def _reread_text(data: dict) -> list[str]:
    out = []
    if data["changes"]:
        out += ["", t("show.since_pin")]
        out += [f"    {line}" for change in data["changes"] for line in change["text"]]
    if data["outdated"]:
        out += ["", t("show.old_value_lines")]
        out += [f"    {item['text']}" for item in data["outdated"]]
    return out


def answer_text(kb: KB, answer: Answer, today: date) -> str:
    data = answer_data(kb, answer, today)
    out = [f"{answer.id}  {answer.title}", t("show.file", path=shown(answer.path))]
    facts = [t("show.answer_status", status=answer.status)]
    facts += [t("show.answer_owner", owner=answer.owner)] if answer.owner else []
    facts += [t("show.answer_review_by", review_by=answer.review_by)] if answer.review_by else []
    facts += [t("show.answer_effective", effective=answer.effective)] if answer.effective else []
    out.append("  " + "   ".join(facts))
    if answer.tags:
        out.append(t("show.tags", tags=", ".join(answer.tags)))
    out += ["", t("show.answer_text")] + _indent(answer.body)
    out += ["", t("show.cited", day=data["checked_on"])]
    for item in data["citations"]:
        mark = t("show.good") if item["good"] else t("show.bad")
        where = t("show.in_text") if item["inline"] else "cites"
        out.append(f"  [{mark}] {item['citation']} ({where}, {shown(answer.path)}:{item['line']})")
        if not item["good"]:
            out.append(f"        {item['code']}: {item['message']}")
        if item["text"]:
            out.append(f"        {item['clause']} v{item['version']} {item['title']}")
            out += _indent(item["text"], "        ")
    out += _reread_text(data)
    return "\n".join(out)


def policy_text(kb: KB, policy: Policy, today: date) -> str:
    out = [f"{policy.id}  {policy.title}", t("show.policy_file", path=shown(policy.path))]
    out.append(t("show.owner", owner=policy.owner))
    if policy.review_by:
        out.append(t("show.review_by", review_by=policy.review_by))
    out += ["", t("show.clauses")]
    for clause in policy.clauses:
        state = rules.state_word(rules.state(kb, clause, today))
        count = len(relying_on(kb, clause.id).answers)
        force = rules.shown(clause, today)
        later = rules.scheduled(clause, today) if rules.in_force(clause, today) else None
        coming = (
            t(
                "show.coming",
                version=later.version,
                effective=later.effective,
            )
            if later
            else ""
        )
        out.append(
            t(
                "show.clause_row",
                id=clause.id,
                version=force.version,
                state=state,
                title=clause.title,
                count=count,
                coming=coming,
            )
        )
    return "\n".join(out)


def show(kb: KB, ident: str, today: date, fmt: str = "text") -> str:
    item = find(kb, ident)
    if fmt == "json":
        if isinstance(item, Clause):
            data = clause_data(kb, item, today)
        elif isinstance(item, Answer):
            data = answer_data(kb, item, today)
        else:
            data = {
                "kind": "policy",
                "id": item.id,
                "title": item.title,
                "owner": item.owner,
                "path": item.path,
                "review_by": _iso(item.review_by),
                "clauses": [c.id for c in item.clauses],
            }
        return json.dumps(data, ensure_ascii=False, indent=2)
    if isinstance(item, Clause):
        return clause_text(kb, item, today)
    if isinstance(item, Answer):
        return answer_text(kb, item, today)
    return policy_text(kb, item, today)


def _since(day) -> str:
    """'2026-03-01 부터', or what is missing: a date `kb check` could not read is never `None`."""
    return t("show.since", day=day) if day is not None else t("show.no_effective_date")
