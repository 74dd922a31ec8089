"""Value phrases of Korean policy text: amounts, durations, dates, times, rates.

A re-pinned citation says an answer was re-read; only the words show whether
it really changed. When a clause's version changes from `3~7일` to `2~5일`,
the old value is what must not survive in answers and manuals. This module
finds such values in Korean text and gives each a canonical key, so that
`5천 원` and `5,000원`, `오후 6시` and `18:00`, `3~7영업일` and `3~7일`
count as the same value.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from . import rules
from .load import CODE_PATTERN, INLINE_PATTERN
from .model import KB, WARNING, Answer, Citation, Clause, Finding, Manual, Version

# A number as Koreans write it: `5,000`, `1.5`, `5천`, `3만 5천`, `2만`.
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_NUMBER = rf"(?:(?:{_DIGITS})\s?[만천백]\s?)+(?:{_DIGITS})?|(?:{_DIGITS})"
_RANGE = r"\s*(?:~|∼|〜|–|-)\s*"

# Units, longest first, with the canonical unit each counts as.
_UNITS = {
    "영업일": "일",
    "일": "일",
    "주일": "주",
    "주": "주",
    "개월": "개월",
    "달": "개월",
    "년": "년",
    "시간": "시간",
    "분": "분",
    "초": "초",
    "회": "회",
    "번": "회",
    "차례": "회",
    "건": "건",
    "명": "명",
    "인": "명",
    "대": "대",
    "개": "개",
    "장": "장",
    "세": "세",
    "살": "세",
    "원": "원",
    "퍼센트": "%",
    "%": "%",
    "km/h": "km/h",
    "km": "km",
    "cm": "cm",
    "mm": "mm",
    "m": "m",
    "kg": "kg",
    "포인트": "P",
    "P": "P",
    "배": "배",
    "단계": "단계",
    "자리": "자리",
}
_UNIT = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
# A Latin unit must end there (`5m`, not the `m` of `5mb`); `시` must not be `시간`.
_UNIT_END = r"(?<=[가-힣%])|(?![A-Za-z])"

_START = r"(?<![\w@.,/:~∼〜–-])"
_DATE = re.compile(
    _START + r"(?:(?P<y>\d{4})\s*년\s*)?(?P<m>\d{1,2})\s*월\s*(?P<d>\d{1,2})\s*일"
    r"|" + _START + r"(?P<iy>\d{4})[-.]\s?(?P<im>\d{1,2})[-.]\s?(?P<id>\d{1,2})(?!\d)\.?"
)
_MERIDIEM = r"오전|오후|새벽|아침|낮|저녁|밤"


def _time(p: str) -> str:
    """`오후 6시`, `6시 30분`, `6시 반` or `18:00`; `p` prefixes the group names."""
    clock = (
        rf"(?:(?P<{p}mer>{_MERIDIEM})\s*)?(?P<{p}h>\d{{1,2}})\s*시(?!간)"
        rf"(?:\s*(?P<{p}min>\d{{1,2}})\s*분|\s*(?P<{p}half>반))?"
    )
    colon = rf"(?P<{p}hh>\d{{1,2}}):(?P<{p}mm>\d{{2}})(?!\d)"
    return rf"(?:{clock}|{colon})"


_TIME = re.compile(_START + _time("a") + rf"(?:{_RANGE}{_time('b')})?")
_QUANTITY = re.compile(
    _START
    + rf"(?P<n1>{_NUMBER})\s?(?:(?P<u1>{_UNIT})(?:{_UNIT_END}))?"
    + rf"(?:{_RANGE}(?P<n2>{_NUMBER})\s?)?"
    + rf"(?P<unit>{_UNIT})(?:{_UNIT_END})"
)


_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Phrase:
    """A value as written (`5천 원`) and as compared (`원:5000`)."""

    text: str
    key: str
    start: int
    end: int


def number(text: str) -> float:
    """`5,000` -> 5000, `5천` -> 5000, `3만 5천` -> 35000, `1.2천` -> 1200."""
    total, pending = 0.0, ""
    for token in re.findall(r"[\d.,]+|[만천백]", text.replace(" ", "")):
        if token in "만천백":
            scale = {"만": 10000, "천": 1000, "백": 100}[token]
            total += float(pending or 1) * scale
            pending = ""
        else:
            pending = token.replace(",", "")
    return total + float(pending or 0)


def _fmt(value: float) -> str:
    return f"{value:g}" if value != int(value) else str(int(value))


def _hour(meridiem: str | None, hour: int) -> int:
    """24-hour clock: 오후 6시 -> 18, 밤 12시 -> 0, 새벽 2시 -> 2."""
    if meridiem in ("오후", "저녁") and hour < 12:
        return hour + 12
    if meridiem == "밤":
        return 0 if hour == 12 else hour + 12 if hour >= 6 else hour
    if meridiem == "낮" and hour < 6:
        return hour + 12
    if meridiem in ("오전", "새벽", "아침") and hour == 12:
        return 0
    return hour


def _clock_key(match: re.Match, p: str) -> str | None:
    if match[f"{p}hh"] is not None:
        hour, minute = int(match[f"{p}hh"]), int(match[f"{p}mm"])
    elif match[f"{p}h"] is not None:
        hour = _hour(match[f"{p}mer"], int(match[f"{p}h"]))
        minute = 30 if match[f"{p}half"] else int(match[f"{p}min"] or 0)
    else:
        return None
    if hour > 24 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def _date_key(match: re.Match) -> str | None:
    if match["iy"] is not None:
        year, month, day = match["iy"], int(match["im"]), int(match["id"])
    else:
        year, month, day = match["y"] or "", int(match["m"]), int(match["d"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"날짜:{year}-{month:02d}-{day:02d}" if year else f"날짜:{month:02d}-{day:02d}"


def _quantity_key(match: re.Match) -> str:
    unit = _UNITS[match["unit"]]
    low = _fmt(number(match["n1"]))
    if match["n2"] is not None:
        return f"{unit}:{low}~{_fmt(number(match['n2']))}"
    return f"{unit}:{low}"


def extract(text: str) -> list[Phrase]:
    """Every value phrase of `text`, in order; dates and times win over plain numbers."""
    return list(_extract(unicodedata.normalize("NFC", text)))


@lru_cache(maxsize=65536)
def _extract(text: str) -> tuple[Phrase, ...]:
    """Cached: a line is scanned once for every clause it might hold old values of."""
    if not _DIGIT.search(text):
        return ()
    found: list[Phrase] = []
    taken = [False] * (len(text) + 1)

    def add(match: re.Match, key: str | None) -> None:
        start, end = match.span()
        if key is None or any(taken[start:end]):
            return
        found.append(Phrase(match[0].strip(), key, start, end))
        taken[start:end] = [True] * (end - start)

    for match in _DATE.finditer(text):
        add(match, _date_key(match))
    for match in _TIME.finditer(text):
        first, second = _clock_key(match, "a"), _clock_key(match, "b")
        key = None if first is None else f"시각:{first}" + (f"~{second}" if second else "")
        add(match, key)
    for match in _QUANTITY.finditer(text):
        add(match, _quantity_key(match))
    return tuple(sorted(found, key=lambda p: p.start))


def keys(text: str) -> frozenset[str]:
    return _keys(unicodedata.normalize("NFC", text))


@lru_cache(maxsize=4096)
def _keys(text: str) -> frozenset[str]:
    """Cached: a clause's texts are compared once per answer that cites it."""
    return frozenset(p.key for p in _extract(text))


