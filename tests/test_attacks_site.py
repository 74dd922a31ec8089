"""Issue 12, Security: each attack an outsider ran on the landed project, as a test.

One KB holds every attack; it is checked with `kb check --format json` and
built for real (`kb build --allow-errors`, as `kb serve` would show it) once.
Each test then asserts what a user (or an attacker) would notice: the finding
that names the file and line, and a built site in which nothing runs.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from attack_html import injected, injected_in_site
from browser import browser, page_at, serve_directory  # noqa: F401
from click.testing import CliRunner
from conftest import MKDOCS_YML, write_kb
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from kb.cli import main
from kb.config import read_config
from kb.frontmatter import MANUAL_KEYS, UNSAFE_KEYS
from kb.site.meta import CLEANERS

POLICY = """
    id: REFUND
    title: 환불 정책
    owner: 고객경험팀
    clauses:
      - id: REFUND-1
        title: 결제 취소 가능 기간
        version: 1
        effective: 2020-01-01
        text: 결제일로부터 7일 이내 취소할 수 있습니다.
"""

SECRET = "ghp_attackTOKEN1234"

ATTACKS = {
    "policies/refund.yaml": POLICY,
    "docs/index.md": "# 홈\n\n상담원용 사이트입니다.\n",
    "docs/answers/refund.md": """
        ---
        id: refund
        title: 환불 안내
        cites: [REFUND-1@1]
        tags: [환불]
        ---
        결제일로부터 7일 이내 취소할 수 있어요.
    """,
    "docs/answers/title.md": """
        ---
        id: answer-title
        title: <img src=x onerror=alert(21) data-xss>
        cites: [REFUND-1@1]
        tags: ["<img src=x onerror=alert(22) data-xss>"]
        tilte: 오타
        ---
        본문입니다.
    """,
    "docs/answers/template.md": """
        ---
        id: answer-template
        title: 템플릿을 바꾸려는 답변
        cites: [REFUND-1@1]
        template: redirect.html
        location: javascript:alert(23)
        ---
        본문입니다.
    """,
    "docs/manuals/title.md": """
        ---
        title: <img src=x onerror=alert(1) data-xss>
        ---
        본문입니다. [[REFUND-1]]을 따릅니다.
    """,
    "docs/manuals/description.md": """
        ---
        title: 설명 공격
        description: "\\"><img src=x onerror=alert(2) data-xss>"
        author: "\\"><img src=x onerror=alert(12) data-xss>"
        ---
        본문입니다.
    """,
    "docs/manuals/subtitle.md": """
        ---
        title: 부제 공격
        subtitle: <img src=x onerror=alert(3) data-xss>
        ---
        본문입니다.
    """,
    "docs/manuals/redirect.md": """
        ---
        title: 리다이렉트 공격
        template: redirect.html
        location: "\\"]);alert(4);//"
        ---
        본문입니다.
    """,
    "docs/manuals/javascript.md": """
        ---
        template: redirect.html
        location: javascript:alert(5)
        ---
        본문입니다.
    """,
    "docs/manuals/status.md": """
        ---
        title: 상태 공격
        status: '"><img src=x onerror=alert(6) data-xss>'
        ---
        본문입니다.
    """,
    "docs/manuals/icon.md": """
        ---
        title: 아이콘 공격
        icon: ../../../../etc/passwd
        ---
        본문입니다.
    """,
    "docs/manuals/mmd.md": """
        template: redirect.html
        location: javascript:alert(7)

        # 앞줄이 메타데이터인 페이지
    """,
    "docs/manuals/heading.md": """
        # <img src=x onerror=alert(8)>

        본문입니다.
    """,
    "docs/manuals/plain.md": """
        ---
        title: 평범한 매뉴얼
        description: 환불 응대 순서
        hide: [toc]
        ---
        본문입니다.
    """,
    "docs/<img src=x onerror=alert(13) data-xss>/<svg onload=alert(14) data-xss>.md": (
        "본문입니다.\n"
    ),
    "docs/evil.html": "<script>alert(9)</script>\n",
    "docs/images/evil.svg": (
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(10)</script></svg>\n'
    ),
    "docs/assets/javascripts/bundle.js": "alert(11)\n",
    "docs/images/ok.png": "not really a png, but a file MkDocs copies\n",
}


def _cli(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _links(root: Path, outside: Path) -> None:
    """Links an attacker commits: the repository's git config, and files out of the KB."""
    (root / ".git").mkdir()
    (root / ".git" / "config").write_text(
        f'[http]\n\textraheader = "AUTHORIZATION: basic {SECRET}"\n', encoding="utf-8"
    )
    outside.mkdir()
    (outside / "secret.md").write_text(f"# 비밀\n\n{SECRET}\n", encoding="utf-8")
    (outside / "secret.png").write_text(SECRET, encoding="utf-8")
    (outside / "policy.yaml").write_text(
        POLICY.replace("REFUND", "LEAK").replace("결제일로부터", SECRET), encoding="utf-8"
    )
    os.symlink("../.git/config", root / "docs" / "git-config.md")
    os.symlink(outside / "secret.md", root / "docs" / "manuals" / "secret.md")
    os.symlink(outside / "secret.png", root / "docs" / "images" / "secret.png")
    os.symlink(outside / "policy.yaml", root / "policies" / "leak.yaml")
    os.symlink("manuals/plain.md", root / "docs" / "alias.md")  # inside the KB: fine


