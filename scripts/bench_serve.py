"""How long `kb serve` takes to show an edited answer, on a generated KB.

    python scripts/bench_serve.py [--answers 2000] [--edits 3]

Generates a KB (scripts/gen_kb.py), starts `kb serve`, waits for the first
build, then edits one answer's title several times and, for each, prints the
seconds from the save until the served page shows the new title.
"""

from __future__ import annotations

import argparse
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


def _wait_for(url: str, text: str, limit: float) -> float | None:
    started = time.perf_counter()
    while time.perf_counter() - started < limit:
        if text in _get(url):
            return time.perf_counter() - started
        time.sleep(0.1)
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=2000)
    parser.add_argument("--edits", type=int, default=3)
    args = parser.parse_args()
    kb = Path(tempfile.mkdtemp(prefix="kb-serve-bench-"))
    subprocess.run([sys.executable, str(HERE / "gen_kb.py"), "--answers", str(args.answers),
                    str(kb)], check=True, stdout=subprocess.DEVNULL)  # fmt: skip
    answer = sorted((kb / "docs").rglob("a1.md"))[0]
    rel = answer.relative_to(kb / "docs").with_suffix("")
    port = _port()
    url = f"http://127.0.0.1:{port}/{urllib.parse.quote(rel.as_posix())}/"
    started = time.perf_counter()
    proc = subprocess.Popen(
        [str(KB_BIN), "serve", "-f", str(kb / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        first = _wait_for(url, "<title", 900)
        took = time.perf_counter() - started
        print(f"{args.answers} answers: first build served after {took:.1f} s")
        if first is None:
            raise SystemExit("kb serve did not serve the page")
        text = answer.read_text(encoding="utf-8")
        title = next(line for line in text.splitlines() if line.startswith("title:"))
        times = []
        for n in range(args.edits):
            marker = f"편집 확인 {n} {time.time_ns()}"
            answer.write_text(text.replace(title, f"title: {marker}", 1), encoding="utf-8")
            seen = _wait_for(url, marker, 300)
            times.append(seen if seen is not None else float("inf"))
            print(f"  edit {n + 1}: shown {seen:.1f} s after the save" if seen else "  not shown")
            time.sleep(1)
        print(f"median {statistics.median(times):.1f} s from save to the page (goal <= 5 s)")
    finally:
        proc.terminate()
        proc.wait(timeout=30)


if __name__ == "__main__":
    main()
