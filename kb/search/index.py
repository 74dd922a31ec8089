"""The search index: a whoosh index of answers, clauses and manual pages.

It lives in the KB's local cache, `<kb root>/.kb-cache/search/`, never in git
(or under `$KB_CACHE_DIR`, or the plugin's `cache_dir`; see `Location`). A
damaged index is rebuilt; a current one is read without writing anything; one
that cannot be written goes to the user's cache folder, or into memory.
Each build writes a new version directory and then switches the `CURRENT`
pointer with one atomic rename, so a search that runs during a rebuild reads
either the old index or the new one, never half of each. An update after a
few files changed copies the current version with hard links (whoosh never
rewrites a segment file, it only adds and deletes files) and re-indexes only
the documents of the changed files.

Freshness is decided without loading the KB: the files' mtime and size are
compared with a manifest, and the content hash settles any doubt. Before
every search, a small stamp beside the manifest (one digest of every file's
path, mtime, size and inode change time) answers "nothing changed" without
reading the manifest at all; any difference falls back to the manifest.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from .. import sources
from ..cache import RACY_NS, file_digest  # a file changed this close is checked by its hash
from ..config import KBConfig, read_config
from ..messages import t
from ..model import KB, Answer, Clause, Manual, with_parents
from . import analysis
from .location import POINTER, Location
from .stamp import STAMP, on_disk, source_files, stamp_of, stat_of

FORMAT = 8  # raise when the schema or the analysis changes: forces a full rebuild
MANIFEST = "kb-manifest.json"
KEEP_OLD_SECONDS = 120  # an old version stays this long for searches still reading it

KIND_ANSWER = "answer"
KIND_CLAUSE = "clause"
KIND_MANUAL = "manual"


def schema(whole: frozenset[str] = frozenset()):
    """The index's fields; `whole`: the words its analysis keeps whole (vocab.Vocabulary)."""
    from whoosh import fields
    from whoosh.analysis import SpaceSeparatedTokenizer

    words = analysis.korean_analyzer(whole)
    plain = SpaceSeparatedTokenizer()
    return fields.Schema(
        key=fields.ID(unique=True, stored=True),  # "<kind>:<id>"
        source=fields.ID(stored=True),  # the file it came from, relative to the KB root
        kind=fields.ID(stored=True),
        id=fields.STORED,
        path=fields.STORED,
        title=fields.TEXT(analyzer=words, stored=True),
        body=fields.TEXT(analyzer=words, stored=True),
        tags=fields.TEXT(analyzer=words),
        ask=fields.TEXT(analyzer=words),  # an answer's `questions:`, how customers ask
        syn=fields.TEXT(analyzer=plain),  # synonyms of the document's words
        tsyn=fields.TEXT(analyzer=plain),  # synonyms of the title's words
        gram=fields.TEXT(analyzer=plain),  # syllable pairs: typos and odd spacing
        ident=fields.KEYWORD(lowercase=True),  # the id itself
        tagpath=fields.KEYWORD(commas=True),  # every tag and each of its parents
        supersedes=fields.KEYWORD(),  # a clause's `supersedes`, to find what replaces a clause
        asks=fields.STORED,  # each question's terms (asks_of), for query.Coverage
        meta=fields.STORED,  # tags, cites, status and clause dates for display
    )


# --- what is on disk --------------------------------------------------------


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _digest(entry: os.DirEntry) -> str:
    return file_digest(entry.path) or ""  # "": not indexed; `kb check` says why


def _settings(config: KBConfig, vocabulary_digest: str) -> dict:
    return {
        "format": FORMAT,
        "analysis": analysis.digest(),
        "vocabulary": vocabulary_digest,
        "docs_dir": _rel(config.docs_dir, config.root),
        "answers_dir": _rel(config.answers_dir, config.root),
        "policies_dir": _rel(config.policies_dir, config.root),
    }


