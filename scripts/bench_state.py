"""Figures for kb's state handling (issue 12 items 5, 9-11): what honesty costs.

    python scripts/bench_state.py [--answers 3000] [--clauses 600] [--runs 5]

Prints, for a generated KB, the median wall time of:
- the parse cache's key (kb version and a hash of the core modules), per process;
- the search index's freshness check when nothing changed (stat with ctime,
  no hashing), which every `kb search` pays;
- a search where the index cannot be written (built in memory instead);
- `kb changes` over a month whose git history holds a 10-level alias bomb.
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

from kb.cache import _code_hash, _kb_version, cache_key  # noqa: E402
from kb.config import read_config  # noqa: E402
from kb.search.index import Location, in_memory, plan, update  # noqa: E402
from kb.search.vocab import vocabulary_digest  # noqa: E402

BOMB = 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n' + "".join(
    f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]\n" for n in range(1, 10)
)


def median(func, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        func()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def git(root: Path, *args: str, day: str) -> None:
    stamp = f"{day}T10:00:00+00:00"
    env = dict(os.environ, GIT_AUTHOR_DATE=stamp, GIT_COMMITTER_DATE=stamp,
               GIT_AUTHOR_NAME="b", GIT_AUTHOR_EMAIL="b@example.com",
               GIT_COMMITTER_NAME="b", GIT_COMMITTER_EMAIL="b@example.com")
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


def bomb_history(config: Path) -> Path:
    """Commit the KB, then one commit with a bomb in a policy file, then its removal."""
    root = config.parent
    policy = next((root / "policies").rglob("*.yaml"))
    good = policy.read_text(encoding="utf-8")
    git(root, "init", "-q", "-b", "main", day="2026-09-01")
    git(root, "add", "-A", day="2026-09-01")
    git(root, "commit", "-q", "-m", "kb", day="2026-09-01")
    policy.write_text(BOMB + good, encoding="utf-8")
    git(root, "commit", "-q", "-am", "bomb", day="2026-10-05")
    policy.write_text(good, encoding="utf-8")
    git(root, "commit", "-q", "-am", "fix", day="2026-10-06")
    return config


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=3_000)
    parser.add_argument("--clauses", type=int, default=600)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    kb_bin = str(Path(sys.executable).with_name("kb"))
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["KB_CACHE_DIR"] = str(Path(tmp) / "cache")
        config_path = generate(Path(tmp) / "kb", args.answers, args.clauses)
        config = read_config(config_path)
        print(f"KB: {args.answers} answers, {args.clauses} clauses; median of {args.runs}")

        def key():
            _code_hash.cache_clear()
            _kb_version.cache_clear()
            cache_key(config.root, config.docs_dir, config.answers_dir, config.policies_dir)

        print(f"  parse cache key (once a process)      {median(key, args.runs) * 1000:8.1f} ms")
        disk = update(config, force=True).seconds
        print(f"  search index full build on disk        {disk:8.2f} s")
        time.sleep(2.1)  # past the racy window: stats alone decide, as on a user's KB
        update(config)
        digest = vocabulary_digest(config.root)
        manifest_dir = Location.of(config).current()

        def fresh():
            from kb.search.index import _read_manifest

            assert not plan(config, digest, _read_manifest(manifest_dir)).changed

        print(f"  index freshness check, nothing changed {median(fresh, args.runs) * 1000:7.1f} ms")
        memory = median(lambda: in_memory(config), max(1, args.runs // 2))
        print(f"  search index built in memory (unwritable) {memory:6.2f} s")
        bomb_history(config_path)
        changes = [kb_bin, "changes", "--since", "2026-10-01", "--until", "2026-10-31",
                   "-f", str(config_path)]
        took = median(lambda: subprocess.run(changes, check=True, capture_output=True), 3)
        print(f"  kb changes over a bomb in history      {took:8.2f} s")


if __name__ == "__main__":
    main()
