"""The built site, read as HTML: real MkDocs builds of small KBs in tmp_path."""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import pytest
from conftest import REPO, write_kb
from site_kb import SITE_KB

from kb.cli import main


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The small KB, built once with `kb build`; returns (kb root, site dir)."""
    root = tmp_path_factory.mktemp("site") / "kb"
    config = write_kb(root, SITE_KB)
    before = _tree(root)
    from click.testing import CliRunner

    result = CliRunner().invoke(
        main,
        ["build", "-q", "-f", str(config), "--site-dir", str(root.parent / "out")],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    assert _tree(root) == before, "the build wrote into the KB's own folders"
    return root, root.parent / "out"


def _tree(root: Path) -> dict[str, int]:
    """The KB's files; `.kb-cache/` is the local search index (`kb search` keeps it
    there too, ignored by git), which the site's search is made from."""
    files = (p for p in root.rglob("*") if p.is_file())
    return {
        str(p.relative_to(root)): p.stat().st_size
        for p in files
        if not p.relative_to(root).parts[0] == ".kb-cache"
    }


def read(site: Path, rel: str) -> str:
    return (site / rel / "index.html").read_text(encoding="utf-8")


def article(page: str) -> str:
    """The page content, without the theme's navigation around it."""
    return page[page.index('<article class="md-content__inner') : page.index("</article>")]


def test_policy_page_has_an_anchor_and_badge_per_clause(built):
    _, site = built
    page = article(read(site, "policies/refund"))
    for clause in ("refund-0", "refund-1", "refund-2", "refund-3", "refund-4", "refund-5"):
        assert f'id="{clause}"' in page
    badges = re.findall(r'<h2 id="(refund-\d)".*?kb-badge--(\w+)">([^<]+)<', page)
    assert [(b[0], b[2]) for b in badges] == [
        ("refund-0", "대체됨"),
        ("refund-1", "시행 중"),
        ("refund-2", "시행 예정"),
        ("refund-3", "시행 중"),
        ("refund-4", "폐지"),
        ("refund-5", "만료"),
    ]


def test_policy_page_shows_history_diff_supersession_and_cited_by(built):
    _, site = built
    page = article(read(site, "policies/refund"))
    section = page[page.index('id="refund-1"') : page.index('id="refund-2"')]
    assert "<del>14일</del><ins>7일</ins>" in section
    assert "환불 기간 14일 → 7일" in section
    assert 'href="../../answers/refund/before-shipping/"' in section  # cited by
    assert "배송 전 주문 취소 안내" in section
    assert "응대 가이드" in section  # the manual page's inline reference counts too
    old = page[page.index('id="refund-0"') : page.index('id="refund-1"')]
    assert 'href="#refund-3"' in old or 'href="../../policies/refund/#refund-3"' in old


def test_answer_page_has_text_copy_button_tags_and_cited_clause(built):
    _, site = built
    page = article(read(site, "answers/refund/before-shipping"))
    assert "<h1>배송 전 주문 취소 안내</h1>" in page
    assert '<mark class="kb-ph">{{고객명}}</mark>' in page
    copy = html.unescape(re.search(r'data-copy="([^"]*)"', page)[1])
    assert copy.startswith("안녕하세요, {{고객명}} 고객님.\n결제일로부터 7일 이내라면")
    assert "**" not in copy and "[[" not in copy and "<br" not in copy and "<p>" not in copy
    assert "자세한 기준은 결제 취소 가능 기간을 따릅니다." in copy
    assert "• 고객센터 (https://example.com/help)" in copy
    # the cited clause, shown with its text and status
    assert 'href="../../../policies/refund/#refund-1"' in page
    assert "결제 취소 가능 기간" in page and "kb-badge--current" in page
    # the tags link to their tag pages
    assert "배송 › 배송 전" in page and "../../../tags/" in page
    assert "상담1팀" in page and "2099-03-01" in page
    assert 'href="../../../manuals/guide/"' in page  # a .md link in the answer, resolved


def test_inline_reference_links_to_the_clause_with_its_title(built):
    _, site = built
    answer = read(site, "answers/refund/before-shipping")
    link = re.search(r'<a class="kb-ref"[^>]*>REFUND-1</a>', answer)[0]
    assert 'href="../../../policies/refund/#refund-1"' in link
    assert 'title="결제 취소 가능 기간"' in link
    manual = read(site, "manuals/guide")
    assert re.search(r'<a class="kb-ref"[^>]*href="../../policies/refund/#refund-1"', manual)
    assert "<code>[[REFUND-9]]</code>" in manual  # in code it is an example, not a link


def test_script_in_kb_text_is_shown_as_text_never_run(built):
    _, site = built
    for rel in ("answers/refund/before-shipping", "policies/refund", "manuals/guide"):
        page = article(read(site, rel))
        assert _active_markup(page) == [], rel
    answer = article(read(site, "answers/refund/before-shipping"))
    assert "&lt;script&gt;window.__xss = &quot;answer&quot;&lt;/script&gt;" in answer


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "iframe", "object", "embed"):
            self.found.append(tag)
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{tag} {name}")
            if name in ("href", "src") and (value or "").strip().lower().startswith("javascript"):
                self.found.append(f"{tag} {name}={value}")


