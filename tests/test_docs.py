"""Every command has help text and is documented in the README."""

from __future__ import annotations

import re

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
