"""Every command has help text and is documented in the README."""

from __future__ import annotations

import importlib.util
import json
import re
import shlex
import subprocess

import click
import pytest
from conftest import REPO

from kb.cli import main

COMMANDS = sorted(main.commands)


@pytest.mark.parametrize("name", COMMANDS)
def test_command_has_help(name, kb_cli):
    result = kb_cli(name, "--help")
    assert result.exit_code == 0
    assert len(main.commands[name].help or "") > 20


@pytest.mark.parametrize("name", COMMANDS)
def test_command_is_in_readme(name):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"`kb {name}\b", readme), f"README.md does not document `kb {name}`"


def test_readme_starts_with_the_two_command_quick_start():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    first_block = re.search(r"```sh\n(.*?)```", readme, re.S)[1]
    commands = [line.split("#")[0].strip() for line in first_block.splitlines()]
    assert commands == ["make serve", "make test"]


def test_ci_runs_the_readme_test_command():
    assert "make test" in (REPO / ".ci" / "run").read_text(encoding="utf-8")


# --- the README's usage lines, links and walkthroughs -----------------------------


def _readme_usage():
    spec = importlib.util.spec_from_file_location("readme_usage", REPO / "scripts/readme_usage.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_readme_usage_block_is_generated_from_the_commands_help():
    usage = _readme_usage()
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert usage.block() in readme, "run: python scripts/readme_usage.py"


def test_usage_lines_say_which_commands_take_f_and_which_options_exist():
    usage = "\n".join(_readme_usage().lines(main))
    assert "kb check [-f mkdocs.yml] [--as-of YYYY-MM-DD]" in usage and "[--base REV]" in usage
    assert "kb changes [-f mkdocs.yml] [--month YYYY-MM]" in usage
    assert re.search(r"^kb init \[DIRECTORY\] \[--name NAME\]$", usage, re.M)
    assert "kb new answer [ANSWER-ID] [-f mkdocs.yml]" in usage
    assert "Every command takes `-f" not in (REPO / "README.md").read_text(encoding="utf-8")


def test_readme_links_the_format_reference_in_the_repository():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "../shared/SPEC.md" not in readme
    for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", readme):
        assert (REPO / target).exists(), f"README links to a missing file: {target}"
    assert "](kb/site/guide/format.md)" in readme


def _sh_blocks(text: str) -> list[str]:
    return re.findall(r"```sh\n(.*?)```", text, re.S)


def _section(text: str, heading: str) -> str:
    start = text.index(heading)
    end = text.find("\n## ", start + len(heading))
    return text[start : end if end > 0 else None]


def _kb_lines(block: str) -> list[list[str]]:
    """The `kb ...` commands of a shell block, as argument lists (comments, redirections cut)."""
    found = []
    for line in block.splitlines():
        words = shlex.split(line, comments=True)
        if words[:1] != ["kb"]:
            continue
        cut = next((i for i, w in enumerate(words) if w in (">", "|", "&&")), len(words))
        found.append(words[1:cut])
    return found


def _parse(args: list[str]) -> None:
    """Parse a command line as click would, without running it: unknown options fail."""
    command, rest = main, list(args)
    while isinstance(command, click.Group):
        name = rest.pop(0)
        assert name in command.commands, f"no command {name!r} in {args}"
        command = command.commands[name]
    command.make_context(args[0], rest)


def test_every_kb_command_in_the_quick_starts_parses():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    quick = _section(readme, "## 빠른 시작")
    for role in ("### 상담원", "### 정책 담당자", "### 교육 담당자"):
        assert role in quick
    commands = [c for block in _sh_blocks(quick) for c in _kb_lines(block)]
    assert ["changes", "--month", "2026-12"] in commands
    for args in commands:
        _parse(args)


def test_start_your_own_kb_walkthrough_runs(tmp_path, monkeypatch, kb_cli):
    """The README's "start your own KB" steps, run as written (install and serve left out)."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    (block,) = _sh_blocks(_section(readme, "## 나만의 KB 시작하기"))
    monkeypatch.chdir(tmp_path)
    for name in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{name}_NAME", "정책 담당")
        monkeypatch.setenv(f"GIT_{name}_EMAIL", "owner@example.com")
    ran = []
    for line in block.splitlines():
        words = shlex.split(line, comments=True)
        if not words or words[0] in ("python3", "pip") or words[:2] == ["kb", "serve"]:
            continue
        if words[0] == "cd":
            monkeypatch.chdir(words[1])
        elif words[0] == "git":
            subprocess.run(words, check=True, capture_output=True)
        else:
            assert words[0] == "kb", line
            result = kb_cli(*words[1:])
            assert result.exit_code == 0, (line, result.output)
        ran.append(words[0])
    assert ran.count("git") == 3 and "cd" in ran
    log = subprocess.run(["git", "log", "--format=%s"], capture_output=True, text=True)
    assert log.stdout.strip() == "지식베이스 시작"
    month = kb_cli("changes", "--month", "2026-12", "--format", "json")
    assert month.exit_code == 0 and json.loads(month.output)["git"] is True
