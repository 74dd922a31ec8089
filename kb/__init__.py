"""kb: a policy and response-manual knowledge base for customer-service teams.

The library API; the `kb` command and the MkDocs plugin are thin layers on it.
"""

from __future__ import annotations

from .check import Report, check
from .config import KBConfig, read_config
from .errors import KBError
from .load import load
from .model import KB, Answer, Citation, Clause, Finding, Manual, Policy

__all__ = [
    "KB",
    "Answer",
    "Citation",
    "Clause",
    "Finding",
    "KBConfig",
    "KBError",
    "Manual",
    "Policy",
    "Report",
    "check",
    "load",
    "read_config",
]
