"""The files search reads, and one digest of their stats: the freshness stamp.

Before every `kb search` the index must be known current. At 10,000 answers
that means one stat per file, about 60 ms of a process that should answer
in well under 0.3 s; reading the index's code (whoosh, the analysis) takes
about as long again. On a machine with more than one core the two need not
wait for each other: `prefetch` works the stamp out in a forked child while
the parent imports the search engine, and the freshness check takes the
child's answer (`on_disk`). It is a check made a few milliseconds earlier
than otherwise, never a stale one: each prefetched stamp is used once, by
the search that asked for it.

This module imports nothing heavy (no whoosh, no YAML) so that the fork
comes first.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .. import sources
from ..confine import Fence
from .location import Location

if TYPE_CHECKING:
    from ..config import KBConfig

STAMP = "kb-stamp.json"  # beside an index version's manifest: that manifest in one digest
# Below this many files the stamp (about 7 µs a file) costs less than a fork
# does (about 13 ms, mostly copy-on-write faults of the parent's pages).
FORK_FROM = 2000


def _walk(
    directory: Path, suffixes: tuple[str, ...], fence: Fence, skip: Path | None = None
) -> list:
    """os.DirEntry of each file below `directory` (hidden folders and `skip` left out).

    Entries rather than Paths: DirEntry.stat() is cheap, and on 10,000
    answers the freshness check is mostly this walk and those stats.
    """
    if not fence.inside(directory):
        return []

    def admit(entry: os.DirEntry, folder: bool) -> bool:
        # never out of the KB (`kb check` reports the link)
        return not entry.is_symlink() or fence.inside(entry.path)

    return sources.walk(directory, suffixes, skip, admit)


def source_files(config: KBConfig) -> dict[str, tuple[str, os.DirEntry]]:
    """Relative path -> (kind of file, its directory entry) for every file search reads."""
    files = {}
    prefix = str(config.root).rstrip("/") + "/"
    fence = Fence(config.root, config.docs_dir, config.policies_dir)
    for kind, entries in (
        ("policy", _walk(config.policies_dir, (".yaml", ".yml"), fence)),
        ("answer", _walk(config.answers_dir, (".md",), fence)),
        ("manual", _walk(config.docs_dir, (".md",), fence, skip=config.answers_dir)),
    ):
        for entry in entries:
            rel = entry.path[len(prefix):] if entry.path.startswith(prefix) else entry.path
            files[rel.replace(os.sep, "/")] = (kind, entry)
    return files


def stat_of(entry: os.DirEntry) -> list[int]:
    # The inode change time too: an edit whose mtime was put back still moves it.
    info = entry.stat()
    return [info.st_mtime_ns, info.st_size, info.st_ctime_ns]


def stamp_of(stats) -> tuple[str, int]:
    """One digest of (path, mtime, size, ctime) for every file, and the newest ctime.

    The same stat the index's manifest keeps, so the stamp of the files on
    disk equals the stamp of the manifest exactly when every file would be
    trusted by its stat and none was added or removed.
    """
    lines, newest = [], 0
    for rel, mtime, size, ctime in stats:
        lines.append(f"{rel}\0{mtime}\0{size}\0{ctime}")
        newest = max(newest, ctime)
    lines.sort()
    return hashlib.sha1("\n".join(lines).encode("utf-8", "surrogateescape")).hexdigest(), newest


def _measure(config: KBConfig) -> tuple[str, int]:
    return stamp_of((rel, *stat_of(entry)) for rel, (_, entry) in source_files(config).items())


def files_stamp(config: KBConfig) -> str:
    """One digest of every source file's path and stat: changes when one is
    edited, added or removed (the freshness stamp's; kb api's reload check)."""
    return _measure(config)[0]


# --- the stamp worked out in a child process ----------------------------------

_pending: dict[tuple, tuple[int, int]] = {}  # KB folders -> (child's pid, read end of its pipe)


def _key(config: KBConfig) -> tuple:
    return (str(config.root), str(config.docs_dir), str(config.answers_dir),
            str(config.policies_dir))


def prefetch(config: KBConfig) -> None:
    """Start working out the stamp of `config`'s files in a child process.

    Only where it is safe and can pay: a fork (not on Windows), no other
    thread in this process (a child of a threaded process may inherit a
    held lock), more than one core, and at least FORK_FROM files.
    """
    if not hasattr(os, "fork") or threading.active_count() > 1 or _cores() < 2:
        return
    if _files_last_time(config) < FORK_FROM:
        return
    key = _key(config)
    if key in _pending:  # one never used: its answer is old by now
        _collect(*_pending.pop(key))
    try:
        read, write = os.pipe()
        pid = os.fork()
    except OSError:
        return
    if pid == 0:  # the child: answer through the pipe and leave without any clean-up
        code = 1
        try:
            os.close(read)
            os.write(write, json.dumps(_measure(config)).encode())
            code = 0
        finally:
            os._exit(code)
    os.close(write)
    _pending[key] = (pid, read)


@contextlib.contextmanager
def prefetched(config: KBConfig) -> Iterator[None]:
    """`prefetch` for the block; a stamp it did not use is thrown away after it
    (a search that stopped before its freshness check leaves no child behind)."""
    prefetch(config)
    try:
        yield
    finally:
        left = _pending.pop(_key(config), None)
        if left is not None:
            _collect(*left)


def on_disk(config: KBConfig) -> tuple[str, int]:
    """The stamp of the files on disk now (or as a prefetch of this search found them)."""
    started = _pending.pop(_key(config), None)
    if started is not None:
        found = _collect(*started)
        if found is not None:
            return found
    return _measure(config)


def _collect(pid: int, read: int) -> tuple[str, int] | None:
    """The child's stamp; None when it did not give one (the caller then measures)."""
    try:
        with os.fdopen(read, "rb") as pipe:
            data = pipe.read()
        stamp, newest = json.loads(data)
    except (OSError, ValueError, TypeError):
        return None
    finally:
        with contextlib.suppress(OSError):
            os.waitpid(pid, 0)
    if not isinstance(stamp, str) or not isinstance(newest, int):
        return None
    return stamp, newest


def _files_last_time(config: KBConfig) -> int:
    """How many files the current index version was made from (its stamp says); 0
    when there is none yet (the first search builds one: the stamp is not the cost)."""
    current = Location.of(config).current()
    if current is None:
        return 0
    try:
        count = json.loads((current / STAMP).read_bytes()).get("count")
    except (OSError, ValueError, AttributeError):
        return 0
    return count if isinstance(count, int) else 0


def _cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every system
        return os.cpu_count() or 1
