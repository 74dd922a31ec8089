"""Turn KB Markdown into HTML that cannot run script, and into text to send.

Answers and clause texts are rendered with our own Python-Markdown instance
in which raw HTML is switched off (a `<script>` shows as text), links with
a script scheme lose their target, `[[CLAUSE]]` becomes a link to the clause
and `{{placeholder}}` is highlighted. Pages MkDocs renders itself (manuals,
reports) go through `sanitize`, which keeps ordinary HTML and drops script.

Links we generate start with ROOT, a marker replaced per page by the path to
the site root, so rendered fragments can be cached and reused on any page.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from html.parser import HTMLParser

import markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor

from ..load import INLINE_PATTERN
from ..phrases import MARKER
from ..text import word_diff

ROOT = "\ue000/"  # private-use character: never produced by escaped KB text
PLACEHOLDER = re.compile(r"\{\{\s*([^{}\n]{1,40}?)\s*\}\}")
SAFE_SCHEMES = {"http", "https", "mailto", "tel"}
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")


def root_prefix(page_url: str) -> str:
    """The relative path from a page's URL to the site root ("../../")."""
    return "../" * page_url.count("/") or "./"


def localize(fragment: str, page_url: str) -> str:
    return fragment.replace(ROOT, root_prefix(page_url))


def safe_url(url: str) -> bool:
    """False for javascript:, data: and other schemes a link must not use."""
    cleaned = re.sub(r"[\x00-\x20\x7f]", "", html.unescape(url))
    match = _SCHEME.match(cleaned)
    return match is None or match[1].lower() in SAFE_SCHEMES


def safe_title(title: str | None) -> str:
    """A title themes may print unescaped: no character that starts markup."""
    if title is None:
        return ""
    return title.replace("&", "＆").replace("<", "＜").replace(">", "＞")


# --- Markdown with raw HTML off -----------------------------------------------

RefRenderer = Callable[[str, str | None, str], etree.Element]


class _RefPattern(InlineProcessor):
    """`[[CLAUSE]]` / `[[CLAUSE@N]]` -> whatever the page's ref renderer returns."""

    def __init__(self, renderer: KBMarkdown):
        super().__init__(INLINE_PATTERN.pattern)
        self.renderer = renderer

    def handleMatch(self, m, data):  # noqa: N802 - Python-Markdown's name
        return self.renderer.ref(m[1], m[2], m[0]), m.start(0), m.end(0)


class _PlaceholderPattern(InlineProcessor):
    def __init__(self):
        super().__init__(PLACEHOLDER.pattern)

    def handleMatch(self, m, data):  # noqa: N802
        mark = etree.Element("mark", {"class": "kb-ph"})
        mark.text = m[0]
        return mark, m.start(0), m.end(0)


class _MarkerPattern(InlineProcessor):
    """`<!-- kb: 이전 값 -->` is a note to the check (kb.phrases), never text for a customer."""

    def __init__(self):
        super().__init__(r"[ \t]{0,20}" + MARKER.pattern)

    def handleMatch(self, m, data):  # noqa: N802
        return "", m.start(0), m.end(0)


class _LinkGuard(Treeprocessor):
    """Drop targets with a scheme that could run script; point `.md` links at their pages."""

    def __init__(self, md, renderer: KBMarkdown):
        super().__init__(md)
        self.renderer = renderer

    def run(self, root):
        for el in root.iter():
            for attr in ("href", "src"):
                value = el.get(attr)
                if value is None or value.startswith(ROOT):
                    continue
                if not safe_url(value):
                    del el.attrib[attr]
                elif self.renderer.resolve is not None:
                    el.set(attr, self.renderer.resolve(value))


