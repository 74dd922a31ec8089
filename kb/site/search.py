"""The site's search: kb's own search box, ranked exactly as `kb search` ranks.

The box and its result list are kb's (assets/search/search.js), styled with
Material's colours but touching none of Material's objects: no worker, no
message types, no private config. After the build, `prepare` and `write` write under
`search/kb/`:

- `meta.json`: the ranking constants of kb/search/query.py, the number of
  shards and a version that changes with the index;
- `t/N.json`: the shards of per-term postings (kb/search/postings.py), fetched
  only for the terms of a query;
- `d/N.json`: the result table (title, URL, the answer's text to copy or a
  clause's or page's text for the snippet), in chunks fetched for the results
  shown;
- `vocab.json`: the index's Korean terms, which a query is split into
  (kb/search/querytext.py, the same in the browser and in `kb search`).

Material's own `search_index.json` is emptied: its box is hidden, and an
agent's browser would otherwise download every page's text on every visit.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import shutil
import threading
from pathlib import Path

from .. import messages
from ..messages import t
from ..search import query as q
from ..search import querytext
from ..search.postings import DIGITS, KIND_CODES, all_terms, documents, shard_of

log = logging.getLogger("mkdocs.plugins.kb")

ASSETS = Path(__file__).parent / "assets" / "search"
ASSET_DIR = "assets/kb/search"
# words.js is written per build: the scripts' words in the site's language.
SCRIPTS = ("words.js", "fill.js", "search.js")
STYLE = "search.css"
OUT = "search/kb"
MATERIAL_INDEX = "search/search_index.json"
SHARD_BYTES = 32_000  # about what one shard holds; a query fetches a few
CHUNK = 8  # result-table rows per file: ten results fetch at most ten small files
SNIPPET_CHARS = 400


def configure(config) -> None:
    """Load the search box on every page (it sits in the header)."""
    for name in SCRIPTS:
        _append(config["extra_javascript"], f"{ASSET_DIR}/{name}")
    _append(config["extra_css"], f"{ASSET_DIR}/{STYLE}")


def _append(items, path: str) -> None:
    if path not in [str(item) for item in items]:
        items.append(path)


def prepare(site_dir: Path) -> None:
    """The box's scripts, and Material's index emptied (its plugin has just written it)."""
    _copy_assets(site_dir)
    _empty_material_index(site_dir / MATERIAL_INDEX)


class Stopped(Exception):
    """`write` was asked to stop: a newer build will write the files."""


def write(site_dir: Path, kb_config, site, stop: threading.Event | None = None) -> None:
    """kb's search files under site_dir (`kb serve` runs this after serving the pages)."""
    from mkdocs.exceptions import PluginError

    from ..errors import KBError

    try:
        write_index(kb_config, site, site_dir / OUT, stop)
    except KBError as exc:  # e.g. a broken synonyms.yaml: its path and line, no traceback
        raise PluginError(t("sitesearch.post_build", message=exc.message)) from None


def _copy_assets(site_dir: Path) -> None:
    target = site_dir / ASSET_DIR
    target.mkdir(parents=True, exist_ok=True)
    for asset in ASSETS.iterdir():
        if asset.is_file():
            shutil.copyfile(asset, target / asset.name)
    (target / "words.js").write_text(words_js(), encoding="utf-8")


def words_js() -> str:
    """`window.KB_WORDS`: every word search.js and fill.js show, from the catalogue's
    `js.*` messages in the current language, left unformatted ({n} is filled in the browser)."""
    words = messages.in_language(messages.current(), "js")
    return f"window.KB_WORDS = {json.dumps(words, ensure_ascii=False, sort_keys=True)};\n"


def _empty_material_index(path: Path) -> None:
    if not path.is_file():
        return
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except ValueError:
        data = {}
    path.write_text(_dump({"config": data.get("config", {}), "docs": []}), encoding="utf-8")


