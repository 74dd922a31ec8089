"""The sample KB that ships in this repository: complete, realistic and clean."""

from __future__ import annotations

from datetime import date

from conftest import REPO

from kb import check, load, rules


def sample():
    return load(REPO / "mkdocs.yml")


def test_sample_kb_is_big_enough_to_be_real():
    kb = sample()
    assert len(kb.policies) >= 8
    assert len(kb.clauses) >= 50
    assert len([a for a in kb.answers if a.status == "active"]) >= 80
    assert len([m for m in kb.manuals if m.doc_path.startswith("manuals/")]) >= 4


def test_sample_kb_shows_every_state_of_a_clause():
    kb = sample()
    today = date(2026, 11, 22)
    states = {rules.state(kb, c, today) for c in kb.clauses.values()}
    assert {rules.CURRENT, rules.FUTURE, rules.EXPIRED, rules.SUPERSEDED} <= states
    assert any(c.history for c in kb.clauses.values())
    assert {a.status for a in kb.answers} == {"active", "draft", "retired"}


def test_sample_tags_are_hierarchical():
    tags = {t for a in sample().answers for t in a.tags}
    assert sum("/" in t for t in tags) >= 10


def test_sample_kb_has_no_findings_today():
    kb = sample()
    report = check(kb, date(2026, 11, 22))
    assert report.findings == []