class _KBExtension(Extension):
    def __init__(self, renderer: KBMarkdown):
        super().__init__()
        self.renderer = renderer

    def extendMarkdown(self, md):  # noqa: N802
        # Raw HTML off: blocks and inline tags are escaped as text.
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        # Above links (160) so `[[X]]` is not read as a reference link; below code (190).
        md.inlinePatterns.register(_RefPattern(self.renderer), "kb_ref", 175)
        md.inlinePatterns.register(_PlaceholderPattern(), "kb_placeholder", 174)
        md.inlinePatterns.register(_MarkerPattern(), "kb_marker", 176)
        md.treeprocessors.register(_LinkGuard(md, self.renderer), "kb_link_guard", 0)


class KBMarkdown:
    """Markdown -> safe HTML for KB text; `ref` renders inline references."""

    def __init__(self, ref: RefRenderer, resolve: Callable[[str], str] | None = None):
        self._ref = ref
        self.resolve = resolve  # a relative link -> the link to use in the site
        self.md = markdown.Markdown(
            extensions=["tables", "fenced_code", "sane_lists", "nl2br", _KBExtension(self)],
            output_format="html",
        )

    def ref(self, clause_id: str, pin: str | None, raw: str) -> etree.Element:
        return self._ref(clause_id, pin, raw)

    def convert(self, text: str) -> str:
        self.md.reset()
        return self.md.convert(text or "")


# --- clean text for the copy button -------------------------------------------

_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "hr"}


