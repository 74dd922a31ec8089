"""Import whoosh without the modules a search never uses.

`kb search` runs once per chat message, so its start-up is most of its
time. At import, whoosh pulls in `urllib.request` (for a download helper)
and the `cached_property` package, which imports asyncio: about 90 ms of a
400 ms search process, for nothing a search calls. Before whoosh's first
import we point `cached_property` at the standard library's equivalent and
give `whoosh.compat` a `urllib.request` stand-in whose `urlretrieve` imports
the real module when called; the stand-in is removed at once, so any later
`import urllib.request` gets the real module.

Only the `kb search` command calls this, in its own short-lived process:
never a library import, so `mkdocs build` and other plugins in the same
process keep the real `cached_property` package.
"""

from __future__ import annotations

import functools
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
    if "urllib.request" in sys.modules:
        import whoosh.compat  # noqa: F401
        return
    stand_in = types.ModuleType("urllib.request")
    stand_in.__dict__["urlretrieve"] = _lazy_urlretrieve
    sys.modules["urllib.request"] = stand_in
    try:
        import whoosh.compat  # noqa: F401
    finally:
        if sys.modules.get("urllib.request") is stand_in:
            del sys.modules["urllib.request"]

