"""Personal data that must never sit in a canned answer or a manual page.

An answer is sent to thousands of customers and pushed into chat tools'
macro libraries: a resident registration number or a card number pasted in
from a real ticket leaks with it. `scan` finds such text, `mask` hides it
(reusable wherever text is logged), and `findings` turns the hits into
`kb check` findings (SPEC §5 style codes, `pii-…`).

The detectors are plain, linear regular expressions plus a validation step
(a real date and gender digit, Luhn, a plausible card prefix and length), so
that order numbers, dates, prices, tracking numbers and company numbers
(1588-xxxx, 080-xxx-xxxx) are not reported. A KB can allow more in
mkdocs.yml (`pii_allow` under the kb plugin): literals, or `/regex/`.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from .config import plugin_options, read_config
from .messages import t
from .model import ERROR, KB, WARNING, Finding, for_status

# code -> (severity, the catalogue message naming what it is)
CODES: dict[str, tuple[str, str]] = {
    "pii-rrn": (ERROR, "pii.name.rrn"),
    "pii-card": (ERROR, "pii.name.card"),
    "pii-phone": (WARNING, "pii.name.phone"),
    "pii-email": (WARNING, "pii.name.email"),
    "pii-account": (WARNING, "pii.name.account"),
    "pii-passport": (WARNING, "pii.name.passport"),
    "pii-license": (WARNING, "pii.name.license"),
    "pii-ask-rrn": (WARNING, "pii.name.ask-rrn"),
}

_DASHES = r"\-‐‑‒–—―－"  # the hyphens and dashes people type or paste
_DASH = f"[{_DASHES}]"
_SEP = rf"(?:\s?{_DASH}\s?|\s)"

# Wider than the site's placeholder rule on purpose: whatever stands in braces is
# a stand-in for data, not data (and the core must not import the site's renderer).
_PLACEHOLDER = re.compile(r"\{\{[^{}\n]{0,80}\}\}")
# Numbers a company publishes: 전국 대표번호 (15xx/16xx/18xx-xxxx), 080 수신자 부담.
_COMPANY = re.compile(
    rf"(?<![\d{_DASHES}])(?<!\d\s)(?:1[5-9]\d\d{_SEP}?\d{{4}}|080{_SEP}?\d{{3,4}}{_SEP}?\d{{4}})"
    r"(?!\d|\s\d)"
)

_RRN = re.compile(rf"(?<!\d)(\d{{2}})(\d{{2}})(\d{{2}})\s?{_DASH}\s?([1-8])\d{{6}}(?!\d)")
_CARD = re.compile(
    rf"(?<![\d{_DASHES}])(?:\d{{4}}(?:{_SEP}\d{{4}}){{3}}(?:{_SEP}?\d{{1,3}})?"
    rf"|\d{{4}}{_SEP}\d{{6}}{_SEP}\d{{4,5}}|\d{{14,19}})(?![\d])"
)
_MOBILE = re.compile(
    rf"(?<![\d{_DASHES}])(?:\+82{_SEP}?|0)1[016789]{_SEP}?\d{{3,4}}{_SEP}?\d{{4}}(?!\d)"
)
_LANDLINE = re.compile(
    rf"(?<![\d{_DASHES}])(?:\+82{_SEP}?|0)(?:2|[3-6][1-5]|70){_SEP}\d{{3,4}}{_SEP}\d{{4}}(?!\d)"
)
_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})+"
)
_ACCOUNT = re.compile(
    rf"(?<![\d{_DASHES}])(?:\d{{2,6}}(?:{_DASH}\d{{2,7}}){{1,4}}|\d{{10,14}})(?![\d{_DASHES}])"
)
_ACCOUNT_WORDS = re.compile(
    r"계좌|입금|송금|이체|예금주|은행|뱅크|농협|신협|새마을금고|우체국|수협|증권"
)
# A number named as something else is not an account, even beside 우체국 or 입금.
_OTHER_NUMBER_WORDS = re.compile(
    r"운송장|송장|등기\s*번호|택배|(?:주문|접수|예약|승인|영수증|회원|사업자(?:\s*등록)?)\s*번호"
)
_PASSPORT = re.compile(r"(?<![A-Za-z0-9])(?:[MSRODG]\d{8}|M\d{3}[A-Z]\d{4})(?![A-Za-z0-9])")
_PASSPORT_WORDS = re.compile(r"여권|passport", re.I)
_REGIONS = "서울|부산|경기|강원|충북|충남|전북|전남|경북|경남|제주|대구|인천|광주|대전|울산"
_LICENSE = re.compile(
    rf"(?<!\d)(?:1[1-9]|2[0-8]|{_REGIONS}){_SEP}?\d{{2}}{_SEP}\d{{6}}{_SEP}\d{{2}}(?!\d)"
)
_ASK_RRN = re.compile(r"주민\s*(?:등록\s*)?번호|외국인\s*등록\s*번호")
_ASK_VERBS = re.compile(
    r"알려|입력|적어|보내|말씀|기재|남겨|불러|전달|제출|확인\s*(?:부탁|해\s*주|하겠)|필요"
)
_NEGATION = re.compile(r"않|마세요|마십시오|말아|말고|금지|절대|없습니다|불필요|묻지|요청하지")
# Every stretch of digits, dashes and spaces long enough to hold personal data.
_NUMBERISH = re.compile(rf"[+\d][\d\s{_DASHES}]{{6,}}\d")
_TEST_DOMAINS = re.compile(r"(?:^|\.)(?:example\.(?:com|net|org)|[^.]+\.(?:example|test|invalid))$")


@dataclass(frozen=True)
class Hit:
    code: str
    start: int
    end: int
    text: str

    @property
    def severity(self) -> str:
        return CODES[self.code][0]

    @property
    def masked(self) -> str:
        return mask_value(self.code, self.text)


class Allow:
    """A KB's allow-list: literal strings, or `/regex/` searched in the found text."""

    def __init__(self, entries: Iterable[str] = ()):
        self.literals: set[str] = set()
        self.patterns: list[re.Pattern] = []
        for entry in entries:
            entry = str(entry)
            if len(entry) > 2 and entry.startswith("/") and entry.endswith("/"):
                self.patterns.append(re.compile(entry[1:-1]))
            else:
                self.literals.update({entry, _digits(entry)} - {""})

    def allows(self, text: str) -> bool:
        if text in self.literals or (_digits(text) and _digits(text) in self.literals):
            return True
        return any(p.search(text) for p in self.patterns)


