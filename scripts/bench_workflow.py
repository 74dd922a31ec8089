"""Time the owner and trainer commands on a large synthetic KB in a real git repo.

    python scripts/bench_workflow.py [--answers 10000] [--clauses 2000] [--commits 30]

Generates the KB (scripts/gen_kb.py), commits it, then makes `--commits`
commits that each bump one clause with `kb bump` (dated one a day in
October 2026), and times, through the real `kb` command:
check (plain and with --base), impact, show, report, changes over the
month, and one bump. Prints seconds and the ratio to a plain `kb check`.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
KB = str(Path(sys.executable).with_name("kb"))


def git(root: Path, *args: str, day: str = "2026-09-01") -> None:
    stamp = f"{day}T10:00:00+00:00"
    env = dict(
        os.environ,
        GIT_AUTHOR_DATE=stamp,
        GIT_COMMITTER_DATE=stamp,
        GIT_AUTHOR_NAME="bench",
        GIT_AUTHOR_EMAIL="b@example.com",
        GIT_COMMITTER_NAME="bench",
        GIT_COMMITTER_EMAIL="b@example.com",
    )
    subprocess.run(["git", "-C", str(root), *args], env=env, check=True, capture_output=True)


def kb(root: Path, *args: str) -> float:
    start = time.perf_counter()
    done = subprocess.run(
        [KB, *args, "-f", str(root / "mkdocs.yml")],
        capture_output=True,
        text=True,
        env=dict(os.environ, KB_NO_CACHE="1"),
    )
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"kb {' '.join(args)} failed:\n{done.stderr}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=10000)
    parser.add_argument("--clauses", type=int, default=2000)
    parser.add_argument("--commits", type=int, default=30)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "kb"
        subprocess.run(
            [
                sys.executable,
                str(HERE / "gen_kb.py"),
                str(root),
                "--answers",
                str(options.answers),
                "--clauses",
                str(options.clauses),
            ],
            check=True,
        )
        git(root, "init", "-q", "-b", "main")
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", "init")
        clauses = sorted(
            line.split(":", 1)[1].strip()
            for path in (root / "policies").rglob("*.yaml")
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip().startswith("- id:")
        )
        for number in range(options.commits):
            day = f"2026-10-{number % 28 + 1:02d}"
            clause = clauses[number * 7 % len(clauses)]
            kb(
                root,
                "bump",
                clause,
                "--effective",
                day,
                "--text",
                f"개정 문구 {number}입니다.",
                "--note",
                f"개정 {number}",
            )
            git(root, "commit", "-qam", f"bump {clause}", day=day)
        sample = clauses[0]
        base = kb(root, "check", "--as-of", "2026-11-22")
        timings = {
            "check": base,
            "check --base HEAD~10": kb(root, "check", "--as-of", "2026-11-22", "--base", "HEAD~10"),
            f"impact {sample}": kb(root, "impact", sample, "--format", "json"),
            f"show {sample}": kb(root, "show", sample),
            "report": kb(root, "report", "--as-of", "2026-11-22", "--format", "json"),
            "changes (October, git + history)": kb(
                root,
                "changes",
                "--since",
                "2026-10-01",
                "--until",
                "2026-10-31",
                "--format",
                "json",
            ),
            "bump (one clause)": kb(
                root,
                "bump",
                clauses[-1],
                "--effective",
                "2026-11-01",
                "--text",
                "벤치마크 문구입니다.",
            ),
        }
        print(
            f"KB: {options.answers} answers, {len(clauses)} clauses, "
            f"{options.commits} bump commits; parse cache off"
        )
        for name, seconds in timings.items():
            print(f"  {name:38s} {seconds:6.2f} s   {seconds / base:4.2f}x check")


if __name__ == "__main__":
    main()
