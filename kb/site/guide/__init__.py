"""The 작성 가이드 page: the KB format reference, in every KB's site.

The text is format.md beside this file, the same page the repository's
README links to, so owners read one reference wherever they look. A KB
that has its own docs/writing-guide.md keeps it: the plugin adds this page
only where the path is free.
"""

from __future__ import annotations

from pathlib import Path

from ...messages import t

SRC = "writing-guide.md"
FILE = Path(__file__).parent / "format.md"


def title() -> str:
    return t("site.guide_title")


def markdown() -> str:
    return FILE.read_text(encoding="utf-8")
