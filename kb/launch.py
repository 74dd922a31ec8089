"""The `kb` command's entry point.

It imports the CLI itself, so that Ctrl-C pressed while the imports run (the
first tenth of a second of every command) stops quietly, as it does later
(cli.LocalizedGroup), instead of showing a Python traceback.
"""

from __future__ import annotations

import sys


def main() -> None:
    try:
        from .cli import main as command
    except KeyboardInterrupt:
        from . import messages

        messages.override(messages.asked(sys.argv[1:]))  # --lang, else KB_LANG
        print(messages.t("cli.aborted"), file=sys.stderr)
        sys.exit(130)
    command()
