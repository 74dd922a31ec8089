"""Rendering helpers of the site, without a build: safe Markdown, copy text, diffs."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import write_kb
from site_kb import SITE_KB

from kb.load import load
from kb.site import Site, clean_text, diff_html, labels, safe_title, sanitize
from kb.site.render import localize, safe_url


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    config = write_kb(tmp_path_factory.mktemp("render") / "kb", SITE_KB)
    return Site(load(config), date(2026, 11, 22))


def copy_text(site: Site, markdown: str) -> str:
    return clean_text(site.render(markdown))


def test_copy_text_drops_markdown_and_keeps_lines_and_placeholders(site):
    text = copy_text(
        site, "안녕하세요, {{고객명}} 고객님.\n**7일 이내**에 *취소*하세요.\n\n감사합니다."
    )
    assert text == "안녕하세요, {{고객명}} 고객님.\n7일 이내에 취소하세요.\n\n감사합니다."


def test_copy_text_of_lists_links_and_tables(site):
    text = copy_text(
        site,
        "절차:\n\n1. 앱 열기\n2. [고객센터](https://example.com) 누르기\n\n"
        "| 항목 | 금액 |\n|---|---|\n| 요금 | 1,000원 |\n\n메일: <help@example.com>",
    )
    assert "1. 앱 열기\n2. 고객센터 (https://example.com) 누르기" in text
    assert "항목\t금액\n요금\t1,000원" in text
    assert text.endswith("메일: help@example.com")


def test_inline_reference_copies_as_the_clause_title(site):
    assert copy_text(site, "기준은 [[REFUND-1@2]]입니다.") == "기준은 결제 취소 가능 기간입니다."


def test_inline_reference_in_code_stays_literal(site):
    shown = site.render("예시: `[[REFUND-1]]`")
    assert "<code>[[REFUND-1]]</code>" in shown and "kb-ref" not in shown


def test_broken_inline_reference_is_flagged(site):
    shown = site.render("[[REFUND-2]] 와 [[NOPE-1]]")
    assert shown.count("kb-broken") == 2
    assert "아직 시행 전인 조항" in shown and "없는 조항" in shown


def test_raw_html_is_escaped_and_script_links_lose_their_target(site):
    shown = site.render("<script>alert(1)</script> [x](javascript:alert(1)) [y](JaVa\tScript:1)")
    assert "<script>" not in shown and "&lt;script&gt;" in shown
    assert "javascript" not in shown.lower().replace("&lt;", "")
    assert "<a>x</a>" in shown


@pytest.mark.parametrize(
    "url,ok",
    [
        ("https://example.com", True),
        ("../policies/refund/#refund-1", True),
        ("mailto:a@b.c", True),
        ("javascript:alert(1)", False),
        (" JAVASCRIPT:alert(1)", False),
        ("java&#115;cript:alert(1)", False),
        ("data:text/html,<script>", False),
        ("vbscript:x", False),
    ],
)
def test_safe_url(url, ok):
    assert safe_url(url) is ok


def test_sanitize_keeps_markup_and_removes_script():
    dirty = (
        '<div class="admonition note"><p>안내 <b>굵게</b></p></div>'
        "<script>alert(1)</script><img src=x onerror=alert(1)>"
        '<a href="javascript:alert(1)" onclick="x()">링크</a>'
        '<iframe src="https://evil"></iframe><svg><script>1</script><circle r="1"/></svg>'
        "<p>1 &lt; 2 &amp; 3</p>"
    )
    clean = sanitize(dirty)
    assert '<div class="admonition note"><p>안내 <b>굵게</b></p></div>' in clean
    assert "<script" not in clean and "onerror" not in clean and "onclick" not in clean
    assert "javascript" not in clean and "<iframe" not in clean
    assert "<a>링크</a>" in clean and '<img src="x">' in clean
    assert "<p>1 &lt; 2 &amp; 3</p>" in clean


def test_diff_marks_words_removed_and_added():
    assert diff_html("환불은 14일 이내 가능", "환불은 7일 이내 가능") == (
        "환불은 <del>14일</del><ins>7일</ins> 이내 가능"
    )
    assert "&lt;b&gt;" in diff_html("<b>", "<i>")


def test_safe_title_has_no_markup_characters():
    assert safe_title("</title><script>a&b") == "＜/title＞＜script＞a＆b"


def test_localize_points_links_at_the_site_root():
    assert localize("\ue000/policies/refund/", "answers/refund/a/") == "../../../policies/refund/"
    assert localize("\ue000/tags/", "") == "./tags/"


def test_labels_follow_the_theme_language():
    assert labels("ko")["current"] == "시행 중"
    assert labels("en")["current"] == "In force"
    assert labels("ja") == labels("ko")  # Korean until someone adds the language
    assert set(labels("en")) == set(labels("ko"))
