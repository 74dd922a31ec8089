"""What every generated page needs: the KB, the date, labels, URLs and caches."""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as etree
from datetime import date
from urllib.parse import unquote

from .. import rules
from ..load import inline_citation
from ..model import KB, Answer, Citation, Clause, Version
from ..owner.impact import reliance_index
from .labels import labels
from .render import ROOT, KBMarkdown, clean_text
from .tags import tag_tree

POLICIES_DIR = "policies"
TAGS_DIR = "tags"


def page_url(src_uri: str, use_directory_urls: bool = True) -> str:
    """The URL MkDocs gives a page (used before MkDocs has made its File)."""
    stem = src_uri[:-3] if src_uri.endswith(".md") else src_uri
    if not use_directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    return stem[: -len("index")] if stem.endswith("/index") else stem + "/"


class Site:
    """The KB as the site shows it on `today`."""

    def __init__(self, kb: KB, today: date, language: str = "ko", use_directory_urls=True):
        self.kb = kb
        self.today = today
        self.language = language
        self.t = labels(language)
        self.use_directory_urls = use_directory_urls
        self.reliance = reliance_index(kb)
        self.answers = sorted(
            (a for a in kb.answers if a.published and a.id and a.title),
            key=lambda a: (a.title, a.id),
        )
        self.tags = tag_tree(self.answers)
        self.urls: dict[str, str] = {}  # src_uri -> URL, from MkDocs' files once known
        self.md = KBMarkdown(self._ref, self._resolve)
        self._on = today
        self._doc = ""  # docs-relative path of the text being rendered, for its links
        self._clause_html: dict[str, str] = {}
        self._answer_html: dict[str, tuple[str, str]] = {}

    # --- where things are -----------------------------------------------------

    def url(self, src_uri: str) -> str:
        if src_uri not in self.urls:
            self.urls[src_uri] = page_url(src_uri, self.use_directory_urls)
        return self.urls[src_uri]

    def href(self, src_uri: str, fragment: str = "") -> str:
        return ROOT + self.url(src_uri) + (f"#{fragment}" if fragment else "")

    def policy_src(self, policy_id: str) -> str:
        return f"{POLICIES_DIR}/{policy_id.lower()}.md"

    def clause_url(self, clause: Clause) -> str:
        """The clause's place on its policy page, relative to the site's root."""
        return f"{self.url(self.policy_src(clause.policy_id))}#{clause.anchor}"

    def clause_href(self, clause: Clause) -> str:
        return self.href(self.policy_src(clause.policy_id), clause.anchor)

    def answer_href(self, answer: Answer) -> str:
        return self.href(answer.doc_path)

    def tag_src(self, tag) -> str:
        return f"{TAGS_DIR}/{tag.slug}.md"

    # --- states -------------------------------------------------------------

    def state(self, clause: Clause) -> str:
        return rules.state(self.kb, clause, self.today)

    def problem(self, citation: Citation, on: date | None = None) -> tuple[str, str] | None:
        return rules.citation_problem(self.kb, citation, on or self.today)

    def answer_problems(self, answer: Answer) -> list[tuple[Citation, str, str]]:
        on = rules.check_date(answer, self.today)
        found = []
        for citation in answer.cites + answer.refs:
            problem = self.problem(citation, on)
            if problem is not None:
                found.append((citation, *problem))
        return found

    # --- rendered KB text -------------------------------------------------------

    def _ref(self, clause_id: str, pin: str | None, raw: str) -> etree.Element:
        """An inline `[[CLAUSE]]`: a link titled with the clause, flagged when broken."""
        citation = inline_citation(raw, 0, clause_id, pin)
        problem = self.problem(citation, self._on)
        clause = self.kb.clauses.get(clause_id)
        el = etree.Element("a", {"class": "kb-ref"})
        el.text = clause_id + (f"@{pin}" if pin is not None else "")
        if clause is not None:
            el.set("href", self.clause_href(clause))
            el.set("title", clause.title)
            el.set("data-copy-as", clause.title)
        else:
            el.set("data-copy-as", "")
        if problem is not None:
            el.set("class", "kb-ref kb-broken")
            el.set("title", f"{self.t['broken']}: {problem[1]}")
            flag = etree.SubElement(el, "span", {"class": "kb-flag"})
            flag.text = "⚠ " + self.t.get("code_" + problem[0], problem[0])
        return el

    def _resolve(self, href: str) -> str:
        """`../manuals/tone.md#x` in KB text -> the page MkDocs makes of that file."""
        path, _, fragment = href.partition("#")
        if not path.endswith(".md") or ":" in path or path.startswith("/"):
            return href
        target = posixpath.normpath(posixpath.join(posixpath.dirname(self._doc), unquote(path)))
        if target not in self.urls:
            return href
        return ROOT + self.urls[target] + (f"#{fragment}" if fragment else "")

    def render(self, text: str, on: date | None = None, doc: str = "") -> str:
        self._on, self._doc = on or self.today, doc
        try:
            return self.md.convert(text)
        finally:
            self._on, self._doc = self.today, ""

    def plain(self, text: str) -> str:
        """Markdown as the reader sees it, for comparing versions without markup noise."""
        return clean_text(self.render(text))

    def in_force(self, clause: Clause, on: date | None = None) -> Version:
        """The version agents follow on `on` (today): never a scheduled one (SPEC §4).

        A clause not yet in force at all shows its first version.
        """
        return rules.shown(clause, on or self.today)

    def clause_html(self, clause: Clause, on: date | None = None) -> str:
        return self.version_html(clause, self.in_force(clause, on))

    def version_html(self, clause: Clause, version: Version) -> str:
        key = f"{clause.id}@{version.version}@{version.effective}"  # a broken file may repeat N
        if key not in self._clause_html:
            self._clause_html[key] = self.render(version.text)
        return self._clause_html[key]

    def answer_html(self, answer: Answer) -> tuple[str, str]:
        """(HTML to show, clean text to copy) of an answer's body."""
        if answer.id not in self._answer_html:
            shown = self.render(answer.body, rules.check_date(answer, self.today), answer.doc_path)
            self._answer_html[answer.id] = (shown, clean_text(shown))
        return self._answer_html[answer.id]
