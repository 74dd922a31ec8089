"""Benchmark search: index build times, cold `kb search` latency, site index size.

    python scripts/bench_search.py [--answers 10000] [--clauses 2000] [--runs 11]
        [--site-answers 2000] [--skip-synthetic] [--skip-site] [--baseline REV]

For the sample KB and a synthetic KB (scripts/gen_kb.py):
- full index build, and the incremental update after one answer changes;
- side by side, the median wall time of a fresh process (interpreter start-up
  and imports included, the index already built): `kb --version` (the floor
  any `kb` command pays), `kb search --engine whoosh` (whoosh's searcher) and
  `kb search --engine direct` (the default, kb/search/direct.py), with
  ratios. The goal is a median <= 0.3 s. The runs interleave (one of each in
  turn), so that load from other processes falls on all of them alike.
- with --baseline REV (e.g. a commit before a change), the same commands of
  that revision's code, in the same run, each with its own index.
The timed processes may write bytecode (PYTHONDONTWRITEBYTECODE is dropped
for them), as an installed kb has: compiling kb's modules on every run would
add tens of milliseconds no user pays.
For the sample KB and a synthetic KB of --site-answers answers, the size of
the site's search files (search/kb/: shards of postings, result rows,
vocabulary), raw and gzipped; scripts/bench_site_search.py measures what a
browser actually fetches for a query.
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


def environment(extra: dict) -> dict:
    """The environment of a timed process: this one's, with bytecode written."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return dict(env, **extra)


def interleaved(commands: dict, runs: int) -> dict[str, float]:
    """name -> median seconds; `commands` maps names to `run number -> argv` (+ env)."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for i in range(runs):
        for name, command in commands.items():
            argv, extra = command(i)
            started = time.perf_counter()
            subprocess.run(argv, check=True, capture_output=True, env=environment(extra),
                           cwd=extra.get("PYTHONPATH"))
            times[name].append(time.perf_counter() - started)
    return {name: statistics.median(values) for name, values in times.items()}


def baseline_tree(rev: str, folder: Path) -> Path:
    """The kb package of revision `rev`, extracted to `folder` (for PYTHONPATH)."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "kb"], check=True,
                             capture_output=True).stdout
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def commands(config: Path, baseline: Path | None, cache: Path) -> dict:
    def search(*extra: str):
        return lambda i: ([KB, "search", QUERIES[i % len(QUERIES)], "-f", str(config), *extra], {})

    out = {
        "kb --version": lambda i: ([KB, "--version"], {}),
        "kb search --engine whoosh": search("--engine", "whoosh"),
        "kb search --engine direct": search("--engine", "direct"),
    }
    if baseline is not None:
        code = "import sys; from kb.cli import main; sys.argv[0] = 'kb'; main()"
        # run from the baseline's folder: `python -c` puts the working directory
        # first on sys.path, where this checkout's kb would win
        env = {"PYTHONPATH": str(baseline), "KB_CACHE_DIR": str(cache)}
        out["baseline kb --version"] = lambda i: ([sys.executable, "-c", code, "--version"], env)
        out["baseline kb search"] = lambda i: (
            [sys.executable, "-c", code, "search", QUERIES[i % len(QUERIES)], "-f", str(config)],
            env,
        )
    return out


def bench_kb(name: str, config: Path, runs: int, baseline: Path | None = None) -> None:
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
    with tempfile.TemporaryDirectory() as cache:
        todo = commands(config, baseline, Path(cache))
        for argv, env in (command(0) for command in todo.values()):  # indexes built, caches warm
            subprocess.run(argv, check=True, capture_output=True, env=environment(env),
                           cwd=env.get("PYTHONPATH"))
        medians = interleaved(todo, runs)
    print(f"{name}: {full.documents} documents")
    print(f"  full index build        {full.seconds:7.2f} s")
    print(f"  incremental (1 file)    {incremental.seconds:7.2f} s")
    print(f"  cold process, median of {runs} (goal for kb search <= 0.3 s):")
    floor = medians["kb --version"]
    whoosh = medians["kb search --engine whoosh"]
    for label, seconds in medians.items():
        print(f"    {label:<28} {seconds:7.3f} s  {seconds / floor:5.2f}x --version"
              f"  {seconds / whoosh:5.2f}x whoosh")


def site_size(name: str, config: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", tmp],
            check=True, capture_output=True, env=env,
        )
        seconds = time.perf_counter() - started
        print(f"{name}: site search files (site built in {seconds:.0f} s); a query fetches")
        print("  meta.json, vocab.json, its terms' shards and its results' rows")
        folder = Path(tmp) / "search" / "kb"
        for rel in ("meta.json", "vocab.json", "t", "d"):
            files = [folder / rel] if rel.endswith(".json") else list((folder / rel).iterdir())
            sizes = [len(f.read_bytes()) for f in files]
            packed = sum(len(gzip.compress(f.read_bytes())) for f in files)
            print(f"  {rel:<10} {len(files):5d} file(s) {sum(sizes) / 1024:8.0f} KB raw "
                  f"{packed / 1024:6.0f} KB gzip, largest {max(sizes) / 1024:5.0f} KB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=10_000)
    parser.add_argument("--clauses", type=int, default=2_000)
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--site-answers", type=int, default=2_000)
    parser.add_argument("--skip-synthetic", action="store_true")
    parser.add_argument("--skip-site", action="store_true")
    parser.add_argument("--baseline", metavar="REV",
                        help="also time this git revision's kb, in the same run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        baseline = baseline_tree(args.baseline, Path(tmp) / "base") if args.baseline else None
        run(args, baseline)


def run(args, baseline: Path | None) -> None:
    bench_kb("sample KB", ROOT / "mkdocs.yml", args.runs, baseline)
    if not args.skip_site:
        site_size("sample KB", ROOT / "mkdocs.yml")
    with tempfile.TemporaryDirectory() as tmp:
        if not args.skip_synthetic:
            config = generate(Path(tmp) / "big", args.answers, args.clauses)
            bench_kb(f"synthetic KB ({args.answers} answers)", config, args.runs, baseline)
        if not args.skip_site:
            config = generate(Path(tmp) / "site", args.site_answers, args.site_answers // 5)
            site_size(f"synthetic KB ({args.site_answers} answers)", config)


if __name__ == "__main__":
    main()
