"""Where a KB's search index lives (kb/search/index.py writes and reads it there).

A module of its own, importing nothing heavy: `kb search` asks it before
whoosh is imported (search/stamp.py).
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..config import KBConfig

CACHE_DIR = ".kb-cache"
POINTER = "CURRENT"

_VERSION_NAME = re.compile(r"v-[0-9]+-[0-9a-f]+")


@dataclass
class Location:
    """Where a KB's index lives: `base` holds the versions, `CURRENT` and `lock`."""

    root: Path
    base_dir: Path | None = None

    @classmethod
    def of(cls, config: KBConfig) -> Location:
        """The KB's `cache_dir` option, else `$KB_CACHE_DIR`, else `.kb-cache/` in the KB.

        Outside the KB, one folder per KB (a hash of its path), so that one
        cache folder serves every KB a user has.
        """
        if config.cache_dir is not None:
            return cls(config.root, config.cache_dir / "search")
        if os.environ.get("KB_CACHE_DIR"):
            return cls(config.root, Path(os.environ["KB_CACHE_DIR"]) / _folder_name(config))
        return cls(config.root)

    @classmethod
    def choices(cls, config: KBConfig) -> list[Location]:
        """Where to keep the index, in order: the usual place, then the user's cache
        folder (for a KB kb cannot write into: a read-only checkout)."""
        from ..cache import cache_home

        first = cls.of(config)
        spare = cls(config.root, cache_home() / _folder_name(config))
        return [first] if spare.base == first.base else [first, spare]

    @property
    def base(self) -> Path:
        return self.base_dir if self.base_dir is not None else self.root / CACHE_DIR / "search"

    def current(self) -> Path | None:
        """The version `CURRENT` names, or None when it is missing or damaged."""
        try:
            name = (self.base / POINTER).read_bytes().decode("utf-8").strip()
        except (OSError, UnicodeDecodeError):
            return None
        path = self.base / name
        return path if _VERSION_NAME.fullmatch(name) and path.is_dir() else None


def _folder_name(config: KBConfig) -> str:
    """The KB's own folder in a cache folder that serves every KB: a hash of its path."""
    return "search-" + hashlib.sha1(str(config.root).encode("utf-8")).hexdigest()[:16]
