"""Headless Chromium for browser tests: Playwright driving Debian's chromium.

Import the fixtures into a test module (`from browser import browser,
served_site  # noqa: F401`) and mark tests `@pytest.mark.browser`. Without
/usr/bin/chromium the tests skip, unless KB_REQUIRE_BROWSER=1 (CI), where a
missing browser is a failure. Screenshots go to test-artifacts/ (gitignored).
"""

from __future__ import annotations

import atexit
import functools
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("KB_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}


def require_browser() -> None:
    """Skip (or, with KB_REQUIRE_BROWSER=1, fail) when no browser can run."""
    problem = None
    if not CHROMIUM.exists():
        problem = f"{CHROMIUM} is missing (apt-get install chromium fonts-noto-cjk)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            problem = "the playwright package is missing (pip install -e '.[test]')"
    if problem is None:
        return
    if os.environ.get("KB_REQUIRE_BROWSER") == "1":
        pytest.fail(f"browser tests required but {problem}")
    pytest.skip(problem)


_shared: dict = {}


def _close_shared() -> None:
    if "browser" in _shared:
        _shared.pop("browser").close()
        _shared.pop("playwright").stop()


def shared_browser():
    """The process's one Chromium. Playwright's sync API allows one instance per thread,
    and each test module importing the fixture below gets its own copy of it."""
    if "browser" not in _shared:
        from playwright.sync_api import sync_playwright

        playwright = sync_playwright().start()
        _shared["playwright"] = playwright
        _shared["browser"] = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        atexit.register(_close_shared)
    return _shared["browser"]


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session."""
    require_browser()
    return shared_browser()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


@contextmanager
def serve_directory(directory: Path) -> Iterator[str]:
    """Serve a built site from a local thread; yields its base URL (ends with '/')."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@contextmanager
def page_at(browser, base_url: str, viewport: dict = DESKTOP, clipboard: bool = False):
    """A fresh page in its own context; with clipboard access for `base_url`'s origin."""
    context = browser.new_context(viewport=viewport, locale="ko-KR")
    if clipboard:
        context.grant_permissions(
            ["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/")
        )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.js_errors = errors
    try:
        yield page
    finally:
        context.close()


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
