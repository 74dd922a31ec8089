"""Search quality on the sample KB: hit@5 and MRR@10, side by side.

    .venv/bin/python scripts/eval_search.py [-f mkdocs.yml] [--set tests/data/search_eval.yaml]
        [--no-browser] [--misses]

Three searches answer each query of the evaluation set:
- `kb search` (kb.search: mecab morphemes, synonyms, syllable pairs);
- plain whoosh: the same documents with whoosh's StandardAnalyzer, no Korean
  analysis (the baseline the issue measured);
- the built site's search box in headless Chromium (kb.site.search): the
  query is typed into the box as a Korean IME types it and the list read.
  It also reports how often both list the same results in the same order, and
  whether the site ranks as kb search when given kb search's own query terms
  (the ranking is the same; the analysis of the query differs, as mecab does
  not run in a browser).

A query counts as found at rank r when the r-th result (all kinds: answers,
clauses, manual pages) is one of its expected ids.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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


def ask(page, query: str) -> list[str]:
    """Type `query` into the box as a Korean IME does (text, then a keyup); the ids listed."""
    box = page.locator(".kb-search__input")
    box.click()
    box.evaluate("(el, q) => { el.value = q; }", query)
    page.keyboard.press("End")
    page.wait_for_function("q => window.kbSearch.shown === q", arg=query, timeout=15000)
    return page.eval_on_selector_all(".kb-search__item", "items => items.map(i => i.dataset.id)")


def site_search(config_file: Path, queries: list[dict]) -> tuple[list[list[str]], int]:
    """The ids the site's box lists per query, and how many queries got the same
    ranking as kb search when given kb search's own terms."""
    from browser import CHROMIUM, CHROMIUM_ARGS, serve_directory
    from playwright.sync_api import sync_playwright

    from kb.search.index import Location
    from kb.search.query import parse_query, search
    from kb.search.querytext import vocabulary_of

    config = read_config(config_file)
    with tempfile.TemporaryDirectory() as tmp:
        build_site(config_file, Path(tmp))
        with serve_directory(Path(tmp)) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM),
                                                 args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1366, "height": 900})
            page.goto(base)
            page.wait_for_function("window.kbSearch !== undefined")
            results, same = [], 0
            for q in queries:
                results.append(ask(page, q["q"]))
                vocabulary = vocabulary_of(str(Location.of(config).current()))
                terms = parse_query(q["q"], vocabulary).to_dict()
                ranked = page.evaluate("p => window.kbSearch.rank(p)", terms)
                same += [r["id"] for r in ranked] == [h.id for h in search(config, q["q"])]
            browser.close()
    return results, same


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
    same = None
    if not args.no_browser:
        found, same = site_search(Path(args.config_file), queries)
        columns["site search box"] = [
            rank(f, q["expect"]) for f, q in zip(found, queries, strict=True)
        ]
        shown["site search box"] = found
        agree = sum(a == b for a, b in zip(found, shown["kb search"], strict=True))

    print(f"{len(queries)} queries, {len(kb.answers)} answers "
          f"({time.perf_counter() - started:.0f} s)\n")
    print(f"| {'search':<16} | hit@5 | MRR@10 |")
    print(f"|{'-' * 18}|-------|--------|")
    for name, ranks in columns.items():
        hit5, mrr = scores(ranks)
        print(f"| {name:<16} | {hit5:.3f} | {mrr:.3f}  |")
    if same is not None:
        print(f"\nsite and kb search list the same results in the same order: "
              f"{agree}/{len(queries)} queries")
        print(f"given kb search's terms, the site ranks as kb search: {same}/{len(queries)}")
    if args.misses:
        for name, ranks in columns.items():
            print(f"\nmissed at 5 by {name}:")
            for q, r, f in zip(queries, ranks, shown[name], strict=True):
                if r is None or r > 5:
                    print(f"  {q['q']!r} ({q['why']}) want {q['expect']} rank {r}; got {f[:3]}")


if __name__ == "__main__":
    main()
