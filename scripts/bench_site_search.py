"""Benchmark the site's search box in Chromium: bytes fetched and time to first result.

    python scripts/bench_site_search.py [--site DIR | --answers 10000] [--queries ...]

Builds the site of a synthetic KB (scripts/gen_kb.py) unless --site names a
built one, serves it locally and, for each query, in a fresh browser context
(empty cache, as an agent's first search of the day):

- opens the home page, types the query into kb's search box as a Korean IME
  does (the text, then a keyup) and waits for the result list;
- bytes: the uncompressed size of every response from page load to the first
  result (Resource Timing's decodedBodySize, navigation included);
- time: from the last keystroke to the result list being shown.

Then the same queries once more in one warm page (shards already fetched).
The goals of issue 10: <= 3 MB and <= 1.5 s at 10,000 answers.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

QUERIES = [
    "환불 언제 들어와요", "배터리 방전됐어요", "구역 밖 반납 수수료", "REFUND-3",
    "쿠폰 적용이 안돼요", "팀장 바꿔주세요", "결제 취소 카드사 영업일", "환뷸 언제돼요",
]
BYTES = """() => {
  const entries = [...performance.getEntriesByType('navigation'),
                   ...performance.getEntriesByType('resource')];
  return entries.reduce((sum, e) => sum + (e.decodedBodySize || 0), 0);
}"""


def build(answers: int, clauses: int, out: Path) -> Path:
    from gen_kb import generate

    kb = out / "kb"
    generate(kb, answers, clauses)
    started = time.perf_counter()
    subprocess.run(
        [str(Path(sys.executable).with_name("kb")), "build", "-q", "-f", str(kb / "mkdocs.yml"),
         "--site-dir", str(out / "site")],
        check=True,
    )
    print(f"site of {answers} answers built in {time.perf_counter() - started:.0f} s")
    return out / "site"


def ask(page, query: str) -> float:
    """Type as an IME does; milliseconds from the last keystroke to the results shown."""
    box = page.locator(".kb-search__input")
    box.click()
    box.evaluate("(el, q) => { el.value = q; }", query)
    page.evaluate(
        "() => document.querySelector('.kb-search__input').addEventListener('keyup',"
        " () => { window.lastKey = performance.now(); }, {once: true})"
    )
    page.keyboard.press("End")
    page.wait_for_function("q => window.kbSearch.shown === q", arg=query, timeout=30000)
    return page.evaluate("() => window.kbSearch.shownAt - window.lastKey")


def measure(site: Path, queries: list[str]) -> None:
    from browser import CHROMIUM, CHROMIUM_ARGS, serve_directory
    from playwright.sync_api import sync_playwright

    with serve_directory(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        cold = []
        print("| query | bytes to first result | ms after last key | results |")
        print("|---|---|---|---|")
        for query in queries:
            context = browser.new_context(viewport={"width": 1366, "height": 900})
            page = context.new_page()
            page.goto(base)
            ms = ask(page, query)
            size = page.evaluate(BYTES)
            count = page.locator(".kb-search__item").count()
            cold.append((size, ms))
            print(f"| {query} | {size / 1e6:.2f} MB | {ms:.0f} | {count} |")
            context.close()
        page = browser.new_page(viewport={"width": 1366, "height": 900})
        page.goto(base)
        ask(page, queries[0])
        warm = [ask(page, q + " ") for q in queries]
        browser.close()
    sizes, times = [s for s, _ in cold], [t for _, t in cold]
    print(f"\ncold: bytes max {max(sizes) / 1e6:.2f} MB, "
          f"median {statistics.median(sizes) / 1e6:.2f} MB; "
          f"time max {max(times):.0f} ms, median {statistics.median(times):.0f} ms")
    print(f"warm: time max {max(warm):.0f} ms, median {statistics.median(warm):.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="A built site (otherwise one is generated).")
    parser.add_argument("--answers", type=int, default=10_000)
    parser.add_argument("--clauses", type=int, default=2_000)
    parser.add_argument("--queries", nargs="*", default=QUERIES)
    args = parser.parse_args()
    if args.site:
        measure(args.site, args.queries)
        return
    with tempfile.TemporaryDirectory() as tmp:
        measure(build(args.answers, args.clauses, Path(tmp)), args.queries)


if __name__ == "__main__":
    main()
