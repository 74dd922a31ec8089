"""`kb api`: a read-only HTTP JSON service for chat tools' side panels and bots.

A plain WSGI application over the library: `GET /search`, `/answers/{id}`,
`/clauses/{id}` and `/healthz`. Only published answers are served (active,
in force and with no error today: exactly what `kb export` sends), so a stale
answer never reaches a chat tool. The index and the KB stay loaded in the
process; a watcher thread reloads them when a file changes, and requests
keep reading the old snapshot until the new one is complete.

The server is gunicorn (see `serve`): pre-forked workers, each with its own
snapshot, so one slow reload never stalls every request.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, unquote

from . import rules
from .config import KBConfig, read_config
from .errors import KBError
from .export import sendable
from .gaps import GapLog
from .load import load
from .messages import t
from .model import KB, Answer, Clause

if TYPE_CHECKING:  # loaded by take_snapshot only: numpy takes time to import
    from .search.memory import MemoryIndex

MAX_LIMIT = 50
CACHE_SIZE = 4096  # distinct queries remembered per snapshot


# --- what is served -----------------------------------------------------------


@dataclass
class Snapshot:
    """The KB as served between two reloads: never changed once built."""

    kb: KB
    today: date
    published: dict[str, Answer]
    stamp: str
    index: MemoryIndex  # over the whoosh index
    site: object = None  # a site.context.Site: page URLs and copy texts, made on first use
    directory_urls: bool = True  # mkdocs.yml's use_directory_urls, for page URLs
    loaded_at: float = field(default_factory=time.time)


def source_stamp(config: KBConfig) -> str:
    """A fingerprint of every source file: changes when one is edited, added or removed."""
    from .search.stamp import files_stamp

    digest = hashlib.blake2b(digest_size=16)
    digest.update(files_stamp(config).encode())
    for extra in (config.config_file, config.root / "synonyms.yaml"):
        if extra.exists():
            st = extra.stat()
            digest.update(f"{extra}\0{st.st_mtime_ns}\0{st.st_ctime_ns}\0{st.st_size}\n".encode())
    return digest.hexdigest()


def take_snapshot(config: KBConfig) -> Snapshot:
    from .search.index import open_index
    from .search.memory import MemoryIndex

    stamp = source_stamp(config)
    # open_index brings the index up to date, heals it, and where the KB is
    # read-only keeps it in the user's cache or in memory, as for `kb search`.
    index = MemoryIndex(open_index(config))
    kb = load(config)
    today = date.today()
    index.warm()  # before serving: a reload keeps the old snapshot until this is done
    snap = Snapshot(kb, today, sendable(kb, today), stamp, index)
    snap.directory_urls = (config.raw or {}).get("use_directory_urls", True) is not False
    return snap


class Service:
    """The loaded KB plus a result cache; `reload_if_changed` swaps in a new snapshot."""

    def __init__(self, config: KBConfig | str | Path):
        self.config = config if isinstance(config, KBConfig) else read_config(config)
        self.snapshot = take_snapshot(self.config)
        self.reload_error: str | None = None
        self.gaps = GapLog.of(self.config)  # None unless the KB's config turns it on
        self._cache: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    # --- reloading ---------------------------------------------------------

    def reload_if_changed(self) -> bool:
        """Reload when a source file changed (or the day turned); keep serving meanwhile."""
        current = self.snapshot
        if source_stamp(self.config) == current.stamp and date.today() == current.today:
            return False
        try:
            # mkdocs.yml is read again: its folders, page URLs and gap log may have changed
            config = read_config(self.config.config_file)
            fresh = take_snapshot(config)
            gaps = GapLog.of(config)
        except KBError as exc:
            self.reload_error = str(exc)  # keep serving the last good snapshot
            return False
        with self._lock:
            self.config, self.gaps = config, gaps
            self.snapshot, self._cache = fresh, OrderedDict()
        self.reload_error = None
        return True

    def watch(self, interval: float = 2.0) -> threading.Thread:
        def loop():
            while True:
                time.sleep(interval)
                try:
                    self.reload_if_changed()
                except Exception as exc:  # a watcher that dies would freeze the KB silently
                    self.reload_error = f"{type(exc).__name__}: {exc}"
                    print(t("api.loop", exc=exc), file=sys.stderr)

        thread = threading.Thread(target=loop, name="kb-api-watch", daemon=True)
        thread.start()
        return thread

    # --- queries -----------------------------------------------------------

    def search(
        self, query: str, limit: int = 10, kind: str | None = None, tag: str | None = None
    ) -> dict:
        result = self._cached_search(query, limit, kind, tag)
        if self.gaps is not None and result["no_good_answer"]:
            try:
                self.gaps.record(query)
            except (OSError, KBError) as exc:  # a full disk must not fail the agent's search
                print(t("api.gaps_log", exc=exc), file=sys.stderr)
        return result

    def _cached_search(self, query: str, limit: int, kind, tag) -> dict:
        snap = self.snapshot
        key = (query, limit, kind, tag)
        with self._lock:
            if snap is self.snapshot and key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        result = self._search(snap, query, limit, kind, tag)
        with self._lock:
            if snap is self.snapshot:
                self._cache[key] = result
                if len(self._cache) > CACHE_SIZE:
                    self._cache.popitem(last=False)
        return result

    def _search(self, snap: Snapshot, query: str, limit: int, kind, tag) -> dict:
        """`kb search --format json`'s shape (SPEC §6), published answers only."""
        from .search.index import KIND_ANSWER
        from .search.query import no_good_answer

        # Ask for more than needed: unpublished answers are dropped afterwards.
        hits = snap.index.search(query, limit * 2 + 10, kind, tag, snap.today)
        shown = [h for h in hits if h.kind != KIND_ANSWER or h.id in snap.published][:limit]
        return {
            "query": query,
            "results": [_result(snap, h) for h in shown],
            "no_good_answer": no_good_answer(shown),
        }

    def answer(self, answer_id: str) -> dict | None:
        snap = self.snapshot
        answer = snap.published.get(answer_id)
        if answer is None:
            return None
        return answer_json(snap, answer)

    def clause(self, clause_id: str) -> dict | None:
        snap = self.snapshot
        clause = snap.kb.clauses.get(clause_id)
        return None if clause is None else clause_json(snap.kb, clause, snap.today)


