"""The agents' site: page HTML and rendering helpers, independent of MkDocs.

`kb.site.plugin` wires these into MkDocs; everything here takes a loaded KB and
returns HTML, so it can be tested and reused without a site build.
"""

from __future__ import annotations

from .context import Site
from .labels import labels
from .render import clean_text, diff_html, safe_title, sanitize

__all__ = ["Site", "clean_text", "diff_html", "labels", "safe_title", "sanitize"]
