"""Korean search in the built site: the rewritten Material index, and the
search box in headless Chromium finding Korean the way `kb search` does."""

from __future__ import annotations

import json

import pytest
from browser import browser, page_at, serve_directory  # noqa: F401
from click.testing import CliRunner
from conftest import write_kb
from search_kb import SEARCH_KB

from kb.cli import main


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("search-site") / "kb"
    config = write_kb(root, SEARCH_KB)
    out = root.parent / "site"
    result = CliRunner().invoke(
        main, ["build", "-q", "-f", str(config), "--site-dir", str(out)], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    return out


def test_index_is_segmented_with_hidden_terms_and_no_retired_answer(site):
    data = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert {"kb", "kbt", "kbs"} <= set(data["config"]["fields"])
    assert "\\u200b" in data["config"]["separator"]  # a regular expression
    docs = {d["location"]: d for d in data["docs"]}
    assert not [loc for loc in docs if "old" in loc]  # the retired answer
    processing = docs["answers/refund/processing/"]
    assert "환불\u200b은" in processing["text"]  # a morpheme boundary, invisible
    assert "환불" in processing["kb"].split()
    assert "환급" in processing["kbs"].split()  # a synonym from the base vocabulary
    assert processing["boost"] > 1  # answers rank above other pages
    clause = next(d for loc, d in docs.items() if loc.endswith("#refund-3"))
    assert "refund_3_" in clause["kb"].split()
    vocab = json.loads((site / "search" / "kb_vocab.json").read_text(encoding="utf-8"))
    assert "환불" in vocab["terms"] and "은" not in vocab["terms"]


def _results(page, query: str) -> list[str]:
    """Type into Material's search box; the hrefs of the results it lists."""
    box = page.locator("input[data-md-component=search-query]")
    box.click()
    box.fill("")
    box.type(query)
    box.press("End")  # Material reads the box on keyup
    page.wait_for_function(
        "q => window.kbSearch && window.kbSearch.query === q"
        " && window.kbSearch.received >= window.kbSearch.sent",
        arg=query,
    )
    page.wait_for_selector(".md-search-result__item a[href]")
    return page.eval_on_selector_all(
        ".md-search-result__item > a[href]", "links => links.map(a => a.getAttribute('href'))"
    )


@pytest.mark.browser
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("환불은", "answers/refund/processing/"),  # a particle
        ("돈 언제 들어와요", "answers/refund/processing/"),  # an ending and synonyms
        ("배송출발했는데 취소돼요", "answers/shipping/started/"),  # no spaces
        ("비번 까먹었어요", "answers/account/password/"),  # customer's word
        ("비밀번효", "answers/account/password/"),  # a typo
        ("REFUND-3", "#refund-3"),  # a clause id
    ],
)
def test_the_search_box_finds_korean(browser, site, query, expected):  # noqa: F811
    with serve_directory(site) as base, page_at(browser, base) as page:
        page.goto(base)
        hrefs = _results(page, query)
        assert any(expected in href for href in hrefs[:3]), hrefs[:5]
        assert page.input_value("input[data-md-component=search-query]") == query
        assert not page.js_errors


@pytest.mark.browser
def test_retired_answer_is_not_offered(browser, site):  # noqa: F811
    with serve_directory(site) as base, page_at(browser, base) as page:
        page.goto(base)
        hrefs = _results(page, "예전 환불 옛날 안내")
        assert not [h for h in hrefs if "answers/old" in h]


def test_older_material_gets_the_terms_as_hidden_text(site, tmp_path):
    """Material 9.5 indexes only title, text and tags: the terms ride in the text, hidden."""
    from kb.load import load
    from kb.search.vocab import load_vocabulary
    from kb.site.search import rewrite_index

    root = write_kb(tmp_path / "kb", SEARCH_KB).parent
    plain = {
        "config": {"lang": ["en"], "separator": "[\\s\\-]+", "pipeline": []},
        "docs": [{"location": "answers/account/password/", "title": "비밀번호를 잊어버렸을 때",
                  "text": "<p>비밀번호 재설정</p>"}],
    }
    data, _ = rewrite_index(plain, load(root / "mkdocs.yml"), load_vocabulary(root),
                            fields=False)
    doc = data["docs"][0]
    assert "fields" not in data["config"] and "kb" not in doc
    hidden = doc["text"].split("<p hidden>", 1)[1]
    assert "비번" in hidden.split()  # a synonym, findable but not shown


def test_plugin_order_does_not_matter(tmp_path):
    config = write_kb(tmp_path / "kb", SEARCH_KB)
    text = config.read_text(encoding="utf-8")
    text = text.replace("  - search\n  - kb\n", "  - kb\n  - search\n")
    assert "  - kb\n  - search\n" in text
    config.write_text(text, encoding="utf-8")
    out = tmp_path / "site"
    result = CliRunner().invoke(
        main, ["build", "-q", "-f", str(config), "--site-dir", str(out)], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    data = json.loads((out / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert "kb" in data["config"]["fields"]
