"""Every word the generated site shows, per theme language (ko first).

The words live in the one catalogue (kb/messages.py, ids `site.*` and `state.*`);
`labels(language)` gives the site its dict, Korean for a language we do not have.
"""

from __future__ import annotations

from .. import messages


def labels(language: str | None) -> dict[str, str]:
    return {**messages.in_language(language or "ko", "state"),
            **messages.in_language(language or "ko", "site")}