def _active_markup(page: str) -> list[str]:
    """Elements and attributes in the HTML that could run script."""
    parser = _Tags()
    parser.feed(page)
    return parser.found


def test_hostile_titles_cannot_break_out_of_the_theme(make_kb, tmp_path, kb_cli):
    config = make_kb(
        {
            "policies/p.yaml": """
                id: P
                title: "</title><script>window.__xss=1</script>"
                owner: 팀
                clauses:
                  - {id: P-1, title: "<img src=x onerror=alert(1)>", version: 1,
                     effective: 2020-01-01, text: 본문}
            """,
            "docs/answers/a.md": """
                ---
                id: a
                title: "</title><script>alert(1)</script>"
                cites: [P-1@1]
                tags: ["<b>태그</b>"]
                ---
                본문
            """,
        }
    )
    result = kb_cli("build", "-q", "-f", str(config), "--site-dir", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    for page in (tmp_path / "out").rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "<script>alert" not in text and "<script>window" not in text, page
        assert "<img src=x" not in text and "<b>태그" not in text, page


def test_retired_answers_are_not_published(built):
    _, site = built
    assert not (site / "answers/old").exists()
    everything = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    assert "폐기된 옛 답변" not in everything


def test_tag_pages_follow_the_hierarchy(built):
    _, site = built
    parent = article(read(site, "tags/배송"))
    assert "배송 전" in parent and "배송 후" in parent
    assert "배송 전 주문 취소 안내" in parent and "배송 후 환불 안내" in parent
    child = article(read(site, "tags/배송/배송-전"))
    assert "배송 전 주문 취소 안내" in child and "배송 후 환불 안내" not in child
    assert "kb-copy" in child  # agents can copy from the list too
    index = article(read(site, "tags"))
    assert 'href="../tags/%EB%B0%B0%EC%86%A1/"' in index or "배송" in index
    draft = article(read(site, "answers/refund/after"))
    assert "초안" in draft


def test_home_page_adds_counts_reviews_and_recent_changes(built):
    _, site = built
    home = article((site / "index.html").read_text(encoding="utf-8"))
    assert "상담원용 사이트입니다." in home  # the page's own text stays
    assert re.search(r'kb-stat__n">2</span><span class="kb-stat__label">답변', home)
    assert "30일 안에 검토할 항목" in home and "최근 바뀐 조항" in home


def test_navigation_leaves_answers_out_and_has_korean_sections(built):
    _, site = built
    home = (site / "index.html").read_text(encoding="utf-8")
    labels = {x.strip() for x in re.findall(r'md-ellipsis">([^<]*)<', home)}
    assert {"홈", "매뉴얼", "답변", "정책", "태그별 답변", "정책 목록", "환불 정책"} <= labels
    assert "배송 전 주문 취소 안내" not in home  # one nav entry per answer would not scale


def test_check_errors_stop_kb_build_with_file_and_line(make_kb, tmp_path, kb_cli):
    config = make_kb(_stale_kb())
    result = kb_cli("build", "-f", str(config), "--site-dir", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert "docs/answers/a.md:3: error: stale-citation" in result.output
    assert "사이트를 만들지 않았습니다" in result.output  # Korean, as every message
    assert not (tmp_path / "out").exists()


def test_check_errors_stop_plain_mkdocs_build(make_kb, tmp_path):
    config = make_kb(_stale_kb())
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(tmp_path / "o")],
        capture_output=True,
        text=True,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    assert run.returncode != 0
    assert "docs/answers/a.md:3: error: stale-citation" in run.stderr
    assert "--allow-errors" in run.stderr
    assert "사이트를 만들지 않았습니다" in run.stderr


def test_allow_errors_builds_and_marks_the_broken_citation(make_kb, tmp_path, kb_cli):
    config = make_kb(_stale_kb())
    out = tmp_path / "out"
    result = kb_cli("build", "-q", "--allow-errors", "-f", str(config), "--site-dir", str(out))
    assert result.exit_code == 0, result.output
    page = article(read(out, "answers/a"))
    assert "kb-alert--error" in page and "인용 오류" in page
    assert "옛 버전 인용" in page and "P-1@1" in page
    assert "kb-card--error" in page


def _stale_kb() -> dict[str, str]:
    return {
        "policies/p.yaml": """
            id: P
            title: 정책
            owner: 팀
            clauses:
              - {id: P-1, title: 조항, version: 2, effective: 2020-01-01, text: 본문}
        """,
        "docs/answers/a.md": """
            ---
            id: a
            cites: [P-1@1]
            title: 답변
            ---
            본문
        """,
    }


def test_plugin_options_and_english_labels(make_kb, tmp_path, kb_cli):
    config = make_kb(
        {
            "rules/p.yaml": """
                id: P
                title: Policy
                owner: team
                clauses:
                  - {id: P-1, title: Clause, version: 1, effective: 2020-01-01, text: Text}
            """,
            "docs/canned/a.md": """
                ---
                id: a
                title: An answer
                cites: [P-1@1]
                ---
                Hello {{name}}.
            """,
        },
        config="site_name: KB\ntheme:\n  name: material\n  language: en\n"
        "plugins:\n  - search\n  - kb:\n      policies_dir: rules\n      answers_dir: canned\n",
    )
    out = tmp_path / "out"
    result = kb_cli("build", "-q", "-f", str(config), "--site-dir", str(out))
    assert result.exit_code == 0, result.output
    answer = article(read(out, "canned/a"))
    assert "Text to send" in answer and ">Copy<" in answer and "In force" in answer
    assert 'href="../../policies/p/#p-1"' in answer


def test_kb_build_needs_the_plugin(make_kb, kb_cli):
    config = make_kb({}, config="site_name: x\nplugins:\n  - search\n")
    result = kb_cli("build", "-f", str(config))
    assert result.exit_code == 2
    assert "kb 플러그인이 켜져 있지 않습니다" in result.output


def test_sample_kb_builds_strictly(tmp_path, kb_cli):
    """The repository's own KB: no check errors, no MkDocs warnings (broken links)."""
    result = kb_cli(
        "build", "-q", "--strict", "-f", str(REPO / "mkdocs.yml"), "--site-dir", str(tmp_path)
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "policies" / "refund" / "index.html").exists()


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])


