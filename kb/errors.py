"""The one exception kb raises for a problem a person can fix."""

from __future__ import annotations

import click


class KBError(click.ClickException):
    """A KB that cannot be read at all (exit 2), or a command that cannot run."""

    exit_code = 2
