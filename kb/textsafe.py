"""Text from a KB made safe to print on a terminal.

A file name or a title may hold a newline, a carriage return or an ANSI
escape sequence: printed raw, it forges an extra finding line, rewrites what
is already on screen or changes the terminal's colours. Text output shows
such characters as visible escapes (`\\n`, `\\x1b`) instead. JSON output needs
nothing: its encoder escapes them already.
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, line and paragraph separators, and the bidirectional
# overrides that make text read differently from what it is.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match) -> str:
    char = match[0]
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shown(text: object) -> str:
    """`text` with every control character shown as a visible escape."""
    value = str(text)
    return _UNSAFE.sub(_escape, value) if _UNSAFE.search(value) else value
