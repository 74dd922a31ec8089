"""kb: a policy and response-manual knowledge base for customer-service teams.

The library API; the `kb` command and the MkDocs plugin are thin layers on it.

The names below are imported on first use, not with the package: every `kb`
command imports this package, and `kb search` (run once per chat message)
would otherwise pay about 0.1 s for the checker and loader it never calls.
"""

from __future__ import annotations

import importlib
import sys
import types

_WHERE = {
    "KB": "model", "Answer": "model", "Citation": "model", "Clause": "model",
    "Finding": "model", "Manual": "model", "Policy": "model",
    "KBConfig": "config", "read_config": "config",
    "KBError": "errors",
    "Report": "check", "check": "check",
    "load": "load",
}

__all__ = sorted(_WHERE)


def _resolve(name: str):
    return getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)


class _Package(types.ModuleType):
    """`kb.check` and `kb.load` are functions, as they were when imported eagerly,
    even once their modules are imported (which sets the package attribute)."""

    @property
    def check(self):
        return _resolve("check")

    @check.setter
    def check(self, module) -> None:
        pass  # the submodule stays reachable through sys.modules

    @property
    def load(self):
        return _resolve("load")

    @load.setter
    def load(self, module) -> None:
        pass


def __getattr__(name: str):
    if name in _WHERE:
        return _resolve(name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_WHERE))


sys.modules[__name__].__class__ = _Package
