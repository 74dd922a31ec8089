"""`kb build` and `kb serve`: MkDocs with the kb plugin, errors reported our way.

The CLI's way to the same site as plain `mkdocs build`; it checks the KB
first, so a KB with errors stops with the findings (PATH:LINE) and exit 1,
not with a MkDocs traceback.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from mkdocs.commands import build as mkdocs_build
from mkdocs.commands import serve as mkdocs_serve
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError

from ..check import Report, check
from ..config import plugin_options, read_config
from ..errors import KBError
from ..load import load
from ..messages import t
from ..yamlsrc import as_date


class _KBHandler(logging.StreamHandler):
    """Ours, so that a second build in the same process does not add another."""


def _log_to_stderr(level: int = logging.INFO) -> None:
    """Show MkDocs' messages the way `mkdocs` does, once."""
    # The site stack is pinned (pyproject.toml); its end-of-life banner is not news to agents.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logger = logging.getLogger("mkdocs")
    if not any(isinstance(h, _KBHandler) for h in logger.handlers):
        handler = _KBHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logger.addHandler(handler)
        logger.propagate = False
    logger.setLevel(level)


def _mkdocs_config(config_file: str | Path, **options):
    try:
        config = load_config(config_file=str(config_file), **options)
    except (ConfigurationError, Abort) as exc:
        raise KBError(f"{config_file}: {exc}") from None
    if "kb" not in config.plugins:
        raise KBError(
            t("build.mkdocs_config", config_file=config_file)
        )
    return config


def precheck(config_file: str | Path) -> tuple[Report, bool]:
    """The check the build runs, without MkDocs (so findings print as `kb check` prints them).

    Returns the report and whether mkdocs.yml itself allows building with errors.
    """
    config = read_config(config_file)
    options = plugin_options((config.raw or {}).get("plugins"))
    as_of = as_date(options.get("as_of"))
    return check(load(config), as_of), bool(options.get("allow_errors"))


def build(
    config_file: str | Path = "mkdocs.yml",
    site_dir: str | Path | None = None,
    allow_errors: bool = False,
    strict: bool = False,
    quiet: bool = False,
) -> None:
    """Build the site; raises KBError when MkDocs cannot build it."""
    _log_to_stderr(logging.WARNING if quiet else logging.INFO)
    options: dict[str, object] = {"strict": strict} if strict else {}
    if site_dir is not None:
        options["site_dir"] = str(Path(site_dir).resolve())
    config = _mkdocs_config(config_file, **options)
    plugin = config.plugins["kb"]
    plugin.config.allow_errors = allow_errors or plugin.config.allow_errors
    # As `mkdocs build` does: a plugin kept from a `serve` in this process forgets it.
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build.build(config)
    except Abort as exc:
        raise KBError(t("build.build", exc=exc)) from None
    finally:
        config.plugins.on_shutdown()


def serve(
    config_file: str | Path = "mkdocs.yml", dev_addr: str | None = None, incremental: bool = True
) -> None:
    """Serve the site with live reload; check errors are marked on the pages.

    `incremental`: MkDocs' dirty builds, in which the kb plugin re-renders only
    the pages a save reaches (kb/site/incremental.py); else a full build per save.
    """
    _log_to_stderr()
    _mkdocs_config(config_file)  # fail early, with our message, on a bad config
    build_type = "dirty" if incremental else None
    quiet = _DirtyWarningFilter()
    logging.getLogger("mkdocs.commands.build").addFilter(quiet)
    try:
        # MkDocs leaves out options that are None: its own default address then.
        mkdocs_serve.serve(config_file=str(config_file), dev_addr=dev_addr, build_type=build_type)
    except Abort as exc:
        raise KBError(str(exc)) from None
    finally:
        logging.getLogger("mkdocs.commands.build").removeFilter(quiet)


class _DirtyWarningFilter(logging.Filter):
    """MkDocs warns on every dirty build that links may be stale; the kb plugin sees to them."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "A 'dirty' build is being performed" not in record.getMessage()
