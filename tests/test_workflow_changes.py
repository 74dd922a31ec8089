"""kb changes: the monthly training pack from git history and the clauses' history."""

from __future__ import annotations

import json
import shutil
from datetime import date

import pytest
from workflow_repo import make_repo

from kb import load
from kb.site import reports as site_reports

DELIVERY = "rules/logistics/delivery.yaml"
RETURNS = "rules/returns.yaml"
FEE = "content/replies/delivery/fee.md"


@pytest.fixture(scope="module")
def october(tmp_path_factory):
    """A KB whose policies changed in October 2026, one commit per change."""
    from click.testing import CliRunner

    from kb.cli import main

    repo = make_repo(tmp_path_factory.mktemp("changes") / "kb", day="2026-09-01")

    def kb(*args):
        result = CliRunner().invoke(main, [*args, "-f", str(repo.config)], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result

    kb(
        "bump",
        "DLV-1",
        "--effective",
        "2026-10-15",
        "--text",
        "오후 3시까지 결제한 주문은 당일 출고합니다.\n도서 산간 지역은 제외합니다.",
        "--note",
        "마감 2시 → 3시",
    )
    # The answer is re-read and reworded before its re-pin (kb review insists).
    repo.replace("content/replies/delivery/same-day.md", "오후 2시까지", "오후 3시까지")
    kb("review", "same-day-cutoff", "--as-of", "2026-10-15")
    repo.replace(FEE, "[[DLV-1@1]]", "[[DLV-1@2]]")
    repo.commit("DLV-1 마감 시각 변경", "2026-10-10")
    repo.replace(
        DELIVERY, "      title: 새벽 배송\n", "      title: 새벽 배송\n      status: retired\n"
    )
    repo.commit("새벽 배송 폐지", "2026-10-20")
    kb(
        "new",
        "clause",
        "RET",
        "--title",
        "반품 기간 (연장)",
        "--text",
        "상품 수령 후 14일 이내에 반품을 신청할 수 있습니다.",
        "--effective",
        "2026-10-28",
        "--supersedes",
        "RET-1",
    )
    repo.commit("반품 기간 연장", "2026-10-25")
    repo.replace(RETURNS, "14일 이내에 반품을", "14일 안에 반품을")
    repo.commit("문구 다듬기", "2026-10-26")
    return repo


def changes_json(kb_cli, repo, *args):
    result = kb_cli("changes", *args, "--format", "json", "-f", str(repo.config))
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_october_changes_from_git_and_history(october, kb_cli):
    data = changes_json(kb_cli, october, "--since", "2026-10-01", "--until", "2026-10-31")
    assert data["git"] is True and data["notes"] == []
    summary = [(c["date"], c["kind"], c["clause"]) for c in data["changes"]]
    assert summary == [
        ("2026-10-15", "changed", "DLV-1"),
        ("2026-10-20", "retired", "DLV-3"),
        ("2026-10-26", "edited", "RET-2"),
        ("2026-10-28", "superseded", "RET-1"),
        ("2026-10-28", "added", "RET-2"),
    ]
    changed = data["changes"][0]
    assert changed["old_version"] == 1 and changed["version"] == 2
    assert changed["note"] == "마감 2시 → 3시"
    assert changed["sources"] == ["git", "history"]
    assert changed["answers"] == ["shipping-fee", "same-day-cutoff"]
    assert changed["manuals"] == ["guide/delivery.md"]
    assert changed["diff"] == [
        [
            {"op": "=", "text": "오후 "},
            {"op": "-", "text": "2시까지"},
            {"op": "+", "text": "3시까지"},
            {"op": "=", "text": " 결제한 주문은 당일 출고합니다."},
        ]
    ]
    superseded = data["changes"][3]
    assert superseded["replacement"] == "RET-2@1"
    assert superseded["answers"] == ["return-window"]  # drafts count: they will go live


def test_the_quiz_asks_a_customer_question_with_the_clause_as_key(october, kb_cli):
    data = changes_json(kb_cli, october, "--since", "2026-10-01", "--until", "2026-10-31")
    quiz = {item["clause"]: item for item in data["quiz"]}
    assert quiz["DLV-1"]["question"] == "고객: “오늘 받을 수 있나요?”"
    assert quiz["DLV-1"]["answer_id"] == "same-day-cutoff"
    assert quiz["DLV-1"]["key"].startswith("DLV-1@2 당일 배송 마감 시각: 오후 3시까지")
    assert (
        quiz["RET-1"]["question"]
        == "고객이 ‘반품 기간 안내’ 건으로 문의했습니다. 어떻게 안내할까요?"
    )
    assert quiz["RET-1"]["key"].startswith("RET-2@1 반품 기간 (연장): 상품 수령 후 14일 안에")
    assert "폐지" in quiz["DLV-3"]["key"]


def test_markdown_for_slides_and_text(october, kb_cli):
    args = ["--since", "2026-10-01", "--until", "2026-10-31", "-f", str(october.config)]
    slides = kb_cli("changes", *args, "--format", "markdown").output
    assert slides.startswith("# 변경 사항 (2026-10-01 \\~ 2026-10-31)")
    assert "\n---\n" in slides  # one slide per change
    assert "- 오후 ~~2시까지~~ **3시까지** 결제한 주문은 당일 출고합니다." in slides
    assert "## 연습 문제" in slides and "---\n\n## 정답" in slides
    text = kb_cli("changes", *args).output
    assert "  바뀐 부분: 2시까지 → 3시까지\n    이전: 오후 2시까지 결제한" in text
    assert "    이후: 오후 3시까지 결제한 주문은 당일 출고합니다." in text
    assert (
        "영향받는 답변: shipping-fee (배송비 안내), same-day-cutoff (오늘 받을 수 있나요)" in text
    )


def test_a_period_with_an_expiry_and_nothing_else(october, kb_cli):
    data = changes_json(kb_cli, october, "--since", "2026-11-01", "--until", "2026-12-31")
    assert [(c["kind"], c["clause"], c["date"]) for c in data["changes"]] == [
        ("expiring", "DLV-2", "2026-12-01")
    ]


def test_without_git_the_history_still_tells_the_story(october, tmp_path, kb_cli):
    plain = tmp_path / "plain"
    shutil.copytree(october.root, plain, ignore=shutil.ignore_patterns(".git"))
    result = kb_cli(
        "changes",
        "--since",
        "2026-10-01",
        "--until",
        "2026-10-31",
        "--format",
        "json",
        "-f",
        str(plain / "mkdocs.yml"),
    )
    data = json.loads(result.output)
    assert data["git"] is False
    assert "git 저장소가 아니어서" in data["notes"][0]
    assert [(c["kind"], c["clause"]) for c in data["changes"]] == [
        ("changed", "DLV-1"),
        ("superseded", "RET-1"),
        ("added", "RET-2"),
    ]


def test_bad_period_is_a_clear_error(october, kb_cli):
    result = kb_cli(
        "changes", "--since", "2026-10-31", "--until", "2026-10-01", "-f", str(october.config)
    )
    assert result.exit_code == 2
    assert "--until 2026-10-01이(가) --since 2026-10-31보다" in result.output


def test_site_pages_for_the_month_print_on_a4(october):
    kb = load(october.config)
    pages = site_reports.pages(kb, date(2026, 10, 31))
    paths = {path: (title, text) for path, title, text in pages}
    title, text = paths["reports/changes/2026-10.md"]
    assert title == "2026년 10월 (이번 달)"
    assert text.startswith(site_reports.MARKER)
    css = site_reports.PRINT_CSS_FILE.read_text(encoding="utf-8")
    assert "size: A4" in css and "@media print" in css
    assert "# 2026년 10월 변경 사항 (2026-10-01 &#126; 2026-10-31)" in text
    assert "오후 <del>2시까지</del> <ins>3시까지</ins>" in text
    assert '<div class="kb-page-break"></div>' in text
    title, text = paths["reports/upkeep.md"]
    assert title == "유지 관리 보고서" and text.startswith("# 유지 관리 보고서")
