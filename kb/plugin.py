"""The MkDocs plugin's historical import path, kept for KBs that name it.

The plugin lives in `kb.site.plugin`; `kb.plugin:KBPlugin` stays importable.
"""

from .site.plugin import KBPlugin

__all__ = ["KBPlugin"]
