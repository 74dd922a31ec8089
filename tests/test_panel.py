"""/panel/: the side-panel page, inside an iframe of another origin, with and without kb api."""

from __future__ import annotations

import contextlib

import pytest
from browser import browser, serve_directory  # noqa: F401
from click.testing import CliRunner
from conftest import write_kb
from search_kb import SEARCH_KB
from test_api import Server

from kb.cli import main

PANEL_WIDTH = 360
ANSWER = """
    ---
    id: refund-late
    title: 환불이 늦어질 때
    cites: [REFUND-3@1]
    tags: [환불/처리 기간]
    ---
    {{고객명}} 고객님, 환불은 카드사 영업일 기준 3~7일 안에 들어갑니다.
"""


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    files = {**SEARCH_KB, "docs/answers/refund/late.md": ANSWER}
    return write_kb(tmp_path_factory.mktemp("panel") / "kb", files)


@pytest.fixture(scope="module")
def site(kb):
    out = kb.parent.parent / "site"
    args = ["build", "-q", "-f", str(kb), "--site-dir", str(out)]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return out


@contextlib.contextmanager
def host_page(browser, tmp_path, panel_url: str):  # noqa: F811
    """A chat tool's page on another origin, with the panel in a 360 px iframe."""
    (tmp_path / "host").mkdir()
    (tmp_path / "host" / "index.html").write_text(
        '<!doctype html><meta charset="utf-8"><title>상담 화면</title>'
        f'<iframe src="{panel_url}" width="{PANEL_WIDTH}" height="640" '
        'allow="clipboard-read; clipboard-write"></iframe>',
        encoding="utf-8",
    )
    with serve_directory(tmp_path / "host") as host:
        host = host.replace("127.0.0.1", "localhost")  # another origin than the panel
        context = browser.new_context(viewport={"width": 900, "height": 700}, locale="ko-KR")
        panel_origin = panel_url.split("/panel/")[0]
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=panel_origin)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        try:
            page.goto(host)
            frame = page.frame_locator("iframe")
            frame.locator(".kb-search__input").wait_for()
            yield page, frame
            assert errors == []
        finally:
            context.close()


def _frame(page):
    return next(f for f in page.frames if "/panel/" in f.url)


def _search(page, frame, query: str) -> list[str]:
    box = frame.locator(".kb-search__input")
    box.click()
    box.press_sequentially(query)
    inner = _frame(page)
    inner.wait_for_function("q => window.kbSearch && window.kbSearch.shown === q", arg=query)
    return inner.eval_on_selector_all(".kb-search__item", "items => items.map(i => i.dataset.id)")


@pytest.mark.browser
def test_panel_searches_the_static_index_in_an_iframe_of_another_origin(  # noqa: F811
    browser, site, tmp_path  # noqa: F811
):
    with serve_directory(site) as base, host_page(browser, tmp_path, base + "panel/") as (
        page,
        frame,
    ):
        found = _search(page, frame, "환불 늦어요")
        assert found[0] == "refund-late"
        inner = _frame(page)
        assert inner.evaluate("window.kbSearch.source") != "api"
        assert inner.evaluate("document.documentElement.scrollWidth") <= PANEL_WIDTH
        # Fill the placeholder, then copy: the text with the name in it reaches the clipboard.
        item = frame.locator('.kb-search__item[data-id="refund-late"]')
        item.locator('input[data-placeholder="고객명"]').fill("김민지")
        item.locator(".kb-copy").click()
        frame.locator('.kb-search__item[data-id="refund-late"] .kb-copy--done').wait_for()
        # Read it back on the panel's own origin (an iframe may write, not read).
        reader = page.context.new_page()
        reader.goto(base)
        copied = reader.evaluate("navigator.clipboard.readText()")
        assert copied.startswith("김민지 고객님, 환불은 카드사 영업일 기준 3~7일")
        assert "{{" not in copied


@pytest.mark.browser
def test_panel_asks_kb_api_when_one_is_named_and_falls_back_without_it(  # noqa: F811
    browser, site, kb, tmp_path  # noqa: F811
):
    with serve_directory(site) as base:
        origin = base.rstrip("/")
        api = Server(kb, "--workers", "1", "--watch", "0", "--cors-origin", origin)
        try:
            url = f"{base}panel/?api={api.base}"
            with host_page(browser, tmp_path, url) as (page, frame):
                found = _search(page, frame, "환불 늦어요")
                inner = _frame(page)
                assert inner.evaluate("window.kbSearch.source") == "api"
                assert found[0] == "refund-late"
                item = frame.locator('.kb-search__item[data-id="refund-late"]')
                assert item.locator("a").get_attribute("href") == base + "answers/refund/late/"
        finally:
            api.stop()
        # kb api gone: the panel still answers, from the static index.
        (tmp_path / "again").mkdir()
        with host_page(browser, tmp_path / "again", url) as (page, frame):
            assert _search(page, frame, "환불 늦어요")[0] == "refund-late"


class _HostileApi:
    """An API someone else runs: results whose links try to run script."""

    def __init__(self):
        import http.server
        import threading

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - http.server's name
                body = (
                    '{"query": "x", "results": [{"kind": "answer", "id": "evil", "title": "악성",'
                    ' "path": "x.md", "score": 1.0, "good": true, "text": "보낼 글",'
                    ' "url": "javascript:alert(1)"}]}'
                ).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Access-Control-Allow-Origin", "*")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.mark.browser
def test_panel_never_links_to_script_from_an_api_it_was_pointed_at(  # noqa: F811
    browser, site, tmp_path  # noqa: F811
):
    hostile = _HostileApi()
    try:
        with serve_directory(site) as base:
            url = f"{base}panel/?api={hostile.base}"
            with host_page(browser, tmp_path, url) as (page, frame):
                assert _search(page, frame, "아무거나") == ["evil"]
                href = frame.locator('.kb-search__item[data-id="evil"] a').get_attribute("href")
                assert not href.startswith("javascript:")
            (tmp_path / "b").mkdir()
            with host_page(browser, tmp_path / "b", f"{base}panel/?api=javascript:alert(2)") as (
                page,
                frame,
            ):
                assert _frame(page).evaluate("window.KB_API === undefined")
    finally:
        hostile.server.shutdown()
