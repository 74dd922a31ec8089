"""Reading a KB's source files: regular files only, and never more than a limit.

A KB is edited by many hands and checked out by CI; whatever sits in its
folders must not hang or exhaust a command. A FIFO would block a plain
open() for ever and a link to /dev/zero would be read until memory runs out,
so a file is opened without blocking, checked to be a regular file, and read
up to MAX_BYTES. Anything else is a SourceError whose message says what to do.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable

# Larger than any policy, answer or manual page a person writes (the sample
# KB's largest file is under 20 KB); small enough to parse in well under a second.
MAX_BYTES = 2 * 1024 * 1024
MAX_SHOWN = "2 MB"

_KINDS = (
    (stat.S_ISFIFO, "FIFO(이름 있는 파이프)"),
    (stat.S_ISCHR, "장치 파일"),
    (stat.S_ISBLK, "장치 파일"),
    (stat.S_ISSOCK, "소켓"),
    (stat.S_ISDIR, "폴더"),
)


class SourceError(Exception):
    """A source file that kb does not read; `message` is for the person who put it there."""

    def __init__(self, message: str, line: int = 1):
        super().__init__(message)
        self.message = message
        self.line = line


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "일반 파일이 아닌 것")


def _not_regular(mode: int) -> SourceError:
    return SourceError(
        f"일반 파일이 아니라 {_kind(mode)}입니다: kb는 일반 파일만 읽습니다. "
        "이 항목을 지우거나 내용을 담은 파일로 바꾸세요"
    )


def _too_big(size: int) -> SourceError:
    shown = f"{size / 1024 / 1024:.1f} MB" if size else f"{MAX_SHOWN} 넘게"
    return SourceError(
        f"파일이 너무 큽니다({shown}): kb는 한 파일을 {MAX_SHOWN}까지만 읽습니다. "
        "파일을 여러 개로 나누세요"
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
            f"파일을 읽을 수 없습니다({exc.strerror or exc}): 파일 권한과 경로를 확인하세요"
        ) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(
            "UTF-8 텍스트가 아닙니다: 편집기에서 UTF-8 인코딩으로 다시 저장하세요",
            data[: exc.start].count(b"\n") + 1,
        ) from None
    if "\x00" in text:
        raise SourceError("텍스트가 아닌 바이너리 파일입니다: 이 폴더에는 텍스트 파일만 두세요")
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
