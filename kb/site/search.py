"""Korean search in the built site, inside MkDocs Material's own search box.

Material's search (lunr in a web worker) splits text at whitespace, so
`환불` never matches `환불은`, and it has no synonyms. Material 9 removed
custom search workers, but the worker indexes whatever `search_index.json`
holds, with the separator, pipeline and fields that file's `config` names.
So, after Material's search plugin has written the file, `post_build`:

- puts a zero-width space (already one of Material's separators for Chinese)
  between the morphemes of Korean words in each title and text, so lunr's
  tokens are morphemes: invisible to the reader, and highlighting still works;
- adds a hidden field `kb` to every document: the same terms `kb search`
  indexes (verb stems, compound parts, clause ids) plus the synonyms of the
  document's words, and a field `kbt` with the title's terms;
- boosts answers (what an agent sends), leaves retired answers out, and
  writes the JSON as UTF-8 rather than \\u escapes (half the download);
- writes `search/kb_vocab.json`: the index's Korean vocabulary.

In the browser, `assets/kb/search/search.js` rewrites the query before it
reaches the worker: it splits each Korean word into vocabulary terms (longest
match, so `배송출발했는데` becomes `배송 출발`), drops particles and endings,
undoes contractions (`바꿔` -> `바꾸`) and maps near-miss typos to the
nearest term. The reader sees their own words in the box and Material's
usual result list.
"""

from __future__ import annotations

import json
import logging
import re
import shutil
from pathlib import Path

from ..search import analysis
from .context import page_url

log = logging.getLogger("mkdocs.plugins.kb")

ASSETS = Path(__file__).parent / "assets" / "search"
SCRIPT = "assets/kb/search/search.js"
VOCAB = "search/kb_vocab.json"
INDEX = "search/search_index.json"
# Material's separator plus the zero-width space and common punctuation.
SEPARATOR = r"[\s\u200b\-,:!=\[\]()\"`/·~?.;]+|&[lg]t;|&amp;"
FIELDS = {
    # lunr in Material scores without length normalisation, so the visible
    # text (long, full of endings) counts little and the analysed terms much.
    "title": {"boost": 1.0},
    "text": {"boost": 0.2},
    "tags": {"boost": 3.0},
    "kbt": {"boost": 5.0},  # the title's terms and their synonyms
    "kb": {"boost": 2.0},  # the document's terms
    "kbs": {"boost": 1.0},  # synonyms of the document's terms
}
KIND_BOOSTS = {"answer": 2.0, "clause": 1.0, "manual": 0.8, "other": 0.6}
TAG = re.compile(r"(<[^>]*>)")
ID_TERM = re.compile(r"[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+")


def configure(config) -> None:
    """Load the query rewriter on every page (Material's search box is on every page)."""
    scripts = config["extra_javascript"]
    if SCRIPT not in [str(s) for s in scripts]:
        scripts.append(SCRIPT)


def post_build(config, kb) -> None:
    """Rewrite Material's search index in config['site_dir'] for Korean."""
    site = Path(config["site_dir"])
    _copy_assets(site)
    path = site / INDEX
    if not path.is_file():
        log.warning("kb: %s not found; is the `search` plugin listed under plugins?", INDEX)
        return
    data = json.loads(path.read_text(encoding="utf-8"))
    from ..search.vocab import load_vocabulary

    data, vocabulary = rewrite_index(data, kb, load_vocabulary(kb.root), config)
    path.write_text(_dump(data), encoding="utf-8")
    (site / VOCAB).write_text(_dump(vocabulary), encoding="utf-8")


