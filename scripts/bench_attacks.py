"""How long kb takes on the hostile inputs of issue 12 (items 4, 6, 7), in one run.

    python scripts/bench_attacks.py

Prints a figure for each attack: the YAML alias bombs (391 bytes, 10 levels)
through the loader, the padded H1 through manual_from_text next to the old
title regex on a small input (the old one is cubic: 1,500 pairs took 41 s),
200,000 inline references, and a whole `kb check` of a KB holding a FIFO, a
link to /dev/zero and a 3 MB file. tests/test_attacks_input.py checks the
results; this only measures.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kb import yamlsrc  # noqa: E402
from kb.load import inline_refs, manual_from_text  # noqa: E402

OLD_TITLE = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.M)


def billion_laughs(levels: int) -> str:
    """Each level lists the one before nine times: 9**levels strings (as in the tests)."""
    lines = ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n in range(1, levels):
        lines.append(f"l{n}: &l{n} [" + ",".join([f"*l{n - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def timed(func) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def bombs() -> None:
    for levels in (9, 10):
        text = billion_laughs(levels)

        def parse(text=text):
            try:
                yamlsrc.parse(text)
            except yamlsrc.YAMLSourceError:
                return
            raise SystemExit("the bomb was read")

        print(f"alias bomb, {levels} levels ({len(text)} bytes): {timed(parse) * 1000:.2f} ms")


def titles() -> None:
    for pairs in (200, 400):
        text = "# a" + " \t" * pairs + "b\n"
        old = timed(lambda text=text: OLD_TITLE.search(text))
        print(f"padded H1, {pairs} pairs: old regex {old * 1000:.0f} ms")
    text = "# a" + " \t" * 20_000 + "b\n"
    new = timed(lambda: manual_from_text(text, "docs/x.md", "x.md"))
    print(f"padded H1, 20,000 pairs: manual_from_text {new * 1000:.2f} ms")


def _old_lines(body: str) -> list[int]:
    """The old way: each reference's line counted from the top of the body."""
    return [body.count("\n", 0, m.start()) for m in re.finditer(r"\[\[", body)]


def references() -> None:
    small = "[[PAY-1]] 참고\n" * 20_000
    print(f"20,000 inline references, old line counting: {timed(lambda: _old_lines(small)):.2f} s")
    body = "[[PAY-1]] 참고\n" * 200_000
    print(f"200,000 inline references: inline_refs {timed(lambda: inline_refs(body, 1)):.2f} s")


def odd_files() -> None:
    kb = Path(sys.executable).parent / "kb"
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "mkdocs.yml").write_text("site_name: x\nplugins: [kb]\n", encoding="utf-8")
        (root / "docs").mkdir()
        (root / "policies").mkdir()
        os.mkfifo(root / "policies/fifo.yaml")
        (root / "policies/zero.yaml").symlink_to("/dev/zero")
        (root / "policies/big.yaml").write_text("# 주석\n" * 400_000, encoding="utf-8")
        env = dict(os.environ, KB_NO_CACHE="1")
        run = [str(kb), "check", "-f", str(root / "mkdocs.yml")]
        took = timed(lambda: subprocess.run(run, capture_output=True, env=env, timeout=60))
        print(f"kb check with a FIFO, /dev/zero and a 3 MB file: {took:.2f} s (whole process)")


if __name__ == "__main__":
    bombs()
    titles()
    references()
    odd_files()
