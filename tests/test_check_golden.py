"""Golden outputs of `kb check` on fixture KBs with one planted fault per code.

Each folder under tests/fixtures/check/ is a KB plus `expected.<format>`
files. Run pytest with --update-golden to rewrite them after a deliberate
change, then review the diff.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures" / "check"
CASES = sorted(p.name for p in FIXTURES.iterdir() if (p / "mkdocs.yml").exists())
FORMATS = {"text": "expected.txt", "json": "expected.json", "github": "expected.github"}


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("fmt", FORMATS)
def test_golden_output(case, fmt, kb_cli, update_golden, tmp_path):
    # Run on a copy, so that the check cannot touch the source tree.
    kb_dir = tmp_path / case
    shutil.copytree(FIXTURES / case, kb_dir, ignore=shutil.ignore_patterns("expected.*"))
    result = kb_cli("check", "-f", str(kb_dir / "mkdocs.yml"), "--as-of", "2026-11-22",
                    "--format", fmt)
    expected_file = FIXTURES / case / FORMATS[fmt]
    if update_golden:
        expected_file.write_text(result.output, encoding="utf-8")
    assert result.output == expected_file.read_text(encoding="utf-8")
    expected_exit = json.loads((FIXTURES / case / "expected.json").read_text())["counts"]
    assert result.exit_code == (1 if expected_exit["error"] else 0)


def test_every_code_is_planted_once():
    """The all-faults fixture covers every code of SPEC §5."""
    findings = json.loads((FIXTURES / "all-faults" / "expected.json").read_text())["findings"]
    codes = {f["code"] for f in findings}
    assert codes == {
        "parse-error", "schema-error", "duplicate-id", "missing-citation", "bad-citation",
        "unknown-clause", "superseded-clause", "retired-clause", "expired-clause",
        "future-clause", "stale-citation", "review-overdue",
    }


def test_fixture_tree_is_untouched(kb_cli, tmp_path):
    before = {p: p.read_bytes() for p in (FIXTURES / "all-faults").rglob("*") if p.is_file()}
    kb_cli("check", "-f", str(FIXTURES / "all-faults" / "mkdocs.yml"))
    after = {p: p.read_bytes() for p in (FIXTURES / "all-faults").rglob("*") if p.is_file()}
    assert before == after
