"""Shared fixtures: small KBs written into tmp_path, and the CLI runner."""

from __future__ import annotations

import json
import os
import shutil
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from kb import messages
from kb.cli import main

REPO = Path(__file__).resolve().parent.parent

MKDOCS_YML = """\
site_name: 테스트 KB
theme:
  name: material
  language: ko
plugins:
  - search
  - kb
"""

# A KB's mkdocs.yml in the language given: `LANGUAGE_YML.format(language="en")`.
LANGUAGE_YML = """\
site_name: Test KB
theme:
  name: material
  language: {language}
plugins:
  - search
  - kb
"""


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite the expected outputs of golden tests instead of comparing.",
    )


@pytest.fixture(autouse=True)
def _private_parse_cache(tmp_path_factory, monkeypatch):
    """Each test gets its own parse cache, away from the user's."""
    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture(autouse=True)
def _korean_by_default(monkeypatch):
    """Each test starts in Korean, whatever the user's KB_LANG or the test before it chose
    (the message language is one piece of state for the whole process)."""
    monkeypatch.delenv("KB_LANG", raising=False)
    messages.override(None)
    messages.use("ko")
    yield
    messages.override(None)
    messages.use("ko")


@pytest.fixture
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


def write_kb(root: Path, files: dict[str, str], config: str = MKDOCS_YML) -> Path:
    """Write a KB: `files` maps relative paths to (dedented) contents."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    (root / "docs").mkdir(exist_ok=True)
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
    return root / "mkdocs.yml"


SAMPLE = Path(__file__).resolve().parent.parent  # the repository's own KB


def copy_sample_kb(root: Path) -> Path:
    """A copy of the sample KB at `root` (tests never write into the repository)."""
    root.mkdir(parents=True, exist_ok=True)
    for name in ("policies", "docs"):
        shutil.copytree(SAMPLE / name, root / name)
    for name in ("mkdocs.yml", "synonyms.yaml"):
        shutil.copy(SAMPLE / name, root / name)
    return root / "mkdocs.yml"


@pytest.fixture
def make_kb(tmp_path):
    def make(files: dict[str, str], config: str = MKDOCS_YML, name: str = "kb") -> Path:
        return write_kb(tmp_path / name, files, config)

    return make


class KBRunner:
    def __init__(self):
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None):
        return self.runner.invoke(main, list(args), input=input, catch_exceptions=False)

    def json(self, *args: str):
        result = self(*args)
        return result, json.loads(result.output)


@pytest.fixture
def kb_cli() -> KBRunner:
    return KBRunner()


def pytest_sessionfinish(session, exitstatus):
    """In CI (KB_REQUIRE_BROWSER=1) a skipped test is a missing feature: fail the run."""
    if os.environ.get("KB_REQUIRE_BROWSER") != "1":
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if skipped:
        count = len(skipped)
        reporter.write_line(f"KB_REQUIRE_BROWSER=1: {count} skipped test(s) count as failures")
        session.exitstatus = 1
