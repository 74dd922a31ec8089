"""Root cause first (issue 11, SPEC §5): a broken policy file is one line, first.

The two cases of the issue, on a small KB and on a copy of the sample KB: a
date that does not exist (`effective: 2026-11-31`) and a broken indent. The
cause comes first, the citations it leaves unchecked are counted into it,
and no message shows `None` or a strptime format.
"""

from __future__ import annotations

import re
import shutil

import pytest
from browser import browser, page_at, screenshot, serve_directory  # noqa: F401
from click.testing import CliRunner
from conftest import REPO, write_kb

from kb.cli import main

POLICY = """\
id: PAY
title: 결제 정책
owner: 결제팀
clauses:
  - id: PAY-1
    title: 결제 수단
    version: 1
    effective: 2026-01-01
    text: 카드와 간편결제를 씁니다.
  - id: PAY-2
    title: 영수증
    version: 1
    effective: 2026-01-01
    text: 영수증은 앱에서 받습니다.
"""
OTHER = """\
id: SHIP
title: 배송 정책
owner: 물류팀
clauses:
  - id: SHIP-1
    title: 배송 기간
    version: 2
    effective: 2026-01-01
    text: 이틀 안에 보냅니다.
"""


def _answer(name: str, cites: str) -> str:
    return f"---\nid: {name}\ntitle: {name} 안내\ncites: [{cites}]\n---\n안녕하세요.\n"


def _small_kb(make_kb, policy: str):
    return make_kb({
        "policies/pay.yaml": policy,
        "policies/ship.yaml": OTHER,
        "docs/answers/a.md": _answer("a", "PAY-1@1"),
        "docs/answers/b.md": _answer("b", "PAY-1@1, PAY-2@1"),
        "docs/answers/c.md": _answer("c", "PAY-2@1"),
        "docs/answers/stale.md": _answer("stale", "SHIP-1@1"),
        "docs/manuals/guide.md": "# 안내\n\n결제는 [[PAY-1]]을 따릅니다.\n",
    })


def _check(kb_cli, config, fmt="text"):
    return kb_cli("check", "-f", str(config), "--as-of", "2026-12-03", "--format", fmt)


def _sample_copy(tmp_path):
    root = tmp_path / "sample"
    root.mkdir()
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    for name in ("policies", "docs"):
        shutil.copytree(REPO / name, root / name)
    return root


def _lines(output: str) -> list[str]:
    return output.strip().splitlines()[:-1]  # the summary line last


# --- a date that does not exist ------------------------------------------------


def test_bad_date_is_one_line_first_with_the_count(make_kb, kb_cli):
    config = _small_kb(make_kb, POLICY.replace("effective: 2026-01-01", "effective: 2026-11-31", 1))
    result = _check(kb_cli, config)
    lines = _lines(result.output)
    assert result.exit_code == 1
    assert lines[0].startswith("policies/pay.yaml:8: error: schema-error 'effective'의 ")
    assert "'2026-11-31'은 없는 날짜입니다" in lines[0] and "30일까지" in lines[0]
    # PAY-1 is cited by a and b and referenced by the manual: counted, not listed.
    assert "PAY-1을(를) 가리키는 인용·참조 3곳(답변 2개, 매뉴얼 1개)" in lines[0]
    # The rest of the KB is still checked; nothing about PAY-1 follows.
    assert [line.split(": ")[2].split()[0] for line in lines] == ["schema-error", "stale-citation"]
    assert "None" not in result.output


def test_bad_date_in_json_keeps_the_spec_keys(make_kb, kb_cli):
    config = _small_kb(make_kb, POLICY.replace("effective: 2026-01-01", "effective: 2026-11-31", 1))
    findings = __import__("json").loads(_check(kb_cli, config, "json").output)["findings"]
    assert [f["code"] for f in findings] == ["schema-error", "stale-citation"]
    cause = findings[0]
    assert set(cause) == {"code", "severity", "path", "line", "subject", "message"}
    assert (cause["path"], cause["line"], cause["subject"]) == ("policies/pay.yaml", 8, "PAY-1")