# --- what an earlier version said that the version in force no longer does ---


@dataclass
class Stale:
    """The values and `outdated` strings of a clause's earlier versions, gone from `force`."""

    clause: Clause
    force: Version
    values: dict[str, tuple[str, Version]] = field(default_factory=dict)  # key -> (as written, v)
    strings: list[tuple[str, Version]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.values or self.strings)

    def new_keys(self, old: Version) -> frozenset[str]:
        """Values the version in force states that `old` did not: a line with one
        of these beside the old value describes the change."""
        return keys(self.force.text) - keys(old.text)


def stale(clause: Clause, on: date) -> Stale | None:
    """What must not survive in answers and manuals on `on` (SPEC §5 outdated-phrase)."""
    force = rules.in_force(clause, on)
    if force is None:
        return None
    result = Stale(clause, force)
    now = keys(force.text)
    for old in _earlier(clause, force):  # newest first: a value belongs to its last version
        for phrase in extract(_mask(old.text)):
            if phrase.key not in now:
                result.values.setdefault(phrase.key, (phrase.text, old))
        result.strings += [(s, old) for s in old.outdated if s.strip()]
    return result


def _earlier(clause: Clause, force: Version) -> list[Version]:
    older = [v for v in rules.versions(clause) if (v.version or 0) < (force.version or 0)]
    return sorted(older, key=lambda v: v.version or 0, reverse=True)


# --- finding the old values in Markdown ---------------------------------------