def _broken_links(site: Path) -> list[str]:
    """Internal links of every page whose file or #anchor is not in the site."""
    pages: dict[Path, _Links] = {}
    for page in site.rglob("*.html"):
        if page.name == "404.html":  # links from the site root, wherever it is served
            continue
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        pages[page.resolve()] = parser
    broken = []
    for page, parser in pages.items():
        for href in parser.hrefs:
            if re.match(r"^[a-z]+:", href) or href.startswith("//"):
                continue
            path, _, fragment = href.partition("#")
            target = (page.parent / unquote(path)).resolve() if path else page
            if target.is_dir():
                target = target / "index.html"
            if target not in pages:
                broken.append(f"{page.relative_to(site.resolve())}: {href}")
            elif fragment and unquote(fragment) not in pages[target].ids:
                broken.append(f"{page.relative_to(site.resolve())}: {href} (no such anchor)")
    return broken


@pytest.mark.parametrize("directory_urls", [True, False])
def test_every_internal_link_and_anchor_exists(tmp_path, kb_cli, directory_urls):
    config = write_kb(
        tmp_path / "kb",
        SITE_KB,
        config="site_name: 링크\ntheme:\n  name: material\n  language: ko\n"
        f"use_directory_urls: {str(directory_urls).lower()}\nplugins:\n  - search\n  - kb\n",
    )
    out = tmp_path / "out"
    result = kb_cli("build", "-q", "-f", str(config), "--site-dir", str(out))
    assert result.exit_code == 0, result.output
    assert _broken_links(out) == []


def test_allow_errors_in_mkdocs_yml_is_honoured_by_kb_build(make_kb, tmp_path, kb_cli):
    config = make_kb(
        _stale_kb(),
        config="site_name: x\ntheme:\n  name: material\n"
        "plugins:\n  - search\n  - kb:\n      allow_errors: true\n",
    )
    out = tmp_path / "out"
    result = kb_cli("build", "-q", "-f", str(config), "--site-dir", str(out))
    assert result.exit_code == 0, result.output
    assert "kb-alert--error" in read(out, "answers/a")


def test_an_english_site_has_no_korean_word_of_kb_own(make_kb, tmp_path, kb_cli):
    """theme.language: en on a KB written in English: every page (but the writing guide,
    which is documentation in Korean) and the search box's words are English."""
    config = make_kb(
        {
            "policies/p.yaml": """
                id: P
                title: Policy
                owner: team
                review_by: 2020-06-01
                clauses:
                  - {id: P-1, title: Clause, version: 1, effective: 2020-01-01, text: Text}
                  - {id: P-2, title: Later, version: 1, effective: 2099-01-01, text: Soon}
            """,
            "docs/answers/a.md": """
                ---
                id: a
                title: An answer
                cites: [P-1@1]
                tags: [billing/refund]
                ---
                Hello {{name}}.
            """,
            "docs/answers/b.md": """
                ---
                id: b
                title: A broken answer
                cites: [P-9@1]
                ---
                Hello.
            """,
        },
        config="site_name: KB\ntheme:\n  name: material\n  language: en\n"
        "plugins:\n  - search\n  - kb\n",
    )
    out = tmp_path / "out"
    result = kb_cli("build", "-q", "--allow-errors", "-f", str(config), "--site-dir", str(out))
    assert result.exit_code == 0, result.output
    pages = [p for p in out.rglob("*.html") if "writing-guide" not in p.parts]
    assert len(pages) > 5
    korean = {
        str(p.relative_to(out)): re.findall(r"[^<>]{0,30}[가-힣]+[^<>]{0,30}", p.read_text("utf-8"))
        for p in pages
    }
    assert {page: found for page, found in korean.items() if found} == {}
    words = (out / "assets/kb/search/words.js").read_text("utf-8")
    assert '"search_placeholder": "Search answers ( / )"' in words
    assert "Writing guide" in read(out, "")