@pytest.mark.parametrize(
    ("written", "words"),
    [
        ("2026-11-31", "'2026-11-31'은 없는 날짜입니다: 2026년 11월은 30일까지 있습니다"),
        ("2027-02-29", "'2027-02-29'는 없는 날짜입니다: 2027년 2월은 28일까지 있습니다"),
        ("2026-13-01", "'2026-13-01'은 없는 날짜입니다: 월은 1부터 12까지입니다"),
        ("2026/11/30", "'2026/11/30'은 날짜가 아닙니다: 2026-03-01처럼"),
        ("'30.11.2026'", "'30.11.2026'은 날짜가 아닙니다"),
        ("다음 달 1일", "'다음 달 1일'은 날짜가 아닙니다"),
        ("20261130", "'20261130'은 날짜가 아닙니다"),
    ],
)
def test_a_date_error_names_the_field_and_value_in_words(make_kb, kb_cli, written, words):
    config = _small_kb(make_kb, POLICY.replace("effective: 2026-01-01", f"effective: {written}", 1))
    first = _lines(_check(kb_cli, config).output)[0]
    assert first.startswith("policies/pay.yaml:8: error: schema-error 'effective'의 ")
    assert words in first
    assert "%Y" not in first and "None" not in first and "YYYY-MM-DD" not in first


def test_a_quoted_or_short_date_that_exists_is_read(make_kb, kb_cli):
    policy = POLICY.replace("effective: 2026-01-01", "effective: '2026-1-1'", 1)
    output = _check(kb_cli, _small_kb(make_kb, policy)).output
    assert output.count(": error: ") == 1 and "오류 1개" in output  # the stale citation only


# --- a broken indent -------------------------------------------------------------


BROKEN = POLICY.replace("    version: 1\n    effective", "  version: 1\n    effective", 1)


def test_broken_indent_is_one_korean_line_first(make_kb, kb_cli):
    result = _check(kb_cli, _small_kb(make_kb, BROKEN))
    lines = _lines(result.output)
    assert lines[0].startswith("policies/pay.yaml:7: error: parse-error YAML 문법 오류(3번째 칸): ")
    assert "들여쓰기" in lines[0]
    assert "이 파일의 조항을 가리키는 인용·참조 5곳(답변 3개, 매뉴얼 1개)" in lines[0]
    assert not any("unknown-clause" in line for line in lines)
    assert [line.split(": ")[2].split()[0] for line in lines] == ["parse-error", "stale-citation"]


def test_broken_indent_in_github_format_is_one_annotation(make_kb, kb_cli):
    output = _check(kb_cli, _small_kb(make_kb, BROKEN), "github").output
    assert output.count("::error file=policies/pay.yaml,") == 1
    assert output.splitlines()[0].startswith("::error file=policies/pay.yaml,line=7,")


def test_a_clause_read_from_another_file_is_still_checked(make_kb, kb_cli):
    """Only what the broken file hides is collapsed: PAY-1 defined elsewhere is checked."""
    elsewhere = POLICY.replace("id: PAY\n", "id: PAYX\n").replace("PAY-", "PAYX-")
    config = make_kb({
        "policies/pay.yaml": BROKEN.replace("  - id: PAY-2", "  - id: PAYX-1"),
        "policies/payx.yaml": elsewhere,
        "docs/answers/a.md": _answer("a", "PAYX-1@2"),
    })
    lines = _lines(_check(kb_cli, config).output)
    assert [line.split(": ")[2].split()[0] for line in lines] == ["parse-error", "stale-citation"]
    assert "인용·참조" not in lines[0]


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("id: PAY\ntitle: 결제\nclauses:\n\t- id: PAY-1\n", 4, "탭 문자로 들여쓸 수 없습니다"),
        ('id: PAY\ntitle: "결제 정책\nowner: 팀\n', 4, "따옴표"),
        ("id: PAY\ntitle: 결제: 정책\n", 2, "값을 따옴표로 감싸세요"),
        ("id: PAY\nclauses: [PAY-1\n", 3, "']'를 넣거나"),
    ],
)
def test_yaml_syntax_errors_are_told_in_korean(make_kb, kb_cli, text, line, words):
    config = make_kb({"policies/pay.yaml": text})
    first = _lines(_check(kb_cli, config).output)[0]
    assert re.match(rf"policies/pay\.yaml:{line}: error: parse-error YAML 문법 오류\(\d+번째 칸\)",
                    first)
    assert words in first


