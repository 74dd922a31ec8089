"""The search index: a whoosh index of answers, clauses and manual pages.

It lives in the KB's local cache, `<kb root>/.kb-cache/search/`, never in git.
Each build writes a new version directory and then switches the `CURRENT`
pointer with one atomic rename, so a search that runs during a rebuild reads
either the old index or the new one, never half of each. An update after a
few files changed copies the current version with hard links (whoosh never
rewrites a segment file, it only adds and deletes files) and re-indexes only
the documents of the changed files.

Freshness is decided without loading the KB: the files' mtime and size are
compared with a manifest, and the content hash settles any doubt.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from .. import sources
from ..config import KBConfig, read_config
from ..confine import Fence
from ..model import KB, Answer, Clause, Manual, with_parents
from . import analysis

FORMAT = 7  # raise when the schema or the analysis changes: forces a full rebuild
CACHE_DIR = ".kb-cache"
POINTER = "CURRENT"
MANIFEST = "kb-manifest.json"
KEEP_OLD_SECONDS = 120  # an old version stays this long for searches still reading it

KIND_ANSWER = "answer"
KIND_CLAUSE = "clause"
KIND_MANUAL = "manual"


def schema():
    from whoosh import fields
    from whoosh.analysis import SpaceSeparatedTokenizer

    words = analysis.korean_analyzer()
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
        syn=fields.TEXT(analyzer=plain),  # synonyms of the document's words
        tsyn=fields.TEXT(analyzer=plain),  # synonyms of the title's words
        gram=fields.TEXT(analyzer=plain),  # syllable pairs: typos and odd spacing
        ident=fields.KEYWORD(lowercase=True),  # the id itself
        tagpath=fields.KEYWORD(commas=True),  # every tag and each of its parents
        supersedes=fields.KEYWORD(),  # a clause's `supersedes`, to find what replaces a clause
        meta=fields.STORED,  # tags, cites, status and clause dates for display
    )


@dataclass
class Location:
    """Where a KB's index lives."""

    root: Path

    @property
    def base(self) -> Path:
        return self.root / CACHE_DIR / "search"

    def current(self) -> Path | None:
        try:
            name = (self.base / POINTER).read_text(encoding="utf-8").strip()
        except OSError:
            return None
        path = self.base / name
        return path if name and path.is_dir() else None


# --- what is on disk --------------------------------------------------------


def _walk(
    directory: Path, suffixes: tuple[str, ...], fence: Fence, skip: Path | None = None
) -> list:
    """os.DirEntry of each file below `directory` (hidden folders and `skip` left out).

    Entries rather than Paths: on 10,000 answers the freshness check before
    every search is mostly this walk, and DirEntry.stat() is cheap.
    """
    if not fence.inside(directory):
        return []

    def admit(entry: os.DirEntry, folder: bool) -> bool:
        # never out of the KB (`kb check` reports the link)
        return not entry.is_symlink() or fence.inside(entry.path)

    return sources.walk(directory, suffixes, skip, admit)


def source_files(config: KBConfig) -> dict[str, tuple[str, os.DirEntry]]:
    """Relative path -> (kind of file, its directory entry) for every file search reads."""
    files = {}
    prefix = str(config.root).rstrip("/") + "/"
    fence = Fence(config.root, config.docs_dir, config.policies_dir)
    for kind, entries in (
        ("policy", _walk(config.policies_dir, (".yaml", ".yml"), fence)),
        ("answer", _walk(config.answers_dir, (".md",), fence)),
        ("manual", _walk(config.docs_dir, (".md",), fence, skip=config.answers_dir)),
    ):
        for entry in entries:
            rel = entry.path[len(prefix):] if entry.path.startswith(prefix) else entry.path
            files[rel.replace(os.sep, "/")] = (kind, entry)
    return files


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _stat(entry: os.DirEntry) -> list[int]:
    info = entry.stat()
    return [info.st_mtime_ns, info.st_size]


def _digest(entry: os.DirEntry) -> str:
    try:
        return hashlib.sha1(sources.read_bytes(entry.path)).hexdigest()
    except (OSError, sources.SourceError):
        return ""  # not indexed; `kb check` says why


def _settings(config: KBConfig, vocabulary_digest: str) -> dict:
    return {
        "format": FORMAT,
        "vocabulary": vocabulary_digest,
        "docs_dir": _rel(config.docs_dir, config.root),
        "answers_dir": _rel(config.answers_dir, config.root),
        "policies_dir": _rel(config.policies_dir, config.root),
    }


def _read_manifest(directory: Path | None) -> dict | None:
    if directory is None:
        return None
    try:
        return json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


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
        table = {rel: _stat(p) + [_digest(p)] for rel, (_, p) in files.items()}
        return Plan(True, sorted(files), [], table, kinds={r: k for r, (k, _) in files.items()})
    old = manifest.get("files", {})
    table, changed, touched = {}, [], False
    for rel, (_, path) in files.items():
        stat = _stat(path)
        before = old.get(rel)
        if before is not None and before[:2] == stat:
            table[rel] = before
            continue
        digest = _digest(path)
        table[rel] = stat + [digest]
        if before is None or before[2] != digest:
            changed.append(rel)
        else:
            touched = True
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
    title = set(analysis.words(doc["title"]))
    own = title | set(analysis.words(text)) | set(analysis.words(" ".join(doc["tags"])))
    return {
        "key": f"{doc['kind']}:{doc['id']}",
        "kind": doc["kind"],
        "id": doc["id"],
        "path": doc["path"],
        "title": doc["title"],
        "body": doc["body"],
        "tags": " ".join(doc["tags"]),
        "syn": " ".join(vocabulary.expand(own)),
        "tsyn": " ".join(vocabulary.expand(title)),
        "gram": " ".join(analysis.bigrams(text)),
        "ident": doc["id"],
        "tagpath": ",".join(with_parents(doc["tags"])),
        "supersedes": " ".join(doc["meta"].get("supersedes", [])),
        "meta": doc["meta"],
    }


