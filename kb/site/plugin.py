"""The `kb` MkDocs plugin: the KB as the site agents keep open beside the chat.

Policy, tag and index pages are virtual files (nothing is written into the
KB's folders); answer files stay MkDocs pages but are kept out of the
navigation, because MkDocs renders the whole nav into every page and one
entry per answer makes a build grow with the square of the KB. Their HTML
comes from `kb.site`, rendered with raw HTML switched off.
"""

from __future__ import annotations

import html as htmllib
import json
import logging
import os
import re
import shutil
import tempfile
import threading
import time
import xml.etree.ElementTree as etree
from datetime import date
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.toc import AnchorLink, get_toc
from mkdocs.utils import clean_directory, nest_paths

from .. import messages, sources, yamlsrc
from ..check import Report, check
from ..config import KBConfig, read_config
from ..confine import Fence, active_file
from ..errors import KBError
from ..load import CODE_PATTERN, INLINE_PATTERN, load, names_a_file
from ..messages import t
from ..model import ERROR
from ..report import as_text
from . import guide, incremental, pages, panel
from . import reports as site_reports
from . import search as sitesearch
from .context import POLICIES_DIR, TAGS_DIR, Site
from .meta import site_meta
from .render import localize, safe_title, sanitize
from .tags import top_level
from .theme import quiet_theme

log = logging.getLogger("mkdocs.plugins.kb")

ASSETS = Path(__file__).parent / "assets" / "site"
ASSET_FILES = ("kb.css", "kb.js")
NAV_TAG_LIMIT = 12  # more top-level tags than this: only the tag index is in the nav
NAV_POLICY_LIMIT = 15
PRUNE_FROM = 500  # answers; from here on Material renders only the visible part of the nav


class KBPluginConfig(Config):
    policies_dir = config_options.Type(str, default="policies")
    answers_dir = config_options.Type(str, default="answers")
    # Build even when `kb check` finds errors, marking them on the pages.
    allow_errors = config_options.Type(bool, default=False)
    # Show the site as on this date (YYYY-MM-DD) instead of today.
    as_of = config_options.Optional(config_options.Type(str))
    # Personal-data look-alikes the PII lint accepts (literals, or /regex/): see kb/pii.py.
    pii_allow = config_options.Type(list, default=[])
    # kb api's log of queries that found no good answer (kb gaps); off unless set.
    gaps_log = config_options.Optional(config_options.Type(str))
    gaps_retention_days = config_options.Type(int, default=90)
    # kb api's address for the side-panel page /panel/ (else ?api=URL, else the static index).
    panel_api = config_options.Optional(config_options.Type(str))
    # Publish .html/.svg/.js files under docs_dir; they can run script (kb.confine).
    publish_html = config_options.Type(bool, default=False)
    # Where `kb search` keeps its index (relative to mkdocs.yml; default .kb-cache/).
    cache_dir = config_options.Optional(config_options.Type(str))


class KBSiteError(PluginError):
    """The KB has check errors and the site was not built."""

    def __init__(self, report: Report):
        errors = sum(1 for f in report.findings if f.severity == ERROR)
        super().__init__(t("plugin.kb_errors", errors=errors, report=as_text(report)))
        self.report = report


