"""`kb api`: a real gunicorn server started by the test, asked over HTTP."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from search_kb import SEARCH_KB

KB_BIN = Path(sys.executable).with_name("kb")

STALE_ANSWER = """
    ---
    id: refund-stale
    title: 옛 버전을 인용한 환불 안내
    cites: [REFUND-3@9]
    tags: [환불]
    ---
    환불은 언제나 즉시 됩니다.
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, config: Path, *args: str):
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        cmd = [str(KB_BIN), "api", "-f", str(config), "--bind", f"127.0.0.1:{self.port}", *args]
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self._wait()

    def _wait(self) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(self.proc.stdout.read().decode())
            try:
                self.get("/healthz")
                return
            except (OSError, urllib.error.URLError):
                time.sleep(0.2)
        raise AssertionError("kb api did not start")

    def request(self, path: str, method: str = "GET", headers: dict | None = None):
        req = urllib.request.Request(self.base + path, method=method, headers=headers or {})
        try:
            with urllib.request.urlopen(req, timeout=10) as resp:
                return resp.status, dict(resp.headers), resp.read()
        except urllib.error.HTTPError as err:
            return err.code, dict(err.headers), err.read()

    def get(self, path: str, **kw):
        status, headers, body = self.request(path, **kw)
        return status, json.loads(body) if body else None

    def stop(self) -> str:
        self.proc.terminate()
        out, _ = self.proc.communicate(timeout=20)
        return out.decode()


@pytest.fixture
def api_kb(make_kb):
    return make_kb({**SEARCH_KB, "docs/answers/refund/stale.md": STALE_ANSWER})


@pytest.fixture
def server(api_kb):
    srv = Server(
        api_kb, "--workers", "1", "--watch", "0.5", "--cors-origin", "https://desk.example.com"
    )
    yield srv
    srv.stop()


def q(text: str) -> str:
    return urllib.parse.quote(text)


def test_search_returns_the_spec_json_in_kb_search_order(server, api_kb, kb_cli):
    status, data = server.get(f"/search?q={q('환불은 언제 들어와요')}&limit=3")
    assert status == 200
    assert data["query"] == "환불은 언제 들어와요"
    assert len(data["results"]) == 3
    for result in data["results"]:
        assert {"kind", "id", "title", "path", "score"} <= set(result)
    assert data["no_good_answer"] is False  # as `kb search --format json` says it
    _, cli = kb_cli.json("search", "환불은 언제 들어와요", "-f", str(api_kb), "--format", "json")
    published = [r for r in cli["results"] if r["id"] not in ("refund-stale", "old-refund")]
    assert [(r["kind"], r["id"]) for r in data["results"]] == [
        (r["kind"], r["id"]) for r in published[:3]
    ]


def test_search_filters_by_kind_and_tag(server):
    _, clauses = server.get(f"/search?q={q('환불')}&kind=clause")
    assert clauses["results"] and {r["kind"] for r in clauses["results"]} == {"clause"}
    _, tagged = server.get(f"/search?q={q('환불')}&tag={q('환불')}&kind=answer")
    assert {r["id"] for r in tagged["results"]} == {"refund-processing", "refund-fee"}


def test_answers_with_errors_and_retired_answers_are_not_served(server):
    _, found = server.get(f"/search?q={q('즉시 환불 옛 버전')}&kind=answer&limit=50")
    ids = {r["id"] for r in found["results"]}
    assert "refund-stale" not in ids and "old-refund" not in ids
    assert server.get("/answers/refund-stale")[0] == 404
    assert server.get("/answers/old-refund")[0] == 404


def test_answer_gives_the_text_to_send_with_citation_states(server):
    status, data = server.get("/answers/refund-processing")
    assert status == 200
    assert data["text"].startswith("안녕하세요, 고객님. 환불은")
    assert "**" not in data["text"]
    assert data["tags"] == ["환불/처리 기간"]
    assert data["cites"] == [
        {
            "id": "REFUND-3",
            "version": 1,
            "inline": False,
            "title": "환불 처리 기간",
            "state": "current",
        }
    ]


def test_clause_shows_the_text_in_force(server):
    status, data = server.get("/clauses/REFUND-3")
    assert status == 200
    assert (data["state"], data["version"], data["effective"]) == ("current", 1, "2026-01-01")
    assert "3~7일" in data["text"]
    assert server.get("/clauses/NOPE-1")[0] == 404


