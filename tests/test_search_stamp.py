"""The freshness stamp worked out beside the imports (kb/search/stamp.py), and the
search that runs before the check ends (index._optimistically)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import write_kb
from search_kb import SEARCH_KB

from kb.config import read_config
from kb.search import stamp
from kb.search.index import Location, update
from kb.search.query import search


@pytest.fixture
def kb(tmp_path):
    return write_kb(tmp_path / "kb", SEARCH_KB)


def _answer(kb: Path) -> Path:
    return kb.parent / "docs" / "answers" / "account" / "password.md"


@pytest.fixture
def forking(monkeypatch):
    """Fork for a KB this small too (the default waits for FORK_FROM files)."""
    monkeypatch.setattr(stamp, "FORK_FROM", 1)
    # whether this process may fork at all (browser tests before may have left threads)
    return stamp._cores() >= 2 and hasattr(os, "fork") and threading.active_count() == 1


def test_a_prefetched_stamp_is_the_stamp_of_the_files(kb, forking):
    update(kb)
    config = read_config(kb)
    stamp.prefetch(config)
    assert (stamp._key(config) in stamp._pending) == forking
    assert stamp.on_disk(config)[0] == stamp.files_stamp(config)
    assert stamp._key(config) not in stamp._pending  # used once


def test_a_small_kb_is_not_worth_a_fork(kb):
    update(kb)
    config = read_config(kb)
    stamp.prefetch(config)  # 11 files, FORK_FROM 2000: measured in the process
    assert stamp._key(config) not in stamp._pending


def test_a_search_that_stops_early_leaves_no_prefetch_behind(kb, kb_cli, forking):
    update(kb)
    config = read_config(kb)
    kb_cli("search", "  ", "-f", str(kb))  # an empty query ends before any freshness check
    assert stamp._key(config) not in stamp._pending


def test_a_prefetch_left_unused_never_answers_a_later_check(kb, forking):
    update(kb)
    config = read_config(kb)
    stamp.prefetch(config)
    before = stamp.files_stamp(config)
    _answer(kb).write_text(_answer(kb).read_text(encoding="utf-8") + "\n낙타\n", encoding="utf-8")
    stamp.prefetch(config)  # the search after the edit
    assert stamp.on_disk(config)[0] == stamp.files_stamp(config) != before


def test_kb_search_sees_an_edit_made_just_before_it(kb):
    update(kb)
    answer = _answer(kb)
    answer.write_text(answer.read_text(encoding="utf-8").replace("본인 인증", "낙타 인증"),
                      encoding="utf-8")
    found = subprocess.run(
        [sys.executable, "-m", "kb", "search", "낙타", "-f", str(kb), "--format", "json"],
        capture_output=True, text=True, check=True, env=dict(os.environ, KB_LANG="ko"),
    )
    assert [r["id"] for r in json.loads(found.stdout)["results"]][:1] == ["password-reset"]


def test_a_current_index_is_searched_without_writing_anything(kb):
    update(kb)
    base = Location.of(read_config(kb)).base
    before = sorted(p.name for p in base.iterdir())
    assert [h.id for h in search(kb, "비밀번호 재설정", kind="answer")][:1] == ["password-reset"]
    assert sorted(p.name for p in base.iterdir()) == before

