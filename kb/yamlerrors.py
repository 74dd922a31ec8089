"""PyYAML's error messages in a policy owner's words.

PyYAML (and libyaml under it) explain a syntax error in parser terms
("while parsing a block collection; did not find expected '-' indicator").
An owner needs to know what to change on the marked line, in Korean. The
original English is kept at the end in brackets, so that a search for it
still finds help.
"""

from __future__ import annotations

import yaml

from .messages import t

# (words in PyYAML's problem or context, the catalogue message saying what it means
# for the person editing).
# The first entry that matches wins, so the more specific ones come first.
_HINTS: tuple[tuple[str, str], ...] = (
    ("expected '-' indicator", "yamlerrors.expected_dash"),
    ("expected ',' or ']'", "yamlerrors.open_list"),
    ("expected ',' or '}'", "yamlerrors.open_mapping"),
    ("quoted scalar", "yamlerrors.quoted"),
    ("mapping values are not allowed", "yamlerrors.colon_place"),
    ("expected key", "yamlerrors.expected_key"),
    ("could not find expected ':'", "yamlerrors.missing_colon"),
    ("'\\t'", "yamlerrors.tab"),
    (" tab", "yamlerrors.tab"),
    ("cannot start any token", "yamlerrors.bad_start"),
    ("undefined alias", "yamlerrors.undefined_alias"),
    ("duplicate anchor", "yamlerrors.duplicate_anchor"),
    ("anchor", "yamlerrors.anchor_name"),
    ("alias", "yamlerrors.anchor_name"),
    ("nesting depth", "yamlerrors.too_deep"),
    ("single document", "yamlerrors.documents"),
    ("block scalar", "yamlerrors.block_scalar"),
    ("directive", "yamlerrors.directive"),
    ("block end", "yamlerrors.block_end"),
    ("node content", "yamlerrors.node_content"),
    ("comment or line break", "yamlerrors.after_value"),
    ("unacceptable character", "yamlerrors.control_char"),
    ("special characters are not allowed", "yamlerrors.control_char"),
)


def _english(exc: yaml.YAMLError) -> str:
    if isinstance(exc, yaml.MarkedYAMLError):
        return "; ".join(p for p in (exc.context, exc.problem) if p)
    return str(exc)


def describe(exc: yaml.YAMLError, column: int | None = None, char: str = "") -> str:
    """A sentence for a YAML syntax error: where, what to change, the original.

    `char` is the character at the error mark: libyaml's message does not
    say that the character it cannot read is a tab.
    """
    english = _english(exc)
    lowered = english.lower() + (" tab" if char == "\t" else "")
    hint = next((t(h) for words, h in _HINTS if words.lower() in lowered), None)
    where = t("yamlerrors.where_column", column=column) if column else t("yamlerrors.where_line")
    if hint is None:
        hint = t("yamlerrors.generic_hint")
    return t("yamlerrors.syntax_error", where=where, hint=hint, english=english)