def test_no_message_shows_none(make_kb, kb_cli):
    """Empty values everywhere: each is named in words, never as `None`."""
    policy = (
        "id: PAY\ntitle:\nowner: 팀\nreview_by:\nclauses:\n  -\n  - id: PAY-1\n    title:\n"
        "    version:\n    effective:\n    text: 글\n    supersedes:\n      -\n      - PAY-0\n"
        "    history:\n      - version:\n        text:\n"
    )
    answer = "---\nid: a\ntitle: 안내\ncites:\n  -\n  - PAY-1@1\ntags:\n  -\n  - 환불\n---\n본문\n"
    config = make_kb({"policies/pay.yaml": policy, "docs/answers/a.md": answer})
    for fmt in ("text", "json", "github"):
        output = _check(kb_cli, config, fmt).output
        assert "None" not in output and "null," not in output.replace('"subject": null,', "")
    assert "빈 값" in _check(kb_cli, config).output


def test_show_and_the_site_never_print_none_for_a_bad_date(make_kb, kb_cli, tmp_path):
    config = _small_kb(make_kb, POLICY.replace("effective: 2026-01-01", "effective: 2026-11-31", 1))
    shown = kb_cli("show", "PAY-1", "-f", str(config)).output
    assert "시행일 없음" in shown and "None" not in shown
    site = tmp_path / "site"
    built = kb_cli("build", "-q", "--allow-errors", "-f", str(config), "--site-dir", str(site))
    assert built.exit_code == 0, built.output
    for page in ("policies/pay/index.html", "answers/a/index.html"):
        assert "None" not in (site / page).read_text(encoding="utf-8"), page


# --- the same two cases on a copy of the sample KB ---------------------------------


def _break_refund(root, pattern: str, replacement: str) -> tuple[int, str]:
    """Rewrite the first line of the sample's refund.yaml that matches `pattern`.

    Returns that line's number and the id of the clause it belongs to, so the
    test does not depend on where the sample KB's owners put things.
    """
    refund = root / "policies/refund.yaml"
    text = refund.read_text(encoding="utf-8")
    match = re.search(pattern, text, re.M)
    clause = re.findall(r"^  - id: (\S+)$", text[: match.start()], re.M)[-1]
    refund.write_text(text[: match.start()] + replacement + text[match.end():], encoding="utf-8")
    return text.count("\n", 0, match.start()) + 1, clause


def test_sample_kb_bad_date_gives_the_cause_first(tmp_path, kb_cli):
    root = _sample_copy(tmp_path)
    line, clause = _break_refund(root, r"^    effective: \S+$", "    effective: 2026-11-31")
    result = _check(kb_cli, root / "mkdocs.yml")
    lines = _lines(result.output)
    assert len(lines) == 1, result.output
    assert lines[0].startswith(f"policies/refund.yaml:{line}: error: schema-error 'effective'의 "
                               "'2026-11-31'은 없는 날짜입니다")
    assert re.search(rf"{clause}을\(를\) 가리키는 인용·참조 \d+곳\(답변 \d+개, 매뉴얼 \d+개\)",
                     lines[0])
    assert "None" not in result.output


def test_sample_kb_broken_indent_gives_one_line(tmp_path, kb_cli):
    root = _sample_copy(tmp_path)
    line, _ = _break_refund(root, r"^    version: (\d+)$", "  version: 1")
    result = _check(kb_cli, root / "mkdocs.yml")
    lines = _lines(result.output)
    assert len(lines) == 1, result.output
    assert lines[0].startswith(f"policies/refund.yaml:{line}: error: parse-error YAML 문법 오류")
    count = int(re.search(r"인용·참조 (\d+)곳", lines[0])[1])
    assert count >= 20  # every citation of a REFUND clause, once


# --- the copy button on an answer with errors ---------------------------------------

