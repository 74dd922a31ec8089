"""`kb serve` re-renders only what a save reaches: the site it serves after each
change is the site a full rebuild makes of the same files, byte for byte.

Real MkDocs builds, as `kb serve` runs them (`serve --dirty`, one plugin kept
across builds), of a copy of the sample KB; a full serve build of the same
files, with a fresh plugin, is the reference.
"""

from __future__ import annotations

import filecmp
import os
from pathlib import Path

import pytest
from conftest import copy_sample_kb
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import get_schema
from mkdocs.livereload import LiveReloadServer

SERVE_URL = "http://127.0.0.1:8000/"
ANSWER = "docs/answers/account/dormant.md"
ANSWER_PAGE = "answers/account/dormant/index.html"


class Session:
    """The builds of one `kb serve`: MkDocs reloads the config, the plugin stays."""

    def __init__(self, config_file: Path, site_dir: Path):
        self.config_file, self.site_dir = config_file, site_dir
        config = self._config()
        config.plugins.on_startup(command="serve", dirty=True)
        self.plugin = config.plugins["kb"]
        self._build(config)
        # As MkDocs' serve does after the first build; the server is not started.
        self.server = LiveReloadServer(lambda: None, "127.0.0.1", 0, str(site_dir))
        config.plugins.on_serve(self.server, config=config, builder=lambda: None)

    def close(self) -> None:
        self.plugin.on_shutdown()

    def _config(self):
        config = load_config(config_file=str(self.config_file), site_dir=str(self.site_dir))
        config.site_url = SERVE_URL
        return config

    def _build(self, config) -> None:
        build(config, serve_url=SERVE_URL, dirty=True)
        if self.plugin.search_writer is not None:  # what the server leaves running
            self.plugin.search_writer.join()

    def save(self) -> str:
        """The build after a save; returns the edited answer's page as then served."""
        self._build(self._config())
        return self.page(ANSWER_PAGE)

    def settle(self) -> None:
        """The build the plugin asks the server for after one that kept the reports."""
        self._build(self._config())

    def page(self, rel: str) -> str:
        return (self.site_dir / rel).read_text(encoding="utf-8")


def full_build(config_file: Path, site_dir: Path) -> None:
    """What `kb serve --full-rebuild` builds: a clean serve build, with a new plugin.

    MkDocs keeps one instance of a plugin with on_startup per process (for
    serve's rebuilds); the session's is set aside while this one builds.
    """
    cache = dict(get_schema())["plugins"].plugin_cache
    kept = dict(cache)
    cache.clear()
    try:
        config = load_config(config_file=str(config_file), site_dir=str(site_dir))
        config.site_url = SERVE_URL
        config.plugins.on_startup(command="serve", dirty=False)
        build(config, serve_url=SERVE_URL)
        config.plugins.on_shutdown()
    finally:
        cache.clear()
        cache.update(kept)


def differences(a: Path, b: Path) -> list[str]:
    found = []
    for left in (a, b):
        for path in left.rglob("*"):
            rel = path.relative_to(left)
            other = (b if left == a else a) / rel
            if path.is_file() and not other.is_file():
                found.append(f"only in {left.name}: {rel}")
            elif left == a and path.is_file() and not filecmp.cmp(path, other, shallow=False):
                found.append(f"differs: {rel}")
    return found


@pytest.fixture
def served(tmp_path):
    config = copy_sample_kb(tmp_path / "kb")
    session = Session(config, tmp_path / "served")

    def same_as_full_build(name: str) -> None:
        session.settle()
        reference = tmp_path / f"full-{name}"
        full_build(config, reference)
        assert differences(session.site_dir, reference) == []

    yield config.parent, session, same_as_full_build
    session.close()


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    _later(path)


def _later(path: Path) -> None:
    """A save a moment after the build, as an editor makes it (mtimes are coarse)."""
    st = os.stat(path)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 2_000_000_000))


