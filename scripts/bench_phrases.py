"""Benchmark the `outdated-phrase` check on a KB where every change is in the numbers.

    python scripts/bench_phrases.py [--answers 10000] [--clauses 2000] [--runs 3]

The synthetic KB of gen_kb.py, with amounts, ranges and times put into
every clause and every earlier version (so no clause can be skipped), and
into every answer: one answer in a hundred still states an old value. Prints
the time of the phrase check alone (in process, median of --runs), the
findings it gives, and the time of a whole `kb check` run without the cache.
Then the time to scan hostile pages of 200,000 characters (unclosed comments,
link openings, digit runs): each must stay linear, well under a second.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gen_kb import generate  # noqa: E402

OLD = " 카드사 영업일 기준 3~7일, 수수료 5,000원, 오후 6시까지 접수합니다."
NEW = " 카드사 영업일 기준 2~5일, 수수료 6천 원, 18:30까지 접수합니다."


def with_numbers(config: Path) -> None:
    root = config.parent
    for policy in (root / "policies").glob("*.yaml"):
        text = policy.read_text(encoding="utf-8")
        text = re.sub(r"(?m)^(        text: .*)$", lambda m: m[1] + OLD, text)
        text = re.sub(r"(?m)^(    text: \|\n      .*)$", lambda m: m[1] + NEW, text)
        policy.write_text(text, encoding="utf-8")
    for index, answer in enumerate(sorted((root / "docs").rglob("a*.md"))):
        said = OLD if index % 100 == 0 else NEW
        with answer.open("a", encoding="utf-8") as out:
            out.write(f"안내드린 기준은 다음과 같습니다.{said}\n")


def phrase_check(config: Path, runs: int) -> tuple[float, int]:
    from kb import phrases
    from kb.load import load

    kb = load(config, cache=False)
    times, count = [], 0
    for _ in range(runs):
        for cached in (phrases._extract, phrases._keys, phrases._mask, phrases._replacement):
            cached.cache_clear()  # each run as cold as a fresh `kb check`
        start = time.perf_counter()
        count = len(list(phrases.findings(kb, date(2026, 11, 22))))
        times.append(time.perf_counter() - start)
    return statistics.median(times), count


def whole_check(config: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "kb", "check", "-f", str(config), "--as-of", "2026-11-22"],
        env={"KB_NO_CACHE": "1", "PATH": ""},
        capture_output=True,
        check=False,
    )
    return time.perf_counter() - start


HOSTILE = {
    "unclosed <!--": "<!--" * 50_000,
    "unclosed markers": "<!-- kb: 이전 값 " * 20_000,
    "link openings ](": "](" * 100_000,
    "one digit run": "1" * 200_000,
    "digit, comma, ...": "1," * 100_000,
    "1만1만...": "1만" * 100_000,
    "digit, spaces, x": "1" + " " * 200_000 + "x",
    "오후 오후 ...": "오후 " * 66_000,
    "2026년 1월 ...": "2026년 1월 " * 22_000,
}


def hostile() -> None:
    from kb import phrases

    for name, text in HOSTILE.items():
        start = time.perf_counter()
        phrases.extract(phrases._mask(text))  # the scan every page goes through
        phrases.MARKER.search(text)
        print(f"hostile page: {name:20} {time.perf_counter() - start:6.2f}s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=10_000)
    parser.add_argument("--clauses", type=int, default=2_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        config = generate(Path(tmp) / "kb", args.answers, args.clauses)
        with_numbers(config)
        seconds, count = phrase_check(config, args.runs)
        total = whole_check(config)
    print(f"KB: {args.answers} answers, {args.clauses} clauses, every one with changed numbers")
    print(f"outdated-phrase check alone      {seconds:6.2f}s  ({count} findings)")
    print(f"whole kb check, no parse cache   {total:6.2f}s")
    hostile()


if __name__ == "__main__":
    main()
