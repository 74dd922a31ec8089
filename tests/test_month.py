"""The trainers' month: `kb changes --month`, readable text, slides, and the monthly site pages.

One real git repository, commits dated in different months: a change that
takes effect in October, one decided in October for December (a scheduled
version), an answer written in November for December's rule, and an expiry
in December.
"""

from __future__ import annotations

import json
import re
from datetime import date

import markdown
import pytest
from workflow_repo import CONFIG, make_repo

from kb import load
from kb.owner import changes as changes_mod
from kb.site import reports as site_reports

RETURNS = "rules/returns.yaml"
OLD_RET = "상품 수령 후 7일 이내에 반품을 신청할 수 있습니다."
NEW_RET = (
    "**상품 수령 후 14일** 이내에 반품을 신청할 수 있습니다.\n"
    "환불은 영업일 3~5일 안에 되며, 출고 기준은 [[DLV-1]]을 따릅니다."
)
WINTER_ANSWER = """\
---
id: return-window-december
title: 반품 기간 안내 (12월부터)
cites: [RET-1@2]
effective: 2026-12-01
questions:
  - 12월부터 반품 기한이 늘었나요?
  - 반품 2주 안에 하면 되나요?
tags: [반품]
---
12월 1일부터는 수령 후 14일 안에 반품을 신청하실 수 있어요. 환불은 영업일 3~5일 걸립니다.
"""
AS_OF = "2026-12-15"


@pytest.fixture(scope="module")
def months(tmp_path_factory):
    from click.testing import CliRunner

    from kb.cli import main

    repo = make_repo(tmp_path_factory.mktemp("month") / "kb", day="2026-09-01")

    def kb(*args):
        result = CliRunner().invoke(main, [*args, "-f", str(repo.config)], catch_exceptions=False)
        assert result.exit_code == 0, result.output

    kb(
        "bump",
        "DLV-1",
        "--effective",
        "2026-10-15",
        "--note",
        "마감 2시 → 3시",
        "--text",
        "오후 3시까지 결제한 주문은 당일 출고합니다.\n도서 산간 지역은 제외합니다.",
    )
    # Re-read first: kb review refuses while the body still states the old cut-off.
    repo.replace("content/replies/delivery/same-day.md", "오후 2시까지", "오후 3시까지")
    kb("review", "same-day-cutoff", "--as-of", "2026-10-15")
    repo.replace("content/replies/delivery/fee.md", "[[DLV-1@1]]", "[[DLV-1@2]]")
    repo.commit("DLV-1 마감 시각 변경", "2026-10-10")
    # Decided in October, in force from December: a scheduled version.
    kb(
        "bump",
        "RET-1",
        "--effective",
        "2026-12-01",
        "--note",
        "반품 기간 7일 → 14일",
        "--text",
        NEW_RET,
    )
    repo.commit("RET-1 12월부터 14일", "2026-10-20")
    repo.write("content/replies/return-window-december.md", WINTER_ANSWER)
    repo.commit("12월 반품 답변", "2026-11-05")
    return repo


def month_json(kb_cli, repo, month):
    result = kb_cli("changes", "--month", month, "--format", "json", "-f", str(repo.config))
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def summary(data):
    return [(c["date"], c["kind"], c["clause"]) for c in data["changes"]]


def test_a_month_holds_what_takes_effect_in_it(months, kb_cli):
    october = month_json(kb_cli, months, "2026-10")
    assert (october["month"], october["since"], october["until"]) == (
        "2026-10",
        "2026-10-01",
        "2026-10-31",
    )
    # RET-1 was committed in October but takes effect in December: not October's news.
    assert summary(october) == [("2026-10-15", "changed", "DLV-1")]
    assert summary(month_json(kb_cli, months, "2026-11")) == []


def test_a_scheduled_version_is_in_the_month_it_takes_effect(months, kb_cli):
    december = month_json(kb_cli, months, "2026-12")
    assert summary(december) == [
        ("2026-12-01", "expiring", "DLV-2"),
        ("2026-12-01", "changed", "RET-1"),
    ]
    ret = december["changes"][1]
    assert (ret["old_version"], ret["version"], ret["note"]) == (1, 2, "반품 기간 7일 → 14일")
    assert ret["sources"] == ["history"]  # the commit was October's, the effect December's
    assert ret["answers"] == ["return-window-december", "return-window"]