def _digits(text: str) -> str:
    """`02-1234-5678` and `02 1234 5678` are one number: compare their digits."""
    digits = re.sub(r"\D", "", text)
    return digits if len(digits) >= 6 and re.fullmatch(rf"[\d\s{_DASHES}+()]+", text) else ""


# --- the detectors --------------------------------------------------------------


def _valid_birth(yy: str, mm: str, dd: str, gender: str) -> bool:
    century = {"1": 1900, "2": 1900, "5": 1900, "6": 1900}.get(gender, 2000)
    try:
        born = date(century + int(yy), int(mm), int(dd))
    except ValueError:
        return False
    return born <= date.today()


Spans = list[tuple[int, int]]


def _each(pattern: re.Pattern, text: str, spans: Spans) -> Iterator[re.Match]:
    """Matches of `pattern` inside the spans (lookbehinds still see the text before)."""
    for start, end in spans:
        yield from pattern.finditer(text, start, end)


def _rrn(text: str, spans: Spans) -> Iterator[Hit]:
    for m in _each(_RRN, text, spans):
        if _valid_birth(m[1], m[2], m[3], m[4]):
            yield Hit("pii-rrn", m.start(), m.end(), m[0])


def luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch) * (2 if i % 2 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def plausible_card(digits: str) -> bool:
    """A card brand's prefix and length (ISO/IEC 7812 ranges of the brands used in Korea)."""
    n, two, four = len(digits), int(digits[:2]), int(digits[:4])
    if digits[0] == "4":
        return n in (16, 19)
    if 51 <= two <= 55 or 2221 <= four <= 2720:
        return n == 16
    if two in (34, 37):
        return n == 15
    if 3528 <= four <= 3589:
        return n == 16
    if two in (36, 38) or 300 <= int(digits[:3]) <= 305:
        return n == 14
    if two == 62:
        return 16 <= n <= 19
    if four == 6011 or two == 65 or 644 <= int(digits[:3]) <= 649:
        return n == 16
    return False


def _card(text: str, spans: Spans) -> Iterator[Hit]:
    for m in _each(_CARD, text, spans):
        digits = re.sub(r"\D", "", m[0])
        if plausible_card(digits) and luhn(digits):
            yield Hit("pii-card", m.start(), m.end(), m[0])


def _near(text: str, start: int, end: int, words: re.Pattern, reach: int = 25) -> bool:
    return words.search(text, max(0, start - reach), min(len(text), end + reach)) is not None


def _simple(code: str, pattern: re.Pattern, words: re.Pattern | None = None):
    def detect(text: str, spans: Spans) -> Iterator[Hit]:
        for m in _each(pattern, text, spans):
            if words is None or _near(text, m.start(), m.end(), words):
                yield Hit(code, m.start(), m.end(), m[0])

    return detect


_DUMMY_SUBSCRIBER = re.compile(r"(\d)\1{6,7}|12345678?|8765432")


def _phones(text: str, spans: Spans) -> Iterator[Hit]:
    """Mobile and landline numbers, but not the format examples manuals show
    (010-1234-5678, 010-0000-0000): no one's number is 1234-5678 in a guide."""
    for found in (_simple("pii-phone", _MOBILE), _simple("pii-phone", _LANDLINE)):
        for hit in found(text, spans):
            groups = re.findall(r"\d+", hit.text)
            subscriber = "".join(groups[-2:]) if len(groups) >= 3 else groups[-1][-8:]
            if not _DUMMY_SUBSCRIBER.fullmatch(subscriber):
                yield hit


def _emails(text: str, spans: Spans) -> Iterator[Hit]:
    # Only around an @: the address pattern is slow on plain text.
    around = _merged((at - 65, at + 256) for at in _positions(text, "@"))
    for m in _each(_EMAIL, text, around):
        if not _TEST_DOMAINS.search(m[0].rsplit("@", 1)[1].lower()):
            yield Hit("pii-email", m.start(), m.end(), m[0])


def _positions(text: str, word: str) -> Iterator[int]:
    at = text.find(word)
    while at != -1:
        yield at
        at = text.find(word, at + 1)


def _merged(windows: Iterable[tuple[int, int]]) -> Spans:
    """Overlapping windows as one span each (input in increasing order)."""
    spans: Spans = []
    for start, end in windows:
        start = max(start, 0)
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def _accounts(text: str, spans: Spans) -> Iterator[Hit]:
    for m in _each(_ACCOUNT, text, spans):
        digits = re.sub(r"\D", "", m[0])
        if (
            10 <= len(digits) <= 14
            and _near(text, m.start(), m.end(), _ACCOUNT_WORDS)
            and not _near(text, m.start(), m.start(), _OTHER_NUMBER_WORDS, reach=12)
        ):
            yield Hit("pii-account", m.start(), m.end(), m[0])


def _passports(text: str, spans: Spans) -> Iterator[Hit]:
    """Near 여권 only; the newer numbers (M123A4567) have no long digit run to look for."""
    words = sorted(
        [*_positions(text, "여권"), *_positions(text, "assport"), *_positions(text, "ASSPORT")]
    )
    around = _merged((at - 30, at + 40) for at in words)
    yield from _simple("pii-passport", _PASSPORT, _PASSPORT_WORDS)(text, around)


def _sentence(text: str, at: int, reach: int = 300) -> tuple[int, int]:
    """The sentence around `at` (at most `reach` characters each way: stays linear)."""
    ends = ".!?\n。"
    low, high = max(0, at - reach), min(len(text), at + reach)
    start = max(max(text.rfind(ch, low, at) for ch in ends) + 1, low)
    after = [i for i in (text.find(ch, at, high) for ch in ends) if i != -1]
    return start, (min(after) + 1 if after else high)


def _asks_rrn(text: str) -> Iterator[Hit]:
    """A sentence that asks the customer for an RRN; not one that says "never send it"."""
    for ask in _ASK_RRN.finditer(text):
        start, end = _sentence(text, ask.start())
        words = text[start:end]
        if _ASK_VERBS.search(text, ask.end(), end) and not _NEGATION.search(words):
            yield Hit("pii-ask-rrn", ask.start(), ask.end(), ask[0])


# Detectors in order: what an earlier one finds is taken from the later ones,
# so a card number is not also a phone or an account number.
_DETECTORS = (
    _rrn,
    _card,
    _simple("pii-license", _LICENSE),
    _phones,
    _emails,
    _accounts,
    _passports,
)


def _number_spans(text: str) -> Spans:
    """Where a number long enough to be personal data is, with a little room around it.

    Only these windows are searched: the detectors' lookbehinds make them slow
    on the prose in between (3x the whole check on 10,000 answers).
    """
    return _merged((m.start() - 4, m.end() + 2) for m in _NUMBERISH.finditer(text))


def scan(text: str, allow: Allow | None = None, asks: bool = True) -> list[Hit]:
    """Every piece of personal data in `text`, in order of position.

    `asks`: also report sentences asking for a resident registration number
    (for answers, which are sent to customers; a manual may explain the rule).
    """
    allow = allow or Allow()
    spans = _number_spans(text)
    asks = asks and ("주민" in text or "외국인" in text)
    if not (spans or asks or "@" in text or "여권" in text or "assport" in text):
        return []  # most texts: nothing that could be personal data
    # What a placeholder, a company number or an earlier detector took is not found
    # again (a card number is not also a phone number); a bytearray keeps it linear.
    taken = bytearray(len(text))
    held = _PLACEHOLDER.finditer(text) if "{{" in text else ()
    for m in itertools.chain(held, _each(_COMPANY, text, spans)):
        taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    hits: list[Hit] = []
    for detect in _DETECTORS:
        for hit in detect(text, spans):
            if 1 in taken[hit.start : hit.end] or allow.allows(hit.text):
                continue
            taken[hit.start : hit.end] = b"\x01" * (hit.end - hit.start)
            hits.append(hit)
    if asks:
        hits.extend(h for h in _asks_rrn(text) if not taken[h.start])
    return sorted(hits, key=lambda h: h.start)


# --- masking --------------------------------------------------------------------

_KEEP = {  # (leading, trailing) letters or digits left visible, by code
    "pii-rrn": (7, 0),  # 900101-1******: birth date and gender digit
    "pii-card": (0, 4),
    "pii-account": (0, 3),
    "pii-passport": (1, 0),
    "pii-license": (2, 0),
}


def mask_value(code: str, value: str) -> str:
    """One found value with its identifying characters replaced by `*` (same length)."""
    if code == "pii-email":
        local, _, domain = value.rpartition("@")
        shown = local[:1] if len(local) > 1 else ""
        return shown + "*" * (len(local) - len(shown)) + "@" + domain
    if code == "pii-ask-rrn":
        return value
    if code == "pii-phone":  # 010-****-5678: the area or carrier code and the last 4 digits
        digits = re.match(r"\+?(\d*)", value)  # matches any text (all optional)
        lead, trail = len(digits[1]) if digits else 0, 4
    else:
        lead, trail = _KEEP.get(code, (0, 0))
    places = [i for i, ch in enumerate(value) if ch.isalnum()]
    hidden = set(places[lead : len(places) - trail])
    return "".join("*" if i in hidden else ch for i, ch in enumerate(value))


def mask(text: str, allow: Allow | None = None) -> str:
    """`text` with every piece of personal data masked, for logs and messages."""
    for hit in reversed(scan(text, allow, asks=False)):
        text = text[: hit.start] + hit.masked + text[hit.end :]
    return text


# --- kb check --------------------------------------------------------------------

# code -> the catalogue message saying how to fix it.
_HOW = {code: f"pii.how.{code[4:]}" for code in CODES}


def message(hit: Hit) -> str:
    what = t(CODES[hit.code][1])
    how = t(_HOW[hit.code], company_ok=t("pii.company_ok"))
    if hit.code == "pii-ask-rrn":
        return t("pii.asks_for", text=hit.text, how=how)
    rrn = _RRN.match(hit.text) if hit.code == "pii-rrn" else None
    if rrn is not None and rrn[4] in "5678":
        what = t("pii.name.foreign_rrn")  # gender digits 5-8 are given to foreign residents
    return t("pii.looks_like", what=what, masked=hit.masked, how=how)


def _findings(
    hits: list[Hit], text: str, path: str, first_line: int, subject: str | None
) -> Iterator[Finding]:
    for hit in hits:
        line = first_line + text.count("\n", 0, hit.start)
        yield Finding(hit.code, hit.severity, path, line, message(hit), subject)


# Between texts scanned together: no digit, a line break for sentences, and wider
# than the reach of the keyword context (25 characters), so texts do not mix.
_BETWEEN = "\n" + "\x00" * 40 + "\n"


def scan_many(texts: list[str], allow: Allow | None = None, asks: bool = True) -> list[list[Hit]]:
    """`scan` of each text, done as one scan: per-call overhead was most of the time."""
    starts, at = [], 0
    for text in texts:
        starts.append(at)
        at += len(text) + len(_BETWEEN)
    per_text: list[list[Hit]] = [[] for _ in texts]
    for hit in scan(_BETWEEN.join(texts), allow, asks):
        i = bisect.bisect_right(starts, hit.start) - 1
        shift = starts[i]
        per_text[i].append(Hit(hit.code, hit.start - shift, hit.end - shift, hit.text))
    return per_text


def kb_allow(kb: KB) -> tuple[Allow, list[Finding]]:
    """The `pii_allow` list under the kb plugin in mkdocs.yml, and a finding per bad regex."""
    options = plugin_options((read_config(kb.config_file).raw or {}).get("plugins"))
    allow, bad = options_allow(options)
    return allow, [_bad_allow(kb, entry, exc) for entry, exc in bad]


def options_allow(options: dict) -> tuple[Allow, list[tuple[str, re.error]]]:
    """The kb plugin's `pii_allow`, its good entries kept; each bad regex with its error."""
    entries = options.get("pii_allow") or []
    if isinstance(entries, str):
        entries = [entries]
    good, bad = [], []
    for entry in map(str, entries):
        try:
            Allow([entry])
            good.append(entry)
        except re.error as exc:
            bad.append((entry, exc))
    return Allow(good), bad


def _bad_allow(kb: KB, entry: str, exc: re.error) -> Finding:
    text = kb.config_file.read_text(encoding="utf-8-sig")
    at = text.find(entry)
    line = text.count("\n", 0, at) + 1 if at >= 0 else 1
    path = kb.config_file.relative_to(kb.root).as_posix()
    return Finding(
        "schema-error", ERROR, path, line,
        t("pii.bad_allow", entry=entry, exc=exc),
    )


def findings(kb: KB) -> Iterator[Finding]:
    """PII findings of every published answer (drafts: warnings) and manual page."""
    allow, problems = kb_allow(kb)
    yield from problems
    answers = kb.published_answers()
    hits = scan_many([a.body for a in answers], allow, asks=True)
    for answer, found in zip(answers, hits, strict=True):
        where = (answer.body, answer.path, answer.body_line, answer.id or None)
        yield from for_status(_findings(found, *where), answer.status)
    hits = scan_many([m.body for m in kb.manuals], allow, asks=False)
    for manual, found in zip(kb.manuals, hits, strict=True):
        yield from _findings(found, manual.body, manual.path, manual.body_line, manual.id)
