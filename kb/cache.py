"""A cache of parsed files, so that a second check of an unchanged KB is quick.

The cache lives in the user's cache directory (`$KB_CACHE_DIR`, else
`$XDG_CACHE_HOME/kb`, else `~/.cache/kb`), never in the KB, so that `kb check`
leaves the KB untouched. Any problem with the cache only means parsing again:
it is never an error.

A stale entry must be impossible to trust by mistake, so:

- the cache is keyed explicitly by everything a parse depends on: the KB's
  folder and its `docs_dir`, `answers_dir` and `policies_dir` (a file under
  `answers/` is an answer with one config and a manual page with another),
  the kb version, the Python version and a hash of the core modules' code;
- a file's entry is trusted on its stat only when size, modification *and*
  inode change time agree (putting the mtime back after an edit still moves
  the ctime); a file changed within `RACY_NS` of the cache being written
  (timestamps are coarse on some file systems) is compared by content hash,
  as git does with "racily clean" files.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
import time
from pathlib import Path

from . import messages

_FORMAT = 2
RACY_NS = 2_000_000_000


def cache_home() -> Path:
    if os.environ.get("KB_CACHE_DIR"):
        return Path(os.environ["KB_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "kb"


@functools.lru_cache(maxsize=1)
def _code_hash() -> str:
    """A hash of the core modules (kb/*.py), the parser among them: any change
    to the code that reads files, or to the model it fills, drops the cache."""
    digest = hashlib.sha1()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode())
        try:
            digest.update(path.read_bytes())
        except OSError:
            pass
    return digest.hexdigest()


@functools.lru_cache(maxsize=1)
def _kb_version() -> str:
    from importlib import metadata

    try:
        return metadata.version("kb")
    except metadata.PackageNotFoundError:  # pragma: no cover - run from a source tree
        return "source"


def cache_key(root: Path, docs_dir: Path, answers_dir: Path, policies_dir: Path) -> dict:
    """Everything a parse depends on, spelled out (compared whole on every read)."""
    return {
        "format": _FORMAT,
        "root": str(root),
        "docs_dir": str(docs_dir),
        "answers_dir": str(answers_dir),
        "policies_dir": str(policies_dir),
        "kb": _kb_version(),
        "python": list(sys.version_info[:2]),
        "code": _code_hash(),
        # A parse keeps its problems as rendered messages: in the language of that run.
        "language": messages.current(),
    }


def file_stamp(stat: os.stat_result) -> tuple[int, int, int, int]:
    """What must not have moved for a cached parse of a file to be trusted."""
    return (stat.st_mtime_ns, stat.st_ctime_ns, stat.st_size, stat.st_ino)


def file_digest(path: str) -> str | None:
    """The content hash of a regular file within the size limit; None for anything else
    (a FIFO must never be opened for reading: it would block)."""
    from .sources import SourceError, read_bytes

    try:
        return hashlib.sha1(read_bytes(path)).hexdigest()
    except (OSError, SourceError):
        return None


def _same_stamp(path: str, stamp: tuple) -> bool:
    try:
        return file_stamp(os.stat(path)) == stamp
    except OSError:
        return False


class ParseCache:
    def __init__(self, root: Path, enabled: bool = True, key: dict | None = None):
        self.enabled = enabled and os.environ.get("KB_NO_CACHE") != "1"
        self.key = key or cache_key(root, root, root, root)
        # One file per configuration: switching `answers_dir` back and forth
        # keeps both caches instead of throwing either away.
        name = hashlib.sha1(repr(sorted(self.key.items())).encode("utf-8")).hexdigest()[:16]
        self.path = cache_home() / f"parse-{name}.pickle"
        self.entries: dict = {}
        self.used: dict = {}
        self.paths: dict[str, str] = {}
        self.written_ns = 0
        self.dirty = False
        if self.enabled:
            self.entries = self._read()

    @classmethod
    def for_kb(cls, kb, enabled: bool = True) -> ParseCache:
        key = cache_key(kb.root, kb.docs_dir, kb.answers_dir, kb.policies_dir)
        return cls(kb.root, enabled, key)

    def _read(self) -> dict:
        try:
            with open(self.path, "rb") as handle:
                key, written_ns, entries = pickle.load(handle)
        except Exception:  # a missing, old or damaged cache is just a cold start
            return {}
        if key != self.key or not isinstance(entries, dict):
            return {}
        self.written_ns = written_ns
        return entries

    def get(self, path: str, rel: str):
        """The cached result for a file, or None; remembers the file's stamp either way."""
        if not self.enabled:
            return None
        try:
            stamp = file_stamp(os.stat(path))
        except OSError:
            return None
        entry = self.entries.get(rel)
        self.used[rel] = (stamp, None, None)
        self.paths[rel] = path
        if entry is None:
            return None
        if entry[0] == stamp and stamp[1] < self.written_ns - RACY_NS:
            self.used[rel] = entry
            return entry[1]
        if entry[2] is None:
            return None  # no hash kept (the file was not fresh): nothing to compare with
        digest = file_digest(path)
        if digest is not None and digest == entry[2]:
            self.used[rel] = (stamp, entry[1], digest)
            self.dirty = True  # the new stamp is worth keeping
            return entry[1]
        return None

    def put(self, rel: str, value) -> None:
        stamp = self.used.get(rel, (None, None, None))[0]
        if stamp is None:
            return
        digest = None
        if stamp[1] >= time.time_ns() - 2 * RACY_NS:
            # Changed just now: keep its hash, for the next run cannot trust the stamp.
            digest = file_digest(self.paths[rel])
            if not _same_stamp(self.paths[rel], stamp):
                return  # changed while we read it: the next run parses it again
        self.used[rel] = (stamp, value, digest)
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
                pickle.dump((self.key, time.time_ns(), entries), handle,
                            protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.path)
        except OSError:
            pass  # a read-only home: every run is a cold run, nothing worse
