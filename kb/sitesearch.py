"""Korean-aware search in the built site (stub: owned by the search work).

The site plugin calls `configure` from `on_config` and `post_build` from
`on_post_build`; both do nothing until the search work fills them in.
"""

from __future__ import annotations


def configure(config) -> None:
    """Adjust the MkDocs config (extra JavaScript, search options)."""


def post_build(config, kb) -> None:
    """Rewrite or add the search index in config['site_dir']."""
