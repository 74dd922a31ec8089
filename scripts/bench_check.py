"""Benchmark `kb check` against a bare read-and-parse baseline, in one run.

    python scripts/bench_check.py [--answers 10000] [--clauses 2000] [--runs 5]

The baseline is a process that only reads the same files and parses their
YAML (policy files whole, answers' front matter) with PyYAML's C loader. Both
run as fresh processes, so interpreter start-up and imports count for both.
Prints the median wall time of each and their ratio; the goal is <= 1.5x.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gen_kb import generate  # noqa: E402

BASELINE = r"""
import os, sys, yaml
root = sys.argv[1]
loader = yaml.CSafeLoader
for folder, suffixes in (("policies", (".yaml", ".yml")), ("docs", (".md",))):
    for dirpath, _, names in os.walk(os.path.join(root, folder)):
        for name in names:
            if not name.endswith(suffixes):
                continue
            with open(os.path.join(dirpath, name), encoding="utf-8") as handle:
                text = handle.read()
            if name.endswith(".md"):
                if not text.startswith("---"):
                    continue
                text = text.split("\n---", 1)[0][3:]
            yaml.load(text, Loader=loader)
"""


def seconds(command: list[str], env: dict | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=False, stdout=subprocess.DEVNULL, env=env)
    return time.perf_counter() - start


def interleaved(commands: list[tuple[list[str], dict]], runs: int) -> list[float]:
    """Median wall time of each command, run in turn so that load on the machine
    weighs on all of them alike."""
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(runs):
        for index, (command, env) in enumerate(commands):
            times[index].append(seconds(command, env))
    return [statistics.median(t) for t in times]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=10_000)
    parser.add_argument("--clauses", type=int, default=2_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    kb_bin = str(Path(sys.executable).with_name("kb"))
    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory() as cache:
        config = generate(Path(tmp) / "kb", args.answers, args.clauses)
        check = [kb_bin, "check", "-f", str(config), "--as-of", "2026-11-22"]
        env = dict(os.environ, KB_CACHE_DIR=cache)
        subprocess.run(check, check=False, stdout=subprocess.DEVNULL, env=env)  # fill the cache
        baseline, cold, warm = interleaved(
            [
                ([sys.executable, "-c", BASELINE, str(config.parent)], env),
                (check, dict(env, KB_NO_CACHE="1")),
                (check, env),
            ],
            args.runs,
        )
    print(f"KB: {args.answers} answers, {args.clauses} clauses; median of {args.runs} processes")
    rows = [("baseline: read + PyYAML CSafeLoader", baseline),
            ("kb check, cold (no parse cache)", cold),
            ("kb check, second unchanged run", warm)]
    for name, seconds in rows:
        print(f"{name:38}{seconds:8.2f}s{seconds / baseline:8.2f}x")
    print("goal: cold <= 1.5x the baseline")


if __name__ == "__main__":
    main()
