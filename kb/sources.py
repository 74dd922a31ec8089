"""Reading a KB's source files: regular files only, and never more than a limit.

A KB is edited by many hands and checked out by CI; whatever sits in its
folders must not hang or exhaust a command. A FIFO would block a plain
open() for ever and a link to /dev/zero would be read until memory runs out,
so a file is opened without blocking, checked to be a regular file, and read
up to MAX_BYTES. Anything else is a SourceError whose message says what to do.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable

from .messages import t

# Larger than any policy, answer or manual page a person writes (the sample
# KB's largest file is under 20 KB); small enough to parse in well under a second.
MAX_BYTES = 2 * 1024 * 1024
MAX_SHOWN = "2 MB"

_KINDS = (
    (stat.S_ISFIFO, "sources.fifo"),
    (stat.S_ISCHR, "sources.device"),
    (stat.S_ISBLK, "sources.device"),
    (stat.S_ISSOCK, "sources.socket"),
    (stat.S_ISDIR, "sources.folder"),
)


class SourceError(Exception):
    """A source file that kb does not read; `message` is for the person who put it there."""

    def __init__(self, message: str, line: int = 1):
        super().__init__(message)
        self.message = message
        self.line = line


def _kind(mode: int) -> str:
    return next((t(name) for test, name in _KINDS if test(mode)), t("sources.kind"))


def _not_regular(mode: int) -> SourceError:
    return SourceError(
        t("sources.not_regular", mode=_kind(mode))
    )


def _too_big(size: int) -> SourceError:
    shown = f"{size / 1024 / 1024:.1f} MB" if size else t("sources.over_limit", MAX_SHOWN=MAX_SHOWN)
    return SourceError(
        t("sources.too_big", shown=shown, MAX_SHOWN=MAX_SHOWN)
    )


def is_regular(path: str) -> bool:
    """True for a regular file (a link is followed); False for anything else or nothing."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def read_bytes(path: str) -> bytes:
    """The bytes of a regular file of at most MAX_BYTES; else SourceError (or OSError)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)  # a FIFO opens at once without a writer
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _not_regular(info.st_mode)
        if info.st_size > MAX_BYTES:
            raise _too_big(info.st_size)
        chunks, total = [], 0
        while chunk := os.read(fd, min(1 << 20, MAX_BYTES + 1 - total)):
            chunks.append(chunk)
            total += len(chunk)
            if total > MAX_BYTES:  # it grew while we read
                raise _too_big(0)
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_text(path: str) -> str:
    """A KB source file as text: UTF-8 (a BOM allowed), "\\n" line ends, no NUL.

    The one way the loader, the search index and the site read a KB's files,
    so that a file one of them refuses is refused by all (and `kb check` says why).
    Raises SourceError, whose `line` is where the problem is.
    """
    try:
        data = read_bytes(path)
    except OSError as exc:
        raise SourceError(
            t("sources.unreadable", cause=exc.strerror or exc)
        ) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(
            t("sources.not_utf8"),
            data[: exc.start].count(b"\n") + 1,
        ) from None
    if "\x00" in text:
        raise SourceError(t("sources.binary"))
    return text.replace("\r\n", "\n")


def walk(
    directory: str | os.PathLike,
    suffixes: tuple[str, ...],
    skip: str | os.PathLike | None = None,
    admit: Callable[[os.DirEntry, bool], bool] | None = None,
) -> list[os.DirEntry]:
    """Each file below `directory` whose name ends with `suffixes`, in no set order.

    The one walk of the loader and the search index. Hidden folders and
    `skip` are not entered, nor is a link to a folder (a walk follows no
    link). `admit(entry, is_folder)` sees every other entry first and may
    leave it out (confine.Screen reports what it leaves out).
    DirEntry rather than Path: the freshness check before every search is
    mostly this walk, and DirEntry.stat() is cheap.
    """
    found: list[os.DirEntry] = []
    skipped = os.fspath(skip) if skip is not None else None
    stack = [os.fspath(directory)]
    while stack:
        try:
            with os.scandir(stack.pop()) as scan:
                entries = list(scan)
        except OSError:
            continue
        for entry in entries:
            folder = _is_folder(entry)
            if folder and (entry.name.startswith(".") or entry.path == skipped):
                continue
            if admit is not None and not admit(entry, folder):
                continue
            if folder:
                if not entry.is_symlink():
                    stack.append(entry.path)
            elif entry.name.endswith(suffixes):
                found.append(entry)
    return found


def _is_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()  # a link to a folder counts: it may lead out of the KB
    except OSError:
        return False


def write_atomic(path: str | os.PathLike, data: bytes) -> None:
    """Write all of `data` to `path` or nothing: a crash never leaves half a file.

    The new file keeps the mode of the one it replaces, or gets the mode a plain
    write would give (mkstemp's is private: a new answer must stay readable to
    the site build and to colleagues). OSError is the caller's to word.
    """
    import tempfile

    target = os.fspath(path)
    directory, name = os.path.split(os.path.abspath(target))
    handle, tmp = tempfile.mkstemp(prefix=f".{name}.", dir=directory)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _mode_for(target: str) -> int:
    try:
        return os.stat(target).st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