@pytest.fixture(scope="module")
def attacked(tmp_path_factory):
    """The attack KB: (root, check JSON, built site dir)."""
    base = tmp_path_factory.mktemp("attacks")
    root = base / "kb"
    config = write_kb(root, ATTACKS)
    _links(root, base / "outside")
    result = _cli("check", "-f", str(config), "--format", "json")
    assert result.exit_code == 1, result.output
    report = json.loads(result.output)
    site = base / "site"
    built = _cli("build", "-q", "-f", str(config), "--site-dir", str(site), "--allow-errors")
    assert built.exit_code == 0, built.output
    return root, report, site


def _findings(report: dict, path: str, code: str | None = None) -> list[dict]:
    return [f for f in report["findings"] if f["path"] == path and code in (None, f["code"])]


def _page(site: Path, rel: str) -> str:
    return (site / rel / "index.html").read_text(encoding="utf-8")


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.elements: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def _elements(page: str, tag: str) -> list[dict]:
    parser = _Elements()
    parser.feed(page)
    return [attrs for name, attrs in parser.elements if name == tag]


# --- 1. front matter ---------------------------------------------------------------


def test_title_img_onerror_is_escaped(attacked):
    _, report, site = attacked
    page = _page(site, "manuals/title")
    assert injected(page) == []
    assert "＜img src=x onerror=alert(1) data-xss＞" in page  # text in header, <title>
    assert injected(_page(site, "manuals/plain")) == []  # ... and in every page's nav
    assert _findings(report, "docs/manuals/title.md") == []  # escaped: nothing to fix
    policy = _page(site, "policies/refund")  # lists the manual that relies on the clause
    assert injected(policy) == [] and "alert(1) data-xss" in policy


def test_description_and_author_quote_breakout_is_escaped(attacked):
    _, _, site = attacked
    page = _page(site, "manuals/description")
    assert injected(page) == []
    meta = [m for m in _elements(page, "meta") if m.get("name") == "description"]
    assert [m["content"] for m in meta] == ['"><img src=x onerror=alert(2) data-xss>']
    author = [m["content"] for m in _elements(page, "meta") if m.get("name") == "author"]
    assert author == ['"><img src=x onerror=alert(12) data-xss>']


def test_subtitle_img_in_nav_is_escaped(attacked):
    _, _, site = attacked
    for rel in ("manuals/subtitle", "manuals/plain", ""):
        page = (site / rel / "index.html").read_text(encoding="utf-8")
        assert injected(page) == []
        assert "<small>＜img src=x onerror=alert(3) data-xss＞</small>" in page


def test_redirect_template_with_script_location_does_not_run(attacked):
    _, report, site = attacked
    page = _page(site, "manuals/redirect")
    assert injected(page) == []
    assert "본문입니다." in page  # an ordinary page, not a redirect
    found = _findings(report, "docs/manuals/redirect.md")
    assert [(f["code"], f["line"], f["severity"]) for f in found] == [
        ("unsafe-front-matter", 3, "error"),
        ("unsafe-front-matter", 4, "error"),
    ]
    assert "'template'" in found[0]["message"] and "지우세요" in found[0]["message"]