def _read_manifest(directory: Path | None) -> dict | None:
    """The manifest of an index version, or None when it is missing or damaged."""
    if directory is None:
        return None
    try:
        manifest = json.loads((directory / MANIFEST).read_bytes().decode("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(manifest, dict) or not isinstance(manifest.get("files"), dict):
        return None
    return manifest if _segments_intact(directory, manifest.get("segments")) else None


def _segments_intact(directory: Path, segments) -> bool:
    """Every file whoosh wrote is there with the size it had (a truncated copy is not)."""
    if not isinstance(segments, dict) or not segments:
        return False
    for name, size in segments.items():
        try:
            if (directory / name).stat().st_size != size:
                return False
        except OSError:
            return False
    return True


def _trusted(before, stat: list[int], written_ns: int) -> bool:
    """A file's stat proves it unchanged unless it changed within RACY_NS of the
    manifest (timestamps are coarse on some file systems): then its hash decides."""
    return (
        isinstance(before, list)
        and before[:3] == stat
        and stat[2] < written_ns - RACY_NS
    )


def _manifest_identity(directory: Path) -> list[int] | None:
    """What ties a stamp to the manifest it summarises: a manifest rewritten since
    (or damaged) no longer matches its stamp."""
    try:
        info = (directory / MANIFEST).stat()
    except OSError:
        return None
    return [info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns]


def _write_stamp(directory: Path, manifest: dict) -> None:
    """The stamp of a manifest just written: the stats it recorded, not new ones
    (a file changed since then makes the stamp differ, as it should)."""
    stamp, _ = stamp_of((rel, *row[:3]) for rel, row in manifest["files"].items())
    data = {"settings": manifest["settings"], "files": stamp, "count": len(manifest["files"]),
            "written_ns": manifest["written_ns"], "segments": manifest["segments"],
            "manifest": _manifest_identity(directory)}
    _write_durably(directory / STAMP, json.dumps(data))


def stamped_fresh(config: KBConfig, vocabulary_digest: str, directory: Path | None) -> bool:
    """Whether the version in `directory` is current, told from its stamp alone.

    True only when the stamp matches this KB's settings and every file's stat,
    the manifest is the one it was made with, the index files are intact, and
    no file changed close to the stamp's writing (coarse timestamps: then the
    manifest and the files' hashes decide). False means "not known": plan().
    """
    if directory is None:
        return False
    try:
        data = json.loads((directory / STAMP).read_bytes().decode("utf-8"))
        manifest = _manifest_identity(directory)
        if not isinstance(data, dict) or manifest is None or data.get("manifest") != manifest:
            return False
        if data.get("settings") != _settings(config, vocabulary_digest):
            return False
        written_ns = int(data["written_ns"])
        stamp, newest = on_disk(config)
    except (OSError, ValueError, KeyError, TypeError):
        return False
    if stamp != data.get("files") or newest >= written_ns - RACY_NS:
        return False
    return _segments_intact(directory, data.get("segments"))


@dataclass
class Plan:
    """What an update has to do; `full` means start from nothing."""

    full: bool
    changed: list[str]  # relative paths to (re-)index
    removed: list[str]  # relative paths whose documents go
    files: dict  # the new manifest's file table
    touched_only: bool = False  # mtimes moved but no content changed
    kinds: dict | None = None  # relative path -> policy, answer or manual


def plan(config: KBConfig, vocabulary_digest: str, manifest: dict | None) -> Plan:
    files = source_files(config)
    settings = _settings(config, vocabulary_digest)
    if manifest is None or manifest.get("settings") != settings:
        table = {rel: stat_of(p) + [_digest(p)] for rel, (_, p) in files.items()}
        return Plan(True, sorted(files), [], table, kinds={r: k for r, (k, _) in files.items()})
    old = manifest.get("files", {})
    written_ns = manifest.get("written_ns") or 0
    table, changed, touched = {}, [], False
    for rel, (_, path) in files.items():
        stat = stat_of(path)
        before = old.get(rel)
        if _trusted(before, stat, written_ns):
            table[rel] = before
            continue
        digest = _digest(path)
        table[rel] = stat + [digest]
        if not isinstance(before, list) or not before or before[-1] != digest:
            changed.append(rel)
        elif before[:3] != stat or stat[2] < time.time_ns() - RACY_NS:
            touched = True  # a newer manifest lets the next search trust the stat
    removed = sorted(set(old) - set(files))
    touched_only = touched and not changed and not removed
    kinds = {rel: files[rel][0] for rel in changed}
    return Plan(False, sorted(changed), removed, table, touched_only, kinds)


# --- documents --------------------------------------------------------------

MARKUP = re.compile(r"\[\[\s*([^\]@\s]+)(?:@[^\]]*)?\s*\]\]|[*_`#>|]+|!?\[([^\]]*)\]\([^)]*\)")


def plain_text(markdown: str) -> str:
    """Markdown as the words a reader sees: enough for matching and snippets."""

    def keep(match: re.Match) -> str:
        return match[1] or match[2] or " "

    text = MARKUP.sub(keep, markdown)
    return re.sub(r"[ \t]+", " ", re.sub(r"\n{2,}", "\n", text)).strip()


def answer_doc(answer: Answer) -> dict:
    cites = [c.clause_id for c in answer.cites + answer.refs if c.clause_id]
    return {
        "kind": KIND_ANSWER,
        "id": answer.id,
        "path": answer.path,
        "title": answer.title,
        "body": plain_text(answer.body),
        "tags": answer.tags,
        "questions": answer.questions,
        "meta": {
            "tags": answer.tags,
            "cites": list(dict.fromkeys(cites)),
            "status": answer.status,
            "doc_path": answer.doc_path,
        },
    }


def _clause_body(clause: Clause) -> str:
    """The text in force first, then a scheduled one: a snippet shows what applies now.

    (Which is which is decided when the file is indexed; both texts stay findable.)
    """
    from datetime import date

    from ..rules import in_force

    force = in_force(clause, date.today())
    if force is None or force.version == clause.version:
        return clause.text
    return force.text + "\n\n" + clause.text


def clause_doc(clause: Clause, policy_title: str) -> dict:
    return {
        "kind": KIND_CLAUSE,
        "id": clause.id,
        "path": clause.path,
        "title": clause.title,
        "body": plain_text(_clause_body(clause)),
        "tags": [policy_title],
        "meta": {
            "policy": clause.policy_id,
            "policy_title": policy_title,
            "version": clause.version,
            "status": clause.status,
            "effective": clause.effective.isoformat() if clause.effective else None,
            # every version's date: a scheduled top-level version must not make the
            # clause read as 'future' while an earlier one is in force (SPEC §4)
            "versions": [
                [v.version, v.effective.isoformat()] for v in clause.history if v.effective
            ],
            "expires": clause.expires.isoformat() if clause.expires else None,
            "supersedes": clause.supersedes,
            "tags": [],
            "cites": [],
        },
    }


def manual_doc(manual: Manual) -> dict:
    cites = [c.clause_id for c in manual.refs if c.clause_id]
    return {
        "kind": KIND_MANUAL,
        "id": manual.doc_path,
        "path": manual.path,
        "title": manual.title,
        "body": plain_text(manual.body),
        "tags": [],
        "meta": {"tags": [], "cites": list(dict.fromkeys(cites)), "status": "active"},
    }


def documents_of(kb: KB) -> dict[str, list[dict]]:
    """Source file -> the search documents made from it (retired answers left out)."""
    docs: dict[str, list[dict]] = {}
    for answer in kb.answers:
        if answer.id and answer.published:
            docs.setdefault(answer.path, []).append(answer_doc(answer))
    for policy in kb.policies:
        for clause in policy.clauses:
            if clause.id:
                docs.setdefault(clause.path, []).append(clause_doc(clause, policy.title))
    for manual in kb.manuals:
        docs.setdefault(manual.path, []).append(manual_doc(manual))
    return docs


def _documents_of_files(config: KBConfig, rels: list[str], kinds: dict) -> dict[str, list[dict]]:
    """The search documents of a few changed files, without loading the whole KB."""
    from .. import yamlsrc
    from ..load import answer_from_text, manual_from_text, policy_from_data

    kb = KB(root=config.root, docs_dir=config.docs_dir, policies_dir=config.policies_dir,
            answers_dir=config.answers_dir, config_file=config.config_file)
    for rel in rels:
        path = config.root / rel
        try:
            text = sources.read_text(str(path))
        except sources.SourceError:
            continue  # `kb check` reports it; search indexes what it can read
        doc_path = _rel(path, config.docs_dir)
        if kinds.get(rel) == "policy":
            try:
                policy = policy_from_data(yamlsrc.parse(text), rel, [])
            except yamlsrc.YAMLSourceError:
                continue
            if policy is not None:
                kb.policies.append(policy)
        elif kinds.get(rel) == "answer":
            answer = answer_from_text(text, rel, doc_path, [])
            if answer is not None:
                kb.answers.append(answer)
        else:
            kb.manuals.append(manual_from_text(text, rel, doc_path))
    return documents_of(kb)


def fields_of(doc: dict, vocabulary) -> dict:
    """The whoosh fields of one search document, synonyms expanded."""
    text = doc["title"] + "\n" + doc["body"]
    asked = "\n".join(doc.get("questions", ()))
    whole = vocabulary.whole
    title = set(analysis.words(doc["title"], whole))
    questions = set(analysis.words(asked, whole))
    own = title | questions | set(analysis.words(text, whole))
    own |= set(analysis.words(" ".join(doc["tags"]), whole))
    # A word the answer only denies (`청구되지 않으니`) gives no synonyms, unless its
    # title or questions say it.
    indexed = own | set(analysis.words(doc["body"], whole))
    own -= analysis.negated(text) - questions - title
    syn, tsyn = vocabulary.expand(own), vocabulary.expand(title)
    indexed |= set(syn) | set(tsyn)
    return {
        "key": f"{doc['kind']}:{doc['id']}",
        "kind": doc["kind"],
        "id": doc["id"],
        "path": doc["path"],
        "title": doc["title"],
        "body": doc["body"],
        "tags": " ".join(doc["tags"]),
        "ask": asked,
        "syn": " ".join(syn),
        "tsyn": " ".join(tsyn),
        "gram": " ".join(analysis.bigrams(text + "\n" + asked)),
        "ident": doc["id"],
        "tagpath": ",".join(with_parents(doc["tags"])),
        "supersedes": " ".join(doc["meta"].get("supersedes", [])),
        "meta": doc["meta"],
        "asks": asks_of(doc.get("questions", ()), vocabulary, indexed),
    }


# Questions an answer's best-question match looks at (query.Coverage.asked): the
# site keeps which of them hold a term as bits of a posting's flags, and 26 of
# them keep those flags a 32-bit integer, as the browser's bit operators need.
MAX_ASKS = 26


def asks_of(questions, vocabulary, indexed: set[str]) -> list[list[str]]:
    """Each question's terms with their synonyms, as a query word would meet
    them; only terms the document is indexed under, so that the site's postings
    (kb/search/postings.py) hold every one of them."""
    out = []
    for question in list(questions)[:MAX_ASKS]:
        terms = set(analysis.words(question, vocabulary.whole))
        terms |= set(vocabulary.expand(terms))
        out.append(sorted(terms & indexed))
    return out


# --- building ---------------------------------------------------------------


@dataclass
class BuildReport:
    full: bool
    files: int  # files re-indexed
    documents: int  # documents written
    seconds: float
    directory: Path | None = None


class IndexUnwritable(Exception):
    """The index's folder cannot be written (read-only, or a file in its way)."""

    def __init__(self, base: Path, cause: OSError):
        super().__init__(str(cause))
        self.base = base
        self.cause = cause


@contextlib.contextmanager
def _lock(base: Path, wait: bool = True):
    """An exclusive lock so two processes never update the same index at once.

    Yields False when `wait` is off and another process holds the lock.
    """
    import fcntl

    base.mkdir(parents=True, exist_ok=True)
    lock = base / "lock"
    if lock.is_symlink() or (lock.exists() and not lock.is_file()):
        # damage inside our own folder: heal it (and never write through a link)
        if lock.is_dir() and not lock.is_symlink():
            shutil.rmtree(lock)
        else:
            lock.unlink()
    fd = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644)
    with os.fdopen(fd, "r+b") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        yield True


def _clone(source: Path, target: Path) -> None:
    """A copy of a whoosh index that shares its immutable segment files."""
    target.mkdir(parents=True)
    for entry in source.iterdir():
        if entry.name in (MANIFEST, STAMP) or entry.is_dir():
            continue
        try:
            os.link(entry, target / entry.name)
        except OSError:
            shutil.copy2(entry, target / entry.name)


def _fsync(path: Path) -> None:
    """Flush a file or a folder's entries to disk: the pointer switch relies on them."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_durably(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file, on disk before it is renamed."""
    tmp = path.with_name(f"{path.name}.{uuid.uuid4().hex}.tmp")
    with open(tmp, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def _switch(location: Location, directory: Path) -> None:
    """Point CURRENT at `directory`, once everything in it is on disk."""
    for entry in directory.iterdir():
        if entry.is_file():
            _fsync(entry)
    _fsync(directory)
    _write_durably(location.base / POINTER, directory.name)
    _fsync(location.base)


def _prune(location: Location, keep: Path) -> None:
    """Drop old versions that no search can still be reading, and leftovers of crashes."""
    now = time.time()
    for entry in location.base.iterdir():
        if entry == keep or not entry.name.startswith(("v-", POINTER + ".")):
            continue
        try:
            old = now - entry.lstat().st_mtime > KEEP_OLD_SECONDS
        except OSError:
            continue
        if old and entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        elif old:
            entry.unlink(missing_ok=True)


def _write_query_vocabulary(directory: Path) -> None:
    """The terms a query is split into (kb/search/querytext.py), next to the index.

    Replaced, never written in place: a clone shares the old version's file.
    """
    from whoosh import index as windex

    from .querytext import VOCAB_FILE, vocabulary_terms

    with windex.open_dir(str(directory)).reader() as reader:
        terms = vocabulary_terms(reader)
    tmp = directory / (VOCAB_FILE + ".tmp")
    tmp.write_text(json.dumps({"terms": terms}, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, directory / VOCAB_FILE)


def _write_manifest(directory: Path, settings: dict, files: dict) -> None:
    segments = {
        e.name: e.stat().st_size
        for e in directory.iterdir()
        if e.is_file() and e.name not in (MANIFEST, STAMP) and not e.name.endswith(".tmp")
    }
    manifest = {"settings": settings, "files": files, "segments": segments,
                "written_ns": time.time_ns()}
    _write_durably(directory / MANIFEST, json.dumps(manifest))
    _write_stamp(directory, manifest)


def _idle(current: Path | None, work: Plan) -> bool:
    return current is not None and not (work.full or work.changed or work.removed)


def update(
    config: KBConfig | str | Path, force: bool = False, vocabulary=None, wait: bool = True,
    location: Location | None = None,
) -> BuildReport:
    """Bring the index of a KB up to date; returns what was done.

    Without `wait`, a process that finds another one rebuilding leaves the
    index as it is (a search then reads the version that is current). An
    index that is current is used without writing anything (a read-only
    checkout); IndexUnwritable says that work was needed and could not be
    written.
    """
    from .vocab import vocabulary_digest

    started = time.perf_counter()
    config = config if isinstance(config, KBConfig) else read_config(config)
    location = location or Location.of(config)
    # Only the digest to decide; the synonyms are parsed when something is indexed.
    digest = vocabulary.digest if vocabulary else vocabulary_digest(config.root)
    if not force:
        current = location.current()
        if stamped_fresh(config, digest, current):
            return BuildReport(False, 0, 0, time.perf_counter() - started, current)
        manifest = _read_manifest(current)
        work = plan(config, digest, manifest)
        if _idle(current, work):
            with contextlib.suppress(OSError):  # only saves work next time
                if work.touched_only and current is not None:
                    _write_manifest(current, _settings(config, digest), work.files)
                elif current is not None and manifest is not None:
                    _write_stamp(current, manifest)  # made by a kb that wrote none
            return BuildReport(False, 0, 0, time.perf_counter() - started, current)
    try:
        return _update_locked(config, location, digest, force, vocabulary, wait, started)
    except OSError as exc:
        raise IndexUnwritable(location.base, exc) from exc


def _update_locked(config, location, digest, force, vocabulary, wait, started) -> BuildReport:
    from .vocab import load_vocabulary

    with _lock(location.base, wait=wait or location.current() is None) as locked:
        current = location.current()
        if not locked:
            return BuildReport(False, 0, 0, time.perf_counter() - started, current)
        manifest = None if force else _read_manifest(current)
        work = plan(config, digest, manifest)
        settings = _settings(config, digest)
        if _idle(current, work):
            if work.touched_only and current is not None:
                _write_manifest(current, settings, work.files)
            return BuildReport(False, 0, 0, time.perf_counter() - started, current)
        if manifest is None:
            current = None  # a damaged version is never cloned
        directory = location.base / f"v-{time.time_ns()}-{uuid.uuid4().hex[:6]}"
        vocabulary = vocabulary or load_vocabulary(config.root)
        count = _write(config, vocabulary, work, current, directory)
        _write_query_vocabulary(directory)
        _write_manifest(directory, settings, work.files)
        _switch(location, directory)
        _prune(location, directory)
    files = len(work.changed) + len(work.removed)
    return BuildReport(work.full, files, count, time.perf_counter() - started, directory)


def _documents(config: KBConfig, work: Plan, incremental: bool) -> dict[str, list[dict]]:
    from ..load import load

    if incremental:
        return _documents_of_files(config, work.changed, work.kinds or {})
    return documents_of(load(config))


def _write(config: KBConfig, vocabulary, work: Plan, current: Path | None, directory: Path) -> int:
    from whoosh import index as windex

    incremental = not work.full and current is not None
    docs = _documents(config, work, incremental)
    if incremental and current is not None:
        _clone(current, directory)
        ix = windex.open_dir(str(directory))
    else:
        directory.mkdir(parents=True)
        ix = windex.create_in(str(directory), schema(vocabulary.whole))
    return _fill(ix, docs, work, vocabulary, incremental)


def _fill(ix, docs: dict, work: Plan, vocabulary, incremental: bool) -> int:
    writer = ix.writer(limitmb=256, procs=1)
    count = 0
    try:
        if incremental:
            for rel in set(work.changed) | set(work.removed):
                writer.delete_by_term("source", rel)
        for rel in sorted(set(work.changed) if incremental else set(docs)):
            for doc in docs.get(rel, ()):
                writer.add_document(source=rel, **fields_of(doc, vocabulary))
                count += 1
    except BaseException:
        writer.cancel()
        raise
    writer.commit()
    return count


def in_memory(config: KBConfig):
    """A whoosh index of the whole KB built in memory: for a place kb cannot write."""
    from whoosh.filedb.filestore import RamStorage

    from .vocab import load_vocabulary

    vocabulary = load_vocabulary(config.root)
    ix = RamStorage().create_index(schema(vocabulary.whole))
    work = Plan(True, [], [], {})
    _fill(ix, _documents(config, work, False), work, vocabulary, False)
    return ix


# Errors a damaged index raises while it is read (whoosh reads with struct,
# pickle, zlib and array: each has its own way of failing on garbage).
def _damage_errors() -> tuple[type[BaseException], ...]:
    import pickle
    import struct
    import zlib

    from whoosh.index import IndexError as WhooshIndexError

    return (OSError, EOFError, ValueError, KeyError, IndexError, TypeError, struct.error,
            zlib.error, pickle.UnpicklingError, WhooshIndexError)


def open_index(config: KBConfig | str | Path, refresh: bool = True, rebuild: bool = False):
    """The current whoosh index of a KB, brought up to date first when `refresh`.

    A damaged index is rebuilt. Where the index cannot be written, it goes
    to the user's cache folder instead, and where that cannot be written
    either, one is built in memory for this process; the user is told how
    to fix it.
    """
    config = config if isinstance(config, KBConfig) else read_config(config)
    problem = None
    for location in Location.choices(config):
        try:
            ix = _open(config, location, refresh, rebuild)
        except IndexUnwritable as exc:
            problem = problem or exc
            continue
        if problem is not None:
            _tell_unwritable(config, problem, location)
        return ix
    if problem is not None:
        _tell_unwritable(config, problem, None)
    return in_memory(config)


def _open(config: KBConfig, location: Location, refresh: bool, rebuild: bool):
    from whoosh import index as windex

    if refresh or rebuild:
        update(config, force=rebuild, wait=rebuild, location=location)
    directory = location.current()
    if directory is None:
        update(config, force=True, location=location)
        directory = location.current()
    try:
        return windex.open_dir(str(directory), readonly=True)
    except _damage_errors():
        if rebuild:
            raise
        return _open(config, location, refresh=False, rebuild=True)


def searching(config: KBConfig, use):
    """`use(index)`; an index found damaged while it is read is rebuilt, and read again."""
    done = _optimistically(config, use)
    if done is not None:
        return done[0]
    ix = open_index(config)
    try:
        return use(ix)
    except _damage_errors():
        if _in_memory(ix):
            raise
        return use(open_index(config, rebuild=True))


def _optimistically(config: KBConfig, use) -> tuple | None:
    """(`use(index)`,) on the current version when it proves current afterwards, else None.

    The freshness check waits for every file's stat (see stamp.prefetch); the
    search need not wait for it. The current version is searched first and
    its result kept only if the check, made on that same version, finds it
    current; otherwise the usual way (update, then search) follows.
    """
    from whoosh import index as windex

    from .vocab import vocabulary_digest

    directory = Location.of(config).current()
    if directory is None:
        return None
    try:
        result = use(windex.open_dir(str(directory), readonly=True))
    except _damage_errors():
        return None
    fresh = stamped_fresh(config, vocabulary_digest(config.root), directory)
    return (result,) if fresh else None


def _in_memory(ix) -> bool:
    return type(ix.storage).__name__ == "RamStorage"


def _tell_unwritable(config: KBConfig, exc: IndexUnwritable, used: Location | None) -> None:
    import click

    from ..textsafe import shown

    place = shown(_rel(exc.base, config.root))
    if isinstance(exc.cause, (NotADirectoryError, FileExistsError)):
        why = t("index.file_in_the_way")
    else:
        why = t("index.not_writable", cause=shown(exc.cause.strerror or str(exc.cause)))
    if used is not None:
        instead = t("index.used_other", base=shown(used.base))
    else:
        instead = t("index.in_memory")
    click.echo(
        t("index.unwritable", place=place, why=why, instead=instead),
        err=True,
    )
