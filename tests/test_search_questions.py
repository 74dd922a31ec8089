"""`questions:` on answers: how customers ask, found by search and shown on the page."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from conftest import write_kb
from search_kb import SEARCH_KB

from kb.check import check
from kb.cli import main
from kb.config import read_config
from kb.load import load
from kb.search.index import open_index
from kb.search.memory import MemoryIndex
from kb.search.query import search

ASKED = {
    "docs/answers/refund/statement.md": """
        ---
        id: refund-statement
        title: 카드 명세서 확인 안내
        cites: [REFUND-3@1]
        questions:
          - 카드값에서 안 빠졌어요
          - 청구서에 그대로 찍혀 있어요
        ---
        카드사 앱에서 매출 취소 내역을 확인해 주세요.
    """,
}


@pytest.fixture
def kb(tmp_path):
    return write_kb(tmp_path / "kb", {**SEARCH_KB, **ASKED})


def test_questions_are_loaded_in_order(kb):
    answer = load(kb).answer("refund-statement")
    assert answer.questions == ["카드값에서 안 빠졌어요", "청구서에 그대로 찍혀 있어요"]


@pytest.mark.parametrize("query", ["카드값 안빠졌는데요", "청구서에 찍혀있음"])
def test_a_customer_phrasing_finds_its_answer(kb, query):
    # Neither 카드값 nor 청구서 is in any title or body: only in `questions:`.
    assert search(kb, query)[0].id == "refund-statement"


def test_questions_as_lines_of_text_and_bad_items(tmp_path):
    files = {
        **SEARCH_KB,
        "docs/answers/a.md": """
            ---
            id: as-text
            title: 줄마다 하나
            cites: [REFUND-3@1]
            questions: |
              첫째 질문
              둘째 질문
            ---
            본문
        """,
        "docs/answers/b.md": """
            ---
            id: bad-item
            title: 잘못된 항목
            cites: [REFUND-3@1]
            questions:
              - 좋은 질문
              - {q: 모양이 틀림}
            ---
            본문
        """,
    }
    kb = load(write_kb(tmp_path / "kb", files))
    assert kb.answer("as-text").questions == ["첫째 질문", "둘째 질문"]
    assert kb.answer("bad-item").questions == ["좋은 질문"]
    found = [f for f in check(kb).findings if f.code == "schema-error"]
    assert [(f.path, f.line) for f in found] == [("docs/answers/b.md", 7)]


def test_the_answer_page_lists_the_questions(kb, tmp_path):
    out = tmp_path / "site"
    result = CliRunner().invoke(
        main, ["build", "-q", "-f", str(kb), "--site-dir", str(out)], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    html = (out / "answers" / "refund" / "statement" / "index.html").read_text(encoding="utf-8")
    assert "고객은 이렇게 물어요" in html
    assert "<li>청구서에 그대로 찍혀 있어요</li>" in html


# Twins: the same title and text, the same question words; one answer's
# customer says them in one question, the other's in two.
TWINS_BODY = "반송된 택배는 주소를 고쳐 다시 보내 드려요. 다시 보내는 배송비는 안내해 드립니다."
TWINS = {
    "docs/answers/shipping/spread.md": f"""
        ---
        id: parcel-spread
        title: 반송 안내
        cites: [REFUND-3@1]
        questions:
          - 주소가 틀렸어요
          - 배송비를 또 내야 하나요
        ---
        {TWINS_BODY}
    """,
    "docs/answers/shipping/together.md": f"""
        ---
        id: parcel-together
        title: 반송 안내
        cites: [REFUND-3@1]
        questions:
          - 주소가 틀렸는데 배송비를 또 내야 하나요
        ---
        {TWINS_BODY}
    """,
}


@pytest.mark.parametrize("engine", ["direct", "whoosh", "memory"])
def test_words_said_together_in_one_question_rank_that_answer_first(tmp_path, engine):
    # Without the closest question (query.Coverage.asked) the twins tie, and the
    # one whose questions split the words comes first, in document order.
    kb = write_kb(tmp_path / "kb", {**SEARCH_KB, **TWINS})
    query = "주소 틀림 배송비"
    if engine == "memory":
        search(kb, query)  # brings the index up to date
        memory = MemoryIndex(open_index(read_config(kb)))
        found = [h.id for h in memory.search(query, 10)]
        memory.close()
    else:
        found = [h.id for h in search(kb, query, engine=engine)]
    assert found[:2] == ["parcel-together", "parcel-spread"]
