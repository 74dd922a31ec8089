"""`kb serve` after a save: which pages the change can reach.

MkDocs' dirty build (`serve --dirty`, which `kb serve` uses) renders a page
only when its `File.is_modified()` says so, and leaves every other output of
the last build in place. For kb's pages a file's time says little (a policy
page lists the answers citing its clauses, a tag page every answer under the
tag), so the plugin asks `plan` instead: it compares the build about to be
made with the last one and returns the pages whose HTML can differ, or None
when it cannot tell cheaply; then the whole site is rebuilt.

The cases made cheap are those an owner repeats while serving: editing
answers, and editing clauses (the answers citing a changed clause, or one it
replaces or is replaced by, are rendered again). Anything else (a clause or
policy added or removed, mkdocs.yml, a hand-written page, a file added or
removed, a new date, anything that changes the navigation, a finding on a
file the change does not reach) is a full rebuild. `tests/test_site_incremental.py` holds
every re-rendered site equal to a full build of the same files.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from datetime import date

from ..cache import file_digest
from ..check import Report
from ..model import KB, Answer
from .context import POLICIES_DIR, TAGS_DIR, Site


@dataclass
class State:
    """What one build was made from: enough to tell what the next one changes."""

    today: date
    config: str  # digest of mkdocs.yml
    files: dict[str, object]  # src_uri -> (mtime, size) of its source; None: from the KB
    generated: dict[str, str]  # src_uri -> content of a page the plugin makes as Markdown
    nav: list
    site: Site
    findings: list[tuple]
    reports: list[tuple[str, str, str]]  # what the report pages were made from


def state(site: Site, report: Report, files, config, generated: set[str], reports) -> State:
    """`generated`: the src_uris of pages whose HTML kb makes from the KB (kinds)."""
    sources: dict[str, object] = {}
    contents: dict[str, str] = {}
    for file in files:
        if file.src_uri in generated:
            # Their HTML comes from the KB; a report's Markdown is compared as text.
            sources[file.src_uri] = None
            if file.generated_by and file.abs_src_path is None:
                contents[file.src_uri] = file.content_string
        else:
            sources[file.src_uri] = _stat(file.abs_src_path)
    return State(
        today=site.today,
        config=_digest(config.config_file_path),
        files=sources,
        generated=contents,
        nav=list(config.nav or []),
        site=site,
        findings=sorted(_finding_key(f) for f in report.findings),
        reports=reports,
    )


def plan(old: State | None, new: State) -> set[str] | None:
    """The src_uris of kb's pages to render again, or None: rebuild everything.

    Hand-written pages are rendered on every build whatever this says (they
    are few, and MkDocs takes their titles in the navigation from them).
    """
    if old is None or not _same_frame(old, new):
        return None
    before, after = _answers(old.site.kb), _answers(new.site.kb)
    reach = _clauses_reached(old.site.kb, new.site.kb)
    if before is None or after is None or reach is None:
        return None
    changed = {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}
    # An answer citing a changed clause shows it (its card, its state, what replaces it).
    changed |= {
        a.doc_path
        for a in [*before.values(), *after.values()]
        if any(c.clause_id in reach for c in a.cites + a.refs)
    }
    kb_paths = {a.path for a in [*before.values(), *after.values()] if a.doc_path in changed}
    pairs = zip(old.site.kb.policies, new.site.kb.policies, strict=True)
    kb_paths |= {b.path for a, b in pairs if a != b}
    if _other_findings(old, kb_paths) != _other_findings(new, kb_paths):
        return None  # e.g. a duplicate id: the other file's page shows it too
    pages = set(changed)
    pages |= _tag_pages(old.site, changed) | _tag_pages(new.site, changed)
    for answers, site in ((before, old.site), (after, new.site)):
        cited = {c.clause_id for p in changed if p in answers for c in answers[p].cites}
        cited |= {c.clause_id for p in changed if p in answers for c in answers[p].refs}
        pages |= _policy_pages(site, {i for i in cited if i} | reach)
    if reach:
        pages.add(f"{POLICIES_DIR}/index.md")
    pages |= {uri for uri, text in new.generated.items() if old.generated.get(uri) != text}
    return pages | {"index.md", f"{TAGS_DIR}/index.md"}  # counts, reviews due


def same_sources(old: State | None, new: State) -> bool:
    """Whether the search files made from `old` are those `new` would make."""
    return (
        old is not None
        and _same_frame(old, new)
        and old.site.kb.answers == new.site.kb.answers
        and old.site.kb.policies == new.site.kb.policies
    )


def _same_frame(old: State, new: State) -> bool:
    """All but answers and policies is as it was: the date, the config, the files, the nav."""
    return (
        old.today == new.today
        and old.config == new.config
        and old.files == new.files
        and old.nav == new.nav
        and old.site.kb.manuals == new.site.kb.manuals
        and old.site.language == new.site.language
    )


def _answers(kb: KB) -> dict[str, Answer] | None:
    """doc_path -> answer; None when two published answers share an id.

    The site caches an answer's HTML by id, so a shared id ties two pages together.
    """
    ids = Counter(a.id for a in kb.answers if a.published)
    if any(n > 1 for n in ids.values()):
        return None
    return {a.doc_path: a for a in kb.answers}


def _clauses_reached(old: KB, new: KB) -> set[str] | None:
    """The ids of the clauses of changed policies, and of those they replace or are
    replaced by (their state and notes follow from each other), or None when the
    policies or their clause ids are not the same ones (a "did you mean" anywhere
    may then change).
    """
    if [(p.id, p.path) for p in old.policies] != [(p.id, p.path) for p in new.policies]:
        return None
    if _clause_ids(old) != _clause_ids(new):
        return None
    reach = {
        c.id
        for a, b in zip(old.policies, new.policies, strict=True)
        if a != b
        for c in a.clauses + b.clauses
    }
    links: dict[str, set[str]] = {}
    for kb in (old, new):
        for clause in (c for p in kb.policies for c in p.clauses):
            for other in clause.supersedes:
                links.setdefault(clause.id, set()).add(other)
                links.setdefault(other, set()).add(clause.id)
    todo = list(reach)
    while todo:
        for other in links.get(todo.pop(), ()):
            if other not in reach:
                reach.add(other)
                todo.append(other)
    return reach


def _clause_ids(kb: KB) -> list[str]:
    return sorted(c.id for p in kb.policies for c in p.clauses)


def _other_findings(state: State, paths: set[str]) -> list[tuple]:
    return [f for f in state.findings if f[2] not in paths]


def _tag_pages(site: Site, changed: set[str]) -> set[str]:
    """Each tag page listing a changed answer (a parent tag lists its children's)."""
    return {
        site.tag_src(tag)
        for tag in site.tags.values()
        if any(a.doc_path in changed for a in tag.all_answers())
    }


def _policy_pages(site: Site, ids: set[str]) -> set[str]:
    """The pages of the policies with one of these clauses (they list who cites each)."""
    return {
        site.policy_src(p.id)
        for p in site.kb.policies
        if p.id and any(c.id in ids for c in p.clauses)
    }


def _finding_key(finding) -> tuple:
    return (finding.code, finding.severity, finding.path, finding.line, finding.message,
            finding.subject, finding.clause)  # fmt: skip


def _stat(path: str | None) -> object:
    if path is None:
        return None
    try:
        st = os.stat(path)
    except OSError:
        return "missing"
    return (st.st_mtime_ns, st.st_size, st.st_ino)


def _digest(path: str | None) -> str:
    return (file_digest(path) or "") if path else ""
