"""The one message catalogue (kb/messages.py): complete, consistent, and the only
place kb's user-facing Korean lives.

Also the language choice (--lang > KB_LANG > theme.language > ko) and the parse
cache, which keeps rendered messages and so must not hand Korean to an English run.
"""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest
from conftest import LANGUAGE_YML

from kb import messages
from kb.messages import MESSAGES, t

KB_DIR = Path(messages.__file__).parent
HANGUL = re.compile(r"[가-힣]")

# Files whose Korean is not a message: it is what kb reads or writes as content.
KOREAN_DATA = {
    "messages.py": "the catalogue itself",
    "phrases.py": "Korean numbers, units and times, to compare clause values",
    "search/analysis.py": "the Korean analyzer",
    "search/querytext.py": "Korean endings and counters, to read a query",
    "pii.py": "Korean words around personal data (계좌, 여권, ...), to find it",
    "dates.py": "the topic particle (은/는) after a quoted value",
    "owner/changes.py": "a Korean question ending (요), to find a customer's question",
    "owner/scaffold.py": "the starter KB that kb init writes (KB content)",
}


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


def test_every_message_has_both_languages_with_the_same_placeholders():
    for message_id, texts in MESSAGES.items():
        assert len(texts) == 2, message_id
        korean, english = texts
        assert korean.strip() and english.strip(), message_id
        assert HANGUL.search(korean) or not HANGUL.search(english), message_id
        assert not HANGUL.search(english) or "<!--" in english, message_id
        assert placeholders(korean) == placeholders(english), message_id


def test_english_has_no_hangul():
    assert [i for i, (_, en) in MESSAGES.items() if HANGUL.search(en)] == []


def _python_files():
    return sorted(p for p in KB_DIR.rglob("*.py"))


def _ids_in_code() -> set[tuple[str, str]]:
    found = set()
    for path in _python_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "t"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                found.add((str(path.relative_to(KB_DIR)), node.args[0].value))
    return found


def test_every_id_the_code_looks_up_is_in_the_catalogue():
    used = _ids_in_code()
    assert len(used) > 300  # the scan finds the lookups at all
    assert sorted((f, i) for f, i in used if i not in MESSAGES) == []


def test_ids_looked_up_by_prefix_exist_for_every_key():
    """A few lookups build the id (`state.{state}`, `changes.kind.{kind}`): every key has one."""
    from kb import rules
    from kb.owner import changes
    from kb.pii import CODES

    for state in (rules.CURRENT, rules.FUTURE, rules.EXPIRED, rules.SUPERSEDED, rules.RETIRED):
        assert f"state.{state}" in MESSAGES
    for kind in ("added", "changed", "edited", "superseded", "retired", "removed", "expiring"):
        assert changes.kind_label(kind) and changes.date_label(kind)
    for _, name_id in CODES.values():
        assert name_id in MESSAGES


def _docstrings(tree) -> set[int]:
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                out.add(id(body[0].value))
    return out


def test_no_korean_literal_outside_the_catalogue():
    """A Korean string in code is a message the English mode cannot translate.
    Comments and docstrings may be Korean; so may the files that hold Korean data."""
    left = []
    for path in _python_files():
        rel = path.relative_to(KB_DIR).as_posix()
        if rel in KOREAN_DATA or rel.startswith("search/vocab/"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docs = _docstrings(tree)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in docs
                and HANGUL.search(node.value)
            ):
                left.append(f"{rel}:{node.lineno}: {node.value[:40]!r}")
    assert left == []


def test_the_language_is_chosen_once_and_an_override_wins():
    assert messages.use("en") == "en"
    assert t("state.current") == "In force"
    assert messages.use("en-US") == "en"
    assert messages.use("ja") == "ko"  # a language we have no words for: Korean
    assert t("state.current") == "시행 중"
    messages.override("en")
    assert messages.use("ko") == "en"  # --lang / KB_LANG beat theme.language
    messages.override(None)
    assert messages.use("ko") == "ko"


def test_site_labels_come_from_the_catalogue():
    from kb.site.labels import labels

    assert labels("en")["current"] == MESSAGES["state.current"][1]
    assert labels("en")["home"] == "Home"
    assert labels("ko")["superseded"] == MESSAGES["state.superseded"][0]


# --- the language of a whole run ------------------------------------------------------

BAD_DATE_POLICY = """\
id: REFUND
title: Refunds
owner: CX
clauses:
  - id: REFUND-1
    title: Window
    version: 1
    effective: 2026-11-31
    text: Seven days.
"""

CONFIG = LANGUAGE_YML


def test_a_cached_parse_does_not_keep_the_language_of_the_run_that_cached_it(make_kb, kb_cli):
    """The parse cache holds the loader's findings as text: a Korean run must not leave
    Korean messages for the English run after it (nor the other way round)."""
    config = make_kb({"policies/refund.yaml": BAD_DATE_POLICY}, CONFIG.format(language="ko"))
    korean = kb_cli("check", "-f", str(config))
    assert "없는 날짜입니다" in korean.output
    english = kb_cli("--lang", "en", "check", "-f", str(config))
    assert "is not a date that exists" in english.output
    assert not HANGUL.search(english.output)
    again = kb_cli("check", "-f", str(config))
    assert again.output == korean.output


@pytest.mark.parametrize("how", ["option", "env", "theme"])
def test_each_way_of_asking_for_english(make_kb, kb_cli, monkeypatch, how):
    config = make_kb(
        {"policies/refund.yaml": BAD_DATE_POLICY},
        CONFIG.format(language="en" if how == "theme" else "ko"),
    )
    args = ["check", "-f", str(config)]
    if how == "option":
        args = ["--lang", "en", *args]
    if how == "env":
        monkeypatch.setenv("KB_LANG", "en")
    result = kb_cli(*args)
    assert "Errors: 1, warnings: 0" in result.output
    assert "is not a date that exists" in result.output
    assert not HANGUL.search(result.output)


def test_the_option_beats_the_environment_and_the_environment_beats_the_kb(
    make_kb, kb_cli, monkeypatch
):
    config = make_kb({"policies/refund.yaml": BAD_DATE_POLICY}, CONFIG.format(language="en"))
    monkeypatch.setenv("KB_LANG", "ko")
    assert "없는 날짜입니다" in kb_cli("check", "-f", str(config)).output
    assert "is not a date" in kb_cli("--lang", "en", "check", "-f", str(config)).output
    monkeypatch.setenv("KB_LANG", "fr")  # unknown: Korean, not the KB's English
    assert "없는 날짜입니다" in kb_cli("check", "-f", str(config)).output


def test_a_language_kb_has_no_words_for_is_refused_on_the_command_line(kb_cli):
    result = kb_cli("--lang", "fr", "check")
    assert result.exit_code == 2
    assert "'fr'" in result.output and "'ko', 'en'" in result.output
    assert "Traceback" not in result.output
