"""The README's walkthrough, step by step, on a copy of the sample KB.

A policy owner changes a refund clause, sees every answer it touches, bumps
it, re-reads and reviews the answers, and gets a clean check.
"""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import REPO
from workflow_repo import Repo

TODAY = "2026-11-22"
OLD, NEW = "카드사 영업일 기준 3~7일", "카드사 영업일 기준 2~5일"
DOC = REPO / "README.md"


@pytest.fixture
def sample(tmp_path):
    root = tmp_path / "sample"
    for name in ("policies", "docs"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    refund = (root / "policies" / "refund.yaml").read_text(encoding="utf-8")
    assert OLD in refund, "the README's walkthrough needs REFUND-3 to say 3~7일"
    repo = Repo(root)
    repo.git("init", "-q", "-b", "main")
    repo.commit("sample KB", "2026-11-01")
    repo.git("switch", "-q", "-c", "refund-3-card-days")
    return repo


def test_the_documented_commands_exist():
    text = DOC.read_text(encoding="utf-8")
    for command in (
        "kb show REFUND-3",
        "kb impact REFUND-3",
        "kb bump REFUND-3 --effective",
        "kb review refund-processing-time",
        "kb review manuals/tone.md",
        "<!-- kb: 이전 값 -->",
        "kb check --base main --strict",
    ):
        assert command in text


MANUAL_LINES = {
    "docs/manuals/tone.md": 49,
    "docs/manuals/weekend.md": 47,
    "docs/manuals/complaints.md": 101,
}


def outdated(kb) -> set[tuple[str, int]]:
    found = json.loads(kb("check", "--as-of", TODAY, "--format", "json").output)["findings"]
    return {(f["path"], f["line"]) for f in found if f["code"] == "outdated-phrase"}


def test_change_a_refund_clause_as_the_walkthrough_says(sample, kb_cli):
    def kb(*args):
        return kb_cli(*args, "-f", str(sample.config))

    assert kb("show", "REFUND-3").exit_code == 0
    impact = json.loads(kb("impact", "REFUND-3", "--format", "json").output)
    assert "refund-processing-time" in impact["answers"]
    assert outdated(kb) == set()  # the sample KB as it stands

    # 3. Edit the text: the safety net warns.
    sample.replace("policies/refund.yaml", OLD, NEW)
    warned = kb("check", "--base", "main", "--as-of", TODAY)
    assert "warning: text-changed-without-bump the text of REFUND-3 changed" in warned.output

    # 4. Bump: the answers and the manual lines to re-read.
    bumped = kb("bump", "REFUND-3", "--effective", TODAY, "--note", "카드 환불 3~7일 → 2~5일")
    assert bumped.exit_code == 0, bumped.output
    for answer_id in impact["answers"]:
        assert answer_id in bumped.output
    for path, line in MANUAL_LINES.items():
        assert f"{path}:{line}" in bumped.output

    # 5. Stale pins are errors; the manual lines that still say 3~7일 are warnings.
    stale = json.loads(kb("check", "--as-of", TODAY, "--format", "json").output)
    stale_ids = {f["subject"] for f in stale["findings"] if f["code"] == "stale-citation"}
    assert stale_ids == set(impact["answers"])
    assert outdated(kb) == set(MANUAL_LINES.items())

    # 6. Each answer: review shows the diff and refuses while the body says 3~7일.
    for answer_id in sorted(stale_ids):
        shown = kb("show", answer_id, "--as-of", TODAY)
        assert NEW in shown.output  # the clause's new text beside the answer
        assert "[-3~7일,-]{+2~5일,+}" in shown.output  # and what changed since its pin
        path = sample.root / json.loads(kb("show", answer_id, "--format", "json").output)["path"]
        before = path.read_text(encoding="utf-8")
        if "3~7일" in before:
            refused = kb("review", answer_id, "--as-of", TODAY)
            assert refused.exit_code == 1, refused.output
            assert "'3~7일'" in refused.output and "--force" in refused.output
            assert path.read_text(encoding="utf-8") == before
        path.write_text(before.replace("3~7일", "2~5일"), "utf-8")
        reviewed = kb("review", answer_id, "--as-of", TODAY)
        assert reviewed.exit_code == 0, reviewed.output
        assert "REFUND-3@2 -> REFUND-3@3" in reviewed.output

    # Answers done, manuals not: a strict check still fails, on the manual lines.
    strict = kb("check", "--base", "main", "--as-of", TODAY, "--strict")
    assert strict.exit_code == 1
    assert outdated(kb) == set(MANUAL_LINES.items())

    # 7. The manual pages.
    for path in MANUAL_LINES:
        page = path.removeprefix("docs/")
        assert kb("review", page, "--as-of", TODAY).exit_code == 1
        sample.replace(path, "3~7일", "2~5일")
        assert kb("review", page, "--as-of", TODAY).exit_code == 0

    # 8. Clean, and the KB really says 2~5일 wherever it spoke of card refunds.
    clean = kb("check", "--base", "main", "--as-of", TODAY, "--format", "json")
    assert clean.exit_code == 0, clean.output
    assert json.loads(clean.output)["counts"] == {"error": 0, "warning": 0}
    left = [p for p in (sample.root / "docs").rglob("*.md") if "3~7일" in p.read_text("utf-8")]
    assert left == []


def test_a_forced_re_pin_leaves_the_old_value_reported(sample, kb_cli):
    def kb(*args):
        return kb_cli(*args, "-f", str(sample.config))

    sample.replace("policies/refund.yaml", OLD, NEW)
    kb("bump", "REFUND-3", "--effective", TODAY, "--note", "카드 환불 3~7일 → 2~5일")
    forced = kb("review", "refund-not-received", "--as-of", TODAY, "--force")
    assert forced.exit_code == 0, forced.output
    assert "REFUND-3@2 -> REFUND-3@3" in forced.output
    answer = "docs/answers/refund/not-received.md"
    lines = (sample.root / answer).read_text(encoding="utf-8").splitlines()
    old_line = next(n for n, line in enumerate(lines, 1) if "3~7일" in line)
    assert (answer, old_line) in outdated(kb)
