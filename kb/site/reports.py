"""Extra site pages for owners and trainers, under the "보고서" section.

The site plugin calls `pages(kb, today)` and adds each page to the site and
its navigation. The training page prints cleanly on A4 for a session with
assets/reports/print.css (no navigation, no paragraph or list split across
pages, the quiz on a sheet of its own): the site adds that file to every
page, and its rules apply only where the page's marker is.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..model import KB
from ..owner import changes as changes_mod
from ..owner import upkeep

UPKEEP_PAGE = "reports/upkeep.md"
CHANGES_PAGE = "reports/changes.md"

# The training page's print style lives in this file; the page carries only
# the marker it applies to (see the file's header).
PRINT_CSS_FILE = Path(__file__).parent / "assets" / "reports" / "print.css"
MARKER = '<div class="kb-training"></div>'


def upkeep_page(kb: KB, today: date) -> str:
    return upkeep.as_markdown(upkeep.upkeep(kb, today))


def changes_page(kb: KB, today: date) -> str:
    since, until = changes_mod.month_of(today)
    result = changes_mod.changes(kb, since, until)
    body = changes_mod.as_markdown(result, kb, html=True, title="이번 달 변경 사항")
    return MARKER + "\n\n" + body


def pages(kb: KB, today: date) -> list[tuple[str, str, str]]:
    """(path relative to docs_dir, nav title, Markdown) for each extra page."""
    return [
        (CHANGES_PAGE, "이번 달 변경 사항", changes_page(kb, today)),
        (UPKEEP_PAGE, "유지 관리 보고서", upkeep_page(kb, today)),
    ]
