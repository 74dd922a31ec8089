"""What a built page would run: elements and attributes that came from KB content.

The attack tests put a marker (`alert(`, `__xss`) in every hostile value; a
page is safe when, parsed as a browser's tokenizer would, no event-handler
attribute, script-scheme URL, refresh or script text carries
it, and no element carries the payloads' own `data-xss` attribute. Escaped
text that merely shows the payload is fine: it runs nothing.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

MARKERS = ("alert(", "__xss", "prompt(", "confirm(")
# Browsers drop tabs, newlines and leading controls from a URL before reading its scheme.
_SCRIPT_URL = re.compile(r"^(?:javascript:|vbscript:|data:text/html)", re.I)
_URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcdoc"}


class _Inspector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.script: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}={value!r}>")
            elif name in _URL_ATTRS and (_script_url(value) or _marked(value)):
                self.found.append(f"<{tag} {name}={value!r}>")
            elif name == "http-equiv" and value.lower() == "refresh":
                self.found.append(f"<{tag} http-equiv=refresh>")
        if any(name == "data-xss" for name, _ in attrs):
            self.found.append(f"<{tag} data-xss>")  # an element that came from content
        if tag in ("script", "iframe", "object", "embed", "base"):
            self.script = []
            if tag != "script":
                self.found.append(f"<{tag}>")

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        if self.script is not None:
            self.script.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self.script is not None:
            text = "".join(self.script)
            if _marked(text):
                self.found.append(f"<script>{text[:80]!r}")
            self.script = None


def _script_url(value: str) -> bool:
    return bool(_SCRIPT_URL.match(re.sub(r"[\x00-\x20]", "", value)))


def _marked(text: str) -> bool:
    return any(marker in text for marker in MARKERS)


def injected(page_html: str) -> list[str]:
    """The script-running pieces of a page that came from content (empty when safe)."""
    parser = _Inspector()
    parser.feed(page_html)
    parser.close()
    return parser.found


def injected_in_site(site: Path) -> dict[str, list[str]]:
    """Every built HTML page (and any other document a browser would run) with what it runs."""
    found = {}
    for path in sorted(site.rglob("*")):
        if not path.is_file() or path.suffix.lower() not in (".html", ".htm", ".svg", ".xml"):
            continue  # (a tag page's folder may end in ".html")
        problems = injected(path.read_text(encoding="utf-8", errors="replace"))
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix.lower() in (".svg", ".xml") and "<script" in text:
            problems.append("<script> in a published document")
        if problems:
            found[str(path.relative_to(site))] = problems
    return found
