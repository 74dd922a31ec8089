"""A manual page's front matter as the theme may see it: known keys only, values made safe.

Material prints `page.meta.title`, `description` and `subtitle` unescaped, puts
`status` in a class attribute and `icon` in a template path, and lets
`template` pick the page's template. So the page's metadata is rebuilt from
the keys in `kb.frontmatter.MANUAL_KEYS`, each through its own cleaner; every
other key (`template`, `location`, ...) is dropped before any template runs.
"""

from __future__ import annotations

import html

from ..frontmatter import ICON_VALUE, STATUS_VALUE
from .render import safe_title

HIDE = frozenset({"navigation", "toc", "footer", "feedback", "path", "tags"})


def _text(value) -> str | None:
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    return str(value)


def _title(value) -> str | None:
    text = _text(value)
    return None if text is None else safe_title(text)


def _attribute(value) -> str | None:
    """Text for `content="..."`: the theme adds no escaping of its own."""
    text = _text(value)
    return None if text is None else html.escape(text, quote=True)


def _hide(value) -> list | None:
    if not isinstance(value, list):
        return None
    return [item for item in value if isinstance(item, str) and item in HIDE]


def _search(value) -> dict | None:
    if not isinstance(value, dict):
        return None
    kept = {}
    if isinstance(value.get("exclude"), bool):
        kept["exclude"] = value["exclude"]
    boost = value.get("boost")
    if isinstance(boost, (int, float)) and not isinstance(boost, bool):
        kept["boost"] = boost
    return kept


def _tags(value) -> list | None:
    if not isinstance(value, list):
        return None
    return [safe_title(str(tag)) for tag in value if _text(tag) is not None]


def _matching(pattern):
    def clean(value) -> str | None:
        return value if isinstance(value, str) and pattern.fullmatch(value) else None

    return clean


# One entry per key of kb.frontmatter.MANUAL_KEYS (a test holds them equal).
CLEANERS = {
    "title": _title,
    "subtitle": _title,
    "description": _attribute,
    "author": _attribute,
    "hide": _hide,
    "search": _search,
    "tags": _tags,
    "status": _matching(STATUS_VALUE),
    "icon": _matching(ICON_VALUE),
}


def site_meta(meta: dict) -> dict:
    """The metadata the theme gets for a page whose front matter is `meta`."""
    safe = {}
    for key, value in (meta or {}).items():
        cleaner = CLEANERS.get(key) if isinstance(key, str) else None
        clean = cleaner(value) if cleaner is not None else None
        if clean is not None:
            safe[key] = clean
    return safe
