"""Extra generated site pages for owners and trainers (stub: owned by the workflow work).

The site plugin calls `pages(kb, today)` and adds each returned page to the
site and its navigation, under a "보고서" section.
"""

from __future__ import annotations

from datetime import date

from .model import KB


def pages(kb: KB, today: date) -> list[tuple[str, str, str]]:
    """(path relative to docs_dir, nav title, Markdown) for each extra page."""
    return []
