"""Find a KB from its mkdocs.yml: docs_dir and the `kb` plugin's options.

We read mkdocs.yml ourselves instead of through MkDocs, so that the check and
search keep working without the site generator.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from . import messages
from .errors import KBError
from .messages import t

DEFAULT_POLICIES_DIR = "policies"
DEFAULT_ANSWERS_DIR = "answers"


class _ConfigLoader(yaml.SafeLoader):
    """Safe loading that tolerates MkDocs' `!!python/name:` and `!ENV` tags."""


def _unknown_tag(loader, suffix, node):
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


_ConfigLoader.add_multi_constructor("", _unknown_tag)


@dataclass
class KBConfig:
    config_file: Path
    root: Path
    docs_dir: Path
    policies_dir: Path
    answers_dir: Path
    site_name: str = "kb"
    language: str = "ko"
    raw: dict | None = None
    publish_html: bool = False  # publish .html/.svg files under docs (they may run script)
    cache_dir: Path | None = None  # the `kb` plugin's `cache_dir`: caches outside the KB


def plugin_options(plugins) -> dict:
    """The options of the `kb` entry in a mkdocs.yml `plugins` list or mapping."""
    if isinstance(plugins, dict):
        options = plugins.get("kb")
        return options if isinstance(options, dict) else {}
    for entry in plugins or []:
        if isinstance(entry, dict) and "kb" in entry:
            options = entry["kb"]
            return options if isinstance(options, dict) else {}
    return {}


def read_config(config_file: str | Path = "mkdocs.yml") -> KBConfig:
    path = Path(config_file)
    if not path.is_file():
        raise KBError(t("config.missing", path=path))
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise KBError(t("config.unreadable", path=path, exc=exc)) from None
    if not isinstance(raw, dict):
        raise KBError(t("config.not_mapping", path=path))
    root = path.resolve().parent
    docs_dir = root / str(raw.get("docs_dir") or "docs")
    options = plugin_options(raw.get("plugins"))
    theme = raw.get("theme")
    if not isinstance(theme, dict):
        theme = {}
    # The KB's language is every message's language from here on (unless --lang/KB_LANG).
    messages.use(str(theme.get("language") or "ko"))
    return KBConfig(
        config_file=path.resolve(),
        root=root,
        docs_dir=docs_dir,
        policies_dir=root / str(options.get("policies_dir") or DEFAULT_POLICIES_DIR),
        answers_dir=docs_dir / str(options.get("answers_dir") or DEFAULT_ANSWERS_DIR),
        site_name=str(raw.get("site_name") or "kb"),
        language=str(theme.get("language") or "ko"),
        raw=raw,
        publish_html=options.get("publish_html") is True,
        cache_dir=_cache_dir(root, options),
    )


def _cache_dir(root: Path, options: dict) -> Path | None:
    # `~` allowed: a read-only checkout points it at the user's home.
    value = options.get("cache_dir")
    return root / Path(str(value)).expanduser() if value else None
