"""Synonyms for search: the built-in base vocabulary plus the KB's own file.

A KB's owners keep `synonyms.yaml` at the KB root (next to mkdocs.yml), in
git, in the format of `synonyms.yaml` in this folder. Each entry is analysed
into morphemes, so particles and endings do not matter. Expansion happens when
a document is indexed: a document that says `비밀번호` is also found by
`비번`. Both `kb search` and the site use the same expansion.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ... import sources
from ...errors import KBError
from ...messages import t

KB_FILE = "synonyms.yaml"


@dataclass(frozen=True)
class Rule:
    """Text containing any of `targets` is also indexed under `sources`."""

    sources: tuple[tuple[str, ...], ...]  # each a phrase as its morphemes
    targets: tuple[tuple[str, ...], ...]


@dataclass
class Vocabulary:
    rules: list[Rule]
    digest: str  # changes whenever any synonym file changes
    # Words mecab splits that are indexed whole as well (analysis.whole_words).
    whole: frozenset[str] = frozenset()

    def expand(self, terms: set[str]) -> list[str]:
        """Extra terms for a document whose terms are `terms`."""
        extra: dict[str, None] = {}
        for rule in self.rules:
            if any(all(w in terms for w in phrase) for phrase in rule.targets):
                for phrase in rule.sources:
                    for word in phrase:
                        if word not in terms:
                            extra[word] = None
        return list(extra)


def _base_text() -> str:
    # Beside this module (kb is never run from a zip); importlib.resources
    # would cost `kb search` more to import than the file takes to read.
    return Path(__file__).with_name("synonyms.yaml").read_text(encoding="utf-8")


def _entries(text: str, where: str) -> list[str]:
    from ... import yamlsrc  # only when synonyms are parsed, not for their digest

    try:  # the KB's file is KB content: read it as safely as a policy
        data = yamlsrc.parse(text) or {}
    except yamlsrc.YAMLSourceError as exc:
        raise KBError(
            t("vocab.bad_yaml", where=where, line=exc.line, message=exc.message)
        ) from None
    entries = data.get("synonyms") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not all(isinstance(e, str) for e in entries):
        raise KBError(
            t("vocab.bad_shape", where=where)
        )
    return entries


def _sides(entry: str) -> tuple[str, ...]:
    """`A, B => C` as its two sides; `A, B, C` as one."""
    left, arrow, right = entry.partition("=>")
    return (left, right) if arrow else (entry,)


def _items(entries: list[str]) -> list[str]:
    """Every phrase of every entry (`A`, `B`, `C`)."""
    return [item for entry in entries for side in _sides(entry) for item in side.split(",")]


def _phrases(text: str, whole: frozenset[str]) -> tuple[tuple[str, ...], ...]:
    from ..analysis import words

    phrases = []
    for item in text.split(","):
        analysed = tuple(dict.fromkeys(words(item, whole)))
        if analysed:
            phrases.append(analysed)
    return tuple(phrases)


def _rules(entries: list[str], whole: frozenset[str]) -> list[Rule]:
    rules = []
    for entry in entries:
        sides = [_phrases(side, whole) for side in _sides(entry)]
        rules.append(Rule(sides[0], sides[-1]))  # a group is both sources and targets
    return rules


def kb_synonyms_path(root: Path) -> Path:
    return Path(root) / KB_FILE


def _texts(root: Path | None) -> list[tuple[str, str]]:
    texts = [("kb/search/vocab/synonyms.yaml", _base_text())]
    if root is not None:
        path = kb_synonyms_path(root)
        if path.is_file():
            texts.append((str(path), _read(path)))
    return texts


def _read(path: Path) -> str:
    try:
        return sources.read_bytes(str(path)).decode("utf-8-sig")
    except sources.SourceError as exc:
        raise KBError(f"{path}: {exc.message}") from None
    except (OSError, UnicodeDecodeError) as exc:
        message = t("vocab.read", exc=exc)
        raise KBError(f"{path}: {message}") from None


def _digest(texts: list[tuple[str, str]]) -> str:
    digest = hashlib.sha1()
    for _, text in texts:
        digest.update(text.encode("utf-8"))
    return digest.hexdigest()[:16]


def vocabulary_digest(root: Path | None = None) -> str:
    """Changes whenever a synonym file changes; cheap, for freshness checks."""
    return _digest(_texts(root))


def load_vocabulary(root: Path | None = None) -> Vocabulary:
    """The base vocabulary plus `<root>/synonyms.yaml` when there is one."""
    texts = _texts(root)
    entries: list[str] = []
    for where, text in texts:
        entries.extend(_entries(text, where))
    from ..analysis import whole_words

    whole = whole_words(_items(entries))
    return Vocabulary(_rules(entries, whole), _digest(texts), whole)
