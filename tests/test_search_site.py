"""The site's own search box in headless Chromium: Korean typed as an IME
types it (keyup) or pasted with the mouse (input only), ranked as `kb search`
ranks, keyboard first, copy with placeholders filled in from the results."""

from __future__ import annotations

import json

import pytest
from browser import browser, page_at, serve_directory  # noqa: F401
from click.testing import CliRunner
from conftest import write_kb
from search_kb import SEARCH_KB
from test_search_questions import TWINS

from kb.cli import main
from kb.config import read_config
from kb.search.index import Location
from kb.search.query import parse_query, search
from kb.search.querytext import vocabulary_of

PLACEHOLDER_ANSWER = {
    "docs/answers/refund/late.md": """
        ---
        id: refund-late
        title: 환불이 늦어지는 이유 안내
        cites: [REFUND-3@1]
        tags: [환불/처리 기간]
        ---
        {{고객명}} 고객님, {{주문번호}} 주문의 환불은 카드사 사정으로 늦어질 수 있어요.
    """,
}
FILES = {**SEARCH_KB, **PLACEHOLDER_ANSWER, **TWINS}
# Queries for comparing the two searches: particles, endings, no spaces,
# synonyms, typos, ids, numbers, and words the KB does not have.
QUERIES = [
    "환불은", "환불해", "돈 언제 들어와요", "배송출발했는데 취소돼요", "비번 까먹었어요",
    "비밀번효", "REFUND-3", "refund-processing", "반품 배송비", "3~7일", "카드사 영업일",
    "공동현관 출입", "주문 취소", "본인 인증", "왕복 배송비 빼고 환불", "환불 늦어요",
    "주식 배당금", "예전 환불 옛날 안내", "계정", "비밀번호 재설정 어디서",
    "배송 들어감", "비번 잊어버림", "환불 처리됨",
    "3만원 결제했는데 환불 언제", "1일권 환불", "3주전에 주문", "2만 원 20,000원 취소",
    "비밀번효 재설정", "어플 비번 변경", "비번 잊어버렷어요", "재설정 가능한곳",
    "카드가 없어졌어요", "만오천원 환불 언제", "1만2천원 결제 취소", "천 원 오백원",
    "한번 탔는데 두번 결제", "이중 결제", "세 개 열 시간", "ㅋㅋ ㅅㅂ 환불", "1:1문의 10:30",
    "완전 개비싸요 반품", "환불 자동결제 끄다", "재설정 버튼 눌렀는데 몰라요",
    "주소 틀림 배송비", "주소가 틀렸는데 배송비 또 내요",
]


