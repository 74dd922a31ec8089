"""Extra site pages for owners and trainers, under the "보고서" section.

The site plugin calls `pages(kb, today)` and adds each page to the site, and
`nav(pages)` for their place in the navigation. Trainers get one page per
month (the last twelve and the next one, `kb changes --month` for each), so
that early in a month last month's pack is still a click away. Each prints
cleanly on A4 for a session with assets/reports/print.css (no navigation, no
paragraph or list split across pages, the quiz and its answer key on sheets
of their own): the site adds that file to every page, and its rules apply
only where the page's marker is.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..messages import t
from ..model import KB
from ..owner import changes as changes_mod
from ..owner import pack, upkeep

UPKEEP_PAGE = "reports/upkeep.md"
CHANGES_DIR = "reports/changes"

# The training page's print style lives in this file; the page carries only
# the marker it applies to (see the file's header).
PRINT_CSS_FILE = Path(__file__).parent / "assets" / "reports" / "print.css"
MARKER = '<div class="kb-training"></div>'


def upkeep_page(kb: KB, today: date) -> str:
    return upkeep.as_markdown(upkeep.upkeep(kb, today))


def month_src(first: date) -> str:
    return f"{CHANGES_DIR}/{first:%Y-%m}.md"


def month_title(first: date, today: date) -> str:
    """The nav title: `2026년 12월 (이번 달)`, `2027년 1월 (예정)`."""
    this = today.replace(day=1)
    if first == this:
        when = t("reports.this_month")
    else:
        when = t("reports.scheduled") if first > this else ""
    return changes_mod.month_label(first) + when


def month_pages(kb: KB, today: date) -> list[tuple[str, str, str]]:
    found = changes_mod.monthly(kb, changes_mod.recent_months(today))
    plain = pack.Plain(kb)
    pages = []
    for first, result in found.items():
        title = t("changes.month_title", first=changes_mod.month_label(first))
        body = pack.as_markdown(result, kb, html=True, title=title, plain=plain)
        pages.append((month_src(first), month_title(first, today), MARKER + "\n\n" + body))
    return pages


def pages(kb: KB, today: date) -> list[tuple[str, str, str]]:
    """(path relative to docs_dir, nav title, Markdown) for each extra page."""
    return [*month_pages(kb, today), (UPKEEP_PAGE, t("reports.pages"), upkeep_page(kb, today))]


def nav(found: list[tuple[str, str, str]]) -> list[dict]:
    """The 보고서 section: the monthly pages in a section of their own, newest first."""
    months = [{title: path} for path, title, _ in found if path.startswith(CHANGES_DIR + "/")]
    rest = [{title: path} for path, title, _ in found if not path.startswith(CHANGES_DIR + "/")]
    return ([{t("reports.months_section"): months}] if months else []) + rest