def _dump(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


# --- the files ---------------------------------------------------------------------


def write_index(kb_config, site, out: Path, stop: threading.Event | None = None) -> dict:
    """Write the search files for the KB's current index; returns meta.json's data."""
    from ..search.index import open_index

    ix = open_index(kb_config)
    with ix.searcher() as searcher:
        docs = documents(searcher.reader())
        encoded = {}
        for term in all_terms(searcher, docs):
            if stop is not None and stop.is_set():
                raise Stopped
            encoded[term.text] = _dump(term.encode())
        count = searcher.reader().doc_count()
        vocab = _vocab(searcher.reader())
    # Written beside the old files and swapped in: `kb serve` serves the folder meanwhile.
    new = out.with_name(out.name + ".new")
    if new.exists():
        shutil.rmtree(new)
    (new / "t").mkdir(parents=True)
    (new / "d").mkdir()
    shards = _write_shards(new / "t", encoded)
    _write_docs(new / "d", docs, site)
    (new / "vocab.json").write_text(_dump(vocab), encoding="utf-8")
    meta = _meta(shards, len(docs), count)
    meta["version"] = hashlib.sha1(
        _dump([meta, sorted(encoded.items()), vocab]).encode("utf-8")
    ).hexdigest()[:12]
    (new / "meta.json").write_text(_dump(meta), encoding="utf-8")
    _swap(new, out)
    return meta


def _swap(new: Path, out: Path) -> None:
    old = out.with_name(out.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if out.exists():
        out.rename(old)
    new.rename(out)
    if old.exists():
        shutil.rmtree(old)


def _write_shards(folder: Path, texts: dict[str, str]) -> int:
    total = sum(len(t) + len(v.encode("utf-8")) + 4 for t, v in texts.items())
    shards = max(1, math.ceil(total / SHARD_BYTES))
    groups: dict[int, list[str]] = {}
    for term, value in texts.items():
        groups.setdefault(shard_of(term, shards), []).append(f"{_dump(term)}:{value}")
    for number in range(shards):
        body = "{" + ",".join(groups.get(number, [])) + "}"
        (folder / f"{number}.json").write_text(body, encoding="utf-8")
    return shards


def _write_docs(folder: Path, docs, site) -> None:
    answers = {a.id: a for a in site.kb.answers if a.published}
    rows = [_row(doc, site, answers) for doc in docs]
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start : start + CHUNK]
        (folder / f"{start // CHUNK}.json").write_text(_dump(chunk), encoding="utf-8")


def _row(doc, site, answers: dict) -> dict:
    """What a result shows: kind, id, title, link, text for its snippet, text to copy."""
    stored, kb = doc.stored, site.kb
    row = {"k": doc.kind, "i": doc.id, "t": stored.get("title", "")}
    meta = stored.get("meta") or {}
    body = " ".join(stored.get("body", "").split())
    if doc.kind == "answer":  # the text to copy is its snippet as well
        answer = answers.get(doc.id)
        row["u"] = site.url(answer.doc_path) if answer else ""
        row["c"] = site.answer_html(answer)[1] if answer else body
        if meta.get("status", "active") != "active":
            row["s"] = site.t.get(meta["status"], meta["status"])
    elif doc.kind == "clause":
        clause = kb.clauses.get(doc.id)
        row["u"] = site.clause_url(clause) if clause else ""
    else:
        row["u"] = site.url(doc.id)
    if "c" not in row:
        row["b"] = body[:SNIPPET_CHARS]
    return row


def _meta(shards: int, docs: int, count: int) -> dict:
    """The ranking constants of kb/search/query.py: the browser reads them from here."""
    return {
        "shards": shards,
        "docs": docs,
        "chunk": CHUNK,
        "digits": DIGITS,
        "limit": 10,
        "candidates": q.CANDIDATES,
        "min_candidates": q.MIN_CANDIDATES,
        # In the order of the kind codes the browser indexes by (postings.KIND_CODES).
        "kind_boosts": [q.KIND_BOOSTS[k] for k in sorted(KIND_CODES, key=lambda k: KIND_CODES[k])],
        "title_weight": q.TITLE_WEIGHT,
        "question_weight": q.QUESTION_WEIGHT,
        "good": q.GOOD_MATCH,
        "rarest": q.weight_of(count, 0),  # the weight of a word no document has
        "no_good_answer": q.no_good_answer_text(),
    }


def _vocab(reader) -> dict:
    """What the browser needs to read a query as kb search reads it."""
    return {
        "terms": querytext.vocabulary_terms(reader),
        "stop": querytext.STOP,
        "endings": querytext.ENDINGS_LONGEST_FIRST,
    }
