"""`kb show ID` and `kb impact CLAUSE-ID`: one clause or answer, and what relies on it."""

from __future__ import annotations

import json
from datetime import date

from .. import phrases, rules
from ..errors import KBError
from ..load import nfc
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
        f"id가 {ident!r}인 조항, 답변, 정책이 없습니다{hint(kb, ident)}{unreadable(kb)}"
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
    return f" ({', '.join(broken[:3])}을(를) 읽지 못했습니다: 먼저 고치세요, kb check 참고)"


def clause_or_fail(kb: KB, clause_id: str) -> Clause:
    clause_id = nfc(clause_id.strip()).split("@")[0]
    clause = kb.clauses.get(clause_id) or kb.clauses.get(clause_id.upper())
    if clause is None:
        close = rules.suggestions(kb, clause_id.upper())
        tip = did_you_mean(close)
        tip += unreadable(kb) or ("" if close else " (kb show POLICY-ID로 정책의 조항을 보세요)")
        raise KBError(f"id가 {clause_id!r}인 조항이 없습니다{tip}")
    return clause


# --- impact -------------------------------------------------------------------


def impact(kb: KB, clause_id: str) -> dict:
    clause = clause_or_fail(kb, clause_id)
    return relying_on(kb, clause.id).to_dict(clause.id)


def impact_text(kb: KB, data: dict) -> str:
    clause = kb.clauses[data["clause"]]
    force = rules.shown(clause, date.today())
    lines = [f"{clause.id} {clause.title} (v{force.version}) 에 기대는 곳:"]
    lines.append(f"답변 {len(data['answers'])}개")
    for answer_id in data["answers"]:
        answer = kb.answer(answer_id)
        if answer is not None:
            lines.append(f"  {answer_id}  {answer.title}  ({shown(answer.path)})")
    lines.append(f"매뉴얼 {len(data['manuals'])}개")
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
    out = [f"{clause.id}  {clause.title}", f"  파일: {shown(clause.path)}:{clause.line}"]
    policy = kb.policy_of(clause)
    if policy is not None:
        out.append(f"  정책: {policy.id} {policy.title} (담당: {policy.owner})")
    state = rules.state_word(data["state"])
    if data["superseded_by"]:
        state += f" → {data['superseded_by']}"
    out.append(f"  상태({today}): {state}   상태 값: {clause.status}")
    force = rules.shown(clause, today)
    period = _since(force.effective) + (f", {clause.expires} 만료" if clause.expires else "")
    out.append(f"  버전 {force.version}, {period}")
    if clause.supersedes:
        out.append(f"  대체하는 조항: {', '.join(clause.supersedes)}")
    if data["replaced_by"]:
        out.append(f"  이 조항을 대체하는 조항: {', '.join(data['replaced_by'])}")
    out += ["", f"  본문 (버전 {force.version}):"] + _indent(force.text)
    out += _scheduled_text(clause, today)
    out += _history_text(clause, today)
    out += ["", f"  이 조항에 기대는 답변 {len(data['answers'])}개:"]
    for answer in relying_on(kb, clause.id).answers:
        pins = [c.raw for c in answer.cites + answer.refs if c.clause_id == clause.id]
        out.append(f"    {answer.id}  {answer.title}  [{', '.join(pins)}]  {shown(answer.path)}")
    out.append(f"  이 조항을 참조하는 매뉴얼 {len(data['manuals'])}개:")
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
        out += ["", f"  시행 예정 ({later.effective}부터) 버전 {later.version}:"]
        out += _indent(later.text)
        out += ["", f"  바뀌는 부분 (버전 {previous.version} → {later.version}):"]
        out += _indent("\n".join(_word_diff(previous.text, later.text)) or "(표기만 바뀜)")
        previous = later
    return out


def _history_text(clause: Clause, today: date) -> list[str]:
    """The changes as `v1 → v2: note`, then the texts of the versions no longer in force."""
    pairs = rules.changes_of(clause)
    if not pairs:
        return []
    out = ["", "  변경 이력:"]
    for old, new in pairs:
        coming = ", 시행 예정" if new.effective and new.effective > today else ""
        since = f"{new.effective}부터" if new.effective else "시행일 없음"
        out.append(f"    {rules.change_label(old, new)}  ({since}{coming})")
    force = rules.in_force(clause, today)
    for old in clause.history:
        if force and force.effective and old.effective and old.effective < force.effective:
            out += ["", f"  이전 버전 {old.version} ({old.effective} 부터):"] + _indent(old.text)
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
    on = rules.check_date(answer, today)
    changes = reread.changes_since_pins(kb, answer.cites + answer.refs, on)
    hits = phrases.answer_hits(kb, answer, today, repinning=True)
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
        out += ["", "  답변이 쓰인 버전(고정한 버전)에서 시행 중인 버전까지 바뀐 내용:"]
        out += [f"    {line}" for change in data["changes"] for line in change["text"]]
    if data["outdated"]:
        out += ["", "  이전 버전의 값이 남은 줄 (고친 뒤 kb review):"]
        out += [f"    {item['text']}" for item in data["outdated"]]
    return out


def answer_text(kb: KB, answer: Answer, today: date) -> str:
    data = answer_data(kb, answer, today)
    out = [f"{answer.id}  {answer.title}", f"  파일: {shown(answer.path)}"]
    facts = [f"상태: {answer.status}"]
    facts += [f"담당: {answer.owner}"] if answer.owner else []
    facts += [f"검토 기한: {answer.review_by}"] if answer.review_by else []
    facts += [f"시행: {answer.effective}"] if answer.effective else []
    out.append("  " + "   ".join(facts))
    if answer.tags:
        out.append(f"  태그: {', '.join(answer.tags)}")
    out += ["", "  답변 본문:"] + _indent(answer.body)
    out += ["", f"  인용한 조항 ({data['checked_on']} 기준):"]
    for item in data["citations"]:
        mark = "정상" if item["good"] else "문제"
        where = "본문" if item["inline"] else "cites"
        out.append(f"  [{mark}] {item['citation']} ({where}, {shown(answer.path)}:{item['line']})")
        if not item["good"]:
            out.append(f"        {item['code']}: {item['message']}")
        if item["text"]:
            out.append(f"        {item['clause']} v{item['version']} {item['title']}")
            out += _indent(item["text"], "        ")
    out += _reread_text(data)
    return "\n".join(out)


def policy_text(kb: KB, policy: Policy, today: date) -> str:
    out = [f"{policy.id}  {policy.title}", f"  파일: {shown(policy.path)}"]
    out.append(f"  담당: {policy.owner}")
    if policy.review_by:
        out.append(f"  검토 기한: {policy.review_by}")
    out += ["", "  조항:"]
    for clause in policy.clauses:
        state = rules.state_word(rules.state(kb, clause, today))
        count = len(relying_on(kb, clause.id).answers)
        force = rules.shown(clause, today)
        later = rules.scheduled(clause, today) if rules.in_force(clause, today) else None
        coming = f"  → v{later.version} {later.effective}부터 시행 예정" if later else ""
        out.append(
            f"    {clause.id}  v{force.version}  {state}  {clause.title}  (답변 {count}개){coming}"
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
    return f"{day} 부터" if day is not None else "시행일 없음(kb check가 알려 주는 줄을 고치세요)"