def test_redirect_to_javascript_url_is_dropped(attacked):
    _, report, site = attacked
    page = _page(site, "manuals/javascript")
    assert injected(page) == [] and "javascript:" not in page
    codes = [f["code"] for f in _findings(report, "docs/manuals/javascript.md")]
    assert codes == ["unsafe-front-matter", "unsafe-front-matter"]


def test_status_class_attribute_breakout_is_refused(attacked):
    _, report, site = attacked
    assert injected(_page(site, "manuals/status")) == []
    assert injected((site / "index.html").read_text(encoding="utf-8")) == []  # the nav
    (found,) = _findings(report, "docs/manuals/status.md")
    assert (found["code"], found["line"]) == ("unsafe-front-matter", 3)


def test_icon_template_path_traversal_is_refused(attacked):
    _, report, site = attacked
    assert "passwd" not in _page(site, "manuals/icon")
    (found,) = _findings(report, "docs/manuals/icon.md")
    assert (found["code"], found["line"]) == ("unsafe-front-matter", 3)


def test_multimarkdown_metadata_template_is_refused(attacked):
    _, report, site = attacked
    page = _page(site, "manuals/mmd")
    assert injected(page) == [] and "javascript:" not in page
    found = _findings(report, "docs/manuals/mmd.md")
    assert [(f["code"], f["line"]) for f in found] == [
        ("unsafe-front-matter", 1),
        ("unsafe-front-matter", 2),
    ]


def test_heading_img_onerror_is_escaped_in_title_and_nav(attacked):
    _, _, site = attacked
    page = _page(site, "manuals/heading")
    start, end = page.index("<article"), page.index("</article>")
    # In the body, a manual's raw HTML is kept, without its handler; around it, only text.
    assert injected(page[:start] + page[end:]) == []
    assert "onerror" not in page[start:end]
    assert injected(_page(site, "manuals/plain")) == []


def test_file_and_folder_names_with_markup_are_escaped_in_the_nav(attacked):
    _, report, site = attacked
    pages = [p for p in site.rglob("index.html") if "svg onload" in str(p)]
    assert len(pages) == 1  # the page is built, under its own name
    assert injected(pages[0].read_text(encoding="utf-8")) == []
    home = (site / "index.html").read_text(encoding="utf-8")
    assert injected(home) == [] and "＜svg onload=alert(14) data xss＞" in home  # MkDocs: - → space


def test_answer_title_and_tag_img_onerror_are_escaped(attacked):
    _, _, site = attacked
    assert injected(_page(site, "answers/title")) == []
    tag_pages = [p for p in (site / "tags").rglob("index.html")]
    assert tag_pages and all(injected(p.read_text(encoding="utf-8")) == [] for p in tag_pages)


def test_answer_template_key_is_refused(attacked):
    _, report, site = attacked
    assert injected(_page(site, "answers/template")) == []
    found = _findings(report, "docs/answers/template.md")
    assert [(f["code"], f["line"], f["subject"]) for f in found] == [
        ("unsafe-front-matter", 5, "answer-template"),
        ("unsafe-front-matter", 6, "answer-template"),
    ]


def test_unknown_key_is_a_warning_that_suggests_the_known_one(attacked):
    _, report, _ = attacked
    (found,) = _findings(report, "docs/answers/title.md")
    assert (found["code"], found["severity"], found["line"]) == ("unknown-key", "warning", 6)
    assert "'tilte'" in found["message"] and "'title'" in found["message"]


def test_known_manual_keys_pass_the_check_and_reach_the_theme(attacked):
    _, report, site = attacked
    assert _findings(report, "docs/manuals/plain.md") == []
    page = _page(site, "manuals/plain")
    meta = [m for m in _elements(page, "meta") if m.get("name") == "description"]
    assert [m["content"] for m in meta] == ["환불 응대 순서"]


def test_every_key_the_check_allows_has_a_cleaner_in_the_site():
    assert set(CLEANERS) == MANUAL_KEYS


def test_text_output_names_file_line_and_code(attacked, tmp_path):
    root, _, _ = attacked
    result = _cli("check", "-f", str(root / "mkdocs.yml"))
    assert re.search(
        r"^docs/manuals/redirect\.md:3: error: unsafe-front-matter ", result.output, re.M
    )
    assert "Traceback" not in result.output


