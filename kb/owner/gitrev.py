"""Reading the KB's policies as they were at a git revision.

`kb check --base REV` compares the working tree with REV, and `kb changes`
walks the commits of a period. Both read policy files straight from git
(`git ls-tree` and `git cat-file`), never checking anything out, so the
working tree a policy owner is editing is never touched.

The KB may sit in a subfolder of its repository, and may not be in a
repository at all: `repository(root)` says which.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .. import sources, yamlsrc
from ..errors import KBError
from ..load import nfc, policy_from_data
from ..messages import t
from ..model import KB, WARNING, Clause, Finding, Policy
from ..sources import MAX_BYTES, MAX_SHOWN
from ..text import same_text
from ..textsafe import shown
from ..yamlsrc import Map, YAMLSourceError


class GitError(KBError):
    """git is missing, the KB is not in a repository, or a revision is unknown."""


class GitMissing(GitError):
    """The git program is not installed: not the same as "not a repository"."""


# A policy file in history is read under the same limits as one in the working
# tree: sources.MAX_BYTES, and yamlsrc.parse's limit on alias expansion.
MAX_BLOB_BYTES = MAX_BYTES


@dataclass
class Commit:
    sha: str
    day: date  # the committer date
    subject: str


def _git(root: Path, *args: str, stdin: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args],
            input=stdin,
            capture_output=True,
            check=False,
        )
    except FileNotFoundError:
        raise GitMissing(t("gitrev.missing")) from None
    if done.returncode != 0:
        raise GitError(done.stderr.decode("utf-8", "replace").strip() or f"git {args[0]} failed")
    return done.stdout


def repository(root: Path) -> Path | None:
    """The top folder of the git work tree holding `root`, or None.

    Raises GitMissing when git itself is not installed: that is not "no
    repository", and the user must hear which it is.
    """
    try:
        out = _git(root, "rev-parse", "--show-toplevel")
    except GitMissing:
        raise
    except GitError:
        return None
    return Path(out.decode().strip())


def shallow_since(root: Path) -> date | None:
    """In a shallow clone, the committer date of its oldest commit; else None."""
    if _git(root, "rev-parse", "--is-shallow-repository").decode().strip() != "true":
        return None
    shallow = Path(_git(root, "rev-parse", "--git-path", "shallow").decode().strip())
    try:
        shas = (root / shallow).read_text(encoding="ascii").split()
    except (OSError, UnicodeDecodeError):
        shas = []
    days = []
    for sha in shas:
        with _suppress_git():
            days.append(date.fromisoformat(_git(root, "log", "-1", "--format=%cs", sha)
                                           .decode().strip()))
    return min(days) if days else date.max


def resolve(root: Path, rev: str) -> str:
    """The commit sha for `rev`, or a GitError that says how to fix it."""
    if repository(root) is None:
        raise GitError(f"{root}: not a git repository, so there is no revision {rev!r} to compare")
    try:
        return _git(root, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").decode().strip()
    except GitError:
        raise GitError(
            f"unknown git revision {rev!r}: give a branch, tag or commit "
            "(in CI, fetch it first, e.g. `git fetch origin main`)"
        ) from None


def commits(root: Path, paths: list[Path], since: date, until: date) -> list[Commit]:
    """Commits touching `paths` with committer dates in [since, until], oldest first."""
    out = _git(
        root,
        "log",
        "--reverse",
        "--format=%H%x09%cs%x09%s",
        f"--since={since.isoformat()} 00:00:00",
        f"--until={until.isoformat()} 23:59:59",
        "--",
        *[_relative(root, p) for p in paths],
    )
    found = []
    for line in out.decode("utf-8", "replace").splitlines():
        sha, day, subject = (line.split("\t", 2) + ["", ""])[:3]
        found.append(Commit(sha, date.fromisoformat(day), subject))
    return found


def clause_at(root: Path, rev: str, path: str, clause_id: str) -> Clause | None:
    """One clause as it was at `rev`, reading only its policy file (`path` from the KB root)."""
    try:
        text = _git(root, "show", f"{rev}:./{path}").decode("utf-8", "replace")
    except GitError:
        return None  # no such commit or file then
    policies, _, _ = _parse_policy(text.replace("\r\n", "\n"), path)
    return next((c for p in policies for c in p.clauses if c.id == clause_id), None)


def last_commit_before(root: Path, day: date) -> str | None:
    out = _git(root, "rev-list", "-1", f"--before={day.isoformat()} 00:00:00", "HEAD")
    return out.decode().strip() or None


def _suppress_git():
    return contextlib.suppress(GitError, ValueError)


def _relative(root: Path, path: Path) -> str:
    # ls-tree and log print and take paths relative to `git -C root`.
    return Path(os.path.relpath(path, root)).as_posix()


@dataclass
class Unreadable:
    """A policy file at a revision that could not be read; it is left out, said once."""

    rev: str
    path: str
    message: str

    def note(self) -> str:
        return t(
            "gitrev.note",
            rev=self.rev[:10],
            path=shown(self.path),
            message=shown(self.message),
        )


class Snapshots:
    """Policy files at any number of revisions, each blob parsed once.

    A file that cannot be read at some revision (not YAML, an alias bomb, too
    big) is noted in `unreadable`; where the same file was read at an earlier
    revision, that reading stands in for it, so that one bad commit does not
    show up as every clause of the file removed and added again.
    """

    def __init__(self, root: Path, policies_dir: Path):
        self.root = root
        self.policies_dir = _relative(root, policies_dir)
        self._blobs: dict[str, list[Policy]] = {}
        self._maps: dict[str, dict[str, Map]] = {}
        self._errors: dict[str, str] = {}
        self._last_good: dict[str, str] = {}  # path -> last blob read at a revision asked for
        self.unreadable: list[Unreadable] = []

    def _files(self, rev: str) -> list[tuple[str, str, int]]:
        """(blob sha, path relative to the KB root, size) of each policy file at `rev`."""
        out = _git(self.root, "ls-tree", "-r", "-z", "-l", rev, "--", self.policies_dir)
        files = []
        for entry in out.decode("utf-8", "replace").split("\0"):
            if not entry:
                continue
            meta, path = entry.split("\t", 1)
            kind, sha, size = meta.split()[1:4]
            if kind == "blob" and path.endswith((".yaml", ".yml")):
                files.append((sha, nfc(path), int(size) if size.isdigit() else 0))
        return files

    def _read_blobs(self, shas: list[str]) -> dict[str, str]:
        out = _git(self.root, "cat-file", "--batch", stdin="".join(s + "\n" for s in shas).encode())
        texts, pos = {}, 0
        for sha in shas:
            header_end = out.index(b"\n", pos)
            size = int(out[pos:header_end].split()[2])
            start = header_end + 1
            texts[sha] = out[start : start + size].decode("utf-8", "replace").replace("\r\n", "\n")
            pos = start + size + 1
        return texts

    def _parse(self, files: list[tuple[str, str, int]]) -> None:
        for sha, _, size in files:
            if sha not in self._blobs and size > MAX_BLOB_BYTES:
                self._blobs[sha], self._maps[sha] = [], {}
                self._errors[sha] = t("gitrev.parse", size=size / 1024 / 1024, limit=MAX_SHOWN)
        todo = [sha for sha, _, _ in files if sha not in self._blobs]
        texts = self._read_blobs(list(dict.fromkeys(todo))) if todo else {}
        for sha, rel, _ in files:
            if sha in self._blobs:
                continue
            self._blobs[sha], self._maps[sha], error = _parse_policy(texts[sha], rel)
            if error:
                self._errors[sha] = error

    def _readable(self, rev: str) -> list[tuple[str, str, int]]:
        """The files at `rev`, each unreadable one replaced by its last readable version."""
        files = self._files(rev)
        self._parse(files)
        chosen = []
        for sha, rel, size in files:
            if sha in self._errors:
                if not any(
                    u.path == rel and self._errors[sha] == u.message for u in self.unreadable
                ):
                    self.unreadable.append(Unreadable(rev, rel, self._errors[sha]))
                sha = self._last_good.get(rel, sha)
            else:
                self._last_good[rel] = sha
            chosen.append((sha, rel, size))
        return chosen

    def policies(self, rev: str) -> list[Policy]:
        return [p for sha, _, _ in self._readable(rev) for p in self._blobs[sha]]

    def clauses(self, rev: str) -> dict[str, Clause]:
        found: dict[str, Clause] = {}
        for policy in self.policies(rev):
            for clause in policy.clauses:
                if clause.id:
                    found.setdefault(clause.id, clause)
        return found

    def clause_maps(self, rev: str) -> dict[str, Map]:
        """Clause id -> its raw YAML mapping at `rev` (for fields the model omits)."""
        found: dict[str, Map] = {}
        for sha, _, _ in self._readable(rev):
            for clause_id, data in self._maps[sha].items():
                found.setdefault(clause_id, data)
        return found


def _parse_policy(text: str, rel: str) -> tuple[list[Policy], dict[str, Map], str | None]:
    """A policy file read leniently: one that does not parse is absent, and says why."""
    try:
        data = yamlsrc.parse(text)  # bomb-safe: alias expansion is limited
    except YAMLSourceError as exc:
        return [], {}, exc.message
    policy = policy_from_data(data, rel, [])
    if policy is None:
        return [], {}, None
    return [policy], clause_maps(data), None


def clause_maps(data) -> dict[str, Map]:
    found: dict[str, Map] = {}
    entries = data.get("clauses") if isinstance(data, Map) else None
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, Map) and isinstance(entry.get("id"), str):
            found.setdefault(nfc(entry["id"]), entry)
    return found


# --- kb check --base ----------------------------------------------------------

EDITORIAL = "editorial"


def working_clause_maps(kb: KB) -> dict[str, Map]:
    found: dict[str, Map] = {}
    for policy in kb.policies:
        try:
            data = yamlsrc.parse(sources.read_text(str(kb.root / policy.path)))
        except (sources.SourceError, YAMLSourceError):
            continue  # already a parse-error finding of the check
        for clause_id, entry in clause_maps(data).items():
            found.setdefault(clause_id, entry)
    return found


def text_changed_without_bump(kb: KB, rev: str, notes: list[str] | None = None) -> list[Finding]:
    """Clauses whose text changed since `rev` while their version stayed the same.

    Such a change would leave every answer pinned to the clause unreviewed.
    A clause whose `editorial` note is new or different since `rev` is left
    out: the owner has said the change is wording only (a typo, spacing).
    A policy file that cannot be read at `rev` is left out and noted in `notes`.
    """
    sha = resolve(kb.root, rev)
    snapshots = Snapshots(kb.root, kb.policies_dir)
    before = snapshots.clause_maps(sha)
    if notes is not None:
        notes += [u.note() for u in snapshots.unreadable]
    findings = []
    for clause_id, now in working_clause_maps(kb).items():
        then = before.get(clause_id)
        if then is None or now.get("version") != then.get("version"):
            continue
        if same_text(now.get("text"), then.get("text")):
            continue
        if now.get(EDITORIAL) not in (None, "", False) and now.get(EDITORIAL) != then.get(
            EDITORIAL
        ):
            continue
        clause = kb.clauses.get(clause_id)
        if clause is None:
            continue
        findings.append(_unbumped(clause, now, rev))
    return findings


def _unbumped(clause: Clause, now: Map, rev: str) -> Finding:
    return Finding(
        "text-changed-without-bump",
        WARNING,
        clause.path,
        now.line_of("text"),
        f"the text of {clause.id} changed since {rev} but its version is still "
        f"{clause.version}: if the meaning changed, run `kb bump {clause.id} --effective DATE` "
        "so the answers citing it get reviewed; if it is wording only, add "
        f"`editorial: <what you fixed>` to the clause",
        clause.id,
        clause.id,
    )
