"""Benchmark the site build: the kb plugin against plain MkDocs pages.

    python scripts/bench_site.py [--answers 2000] [--large 10000] [--skip-plain]

Generates a synthetic KB (scripts/gen_kb.py), builds it with `mkdocs build`
and the kb plugin, then builds the same answer files as plain MkDocs pages
with the automatic nav (one nav entry per answer, MkDocs' default), and
prints both times, the ratio and the size of the search index an agent's
browser downloads. Then the same for a large KB with the plugin only.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from gen_kb import generate  # noqa: E402

MKDOCS = [sys.executable, "-m", "mkdocs"]
PLAIN_YML = """\
site_name: 합성 KB (plain)
theme:
  name: material
  language: ko
plugins:
  - search
"""


def timed_build(config: Path, site: Path) -> float:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    subprocess.run(
        [*MKDOCS, "build", "-q", "-f", str(config), "-d", str(site)],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def plain_copy(kb_root: Path, target: Path) -> Path:
    """The KB's answer files as plain MkDocs pages, nothing else."""
    shutil.copytree(kb_root / "docs", target / "docs")
    (target / "mkdocs.yml").write_text(PLAIN_YML, encoding="utf-8")
    return target / "mkdocs.yml"


def index_size(site: Path) -> str:
    sizes = [
        f"{p.relative_to(site)} {p.stat().st_size / 1e6:.2f} MB"
        for p in sorted((site / "search").glob("*"))
        if p.is_file() and p.suffix in (".json", ".js") and "worker" not in p.name
    ]
    return ", ".join(sizes) or "no search index"


def pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("index.html"))


def bench(answers: int, large: int, skip_plain: bool) -> None:
    with tempfile.TemporaryDirectory(prefix="kb-bench-") as tmp:
        tmp = Path(tmp)
        config = generate(tmp / "kb", answers=answers, clauses=max(200, answers // 5))
        kb_time = timed_build(config, tmp / "site-kb")
        print(
            f"{answers} answers, kb plugin:      {kb_time:7.1f} s  "
            f"({pages(tmp / 'site-kb')} pages; {index_size(tmp / 'site-kb')})"
        )
        if not skip_plain:
            plain = plain_copy(tmp / "kb", tmp / "plain")
            plain_time = timed_build(plain, tmp / "site-plain")
            print(
                f"{answers} answers, plain MkDocs:   {plain_time:7.1f} s  "
                f"({pages(tmp / 'site-plain')} pages; {index_size(tmp / 'site-plain')})"
            )
            print(f"ratio plain / kb plugin: {plain_time / kb_time:.1f}x (goal >= 5x)")
        if large:
            config = generate(tmp / "large", answers=large, clauses=max(200, large // 5))
            large_time = timed_build(config, tmp / "site-large")
            print(
                f"{large} answers, kb plugin:     {large_time:7.1f} s  "
                f"({pages(tmp / 'site-large')} pages; {index_size(tmp / 'site-large')})"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=2000)
    parser.add_argument("--large", type=int, default=10000, help="0 to skip")
    parser.add_argument("--skip-plain", action="store_true")
    args = parser.parse_args()
    bench(args.answers, args.large, args.skip_plain)


if __name__ == "__main__":
    main()
