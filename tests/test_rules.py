"""SPEC §4: what "current" means, each citation code, and the boundary dates."""

from __future__ import annotations

from datetime import date

import pytest

from kb import check, load

POLICY = """
id: REFUND
title: 환불 정책
owner: 고객경험팀
clauses:
  - id: REFUND-1
    title: 취소 기간
    version: 2
    effective: 2026-11-22
    expires: 2026-12-31
    text: 7일 이내
  - id: REFUND-2
    title: 처리 기간 (구)
    version: 1
    effective: 2025-01-01
    text: 5~10영업일
  - id: REFUND-3
    title: 처리 기간
    version: 1
    effective: 2026-12-01
    supersedes: [REFUND-2]
    text: 3~7영업일
  - id: REFUND-4
    title: 폐지된 대체 조항
    version: 1
    effective: 2025-01-01
    status: retired
    supersedes: [REFUND-5]
    text: 폐지
  - id: REFUND-5
    title: 폐지된 조항이 대체하려던 조항
    version: 1
    effective: 2025-01-01
    text: 유효
"""


def answer(cites: str, extra: str = "") -> str:
    return f"---\nid: a\ntitle: 답변\ncites: [{cites}]\n{extra}---\n본문\n"


def findings(make_kb, cites: str, as_of: str, extra: str = ""):
    config = make_kb({"policies/refund.yaml": POLICY, "docs/answers/a.md": answer(cites, extra)})
    report = check(load(config), date.fromisoformat(as_of))
    return [(f.code, f.severity) for f in report.findings]


@pytest.mark.parametrize(
    ("cites", "as_of", "expected"),
    [
        # effective today: current
        ("REFUND-1@2", "2026-11-22", []),
        # the day before it takes effect
        ("REFUND-1@2", "2026-11-21", [("future-clause", "error")]),
        # the last day before expiry, and the expiry date itself
        ("REFUND-1@2", "2026-12-30", []),
        ("REFUND-1@2", "2026-12-31", [("expired-clause", "error")]),
        # current, wrong pin
        ("REFUND-1@1", "2026-11-22", [("stale-citation", "error")]),
        # superseded only from the replacement's effective date on
        ("REFUND-2@1", "2026-11-30", []),
        ("REFUND-2@1", "2026-12-01", [("superseded-clause", "error")]),
        # a retired replacement supersedes nothing; a retired clause is retired
        ("REFUND-5@1", "2026-11-22", []),
        ("REFUND-4@1", "2026-11-22", [("retired-clause", "error")]),
        ("REFUND-9@1", "2026-11-22", [("unknown-clause", "error")]),
        ("REFUND-1", "2026-11-22", [("bad-citation", "error")]),
        ("refund-1@2", "2026-11-22", [("bad-citation", "error")]),
        ("REFUND-1@v2", "2026-11-22", [("bad-citation", "error")]),
    ],
)
def test_citation_codes_and_boundaries(make_kb, cites, as_of, expected):
    assert findings(make_kb, cites, as_of) == expected


def test_first_code_in_table_order_wins(make_kb):
    # superseded (on 2026-12-01) and pinned to a wrong version: only superseded-clause.
    assert findings(make_kb, "REFUND-2@7", "2026-12-01") == [("superseded-clause", "error")]
    # expired and wrong version: expired-clause only.
    assert findings(make_kb, "REFUND-1@1", "2027-01-05") == [("expired-clause", "error")]


def test_answer_effective_later_moves_the_check_date(make_kb):
    # REFUND-3 takes effect 2026-12-01: an answer for that day is checked then.
    assert findings(make_kb, "REFUND-3@1", "2026-11-22", "effective: 2026-12-01\n") == []
    assert findings(make_kb, "REFUND-3@1", "2026-11-22") == [("future-clause", "error")]
    # ...and against that day's policies, REFUND-2 is superseded.
    assert findings(make_kb, "REFUND-2@1", "2026-11-22", "effective: 2026-12-01\n") == [
        ("superseded-clause", "error")
    ]


