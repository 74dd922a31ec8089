"""Load test for `kb api`: N concurrent clients on loopback, a bounded number of requests.

    python scripts/bench_api.py [--answers 10000] [--clients 20] [--requests 4000]

Generates a synthetic KB (scripts/gen_kb.py) unless --kb is given, starts
`kb api` on it, and runs two phases with the same clients:

- `chat mix`: queries drawn from a pool of realistic 1-3 word queries with a
  Zipf distribution (a few questions are asked all day), as a side panel sees;
- `all distinct`: every query different, so no result cache can help: the
  figure for a KB nobody has searched yet.

Prints p50/p90/p99 latency, requests per second and errors for each.
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

HERE = Path(__file__).resolve().parent
KB_BIN = Path(sys.executable).with_name("kb")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _words(kb_dir: Path, limit: int = 400) -> list[str]:
    """Words of answer titles: what agents and customers type."""
    words: dict[str, None] = {}
    for path in sorted((kb_dir / "docs").rglob("*.md"))[:3000]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("title:"):
                for word in line[6:].split():
                    if len(word) > 1 and not word.isdigit():
                        words[word] = None
    return list(words)[:limit]


def _queries(words: list[str], count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.sample(words, rng.randint(1, 3))) for _ in range(count)]


def _client(args: tuple) -> tuple[list[float], int]:
    port, paths = args
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    latencies, errors = [], 0
    for path in paths:
        started = time.perf_counter()
        try:
            conn.request("GET", path)
            resp = conn.getresponse()
            body = resp.read()
            if resp.status != 200 or "results" not in json.loads(body):
                errors += 1
        except (OSError, http.client.HTTPException, ValueError):
            errors += 1
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        latencies.append(time.perf_counter() - started)
    conn.close()
    return latencies, errors


def _phase(name: str, port: int, queries: list[str], clients: int) -> None:
    paths = [f"/search?q={urllib.parse.quote(q)}&limit=10" for q in queries]
    shares = [(port, paths[i::clients]) for i in range(clients)]
    started = time.perf_counter()
    with multiprocessing.Pool(clients) as pool:
        results = pool.map(_client, shares)
    elapsed = time.perf_counter() - started
    latencies = sorted(x for lat, _ in results for x in lat)
    errors = sum(e for _, e in results)

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000

    print(
        f"{name:13} {len(latencies):6d} requests  {len(latencies) / elapsed:7.1f} req/s  "
        f"p50 {statistics.median(latencies) * 1000:7.1f} ms  p90 {pct(0.90):7.1f} ms  "
        f"p99 {pct(0.99):7.1f} ms  errors {errors}"
    )


def _start(kb_dir: Path, workers: int, threads: int) -> tuple[subprocess.Popen, int]:
    port = _free_port()
    proc = subprocess.Popen(
        [str(KB_BIN), "api", "-f", str(kb_dir / "mkdocs.yml"), "--bind", f"127.0.0.1:{port}",
         "--workers", str(workers), "--threads", str(threads)],
    )  # fmt: skip
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return proc, port
        except OSError:
            time.sleep(0.5)
    proc.kill()
    raise SystemExit("kb api did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=10000)
    parser.add_argument("--kb", type=Path, help="Use this KB instead of generating one.")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=4000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--pool", type=int, default=300, help="Distinct queries in the chat mix.")
    args = parser.parse_args()

    kb_dir = args.kb
    if kb_dir is None:
        kb_dir = Path(tempfile.mkdtemp(prefix="kb-api-bench-"))
        subprocess.run(
            [sys.executable, str(HERE / "gen_kb.py"), "--answers", str(args.answers), str(kb_dir)],
            check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip
    started = time.perf_counter()
    proc, port = _start(kb_dir, args.workers, args.threads)
    print(f"kb api on {kb_dir}: ready in {time.perf_counter() - started:.1f} s "
          f"({args.workers} workers x {args.threads} threads, {args.clients} clients)")  # fmt: skip
    try:
        words = _words(kb_dir)
        pool = _queries(words, args.pool, seed=1)
        rng = random.Random(2)
        weights = [1 / (rank + 1) ** 1.1 for rank in range(len(pool))]
        _phase("warm-up", port, pool, args.clients)
        _phase("chat mix", port, rng.choices(pool, weights, k=args.requests), args.clients)
        distinct = list(dict.fromkeys(_queries(words, args.requests * 2, seed=3)))
        distinct = [q for q in distinct if q not in set(pool)][: args.requests // 4]
        _phase("all distinct", port, distinct, args.clients)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


if __name__ == "__main__":
    main()