# --- 2. .html / .svg / .js under docs ------------------------------------------------


def test_html_file_under_docs_is_reported_and_not_published(attacked):
    _, report, site = attacked
    (found,) = _findings(report, "docs/evil.html")
    assert (found["code"], found["severity"]) == ("unsafe-file", "error")
    assert "publish_html: true" in found["message"]
    assert not (site / "evil.html").exists()


def test_svg_with_script_under_docs_is_reported_and_not_published(attacked):
    _, report, site = attacked
    assert [f["code"] for f in _findings(report, "docs/images/evil.svg")] == ["unsafe-file"]
    assert not (site / "images" / "evil.svg").exists()
    assert (site / "images" / "ok.png").exists()  # ordinary files still are


def test_js_file_cannot_replace_the_theme_script(attacked):
    _, report, site = attacked
    assert [f["code"] for f in _findings(report, "docs/assets/javascripts/bundle.js")] == [
        "unsafe-file"
    ]
    assert not (site / "assets" / "javascripts" / "bundle.js").exists()


def test_no_built_page_runs_script(attacked):
    _, _, site = attacked
    assert injected_in_site(site) == {}


def test_publish_html_option_publishes_them_without_a_finding(tmp_path):
    config = MKDOCS_YML.replace("  - kb\n", "  - kb:\n      publish_html: true\n")
    files = {k: v for k, v in ATTACKS.items() if k in ("policies/refund.yaml", "docs/evil.html")}
    files["docs/answers/refund.md"] = ATTACKS["docs/answers/refund.md"]
    path = write_kb(tmp_path / "kb", files, config)
    assert read_config(path).publish_html is True
    check = _cli("check", "-f", str(path), "--strict")
    assert check.exit_code == 0, check.output
    built = _cli("build", "-q", "-f", str(path), "--site-dir", str(tmp_path / "site"))
    assert built.exit_code == 0, built.output
    assert (tmp_path / "site" / "evil.html").exists()


def test_html_file_stops_the_build_without_allow_errors(tmp_path):
    files = {k: ATTACKS[k] for k in ("policies/refund.yaml", "docs/answers/refund.md")}
    files["docs/evil.html"] = ATTACKS["docs/evil.html"]
    path = write_kb(tmp_path / "kb", files)
    result = _cli("build", "-q", "-f", str(path), "--site-dir", str(tmp_path / "site"))
    assert result.exit_code == 1
    assert "docs/evil.html:1: error: unsafe-file" in result.output
    assert not (tmp_path / "site" / "evil.html").exists()


# --- 3. links out of the KB ----------------------------------------------------------


def test_symlink_to_git_config_is_reported_and_not_published(attacked):
    _, report, site = attacked
    (found,) = _findings(report, "docs/git-config.md")
    assert (found["code"], found["severity"]) == ("outside-link", "error")
    assert "../.git/config" in found["message"]
    assert not (site / "git-config").exists()
    leaked = [p for p in site.rglob("*") if p.is_file() and SECRET in p.read_text(errors="ignore")]
    assert leaked == []


def test_symlink_to_a_page_outside_the_kb_is_neither_read_nor_searched(attacked):
    root, report, site = attacked
    assert [f["code"] for f in _findings(report, "docs/manuals/secret.md")] == ["outside-link"]
    assert not (site / "manuals" / "secret").exists()
    for query in ("비밀", SECRET):
        result = _cli("search", query, "-f", str(root / "mkdocs.yml"), "--format", "json")
        paths = [hit["path"] for hit in json.loads(result.output)["results"]]
        assert "docs/manuals/secret.md" not in paths, query


def test_symlinked_image_outside_the_kb_is_not_published(attacked):
    _, report, site = attacked
    assert [f["code"] for f in _findings(report, "docs/images/secret.png")] == ["outside-link"]
    assert not (site / "images" / "secret.png").exists()


def test_symlinked_policy_outside_the_kb_is_not_read(attacked):
    root, report, _ = attacked
    assert [f["code"] for f in _findings(report, "policies/leak.yaml")] == ["outside-link"]
    shown = _cli("show", "LEAK-1", "-f", str(root / "mkdocs.yml"))
    assert SECRET not in shown.output and "Traceback" not in shown.output


