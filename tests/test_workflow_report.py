"""kb report (coverage and upkeep), kb show and kb impact, on a KB never seen before."""

from __future__ import annotations

import json

import pytest
from workflow_repo import make_repo

DELIVERY = "rules/logistics/delivery.yaml"


@pytest.fixture
def repo(tmp_path):
    repo = make_repo(tmp_path / "kb")
    # DLV-5 will replace DLV-3 on 2027-01-01; a retired answer carries a tag alone.
    repo.replace(
        DELIVERY,
        "        서울 지역은 새벽 배송을 제공합니다.\n",
        "        서울 지역은 새벽 배송을 제공합니다.\n"
        "\n"
        "    - id: DLV-5\n"
        "      title: 새벽 배송 (수도권)\n"
        "      version: 1\n"
        "      effective: 2027-01-01\n"
        "      supersedes: [DLV-3]\n"
        "      text: |\n"
        "        수도권 전역에 새벽 배송을 제공합니다.\n",
    )
    repo.write(
        "content/replies/dawn.md",
        """
        ---
        id: dawn-delivery
        title: 새벽 배송 되나요
        cites: [DLV-3@1]
        tags: [배송/새벽]
        owner: 상담3팀
        ---
        서울 지역은 새벽 배송이 됩니다.
        """,
    )
    repo.write(
        "content/replies/old-gift.md",
        """
        ---
        id: old-gift-wrap
        title: 선물 포장
        cites: [DLV-1@1]
        tags: [선물/포장]
        status: retired
        ---
        선물 포장은 종료되었습니다.
        """,
    )
    return repo


def report(kb_cli, repo, *args):
    result = kb_cli("report", "--as-of", "2026-11-20", *args, "-f", str(repo.config))
    assert result.exit_code == 0, result.output
    return result


def test_report_json(repo, kb_cli):
    data = json.loads(report(kb_cli, repo, "--format", "json").output)
    assert data["today"] == "2026-11-20" and data["days"] == 30
    assert [c["clause"] for c in data["uncited"]] == ["DLV-5"]
    assert data["uncited"][0]["owner"] == "물류팀" and data["uncited"][0]["state"] == "future"
    # RET-1 is cited by a draft: a draft counts as coverage (it is being written), but a
    # tag that only drafts or retired answers carry has nothing an agent may send yet.
    tags = {t["tag"]: t["answers"] for t in data["tags_without_answers"]}
    assert tags == {
        "반품": ["return-window"],
        "선물": ["old-gift-wrap"],
        "선물/포장": ["old-gift-wrap"],
    }
    due = [(d["kind"], d["id"], d["owner"], d["review_by"], d["overdue"]) for d in data["due"]]
    assert due == [
        ("answer", "same-day-cutoff", "상담2팀", "2026-12-01", False),
        ("policy", "DLV", "물류팀", "2026-12-10", False),
    ]
    breaking = [(b["date"], b["answer"], b["code"]) for b in data["breaking"]]
    assert breaking == [
        ("2026-12-01", "shipping-fee", "expired-clause"),
        ("2027-01-01", "dawn-delivery", "superseded-clause"),
    ]
    assert "DLV-5@1을(를) 인용하도록 고치세요" in data["breaking"][1]["message"]


def test_report_days_window_and_formats(repo, kb_cli):
    data = json.loads(report(kb_cli, repo, "--format", "json", "--days", "5").output)
    assert data["due"] == []
    text = report(kb_cli, repo).output
    assert "곧 깨질 인용 2개:" in text
    assert "2027-01-01  content/replies/dawn.md:4  dawn-delivery (상담3팀)" in text
    markdown = report(kb_cli, repo, "--format", "markdown").output
    assert "| 2026-12-01 | `shipping-fee` 배송비 안내 | 담당 미지정 | `DLV-2@1` |" in markdown


def test_show_a_clause(repo, kb_cli):
    out = kb_cli("show", "DLV-3", "--as-of", "2026-11-20", "-f", str(repo.config)).output
    assert out.startswith("DLV-3  새벽 배송\n")
    assert "정책: DLV 배송 정책 (담당: 물류팀)" in out
    assert "상태(2026-11-20): 시행 중" in out
    assert "이 조항을 대체하는 조항: DLV-5" in out
    assert "dawn-delivery  새벽 배송 되나요  [DLV-3@1]  content/replies/dawn.md" in out
    later = kb_cli("show", "dlv-3", "--as-of", "2027-01-02", "-f", str(repo.config)).output
    assert "상태(2027-01-02): 대체됨 → DLV-5" in later


def test_show_an_answer_says_which_citations_are_good(repo, kb_cli):
    out = kb_cli("show", "shipping-fee", "--as-of", "2026-12-02", "-f", str(repo.config)).output
    assert "[문제] DLV-2@1 (cites, content/replies/delivery/fee.md:4)" in out
    assert "expired-clause: DLV-2@1 인용: 이 조항은 2026-12-01부터 효력이 없습니다" in out
    assert "[정상] [[DLV-1@1]] (본문, content/replies/delivery/fee.md:7)" in out
    assert "오후 2시까지 결제한 주문은 당일 출고합니다." in out  # the cited clause's text
    data = json.loads(
        kb_cli("show", "shipping-fee", "--format", "json", "-f", str(repo.config)).output
    )
    assert data["kind"] == "answer" and data["citations"][0]["clause"] == "DLV-2"


def test_unknown_ids_suggest_near_ones(repo, kb_cli):
    result = kb_cli("impact", "DLV-7", "-f", str(repo.config))
    assert result.exit_code == 2
    assert "id가 'DLV-7'인 조항이 없습니다 (" in result.output
    shown = kb_cli("show", "shiping-fee", "-f", str(repo.config))
    assert shown.exit_code == 2 and "shipping-fee 중 하나를 찾으셨나요?" in shown.output


def test_impact_text_lists_answers_and_manuals(repo, kb_cli):
    out = kb_cli("impact", "DLV-1", "-f", str(repo.config)).output
    assert "답변 2개" in out and "shipping-fee  배송비 안내" in out
    assert "매뉴얼 1개\n  guide/delivery.md" in out
