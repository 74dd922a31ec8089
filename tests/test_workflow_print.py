"""A month's "변경 사항" page prints cleanly on A4 (real build, headless Chromium)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from browser import require_browser
from workflow_repo import CONFIG, make_repo

OCTOBER_CONFIG = CONFIG.replace(
    "      answers_dir: replies\n", "      answers_dir: replies\n      as_of: '2026-10-31'\n"
)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from click.testing import CliRunner

    from kb.cli import main

    root = tmp_path_factory.mktemp("print") / "kb"
    repo = make_repo(root, day="2026-09-01")
    repo.path("mkdocs.yml").write_text(OCTOBER_CONFIG, encoding="utf-8")

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
    # The answer is re-read and reworded before its re-pin (kb review insists).
    repo.replace("content/replies/delivery/same-day.md", "오후 2시까지", "오후 3시까지")
    kb("review", "same-day-cutoff", "--as-of", "2026-10-31")
    repo.commit("DLV-1 v2", "2026-10-10")
    site = root.parent / "site"
    kb("build", "--site-dir", str(site))
    return site


# Run in a child process: another test module's session-wide Playwright
# cannot share this process with a second one.
PROBE = """
import json, re, sys
sys.path.insert(0, sys.argv[2])
from browser import CHROMIUM, CHROMIUM_ARGS, page_at, screenshot, serve_directory
from pathlib import Path
from playwright.sync_api import sync_playwright

out = {}
with sync_playwright() as p, serve_directory(Path(sys.argv[1])) as url:
    browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    with page_at(browser, url) as page:
        page.goto(url + "reports/changes/2026-10/")
        out["nav"] = page.inner_text("nav.md-nav--primary")
        page.emulate_media(media="print")
        out["hidden"] = page.evaluate(
            \"\"\"() => ['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary',
                      '.md-footer'].map(s => {
                const e = document.querySelector(s);
                return e === null || getComputedStyle(e).display === 'none';
            })\"\"\"
        )
        out["break"] = page.evaluate(
            "[...document.querySelectorAll('.kb-page-break')]"
            ".map(e => getComputedStyle(e).breakBefore)"
        )
        out["ins_color"] = page.evaluate(
            "getComputedStyle(document.querySelector('article ins')).color"
        )
        out["article"] = page.inner_text("article")
        out["del"] = page.inner_text("article del")
        out["ins"] = page.inner_text("article ins")
        screenshot(page, "workflow-changes-print")
        pdf = page.pdf(format="A4", print_background=True)
        out["errors"] = page.js_errors
    browser.close()
boxes = re.findall(rb"/MediaBox\\s*\\[\\s*0 0 ([\\d.]+) ([\\d.]+)\\s*\\]", pdf)
out["boxes"] = [[float(w), float(h)] for w, h in boxes]
print(json.dumps(out, ensure_ascii=False))
"""


@pytest.mark.browser
def test_the_training_page_prints_on_a4_without_navigation(built):
    require_browser()
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(built), str(Path(__file__).parent)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert "2026년 10월 (이번 달)" in out["nav"]  # under 보고서 › 월별 변경 사항
    assert "2026년 11월 (예정)" in out["nav"] and "2025년 11월" in out["nav"]
    assert out["hidden"] == [True, True, True, True]
    assert out["break"] == ["page", "page"]  # the quiz and its key start new sheets
    assert out["ins_color"] == "rgb(26, 127, 55)"
    assert "[변경] DLV-1 당일 배송 마감 시각 v1 → v2" in out["article"]
    assert "변경 메모 마감 2시 → 3시" in out["article"]
    assert (out["del"], out["ins"]) == ("2시까지", "3시까지")
    # A4 sheets: the changes on the first, the quiz and the key on their own.
    assert len(out["boxes"]) == 3
    assert all(abs(w - 595) < 2 and abs(h - 842) < 2 for w, h in out["boxes"])
    assert out["errors"] == []
