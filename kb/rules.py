"""What "current" means (SPEC §4), shared by the check, the site and search."""

from __future__ import annotations

from datetime import date

from .messages import t
from .model import KB, Answer, Citation, Clause, Version
from .text import near

# The states of a clause on a date, in the order the citation codes apply.
SUPERSEDED = "superseded"
RETIRED = "retired"
EXPIRED = "expired"
FUTURE = "future"
CURRENT = "current"


def state_word(state: str) -> str:
    """One word per state, for every command and the site (the catalogue's `state.*`)."""
    return t(f"state.{state}")


CODES = {
    SUPERSEDED: "superseded-clause",
    RETIRED: "retired-clause",
    EXPIRED: "expired-clause",
    FUTURE: "future-clause",
}


def check_date(answer: Answer, today: date) -> date:
    """An answer prepared for a later date is checked against that date."""
    if answer.effective is not None and answer.effective > today:
        return answer.effective
    return today


def versions(clause: Clause) -> list[Version]:
    """Every version of a clause: the top-level one first, then its `history`."""
    top = Version(clause.version, clause.effective, clause.text, line=clause.line)
    return [top, *clause.history]


def change_label(old: Version, new: Version) -> str:
    """`v2 → v3: note`: a history note says what changed from one version to the next."""
    return version_change(old.version, new.version, old.note)


def version_change(old: int | None, new: int | None, note: str | None) -> str:
    """`change_label` from the numbers, for a change already taken apart (kb report)."""
    head = f"v{old or '?'} → v{new or '?'}"
    return f"{head}: {note}" if note else head


def changes_of(clause: Clause) -> list[tuple[Version, Version]]:
    """(older, newer) pairs, newest change first, in the order of the file's history."""
    chain = versions(clause)
    return list(zip(chain[1:], chain, strict=False))


def in_force(clause: Clause, on: date) -> Version | None:
    """SPEC §4: the version with the latest `effective <= on`, or None before the first."""
    dated = [v for v in versions(clause) if v.effective is not None and v.effective <= on]
    if not dated:
        return None
    return max(dated, key=lambda v: (v.effective, v.version or 0))


def scheduled(clause: Clause, on: date) -> Version | None:
    """The next version decided in advance: the earliest one dated after `on`."""
    later = [v for v in versions(clause) if v.effective is not None and v.effective > on]
    return min(later, key=lambda v: v.effective or on) if later else None


def shown(clause: Clause, on: date) -> Version:
    """The version to show on `on`: the one in force, never a scheduled one while an
    earlier version applies; a clause not yet in force at all shows its first version."""
    return in_force(clause, on) or scheduled(clause, on) or versions(clause)[0]


def first_effective(clause: Clause) -> date | None:
    dates = [v.effective for v in versions(clause) if v.effective is not None]
    return min(dates) if dates else None


def superseded_by(kb: KB, clause: Clause, on: date) -> Clause | None:
    """The first non-retired clause in effect on `on` that replaces `clause`."""
    for newer in kb.superseders.get(clause.id, ()):
        if not newer.retired and in_force(newer, on) is not None:
            return newer
    return None


def state(kb: KB, clause: Clause, on: date) -> str:
    if superseded_by(kb, clause, on) is not None:
        return SUPERSEDED
    if clause.retired:
        return RETIRED
    if clause.expires is not None and clause.expires <= on:
        return EXPIRED
    if in_force(clause, on) is None:
        return FUTURE
    return CURRENT


def is_current(kb: KB, clause: Clause, on: date) -> bool:
    return state(kb, clause, on) == CURRENT


def suggestions(kb: KB, clause_id: str) -> list[str]:
    return near(clause_id, kb.clauses)


def citation_problem(kb: KB, citation: Citation, on: date) -> tuple[str, str] | None:
    """(code, message) for a citation that is not good on `on`, else None."""
    what = t("rules.what_reference") if citation.inline else t("rules.what_citation")
    if citation.clause_id is None:
        form = t("rules.form_inline") if citation.inline else t("rules.form_cites")
        return "bad-citation", t("rules.not_a_citation", raw=citation.raw, form=form)
    shown = citation.clause_id + (f"@{citation.version}" if citation.version else "")
    clause = kb.clauses.get(citation.clause_id)
    if clause is None:
        close = suggestions(kb, citation.clause_id)
        hint = (
            t("rules.did_you_mean", close=t("common.or").join(close))
            if close
            else t("rules.check_the_id")
        )
        return "unknown-clause", t("rules.unknown_clause", shown=shown, what=what, hint=hint)
    current = state(kb, clause, on)
    if current == SUPERSEDED:
        newer = superseded_by(kb, clause, on)
        replacing = in_force(newer, on) if newer is not None else None
        assert newer is not None and replacing is not None  # what made state() SUPERSEDED
        pin = f"{newer.id}@{replacing.version}"
        return CODES[current], (
            t(
                "rules.superseded",
                shown=shown,
                what=what,
                effective=replacing.effective,
                pin=pin,
            )
        )
    if current == RETIRED:
        return CODES[current], (t("rules.retired", shown=shown, what=what))
    if current == EXPIRED:
        return CODES[current], (
            t("rules.expired", shown=shown, what=what, expires=clause.expires, on=on)
        )
    if current == FUTURE:
        return CODES[current], _not_yet(clause, shown, what, on)
    force = in_force(clause, on)
    assert force is not None  # a CURRENT clause has a version in force
    if citation.version is not None and citation.version != force.version:
        return _wrong_version(clause, citation.version, shown, what, force, on)
    return None


def _not_yet(clause: Clause, shown: str, what: str, on: date) -> str:
    start = first_effective(clause)
    when = t("rules.starts_on", start=start) if start else t("rules.no_effective_date")
    return t(
        "rules.not_yet", shown=shown, what=what, when=when, on=on, example=start or "YYYY-MM-DD"
    )


def _wrong_version(
    clause: Clause, pinned: int, shown: str, what: str, force: Version, on: date
) -> tuple[str, str]:
    pin = f"{clause.id}@{force.version}"
    later = next(
        (v for v in versions(clause) if v.version == pinned and v.effective and v.effective > on),
        None,
    )
    if later is not None:  # a scheduled version cited before its date
        return "future-clause", (
            t(
                "rules.version_not_yet",
                shown=shown,
                what=what,
                pinned=pinned,
                effective=later.effective,
                on=on,
                version=force.version,
                pin=pin,
            )
        )
    if pinned not in {v.version for v in versions(clause)}:
        return "stale-citation", (
            t(
                "rules.no_such_version",
                shown=shown,
                what=what,
                pinned=pinned,
                version=force.version,
                effective=force.effective,
                pin=pin,
            )
        )
    return "stale-citation", (
        t(
            "rules.stale_version",
            shown=shown,
            what=what,
            version=force.version,
            effective=force.effective,
            pin=pin,
        )
    )
