"""The PII lint: personal data in answers and manual pages, and what is not."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kb import pii

ANSWER = """\
---
id: {id}
title: 환불 안내
cites: [REFUND-1@1]
status: {status}
---
{body}
"""

POLICY = """\
id: REFUND
title: 환불 정책
owner: 고객경험팀
clauses:
  - id: REFUND-1
    title: 환불 기간
    version: 1
    effective: 2025-01-01
    text: 결제일로부터 7일 이내 환불됩니다.
"""


def codes(text: str, **kw) -> list[tuple[str, str]]:
    return [(h.code, h.text) for h in pii.scan(text, **kw)]


# --- what is found ----------------------------------------------------------------

FOUND = [
    ("고객님의 주민등록번호 900101-1234567로 조회했습니다.", "pii-rrn", "900101-1234567"),
    ("외국인등록번호 951231-6123456 확인", "pii-rrn", "951231-6123456"),
    # Numbers issued since 2020 have random tails: no checksum is asked of them.
    ("2000년대생 051120-4987654 고객", "pii-rrn", "051120-4987654"),
    ("주민번호 900101 - 1234567", "pii-rrn", "900101 - 1234567"),
    ("결제하신 카드 4111 1111 1111 1111 로 취소했습니다", "pii-card", "4111 1111 1111 1111"),
    ("카드번호 5555-5555-5555-4444", "pii-card", "5555-5555-5555-4444"),
    ("아멕스 3782-822463-10005 환불", "pii-card", "3782-822463-10005"),
    ("카드 4111111111111111", "pii-card", "4111111111111111"),
    # A company-number look-alike inside a card number does not hide it.
    ("카드 5555 1588 1234 5670 승인", "pii-card", "5555 1588 1234 5670"),
    ("기사님 연락처는 010-9876-5432입니다", "pii-phone", "010-9876-5432"),
    ("휴대폰 01098765432로 문자", "pii-phone", "01098765432"),
    ("+82 10-9876-5432 로 국제 전화", "pii-phone", "+82 10-9876-5432"),
    ("매장 번호 02-345-6789로 전화", "pii-phone", "02-345-6789"),
    ("기사님 번호 010-9123-4567", "pii-phone", "010-9123-4567"),  # ends like 1234567
    ("PASSPORT NO. M98765432", "pii-passport", "M98765432"),
    ("부산 지점 051-742-3318", "pii-phone", "051-742-3318"),
    ("인터넷 전화 070-4812-3391", "pii-phone", "070-4812-3391"),
    ("회신은 minsu.kim@naver.com 으로 드렸습니다", "pii-email", "minsu.kim@naver.com"),
    ("문의는kim_01@gmail.com", "pii-email", "kim_01@gmail.com"),
    ("국민은행 123456-01-123456 계좌로 입금해 드렸습니다", "pii-account", "123456-01-123456"),
    ("환불 계좌: 카카오뱅크 3333012345678", "pii-account", "3333012345678"),
    ("여권번호 M12345678 확인", "pii-passport", "M12345678"),
    ("새 여권(M123A4567)으로 등록", "pii-passport", "M123A4567"),
    ("운전면허 11-12-123456-01 인증 완료", "pii-license", "11-12-123456-01"),
    ("면허번호 서울 12-345678-90", "pii-license", "서울 12-345678-90"),
]


@pytest.mark.parametrize(("text", "code", "value"), FOUND)
def test_personal_data_is_found(text, code, value):
    assert (code, value) in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "본인 확인을 위해 주민번호 앞자리를 알려주세요.",
        "주민등록번호 13자리를 입력해 주시기 바랍니다.",
        "외국인 등록번호를 채팅으로 보내 주시면 확인하겠습니다.",
        "주민번호 뒷자리 첫 숫자까지 말씀해 주세요",
    ],
)
def test_asking_a_customer_for_the_rrn_is_found(text):
    assert [c for c, _ in codes(text)] == ["pii-ask-rrn"]


# --- what is not ----------------------------------------------------------------

NOT_FOUND = [
    "주문번호 2024120112345 건은 오늘 출고됩니다.",  # 13 digits, date-like: no hyphen, no RRN
    "주문번호 20261203-000123 확인했습니다.",
    "주문일 2026-12-03, 결제 금액 12,900원, 할인 10%",
    "환불은 영업일 기준 3~7일, 오후 6시 이후 접수 건은 다음 날 처리됩니다.",
    "대표번호 1588-1234 / 1577-0000 / 1544 1234 / 1600-1234 / 1661-5678",
    "1670-1234, 1688-1234, 1800-1234 로 전화 주세요",
    "수신자 부담 080-123-4567 또는 080-1234-5678",
    "CJ대한통운 운송장 번호 6012-3456-7890 으로 조회하세요",
    "우체국 등기 번호 6865012345678",
    "카드 4111-1111-1111-1112 는 승인되지 않았습니다",  # fails Luhn
    "주문번호 2026120300001234",  # 16 digits, Luhn-valid or not: no card prefix
    "카드번호 뒤 네 자리 1234 로 확인했습니다 (****-****-****-1234)",
    "마스킹된 번호 900101-1****** 와 010-****-5678",
    "{{고객명}}님, {{주민번호}} 와 {{연락처}} 는 자리표시자입니다",
    "생년월일 900101 만 확인합니다",
    "모델 M12345678 킥보드",  # passport-shaped, but no 여권 nearby
    "문의: help@example.com (예시 주소)",
    "킥보드 일련번호 SN-2026-120301",
    "이용권 3,300원 / 30일권 19,900원",
    "주민등록번호는 절대 알려주지 마세요.",
    "상담 중에 주민번호를 요청하지 않습니다.",
    "주민등록번호 뒷자리는 입력하지 마세요.",
    "오늘 날짜 2026.12.03 기준",
    "휴대폰 번호는 010-1234-5678 처럼 하이픈을 넣어 입력하세요",  # a format example
    "예: 010-0000-0000, 02-123-4567",
    "계좌 입금 확인까지 1~2영업일, 입금 기한은 2026-12-31입니다",
    "무통장 입금: 국민은행, 사업자등록번호 123-45-67890 (주)씽씽",
    "입금 확인 후 승인번호 30012345678 로 조회됩니다",
]


@pytest.mark.parametrize("text", NOT_FOUND)
def test_look_alikes_are_not_found(text):
    assert codes(text) == []


def test_an_impossible_birth_date_is_not_an_rrn():
    assert codes("번호 901341-1234567") == []  # month 13
    assert codes("번호 990230-1234567") == []  # 30 February
    assert codes("번호 991231-3234567") == []  # born in 2099: not yet


# --- masking --------------------------------------------------------------------


def test_mask_keeps_the_text_and_hides_the_data():
    text = "고객 010-2345-6789, 900101-1234567, 카드 4111 1111 1111 1111, kim@naver.com"
    masked = pii.mask(text)
    assert masked == "고객 010-****-6789, 900101-1******, 카드 **** **** **** 1111, k**@naver.com"
    assert pii.scan(masked) == []


def test_mask_leaves_company_numbers_and_placeholders():
    text = "{{고객명}}님, 1588-1234 로 전화 주세요"
    assert pii.mask(text) == text


# --- the allow-list -------------------------------------------------------------


def test_allow_list_literals_and_regexes():
    allow = pii.Allow(["02-345-6789", "/@ssingssing\\.kr$/"])
    text = "본사 02 345 6789, help@ssingssing.kr, 그 외 010-9876-5432"
    assert codes(text, allow=allow) == [("pii-phone", "010-9876-5432")]


# --- in kb check -----------------------------------------------------------------


def test_check_reports_pii_with_line_severity_and_masked_value(make_kb, kb_cli):
    body = "안녕하세요.\n\n주민번호 900101-1234567 확인했습니다.\n연락처 010-9876-5432"
    config = make_kb({
        "policies/refund.yaml": POLICY,
        "docs/answers/a.md": ANSWER.format(id="a", status="active", body=body),
    })
    result, data = kb_cli.json("check", "-f", str(config), "--format", "json")
    assert result.exit_code == 1
    found = {(f["code"], f["severity"], f["line"], f["subject"]) for f in data["findings"]}
    assert found == {
        ("pii-rrn", "error", 9, "a"),
        ("pii-phone", "warning", 10, "a"),
    }
    # The report itself must not leak what it found.
    assert "1234567" not in result.output and "9876" not in result.output
    assert "900101-1******" in result.output


def test_check_text_names_file_line_and_how_to_fix(make_kb, kb_cli):
    config = make_kb({
        "policies/refund.yaml": POLICY,
        "docs/answers/a.md": ANSWER.format(id="a", status="active", body="주민번호를 알려주세요."),
    })
    result = kb_cli("check", "-f", str(config))
    line = next(x for x in result.output.splitlines() if "pii-ask-rrn" in x)
    assert line.startswith("docs/answers/a.md:7: warning: pii-ask-rrn ")
    assert "본인인증" in line
    assert result.exit_code == 0
    assert kb_cli("check", "-f", str(config), "--strict").exit_code == 1


def test_manual_pages_are_linted_and_drafts_only_warn(make_kb, kb_cli):
    config = make_kb({
        "policies/refund.yaml": POLICY,
        "docs/answers/a.md": ANSWER.format(id="a", status="draft", body="카드 4111-1111-1111-1111"),
        "docs/manuals/escalation.md": "# 이관\n\n팀장 직통 010-2222-3333\n\n대표번호 1588-1234\n",
    })
    _, data = kb_cli.json("check", "-f", str(config), "--format", "json")
    found = {(f["path"], f["code"], f["severity"], f["line"]) for f in data["findings"]}
    assert found == {
        ("docs/answers/a.md", "pii-card", "warning", 7),
        ("docs/manuals/escalation.md", "pii-phone", "warning", 3),
    }


def test_allow_list_in_mkdocs_yml(make_kb, kb_cli):
    config_text = (
        "site_name: t\nplugins:\n  - search\n  - kb:\n      pii_allow:\n"
        "        - 02-345-6789\n        - /@ssingssing\\.kr$/\n"
    )
    body = "본사 02-345-6789 또는 help@ssingssing.kr 로 문의하세요."
    config = make_kb(
        {
            "policies/refund.yaml": POLICY,
            "docs/answers/a.md": ANSWER.format(id="a", status="active", body=body),
        },
        config=config_text,
    )
    result = kb_cli("check", "-f", str(config), "--strict")
    assert result.exit_code == 0, result.output


def test_a_bad_allow_regex_is_a_finding_on_its_line(make_kb, kb_cli):
    config_text = "site_name: t\nplugins:\n  - kb:\n      pii_allow:\n        - '/[0-9/'\n"
    config = make_kb({"policies/refund.yaml": POLICY}, config=config_text)
    result = kb_cli("check", "-f", str(config))
    assert result.exit_code == 1
    assert result.output.startswith("mkdocs.yml:5: error: schema-error pii_allow")


def test_the_sample_kb_is_clean(kb_cli):
    from conftest import REPO

    result = kb_cli("check", "-f", str(REPO / "mkdocs.yml"), "--format", "json")
    data = json.loads(result.output)
    assert [f for f in data["findings"] if f["code"].startswith("pii-")] == []


def test_mkdocs_accepts_the_allow_list_option(make_kb, kb_cli, tmp_path):
    config_text = (
        "site_name: t\ntheme:\n  name: material\n  language: ko\nplugins:\n  - search\n"
        "  - kb:\n      pii_allow: [02-345-6789]\n"
    )
    body = "본사 02-345-6789 로 문의하세요."
    config = make_kb(
        {
            "policies/refund.yaml": POLICY,
            "docs/index.md": "# 홈\n",
            "docs/answers/a.md": ANSWER.format(id="a", status="active", body=body),
        },
        config=config_text,
    )
    out = str(tmp_path / "out")
    result = kb_cli("build", "-q", "--strict", "-f", str(config), "--site-dir", out)
    assert result.exit_code == 0, result.output
    assert "02-345-6789" in (tmp_path / "out" / "answers" / "a" / "index.html").read_text("utf-8")


# --- properties ---------------------------------------------------------------------

PIECES = [text for text, _, _ in FOUND] + [
    "고객님", " ", "\n", "1588-1234", "{{고객명}}", "7일", "-", "0", "12,000원", "입금", "여권",
    "2026-12-03", "010", "1234", "@", ".", "주민번호를 알려주세요.",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25).map("".join))
def test_masked_text_keeps_its_length_and_no_error_survives(text):
    masked = pii.mask(text)
    assert len(masked) == len(text)
    assert [h for h in pii.scan(masked) if h.severity == "error"] == []


def test_messages_name_what_was_found_masked():
    rrn, foreign = pii.scan("900101-1234567 그리고 951231 - 6123456")
    assert pii.message(rrn).startswith("주민등록번호로 보이는 값 900101-1******")
    assert pii.message(foreign).startswith("외국인등록번호로 보이는 값 951231 - 6******")


def test_a_pii_error_stops_the_site_build(make_kb, kb_cli, tmp_path):
    config = make_kb({
        "policies/refund.yaml": POLICY,
        "docs/answers/a.md": ANSWER.format(id="a", status="active", body="번호 900101-1234567"),
    })
    result = kb_cli("build", "-q", "-f", str(config), "--site-dir", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert "docs/answers/a.md:7: error: pii-rrn" in result.stderr
    assert not (tmp_path / "out").exists()
