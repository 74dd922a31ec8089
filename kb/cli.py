"""The `kb` command: a thin layer over the library.

Each command reads its options, calls one library function and prints the
result; library errors (KBError) become a clean message and exit code 2.
"""

from __future__ import annotations

import sys
from datetime import date

import click

from . import report as report_mod
from .check import check as run_check
from .config import read_config
from .load import load

CONTEXT = {"help_option_names": ["-h", "--help"]}


def config_option(func):
    return click.option(
        "-f",
        "--config-file",
        "config_file",
        default="mkdocs.yml",
        show_default=True,
        type=click.Path(dir_okay=False),
        help="The KB's mkdocs.yml.",
    )(func)


def as_of_option(func):
    return click.option(
        "--as-of",
        type=click.DateTime(formats=["%Y-%m-%d"]),
        help="Check as on this date (YYYY-MM-DD) instead of today.",
    )(func)


def _day(value) -> date | None:
    return value.date() if value is not None else None


@click.group(context_settings=CONTEXT)
@click.version_option(package_name="kb")
def main() -> None:
    """kb: service policies and canned answers that agree with each other."""


@main.command()
@config_option
@as_of_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(report_mod.FORMATS),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
def check(config_file: str, as_of, fmt: str, strict: bool) -> None:
    """Check that every canned answer cites a current policy clause.

    Exit status: 0 clean, 1 findings (with --strict, warnings too), 2 the KB
    cannot be read.
    """
    kb = load(read_config(config_file))
    result = run_check(kb, _day(as_of))
    click.echo(report_mod.render(result, fmt))
    sys.exit(1 if result.failed(strict) else 0)


# --- site commands (build, serve) live below this line ----------------------

# --- search commands live below this line ------------------------------------

# --- authoring, impact, git and report commands live below this line ----------