def test_an_edited_answer_is_on_its_page_its_tag_page_and_in_search(served):
    kb, session, same_as_full_build = served
    other = session.site_dir / "answers/refund/cash-refund/index.html"
    untouched = other.stat().st_mtime_ns
    _edit(kb / ANSWER, "title: 휴면 계정 해제 방법", "title: 휴면 계정 풀기 안내")
    page = session.save()
    assert other.stat().st_mtime_ns == untouched  # an answer the edit does not reach
    assert "휴면 계정 풀기 안내" in page and "휴면 계정 해제 방법" not in page
    tag_page = session.page("tags/계정/휴면/index.html")
    assert "휴면 계정 풀기 안내" in tag_page
    policy_page = session.page("policies/account/index.html")
    assert "휴면 계정 풀기 안내" in policy_page  # the clause's "cited by" list
    rows = "".join(p.read_text(encoding="utf-8") for p in session.site_dir.glob("search/kb/d/*"))
    assert "휴면 계정 풀기 안내" in rows and "휴면 계정 해제 방법" not in rows
    same_as_full_build("answer")


def test_an_edited_clause_shows_on_the_answer_citing_it(served):
    kb, session, same_as_full_build = served
    _edit(kb / "policies/account.yaml", "1년 동안 로그인", "2년 동안 로그인")
    session.save()
    assert "2년 동안 로그인" in session.page(ANSWER_PAGE)  # the cited clause's card
    same_as_full_build("clause")


def test_an_added_answer_is_served_and_a_deleted_one_is_gone(served):
    kb, session, same_as_full_build = served
    new = kb / "docs/answers/account/dormant-again.md"
    text = (kb / ANSWER).read_text(encoding="utf-8")
    new.write_text(
        text.replace("id: account-dormant", "id: account-dormant-again").replace(
            "title: 휴면 계정 해제 방법", "title: 다시 휴면이 된 계정"
        ),
        encoding="utf-8",
    )
    session.save()
    assert "다시 휴면이 된 계정" in session.page("answers/account/dormant-again/index.html")
    assert "다시 휴면이 된 계정" in session.page("tags/계정/휴면/index.html")
    same_as_full_build("added")
    (kb / ANSWER).unlink()
    session.settle()  # the build after the save (the page is gone: nothing to read)
    assert not (session.site_dir / ANSWER_PAGE).exists()
    assert "휴면 계정 해제 방법" not in session.page("tags/계정/휴면/index.html")
    same_as_full_build("deleted")


def test_answer_edits_in_a_row_each_match_a_full_build(served):
    kb, session, same_as_full_build = served
    _edit(kb / ANSWER, "tags: [계정/휴면]", "tags: [계정/휴면, 계정]")
    session.save()
    same_as_full_build("tags")
    _edit(kb / ANSWER, "cites: [ACCOUNT-6@1]", "cites: [ACCOUNT-6@1, ACCOUNT-1@1]")
    session.save()
    assert "본인 확인 절차" in session.page(ANSWER_PAGE)
    same_as_full_build("cites")
    _edit(kb / ANSWER, "cites: [ACCOUNT-6@1, ACCOUNT-1@1]", "cites: [ACCOUNT-6@9]")
    assert "kb-alert--error" in session.save()  # a broken citation, marked at once
    same_as_full_build("broken")


def test_clause_edits_reach_the_answers_citing_them_and_only_those(served):
    kb, session, same_as_full_build = served
    other = session.site_dir / "answers/refund/cash-refund/index.html"
    untouched = other.stat().st_mtime_ns
    policy = kb / "policies/account.yaml"
    # ACCOUNT-6 not yet in force: the answer citing it is marked at once.
    _edit(policy, "    version: 1\n    effective: 2026-03-01\n    text: |\n      **1년",
          "    version: 1\n    effective: 2099-03-01\n    text: |\n      **1년")  # fmt: skip
    assert "kb-alert--error" in session.save()
    assert other.stat().st_mtime_ns == untouched  # cites nothing of that policy
    same_as_full_build("future")
    # A clause of another policy replaces it: its page, and the answer, say so.
    _edit(policy, "effective: 2099-03-01", "effective: 2026-03-01")
    pass_file = kb / "policies/pass.yaml"
    _edit(pass_file, "  - id: PASS-1\n", "  - id: PASS-1\n    supersedes: [ACCOUNT-6]\n")
    page = session.save()
    assert "PASS-1" in page and "kb-alert--error" in page
    same_as_full_build("superseded")