def test_symlink_inside_the_kb_is_followed(attacked):
    _, report, site = attacked
    assert _findings(report, "docs/alias.md") == []
    assert "평범한 매뉴얼" in _page(site, "alias")


def test_folder_symlink_out_of_the_kb_stops_the_build(tmp_path, caplog):
    files = {k: ATTACKS[k] for k in ("policies/refund.yaml", "docs/answers/refund.md")}
    path = write_kb(tmp_path / "kb", files)
    outside = tmp_path / "home"
    outside.mkdir()
    (outside / "notes.md").write_text(SECRET, encoding="utf-8")
    os.symlink(outside, tmp_path / "kb" / "docs" / "home")
    check = _cli("check", "-f", str(path))
    assert "docs/home:1: error: outside-link" in check.output
    site = tmp_path / "site"
    built = _cli("build", "-q", "-f", str(path), "--site-dir", str(site), "--allow-errors")
    assert built.exit_code != 0 and "Traceback" not in built.output
    assert "docs/home: KB 밖을 가리키는 폴더 링크" in caplog.text
    assert not any(SECRET in p.read_text(errors="ignore") for p in site.rglob("*") if p.is_file())


# --- 4. any front matter: hypothesis --------------------------------------------------

PAYLOADS = [
    "<img src=x onerror=alert(1) data-xss>",
    '"><img src=x onerror=alert(2) data-xss>',
    "'><svg onload=alert(3) data-xss>",
    "</title><script data-xss>alert(4)</script>",
    '"]);alert(5);//',
    "javascript:alert(6)",
    " javascript:alert(7)",
    '" onmouseover="alert(8)" data-xss="',
    "</small><iframe src=javascript:alert(9) data-xss></iframe>",
    "data:text/html,<script>alert(10)</script>",
    "&lt;img src=x onerror=alert(11) data-xss&gt;",
    "{{ config }}{% include 'base.html' %}",
    "<!-- --><script data-xss>alert(12)</script>",
    "redirect.html",
    "../../../../etc/passwd",
]
_CHARS = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))
hostile_text = st.builds(
    lambda before, payload, after: before + payload + after,
    st.text(_CHARS, max_size=3),
    st.sampled_from(PAYLOADS),
    st.text(_CHARS, max_size=3),
)
hostile_value = st.one_of(
    hostile_text,
    st.lists(hostile_text, min_size=1, max_size=3),
    st.dictionaries(st.sampled_from(["exclude", "boost", "x"]), hostile_text, max_size=2),
)
# Every key the site or a theme reads, the ones the check refuses, and some nobody reads.
PAGE_KEYS = sorted(MANUAL_KEYS | set(UNSAFE_KEYS) | {"extra", "content", "meta", "toc", "url"})
ANSWER_HOSTILE_KEYS = sorted(
    {"title", "tags", "owner", "status", "review_by", "effective", "questions", "description"}
    | set(UNSAFE_KEYS)
)
hostile_page = st.fixed_dictionaries({key: hostile_value for key in PAGE_KEYS})
hostile_answer = st.fixed_dictionaries({key: hostile_value for key in ANSWER_HOSTILE_KEYS})
hostile_kb = st.tuples(st.lists(hostile_page, min_size=2, max_size=3), hostile_answer)


def _front(meta: dict, body: str) -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n" + body + "\n"


def _hostile_site(base: Path, pages: list[dict], answer: dict) -> Path:
    """Write and build (allowing errors, as `kb serve` does) a KB of hostile pages."""
    files = {"policies/refund.yaml": POLICY, "docs/index.md": "# 홈\n"}
    for n, meta in enumerate(pages):
        files[f"docs/manuals/page-{n}.md"] = _front(meta, f"본문 {n}")
    fixed = {"id": "hostile", "cites": ["REFUND-1@1"]}
    files["docs/answers/hostile.md"] = _front({**answer, **fixed}, "답변 본문")
    root = base / "kb"
    config = write_kb(root, {})
    for rel, text in files.items():  # verbatim: YAML from safe_dump must not be dedented
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    site = base / "site"
    result = _cli("build", "-q", "-f", str(config), "--site-dir", str(site), "--allow-errors")
    assert result.exit_code == 0, result.output
    return site


