"""`outdated-phrase` (SPEC §5): old values of a clause left in answers and manual pages."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kb.phrases import block, extract, number

# --- value phrases of Korean text ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("카드사 영업일 기준 3~7일", [("3~7일", "일:3~7")]),
        ("간편결제는 1~3영업일이 걸리며", [("1~3영업일", "일:1~3")]),
        ("3일~7일 걸립니다", [("3일~7일", "일:3~7")]),
        ("수수료 5,000원", [("5,000원", "원:5000")]),
        ("쿠폰 5천 원", [("5천 원", "원:5000")]),
        ("보상 요구(1만 원)", [("1만 원", "원:10000")]),
        ("3만 5천 원 이상", [("3만 5천 원", "원:35000")]),
        ("잔액의 10%(최대 10,000원)", [("10%", "%:10"), ("10,000원", "원:10000")]),
        ("오후 6시까지", [("오후 6시", "시각:18:00")]),
        ("밤 12시(00:00)", [("밤 12시", "시각:00:00"), ("00:00", "시각:00:00")]),
        ("채팅 08:00~22:00", [("08:00~22:00", "시각:08:00~22:00")]),
        ("오전 9시 30분", [("오전 9시 30분", "시각:09:30")]),
        ("이용일로부터 14일 이내", [("14일", "일:14")]),
        ("2026년 1월 1일부터", [("2026년 1월 1일", "날짜:2026-01-01")]),
        ("2026-01-01부터", [("2026-01-01", "날짜:2026-01-01")]),
        ("11월 25일(수)", [("11월 25일", "날짜:11-25")]),
        ("주변 5m 이내", [("5m", "m:5")]),
        ("만 16세 이상", [("16세", "세:16")]),
        ("한 달에 2회까지", [("2회", "회:2")]),
        ("최근 6개월 안에", [("6개월", "개월:6")]),
        ("24시간 동안", [("24시간", "시간:24")]),
        ("거리별로 1,000원~5,000원", [("1,000원~5,000원", "원:1000~5000")]),
        ("오전 10시~오후 6시 운영", [("오전 10시~오후 6시", "시각:10:00~18:00")]),
        ("14시까지", [("14시", "시각:14:00")]),
        ("1시간 30분", [("1시간", "시간:1"), ("30분", "분:30")]),
        ("3-7일", [("3-7일", "일:3~7")]),
        ("2인 탑승 금지", [("2인", "명:2")]),
        ("30분당 700원", [("30분", "분:30"), ("700원", "원:700")]),
        ("분당요금 20% 할증", [("20%", "%:20")]),
    ],
)
def test_extracts_korean_value_phrases(text, expected):
    assert [(p.text, p.key) for p in extract(text)] == expected


@pytest.mark.parametrize(
    "text", ["[[REFUND-3]]와 REFUND-3@2", "버전 v2", "1. 첫 항목", "PARK-7 조항"]
)
def test_ids_and_pins_are_not_values(text):
    assert [p.text for p in extract(text)] == []


def test_the_same_value_written_two_ways_has_one_key():
    same = [("5,000원", "5천 원"), ("오후 6시", "18:00"), ("3~7영업일", "3~7일")]
    for a, b in same:
        assert extract(a)[0].key == extract(b)[0].key, (a, b)


def test_korean_numbers():
    assert number("5,000") == 5000
    assert number("1.2천") == 1200
    assert number("3만 5천") == 35000


def test_block_is_the_paragraph_list_item_or_table_row():
    body = (
        "문단 첫 줄\n문단 둘째 줄\n\n- 항목 하나\n  이어지는 줄\n- 항목 둘\n\n| a | b |\n| c | d |"
    )
    assert block(body, 1) == {0, 1}
    assert block(body, 4) == {3, 4}
    assert block(body, 5) == {5}
    assert block(body, 8) == {8}


# --- the check on small KBs -------------------------------------------------------

POLICY = """\
id: FEE
title: 요금 정책
owner: 요금팀
clauses:
  - id: FEE-1
    title: 잠금해제 요금
    version: 2
    effective: 2026-07-01
    text: |
      잠금해제 요금은 1,200원이며, 분당요금은 180원입니다.
    history:
      - version: 1
        effective: 2025-01-01
        note: 잠금해제 요금 1,000원 → 1,200원
        outdated: [기본 요금]
        text: |
          기본 요금(잠금해제)은 1,000원이며, 분당요금은 180원입니다.
  - id: FEE-2
    title: 구역 외 반납
    version: 1
    effective: 2026-01-01
    text: |
      구역 밖에 반납하면 1,000원을 청구합니다.
