"""The "이번 달 변경 사항" page prints cleanly on A4 (real build, headless Chromium)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from browser import browser, page_at, screenshot, serve_directory  # noqa: F401
from workflow_repo import CONFIG, make_repo

from kb import plugin, site_reports

OCTOBER_CONFIG = CONFIG.replace(
    "      answers_dir: replies\n", "      answers_dir: replies\n      as_of: '2026-10-31'\n"
)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from click.testing import CliRunner

    from kb.cli import main

    root = tmp_path_factory.mktemp("print") / "kb"
    repo = make_repo(root, day="2026-09-01")
    # Until the site adds kb/assets/reports/print.css itself, the KB lists a copy.
    config = OCTOBER_CONFIG
    if "reports/print.css" not in (Path(plugin.__file__).read_text(encoding="utf-8")):
        shutil.copy(site_reports.PRINT_CSS_FILE, repo.path("content/print.css"))
        config += "extra_css:\n  - print.css\n"
    repo.path("mkdocs.yml").write_text(config, encoding="utf-8")

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
    repo.replace("content/replies/delivery/fee.md", "[[DLV-1@1]]", "[[DLV-1@2]]")
    kb("review", "same-day-cutoff", "--as-of", "2026-10-31")
    repo.commit("DLV-1 v2", "2026-10-10")
    site = root.parent / "site"
    kb("build", "--site-dir", str(site))
    return site


@pytest.mark.browser
def test_the_training_page_prints_on_a4_without_navigation(built, browser):  # noqa: F811
    with serve_directory(built) as url, page_at(browser, url) as page:
        page.goto(url + "reports/changes/")
        assert "이번 달 변경 사항" in page.inner_text("nav.md-nav--primary")  # in the nav
        page.emulate_media(media="print")
        hidden = page.evaluate(
            """() => ['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary',
                      '.md-footer'].map(s => {
                const e = document.querySelector(s);
                return e === null || getComputedStyle(e).display === 'none';
            })"""
        )
        assert hidden == [True, True, True, True]
        assert page.evaluate(
            "getComputedStyle(document.querySelector('.kb-page-break')).breakBefore"
        ) == "page"
        assert page.evaluate("getComputedStyle(document.querySelector('article ins')).color") == (
            "rgb(26, 127, 55)"
        )
        content = page.inner_text("article")
        assert "[변경] DLV-1 당일 배송 마감 시각 v1 → v2" in content
        assert "변경 메모 마감 2시 → 3시" in content
        assert page.inner_text("article del") == "2시까지"
        assert page.inner_text("article ins") == "3시까지"
        screenshot(page, "workflow-changes-print")
        pdf = page.pdf(format="A4", print_background=True)
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert boxes and all(abs(float(w) - 595) < 2 and abs(float(h) - 842) < 2 for w, h in boxes)
    # The changes on the first sheet, the quiz on a sheet of its own.
    assert len(boxes) == 2
    assert not page.js_errors