def _dump(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _copy_assets(site: Path) -> None:
    target = site / Path(SCRIPT).parent
    target.mkdir(parents=True, exist_ok=True)
    for asset in ASSETS.iterdir():
        if asset.is_file():
            shutil.copyfile(asset, target / asset.name)


# --- the index ----------------------------------------------------------------


def material_has_fields() -> bool:
    """Whether the installed Material indexes the fields its search config names.

    Material 9.5 indexed only title, text and tags; later 9.x releases index
    every field under `config.fields`, which lets our terms stay invisible.
    """
    try:
        from material.plugins.search.config import SearchConfig
    except ImportError:
        return False
    return any(name == "fields" for name, _ in SearchConfig._schema)


def rewrite_index(
    data: dict, kb, vocabulary, config=None, fields: bool | None = None
) -> tuple[dict, dict]:
    """(new search_index.json data, the browser's vocabulary)."""
    fields = material_has_fields() if fields is None else fields
    kinds = _locations(kb, config)
    docs: list[dict] = []
    terms: dict[str, int] = {}
    for doc in data.get("docs", []):
        kind = _kind(doc.get("location", ""), kinds)
        if kind == "retired":
            continue
        new = _rewrite_doc(doc, kind, vocabulary, terms)
        docs.append(new if fields else _fold_hidden(new))
    config_data = dict(data.get("config", {}))
    config_data.update(separator=SEPARATOR, pipeline=[])
    if fields:
        config_data["fields"] = FIELDS
    if not config_data.get("lang"):
        config_data["lang"] = ["en"]
    # lunr-languages' Korean support would trim Hangul; our terms need none of it.
    config_data["lang"] = [lang for lang in config_data["lang"] if lang != "ko"] or ["en"]
    return {**data, "config": config_data, "docs": docs}, _vocab_file(terms)


def _locations(kb, config) -> dict[str, str]:
    """Page URL or `#anchor` -> kind of document, from the KB model."""
    directory_urls = True if config is None else bool(config.get("use_directory_urls", True))
    kinds: dict[str, str] = {}
    for answer in kb.answers:
        kind = "answer" if answer.published else "retired"
        kinds[page_url(answer.doc_path, directory_urls)] = kind
        kinds["#" + answer.anchor] = kind
    for clause_id in kb.clauses:
        kinds["#" + clause_id.lower()] = "clause"
    for manual in kb.manuals:
        kinds[page_url(manual.doc_path, directory_urls)] = "manual"
    return kinds


def _kind(location: str, kinds: dict[str, str]) -> str:
    page, _, anchor = location.partition("#")
    if anchor and "#" + anchor in kinds:
        return kinds["#" + anchor]
    return kinds.get(page, "other")


def _rewrite_doc(doc: dict, kind: str, vocabulary, terms: dict) -> dict:
    title, text = doc.get("title", ""), doc.get("text", "")
    title_terms = analysis.words(_plain(title))
    own = title_terms + analysis.words(_plain(text)) + analysis.words(" ".join(doc.get("tags", [])))
    extra = vocabulary.expand(set(own))
    for term in own + extra:
        terms[term] = terms.get(term, 0) + 1
    new = dict(doc)
    new["title"] = segment_html(title)
    new["text"] = segment_html(text)
    title_extra = vocabulary.expand(set(title_terms))
    new["kbt"] = " ".join(_encode(t) for t in dict.fromkeys(title_terms + title_extra))
    new["kb"] = " ".join(_encode(t) for t in dict.fromkeys(own))
    new["kbs"] = " ".join(_encode(t) for t in extra)
    boost = KIND_BOOSTS.get(kind, 1.0) * float(doc.get("boost", 1.0))
    if boost != 1.0:
        new["boost"] = round(boost, 3)
    return new


def _fold_hidden(doc: dict) -> dict:
    """For a Material that indexes only title, text and tags: the terms go into
    the text as a hidden paragraph (the result list renders text as HTML)."""
    hidden = " ".join(dict.fromkeys(
        " ".join(doc.pop(name, "") for name in ("kbt", "kb", "kbs")).split()
    ))
    if hidden:
        doc["text"] = doc.get("text", "") + f"<p hidden>{hidden}</p>"
    return doc


def _encode(term: str) -> str:
    """`refund-3` -> `refund_3_`: one lunr token that `refund-30` does not extend."""
    if ID_TERM.fullmatch(term):
        return term.replace("-", "_") + "_"
    return term


def _plain(html: str) -> str:
    from html import unescape

    return unescape(TAG.sub(" ", html))


def segment_html(html: str) -> str:
    """Zero-width spaces between the morphemes of Korean words, outside tags."""
    parts = TAG.split(html)
    for i in range(0, len(parts), 2):
        parts[i] = _segment(parts[i])
    return "".join(parts)


def _segment(text: str) -> str:
    if not analysis.HANGUL.search(text):
        return text
    text = analysis.nfc(text)
    cuts = analysis.segment_boundaries(text)
    if not cuts:
        return text
    pieces, last = [], 0
    for cut in cuts:
        pieces += [text[last:cut], "\u200b"]
        last = cut
    pieces.append(text[last:])
    return "".join(pieces)


# Particles, endings and fillers as customers type them: never a term in the
# browser, and stripped from the end of a word the vocabulary does not know.
ENDINGS = (
    "은 는 이 가 을 를 에 에서 에게 한테 께 으로 로 와 과 랑 이랑 하고 도 만 까지 부터 보다 처럼 "
    "의 요 이요 에요 예요 이에요 어요 아요 여요 해요 해 해서 했 했어요 했는데 하는 하면 하고 "
    "돼 돼요 되요 됐 됐어요 되나요 되는 되면 나요 가요 인가요 인데 는데 은데 데요 대요 래요 "
    "죠 지요 네요 군요 거든요 어서 아서 니까 으니까 면 으면 고 게 지 도록 려고 으려고 러 으러 "
    "세요 으세요 주세요 줘요 주나요 싶어요 싶은데 있어요 있나요 없어요 있는데 없는데 "
    "거에요 건가요 는지 은지 ㄴ지 냐 니 나 다 어 아 여"
).split()


def _vocab_file(terms: dict[str, int]) -> dict:
    """What the browser needs to split a query into the index's terms."""
    endings = set(ENDINGS)
    hangul = sorted(t for t in terms if analysis.HANGUL.fullmatch(t) and t not in endings)
    return {
        "version": 1,
        "terms": hangul,
        "stop": sorted(analysis.STOPWORDS),
        "endings": sorted(endings, key=lambda e: (-len(e), e)),
    }
