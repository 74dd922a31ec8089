"""YAML that remembers where each value came from.

PyYAML's composer (the C one when available) gives nodes with marks; we turn
them into plain dicts and lists that also carry the 1-based line of every key
and item. This is cheaper than PyYAML's own constructor and keeps the lines a
policy owner needs in every finding.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import TYPE_CHECKING

import yaml

from . import dates, yamlerrors
from .messages import t

# The base loader resolves no implicit types, so PyYAML's Python resolver does
# not run for every scalar; `_plain` below resolves the few types a KB uses.
_STR = "tag:yaml.org,2002:str"
_DEFAULT_TAGS = {
    yaml.ScalarNode: _STR,
    yaml.SequenceNode: "tag:yaml.org,2002:seq",
    yaml.MappingNode: "tag:yaml.org,2002:map",
}


if TYPE_CHECKING:
    _BaseLoader = yaml.BaseLoader
else:  # libyaml's loader when PyYAML was built with it
    _BaseLoader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


class _Loader(_BaseLoader):
    """The base loader's tags, without its general resolver's per-node work."""

    def resolve(self, kind, value, implicit):
        return _DEFAULT_TAGS[kind]


_FENCE = re.compile(r"^(---|\.\.\.)[ \t]*$")
_IMPLICIT = re.compile(
    r"(?P<null>~|null|Null|NULL)"
    r"|(?P<true>yes|Yes|YES|true|True|TRUE|on|On|ON)"
    r"|(?P<false>no|No|NO|false|False|FALSE|off|Off|OFF)"
    r"|(?P<int>[-+]?(?:0|[1-9][0-9_]*))"
    r"|(?P<float>[-+]?(?:[0-9][0-9_]*)?\.[0-9_]+(?:[eE][-+]?[0-9]+)?)"
    r"|(?P<date>[0-9]{4}-[0-9]{1,2}-[0-9]{1,2})(?:(?:[Tt]|[ \t]+)[0-9].*)?"
)


_IMPLICIT_START = frozenset("0123456789+-.~nNtTfFyYoO")


# Alias expansion limits (billion laughs): a few hundred bytes of anchors and
# aliases can expand to gigabytes. A KB file has no need for more than this.
MAX_ALIAS_USES = 1_000  # aliases expanded while reading one document, nested ones too
MAX_EXPANSION = 1_000_000  # characters and nodes that aliases may add to a document




class YAMLSourceError(Exception):
    """A file that is not valid YAML; `line` and `column` are 1-based."""

    def __init__(self, message: str, line: int, column: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


class Map(dict):
    """A mapping with the line of the mapping and of each key."""

    line: int = 1
    lines: dict
    repeated: tuple = ()  # (key, line, line before) of each key written again

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)


class Seq(list):
    """A sequence with the line of the sequence and of each item."""

    line: int = 1
    lines: list


def _plain(value: str):
    """YAML 1.1's implicit types for a plain (unquoted) scalar, as far as a KB needs."""
    if value == "":
        return None
    if value[0] not in _IMPLICIT_START:
        return value  # most of a KB's scalars: Korean text
    match = _IMPLICIT.fullmatch(value)
    if match is None:
        return value
    kind = match.lastgroup
    if kind == "null":
        return None
    if kind in ("true", "false"):
        return kind == "true"
    if kind == "int":
        return int(value.replace("_", ""))
    if kind == "float":
        return float(value.replace("_", ""))
    # 2026-02-30 stays text, and is reported as a bad date
    return dates.parse(match["date"]) or value


def _scalar(node: yaml.ScalarNode):
    if not node.style and node.tag == _STR:  # plain: style is None or "" by parser
        return _plain(node.value)
    return node.value


class _Budget:
    """How much a document may grow through its aliases (see MAX_EXPANSION).

    The composer shares one node object for an anchor and all its aliases, so
    a node met a second time is an alias being expanded.
    """

    def __init__(self, source_size: int, offset: int):
        self.left = source_size + MAX_EXPANSION
        self.aliases = MAX_ALIAS_USES
        self.seen: set[int] = set()
        self.offset = offset

    def spend(self, node) -> None:
        self.left -= 1 + (len(node.value) if isinstance(node, yaml.ScalarNode) else 0)
        if id(node) in self.seen:
            self.aliases -= 1
        else:
            self.seen.add(id(node))
        if self.left < 0 or self.aliases < 0:
            raise YAMLSourceError(
                t("yamlsrc.spend"),
                node.start_mark.line + 1 + self.offset,
                node.start_mark.column + 1,
            )