# --- building ---------------------------------------------------------------


@dataclass
class BuildReport:
    full: bool
    files: int  # files re-indexed
    documents: int  # documents written
    seconds: float
    directory: Path | None = None


@contextlib.contextmanager
def _lock(base: Path, wait: bool = True):
    """An exclusive lock so two processes never update the same index at once.

    Yields False when `wait` is off and another process holds the lock.
    """
    import fcntl

    base.mkdir(parents=True, exist_ok=True)
    with open(base / "lock", "w") as handle:
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
        if entry.name == MANIFEST or entry.is_dir():
            continue
        try:
            os.link(entry, target / entry.name)
        except OSError:
            shutil.copy2(entry, target / entry.name)


def _switch(location: Location, directory: Path) -> None:
    tmp = location.base / f"{POINTER}.{uuid.uuid4().hex}"
    tmp.write_text(directory.name, encoding="utf-8")
    os.replace(tmp, location.base / POINTER)


def _prune(location: Location, keep: Path) -> None:
    """Drop old versions that no search can still be reading."""
    now = time.time()
    for entry in location.base.glob("v-*"):
        if entry != keep and entry.is_dir() and now - entry.stat().st_mtime > KEEP_OLD_SECONDS:
            shutil.rmtree(entry, ignore_errors=True)


def _write_manifest(directory: Path, settings: dict, files: dict) -> None:
    tmp = directory / (MANIFEST + ".tmp")
    tmp.write_text(json.dumps({"settings": settings, "files": files}), encoding="utf-8")
    os.replace(tmp, directory / MANIFEST)


def update(
    config: KBConfig | str | Path, force: bool = False, vocabulary=None, wait: bool = True
) -> BuildReport:
    """Bring the index of a KB up to date; returns what was done.

    Without `wait`, a process that finds another one rebuilding leaves the
    index as it is (a search then reads the version that is current).
    """
    from .vocab import load_vocabulary, vocabulary_digest

    started = time.perf_counter()
    config = config if isinstance(config, KBConfig) else read_config(config)
    location = Location(config.root)
    # Only the digest to decide; the synonyms are parsed when something is indexed.
    digest = vocabulary.digest if vocabulary else vocabulary_digest(config.root)
    with _lock(location.base, wait=wait or location.current() is None) as locked:
        current = location.current()
        if not locked:
            return BuildReport(False, 0, 0, time.perf_counter() - started, current)
        manifest = None if force else _read_manifest(current)
        work = plan(config, digest, manifest)
        settings = _settings(config, digest)
        if not work.full and not work.changed and not work.removed:
            if work.touched_only and current is not None:
                _write_manifest(current, settings, work.files)
            return BuildReport(False, 0, 0, time.perf_counter() - started, current)
        directory = location.base / f"v-{time.time_ns()}-{uuid.uuid4().hex[:6]}"
        vocabulary = vocabulary or load_vocabulary(config.root)
        count = _write(config, vocabulary, work, current, directory)
        _write_manifest(directory, settings, work.files)
        _switch(location, directory)
        _prune(location, directory)
    files = len(work.changed) + len(work.removed)
    return BuildReport(work.full, files, count, time.perf_counter() - started, directory)


def _write(config: KBConfig, vocabulary, work: Plan, current: Path | None, directory: Path) -> int:
    from whoosh import index as windex

    from ..load import load

    if work.full or current is None:
        docs = documents_of(load(config))
    else:
        docs = _documents_of_files(config, work.changed, work.kinds or {})
    if work.full or current is None:
        directory.mkdir(parents=True)
        ix = windex.create_in(str(directory), schema())
        wanted = set(docs)
    else:
        _clone(current, directory)
        ix = windex.open_dir(str(directory))
        wanted = set(work.changed)
    writer = ix.writer(limitmb=256, procs=1)
    count = 0
    try:
        if not (work.full or current is None):
            for rel in set(work.changed) | set(work.removed):
                writer.delete_by_term("source", rel)
        for rel in sorted(wanted):
            for doc in docs.get(rel, ()):
                writer.add_document(source=rel, **fields_of(doc, vocabulary))
                count += 1
    except BaseException:
        writer.cancel()
        raise
    writer.commit()
    return count


def open_index(config: KBConfig | str | Path, refresh: bool = True):
    """The current whoosh index of a KB, brought up to date first when `refresh`."""
    from whoosh import index as windex

    config = config if isinstance(config, KBConfig) else read_config(config)
    if refresh:
        update(config, wait=False)
    directory = Location(config.root).current()
    if directory is None:
        update(config, force=True)
        directory = Location(config.root).current()
    return windex.open_dir(str(directory))
