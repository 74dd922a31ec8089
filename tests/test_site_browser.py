"""The built site in headless Chromium: follow a clause link, copy an answer, no script.

Screenshots at desktop (1366px) and phone (390px) widths go to test-artifacts/.
"""

from __future__ import annotations

import re

import pytest
from browser import DESKTOP, PHONE, browser, page_at, screenshot, serve_directory  # noqa: F401
from click.testing import CliRunner
from conftest import REPO, write_kb
from site_kb import SITE_KB

from kb.cli import main
from kb.config import read_config
from kb.load import load
from kb.site.render import PLACEHOLDER

pytestmark = pytest.mark.browser


def _build(config, out) -> None:
    args = ["build", "-q", "-f", str(config), "--site-dir", str(out)]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory):
    """The repository's sample KB, built and served; yields (base URL, answer)."""
    kb = load(read_config(REPO / "mkdocs.yml"))
    cited = [a for a in kb.published_answers() if a.cites and a.status == "active"]
    if not cited:
        pytest.skip("the sample KB has no answers yet")
    # An answer with placeholders and a clause, the usual case for an agent.
    answer = next((a for a in cited if PLACEHOLDER.search(a.body)), cited[0])
    out = tmp_path_factory.mktemp("sample-site")
    _build(REPO / "mkdocs.yml", out)
    with serve_directory(out) as base:
        yield base, answer


@pytest.fixture(scope="module")
def small_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("small") / "kb"
    config = write_kb(root, SITE_KB)
    out = root.parent / "out"
    _build(config, out)
    with serve_directory(out) as base:
        yield base


def _answer_url(base: str, answer) -> str:
    return base + answer.doc_path[: -len(".md")] + "/"


def test_agent_follows_a_clause_link_from_an_answer(browser, sample_site):  # noqa: F811
    base, answer = sample_site
    with page_at(browser, base) as page:
        page.goto(_answer_url(base, answer))
        assert page.locator("h1").first.inner_text() == answer.title
        card_link = page.locator(".kb-cited .kb-card__head a.kb-id").first
        clause_id = card_link.inner_text()
        card_link.click()
        page.wait_for_url(re.compile(rf"/policies/.+/#{clause_id.lower()}$"))
        heading = page.locator(f"[id='{clause_id.lower()}']")
        assert heading.is_visible()
        assert clause_id in heading.inner_text()
        box = heading.bounding_box()
        assert box is not None and 0 <= box["y"] < DESKTOP["height"]  # scrolled to it
        assert page.js_errors == []


def test_agent_copies_clean_text_with_the_copy_button(browser, sample_site):  # noqa: F811
    base, answer = sample_site
    with page_at(browser, base, clipboard=True) as page:
        page.goto(_answer_url(base, answer))
        button = page.locator(".kb-send .kb-copy")
        button.click()
        page.wait_for_function(
            "document.querySelector('.kb-send .kb-copy').textContent === '복사됨'"
        )
        copied = page.evaluate("navigator.clipboard.readText()")
        shown = page.locator(".kb-send__body").inner_text()
        assert copied.strip()
        assert "**" not in copied and "[[" not in copied and "<br" not in copied
        assert "\n" in copied  # line breaks kept
        for placeholder in PLACEHOLDER.findall(answer.body):
            assert placeholder in copied  # kept for the agent to fill
        assert _words(copied) == _words(shown)
        assert page.locator(".kb-send mark.kb-ph").count() == len(PLACEHOLDER.findall(answer.body))
        screenshot(page, "site-answer-copied-desktop")


def _words(text: str) -> list[str]:
    return re.sub(r"[•\s]+", " ", text).split()


@pytest.mark.parametrize("viewport,label", [(DESKTOP, "desktop"), (PHONE, "phone")])
def test_screenshots_of_the_main_pages(browser, sample_site, viewport, label):  # noqa: F811
    base, answer = sample_site
    kb = load(read_config(REPO / "mkdocs.yml"))
    policy = kb.policy_of(kb.clause(answer.cites[0].clause_id))
    tag = "tags/" + answer.tags[0].split("/")[0] + "/" if answer.tags else "tags/"
    paths = {
        "home": "",
        "answer": _answer_url("", answer),
        "policy": f"policies/{policy.id.lower()}/",
        "tag": tag,
    }
    with page_at(browser, base, viewport=viewport) as page:
        for name, path in paths.items():
            response = page.goto(base + path)
            assert response is not None and response.ok, path
            page.wait_for_load_state("networkidle")
            # Nothing wider than the screen: no sideways scrolling on a phone.
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= viewport["width"], (path, width)
            screenshot(page, f"site-{name}-{label}")
        assert page.js_errors == []


def test_a_kb_never_seen_builds_copies_and_runs_no_script(browser, small_site):  # noqa: F811
    base = small_site
    dialogs: list[str] = []
    with page_at(browser, base, clipboard=True) as page:
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for path in ("answers/refund/before-shipping/", "policies/refund/", "manuals/guide/"):
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            assert page.evaluate("window.__xss") is None, path
            for link in page.locator(".md-content a").all():
                href = (link.get_attribute("href") or "").strip().lower()
                assert not href.startswith("javascript"), (path, href)
        page.goto(base + "answers/refund/before-shipping/")
        body = page.locator(".kb-send__body").inner_text()
        assert '<script>window.__xss = "answer"</script>' in body  # shown as text
        page.locator(".kb-send .kb-copy").click()
        page.wait_for_function(
            "document.querySelector('.kb-send .kb-copy').textContent === '복사됨'"
        )
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied.startswith("안녕하세요, {{고객명}} 고객님.\n결제일로부터 7일 이내라면")
        page.locator(".kb-send__body a.kb-ref").click()
        page.wait_for_url(re.compile(r"/policies/refund/#refund-1$"))
        assert page.evaluate("window.__xss") is None
        screenshot(page, "site-unseen-kb-policy")
    assert dialogs == []


def test_copy_works_without_the_clipboard_api(browser, small_site):  # noqa: F811
    """Sites opened over plain http on an intranet have no navigator.clipboard."""
    base = small_site
    with page_at(browser, base) as page:
        page.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined})")
        page.goto(base + "tags/배송/")
        button = page.locator(".kb-item .kb-copy").first
        button.click()
        page.wait_for_function(
            "[...document.querySelectorAll('.kb-item .kb-copy')]"
            ".some(b => b.textContent === '복사됨')"
        )