def _site(snap: Snapshot):
    if snap.site is None:
        from .site.context import Site

        snap.site = Site(snap.kb, snap.today, use_directory_urls=snap.directory_urls)
    return snap.site


def answer_text(snap: Snapshot, answer: Answer) -> str:
    """The text an agent sends: what the site's copy button copies (Site caches it)."""
    return _site(snap).answer_html(answer)[1]


def _result(snap: Snapshot, hit) -> dict:
    """SPEC §6's result, plus what a side panel shows: the page (relative to the
    site's root) and, for an answer, the text to send."""
    data = hit.to_dict()
    site, kb = _site(snap), snap.kb
    if hit.kind == "answer":
        answer = snap.published[hit.id]
        data["url"] = site.url(answer.doc_path)
        data["text"] = answer_text(snap, answer)
    elif hit.kind == "clause" and hit.id in kb.clauses:
        clause = kb.clauses[hit.id]
        data["url"] = site.clause_url(clause)
    else:
        data["url"] = site.url(hit.id)
    return data


def answer_json(snap: Snapshot, answer: Answer) -> dict:
    from .site.render import PLACEHOLDER

    text = answer_text(snap, answer)
    cites = []
    for citation in answer.cites + answer.refs:
        clause = snap.kb.clauses.get(citation.clause_id or "")
        cites.append(
            {
                "id": citation.clause_id,
                "version": citation.version,
                "inline": citation.inline,
                "title": clause.title if clause else None,
                "state": rules.state(snap.kb, clause, snap.today) if clause else "unknown",
            }
        )
    return {
        "id": answer.id,
        "title": answer.title,
        "text": text,
        "placeholders": list(dict.fromkeys(PLACEHOLDER.findall(text))),
        "tags": answer.tags,
        "cites": cites,
        "path": answer.path,
        "length": len(text),
    }


def clause_json(kb: KB, clause: Clause, today: date) -> dict:
    version = rules.in_force(clause, today)
    upcoming = rules.scheduled(clause, today)
    policy = kb.policy_of(clause)
    return {
        "id": clause.id,
        "title": clause.title,
        "policy": clause.policy_id,
        "policy_title": policy.title if policy else None,
        "state": rules.state(kb, clause, today),
        "version": version.version if version else None,
        "effective": _iso(version.effective if version else None),
        "expires": _iso(clause.expires),
        "text": version.text if version else None,
        "scheduled": (
            {
                "version": upcoming.version,
                "effective": _iso(upcoming.effective),
                "text": upcoming.text,
            }
            if upcoming
            else None
        ),
    }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


# --- HTTP ---------------------------------------------------------------------

STATUS = {
    200: "200 OK",
    204: "204 No Content",
    400: "400 Bad Request",
    404: "404 Not Found",
    405: "405 Method Not Allowed",
    503: "503 Service Unavailable",
}


