"""Rules that used to exist twice and disagree, now one function each.

Each test pins the behaviour every caller shares, on the case where the old
copies gave different answers.
"""

from __future__ import annotations

import json

from click.testing import CliRunner
from conftest import MKDOCS_YML

from kb.cli import main

POLICY = """
    id: REFUND
    title: 환불 정책
    owner: 고객경험팀
    clauses:
      - id: REFUND-1
        title: 결제 취소 가능 기간
        version: 2
        effective: 2026-01-01
        text: 결제일로부터 7일 이내에는 전액 환불됩니다.
        history:
          - version: 1
            effective: 2025-01-01
            text: 결제일로부터 14일 이내에는 전액 환불됩니다.
"""

ANSWER = """
    ---
    id: refund-window
    title: 환불 가능 기간 안내
    cites: [REFUND-1@2]
    tags: [환불/기간]
    ---
    결제일로부터 7일 이내라면 전액 환불해 드립니다.
"""


def _build(config, out) -> None:
    result = CliRunner().invoke(
        main, ["build", "-q", "-f", str(config), "--site-dir", str(out)], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output


def test_home_page_is_a_manual_page_in_search_without_directory_urls(make_kb, tmp_path):
    """Search ranked the home page as "other" when pages end in .html."""
    config = make_kb(
        {
            "policies/refund.yaml": POLICY,
            "docs/answers/window.md": ANSWER,
            "docs/index.md": "# 상담 안내\n\n환불 문의는 [[REFUND-1]]을 보고 답합니다.\n",
            "docs/manuals/tone.md": "# 말투\n\n환불 문의에는 먼저 사과합니다.\n",
        },
        MKDOCS_YML + "use_directory_urls: false\n",
    )
    _build(config, tmp_path / "site")
    index = json.loads((tmp_path / "site/search/search_index.json").read_text("utf-8"))
    boosts = {d["location"]: d.get("boost", 1.0) for d in index["docs"]}
    assert boosts["manuals/tone.html"] == boosts["index.html"] == 0.8
    assert boosts["answers/window.html"] == 2.0