def test_draft_findings_are_warnings_and_retired_answers_are_not_checked(make_kb):
    assert findings(make_kb, "REFUND-9@1", "2026-11-22", "status: draft\n") == [
        ("unknown-clause", "warning")
    ]
    assert findings(make_kb, "REFUND-9@1", "2026-11-22", "status: retired\n") == []


def test_missing_citation_not_schema_error(make_kb):
    config = make_kb({
        "policies/refund.yaml": POLICY,
        "docs/answers/a.md": "---\nid: a\ntitle: 답변\ncites: []\n---\n본문\n",
        "docs/answers/b.md": "---\nid: b\ntitle: 답변\n---\n본문\n",
    })
    report = check(load(config), date(2026, 11, 22))
    assert [(f.code, f.path, f.line) for f in report.findings] == [
        ("missing-citation", "docs/answers/a.md", 4),
        ("missing-citation", "docs/answers/b.md", 1),
    ]


def test_inline_references_pin_optional_but_checked(make_kb):
    config = make_kb({
        "policies/refund.yaml": POLICY,
        "docs/guide.md": "# 가이드\n\n[[REFUND-1]] 그리고 [[REFUND-1@1]]\n\n`[[NOPE-1]]`\n",
    })
    report = check(load(config), date(2026, 11, 22))
    assert [(f.code, f.line, f.subject) for f in report.findings] == [
        ("stale-citation", 3, "guide.md")
    ]


def test_duplicate_ids_reported_on_later_occurrences_in_path_order(make_kb):
    config = make_kb({
        "policies/refund.yaml": POLICY,
        "policies/z-copy.yaml": POLICY,
        "docs/answers/b.md": answer("REFUND-1@2"),
        "docs/answers/a.md": answer("REFUND-1@2"),
    })
    report = check(load(config), date(2026, 11, 22))
    dups = [(f.path, f.subject) for f in report.findings if f.code == "duplicate-id"]
    assert ("docs/answers/b.md", "a") in dups
    assert ("docs/answers/a.md", "a") not in dups
    assert ("policies/z-copy.yaml", "REFUND") in dups
    assert ("policies/z-copy.yaml", "REFUND-5") in dups
    assert not [p for p, _ in dups if p == "policies/refund.yaml"]


def test_nfc_and_nfd_ids_and_tags_are_the_same(make_kb):
    import unicodedata

    nfd = unicodedata.normalize("NFD", "환불")
    config = make_kb({
        "policies/refund.yaml": POLICY,
        "docs/answers/a.md": f"---\nid: a\ntitle: {nfd} 안내\ncites: [REFUND-1@2]\n"
                             f"tags: [{nfd}/기간]\n---\n본문\n",
    })
    kb = load(config)
    assert kb.answers[0].tags == ["환불/기간"]
    assert kb.answers[0].title == "환불 안내"


def test_review_overdue_is_strictly_before(make_kb):
    policy = POLICY.replace("owner: 고객경험팀", "owner: 팀\nreview_by: 2026-11-22")
    config = make_kb({"policies/refund.yaml": policy})
    assert check(load(config), date(2026, 11, 22)).findings == []
    codes = [f.code for f in check(load(config), date(2026, 11, 23)).findings]
    assert codes == ["review-overdue"]


def test_answer_ids_may_be_korean_but_not_contain_spaces(make_kb):
    config = make_kb({
        "policies/refund.yaml": POLICY,
        "docs/answers/a.md": "---\nid: 환불-안내_2\ntitle: 답변\ncites: [REFUND-1@2]\n---\n본문\n",
        "docs/answers/b.md": "---\nid: 환불 안내\ntitle: 답변\ncites: [REFUND-1@2]\n---\n본문\n",
    })
    report = check(load(config), date(2026, 11, 22))
    assert [(f.code, f.path, f.line) for f in report.findings] == [
        ("schema-error", "docs/answers/b.md", 2)
    ]


def test_malformed_cites_is_one_schema_error_not_also_missing(make_kb):
    config = make_kb({
        "policies/refund.yaml": POLICY,
        "docs/answers/a.md": "---\nid: a\ntitle: 답변\ncites: {REFUND-1: 2}\n---\n본문\n",
    })
    report = check(load(config), date(2026, 11, 22))
    assert [(f.code, f.line) for f in report.findings] == [("schema-error", 4)]