def test_quiz_questions_come_from_the_answers_questions(months, kb_cli):
    quiz = {q["clause"]: q for q in month_json(kb_cli, months, "2026-12")["quiz"]}
    assert quiz["RET-1"]["question"] == "고객: “12월부터 반품 기한이 늘었나요?”"
    assert quiz["RET-1"]["answer_id"] == "return-window-december"
    # The key is the version in force that month, not whatever the file says last.
    assert quiz["RET-1"]["key"].startswith("RET-1@2 반품 기간: **상품 수령 후 14일**")


def test_october_quiz_key_is_octobers_text_even_after_a_later_bump(months):
    result = changes_mod.month_changes(load(months.config), date(2026, 10, 1))
    (item,) = result.quiz
    assert item.key.startswith("DLV-1@2 당일 배송 마감 시각: 오후 3시까지")


def test_text_output_reads_before_and_after_without_markup(months, kb_cli):
    text = kb_cli("changes", "--month", "2026-12", "-f", str(months.config)).output
    assert text.startswith("2026년 12월 변경 사항 (2026-12-01 ~ 2026-12-31): 2건")
    assert "2026-12-01 [변경] RET-1 반품 기간 v1 → v2" in text
    assert "  변경 메모: 반품 기간 7일 → 14일" in text
    assert "    이전: 상품 수령 후 7일 이내에 반품을 신청할 수 있습니다." in text
    assert "    이후: 상품 수령 후 14일 이내에 반품을 신청할 수 있습니다." in text
    # The inline reference reads as the clause's title, the emphasis is gone.
    assert "출고 기준은 당일 배송 마감 시각(DLV-1)을 따릅니다." in text
    for markup in ("[-", "-]", "{+", "+}", "**", "[[", "]]"):
        assert markup not in text, markup
    assert "\n정답:\n" in text and "\n  2. RET-1@2 반품 기간: 상품 수령 후 14일 이내" in text


def slides_of(kb_cli, repo, month):
    result = kb_cli("changes", "--month", month, "--format", "markdown", "-f", str(repo.config))
    assert result.exit_code == 0, result.output
    return result.output


def test_slides_put_the_answer_key_on_a_slide_of_its_own(months, kb_cli):
    slides = slides_of(kb_cli, months, "2026-12").split("\n---\n")
    assert slides[0].startswith("# 2026년 12월 변경 사항")
    quiz = [s for s in slides if "## 연습 문제" in s]
    key = [s for s in slides if "## 정답" in s]
    assert len(quiz) == len(key) == 1 and quiz != key
    assert "12월부터 반품 기한이 늘었나요?" in quiz[0] and "14일" not in quiz[0]
    assert "상품 수령 후 14일" in key[0]
    assert slides.index(key[0]) == len(slides) - 1


def test_slides_escape_every_tilde_a_renderer_would_strike(months, kb_cli):
    slides = slides_of(kb_cli, months, "2026-12")
    # A Markdown renderer with strikethrough (pymdownx.tilde reads `~~x~~` and `~x~`).
    html = markdown.markdown(slides, extensions=["pymdownx.tilde"])
    struck = re.findall(r"<del>(.*?)</del>", html)
    assert struck == ["7일"]  # only the words the change removed
    assert "<sub>" not in html
    assert "영업일 3~5일 안에" in html and "(2026-12-01 ~ 2026-12-31)" in html
    assert "[[" not in slides and "당일 배송 마감 시각(DLV-1)" in slides


def test_bad_month_and_two_periods_are_clear_errors(months, kb_cli):
    bad = kb_cli("changes", "--month", "2026-13", "-f", str(months.config))
    assert bad.exit_code == 2
    assert "YYYY-MM 형식으로 쓰세요 (예: --month 2026-11)" in bad.output
    both = kb_cli(
        "changes", "--month", "2026-12", "--since", "2026-12-01", "-f", str(months.config)
    )
    assert both.exit_code == 2 and "기간을 하나만 주세요" in both.output
    assert "Traceback" not in bad.output + both.output


