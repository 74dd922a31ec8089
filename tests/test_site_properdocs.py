"""The sample KB builds with ProperDocs (the maintained fork of MkDocs 1.x) as
with MkDocs, and its search box works whichever built it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from browser import browser, page_at, serve_directory  # noqa: F401

from kb.search.query import search

PROPERDOCS = Path(sys.executable).parent / "properdocs"
SAMPLE = Path(__file__).resolve().parent.parent / "mkdocs.yml"  # the sample KB


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    if not PROPERDOCS.exists() and shutil.which("properdocs") is None:
        pytest.skip("properdocs is not installed (pip install -e '.[test]')")
    out = tmp_path_factory.mktemp("properdocs") / "site"
    command = str(PROPERDOCS) if PROPERDOCS.exists() else "properdocs"
    result = subprocess.run(
        [command, "build", "-q", "-f", str(SAMPLE), "-d", str(out)],
        capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr
    return out


def test_properdocs_builds_the_kb_pages_and_search_files(site):
    page = (site / "answers" / "account" / "dormant" / "index.html").read_text(encoding="utf-8")
    assert "휴면 계정 해제 방법" in page and "kb-copy" in page
    assert "오래 안 썼더니 로그인이 막혔어요" in page  # its questions
    assert (site / "policies" / "refund" / "index.html").is_file()
    assert (site / "search" / "kb" / "meta.json").is_file()


@pytest.mark.browser
def test_search_box_works_on_a_properdocs_site(browser, site):  # noqa: F811
    with serve_directory(site) as base, page_at(browser, base) as page:
        page.goto(base)
        box = page.locator(".kb-search__input")
        box.click()
        box.evaluate("el => { el.value = '환불 언제 들어와요'; }")
        page.keyboard.press("End")
        page.wait_for_function("window.kbSearch.shown === '환불 언제 들어와요'")
        first = page.locator(".kb-search__item").first.get_attribute("data-id")
        assert first == search(SAMPLE, "환불 언제 들어와요")[0].id
        assert page.js_errors == []
