"""English mode: no output line of any command speaks Korean.

The KB here is written in English (titles, clause texts, answers, tags, owners),
so any Hangul in the output is one of kb's own messages left untranslated, not
KB content being quoted. English is asked for the three ways a user can:
`kb --lang en`, `KB_LANG=en`, and `theme.language: en` in mkdocs.yml.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import LANGUAGE_YML, write_kb

KB_BIN = Path(sys.executable).with_name("kb")
HANGUL = re.compile(r"[가-힣]")

CONFIG = LANGUAGE_YML

FILES = {
    "policies/refund.yaml": """\
        id: REFUND
        title: Refund policy
        owner: CX team
        review_by: 2026-06-30
        summary: How payments are cancelled and refunded.
        clauses:
          - id: REFUND-1
            title: Cancellation window
            version: 2
            effective: 2026-01-01
            text: A payment can be cancelled within 7 days.
            history:
              - version: 1
                effective: 2025-01-01
                text: A payment can be cancelled within 14 days.
                note: window 14 days to 7 days
          - id: REFUND-2
            title: Refund time (old)
            version: 1
            effective: 2025-01-01
            text: Refunds take 5 to 10 business days.
          - id: REFUND-3
            title: Refund time
            version: 1
            effective: 2026-06-01
            supersedes: [REFUND-2]
            text: Refunds take 3 to 7 business days.
          - id: REFUND-4
            title: Cash refunds
            version: 1
            effective: 2025-01-01
            status: retired
            text: Cash is no longer refunded.
          - id: REFUND-5
            title: Summer waiver
            version: 1
            effective: 2026-06-01
            expires: 2026-10-01
            text: No refund fee during the summer.
          - id: REFUND-6
            title: New refund fee
            version: 1
            effective: 2030-01-01
            text: From 2030 the refund fee is 500 won.
        """,
    "policies/broken.yaml": """\
        id: SHIP
        title: Shipping
        owner: Logistics
        clauses:
          - id: SHIP-1
            title: Shipping time
           version: 1
        """,
    "docs/answers/good.md": """\
        ---
        id: good
        title: How long can I cancel
        cites: [REFUND-1@2]
        tags: [refund/cancel]
        owner: Team one
        review_by: 2026-01-15
        ---
        Hello {{customer_name}}, you can cancel within 7 days.
        """,
    "docs/answers/stale.md": """\
        ---
        id: stale
        title: Cancel window (old)
        cites: [REFUND-1@1]
        tags: [refund/cancel]
        owner: Team one
        ---
        You can cancel within 14 days. Call 010-1234-5678 if you need us.
        """,
    "docs/answers/faults.md": """\
        ---
        id: faults
        title: Every other fault
        cites: [REFUND-2@1, REFUND-4@1, REFUND-5@1, REFUND-6@1, NOPE-1@1, REFUND-9]
        tags: [refund]
        owner: Team two
        review_by: 2026-11-31
        ---
        See [[REFUND-3@1]] and [[REFUND-1@1]].
        """,
    "docs/answers/nocite.md": """\
        ---
        id: nocite
        title: No citation
        tags: [misc]
        unknown_key: 1
        ---
        Nothing cited here.
        """,
    "docs/manuals/tone.md": """\
        # Tone

        Refunds follow [[REFUND-3]]; cancellations follow [[REFUND-1]].
        """,
}

# Each command as a user would type it; `{kb}` is the KB's mkdocs.yml.
COMMANDS = [
    ["check", "-f", "{kb}"],
    ["check", "--strict", "-f", "{kb}"],
    ["check", "--as-of", "2027-01-01", "-f", "{kb}"],
    ["check", "--base", "HEAD", "-f", "{kb}"],
    ["check", "--as-of", "2026-11-31", "-f", "{kb}"],
    ["check", "--nope", "-f", "{kb}"],
    ["nosuchcommand"],
    ["show"],
    ["show", "REFUND-1", "-f", "{kb}"],
    ["show", "REFUND-2", "-f", "{kb}"],
    ["show", "REFUND", "-f", "{kb}"],
    ["show", "stale", "-f", "{kb}"],
    ["show", "NOPE-1", "-f", "{kb}"],
    ["impact", "REFUND-1", "-f", "{kb}"],
    ["report", "-f", "{kb}"],
    ["report", "--format", "markdown", "-f", "{kb}"],
    ["changes", "--month", "2026-06", "-f", "{kb}"],
    ["changes", "--month", "2026-13", "-f", "{kb}"],
    ["search", "blockchain coin listing", "-f", "{kb}"],
    ["search", "cancel payment days", "-f", "{kb}"],
    ["search", "refund", "--kind", "nope", "-f", "{kb}"],
    ["bump", "REFUND-1", "-f", "{kb}"],
    ["bump", "NOPE-1", "--text", "x", "-f", "{kb}"],
    ["review", "no-such-answer", "-f", "{kb}"],
    ["review", "stale", "-f", "{kb}"],
    ["review", "manuals/tone.md", "-f", "{kb}"],
    ["export", "--format", "zendesk", "-f", "{kb}"],
    ["export", "--format", "nope", "-f", "{kb}"],
    ["new", "answer", "cancel-2", "--title", "Cancel again", "-f", "{kb}"],
    ["new", "clause", "NOPE", "--title", "x", "--text", "y", "-f", "{kb}"],
    ["gaps", "-f", "{kb}"],
    ["check", "-f", "{tmp}/missing/mkdocs.yml"],
    ["init", "{tmp}/fresh"],
    ["init", "{tmp}/fresh"],
]


def _git(root: Path, *args: str) -> None:
    git = ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.com"]
    subprocess.run([*git, *args], check=True, capture_output=True)


@pytest.fixture(scope="module", params=["option", "env", "theme"])
def english(request, tmp_path_factory):
    """(how, KB config, environment, the arguments before the command)."""
    how = request.param
    root = tmp_path_factory.mktemp(f"english-{how}")
    language = "en" if how == "theme" else "ko"
    config = write_kb(root / "kb", FILES, CONFIG.format(language=language))
    _git(root / "kb", "init", "-q")
    _git(root / "kb", "add", "-A")
    _git(root / "kb", "commit", "-qm", "kb")
    env = {**os.environ, "KB_CACHE_DIR": str(root / "cache")}
    env.pop("KB_LANG", None)
    if how == "env":
        env["KB_LANG"] = "en"
    before = ["--lang", "en"] if how == "option" else []
    if how == "theme":  # a usage error before any command reads the KB: run inside it
        before = []
    return how, config, root, env, before


def _run(english, args: list[str]) -> subprocess.CompletedProcess:
    how, config, root, env, before = english
    filled = [a.format(kb=config, tmp=root) for a in args]
    cwd = config.parent  # `kb init` and usage errors find ./mkdocs.yml, as a user's shell would
    return subprocess.run(
        [str(KB_BIN), *before, *filled],
        capture_output=True, text=True, timeout=120, env=env, cwd=cwd,
    )  # fmt: skip


def _reads_no_kb(args: list[str]) -> bool:
    """`kb init` and a missing mkdocs.yml have no theme.language to go by."""
    return args[0] == "init" or "{tmp}/missing/mkdocs.yml" in args


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a))
def test_no_output_line_is_korean(english, args):
    done = _run(english, args)
    assert "Traceback" not in done.stderr
    lines = (done.stdout + "\n" + done.stderr).splitlines()
    assert done.stdout.strip() or done.stderr.strip()  # every command here says something
    korean = [line for line in lines if HANGUL.search(line)]
    if english[0] == "theme" and _reads_no_kb(args):
        assert korean  # no KB, no theme.language: the default, Korean
    else:
        assert korean == []


def test_json_messages_are_english(english):
    done = _run(english, ["check", "--format", "json", "-f", "{kb}"])
    findings = json.loads(done.stdout)["findings"]
    assert findings and all(not HANGUL.search(f["message"]) for f in findings)
    codes = {f["code"] for f in findings}  # codes stay as SPEC has them
    assert {"superseded-clause", "retired-clause", "expired-clause", "unknown-clause"} <= codes


def test_the_messages_really_are_english(english):
    """Not merely Hangul-free: the words a user reads are the English ones."""
    out = _run(english, ["check", "-f", "{kb}"]).stdout
    assert "is not a date that exists" in out
    assert re.search(r"Errors: \d+, warnings: \d+ \(files: \d+, as of ", out)
    usage = _run(english, ["check", "--nope", "-f", "{kb}"]).stderr
    assert "Usage:" in usage and "No such option" in usage