def test_since_no_longer_pulls_in_the_next_months_change(months, kb_cli):
    result = kb_cli(
        "changes",
        "--since",
        "2026-10-01",
        "--until",
        "2026-11-30",
        "--format",
        "json",
        "-f",
        str(months.config),
    )
    assert [c["clause"] for c in json.loads(result.output)["changes"]] == ["DLV-1"]


def test_recent_months_are_the_last_twelve_and_the_next():
    found = changes_mod.recent_months(date(2027, 1, 10))
    assert found[0] == date(2027, 2, 1) and found[1] == date(2027, 1, 1)
    assert found[-1] == date(2026, 2, 1) and len(found) == 13


# --- the site ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(months, tmp_path_factory):
    from click.testing import CliRunner

    from kb.cli import main

    config = CONFIG.replace(
        "      answers_dir: replies\n", f"      answers_dir: replies\n      as_of: '{AS_OF}'\n"
    )
    months.path("mkdocs.yml").write_text(config, encoding="utf-8")
    out = tmp_path_factory.mktemp("month-site") / "site"
    result = CliRunner().invoke(
        main,
        ["build", "--allow-errors", "--site-dir", str(out), "-f", str(months.config)],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return out


def page(site, rel):
    return (site / rel / "index.html").read_text(encoding="utf-8")


def test_the_site_has_a_page_per_month_last_twelve_and_next(site):
    built = sorted(p.name for p in (site / "reports" / "changes").iterdir())
    # This month and the eleven before it, and the next one.
    assert built == [f"2026-{m:02d}" for m in range(1, 13)] + ["2027-01"]
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "2026년 12월 (이번 달)" in home and "2027년 1월 (예정)" in home  # in the nav
    assert "월별 변경 사항" in home


def test_each_month_page_shows_that_months_changes(site):
    october = page(site, "reports/changes/2026-10")
    assert "[변경] DLV-1 당일 배송 마감 시각 v1 → v2" in october
    assert "<del>2시까지</del> <ins>3시까지</ins>" in october
    assert "RET-1" not in october
    december = page(site, "reports/changes/2026-12")
    assert "[변경] RET-1 반품 기간 v1 → v2" in december
    assert "[만료] DLV-2 배송비 v1" in december
    assert "12월부터 반품 기한이 늘었나요?" in december
    assert december.count('class="kb-page-break"') == 2  # the quiz, then its key
    assert 'class="kb-training"' in december  # the print style's marker
    assert "이 기간에 시행되는 변경이 없습니다." in page(site, "reports/changes/2026-11")


def test_the_writing_guide_is_in_every_site(site):
    guide = page(site, "writing-guide")
    for heading in ("정책과 조항", "시행 예정 변경", "답변", "자리표시자", "고객 질문", "태그"):
        assert f">{heading}" in guide, heading
    assert "작성 가이드" in (site / "index.html").read_text(encoding="utf-8")


def test_no_font_cdn_and_no_generator_footer(site):
    for html_file in site.rglob("*.html"):
        text = html_file.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, html_file
        assert "Made with" not in text, html_file


def test_month_pages_are_listed_newest_first():
    pages = [
        ("reports/changes/2027-01.md", "2027년 1월 (예정)", ""),
        ("reports/changes/2026-12.md", "2026년 12월 (이번 달)", ""),
        ("reports/upkeep.md", "유지 관리 보고서", ""),
    ]
    assert site_reports.nav(pages) == [
        {
            "월별 변경 사항": [
                {"2027년 1월 (예정)": "reports/changes/2027-01.md"},
                {"2026년 12월 (이번 달)": "reports/changes/2026-12.md"},
            ]
        },
        {"유지 관리 보고서": "reports/upkeep.md"},
    ]


def test_changed_words_drop_shared_punctuation_but_keep_units():
    from kb.owner.pack import changed_words

    runs = changes_mod.word_diff(
        "분당요금에 20% 할증(분당 216원, 자전거 180원).",
        "분당요금에 30% 할증(분당 234원, 자전거 195원).",
    )
    assert changed_words(runs) == "20% → 30%, 216원 → 234원, 180원 → 195원"
