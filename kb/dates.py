"""Dates as a policy owner writes them, and what to say when one is wrong.

A date error names the bad value and how to fix it in everyday words
(`'2026-11-31'은 없는 날짜입니다: 2026년 11월은 30일까지 있습니다`), never
Python's strptime format or `None`.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from . import messages
from .messages import t

_ISO_LIKE = re.compile(r"\s*([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})\s*")
# The topic particle after a value that ends in a digit, read as Sino-Korean:
# 일, 삼, 육, 칠, 팔, 영(0: 십/백...) end in a consonant and take 은.
_DIGIT_TOPIC = dict(zip("0123456789", "은은는은는는은은은는", strict=True))


def topic(text: str) -> str:
    """'…'은 / '…'는 after a quoted value; 은(는) when the sound is unknown.
    Korean grammar only: other languages need no particle there."""
    if messages.current() != "ko":
        return ""
    last = text[-1:] if text else ""
    if "가" <= last <= "힣":  # a Hangul syllable: 은 after a final consonant
        return "은" if (ord(last) - ord("가")) % 28 else "는"
    return _DIGIT_TOPIC.get(last, "은(는)")


def parse(text: str) -> date | None:
    """A YYYY-MM-DD date that exists, else None."""
    match = _ISO_LIKE.fullmatch(text)
    if match is None:
        return None
    try:
        return date(*map(int, match.groups()))
    except ValueError:
        return None


def problem(value) -> str:
    """Why `value` is not a date, ending with how to write one. Starts with the value."""
    shown = str(value).strip() if value is not None else ""
    quoted = f"'{shown}'{topic(shown)}"
    match = _ISO_LIKE.fullmatch(shown)
    if match is not None:
        year, month, day = map(int, match.groups())
        if year < 1:
            return t("dates.year_digits", quoted=quoted)
        if not 1 <= month <= 12:
            return t("dates.month_range", quoted=quoted)
        last = calendar.monthrange(year, month)[1]
        return (
            t("dates.day_range", quoted=quoted, year=year, month=month, last=last)
        )
    if shown == "":
        return t("dates.empty")
    return (
        t("dates.not_a_date", quoted=quoted)
    )
