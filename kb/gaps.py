"""Knowledge gaps: the questions the KB could not answer, for the owners' meeting.

`kb api` (and so the panel, when it runs against the API) records each query
that found no good answer — the same rule as "맞는 답변을 찾지 못했습니다" —
to a local JSON-lines log, but only when the KB's config turns it on:

    plugins:
      - kb:
          gaps_log: .kb-gaps/queries.jsonl   # relative to mkdocs.yml
          gaps_retention_days: 90            # older lines are dropped

Every query is masked by the PII detector (kb/pii.py) before it is written:
a customer's phone number typed into the search box never reaches the disk.
`kb gaps` groups similar queries (the same words after Korean analysis, or
most of them) and ranks the groups by how often they were asked.
"""

from __future__ import annotations

import json
import os
import threading
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from .config import KBConfig, plugin_options
from .errors import KBError
from .messages import t

if TYPE_CHECKING:  # pii is imported when a query is recorded
    from .pii import Allow

DEFAULT_RETENTION_DAYS = 90
SIMILAR = 0.5  # share of words two queries must have in common to be one question


@dataclass
class GapLog:
    path: Path
    retention_days: int = DEFAULT_RETENTION_DAYS
    allow: Allow | None = None  # of the KB
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _pruned_on: date | None = None

    @classmethod
    def of(cls, config: KBConfig) -> GapLog | None:
        """The KB's gap log, or None when its config does not turn one on."""
        options = plugin_options((config.raw or {}).get("plugins"))
        where = options.get("gaps_log")
        if not where:
            return None
        try:
            days = int(options.get("gaps_retention_days") or DEFAULT_RETENTION_DAYS)
        except (TypeError, ValueError):
            raise KBError(
                t("gaps.of", config_file=config.config_file)
            ) from None
        return cls(config.root / str(where), max(days, 1), _allow(options))

    def record(self, query: str, source: str = "api", when: datetime | None = None) -> None:
        """Append one unanswered query, masked; drop expired lines once a day."""
        from . import pii

        when = when or datetime.now(UTC)
        line = json.dumps(
            {"at": when.isoformat(timespec="seconds"), "q": pii.mask(query, self.allow),
             "source": source},
            ensure_ascii=False,
        )  # fmt: skip
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if self._pruned_on != when.date():
                self.prune(when)
                self._pruned_on = when.date()
            # One write of one line in append mode: lines of several workers never interleave.
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            try:
                os.write(fd, (line + "\n").encode("utf-8"))
            finally:
                os.close(fd)

    def entries(self, since: date | None = None) -> list[dict]:
        """The logged queries still within the retention period (and since `since`)."""
        limit = datetime.now(UTC) - timedelta(days=self.retention_days)
        out = []
        for item in _read(self.path):
            when = _when(item)
            if when is None or when < limit or (since and when.date() < since):
                continue
            out.append(item)
        return out

    def prune(self, now: datetime | None = None) -> None:
        """Rewrite the log without lines older than the retention period (atomically)."""
        if not self.path.exists():
            return
        limit = (now or datetime.now(UTC)) - timedelta(days=self.retention_days)
        kept = [item for item in _read(self.path) if (_when(item) or limit) >= limit]
        tmp = self.path.with_name(self.path.name + ".tmp")
        with open(tmp, "w", encoding="utf-8") as handle:
            handle.writelines(json.dumps(i, ensure_ascii=False) + "\n" for i in kept)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, self.path)


def _allow(options: dict):
    from . import pii

    return pii.options_allow(options)[0]  # a bad regex is the check's to report


def _read(path: Path) -> list[dict]:
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise KBError(
            t("gaps.read", path=path, strerror=exc.strerror)
        ) from None
    out = []
    for line in lines:
        try:
            item = json.loads(line)
        except ValueError:
            continue  # a line cut short by a crash: skip it, keep the rest
        if isinstance(item, dict) and isinstance(item.get("q"), str):
            out.append(item)
    return out


def _when(item: dict) -> datetime | None:
    try:
        when = datetime.fromisoformat(str(item.get("at")))
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


# --- grouping -----------------------------------------------------------------


@dataclass
class Gap:
    """One question the KB could not answer, however customers worded it."""

    query: str  # the most frequent wording
    count: int
    wordings: list[tuple[str, int]]
    first: str
    last: str

    def to_dict(self) -> dict:
        return {
            "query": self.query,
            "count": self.count,
            "wordings": [{"query": q, "count": n} for q, n in self.wordings],
            "first": self.first,
            "last": self.last,
        }


def group(entries: list[dict]) -> list[Gap]:
    """Similar queries together, the most asked first."""
    from .search import analysis
    from .text import squashed  # the same question typed in NFD (macOS) or NFC, any spacing

    counts = Counter(squashed(e["q"]) for e in entries)
    seen: dict[str, list[str]] = {}
    for item in entries:
        seen.setdefault(squashed(item["q"]), []).append(str(item.get("at", "")))
    clusters: list[tuple[set[str], list[str]]] = []
    for query, _ in counts.most_common():
        words = set(analysis.words(query)) or {query}
        home = next((c for c in clusters if _similar(words, c[0])), None)
        if home is None:
            clusters.append((set(words), [query]))
        else:
            home[0].update(words)
            home[1].append(query)
    gaps = []
    for _, queries in clusters:
        times = sorted(t for q in queries for t in seen[q])
        wordings = [(q, counts[q]) for q in queries]
        gaps.append(Gap(queries[0], sum(n for _, n in wordings), wordings, times[0], times[-1]))
    return sorted(gaps, key=lambda g: (-g.count, g.query))


def _similar(words: set[str], cluster: set[str]) -> bool:
    common = len(words & cluster)
    return common > 0 and common / min(len(words), len(cluster)) >= SIMILAR


# --- output -------------------------------------------------------------------


def render(gaps: list[Gap], since: date | None, fmt: str = "text") -> str:
    if fmt == "json":
        data = {"since": since.isoformat() if since else None, "gaps": [g.to_dict() for g in gaps]}
        return json.dumps(data, ensure_ascii=False, indent=2)
    period = t("gaps.since", since=since) if since else t("gaps.all_kept")
    if fmt == "markdown":
        out = [t("gaps.md_title", period=period), "", t("gaps.md_header"),
               "|---|---|---|---|"]  # fmt: skip
        for n, gap in enumerate(gaps, 1):
            others = ", ".join(_md(q) for q, _ in gap.wordings[1:6])
            out.append(f"| {n} | {_md(gap.query)} | {gap.count} | {others} |")
        return "\n".join(out) + "\n"
    if not gaps:
        return t("gaps.none", period=period)
    out = [t("gaps.heading", gaps=len(gaps), period=period)]
    for n, gap in enumerate(gaps, 1):
        out.append(t("gaps.row", n=n, query=gap.query, count=gap.count, last=gap.last[:10]))
        for query, count in gap.wordings[1:6]:
            out.append(t("gaps.wording", query=query, count=count))
    return "\n".join(out)


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("~", "\\~").replace("*", "\\*")