class KBPlugin(BasePlugin[KBPluginConfig]):
    site: Site  # made in on_config, which MkDocs runs before every other event

    def __init__(self):
        self.serving = False
        # `serve --dirty` (what `kb serve` runs): re-render only what a change reaches.
        self.incremental = False
        self.kinds: dict[str, tuple] = {}  # src_uri -> (kind, subject)
        self.built: incremental.State | None = None  # what the last good build was made from
        self.pending: incremental.State | None = None
        self.search_writer: threading.Thread | None = None
        self.stop_search = threading.Event()
        self.poke_dir: Path | None = None  # touched to make the server build once more
        self.reports_stale = False  # the report pages served may be older than the KB
        self.poke_sent = False
        self.searched: incremental.State | None = None  # what the search files were made from

    def on_startup(self, *, command, dirty) -> None:
        # MkDocs keeps this instance for the process: nothing from an earlier session.
        self.serving = command == "serve"
        self.incremental = self.serving and dirty
        self.built = self.pending = self.searched = None
        self.poke_dir = None
        self.reports_stale = self.poke_sent = False

    def on_serve(self, server, config, builder):
        if self.incremental:
            self.poke_dir = Path(tempfile.mkdtemp(prefix="kb-serve-"))
            server.watch(str(self.poke_dir))
        return server

    def on_shutdown(self) -> None:
        self._wait_for_search()
        if self.poke_dir is not None:
            shutil.rmtree(self.poke_dir, ignore_errors=True)
            self.poke_dir = None

    # --- config: load and check the KB ----------------------------------------

    def on_config(self, config):
        self._wait_for_search()  # the last build's search files are written before this one
        kb_config = self.kb_config = self._kb_config(config)
        # The site's language is every message's from here on: the findings on its
        # pages too (`kb --lang` / KB_LANG still win, as for every command).
        language = messages.use(_theme_language(config) or kb_config.language)
        self.kb = load(kb_config)
        self.today = self._today()
        self.report = check(self.kb, self.today)
        self.errors = sum(1 for f in self.report.findings if f.severity == ERROR)
        if self.errors and not (self.config.allow_errors or self.serving):
            raise KBSiteError(self.report)
        _refuse_folder_links_out(self.report, kb_config.root)
        if self.errors:
            report = as_text(self.report)
            log.warning(t("plugin.building_anyway", errors=self.errors, report=report))
        self.site = Site(self.kb, self.today, language, config.use_directory_urls)
        self.site_name = config.site_name
        self._prune_nav(config)
        quiet_theme(config)
        config.extra_css.append("assets/kb/kb.css")
        config.extra_css.append("assets/kb/print.css")  # scoped to the training page
        config.extra_javascript.append("assets/kb/kb.js")
        if kb_config.policies_dir.is_dir():
            config.watch.append(str(kb_config.policies_dir))
        sitesearch.configure(config)
        return config

    def _prune_nav(self, config) -> None:
        """Large KBs: the nav in every page is most of a build's time, so prune it."""
        theme = config.theme
        if theme.name != "material" or len(self.site.answers) < PRUNE_FROM:
            return
        features = theme.get("features") or []
        if "navigation.prune" not in features and "navigation.expand" not in features:
            theme["features"] = [*features, "navigation.prune"]
            log.info(t("plugin.prune", answers=len(self.site.answers)))

    def _kb_config(self, config) -> KBConfig:
        """The KB's locations, with this plugin's options winning over mkdocs.yml's text."""
        docs_dir = Path(config.docs_dir)
        if config.config_file_path:
            try:
                kb_config = read_config(config.config_file_path)
            except KBError as exc:
                raise PluginError(str(exc.message)) from None
        else:
            root = docs_dir.parent
            kb_config = KBConfig(root / "mkdocs.yml", root, docs_dir, root, docs_dir)
        kb_config.docs_dir = docs_dir
        kb_config.policies_dir = kb_config.root / self.config.policies_dir
        kb_config.answers_dir = docs_dir / self.config.answers_dir
        kb_config.publish_html = self.config.publish_html
        return kb_config

    def _today(self) -> date:
        if not self.config.as_of:
            return date.today()
        try:
            return date.fromisoformat(self.config.as_of)
        except ValueError:
            raise PluginError(
                f"kb: as_of must be a date (YYYY-MM-DD), not {self.config.as_of!r}"
            ) from None

    # --- files: answers out of the nav, generated pages in ----------------------

    def on_files(self, files: Files, config) -> Files:
        _regular_files_only(files)
        site = self.site
        self.kinds = {}
        self.nav_extra: dict[str, list] = {}
        self._screen_files(files, config)
        self._answer_files(files)
        t = site.t
        # A reserved or overlong id is a check finding; its page cannot exist.
        policies = [p for p in self.kb.policies if p.id and names_a_file(p.id)]
        self._add(files, config, f"{POLICIES_DIR}/index.md", t["policies_index"], ("policies",))
        for policy in policies:
            self._add(files, config, site.policy_src(policy.id), policy.title, ("policy", policy))
        self._add(files, config, f"{TAGS_DIR}/index.md", t["tags_index"], ("tags",), search=False)
        for tag in site.tags.values():
            title = pages.tag_title(site, tag)
            self._add(files, config, site.tag_src(tag), title, ("tag", tag), search=False)
        self.reports = self._reports()
        for path, title, markdown in self.reports:
            self._add(files, config, path, title, ("report",), content=markdown)
        # The format reference renders like a report: Markdown through MkDocs.
        self.guide = files.get_file_from_path(guide.SRC) is None
        if self.guide:
            content = guide.markdown()
            self._add(files, config, guide.SRC, guide.title(), ("report",), content=content)
        if files.get_file_from_path("index.md") is None:
            self._add(files, config, "index.md", config.site_name, ("home",))
        for name in ASSET_FILES:
            files.append(
                File.generated(config, f"assets/kb/{name}", abs_src_path=str(ASSETS / name))
            )
        print_css = str(site_reports.PRINT_CSS_FILE)
        files.append(File.generated(config, "assets/kb/print.css", abs_src_path=print_css))
        site.urls = {f.src_uri: f.url for f in files.documentation_pages()}
        config.nav = self._nav(files, config, policies)
        if self.incremental:
            self._plan(files, config)
        return files

    def _plan(self, files: Files, config) -> None:
        """A dirty build: mark the pages to render again, or clean for a full build."""
        self.pending = incremental.state(
            self.site, self.report, files, config, set(self.kinds), self.reports
        )
        again = incremental.plan(self.built, self.pending)
        if again is None:
            clean_directory(config.site_dir)  # what MkDocs does before a clean build
            self.searched = None
            return
        log.info(t("plugin.render_again", pages=len(again)))
        for file in files.documentation_pages():
            # Hand-written pages always: MkDocs takes their nav titles from them.
            modified = file.src_uri in again or file.src_uri not in self.kinds
            file.is_modified = _always if modified else _never  # type: ignore[method-assign]

    def _reports(self) -> list[tuple[str, str, str]]:
        """The report pages; while serving, the last build's, and a build to follow.

        They take seconds at 2,000 answers (a month page lists every answer a
        change reaches), so a save shows its pages first, then the search files
        are written, and then the build `_poke` asks for makes the reports again
        and re-renders those that changed.
        """
        last, due = self.built, self.poke_sent
        self.poke_sent = False
        if self.poke_dir is None or last is None or last.today != self.today or due:
            self.reports_stale = False
            return site_reports.pages(self.kb, self.today)
        self.reports_stale = True
        return last.reports

    def _screen_files(self, files: Files, config) -> None:
        """Nothing from outside the KB; no file that runs script unless allowed (kb.confine)."""
        docs_dir = os.path.realpath(config.docs_dir)
        fence = Fence(self.kb.root, self.kb.docs_dir, self.kb.policies_dir)
        for file in list(files):
            if file.src_dir is None or os.path.realpath(file.src_dir) != docs_dir:
                continue  # generated, or the theme's own
            active = active_file(file.src_uri) and not self.config.publish_html
            if active or file.abs_src_path is None or not fence.inside(file.abs_src_path):
                files.remove(file)

    def _answer_files(self, files: Files) -> None:
        prefix = self.config.answers_dir.strip("/") + "/"
        published = {a.doc_path: a for a in self.site.answers}
        for file in list(files.documentation_pages()):
            if not file.src_uri.startswith(prefix):
                continue
            answer = published.get(file.src_uri)
            if answer is None:  # retired, or unreadable: not published
                files.remove(file)
                continue
            file.inclusion = InclusionLevel.NOT_IN_NAV
            self.kinds[file.src_uri] = ("answer", answer)

    def _add(self, files, config, src_uri, title, kind, search=True, content=None) -> None:
        if files.get_file_from_path(src_uri) is not None:
            raise PluginError(
                t("plugin.add", src_uri=src_uri)
            )
        if content is None:
            meta: dict[str, object] = {"title": safe_title(title)}
            if not search:
                meta["search"] = {"exclude": True}
            content = "---\n" + json.dumps(meta, ensure_ascii=False) + "\n---\n"
        file = File.generated(config, src_uri, content=content, inclusion=InclusionLevel.NOT_IN_NAV)
        files.append(file)
        self.kinds[src_uri] = kind

    # --- navigation ---------------------------------------------------------------

    def _nav(self, files: Files, config, policies) -> list:
        t = self.site.t
        tags = top_level(self.site.tags)
        answers = [{t["tags_index"]: f"{TAGS_DIR}/index.md"}]
        if len(tags) <= NAV_TAG_LIMIT:
            answers += [{safe_title(x.name): self.site.tag_src(x)} for x in tags]
        policy_nav = [{t["policies_index"]: f"{POLICIES_DIR}/index.md"}]
        if len(policies) <= NAV_POLICY_LIMIT:
            ordered = sorted(policies, key=lambda p: p.title)
            policy_nav += [{safe_title(p.title): self.site.policy_src(p.id)} for p in ordered]
        ours: list[dict[str, object]] = [
            {t["nav_answers"]: answers}, {t["nav_policies"]: policy_nav}
        ]
        if self.reports:
            ours.append({t["nav_reports"]: site_reports.nav(self.reports)})
        if self.guide:
            ours.append({guide.title(): guide.SRC})
        if config.nav is not None:
            return list(config.nav) + ours
        return self._manual_nav(files) + ours

    def _manual_nav(self, files: Files) -> list:
        """MkDocs' automatic nav of the hand-written pages, folder names in the site language."""
        manual = sorted(
            (f for f in files.documentation_pages() if f.src_uri not in self.kinds),
            key=lambda f: (f.src_uri.count("/"), f.name != "index", f.src_uri),
        )
        has_home = "index.md" in self.kinds or any(f.src_uri == "index.md" for f in manual)
        home = [{self.site.t["home"]: "index.md"}] if has_home else []
        rest = nest_paths(f.src_uri for f in manual if f.src_uri != "index.md")
        return home + [self._retitle(item) for item in rest]

    def _retitle(self, item):
        if isinstance(item, dict):
            ((title, children),) = item.items()
            title = self.site.t.get(title.lower(), title)
            return {safe_title(title): [self._retitle(c) for c in children]}
        return item

    # --- pages ----------------------------------------------------------------------

    def on_page_read_source(self, page, config):
        """Hand-written pages are read here, not by MkDocs: see `_page_source`."""
        if page.file.generated_by or not page.file.abs_src_path:
            return None
        return _page_source(page.file.abs_src_path)

    # First, so that no other plugin or template sees front matter the site refuses.
    @event_priority(100)
    def on_page_markdown(self, markdown, page, config, files):
        kind = self.kinds.get(page.file.src_uri)
        if kind is None:
            page.meta = site_meta(page.meta)  # content chooses no template, adds no raw HTML
        if kind is None or kind[0] == "report":
            return self._link_refs(markdown, page.url)
        if kind[0] == "answer":
            page.meta = {"title": safe_title(kind[1].title)}
        return ""  # the HTML comes from kb.site in on_page_content

    # Material's search plugin reads every page for its index, which search.py
    # empties after the build: a fifth of a build's time (a month's report alone
    # takes seconds). This runs before its page_context and tells it to leave
    # the page out.
    @event_priority(100)
    def on_page_context(self, context, page, config, nav):
        page.meta = _NotForMaterialSearch(page.meta)
        return context

    def on_page_content(self, html, page, config, files):
        kind = self.kinds.get(page.file.src_uri)
        if kind is None or kind[0] == "report":
            html = sanitize(html)
            if page.file.src_uri == "index.md":
                html += localize(pages.home_block(self.site, self.errors), page.url)
                self._extend_toc(page)
        else:
            body, toc = self._generated(kind)
            html = localize(body, page.url)
            page.toc = get_toc(
                [
                    {"level": 2, "id": anchor, "name": _escape(name), "children": []}
                    for anchor, name in toc
                ]
            )
        page.title = safe_title(page.title)
        return html

    def _extend_toc(self, page) -> None:
        items = page.toc.items
        if len(items) == 1 and items[0].level == 1:  # the theme lists the h1's children
            items = items[0].children
        items += [
            AnchorLink(_escape(name), anchor, 2) for anchor, name in pages.home_toc(self.site)
        ]

    def _generated(self, kind: tuple) -> tuple[str, list]:
        site, what = self.site, kind[0]
        if what == "answer":
            return pages.answer_page(site, kind[1])
        if what == "policy":
            return pages.policy_page(site, kind[1])
        if what == "tag":
            return pages.tag_page(site, kind[1])
        if what == "tags":
            return pages.tags_index(site), []
        if what == "policies":
            return pages.policies_index(site), []
        return f"<h1>{_escape(self.site_name)}</h1>" + pages.home_block(site, self.errors), []

    def _link_refs(self, markdown: str, page_url: str) -> str:
        """`[[CLAUSE]]` in hand-written pages -> an HTML link (code left alone)."""
        masked = CODE_PATTERN.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), markdown)
        out, last = [], 0
        for match in INLINE_PATTERN.finditer(masked):
            el = self.site._ref(match[1], match[2], match[0])
            out += [markdown[last : match.start()], etree.tostring(el, "unicode", "html")]
            last = match.end()
        out.append(markdown[last:])
        return localize("".join(out), page_url)

    # Run after every other plugin's post_build, so that the search plugin's
    # index exists whatever the order of `plugins` in mkdocs.yml.
    @event_priority(-50)
    def on_post_build(self, config) -> None:
        out = Path(config["site_dir"])
        sitesearch.prepare(out)
        panel.write(out, config.site_name, self.config.panel_api)
        if not self.incremental:
            sitesearch.write(out, self.kb_config, self.site)
            return
        self.built, self.pending = self.pending, None
        if self.built is None or not incremental.same_sources(self.searched, self.built):
            # The pages are served now; the search files follow (seconds at 2,000
            # answers), written beside the old ones and swapped in (sitesearch.write).
            # The next build stops this one: only the last writer finishes.
            self.stop_search.clear()
            self.search_writer = threading.Thread(
                target=self._write_search, args=(out, self.built), daemon=True
            )
            self.search_writer.start()
        else:
            self._poke()

    def _poke(self) -> None:
        """Make the server build again, as if a file had changed, if the reports are behind."""
        if self.poke_dir is not None and self.reports_stale:
            self.poke_sent = True
            (self.poke_dir / "reports").write_text(str(time.time_ns()), encoding="utf-8")

    def on_build_error(self, error) -> None:
        self.built = self.pending = None  # the next build starts from a clean site

    def _write_search(self, out: Path, state: incremental.State | None) -> None:
        try:
            sitesearch.write(out, self.kb_config, self.site, self.stop_search)
        except sitesearch.Stopped:
            return  # a newer build writes them
        except PluginError as exc:
            log.error("%s", exc)
        except Exception:  # a thread's traceback would be lost; the server keeps serving
            log.exception("kb: %s", t("build.search_write_failed"))
        else:
            self.searched = state
        self._poke()

    def _wait_for_search(self) -> None:
        if self.search_writer is not None:
            self.stop_search.set()
            self.search_writer.join()
            self.search_writer = None