def build(config, out):
    result = CliRunner().invoke(
        main, ["build", "-q", "-f", str(config), "--site-dir", str(out)], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    return write_kb(tmp_path_factory.mktemp("search-site") / "kb", FILES)


@pytest.fixture(scope="module")
def site(kb):
    return build(kb, kb.parent.parent / "site")


@pytest.fixture(scope="module")
def served(site):
    with serve_directory(site) as base:
        yield base


@pytest.fixture
def page(browser, served):  # noqa: F811
    with page_at(browser, served, clipboard=True) as page:
        page.goto(served)
        page.wait_for_function("window.kbSearch !== undefined")
        yield page
        assert page.js_errors == []


def test_search_files_and_material_index_emptied(site):
    folder = site / "search" / "kb"
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    assert meta["shards"] >= 1 and meta["no_good_answer"] == "맞는 답변을 찾지 못했습니다"
    shards = [json.loads(p.read_text(encoding="utf-8")) for p in (folder / "t").glob("*.json")]
    assert len(shards) == meta["shards"]
    terms = {t: v for shard in shards for t, v in shard.items()}
    assert "환불" in terms and "환급" in terms  # a synonym of the base vocabulary
    rows = [r for p in (folder / "d").glob("*.json")
            for r in json.loads(p.read_text(encoding="utf-8"))]
    assert "old-refund" not in {r["i"] for r in rows}  # retired
    late = next(r for r in rows if r["i"] == "refund-late")
    assert late["u"] == "answers/refund/late/" and "{{고객명}}" in late["c"]
    vocab = json.loads((folder / "vocab.json").read_text(encoding="utf-8"))
    assert "환불" in vocab["terms"] and "은" not in vocab["terms"]
    material = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert material["docs"] == []  # nobody downloads every page's text


def type_as_ime(page, query: str) -> None:
    """A Korean IME: the text arrives, then a keyup (often no input event for it)."""
    box = page.locator(".kb-search__input")
    box.click()
    box.evaluate("(el, q) => { el.value = q; }", query)
    page.keyboard.press("End")


def paste(page, query: str) -> None:
    """A mouse paste: an input event and no key at all."""
    page.locator(".kb-search__input").evaluate(
        "(el, q) => { el.value = q; el.dispatchEvent(new InputEvent('input',"
        " {inputType: 'insertFromPaste', bubbles: true})); }",
        query,
    )


def shown(page, query: str) -> list[str]:
    page.wait_for_function("q => window.kbSearch.shown === q", arg=query)
    return page.eval_on_selector_all(".kb-search__item", "items => items.map(i => i.dataset.id)")


@pytest.mark.browser
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("환불은", "refund-"),  # a particle
        ("돈 언제 들어와요", "refund-processing"),  # an ending and synonyms
        ("배송출발했는데 취소돼요", "delivery-started"),  # no spaces
        ("비번 까먹었어요", "password-reset"),  # customer's word
        ("비밀번효", "password-reset"),  # a typo
        ("REFUND-3", "REFUND-3"),  # a clause id
    ],
)
def test_typed_with_an_ime_finds_korean(page, query, expected):
    type_as_ime(page, query)
    assert [i for i in shown(page, query)[:3] if i.startswith(expected)]


@pytest.mark.browser
def test_results_show_the_words_found_in_their_text(page):
    type_as_ime(page, "왕복 배송비")
    shown(page, "왕복 배송비")
    marked = page.locator(".kb-search__item").first.locator(".kb-search__snippet mark")
    assert set(marked.all_inner_texts()) == {"왕복", "배송"}  # the terms, as kb search marks


@pytest.mark.browser
def test_a_mouse_paste_searches_without_any_key(page):
    paste(page, "비번 까먹었어요")
    assert shown(page, "비번 까먹었어요")[0] == "password-reset"


@pytest.mark.browser
def test_retired_answer_is_not_offered(page):
    type_as_ime(page, "예전 환불 옛날 안내")
    assert "old-refund" not in shown(page, "예전 환불 옛날 안내")


@pytest.mark.browser
def test_the_site_lists_what_kb_search_lists_in_the_same_order(page, kb):
    """One reading of the query (kb/search/querytext.py and its twin in
    search.js), one set of weights: the same results, scores and verdicts."""
    config = read_config(kb)
    for query in QUERIES:
        hits = search(config, query)
        parsed = parse_query(query, vocabulary_of(str(Location.of(config).current())))
        assert page.evaluate("q => window.kbSearch.parse(q)", query) == parsed.to_dict(), query
        site = page.evaluate("p => window.kbSearch.rank(p)", parsed.to_dict())
        assert [r["id"] for r in site] == [h.id for h in hits], query
        for r, h in zip(site, hits, strict=True):
            assert r["score"] == pytest.approx(h.score, rel=1e-3), query
            assert r["good"] == h.good, query
        assert page.evaluate("q => window.kbSearch.search(q)", query) == [h.id for h in hits]


@pytest.mark.browser
def test_no_good_answer_in_both_searches(page, kb, kb_cli):
    query = "주식 배당금 배송 일정 알려줘"
    data = json.loads(kb_cli("search", query, "-f", str(kb), "--format", "json").output)
    assert data["no_good_answer"] is True
    type_as_ime(page, query)
    shown(page, query)
    assert page.locator(".kb-search__status").inner_text().startswith("맞는 답변을 찾지 못했습니다")
    type_as_ime(page, "환불 언제 돼요")
    shown(page, "환불 언제 돼요")
    assert page.locator(".kb-search__status").is_hidden()