@settings(
    max_examples=6,
    deadline=None,
    database=None,
    phases=[Phase.generate],  # each example is a MkDocs build: report it, do not shrink it
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(hostile_kb)
def test_no_front_matter_makes_a_built_page_run_script(tmp_path_factory, kb_files):
    pages, answer = kb_files
    site = _hostile_site(tmp_path_factory.mktemp("hostile"), pages, answer)
    assert (site / "manuals" / "page-0" / "index.html").exists()
    assert injected_in_site(site) == {}


@pytest.mark.browser
@settings(
    max_examples=2,
    deadline=None,
    database=None,
    phases=[Phase.generate],  # each example is a MkDocs build: report it, do not shrink it
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(hostile_kb)
def test_no_front_matter_makes_chromium_run_script(tmp_path_factory, browser, kb_files):  # noqa: F811
    pages, answer = kb_files
    site = _hostile_site(tmp_path_factory.mktemp("hostile-browser"), pages, answer)
    sample = ["", "manuals/page-0/", "manuals/page-1/", "answers/hostile/", "tags/"]
    _assert_nothing_runs(browser, site, sample)


@pytest.mark.browser
def test_attack_pages_run_nothing_in_chromium(attacked, browser):  # noqa: F811
    _, _, site = attacked
    sample = [
        "", "manuals/title/", "manuals/description/", "manuals/subtitle/",
        "manuals/redirect/", "manuals/javascript/", "manuals/status/", "manuals/mmd/",
        "manuals/heading/", "answers/title/", "answers/template/",
    ]  # fmt: skip
    _assert_nothing_runs(browser, site, sample)


def _assert_nothing_runs(browser, site: Path, paths: list[str]) -> None:  # noqa: F811
    with serve_directory(site) as base, page_at(browser, base) as page:
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for path in paths:
            page.goto(base + path, wait_until="load")
            assert page.url.startswith(base + path), f"{path} went to {page.url}"
            assert page.evaluate("document.querySelectorAll('[data-xss]').length") == 0, path
            handlers = page.evaluate(
                "[...document.querySelectorAll('*')].flatMap(e => [...e.attributes]"
                ".filter(a => a.name.startsWith('on')).map(a => e.tagName + ' ' + a.name))"
            )
            assert handlers == [], path
        assert dialogs == []
        assert page.js_errors == []


def test_docs_folder_itself_linked_out_of_the_kb_is_not_read(tmp_path, caplog):
    files = {k: ATTACKS[k] for k in ("policies/refund.yaml",)}
    path = write_kb(tmp_path / "kb", files)
    outside = tmp_path / "elsewhere"
    (outside / "answers").mkdir(parents=True)
    (outside / "secret.md").write_text(f"# 비밀\n\n{SECRET}\n", encoding="utf-8")
    (tmp_path / "kb" / "docs").rmdir()
    os.symlink(outside, tmp_path / "kb" / "docs")
    check = _cli("check", "-f", str(path))
    assert "docs:1: error: outside-link" in check.output
    result = _cli("search", "비밀", "-f", str(path), "--format", "json")
    assert json.loads(result.output)["results"] == []
    built = _cli("build", "-q", "-f", str(path), "--site-dir", str(tmp_path / "site"))
    assert built.exit_code == 1 and "Traceback" not in built.output
    assert not (tmp_path / "site" / "secret").exists()


def test_plain_mkdocs_build_allowing_errors_is_protected_too(tmp_path):
    """`mkdocs build` with `allow_errors: true` (as `kb serve` builds): the plugin filters."""
    config = MKDOCS_YML.replace("  - kb\n", "  - kb:\n      allow_errors: true\n")
    names = ("policies/refund.yaml", "docs/manuals/redirect.md", "docs/manuals/title.md")
    files = {name: ATTACKS[name] for name in names}
    files["docs/evil.html"] = ATTACKS["docs/evil.html"]
    path = write_kb(tmp_path / "kb", files, config)
    site = tmp_path / "site"
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(path), "-d", str(site)],
        capture_output=True,
        text=True,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    assert run.returncode == 0, run.stderr
    assert "docs/manuals/redirect.md:3: error: unsafe-front-matter" in run.stderr
    assert injected_in_site(site) == {}
    assert not (site / "evil.html").exists()
