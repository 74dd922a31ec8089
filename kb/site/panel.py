"""`/panel/`: the search box alone, 360 px wide, for a chat tool's side panel.

Happytalk's custom iframe tab or a Channel Talk app shows this page next to
the conversation: a search box, results with a copy button and the
placeholder fill-in, nothing else. It asks `kb api` when one is named (the
kb plugin's `panel_api`, or `?api=URL` on the page's address) and falls back
to the site's own static index when there is none or it does not answer.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from .. import messages
from ..messages import t

PANEL_DIR = "panel"


def write(site_dir: Path, site_name: str, api: str | None) -> Path:
    """Write panel/index.html; the scripts and styles are the site's own."""
    target = site_dir / PANEL_DIR / "index.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(_page(site_name, api), encoding="utf-8")
    return target


def _page(site_name: str, api: str | None) -> str:
    # The API address reaches a script: JSON-encoded, and "</" cannot close the tag.
    default_api = json.dumps(api or "").replace("</", "<\\/")
    title = html.escape(t("panel.page", site_name=site_name))
    return f"""<!doctype html>
<html lang="{messages.current()}" data-kb-panel>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>{title}</title>
<link rel="stylesheet" href="../assets/kb/kb.css">
<link rel="stylesheet" href="../assets/kb/search/search.css">
<style>
  body {{ margin: 0; max-width: 360px; font: 14px/1.5 system-ui, "Noto Sans KR",
         "Apple SD Gothic Neo", "Malgun Gothic", sans-serif; color: #222; }}
  .kb-panel__head {{ padding: 8px 10px 0; font-size: 12px; color: #666; }}
  [data-kb-panel] .kb-search-bar {{ position: sticky; top: 0; background: #fff;
         padding: 8px 10px; box-shadow: 0 1px 2px rgba(0,0,0,.12); z-index: 2; }}
  [data-kb-panel] .kb-search {{ width: 100%; }}
  [data-kb-panel] .kb-search__input {{ width: 100%; box-sizing: border-box; }}
  [data-kb-panel] .kb-search__panel {{ position: static; width: auto; max-height: none;
         box-shadow: none; border: 0; }}
</style>
<script>
  (function () {{
    var asked = new URLSearchParams(location.search).get("api");
    var api = asked || {default_api};
    /* Only a web address: ?api= comes from whoever wrote the link. */
    if (/^https?:\\/\\/[^\\s]+$/.test(api || "")) window.KB_API = api.replace(/\\/+$/, "");
  }})();
</script>
</head>
<body>
<p class="kb-panel__head">{title}</p>
<script src="../assets/kb/kb.js"></script>
<script src="../assets/kb/search/words.js"></script>
<script src="../assets/kb/search/fill.js"></script>
<script src="../assets/kb/search/search.js"></script>
</body>
</html>
"""
