"""A cache of parsed files, so that a second check of an unchanged KB is quick.

Each file's parse result is kept with the file's size and modification time;
a file whose stat differs is parsed again. The cache lives in the user's
cache directory (`$KB_CACHE_DIR`, else `$XDG_CACHE_HOME/kb`, else
`~/.cache/kb`), never in the KB, so that `kb check` leaves the KB untouched.
Any problem with the cache only means parsing again: it is never an error.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from pathlib import Path

_FORMAT = 1
# Source files whose change changes what a parse produces.
_PARSERS = (
    "load.py", "yamlsrc.py", "yamlerrors.py", "dates.py", "sources.py", "model.py", "cache.py",
    "frontmatter.py", "confine.py", "text.py",
)


def cache_home() -> Path:
    if os.environ.get("KB_CACHE_DIR"):
        return Path(os.environ["KB_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "kb"


def _salt() -> str:
    here = Path(__file__).parent
    stamps = [str((here / name).stat().st_mtime_ns) for name in _PARSERS]
    return f"{_FORMAT}:{sys.version_info[:2]}:{':'.join(stamps)}"


class ParseCache:
    def __init__(self, root: Path, enabled: bool = True):
        self.enabled = enabled and os.environ.get("KB_NO_CACHE") != "1"
        key = hashlib.sha1(str(root).encode("utf-8")).hexdigest()[:16]
        self.path = cache_home() / f"parse-{key}.pickle"
        self.entries: dict = {}
        self.used: dict = {}
        self.dirty = False
        if self.enabled:
            self.entries = self._read()

    def _read(self) -> dict:
        try:
            with open(self.path, "rb") as handle:
                salt, entries = pickle.load(handle)
        except Exception:  # a missing, old or damaged cache is just a cold start
            return {}
        return entries if salt == _salt() else {}

    def get(self, path: str, rel: str):
        """The cached result for a file, or None; remembers the file's stat either way."""
        if not self.enabled:
            return None
        try:
            stat = os.stat(path)
        except OSError:
            return None
        stamp = (stat.st_mtime_ns, stat.st_size)
        entry = self.entries.get(rel)
        self.used[rel] = (stamp, None)
        if entry is not None and entry[0] == stamp:
            self.used[rel] = entry
            return entry[1]
        return None

    def put(self, rel: str, value) -> None:
        stamp = self.used.get(rel, (None, None))[0]
        if stamp is not None:
            self.used[rel] = (stamp, value)
            self.dirty = True

    def save(self) -> None:
        if not self.enabled or not (self.dirty or self.used.keys() != self.entries.keys()):
            return
        entries = {rel: e for rel, e in self.used.items() if e[1] is not None}
        import tempfile  # only when writing: start-up matters for every command

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
            with os.fdopen(fd, "wb") as handle:
                pickle.dump((_salt(), entries), handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.path)
        except OSError:
            pass  # a read-only home: every run is a cold run, nothing worse