@pytest.mark.browser
def test_keyboard_slash_arrows_enter(page, served):
    for key in ("s", "/"):  # Material's key for its own search box focuses ours too
        page.locator("body").click()
        page.keyboard.press(key)
        assert page.evaluate("document.activeElement.classList.contains('kb-search__input')")
        assert page.locator(".kb-search__input").input_value() == ""
    page.keyboard.type("비밀번호")
    ids = shown(page, "비밀번호")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    selected = page.locator(".kb-search__item[aria-selected=true]")
    assert selected.get_attribute("data-id") == ids[1]
    href = selected.locator("a").get_attribute("href")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == href


@pytest.mark.browser
def test_copy_from_a_result_with_placeholders_filled_in(page):
    type_as_ime(page, "환불이 늦어지는 이유")
    shown(page, "환불이 늦어지는 이유")
    item = page.locator(".kb-search__item[data-id=refund-late]")
    fields = item.locator(".kb-fill input")
    assert fields.evaluate_all("els => els.map(e => e.placeholder)") == ["고객명", "주문번호"]
    count = item.locator(".kb-fill__count")
    assert count.inner_text().endswith("/ 1,000자")
    before = int(count.inner_text().split("/")[0].replace(",", ""))
    item.locator("input[data-placeholder=고객명]").fill("김민지")
    assert int(count.inner_text().split("/")[0].replace(",", "")) == before - len("{{고객명}}") + 3
    item.locator(".kb-copy").click()
    page.wait_for_selector(".kb-copy.kb-copy--done")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("김민지 고객님, {{주문번호}} 주문의 환불은")  # unfilled stays visible


@pytest.mark.browser
def test_tag_and_answer_pages_have_the_fill_in_form(page, served):
    page.goto(served + "answers/refund/late/")
    assert page.locator(".kb-fill input").count() == 2
    page.goto(served + "tags/")
    page.locator("main a", has_text="환불").first.click()
    page.wait_for_load_state()
    buttons = page.locator(".kb-copy").count()
    assert buttons >= 3  # the refund answers, each with its copy button
    assert page.locator(".kb-fill__count").count() == buttons
    assert page.locator(".kb-fill input[data-placeholder=주문번호]").count() == 1


def test_plugin_order_does_not_matter(tmp_path):
    config = write_kb(tmp_path / "kb", SEARCH_KB)
    text = config.read_text(encoding="utf-8")
    text = text.replace("  - search\n  - kb\n", "  - kb\n  - search\n")
    assert "  - kb\n  - search\n" in text
    config.write_text(text, encoding="utf-8")
    out = build(config, tmp_path / "site")
    data = json.loads((out / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert data["docs"] == [] and (out / "search" / "kb" / "meta.json").is_file()


def test_a_broken_synonyms_file_stops_the_build_with_its_path(tmp_path):
    import subprocess
    import sys

    config = write_kb(tmp_path / "kb", SEARCH_KB)
    (config.parent / "synonyms.yaml").write_text("synonyms:\n  - [unclosed\n", encoding="utf-8")
    # A process of its own: MkDocs logs the error, and its log handlers outlive CliRunner.
    result = subprocess.run(
        [sys.executable, "-m", "kb", "build", "-q", "-f", str(config),
         "--site-dir", str(tmp_path / "site")],
        capture_output=True, text=True,
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "검색 색인을 만들지 못했습니다" in output
    assert "synonyms.yaml:3" in output and "Traceback" not in output


@pytest.mark.browser
def test_a_fetch_that_failed_is_asked_again_by_the_next_search(page):
    # a dropped connection (or kb serve swapping the files mid-read) must not
    # break search until the page is reloaded
    failed: list[str] = []

    def first_fails(route):
        if failed:
            route.continue_()
        else:
            failed.append(route.request.url)
            route.abort()

    page.route("**/search/kb/t/*.json*", first_fails)
    type_as_ime(page, "환불은")
    status = page.locator(".kb-search__status")
    status.wait_for(state="visible")
    assert "검색 색인을 읽지 못했습니다" in status.inner_text() and failed
    type_as_ime(page, "환불")
    assert [i for i in shown(page, "환불")[:3] if i.startswith("refund-")]