"""


def answer(cites: str, body: str, ident: str = "fee") -> str:
    return f"---\nid: {ident}\ntitle: 요금 안내\ncites: [{cites}]\n---\n{body}\n"


def outdated(kb_cli, config) -> list[tuple[str, int, str]]:
    result = kb_cli("check", "-f", str(config), "--format", "json", "--as-of", "2026-12-01")
    found = json.loads(result.output)["findings"]
    return [(f["path"], f["line"], f["message"]) for f in found if f["code"] == "outdated-phrase"]


def test_old_value_in_an_answer_is_reported_on_its_line(make_kb, kb_cli):
    config = make_kb(
        {
            "policies/fee.yaml": POLICY,
            "docs/answers/fee.md": answer("FEE-1@2", "안녕하세요.\n잠금해제는 1천 원입니다."),
        }
    )
    result = kb_cli("check", "-f", str(config), "--format", "json", "--as-of", "2026-12-01")
    (finding,) = json.loads(result.output)["findings"]
    assert finding["code"] == "outdated-phrase" and finding["severity"] == "warning"
    assert (finding["path"], finding["line"]) == ("docs/answers/fee.md", 7)
    assert (finding["subject"], finding["clause"]) == ("fee", "FEE-1")
    # It names the phrase, the version it belongs to and the text in force.
    assert "'1천 원'" in finding["message"] and "버전 1" in finding["message"]
    assert "1,200원" in finding["message"]
    assert result.exit_code == 0
    assert kb_cli("check", "-f", str(config), "--strict", "--as-of", "2026-12-01").exit_code == 1


def test_outdated_strings_of_a_version_are_reported(make_kb, kb_cli):
    body = "기본 요금이 부과됩니다."
    config = make_kb({"policies/fee.yaml": POLICY, "docs/answers/fee.md": answer("FEE-1@2", body)})
    assert [line for _, line, _ in outdated(kb_cli, config)] == [6]


def test_a_line_that_states_the_change_is_not_outdated(make_kb, kb_cli):
    body = "7월 1일부터 잠금해제 요금이 1,000원에서 1,200원으로 조정되었습니다."
    config = make_kb({"policies/fee.yaml": POLICY, "docs/answers/fee.md": answer("FEE-1@2", body)})
    assert outdated(kb_cli, config) == []


def test_the_marker_keeps_an_intended_old_value(make_kb, kb_cli):
    body = "작년에는 1,000원이었습니다. <!-- kb: 이전 값 -->\n지금은 요금이 1,000원입니다."
    config = make_kb({"policies/fee.yaml": POLICY, "docs/answers/fee.md": answer("FEE-1@2", body)})
    assert [line for _, line, _ in outdated(kb_cli, config)] == [7]


def test_a_value_another_cited_clause_states_is_not_old(make_kb, kb_cli):
    body = "구역 밖 반납 수수료는 1,000원입니다."
    files = {"policies/fee.yaml": POLICY, "docs/answers/fee.md": answer("FEE-1@2, FEE-2@1", body)}
    assert outdated(kb_cli, make_kb(files)) == []


def test_a_stale_pin_is_a_stale_citation_not_an_outdated_phrase(make_kb, kb_cli):
    config = make_kb(
        {"policies/fee.yaml": POLICY, "docs/answers/fee.md": answer("FEE-1@1", "1,000원입니다.")}
    )
    result = kb_cli("check", "-f", str(config), "--format", "json", "--as-of", "2026-12-01")
    assert [f["code"] for f in json.loads(result.output)["findings"]] == ["stale-citation"]


def test_values_in_code_are_examples(make_kb, kb_cli):
    body = "요금은 `1,000원`이 아닙니다.\n\n```\n1,000원\n```"
    config = make_kb({"policies/fee.yaml": POLICY, "docs/answers/fee.md": answer("FEE-1@2", body)})
    assert outdated(kb_cli, config) == []


MANUAL = """\
# 요금 응대

- 잠금해제 요금은 1,000원입니다 ([[FEE-1]]).
- 예전 공지: 잠금해제 1,000원. <!-- kb: 이전 값 --> [[FEE-1]]

| 상황 | 안내 |
|---|---|
| 요금 문의 | 1,000원 ([[FEE-1]]) |
| 반납 문의 | 1,000원 (구역 밖) |

요금 설명은 [[FEE-1]]을 따릅니다.
그 밖의 문의에 1,000원을 언급하지 마세요.

다른 문단의 1,000원은 이 조항과 관계가 없습니다.
"""


def test_in_a_manual_only_the_block_of_the_reference_counts(make_kb, kb_cli):
    config = make_kb({"policies/fee.yaml": POLICY, "docs/manuals/fee.md": MANUAL})
    found = outdated(kb_cli, config)
    assert [(path, line) for path, line, _ in found] == [
        ("docs/manuals/fee.md", 3),
        ("docs/manuals/fee.md", 8),
        ("docs/manuals/fee.md", 12),
    ]


def test_no_finding_before_a_new_version_is_in_force(make_kb, kb_cli):
    policy = POLICY.replace(
        "version: 2\n    effective: 2026-07-01", "version: 2\n    effective: 2027-01-01"
    )
    files = {
        "policies/fee.yaml": policy,
        "docs/answers/fee.md": answer("FEE-1@1", "1,000원입니다."),
    }
    assert outdated(kb_cli, make_kb(files)) == []


# --- any text at all ----------------------------------------------------------------

KOREAN_NUMBERS = st.text(
    alphabet=st.sampled_from(list("0123456789,.~- :년월일시분원천만%오후전밤주회개m인") + ["\n"]),
    max_size=60,
)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(max_size=80), KOREAN_NUMBERS))
def test_any_text_gives_phrases_that_are_in_it(text):
    import unicodedata

    normal = unicodedata.normalize("NFC", text)
    for phrase in extract(text):
        assert normal[phrase.start : phrase.end].strip() == phrase.text
        assert any(ch.isdigit() for ch in phrase.text)
    # The same text in NFD (as macOS writes it) has the same values.
    assert {p.key for p in extract(unicodedata.normalize("NFD", text))} == {
        p.key for p in extract(text)
    }
