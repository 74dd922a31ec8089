"""Owners and agents read Korean: no output line of a command on the sample KB is English only.

Ids, paths, codes and the words SPEC fixes (`error`, `warning`, JSON keys)
are data, not prose; a line holding nothing but those is fine. A line whose
prose is English is not.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import copy_sample_kb

KB_BIN = Path(sys.executable).with_name("kb")
HANGUL = re.compile(r"[가-힣]")
# Tokens that are data: ids, paths, pins, options, codes, dates, URLs.
DATA = re.compile(r"\S*[/@._\-0-9:=\[\]{}()<>#*`|]\S*|--?\w[\w-]*")
SPEC_WORDS = {"error", "warning", "kb", "cites", "id", "title", "tags", "text", "url", "ok"}


def english_only(line: str) -> bool:
    if not line.strip() or HANGUL.search(line):
        return False
    prose = [w for w in DATA.sub(" ", line).split() if w.isascii() and w.isalpha()]
    return any(len(w) >= 3 and w.lower() not in SPEC_WORDS for w in prose)


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    root = tmp_path_factory.mktemp("sample")
    copy_sample_kb(root)
    git = ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.com"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "sample"], check=True)
    return root


COMMANDS = [
    ["check"],
    ["check", "--strict"],
    ["check", "--as-of", "2027-01-01"],
    ["check", "--base", "HEAD"],
    ["search", "환불 언제 들어와요"],
    ["search", "블록체인 코인 상장"],
    ["show", "REFUND-3"],
    ["show", "RIDE-3"],
    ["show", "refund-not-received"],
    ["show", "REFUND"],
    ["impact", "REFUND-3"],
    ["report"],
    ["report", "--as-of", "2027-01-01"],
    ["changes", "--month", "2026-11"],
    ["review", "refund-not-received"],
    ["review", "manuals/tone.md"],
    ["gaps"],
    ["show", "NO-SUCH-1"],
    ["check", "--as-of", "2026-11-31"],
    ["check", "--format", "json"],
    ["check", "--nope"],
    ["nosuchcommand"],
    ["search", "환불", "--kind", "nope"],
    ["bump", "REFUND-3"],
    ["bump", "NO-SUCH-1", "--text", "x"],
    ["review", "no-such-answer"],
    ["export", "--format", "zendesk"],
    ["new", "clause", "NOPE", "--title", "x", "--text", "y"],
    ["changes", "--month", "2026-13"],
    ["report", "--format", "markdown"],
    ["impact", "NO-SUCH-1"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a))
def test_no_output_line_is_english_only(sample, args):
    done = subprocess.run(
        [str(KB_BIN), *args, "-f", str(sample / "mkdocs.yml")],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert "Traceback" not in done.stderr
    lines = (done.stdout + "\n" + done.stderr).splitlines()
    assert [line for line in lines if english_only(line)] == []


def test_the_detector_tells_prose_from_data():
    assert english_only("wrote docs/answers/x.md")
    assert english_only("Re-read these answers, then run kb review")
    assert not english_only("docs/answers/x.md:4: error: stale-citation REFUND-3@1")
    assert not english_only("  refund-cash  (docs/answers/refund/cash-refund.md)")
    assert not english_only("오류 0개, 경고 0개 (파일 135개, 2026-12-03 기준)")
