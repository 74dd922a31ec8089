"""Extra site pages for owners and trainers, under the "보고서" section.

The site plugin calls `pages(kb, today)` and adds each page to the site and
its navigation. The training page carries its own print style so that it
prints cleanly on A4 for a session: no header, navigation or search, one
change never split across pages, the quiz on a page of its own.
"""

from __future__ import annotations

import calendar
from datetime import date

from . import changes as changes_mod
from . import upkeep
from .model import KB

UPKEEP_PAGE = "reports/upkeep.md"
CHANGES_PAGE = "reports/changes.md"

PRINT_CSS = """<style>
@page { size: A4; margin: 16mm 14mm; }
.md-typeset del { color: #b3261e; }
.md-typeset ins { color: #1a7f37; text-decoration: none; font-weight: 600; }
@media print {
  .md-header, .md-tabs, .md-sidebar, .md-footer, .md-search, .md-top,
  .md-content__button, .md-source, .md-dialog, .md-banner,
  .md-announce { display: none !important; }
  .md-main__inner, .md-content, .md-content__inner, .md-grid {
    margin: 0 !important; padding: 0 !important; max-width: none !important;
  }
  body, .md-typeset { font-size: 10.5pt; line-height: 1.5; color: #000; }
  .md-typeset h1 { font-size: 17pt; margin: 0 0 6pt; }
  .md-typeset h2 { font-size: 13pt; margin: 12pt 0 4pt; }
  .md-typeset p, .md-typeset ul, .md-typeset ol, .md-typeset li,
  .md-typeset table, .md-typeset tr { break-inside: avoid; }
  .md-typeset h2, .md-typeset h3 { break-after: avoid; }
  .kb-page-break { break-before: page; }
  .md-typeset a { color: inherit; text-decoration: none; }
}
</style>"""


def month_of(today: date) -> tuple[date, date]:
    last = calendar.monthrange(today.year, today.month)[1]
    return today.replace(day=1), today.replace(day=last)


def upkeep_page(kb: KB, today: date) -> str:
    return upkeep.as_markdown(upkeep.upkeep(kb, today))


def changes_page(kb: KB, today: date) -> str:
    since, until = month_of(today)
    result = changes_mod.changes(kb, since, until)
    body = changes_mod.as_markdown(result, kb, html=True, title="이번 달 변경 사항")
    return PRINT_CSS + "\n\n" + body


def pages(kb: KB, today: date) -> list[tuple[str, str, str]]:
    """(path relative to docs_dir, nav title, Markdown) for each extra page."""
    return [
        (CHANGES_PAGE, "이번 달 변경 사항", changes_page(kb, today)),
        (UPKEEP_PAGE, "유지 관리 보고서", upkeep_page(kb, today)),
    ]