# The author's way to say "this old value is meant" (a history, a quoted notice).
# Bounded repeats: a hostile page full of unclosed `<!--` or `](` must not take quadratic time.
# `<!-- kb: 이전 값 -->`, or `<!-- kb: old value -->` as the English messages spell it.
MARKER = re.compile(
    r"<!--[ \t]{0,20}kb:[ \t]{0,20}(?:이전[ \t]{0,20}값|old[ \t]{1,20}value)[^<>\n]{0,200}-->"
)
_LINK_TARGET = re.compile(r"\]\([^()\[\]\s]{0,2000}(?:[ \t]{1,20}\"[^\"\n]{0,500}\")?\)")


def _blank(match: re.Match) -> str:
    return re.sub(r"[^\n]", " ", match[0])


@lru_cache(maxsize=256)
def _mask(text: str) -> str:
    """Text with code, comments, `[[REFUND-3]]` and link targets blanked out, lines kept."""
    text = _mask_comments(CODE_PATTERN.sub(_blank, text))
    for pattern in (INLINE_PATTERN, _LINK_TARGET):
        text = pattern.sub(_blank, text)
    return text


def _mask_comments(text: str) -> str:
    """HTML comments blanked out, in one pass (a regex would rescan an unclosed `<!--`)."""
    out, start = [], 0
    while (opening := text.find("<!--", start)) >= 0:
        closing = text.find("-->", opening + 4)
        if closing < 0:
            break  # never closed: not a comment
        out += [text[start:opening], re.sub(r"[^\n]", " ", text[opening : closing + 3])]
        start = closing + 3
    return "".join(out) + text[start:]


@dataclass
class Hit:
    """An old value on one line of an answer or manual page."""

    line: int
    phrase: str  # as written in the body
    old: str  # as written in the earlier version
    version: Version
    stale: Stale


def hits(
    body: str, first_line: int, stale: Stale, rows: set[int] | None = None, shield=frozenset()
) -> list[Hit]:
    """The old values of `stale` in `body`, on the body lines `rows` (all when None).

    `shield` holds values that another clause in force states in the same place:
    there, the value is that clause's, not an old one of this clause.
    """
    found = []
    raw_lines, masked = body.split("\n"), _mask(body).split("\n")
    for index, line in enumerate(masked):
        if (rows is not None and index not in rows) or MARKER.search(raw_lines[index]):
            continue
        found += _line_hits(line, first_line + index, stale, shield)
    return found


def _line_hits(line: str, number: int, stale: Stale, shield) -> list[Hit]:
    phrases = extract(line)
    present = {p.key for p in phrases}
    found = []
    for phrase in phrases:
        if phrase.key in stale.values and phrase.key not in shield:
            old_text, version = stale.values[phrase.key]
            if not present & stale.new_keys(version):
                found.append(Hit(number, phrase.text, old_text, version, stale))
    flat = _flat(line) if stale.strings else ""
    for string, version in stale.strings:
        if _flat(string) in flat and not present & stale.new_keys(version):
            found.append(Hit(number, string.strip(), string.strip(), version, stale))
    return found


def _flat(text: str) -> str:
    """Text compared without emphasis marks, spacing or Unicode form."""
    return re.sub(r"\s+|\*\*|__", "", unicodedata.normalize("NFC", text))


# --- Markdown blocks: a manual page's reference covers its block only ----------

_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_QUOTE = re.compile(r"^\s*(?:>\s?)+")


def _kind(line: str) -> str:
    line = _QUOTE.sub("", line)
    if not line.strip():
        return "blank"
    if line.lstrip().startswith("|"):
        return "row"
    if line.lstrip().startswith("#"):
        return "heading"
    return "item" if _ITEM.match(line) else "text"


def block(body: str, index: int) -> set[int]:
    """The body lines (0-based) of the paragraph, list item or table row holding line `index`."""
    kinds = [_kind(line) for line in _mask(body).split("\n")]
    if kinds[index] in ("row", "heading", "blank"):
        return {index}
    start = index
    while kinds[start] != "item" and start > 0 and kinds[start - 1] in ("text", "item"):
        start -= 1
    end = index
    while end + 1 < len(kinds) and kinds[end + 1] == "text":
        end += 1
    return set(range(start, end + 1))


# --- answers and manual pages -------------------------------------------------


def _in_scope(kb: KB, citations: list[Citation], on: date, repinning: bool) -> list[Clause]:
    """The clauses whose old values matter: cited unpinned or at the version in force.

    While re-pinning (`kb review`) a stale pin counts as re-pinned already.
    """
    allowed = ("stale-citation",) if repinning else ()
    clauses = []
    for citation in citations:
        clause = kb.clauses.get(citation.clause_id or "")
        problem = rules.citation_problem(kb, citation, on) if clause else ("unknown", "")
        if clause is not None and (problem is None or problem[0] in allowed):
            clauses.append(clause)
    return list({id(c): c for c in clauses}.values())


