"""Import whoosh without the modules a search never uses.

`kb search` runs once per chat message, so its start-up is most of its
time. At import, whoosh pulls in `urllib.request` (for a download helper)
and the `cached_property` package, which imports asyncio: about 90 ms of a
400 ms search process, for nothing a search calls. Before whoosh's first
import we point `cached_property` at the standard library's equivalent and
give `whoosh.compat` a `urllib.request` stand-in whose `urlretrieve` imports
the real module when called; the stand-in is removed at once, so any later
`import urllib.request` gets the real module.

whoosh also copies each file of a segment it opens into a BytesIO
(`BufferFile.__init__`) although it reads them through the memory map
(`BufferFile.get`) and reads its block headers through the file object:
at 10,000 answers about 0.1 s of copying (40 MB) per search. A file object
over the memory map itself (`_View`) reads the same bytes without the copy.

Only the `kb search` command calls this, in its own short-lived process:
never a library import, so `mkdocs build` and other plugins in the same
process keep the real `cached_property` package.
"""

from __future__ import annotations

import contextlib
import functools
import io
import sys
import types


def _lazy_urlretrieve(*args, **kwargs):
    from urllib.request import urlretrieve

    return urlretrieve(*args, **kwargs)


def import_whoosh() -> None:
    if "whoosh.compat" in sys.modules:
        return
    if "cached_property" not in sys.modules:
        shim = types.ModuleType("cached_property")
        shim.__dict__["cached_property"] = functools.cached_property
        sys.modules["cached_property"] = shim
    with _stand_in("urllib.request", urlretrieve=_lazy_urlretrieve):
        import whoosh.compat  # noqa: F401
    _lazy_buffer_files()
    _without_morph_en()


@contextlib.contextmanager
def _stand_in(name: str, **attrs):
    """While the block imports, `name` is a small module holding `attrs`; after it,
    the real module again for whoever imports it. A module already imported is
    left as it is."""
    if name in sys.modules:
        yield
        return
    stand_in = types.ModuleType(name)
    stand_in.__dict__.update(attrs)
    sys.modules[name] = stand_in
    try:
        yield
    finally:
        if sys.modules.get(name) is stand_in:
            del sys.modules[name]
        parent, _, child = name.rpartition(".")
        if getattr(sys.modules.get(parent), child, None) is stand_in:
            delattr(sys.modules[parent], child)


def _lazy_variations(*args, **kwargs):
    from whoosh.lang.morph_en import variations

    return variations(*args, **kwargs)


def _without_morph_en() -> None:
    """whoosh.query imports English word variations (one very long regex, ~5 ms to
    compile) for a query type kb never builds: a stand-in until it is called."""
    with _stand_in("whoosh.lang.morph_en", variations=_lazy_variations):
        import whoosh.query  # noqa: F401


def _lazy_buffer_files() -> None:
    """BufferFile's BytesIO copy made when first needed, not when the file is opened."""
    from whoosh.filedb.structfile import BufferFile

    if getattr(BufferFile, "_kb_lazy", False):
        return

    def __init__(self, buf, name=None, onclose=None):
        self._buf = buf
        self._name = name
        self.onclose = onclose
        self.is_real = False
        self.is_closed = False

    def get_file(self):
        if "_file" not in self.__dict__:
            self.__dict__["_file"] = _View(self._buf)
        return self.__dict__["_file"]

    def set_file(self, value) -> None:
        self.__dict__["_file"] = value

    def close(self):
        if self.is_closed:
            raise Exception("This file is already closed")
        if self.onclose:
            self.onclose(self)
        if "_file" in self.__dict__:
            self.__dict__["_file"].close()
        self.is_closed = True

    BufferFile.__init__ = __init__
    BufferFile.file = property(get_file, set_file)
    BufferFile.close = close
    BufferFile._kb_lazy = True



class _View(io.RawIOBase):
    """A read-only file over a buffer (whoosh's memory map), reading without copying it."""

    def __init__(self, buf):
        super().__init__()
        self._buf = memoryview(buf)
        self._pos = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: len(self._buf)}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def tell(self) -> int:
        return self._pos

    def read(self, size: int | None = -1) -> bytes:
        end = len(self._buf) if size is None or size < 0 else min(len(self._buf), self._pos + size)
        data = bytes(self._buf[self._pos:end])
        self._pos = max(self._pos, end)
        return data

    def readinto(self, target) -> int:
        data = self.read(len(target))
        target[: len(data)] = data
        return len(data)

    def readline(self, size: int | None = -1) -> bytes:
        end = len(self._buf) if size is None or size < 0 else min(len(self._buf), self._pos + size)
        for at in range(self._pos, end):
            if self._buf[at] == 10:
                end = at + 1
                break
        return self.read(end - self._pos)
