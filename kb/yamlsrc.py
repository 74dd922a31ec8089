"""YAML that remembers where each value came from.

PyYAML's composer (the C one when available) gives nodes with marks; we turn
them into plain dicts and lists that also carry the 1-based line of every key
and item. This is cheaper than PyYAML's own constructor and keeps the lines a
policy owner needs in every finding.
"""

from __future__ import annotations

import re
from datetime import date, datetime

import yaml

# The base loader resolves no implicit types, so PyYAML's Python resolver does
# not run for every scalar; `_plain` below resolves the few types a KB uses.
_STR = "tag:yaml.org,2002:str"
_DEFAULT_TAGS = {
    yaml.ScalarNode: _STR,
    yaml.SequenceNode: "tag:yaml.org,2002:seq",
    yaml.MappingNode: "tag:yaml.org,2002:map",
}


class _Loader(getattr(yaml, "CBaseLoader", yaml.BaseLoader)):
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


class YAMLSourceError(Exception):
    """A file that is not valid YAML; `line` is 1-based."""

    def __init__(self, message: str, line: int):
        super().__init__(message)
        self.message = message
        self.line = line


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
    try:
        return date(*map(int, match["date"].split("-")))
    except ValueError:
        return value  # 2026-02-30 is text, and reported as a bad date


def _scalar(node: yaml.ScalarNode):
    if not node.style and node.tag == _STR:  # plain: style is None or "" by parser
        return _plain(node.value)
    return node.value


def _convert(node, offset: int):
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node)
    line = node.start_mark.line + 1 + offset
    if isinstance(node, yaml.SequenceNode):
        seq = Seq(_convert(item, offset) for item in node.value)
        seq.line = line
        seq.lines = [item.start_mark.line + 1 + offset for item in node.value]
        return seq
    mapping = Map()
    mapping.line = line
    mapping.lines = {}
    for key_node, value_node in node.value:
        # Keys are names: kept as written (`on:` is the key "on", not True).
        if isinstance(key_node, yaml.ScalarNode):
            key = key_node.value
        else:
            key = str(_convert(key_node, offset))
        if key in mapping:  # the last one wins here; key_problems() reports it
            line = key_node.start_mark.line + 1 + offset
            mapping.repeated += ((key, line, mapping.lines[key]),)
        mapping[key] = _convert(value_node, offset)
        mapping.lines[key] = key_node.start_mark.line + 1 + offset
    return mapping


def _error_line(exc: yaml.YAMLError, offset: int) -> int:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    return (mark.line + 1 + offset) if mark is not None else 1 + offset


def _error_text(exc: yaml.YAMLError) -> str:
    if isinstance(exc, yaml.MarkedYAMLError):
        parts = [p for p in (exc.context, exc.problem) if p]
        return "invalid YAML: " + "; ".join(parts)
    return f"invalid YAML: {exc}"


def parse(text: str, offset: int = 0):
    """Parse one YAML document; lines are shifted by `offset` (for front matter)."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise YAMLSourceError(_error_text(exc), _error_line(exc, offset)) from None
    if node is None:
        return None
    try:
        return _convert(node, offset)
    except RecursionError:
        raise YAMLSourceError("invalid YAML: nesting is too deep", 1 + offset) from None


def split_front_matter(text: str) -> tuple[str, str, int]:
    """Return (front matter, body, line the body starts on).

    Raises YAMLSourceError when the file has no front matter or it never ends.
    """
    lines = text.split("\n")
    if not lines or lines[0].rstrip("\r").strip() != "---":
        raise YAMLSourceError("no front matter: the file must start with a '---' line", 1)
    for index in range(1, len(lines)):
        if _FENCE.match(lines[index].rstrip("\r")):
            front = "\n".join(lines[1:index])
            body = "\n".join(lines[index + 1 :])
            return front, body, index + 2
    raise YAMLSourceError("front matter is not closed: add a '---' line after it", 1)


def parse_front_matter(text: str) -> tuple[object, str, int]:
    front, body, body_line = split_front_matter(text)
    return parse(front, offset=1), body, body_line


def as_date(value) -> date | None:
    """A YAML date, or an ISO date written as a quoted string."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


MERGE_KEY = "<<"
MERGE_KEY_MESSAGE = (
    "YAML 병합 키(<<)는 쓸 수 없습니다: kb 의 편집 명령이 병합된 값을 어디에 고쳐 써야 할지 "
    "정할 수 없어서입니다. 병합하던 항목들을 이 자리에 직접 쓰세요"
)


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
                found.append((line, f"'{key}' 키가 이 매핑에 두 번 있습니다(앞의 것은 {before}행): "
                                    "하나만 남기세요"))
            if MERGE_KEY in node:
                found.append((node.line_of(MERGE_KEY), MERGE_KEY_MESSAGE))
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return sorted(set(found))  # an anchored mapping is met once per alias