class _NotForMaterialSearch(dict):
    """A page's meta with `search: {exclude: true}` added, and as true or false as before.

    Material's templates test `{% if page.meta %}`: a page without meta must
    still read as one, or they render differently.
    """

    def __init__(self, meta: dict):
        super().__init__(meta)
        self.had_meta = bool(meta)
        search = meta.get("search")
        self["search"] = {**(search if isinstance(search, dict) else {}), "exclude": True}

    def __bool__(self) -> bool:
        return self.had_meta


def _always() -> bool:
    return True


def _never() -> bool:
    return False


def _page_source(path: str) -> str | None:
    """A page's Markdown, bounded in size, and without front matter that kb cannot read.

    MkDocs would load such front matter with PyYAML's SafeLoader: an
    alias bomb there is kept as a shared structure that any template or
    plugin walking `page.meta` expands. `kb check` reports the file; the
    site shows its body. None lets MkDocs read (and report) an unreadable file.
    """
    try:
        text = sources.read_text(path)
    except sources.SourceError:
        return None
    try:
        front, body, _ = yamlsrc.split_front_matter(text)
    except yamlsrc.YAMLSourceError:
        return text  # no front matter at all
    try:
        yamlsrc.parse(front, offset=1)
    except yamlsrc.YAMLSourceError:
        return body
    return text


def _regular_files_only(files: Files) -> None:
    """Leave out a FIFO or device under docs/: MkDocs would block or read it for ever.

    `kb check` reports such .md files; other files are only logged here.
    """
    for file in list(files):
        if file.abs_src_path and not sources.is_regular(file.abs_src_path):
            log.warning(t("plugin.not_regular", src_uri=file.src_uri))
            files.remove(file)


def _refuse_folder_links_out(report: Report, root: Path) -> None:
    """MkDocs follows every folder link in docs_dir before any plugin can leave it out.

    (A folder link out of policies/ stops the build too: simpler, and as much an attack.)
    """
    for finding in report.findings:
        if finding.code == "outside-link" and (root / finding.path).is_dir():
            raise PluginError(
                t("plugin.refuse_folder_links_out", path=finding.path)
            )


def _escape(text: str) -> str:
    return htmllib.escape(text)


def _theme_language(config) -> str | None:
    try:
        return config.theme["language"]
    except (KeyError, TypeError):
        return None
