"""`kb serve`: a live server that keeps serving a KB with errors, marking them, and
follows each save (an edited answer or clause, an answer added or deleted)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest
from conftest import copy_sample_kb
from test_site_build import _stale_kb

KB = str(Path(sys.executable).parent / "kb")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        # MkDocs's dev server opens a file, then reads its size by path: a read
        # while kb swaps the search folder in can be cut short (the site's
        # search asks again on its next search; so does this)
        except (OSError, UnicodeDecodeError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def test_kb_serve_shows_the_site_and_marks_errors(make_kb):
    config = make_kb(_stale_kb())
    port = _free_port()
    server = subprocess.Popen(
        [KB, "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    try:
        page = _get(f"http://127.0.0.1:{port}/answers/a/")
        assert "고객에게 보낼 문구" in page
        assert "kb-alert--error" in page and "옛 버전 인용" in page
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0].decode("utf-8", "replace")
    assert "docs/answers/a.md:3: error: stale-citation" in output


def _until(url: str, test, timeout: float = 180) -> str:
    """The page at `url` once `test(page)` holds (the server rebuilds after a save)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            page = _get(url, timeout=5)
        except OSError:
            page = ""
        if test(page) or time.monotonic() > deadline:
            return page
        time.sleep(0.3)


def _search_rows(base: str) -> str:
    """What the site's search box lists from: every row of its result table."""
    meta = json.loads(_get(base + "search/kb/meta.json"))
    chunks = -(-meta["docs"] // meta["chunk"])
    return "".join(_get(f"{base}search/kb/d/{n}.json?v={meta['version']}") for n in range(chunks))


def _save(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_kb_serve_shows_each_save(tmp_path):
    """Edit an answer, a clause; add and delete an answer: the served site follows."""
    config = copy_sample_kb(tmp_path / "kb")
    kb = config.parent
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    answer_url = base + "answers/account/dormant/"
    server = subprocess.Popen(
        [KB, "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    try:
        assert "휴면 계정 해제 방법" in _get(answer_url, timeout=180)
        _until(base + "search/kb/meta.json", lambda page: page.startswith("{"))

        _save(kb / "docs/answers/account/dormant.md", "title: 휴면 계정 해제 방법",
              "title: 휴면 계정 풀기 안내")  # fmt: skip
        assert "휴면 계정 풀기 안내" in _until(answer_url, lambda p: "풀기 안내" in p)
        tag_page = _until(base + quote("tags/계정/휴면/"), lambda p: "풀기 안내" in p)
        assert "휴면 계정 풀기 안내" in tag_page
        deadline = time.monotonic() + 180
        while "휴면 계정 풀기 안내" not in _search_rows(base) and time.monotonic() < deadline:
            time.sleep(0.5)
        rows = _search_rows(base)
        assert "휴면 계정 풀기 안내" in rows and "휴면 계정 해제 방법" not in rows

        _save(kb / "policies/account.yaml", "1년 동안 로그인", "2년 동안 로그인")
        assert "2년 동안 로그인" in _until(answer_url, lambda p: "2년 동안 로그인" in p)

        added = kb / "docs/answers/account/dormant-again.md"
        text = (kb / "docs/answers/account/dormant.md").read_text(encoding="utf-8")
        added.write_text(
            text.replace("id: account-dormant", "id: account-dormant-again").replace(
                "휴면 계정 풀기 안내", "다시 휴면이 된 계정"
            ),
            encoding="utf-8",
        )
        again_url = base + "answers/account/dormant-again/"
        assert "다시 휴면이 된 계정" in _until(again_url, lambda p: "다시 휴면" in p)

        added.unlink()
        tag_page = _until(base + quote("tags/계정/휴면/"), lambda p: "다시 휴면" not in p)
        assert "다시 휴면이 된 계정" not in tag_page
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(again_url, timeout=5)
    finally:
        server.terminate()
        server.wait(timeout=30)
