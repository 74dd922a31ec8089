"""Benchmark the PII lint: its share of `kb check`, and its speed on hostile text.

    python scripts/bench_pii.py [--answers 10000] [--runs 5]

The KB is the synthetic one of gen_kb.py with the sample KB's answer bodies
(real Korean answers, with prices, dates and placeholders) dealt round its
answers, so the numbers look like a real KB's. Prints the median time of the
whole check and of the PII part, in one process, interleaved.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
from gen_kb import generate  # noqa: E402

from kb import pii  # noqa: E402
from kb.check import check  # noqa: E402
from kb.load import load  # noqa: E402


def timed(func) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def realistic(kb_dir: Path, answers: int):
    kb = load(generate(kb_dir, answers, max(answers // 5, 10)), cache=False)
    bodies = [a.body for a in load(HERE.parent / "mkdocs.yml", cache=False).answers]
    for i, answer in enumerate(kb.answers):
        answer.body = bodies[i % len(bodies)]
    return kb


def hostile() -> dict[str, float]:
    units = {
        "20,000 phone numbers": "연락처 010-1234-5678 ",
        "20,000 card numbers": "4111 1111 1111 1111 ",
        "20,000 '주민번호 알려주세요'": "주민번호 알려주세요 ",
        "40,000 '@'": "a@",
        "40,000 '1 '": "1 ",
    }
    return {name: timed(lambda u=unit, n=name: pii.scan(u * int(n.split()[0].replace(",", ""))))
            for name, unit in units.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        kb = realistic(Path(tmp) / "kb", args.answers)
        chars = sum(len(a.body) for a in kb.answers) + sum(len(m.body) for m in kb.manuals)
        whole, lint = [], []
        for _ in range(args.runs):
            whole.append(timed(lambda: check(kb)))
            lint.append(timed(lambda: list(pii.findings(kb))))
    w, p = statistics.median(whole), statistics.median(lint)
    print(f"KB: {args.answers} answers, {chars / 1e6:.1f} M characters; median of {args.runs}")
    print(f"kb check (library, loaded KB)   {w:7.3f}s")
    rate = chars / p / 1e6
    print(f"  of which the PII lint         {p:7.3f}s  ({p / w:.0%}, {rate:.1f} M chars/s)")
    for name, seconds in hostile().items():
        print(f"hostile text, {name:28} {seconds:7.3f}s")


if __name__ == "__main__":
    main()
