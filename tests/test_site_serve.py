"""`kb serve`: a live server that keeps serving a KB with errors, marking them."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

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
        except OSError:
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
