"""`kb search`'s direct engine (kb/search/direct.py) gives what whoosh's searcher gives."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import SAMPLE, copy_sample_kb

from kb.config import read_config
from kb.search import query as Q
from kb.search import querytext
from kb.search.index import open_index, update

KINDS = (None, "answer", "clause", "manual")


def _eval_queries() -> list[str]:
    queries = ["환불 언제 되나요", "REFUND-3", "refund-not-received", "ㅁㄴㅇ", "!!!", "헬멧 분실"]
    for name in ("search_eval.yaml", "search_eval_holdout.yaml"):
        data = yaml.safe_load((SAMPLE / "tests" / "data" / name).read_text(encoding="utf-8"))
        queries += [item["q"] for item in data["queries"]]
    return queries


def _both(ix, query: str, kind=None, tag=None) -> tuple[list, list]:
    vocabulary = querytext.vocabulary_for(ix)
    with ix.searcher() as searcher:
        whoosh = Q.search_with(searcher, query, 10, kind, tag, None, vocabulary, "whoosh")
        direct = Q.search_with(searcher, query, 10, kind, tag, None, vocabulary, "direct")
    return [h.to_dict() for h in whoosh], [h.to_dict() for h in direct]


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    return copy_sample_kb(tmp_path_factory.mktemp("sample"))


@pytest.mark.parametrize("kind", KINDS)
def test_direct_equals_whoosh_on_every_evaluation_query(sample, kind):
    ix = open_index(read_config(sample))
    for query in _eval_queries():
        whoosh, direct = _both(ix, query, kind)
        assert direct == whoosh, query


def test_direct_honours_tags_as_whoosh_does(sample):
    ix = open_index(read_config(sample))
    for tag in ("환불", "환불/", " 환불 / 처리 기간 ", "없는태그"):
        whoosh, direct = _both(ix, "환불 언제", tag=tag)
        assert direct == whoosh, tag


def test_direct_equals_whoosh_after_incremental_updates(tmp_path):
    """Several segments and deleted documents: what an index looks like after edits."""
    config = copy_sample_kb(tmp_path / "kb")
    update(config)
    answers = sorted((tmp_path / "kb" / "docs" / "answers").rglob("*.md"))
    for n, answer in enumerate(answers[:3]):
        answer.write_text(answer.read_text(encoding="utf-8") + f"\n환불 추가 안내 {n}\n",
                          encoding="utf-8")
        assert update(config).files == 1
    answers[3].unlink()
    update(config)
    ix = open_index(read_config(config))
    reader = ix.reader()
    assert len(list(reader.leaf_readers())) > 1 and reader.has_deletions()
    for query in _eval_queries()[:40] + ["환불 추가 안내"]:
        whoosh, direct = _both(ix, query)
        assert direct == whoosh, query


def test_the_command_gives_the_same_results_with_either_engine(sample):
    """In a real `kb search` process (its lighter whoosh imports included)."""
    kb = str(Path(sys.executable).with_name("kb"))
    outputs = {}
    for engine in ("direct", "whoosh"):
        done = subprocess.run(
            [kb, "search", "환불 언제 들어와요", "-f", str(sample), "--format", "json",
             "--engine", engine],
            capture_output=True, text=True, check=False,
        )
        assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
        outputs[engine] = json.loads(done.stdout)
    assert outputs["direct"] == outputs["whoosh"]
    assert outputs["direct"]["results"][0]["kind"] == "answer"


def test_an_unknown_engine_is_a_clear_error(sample):
    from kb.errors import KBError

    with pytest.raises(KBError, match="검색 방식"):
        Q.search(sample, "환불", engine="lucene")
