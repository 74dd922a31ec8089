"""kb: a policy and response-manual knowledge base for customer-service teams.

The library API; the `kb` command and the MkDocs plugin are thin layers on it.
Names are imported on first use, so that `kb search`, run once per chat
message, does not pay for the checker's imports.
"""

from __future__ import annotations

import importlib

_EXPORTS = {
    "KB": "model",
    "Answer": "model",
    "Citation": "model",
    "Clause": "model",
    "Finding": "model",
    "Manual": "model",
    "Policy": "model",
    "KBConfig": "config",
    "read_config": "config",
    "KBError": "errors",
    "Report": "check",
    "check": "check",
    "load": "load",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'kb' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
