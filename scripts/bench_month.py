"""How long the trainers' month takes on a large KB with a year of git history.

    python scripts/bench_month.py [--answers 2000] [--clauses 400] [--bumps 120]

Generates a KB (scripts/gen_kb.py), commits it, then makes `--bumps` commits
spread over 14 months, each a `kb bump` of one clause (a third of them
scheduled a month ahead). Prints the time of `kb changes --month` for one
month, of the site's 13 monthly pages from one pass (kb.site.reports), and of
13 separate `--month` runs for comparison. Figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_kb import generate  # noqa: E402

from kb import load  # noqa: E402
from kb.owner import changes as changes_mod  # noqa: E402
from kb.owner.edit import bump  # noqa: E402
from kb.site import reports  # noqa: E402

TODAY = date(2026, 12, 3)


def git(root: Path, *args: str, day: date) -> None:
    stamp = f"{day.isoformat()}T10:00:00+00:00"
    env = dict(
        os.environ,
        GIT_AUTHOR_DATE=stamp,
        GIT_COMMITTER_DATE=stamp,
        GIT_AUTHOR_NAME="bench",
        GIT_AUTHOR_EMAIL="bench@example.com",
        GIT_COMMITTER_NAME="bench",
        GIT_COMMITTER_EMAIL="bench@example.com",
    )
    subprocess.run(["git", "-C", str(root), *args], env=env, check=True, capture_output=True)


def history(root: Path, bumps: int, seed: int = 11) -> None:
    rng = random.Random(seed)
    start = date(2025, 11, 1)
    git(root, "init", "-q", "-b", "main", day=start)
    git(root, "add", "-A", day=start)
    git(root, "commit", "-q", "-m", "KB", day=start)
    for number in range(bumps):
        day = start + timedelta(days=1 + number * 420 // bumps)
        kb = load(root / "mkdocs.yml")
        clause = rng.choice(list(kb.clauses.values()))
        effective = max(day, (clause.effective or day) + timedelta(days=1))
        if number % 3 == 0:
            effective += timedelta(days=31)  # decided now, in force next month
        bump(kb, clause.id, effective, text=f"{clause.text.strip()} 변경 {number}회차.\n",
             note=f"변경 {number}")
        git(root, "commit", "-q", "-am", f"bump {clause.id}", day=day)


def timed(label: str, func, repeat: int = 3) -> None:
    best = min(_once(func) for _ in range(repeat))
    print(f"{label:<46} {best * 1000:8.0f} ms")


def _once(func) -> float:
    started = time.perf_counter()
    func()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=2000)
    parser.add_argument("--clauses", type=int, default=400)
    parser.add_argument("--bumps", type=int, default=120)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "kb"
        generate(root, answers=args.answers, clauses=args.clauses)
        history(root, args.bumps)
        kb = load(root / "mkdocs.yml")
        months = changes_mod.recent_months(TODAY)
        print(f"{args.answers} answers, {args.clauses} clauses, {args.bumps} bump commits")
        found = changes_mod.month_changes(kb, date(2026, 12, 1))
        print(f"December: {len(found.changes)} changes, {len(found.quiz)} quiz items")
        timed("kb changes --month 2026-12 (library)", lambda: changes_mod.month_changes(
            kb, date(2026, 12, 1)))
        timed("site: 13 monthly pages, one pass", lambda: reports.month_pages(kb, TODAY))
        timed("13 separate --month runs", lambda: [changes_mod.month_changes(kb, m)
                                                   for m in months])


if __name__ == "__main__":
    main()
