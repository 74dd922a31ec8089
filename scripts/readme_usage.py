"""Write the README's usage lines from the commands' own help, so they cannot drift.

    python scripts/readme_usage.py           # rewrite the block in README.md
    python scripts/readme_usage.py --check   # exit 1 when README.md's block is out of date

The block sits between `<!-- usage:start -->` and `<!-- usage:end -->`: the global
options first (`kb [--lang ko|en] COMMAND ...`), then one
line per command (each `kb new` kind on its own), its options as the command
declares them, and the first sentence of its help. tests/test_docs.py fails
when the README's block differs from what this prints.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
START, END = "<!-- usage:start -->", "<!-- usage:end -->"
HELP_OPTIONS = {"--help", "-h"}


def _value(param: click.Option) -> str:
    """How an option's value is written: choices, a date, a default file, or a name."""
    kind = param.type
    if isinstance(kind, click.Choice):
        return "|".join(str(c) for c in kind.choices)
    if isinstance(kind, click.DateTime):
        return "YYYY-MM-DD"
    if param.metavar:
        return param.metavar
    if isinstance(kind, click.Path) and isinstance(param.default, str):
        return param.default  # `-f mkdocs.yml`, as SPEC.md writes it
    if isinstance(kind, (click.Path, click.File)):
        return "DIR" if isinstance(kind, click.Path) and not kind.file_okay else "FILE"
    if isinstance(kind, click.types.IntParamType):
        return "N"
    if not isinstance(kind, click.types.StringParamType):
        return kind.name.upper()  # a command's own type names its form, e.g. YYYY-MM-DD
    return _long(param).lstrip("-").upper()


def _long(param: click.Option) -> str:
    return next((n for n in param.opts if n.startswith("--")), param.opts[0])


def _option(param: click.Option) -> str:
    # Long names read best in a README; `-f` is how every KB command is shown.
    name = "-f" if "-f" in param.opts else _long(param)
    word = name if param.is_flag or param.count else f"{name} {_value(param)}"
    word = word if param.required else f"[{word}]"
    return word + ("..." if param.multiple else "")


def _argument(param: click.Argument) -> str:
    word = param.metavar or (param.name or "ARG").upper()
    return word if param.required else f"[{word}]"


def usage(path: str, command: click.Command) -> str:
    words = [path]
    for param in command.params:
        if isinstance(param, click.Argument):
            words.append(_argument(param))
        elif isinstance(param, click.Option) and not set(param.opts) <= HELP_OPTIONS:
            words.append(_option(param))
    return " ".join(words)


def _summary(command: click.Command) -> str:
    return command.get_short_help_str(limit=200)


def lines(group: click.Group, prefix: str = "kb") -> list[str]:
    out = []
    for name in sorted(group.commands):
        command = group.commands[name]
        path = f"{prefix} {name}"
        if isinstance(command, click.Group):
            out += lines(command, path)
            continue
        out += [usage(path, command), f"    {_summary(command)}"]
    return out


def global_options(group: click.Group) -> list[str]:
    """The options every command takes before its name (`kb --lang en check`)."""
    out = []
    for param in group.params:
        if isinstance(param, click.Option) and param.help and "--version" not in param.opts:
            out += [f"kb {_option(param)} COMMAND ...", f"    {param.help}"]
    return out


def block() -> str:
    from kb.cli import main

    return "\n".join([START, "```text", *global_options(main), *lines(main), "```", END])


def rewrite(text: str) -> str:
    if START not in text or END not in text:
        raise SystemExit(f"{README}: add the markers {START} and {END} where the usage goes")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    return head + block() + tail


def main(argv: list[str]) -> int:
    current = README.read_text(encoding="utf-8")
    wanted = rewrite(current)
    if "--check" in argv:
        if wanted != current:
            print("README.md: the usage block is out of date: run python scripts/readme_usage.py")
            return 1
        return 0
    if wanted != current:
        README.write_text(wanted, encoding="utf-8")
        print("README.md: usage block rewritten")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