def _shield(clauses: list[Clause], but: Clause, on: date) -> set[str]:
    shield: set[str] = set()
    for other in clauses:
        force = rules.in_force(other, on) if other is not but else None
        shield |= keys(_mask(force.text)) if force is not None else set()
    return shield


def _changed(kb: KB, citations: list[Citation], on: date, memo: dict | None) -> bool:
    """Whether any cited clause has old values at all (most have none: skip fast)."""
    return any(
        _stale(kb.clauses[c.clause_id], on, memo)
        for c in citations
        if c.clause_id in kb.clauses and kb.clauses[c.clause_id].history
    )


def answer_hits(
    kb: KB, answer: Answer, today: date, repinning: bool = False, memo: dict | None = None
) -> list[Hit]:
    """Old values anywhere in the answer's body (an answer cites few clauses)."""
    citations = answer.cites + answer.refs
    on = rules.check_date(answer, today)
    if not _changed(kb, citations, on, memo):
        return []
    clauses = _in_scope(kb, citations, on, repinning)
    found = []
    for clause in clauses:
        old = _stale(clause, on, memo)
        if old:
            found += hits(answer.body, answer.body_line, old, None, _shield(clauses, clause, on))
    return _unique(found)


def manual_hits(
    kb: KB, manual: Manual, today: date, repinning: bool = False, memo: dict | None = None
) -> list[Hit]:
    """Old values in the paragraph, list item or table row of each reference."""
    if not _changed(kb, manual.refs, today, memo):
        return []
    found = []
    for ref in manual.refs:
        (clause,) = _in_scope(kb, [ref], today, repinning) or (None,)
        old = _stale(clause, today, memo) if clause is not None else None
        if clause is None or not old:
            continue
        rows = block(manual.body, ref.line - manual.body_line)
        near = [r for r in manual.refs if r.line - manual.body_line in rows]
        shield = _shield(_in_scope(kb, near, today, True), clause, today)
        found += hits(manual.body, manual.body_line, old, rows, shield)
    return _unique(found)


def _stale(clause: Clause, on: date, memo: dict | None) -> Stale | None:
    """`stale()`, once per clause and date in a whole-KB check."""
    if memo is None:
        return stale(clause, on)
    key = (clause.id, on)
    if key not in memo:
        memo[key] = stale(clause, on)
    return memo[key]


def _unique(found: list[Hit]) -> list[Hit]:
    seen = {(h.line, h.phrase, h.stale.clause.id): h for h in reversed(found)}
    return sorted(seen.values(), key=lambda h: (h.line, h.phrase))


def findings(kb: KB, today: date) -> Iterator[Finding]:
    """SPEC §5 `outdated-phrase`: a warning on the line of each old value."""
    memo: dict = {}
    for answer in kb.answers:
        if answer.published:
            for hit in answer_hits(kb, answer, today, memo=memo):
                yield _finding(hit, answer.path, answer.id or None)
    for manual in kb.manuals:
        for hit in manual_hits(kb, manual, today, memo=memo):
            yield _finding(hit, manual.path, manual.id)


def _finding(hit: Hit, path: str, subject: str | None) -> Finding:
    clause = hit.stale.clause
    return Finding("outdated-phrase", WARNING, path, hit.line, message(hit), subject, clause.id)


def message(hit: Hit) -> str:
    clause, force = hit.stale.clause, hit.stale.force
    return (
        f"'{hit.phrase}'은(는) {clause.id} 버전 {hit.version.version}의 값입니다. "
        f'시행 중인 버전 {force.version}({force.effective}부터): "{in_force_line(hit)}" '
        "이 줄을 고치세요 (바뀐 내용을 알리는 줄이면 새 값도 함께 쓰고, "
        "일부러 쓴 이전 값이면 그 줄에 <!-- kb: 이전 값 -->을 붙이세요)"
    )


def in_force_line(hit: Hit) -> str:
    """The line of the text in force that replaced the old value's line."""
    return _replacement(hit.old, hit.version.text, hit.stale.force.text)


@lru_cache(maxsize=4096)
def _replacement(old: str, old_text: str, new_text: str) -> str:
    source = next((line for line in _plain_lines(old_text) if _flat(old) in _flat(line)), old)
    words = set(source.split())
    candidates = _plain_lines(new_text) or [""]
    # The line sharing the most words: cheap, and enough to find the sentence that changed.
    return max(candidates, key=lambda line: len(words & set(line.split())))


def _plain_lines(text: str) -> list[str]:
    return [re.sub(r"\*\*|__", "", line).strip() for line in text.splitlines() if line.strip()]
