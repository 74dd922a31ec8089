"""Search quality on the sample KB: hit@5 and MRR@10, side by side.

    .venv/bin/python scripts/eval_search.py [-f mkdocs.yml] [--set tests/data/search_eval.yaml]
        [--no-browser] [--misses]

Three searches answer each query of the evaluation set:
- `kb search` (kb.search: mecab morphemes, synonyms, syllable pairs);
- plain whoosh: the same documents with whoosh's StandardAnalyzer, no Korean
  analysis (the baseline the issue measured);
- the built site's search box in headless Chromium (Material's search with
  kb.site.search): the query is typed into the box and the result list read.

A query counts as found at rank r when the r-th result (all kinds: answers,
clauses, manual pages; in the site one result is one page with its sections)
is one of its expected ids.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from kb.config import read_config  # noqa: E402
from kb.load import load  # noqa: E402


def read_set(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]


def rank(found: list[str], expect: list[str]) -> int | None:
    for position, ident in enumerate(found, 1):
        if ident in expect:
            return position
    return None


def scores(ranks: list[int | None]) -> tuple[float, float]:
    hit5 = sum(1 for r in ranks if r is not None and r <= 5) / len(ranks)
    mrr = sum(1 / r for r in ranks if r is not None and r <= 10) / len(ranks)
    return hit5, mrr


# --- the three searches --------------------------------------------------------


def kb_search(config, queries: list[dict]) -> list[list[str]]:
    from kb.search.query import search

    return [[h.id for h in search(config, q["q"], limit=10)] for q in queries]


def plain_whoosh(kb, queries: list[dict]) -> list[list[str]]:
    """The baseline: whoosh's StandardAnalyzer over titles and bodies."""
    from whoosh import fields, index, qparser
    from whoosh.analysis import StandardAnalyzer

    from kb.search.index import documents_of

    schema = fields.Schema(
        id=fields.ID(stored=True),
        title=fields.TEXT(analyzer=StandardAnalyzer()),
        body=fields.TEXT(analyzer=StandardAnalyzer()),
    )
    with tempfile.TemporaryDirectory() as tmp:
        ix = index.create_in(tmp, schema)
        with ix.writer() as writer:
            for docs in documents_of(kb).values():
                for doc in docs:
                    writer.add_document(id=doc["id"], title=doc["title"], body=doc["body"])
        parser = qparser.MultifieldParser(["title", "body"], schema, group=qparser.OrGroup)
        with ix.searcher() as searcher:
            return [
                [hit["id"] for hit in searcher.search(parser.parse(q["q"]), limit=10)]
                for q in queries
            ]


def build_site(config_file: Path, site_dir: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config_file), "-d",
         str(site_dir)],
        check=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )


def site_ids(kb, use_directory_urls: bool = True) -> dict[str, str]:
    """Page path or #anchor in the site -> answer or clause id."""
    from kb.site.search import _page_url

    ids = {}
    for answer in kb.answers:
        ids[_page_url(answer.doc_path, use_directory_urls)] = answer.id
        ids["#" + answer.anchor] = answer.id
    for clause_id in kb.clauses:
        ids["#" + clause_id.lower()] = clause_id
    for manual in kb.manuals:
        ids[_page_url(manual.doc_path, use_directory_urls)] = manual.doc_path
    return ids


def result_groups(page) -> list[list[str]]:
    """The hrefs of each result in the open search box, in order."""
    return page.eval_on_selector_all(
        "ol.md-search-result__list > li.md-search-result__item",
        "items => items.map(li => [...li.querySelectorAll('a[href]')]"
        ".map(a => a.getAttribute('href')))",
    )


def ask(page, query: str) -> None:
    """Type `query` into the search box and wait until its results are shown."""
    box = page.locator("input[data-md-component=search-query]")
    box.click()
    box.fill("")
    box.type(query)
    box.press("End")  # Material reads the box on keyup; typed Hangul may send none
    page.wait_for_function(
        "q => window.kbSearch && window.kbSearch.query === q"
        " && window.kbSearch.received >= window.kbSearch.sent",
        arg=query,
        timeout=15000,
    )
    # Material renders the result list on a later animation frame.
    page.evaluate(
        "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame("
        "() => setTimeout(done, 30))))"
    )


def group_ids(groups: list[list[str]], ids: dict[str, str], base: str) -> list[list[str]]:
    out = []
    for hrefs in groups:
        found = []
        for href in hrefs:
            parts = urlsplit(href)
            path = parts.path[len(urlsplit(base).path):] if parts.path.startswith(
                urlsplit(base).path) else parts.path.lstrip("/")
            for key in ("#" + parts.fragment if parts.fragment else None, path):
                if key and key in ids and ids[key] not in found:
                    found.append(ids[key])
        out.append(found)
    return out


def site_search(kb, config_file: Path, queries: list[dict]) -> list[list[list[str]]]:
    from browser import CHROMIUM, CHROMIUM_ARGS, serve_directory
    from playwright.sync_api import sync_playwright

    ids = site_ids(kb)
    with tempfile.TemporaryDirectory() as tmp:
        build_site(config_file, Path(tmp))
        with serve_directory(Path(tmp)) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM),
                                                 args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1366, "height": 900})
            page.goto(base)
            page.wait_for_function("window.kbSearch !== undefined")
            results = []
            for q in queries:
                ask(page, q["q"])
                results.append(group_ids(result_groups(page), ids, base)[:10])
            browser.close()
    return results


def site_rank(groups: list[list[str]], expect: list[str]) -> int | None:
    for position, found in enumerate(groups, 1):
        if any(i in expect for i in found):
            return position
    return None


# --- report --------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-f", "--config-file", default=str(ROOT / "mkdocs.yml"))
    parser.add_argument("--set", default=str(ROOT / "tests" / "data" / "search_eval.yaml"))
    parser.add_argument("--no-browser", action="store_true", help="Skip the site's search box.")
    parser.add_argument("--misses", action="store_true", help="List the queries missed at 5.")
    args = parser.parse_args()
    config = read_config(args.config_file)
    kb = load(config)
    queries = read_set(Path(args.set))
    columns: dict[str, list[int | None]] = {}
    shown: dict[str, list] = {}

    started = time.perf_counter()
    found = kb_search(config, queries)
    columns["kb search"] = [rank(f, q["expect"]) for f, q in zip(found, queries, strict=True)]
    shown["kb search"] = found
    found = plain_whoosh(kb, queries)
    columns["plain whoosh"] = [rank(f, q["expect"]) for f, q in zip(found, queries, strict=True)]
    shown["plain whoosh"] = found
    if not args.no_browser:
        groups = site_search(kb, Path(args.config_file), queries)
        columns["site search box"] = [
            site_rank(g, q["expect"]) for g, q in zip(groups, queries, strict=True)
        ]
        shown["site search box"] = groups

    print(f"{len(queries)} queries, {len(kb.answers)} answers "
          f"({time.perf_counter() - started:.0f} s)\n")
    print(f"| {'search':<16} | hit@5 | MRR@10 |")
    print(f"|{'-' * 18}|-------|--------|")
    for name, ranks in columns.items():
        hit5, mrr = scores(ranks)
        print(f"| {name:<16} | {hit5:.3f} | {mrr:.3f}  |")
    if args.misses:
        for name, ranks in columns.items():
            print(f"\nmissed at 5 by {name}:")
            for q, r, f in zip(queries, ranks, shown[name], strict=True):
                if r is None or r > 5:
                    print(f"  {q['q']!r} ({q['why']}) want {q['expect']} rank {r}; got {f[:3]}")


if __name__ == "__main__":
    main()
