"""The in-memory ranking of `kb api` gives what `kb search` gives, hit for hit."""

from __future__ import annotations

import random
import re

import pytest
from conftest import copy_sample_kb

from kb.config import read_config
from kb.search import query as Q
from kb.search.index import open_index
from kb.search.memory import MemoryIndex

FIXED = ["환불 언제 되나요", "헬멧 분실", "REFUND-3", "환불해 주세요 ㅠㅠ", "주차 요금",
         "팀장 바꿔", "ㅁㄴㅇ", "refund-not-received", "쿠폰 안 돼요", "!!!"]  # fmt: skip


def _queries(memory: MemoryIndex, count: int) -> list[str]:
    words = sorted(
        {
            w
            for d in range(memory.size)
            for w in re.findall(r"\w+", memory.reader.stored_fields(d).get("title", ""))
            if len(w) > 1
        }
    )
    rng = random.Random(7)
    return FIXED + [" ".join(rng.sample(words, rng.randint(1, 3))) for _ in range(count)]


@pytest.fixture(scope="module")
def sample_index(tmp_path_factory):
    config = copy_sample_kb(tmp_path_factory.mktemp("sample"))
    ix = open_index(read_config(config))
    memory = MemoryIndex(ix)
    yield ix, memory
    memory.close()


@pytest.mark.parametrize("kind", [None, "answer", "clause", "manual"])
def test_memory_ranking_equals_kb_search_on_the_sample_kb(sample_index, kind):
    ix, memory = sample_index
    with ix.searcher() as searcher:
        for query in _queries(memory, 60):
            expected = [h.to_dict() for h in Q.search_with(searcher, query, 10, kind)]
            assert [h.to_dict() for h in memory.search(query, 10, kind)] == expected, query


def test_memory_ranking_honours_tags(sample_index):
    ix, memory = sample_index
    with ix.searcher() as searcher:
        for tag in ("환불", "환불/", " 환불 / 처리 기간 ", "환불/처리 기간", "없는태그"):
            expected = [h.to_dict() for h in Q.search_with(searcher, "환불 언제", 10, None, tag)]
            assert [h.to_dict() for h in memory.search("환불 언제", 10, None, tag)] == expected