def _convert(node, offset: int, budget: _Budget | None):
    if budget is not None:
        budget.spend(node)
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node)
    line = node.start_mark.line + 1 + offset
    if isinstance(node, yaml.SequenceNode):
        seq = Seq(_convert(item, offset, budget) for item in node.value)
        seq.line = line
        seq.lines = [item.start_mark.line + 1 + offset for item in node.value]
        return seq
    mapping = Map()
    mapping.line = line
    mapping.lines = {}
    for key_node, value_node in node.value:
        # Keys are names: kept as written (`on:` is the key "on", not True).
        if isinstance(key_node, yaml.ScalarNode):
            if budget is not None:
                budget.spend(key_node)
            key = key_node.value
        else:
            key = str(_convert(key_node, offset, budget))
        if key in mapping:  # the last one wins here; key_problems() reports it
            line = key_node.start_mark.line + 1 + offset
            mapping.repeated += ((key, line, mapping.lines[key]),)
        mapping[key] = _convert(value_node, offset, budget)
        mapping.lines[key] = key_node.start_mark.line + 1 + offset
    return mapping


def _error_mark(exc: yaml.YAMLError):
    return getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)


def parse(text: str, offset: int = 0):
    """Parse one YAML document; lines are shifted by `offset` (for front matter).

    Safe on hostile input: no tags are constructed, and alias expansion is
    limited (MAX_ALIAS_USES, MAX_EXPANSION), so a bomb is a YAMLSourceError
    in milliseconds. Anything that reads KB YAML (git history included)
    should come through here.
    """
    try:
        node = yaml.compose(text, Loader=_Loader)
    except RecursionError:  # the pure-Python composer on deep nesting
        raise YAMLSourceError(t("yamlsrc.too_deep"), 1 + offset) from None
    except yaml.YAMLError as exc:
        mark = _error_mark(exc)
        line = (mark.line + 1 + offset) if mark is not None else 1 + offset
        column = mark.column + 1 if mark is not None else None
        char = text[mark.index : mark.index + 1] if mark is not None else ""
        raise YAMLSourceError(yamlerrors.describe(exc, column, char), line, column) from None
    if node is None:
        return None
    # An alias needs an anchor (`&name`): without one the document cannot
    # grow, and the budget's bookkeeping (a third of the parse) is skipped.
    budget = _Budget(len(text), offset) if "&" in text else None
    try:
        return _convert(node, offset, budget)
    except RecursionError:
        raise YAMLSourceError(t("yamlsrc.too_deep"), 1 + offset) from None


def closing_fence(lines: list[str]) -> int:
    """The index of the line that closes the front matter of a file split on "\\n".

    The loader, the site and the editors all find front matter here. Split
    on "\\n" only (not str.splitlines, which also breaks at U+2028 and
    form feeds): the split then joins back to the very bytes of the file.
    Raises YAMLSourceError when the file has no front matter or it never ends.
    """
    if not lines or lines[0].rstrip("\r").strip() != "---":
        raise YAMLSourceError(
            t("yamlsrc.no_front_matter"), 1
        )
    for index in range(1, len(lines)):
        if _FENCE.match(lines[index].rstrip("\r")):
            return index
    raise YAMLSourceError(
        t("yamlsrc.front_matter_open"), 1
    )


def split_front_matter(text: str) -> tuple[str, str, int]:
    """Return (front matter, body, line the body starts on); see closing_fence."""
    lines = text.split("\n")
    end = closing_fence(lines)
    return "\n".join(lines[1:end]), "\n".join(lines[end + 1 :]), end + 2


def parse_front_matter(text: str) -> tuple[object, str, int]:
    front, body, body_line = split_front_matter(text)
    return parse(front, offset=1), body, body_line


def as_date(value) -> date | None:
    """A YAML date, or a date written as a quoted string (`'2026-03-01'`)."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str):
        return dates.parse(value)
    return None


MERGE_KEY = "<<"


def merge_key_message() -> str:
    return t("yamlsrc.merge_key")


def key_problems(data) -> list[tuple[int, str]]:
    """(line, message) for each key written twice in one mapping, and each merge key.

    Both are read differently by different YAML tools (the last duplicate
    wins here, ruamel refuses it; ruamel merges `<<`, the loader does not),
    so a KB file may use neither: the check reports them and the editors
    refuse them, and both read every file the same way.
    """
    found: list[tuple[int, str]] = []
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, Map):
            for key, line, before in node.repeated:
                found.append((line, t("yamlsrc.key_problems", key=key, before=before)))
            if MERGE_KEY in node:
                found.append((node.line_of(MERGE_KEY), merge_key_message()))
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return sorted(set(found))  # an anchored mapping is met once per alias
