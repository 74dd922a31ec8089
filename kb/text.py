"""Text rules every part of kb shares: one function each, imported everywhere.

Korean arrives in NFC or NFD (SPEC §1) and owners re-wrap lines, so "the
same text", a word diff and "did you mean" must not depend on which command
asks: copies of these rules drifted apart before (NFC in one, not another).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from .messages import t

_WORDS = re.compile(r"\s+|[^\s]+")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def did_you_mean(found: Iterable[str]) -> str:
    """The hint after "no such id": the near names found, or nothing."""
    names = list(found)
    return t("text.did_you_mean", names=', '.join(names)) if names else ""


def squashed(text: str | None) -> str:
    """Text compared for meaning: Unicode form, spacing and line wrapping do not count."""
    return " ".join(nfc(text).split()) if isinstance(text, str) else ""


def same_text(a: str | None, b: str | None) -> bool:
    return squashed(a) == squashed(b)


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """('=', '-' or '+', text) runs of a word-level diff; spaces are kept in the runs."""
    from difflib import SequenceMatcher  # only when a diff is shown: start-up matters

    a, b = _WORDS.findall(nfc(old)), _WORDS.findall(nfc(new))
    runs: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            runs.append(("=", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            runs.append(("-", "".join(a[i1:i2])))
        if j2 > j1:
            runs.append(("+", "".join(b[j1:j2])))
    return runs


def near(word: str, names: Iterable[str], n: int = 3) -> list[str]:
    """Up to `n` of `names` that `word` is probably a typo of, closest first.

    Case and Unicode form do not count: `refund-1` finds `REFUND-1`.
    """
    from difflib import get_close_matches  # only for a typo

    folded: dict[str, str] = {}
    for name in names:
        folded.setdefault(nfc(name).casefold(), name)
    found = get_close_matches(nfc(word).casefold(), list(folded), n=n, cutoff=0.6)
    return [folded[f] for f in found]
