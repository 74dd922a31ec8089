"""How long `kb serve` takes to show an edited answer, on a generated KB.

    python scripts/bench_serve.py [--answers 2000] [--edits 5] [--only incremental|full]

Generates a KB (scripts/gen_kb.py) and serves it twice, in the same run:
with `kb serve --full-rebuild` (the whole site rebuilt on every save, the
old way) and with `kb serve` (only the pages a save reaches). For each it
waits for the first build, then edits one answer's title several times and
prints the seconds from the save until the served page shows the new title,
and until the site's search files hold it. Between edits it waits until the
server is idle (the search files written), as an owner's saves are seconds
apart. Prints the median and maximum of each and the ratio full / incremental.
"""

from __future__ import annotations

import argparse
import datetime
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
KB_BIN = Path(sys.executable).with_name("kb")
GOAL = 5.0


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:
            return resp.read().decode("utf-8", "replace")
    except OSError:
        return ""


def _wait_for(test, limit: float) -> float | None:
    started = time.perf_counter()
    while time.perf_counter() - started < limit:
        if test():
            return time.perf_counter() - started
        time.sleep(0.1)
    return None


class Search:
    """The served search files: polled by meta.json's version, read when it changes."""

    def __init__(self, base: str):
        self.base, self.version, self.rows = base, None, ""

    def holds(self, text: str) -> bool:
        """The result table holds `text` (what the search box would list).

        Read from its last chunk back: a re-indexed answer is whoosh's newest
        document, so an edit is found in the first file or two.
        """
        try:
            meta = json.loads(_get(self.base + "search/kb/meta.json") or "{}")
        except ValueError:
            return False
        if meta.get("version") == self.version:
            return False  # read in full already, without it
        chunks = -(-meta.get("docs", 0) // max(1, meta.get("chunk", 1)))
        url = f"{self.base}search/kb/d/{{}}.json?v={meta.get('version')}"
        for n in reversed(range(chunks)):
            if text in _get(url.format(n)):
                return True
        self.version = meta.get("version")
        return False


def run(kb: Path, answer: Path, edits: int, full: bool) -> tuple[list[float], list[float]]:
    rel = answer.relative_to(kb / "docs").with_suffix("")
    port = _port()
    base = f"http://127.0.0.1:{port}/"
    url = base + urllib.parse.quote(rel.as_posix()) + "/"
    command = [str(KB_BIN), "serve", "-f", str(kb / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"]
    if full:
        command.append("--full-rebuild")
    name = "full rebuild (kb serve --full-rebuild)" if full else "incremental (kb serve)"
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    shown_times: list[float] = []
    search_times: list[float] = []
    try:
        text = answer.read_text(encoding="utf-8")
        title = next(line for line in text.splitlines() if line.startswith("title:"))
        if _wait_for(lambda: "<title" in _get(url), 900) is None:
            raise SystemExit("kb serve did not serve the page")
        first = time.perf_counter() - started
        search = Search(base)
        _wait_for(lambda: search.holds(title[len("title: ") :]), 300)
        # The report pages that list the answer: the server is idle when they show an edit.
        reports = [u for u in _report_urls(base) if title[len("title: ") :] in _get(u)]
        print(f"{name}: first build served after {first:.1f} s")
        for n in range(edits):
            marker = f"편집 확인 {n} {time.time_ns()}"
            answer.write_text(text.replace(title, f"title: {marker}", 1), encoding="utf-8")
            saved = time.perf_counter()
            seen = _wait_for(lambda m=marker: m in _get(url), 300)
            found = _wait_for(lambda m=marker: search.holds(m), 300)
            searched = time.perf_counter() - saved if found is not None else float("inf")
            idle = _wait_for(lambda m=marker: all(m in _get(u) for u in reports), 300)
            settled = time.perf_counter() - saved if idle is not None else float("inf")
            shown_times.append(seen if seen is not None else float("inf"))
            search_times.append(searched)
            print(f"  edit {n + 1}: page {shown_times[-1]:.1f} s, search {searched:.1f} s, "
                  f"reports {settled:.1f} s")  # fmt: skip
            time.sleep(1)
        _summary("page", shown_times)
        _summary("search", search_times)
    finally:
        answer.write_text(text, encoding="utf-8")
        proc.terminate()
        proc.wait(timeout=30)
    return shown_times, search_times


def _report_urls(base: str) -> list[str]:
    """The upkeep report and the monthly ones (the last twelve months and the next)."""
    today = datetime.date.today()
    months = [(today.year * 12 + today.month - 1 + k) for k in range(-12, 2)]
    paths = [f"reports/changes/{m // 12}-{m % 12 + 1:02d}/" for m in months]
    return [base + path for path in [*paths, "reports/upkeep/"]]


def _summary(what: str, times: list[float]) -> None:
    print(f"  {what}: median {statistics.median(times):.1f} s, max {max(times):.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=2000)
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--only", choices=("incremental", "full"))
    args = parser.parse_args()
    kb = Path(tempfile.mkdtemp(prefix="kb-serve-bench-"))
    subprocess.run([sys.executable, str(HERE / "gen_kb.py"), "--answers", str(args.answers),
                    str(kb)], check=True, stdout=subprocess.DEVNULL)  # fmt: skip
    answer = sorted((kb / "docs").rglob("a1.md"))[0]
    print(f"{args.answers} answers; from the save to the served page (goal <= {GOAL:.0f} s)")
    results = {}
    for full in (True, False):
        if args.only != ("incremental" if full else "full"):
            results[full] = run(kb, answer, args.edits, full)
    if len(results) == 2:
        old, new = statistics.median(results[True][0]), statistics.median(results[False][0])
        print(f"page after a save, median: full {old:.1f} s, incremental {new:.1f} s, "
              f"{old / new:.1f}x faster")  # fmt: skip
    if False in results:
        worst = max(results[False][0])
        print(f"incremental max {worst:.1f} s: {'within' if worst <= GOAL else 'over'} the goal")


if __name__ == "__main__":
    main()