class _TextExtractor(HTMLParser):
    """Rendered answer HTML -> the text a customer reads in a chat window."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.lists: list[list] = []  # [tag, counter]
        self.pre = 0
        self.skip = 0
        self.links: list[str | None] = []
        self.cells: list[int] = []  # per open table row: cells seen so far
        self.in_cell = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.skip or tag in ("script", "style"):
            self.skip += tag in ("script", "style")
            return
        if tag in _BLOCKS:
            self.out.append("\n\n")
            self.pre += tag == "pre"
        elif tag in ("ul", "ol"):
            self.out.append("\n" if self.lists else "\n\n")
            self.lists.append([tag, 0])
        elif tag == "li" and self.lists:
            kind = self.lists[-1]
            kind[1] += 1
            bullet = f"{kind[1]}. " if kind[0] == "ol" else "• "
            self.out.append("\n" + "  " * (len(self.lists) - 1) + bullet)
        elif tag == "br":
            self.out.append("\n")
        elif tag == "tr":
            self.out.append("\n")
            self.cells.append(0)
        elif tag in ("td", "th") and self.cells:
            self.out.append("\t" if self.cells[-1] else "")
            self.cells[-1] += 1
            self.in_cell = True
        elif tag == "img" and attrs.get("alt"):
            self.out.append(attrs["alt"])
        elif tag == "a":
            self._start_link(attrs)

    def _start_link(self, attrs: dict) -> None:
        if "data-copy-as" in attrs:  # an inline clause reference: its title, not its id
            self.out.append(attrs["data-copy-as"])
            self.skip += 1
            self.links.append("skip")
            return
        href = attrs.get("href") or ""
        external = href.startswith(("http://", "https://", "mailto:", "tel:"))
        self.links.append(href if external else None)
        self.out.append("\x00")  # where the link text starts

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1
            return
        if tag == "a" and self.links:
            self._end_link(self.links.pop())
            return
        if self.skip:
            return
        if tag in _BLOCKS:
            self.pre -= tag == "pre"
            self.out.append("\n\n")
        elif tag == "tr" and self.cells:
            self.cells.pop()
        elif tag in ("td", "th"):
            self.in_cell = False
        elif tag in ("ul", "ol") and self.lists:
            self.lists.pop()
            self.out.append("\n" if self.lists else "\n\n")

    def _end_link(self, href: str | None) -> None:
        if href == "skip":
            self.skip -= 1
            return
        start = len(self.out) - 1 - self.out[::-1].index("\x00")
        text = "".join(self.out[start + 1 :])
        del self.out[start]
        shown = href.split(":", 1)[1] if href and href.startswith(("mailto:", "tel:")) else href
        if shown and shown.strip() != text.strip():
            self.out.append(f" ({shown})")

    def handle_data(self, data):
        if self.skip or (self.cells and not self.in_cell):
            return  # whitespace between table tags
        if not self.pre:
            data = re.sub(r"\s*\n\s*", " ", data)
            if not self.out or self.out[-1].endswith("\n"):
                data = data.lstrip()  # the line break is already there
        self.out.append(data)

    def text(self) -> str:
        raw = "".join(self.out).replace("\x00", "")
        lines = [line.rstrip() for line in raw.split("\n")]
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n").strip()


def clean_text(rendered_html: str) -> str:
    """The customer-readable text of rendered answer HTML: no Markdown, no tags."""
    parser = _TextExtractor()
    parser.feed(rendered_html)
    parser.close()
    return re.sub(r"[ \t]+\n", "\n", parser.text())


# --- sanitising HTML that MkDocs rendered -------------------------------------

_DROP_WITH_CONTENT = {
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet",
    "noscript", "template", "noembed", "noframes", "xmp", "plaintext",
}  # fmt: skip
_DROP_TAG = {"base", "meta", "link", "form", "set", "animate", "handler", "listener"}
_URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "poster", "background", "data"}
_VOID = {"area", "br", "col", "hr", "img", "input", "source", "track", "wbr", "embed"}


class _Sanitizer(HTMLParser):
    """Re-emit HTML keeping ordinary markup; everything else is dropped or escaped."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.dropping: list[str] = []

    def _attrs(self, tag: str, attrs) -> str:
        kept = []
        for name, value in attrs:
            name = name.lower()
            if name.startswith("on") or name in ("srcdoc", "formaction"):
                continue
            if value is not None and name in _URL_ATTRS and not _url_ok(tag, name, value):
                continue
            if value is None:
                kept.append(f" {name}")
            else:
                kept.append(f' {name}="{html.escape(value, quote=True)}"')
        return "".join(kept)

    def handle_starttag(self, tag, attrs):
        self._start(tag, attrs, closed=False)

    def handle_startendtag(self, tag, attrs):
        self._start(tag, attrs, closed=True)

    def _start(self, tag: str, attrs, closed: bool) -> None:
        if self.dropping:
            if tag == self.dropping[-1] and not closed:
                self.dropping.append(tag)
            return
        if tag in _DROP_WITH_CONTENT:
            if not closed and tag not in _VOID:
                self.dropping.append(tag)
            return
        if tag in _DROP_TAG:
            return
        self.out.append(f"<{tag}{self._attrs(tag, attrs)}{' /' if closed else ''}>")

    def handle_endtag(self, tag):
        if self.dropping:
            if tag == self.dropping[-1]:
                self.dropping.pop()
            return
        if tag not in _DROP_TAG and tag not in _DROP_WITH_CONTENT and tag not in _VOID:
            self.out.append(f"</{tag}>")

    def handle_data(self, data):
        if not self.dropping:
            self.out.append(html.escape(data, quote=False))


def _url_ok(tag: str, name: str, value: str) -> bool:
    if tag == "img" and name == "src" and value.strip().lower().startswith("data:image/"):
        return True
    return safe_url(value)


def sanitize(fragment: str) -> str:
    """HTML with scripts, event handlers and script URLs removed."""
    parser = _Sanitizer()
    parser.feed(fragment)
    parser.close()
    return "".join(parser.out)


# --- readable differences between versions ------------------------------------

_DIFF_TAGS = {"=": "{}", "-": "<del>{}</del>", "+": "<ins>{}</ins>"}


def diff_html(old: str, new: str) -> str:
    """Word-level difference of two texts as HTML with <del> and <ins> (kb.text's diff)."""
    runs = word_diff(old.strip(), new.strip())
    return "".join(_DIFF_TAGS[op].format(html.escape(text)) for op, text in runs)
