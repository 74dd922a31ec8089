"""The theme settings every KB's site gets, whatever its mkdocs.yml says.

Agents keep the site open on company networks that often cannot reach the
internet: Material's default asks Google Fonts for Roboto on every page (and
the page waits for it), a font that has no Hangul anyway. So the site uses
the system's fonts (the Korean stack is in assets/site/kb.css), and drops
the "Made with Material for MkDocs" line, which is noise to an agent.
"""

from __future__ import annotations

import logging

from ..messages import t

log = logging.getLogger("mkdocs.plugins.kb")


def quiet_theme(config) -> None:
    """No font CDN, no generator credit (Material only; other themes are left alone)."""
    theme = config.theme
    if theme.name != "material":
        return
    if theme.get("font") not in (False, None):
        log.info(t("theme.font_ignored"))
    theme["font"] = False
    config.extra["generator"] = False
