"""PyYAML's error messages in a policy owner's words.

PyYAML (and libyaml under it) explain a syntax error in parser terms
("while parsing a block collection; did not find expected '-' indicator").
An owner needs to know what to change on the marked line, in Korean. The
original English is kept at the end in brackets, so that a search for it
still finds help.
"""

from __future__ import annotations

import yaml

# (words in PyYAML's problem or context, what it means for the person editing).
# The first entry that matches wins, so the more specific ones come first.
_HINTS: tuple[tuple[str, str], ...] = (
    ("expected '-' indicator", "같은 목록의 항목은 '-'로 시작하고 들여쓰기가 같아야 합니다. "
     "이 줄의 들여쓰기를 위 항목과 맞추세요"),
    ("expected ',' or ']'", "'['로 연 목록이 닫히지 않았습니다. "
     "줄 끝에 ']'를 넣거나 쉼표를 확인하세요"),
    ("expected ',' or '}'", "'{'로 연 묶음이 닫히지 않았습니다. "
     "줄 끝에 '}'를 넣거나 쉼표를 확인하세요"),
    ("quoted scalar", "따옴표로 연 값이 닫히지 않았거나 잘못된 이스케이프(\\)가 있습니다. "
     "같은 따옴표로 닫으세요"),
    ("mapping values are not allowed", "'이름: 값' 자리가 아닌 곳에 ':'가 있습니다. 들여쓰기를 "
     "확인하고, 값 안에 ': '가 있으면 값을 따옴표로 감싸세요"),
    ("expected key", "이 줄의 들여쓰기가 위의 '이름: 값' 줄들과 맞지 않습니다. "
     "들여쓰기를 맞추세요"),
    ("could not find expected ':'", "'이름: 값'에서 ':'가 빠졌습니다. 콜론 뒤에 한 칸 띄우고 "
     "값을 쓰세요"),
    ("'\\t'", "탭 문자로 들여쓸 수 없습니다. 공백(스페이스)으로 들여쓰세요"),
    (" tab", "탭 문자로 들여쓸 수 없습니다. 공백(스페이스)으로 들여쓰세요"),
    ("cannot start any token", "이 칸의 문자(탭, @, ` 등)로 값을 시작할 수 없습니다. "
     "값을 따옴표로 감싸거나, 탭이면 공백으로 바꾸세요"),
    ("undefined alias", "정의되지 않은 별칭(*이름)입니다. 같은 이름의 앵커(&이름)를 먼저 쓰거나 "
     "값을 직접 쓰세요"),
    ("duplicate anchor", "같은 이름의 앵커(&이름)가 두 번 있습니다. 하나의 이름을 바꾸세요"),
    ("anchor", "앵커(&)나 별칭(*) 뒤에 이름이 없습니다. '&'와 '*'를 지우거나 이름을 붙이세요"),
    ("alias", "앵커(&)나 별칭(*) 뒤에 이름이 없습니다. '&'와 '*'를 지우거나 이름을 붙이세요"),
    ("nesting depth", "목록과 묶음이 너무 깊이 중첩되어 있습니다(1,000단계 넘게). 중첩을 줄이세요"),
    ("single document", "파일에 YAML 문서가 둘 이상 있습니다. 중간의 '---' 줄을 지우세요"),
    ("block scalar", "'|'나 '>' 뒤에는 줄을 바꾸고 다음 줄부터 들여써서 내용을 쓰세요"),
    ("directive", "'%'로 시작하는 줄은 쓸 수 없습니다. 값이면 따옴표로 감싸세요"),
    ("block end", "들여쓰기가 맞지 않습니다. 위 줄들과 같은 단계로 들여쓰세요"),
    ("node content", "값이 와야 할 자리에 값이 없습니다. 값을 쓰거나 따옴표로 감싸세요"),
    ("comment or line break", "값 뒤에 알 수 없는 내용이 있습니다. 값을 따옴표로 감싸세요"),
    ("unacceptable character", "파일에 쓸 수 없는 제어 문자가 있습니다. 그 문자를 지우세요"),
    ("special characters are not allowed", "파일에 쓸 수 없는 제어 문자가 있습니다. "
     "그 문자를 지우세요"),
)


def _english(exc: yaml.YAMLError) -> str:
    if isinstance(exc, yaml.MarkedYAMLError):
        return "; ".join(p for p in (exc.context, exc.problem) if p)
    return str(exc)


def describe(exc: yaml.YAMLError, column: int | None = None, char: str = "") -> str:
    """A Korean sentence for a YAML syntax error: where, what to change, the original.

    `char` is the character at the error mark: libyaml's message does not
    say that the character it cannot read is a tab.
    """
    english = _english(exc)
    lowered = english.lower() + (" tab" if char == "\t" else "")
    hint = next((h for words, h in _HINTS if words.lower() in lowered), None)
    where = f"{column}번째 칸" if column else "이 줄"
    if hint is None:
        hint = "YAML 문법에 맞지 않습니다. 들여쓰기, 콜론(:), 따옴표를 확인하세요"
    return f"YAML 문법 오류({where}): {hint} [{english}]"
