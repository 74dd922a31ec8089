"""The `kb` MkDocs plugin (placeholder until the site work lands)."""

from __future__ import annotations

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin


class KBPluginConfig(Config):
    policies_dir = config_options.Type(str, default="policies")
    answers_dir = config_options.Type(str, default="answers")


class KBPlugin(BasePlugin[KBPluginConfig]):
    pass
