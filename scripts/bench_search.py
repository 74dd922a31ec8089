"""Benchmark search: index build times, cold `kb search` latency, site index size.

    python scripts/bench_search.py [--answers 10000] [--clauses 2000] [--runs 11]
        [--site-answers 2000] [--skip-synthetic] [--skip-site]

For the sample KB and a synthetic KB (scripts/gen_kb.py):
- full index build, and the incremental update after one answer changes;
- the median wall time of a fresh `kb search` process with the index built
  (interpreter start-up and imports included), next to `kb --version`, the
  floor any `kb` command pays. The goal is a median <= 0.3 s.
For the sample KB and a synthetic KB of --site-answers answers, the size of
the site's search download (search_index.json and kb_vocab.json), raw and
gzipped.
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_kb import generate  # noqa: E402

from kb.config import read_config  # noqa: E402
from kb.search.index import Location, update  # noqa: E402

KB = str(Path(sys.executable).with_name("kb"))
QUERIES = ["환불 언제 들어와요", "배터리 방전됐어요", "구역 밖 수수료", "REFUND-3", "쿠폰 적용"]


def median_run(args: list[str], runs: int) -> float:
    times = []
    for i in range(runs):
        started = time.perf_counter()
        subprocess.run(args(i) if callable(args) else args, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def bench_kb(name: str, config: Path, runs: int) -> None:
    shutil.rmtree(Location.of(read_config(config)).base, ignore_errors=True)
    full = update(config, force=True)
    answer = next((config.parent / "docs" / "answers").rglob("*.md"))
    original = answer.read_text(encoding="utf-8")
    answer.write_text(original + "\n추가 안내 문장입니다.\n", encoding="utf-8")
    try:
        incremental = update(config)
    finally:
        answer.write_text(original, encoding="utf-8")
        update(config)
    search = median_run(
        lambda i: [KB, "search", QUERIES[i % len(QUERIES)], "-f", str(config)], runs
    )
    floor = median_run([KB, "--version"], runs)
    print(f"{name}: {full.documents} documents")
    print(f"  full index build        {full.seconds:7.2f} s")
    print(f"  incremental (1 file)    {incremental.seconds:7.2f} s")
    print(f"  kb search, cold, median {search:7.3f} s  (goal <= 0.3 s)")
    print(f"  kb --version, median    {floor:7.3f} s  (start-up floor)")


def site_size(name: str, config: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", tmp],
            check=True, capture_output=True, env=env,
        )
        seconds = time.perf_counter() - started
        print(f"{name}: site search download (site built in {seconds:.0f} s)")
        for rel in ("search/search_index.json", "search/kb_vocab.json"):
            data = (Path(tmp) / rel).read_bytes()
            packed = len(gzip.compress(data))
            print(f"  {rel:<26} {len(data) / 1024:8.0f} KB raw {packed / 1024:6.0f} KB gzip")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=10_000)
    parser.add_argument("--clauses", type=int, default=2_000)
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--site-answers", type=int, default=2_000)
    parser.add_argument("--skip-synthetic", action="store_true")
    parser.add_argument("--skip-site", action="store_true")
    args = parser.parse_args()
    bench_kb("sample KB", ROOT / "mkdocs.yml", args.runs)
    if not args.skip_site:
        site_size("sample KB", ROOT / "mkdocs.yml")
    with tempfile.TemporaryDirectory() as tmp:
        if not args.skip_synthetic:
            config = generate(Path(tmp) / "big", args.answers, args.clauses)
            bench_kb(f"synthetic KB ({args.answers} answers)", config, args.runs)
        if not args.skip_site:
            config = generate(Path(tmp) / "site", args.site_answers, args.site_answers // 5)
            site_size(f"synthetic KB ({args.site_answers} answers)", config)


if __name__ == "__main__":
    main()