class App:
    """The WSGI application: routes, CORS and JSON around a `Service`."""

    def __init__(self, service: Service, cors_origins: list[str] | None = None):
        self.service = service
        self.cors_origins = [o.rstrip("/") for o in (cors_origins or [])]

    def __call__(self, environ, start_response):
        method = environ.get("REQUEST_METHOD", "GET")
        headers = self._cors(environ.get("HTTP_ORIGIN"))
        if method == "OPTIONS":
            return self._send(start_response, 204, None, headers)
        if method not in ("GET", "HEAD"):
            return self._send(
                start_response, 405, {"error": t("api.read_only")}, headers
            )
        try:
            status, body = self.route(
                unquote(environ.get("PATH_INFO", "/")), environ.get("QUERY_STRING", "")
            )
        except Exception as exc:  # a bad request must not take the worker down
            print(f"kb api: {type(exc).__name__}: {exc}", file=sys.stderr)
            status, body = 503, {"error": t("api.failed")}
        return self._send(start_response, status, None if method == "HEAD" else body, headers)

    def route(self, path: str, query_string: str) -> tuple[int, dict]:
        params = {k: v[-1] for k, v in parse_qs(query_string).items()}
        parts = [p for p in path.split("/") if p]
        if parts == ["healthz"]:
            return 200, self._health()
        if parts == ["search"]:
            return self._search(params)
        if len(parts) == 2 and parts[0] in ("answers", "clauses"):
            found = (self.service.answer if parts[0] == "answers" else self.service.clause)(
                parts[1]
            )
            if found is None:
                what = t("api.what_answer") if parts[0] == "answers" else t("api.what_clause")
                return 404, {"error": t("api.not_found", what=what, ident=parts[1])}
            return 200, found
        return 404, {"error": t("api.no_such_path")}

    def _search(self, params: dict) -> tuple[int, dict]:
        query = params.get("q", "").strip()
        if not query:
            return 400, {"error": t("api.no_query")}
        try:
            limit = min(max(int(params.get("limit", 10)), 1), MAX_LIMIT)
        except ValueError:
            return 400, {"error": t("api.bad_limit", MAX_LIMIT=MAX_LIMIT)}
        kind = params.get("kind") or None
        if kind not in (None, "answer", "clause", "manual"):
            return 400, {"error": t("api.bad_kind")}
        return 200, self.service.search(query, limit, kind, params.get("tag") or None)

    def _health(self) -> dict:
        snap = self.service.snapshot
        return {
            "ok": self.service.reload_error is None,
            "answers": len(snap.published),
            "as_of": snap.today.isoformat(),
            "loaded_at": snap.loaded_at,
            "reload_error": self.service.reload_error,
        }

    def _cors(self, origin: str | None) -> list[tuple[str, str]]:
        if not origin or not self.cors_origins:
            return []
        if "*" in self.cors_origins:
            allowed = "*"
        elif origin.rstrip("/") in self.cors_origins:
            allowed = origin
        else:
            return []
        return [
            ("Access-Control-Allow-Origin", allowed),
            ("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS"),
            ("Access-Control-Allow-Headers", "Content-Type"),
            ("Access-Control-Max-Age", "600"),
            ("Vary", "Origin"),
        ]

    @staticmethod
    def _send(start_response, status: int, body: dict | None, headers: list):
        data = b"" if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
        start_response(
            STATUS[status],
            [
                ("Content-Type", "application/json; charset=utf-8"),
                ("Content-Length", str(len(data))),
                ("Cache-Control", "no-store"),
                ("X-Content-Type-Options", "nosniff"),
                *headers,
            ],
        )
        return [data]


def make_app(
    config: KBConfig | str | Path, cors_origins: list[str] | None = None, watch: float = 2.0
) -> App:
    service = Service(config)
    if watch:
        service.watch(watch)
    return App(service, cors_origins)


# --- serving ------------------------------------------------------------------


def serve(
    config: KBConfig | str | Path,
    bind: str = "127.0.0.1:8800",
    workers: int = 2,
    threads: int = 8,
    cors_origins: list[str] | None = None,
    watch: float = 2.0,
) -> None:
    """Run the service under gunicorn until interrupted.

    Every worker loads its own snapshot after the fork (no preload): the
    watcher thread must live in the worker that answers, and a worker that
    fails to load is replaced by gunicorn instead of serving nothing.
    """
    from gunicorn.app.base import BaseApplication

    config = config if isinstance(config, KBConfig) else read_config(config)
    take_snapshot(config)  # fail here, with a clean message, before forking workers
    GapLog.of(config)  # a bad gaps_* option too

    class _Gunicorn(BaseApplication):
        def load_config(self):
            options = {
                "bind": bind,
                "workers": workers,
                "threads": threads,
                "worker_class": "gthread",
                "accesslog": None,
                "errorlog": "-",
                "loglevel": "warning",
                "timeout": 30,
                "forwarded_allow_ips": os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"),
            }
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self):
            return make_app(config, cors_origins, watch)

    _Gunicorn().run()