def test_bad_requests_get_a_korean_reason_not_a_crash(server):
    status, data = server.get("/search")
    assert status == 400 and "검색어" in data["error"]
    assert server.get("/search?q=a&limit=abc")[0] == 400
    assert server.get("/search?q=a&kind=policy")[0] == 400
    status, _, _ = server.request("/search?q=a", method="POST")
    assert status == 405
    assert server.get("/nowhere")[0] == 404


def test_cors_allows_only_the_configured_origin(server):
    path = f"/search?q={q('환불')}"
    _, headers, _ = server.request(path, headers={"Origin": "https://desk.example.com"})
    assert headers.get("Access-Control-Allow-Origin") == "https://desk.example.com"
    _, headers, _ = server.request(path, headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in headers
    status, headers, _ = server.request(
        path, method="OPTIONS", headers={"Origin": "https://desk.example.com"}
    )
    assert status == 204 and "GET" in headers["Access-Control-Allow-Methods"]


def test_an_edited_kb_is_served_without_a_restart(server, api_kb):
    pid = server.proc.pid
    answer = api_kb.parent / "docs/answers/refund/fee.md"
    answer.write_text(
        answer.read_text(encoding="utf-8").replace("반품 배송비 차감 안내", "반품 택배비 안내"),
        encoding="utf-8",
    )
    fixed = api_kb.parent / "docs/answers/refund/stale.md"
    fixed.write_text(fixed.read_text(encoding="utf-8").replace("@9", "@1"), encoding="utf-8")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        _, data = server.get("/answers/refund-fee")
        if data["title"] == "반품 택배비 안내":
            break
        time.sleep(0.3)
    assert data["title"] == "반품 택배비 안내"
    _, found = server.get(f"/search?q={q('택배비')}&kind=answer")
    assert found["results"][0]["id"] == "refund-fee"
    assert server.get("/answers/refund-stale")[0] == 200  # its citation was fixed
    assert server.proc.pid == pid and server.proc.poll() is None


def test_a_changed_mkdocs_yml_is_read_again_without_a_restart(server, api_kb):
    _, before = server.get(f"/search?q={q('반품')}&kind=answer")
    assert before["results"][0]["url"].endswith("/")
    with api_kb.open("a", encoding="utf-8") as config:
        config.write("use_directory_urls: false\n")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        _, found = server.get(f"/search?q={q('반품')}&kind=answer")
        if found["results"][0]["url"].endswith(".html"):
            break
        time.sleep(0.3)
    assert found["results"][0]["url"].endswith(".html")


def test_a_missing_config_is_a_clean_error_before_serving(tmp_path):
    proc = subprocess.run(
        [
            str(KB_BIN),
            "api",
            "-f",
            str(tmp_path / "mkdocs.yml"),
            "--bind",
            f"127.0.0.1:{_free_port()}",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert "mkdocs.yml" in proc.stderr and "Traceback" not in proc.stderr


def test_healthz_reports_the_published_count(server):
    status, data = server.get("/healthz")
    assert status == 200 and data["ok"] is True
    assert data["answers"] == 4  # six answers: one retired, one citing a missing version


def test_runs_as_several_workers(api_kb):
    srv = Server(api_kb, "--workers", "2", "--watch", "0")
    try:
        results = {
            srv.get(f"/search?q={q('비밀번호 재설정')}&kind=answer")[1]["results"][0]["id"]
            for _ in range(8)
        }
        assert results == {"password-reset"}
    finally:
        srv.stop()


def test_answers_kb_export_would_hold_back_are_not_served_either(make_kb):
    files = {
        **SEARCH_KB,
        # Prepared for next year: good on its date, not to be sent today.
        "docs/answers/refund/next-year.md": (
            "---\nid: refund-next-year\ntitle: 내년 환불 안내\ncites: [REFUND-3@1]\n"
            "effective: 2099-01-01\n---\n내년부터 환불은 더 빨라집니다.\n"
        ),
        # Cites into a policy file that cannot be read: the check reports that file once.
        "policies/broken.yaml": "id: GIFT\nclauses:\n  - id: GIFT-1\n   title: [\n",
        "docs/answers/gift.md": (
            "---\nid: gift-card\ntitle: 선물하기 환불\ncites: [GIFT-1@1]\n---\n선물 환불 안내\n"
        ),
    }
    srv = Server(make_kb(files), "--workers", "1", "--watch", "0")
    try:
        assert srv.get("/answers/refund-next-year")[0] == 404
        assert srv.get("/answers/gift-card")[0] == 404
        assert srv.get("/answers/refund-processing")[0] == 200
    finally:
        srv.stop()
