"""Knowledge gaps: kb api logs unanswered queries (masked) when told to; kb gaps ranks them."""

from __future__ import annotations

import json
import subprocess
import urllib.parse
from datetime import UTC, datetime, timedelta

from conftest import MKDOCS_YML
from search_kb import SEARCH_KB
from test_api import KB_BIN, Server

from kb.config import read_config
from kb.gaps import GapLog, group


def _config_with_gaps(extra: str = "") -> str:
    assert MKDOCS_YML.endswith("  - kb\n")
    options = "  - kb:\n      gaps_log: .kb-gaps/queries.jsonl\n" + extra
    return MKDOCS_YML[: -len("  - kb\n")] + options


def _ask(server: Server, query: str) -> dict:
    return server.get(f"/search?q={urllib.parse.quote(query)}")[1]


def test_nothing_is_logged_unless_the_config_turns_it_on(make_kb, kb_cli):
    config = make_kb(SEARCH_KB)
    server = Server(config, "--workers", "1", "--watch", "0")
    try:
        assert _ask(server, "블록체인 코인 상장")["results"] == []
    finally:
        server.stop()
    assert not (config.parent / ".kb-gaps").exists()
    result = kb_cli("gaps", "-f", str(config))
    assert result.exit_code == 2 and "gaps_log" in result.output


def test_unanswered_queries_are_logged_masked_and_ranked(make_kb, kb_cli):
    config = make_kb(SEARCH_KB, config=_config_with_gaps())
    server = Server(config, "--workers", "1", "--watch", "0")
    try:
        for query in ("블록체인 코인 상장", "코인 상장 블록체인", "블록체인 코인 상장",
                      "해외 송금 010-9123-4567", "환불은 언제 들어와요"):  # fmt: skip
            _ask(server, query)
    finally:
        server.stop()
    log = (config.parent / ".kb-gaps/queries.jsonl").read_text(encoding="utf-8")
    assert "010-9123-4567" not in log and "9123" not in log  # masked before it was written
    assert "환불은 언제" not in log  # answered well: not a gap
    result = kb_cli("gaps", "-f", str(config), "--format", "json")
    assert result.exit_code == 0, result.output
    gaps = json.loads(result.output)["gaps"]
    assert gaps[0]["count"] == 3 and gaps[0]["query"] == "블록체인 코인 상장"
    assert {w["query"] for w in gaps[0]["wordings"]} == {"블록체인 코인 상장", "코인 상장 블록체인"}
    assert gaps[1]["count"] == 1 and gaps[1]["query"].startswith("해외 송금 010-")
    text = kb_cli("gaps", "-f", str(config)).output
    assert "1. 블록체인 코인 상장  (3회" in text and "- 코인 상장 블록체인 (1회)" in text
    markdown = kb_cli("gaps", "-f", str(config), "--format", "markdown").output
    assert "| 1 | 블록체인 코인 상장 | 3 | 코인 상장 블록체인 |" in markdown


def test_old_queries_fall_out_after_the_retention_period(make_kb, kb_cli):
    config = make_kb(SEARCH_KB, config=_config_with_gaps("      gaps_retention_days: 30\n"))
    log = GapLog.of(read_config(config))
    now = datetime.now(UTC)
    log.record("오래된 질문 주차권", when=now - timedelta(days=45))
    log._pruned_on = None  # a new day for the log: it prunes before the next write
    log.record("새 질문 주차권 분실", when=now)
    lines = log.path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 and "새 질문" in lines[0]
    since = (now - timedelta(days=1)).date().isoformat()
    result = kb_cli("gaps", "-f", str(config), "--since", since, "--format", "json")
    assert [g["query"] for g in json.loads(result.output)["gaps"]] == ["새 질문 주차권 분실"]


def test_grouping_keeps_different_questions_apart():
    at = datetime.now(UTC).isoformat()
    asked = ("헬멧 분실 보상", "헬멧 분실했어요 보상", "배터리 방전 충전", "헬멧 분실 보상")
    entries = [{"at": at, "q": q} for q in asked]
    gaps = group(entries)
    assert [(g.query, g.count) for g in gaps] == [("헬멧 분실 보상", 3), ("배터리 방전 충전", 1)]


def test_a_line_cut_short_by_a_crash_is_skipped(make_kb):
    config = make_kb(SEARCH_KB, config=_config_with_gaps())
    log = GapLog.of(read_config(config))
    log.record("첫 질문 요금 정산")
    with open(log.path, "a", encoding="utf-8") as handle:
        handle.write('{"at": "2026-')
    assert [e["q"] for e in log.entries()] == ["첫 질문 요금 정산"]


def test_a_log_path_that_is_a_folder_is_a_clean_error_and_never_fails_a_search(make_kb, kb_cli):
    config = make_kb(SEARCH_KB, config=_config_with_gaps())
    (config.parent / ".kb-gaps/queries.jsonl").mkdir(parents=True)
    result = kb_cli("gaps", "-f", str(config))
    assert result.exit_code == 2 and "질문 기록을 읽지 못했습니다" in result.output
    server = Server(config, "--workers", "1", "--watch", "0")
    try:
        assert _ask(server, "블록체인 코인 상장")["results"] == []  # answered, though not logged
    finally:
        server.stop()


def test_a_bad_retention_is_refused_before_serving(make_kb, kb_cli):
    config = make_kb(SEARCH_KB, config=_config_with_gaps("      gaps_retention_days: abc\n"))
    assert kb_cli("gaps", "-f", str(config)).exit_code == 2
    done = subprocess.run([str(KB_BIN), "api", "-f", str(config), "--bind", "127.0.0.1:0"],
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    assert done.returncode == 2 and "gaps_retention_days" in done.stderr
    assert "Traceback" not in done.stderr