STALE_ANSWER = (
    "---\nid: stale\ntitle: 옛 안내\ncites: [SHIP-1@1]\ntags: [배송]\n---\n이틀 안에 보냅니다.\n"
)
GOOD_ANSWER = STALE_ANSWER.replace("stale", "good").replace("옛", "새").replace("@1", "@2")
GOOD_ANSWER = GOOD_ANSWER.replace("이틀 안에 보냅니다.", "새 안내입니다.")


@pytest.fixture(scope="module")
def broken_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("broken") / "kb"
    config = write_kb(root, {"policies/ship.yaml": OTHER, "docs/answers/stale.md": STALE_ANSWER,
                             "docs/answers/good.md": GOOD_ANSWER})
    out = root.parent / "out"
    args = ["build", "-q", "--allow-errors", "-f", str(config), "--site-dir", str(out)]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    with serve_directory(out) as base:
        yield base


def _clipboard(page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


@pytest.mark.browser
def test_copy_on_an_answer_with_errors_asks_first(browser, broken_site):  # noqa: F811
    with page_at(browser, broken_site, clipboard=True) as page:
        page.goto(broken_site + "answers/stale/")
        page.evaluate("navigator.clipboard.writeText('before')")
        page.locator(".kb-send .kb-copy").click()
        confirm = page.locator(".kb-send .kb-copy-confirm")
        assert confirm.is_visible()
        assert "오류 1건" in confirm.inner_text() and "그래도 복사할까요?" in confirm.inner_text()
        screenshot(page, "site-answer-with-errors-copy-confirm")
        assert _clipboard(page) == "before"  # nothing copied yet
        confirm.locator("text=취소").click()
        assert page.locator(".kb-copy-confirm").count() == 0
        assert _clipboard(page) == "before"
        page.locator(".kb-send .kb-copy").click()
        page.locator(".kb-send .kb-copy-confirm__ok").click()
        page.wait_for_function(
            "document.querySelector('.kb-send .kb-copy').textContent === '복사됨'"
        )
        assert _clipboard(page).strip() == "이틀 안에 보냅니다."
        assert page.js_errors == []


@pytest.mark.browser
def test_copy_from_a_list_asks_only_for_the_answer_with_errors(browser, broken_site):  # noqa: F811
    with page_at(browser, broken_site, clipboard=True) as page:
        page.goto(broken_site + "tags/배송/")
        items = page.locator("li.kb-item")
        good = items.filter(has_text="새 안내")
        good.locator(".kb-copy").click()
        page.wait_for_function("navigator.clipboard.readText().then(t => t.includes('새 안내'))")
        assert page.locator(".kb-copy-confirm").count() == 0
        stale = items.filter(has_text="옛 안내")
        stale.locator(".kb-copy").click()
        assert stale.locator(".kb-copy-confirm").is_visible()
        assert "새 안내" in _clipboard(page)  # still the good one
        assert page.js_errors == []


@pytest.mark.parametrize(
    ("given", "words"),
    [("2026-11-31", "'2026-11-31'은 없는 날짜입니다: 2026년 11월은 30일까지"),
     ("2026/11/30", "'2026/11/30'은 날짜가 아닙니다")],
)
def test_a_bad_as_of_date_is_told_in_words(make_kb, kb_cli, given, words):
    config = _small_kb(make_kb, POLICY)
    result = kb_cli("check", "-f", str(config), "--as-of", given)
    assert result.exit_code == 2
    assert words in result.output and "%Y" not in result.output


def test_a_policy_file_that_is_not_a_mapping_is_one_line(make_kb, kb_cli):
    """Valid YAML but a list, not a policy: its clauses are as unreadable as a parse error's."""
    as_list = "- " + POLICY.replace("\n", "\n  ").rstrip() + "\n"
    lines = _lines(_check(kb_cli, _small_kb(make_kb, as_list)).output)
    assert lines[0].startswith("policies/pay.yaml:1: error: schema-error 정책 파일은 ")
    assert "이 파일의 조항을 가리키는 인용·참조 5곳(답변 3개, 매뉴얼 1개)" in lines[0]
    assert [line.split(": ")[2].split()[0] for line in lines] == ["schema-error", "stale-citation"]
