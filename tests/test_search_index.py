"""`kb search` and its whoosh index on small KBs written into tmp_path."""

from __future__ import annotations

import json
import os
import unicodedata

import pytest
from conftest import write_kb
from search_kb import SEARCH_KB

from kb.config import read_config
from kb.errors import KBError
from kb.search.index import Location, open_index, update
from kb.search.query import search


@pytest.fixture
def kb(tmp_path):
    return write_kb(tmp_path / "kb", SEARCH_KB)


def ids(hits) -> list[str]:
    return [h.id for h in hits]


@pytest.mark.parametrize("query", ["환불은", "환불해", "환불받을 수 있나요"])
def test_particles_and_endings_do_not_matter(kb, query):
    assert ids(search(kb, query, kind="answer"))[0] in {"refund-processing", "refund-fee"}


def test_answers_come_first_for_a_customer_question(kb):
    hits = search(kb, "돈 언제 들어와요")
    assert hits[0].id == "refund-processing"
    assert hits[0].kind == "answer"


def test_compound_without_spaces_finds_the_answer(kb):
    assert ids(search(kb, "배송출발했는데 취소돼요?"))[0] == "delivery-started"


def test_base_vocabulary_maps_customer_words(kb):
    assert ids(search(kb, "비번 까먹었어요"))[0] == "password-reset"


def test_clause_id_finds_that_clause_and_not_a_longer_one(kb):
    for query in ("REFUND-3", "refund-3"):
        hits = search(kb, query)
        assert (hits[0].kind, hits[0].id) == ("clause", "REFUND-3")


def test_nfd_query_finds_nfc_text_and_nfd_files_are_found(kb):
    nfd = unicodedata.normalize("NFD", "공동현관")
    assert ids(search(kb, nfd))[0] == "manuals/entrance.md"
    answer = kb.parent / "docs" / "answers" / "nfd.md"
    text = "---\nid: nfd-answer\ntitle: 택배 보관함 안내\ncites: [REFUND-1@1]\n---\n보관함\n"
    answer.write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    assert ids(search(kb, "택배 보관함"))[0] == "nfd-answer"


def test_retired_answers_are_never_returned(kb):
    assert "old-refund" not in ids(search(kb, "예전 환불 옛날 안내", limit=50))


def test_kind_and_tag_filters(kb):
    assert {h.kind for h in search(kb, "환불", kind="clause")} == {"clause"}
    tagged = ids(search(kb, "환불 배송 비밀번호", tag="환불"))
    assert set(tagged) == {"refund-processing", "refund-fee"}  # 환불/처리 기간, 환불/이용 요금
    assert ids(search(kb, "환불", tag="환불/이용 요금")) == ["refund-fee"]


def test_kb_synonyms_file_is_read_and_a_change_rebuilds(kb):
    assert "delivery-started" not in ids(search(kb, "라이더 픽업"))
    (kb.parent / "synonyms.yaml").write_text(
        "synonyms:\n  - 라이더 픽업 => 배송 출발\n", encoding="utf-8"
    )
    assert ids(search(kb, "라이더 픽업했나요"))[0] == "delivery-started"


def test_bad_synonyms_file_is_a_clear_error(kb):
    (kb.parent / "synonyms.yaml").write_text("synonyms: [비번\n", encoding="utf-8")
    with pytest.raises(KBError, match="synonyms.yaml"):
        search(kb, "비번")


def test_missing_index_is_built_then_updated_incrementally(kb):
    location = Location.of(read_config(kb))
    assert location.current() is None
    search(kb, "환불")
    first = location.current()
    assert first is not None and (first / "kb-manifest.json").is_file()
    assert update(kb).files == 0  # nothing changed
    answer = kb.parent / "docs" / "answers" / "account" / "password.md"
    answer.write_text(answer.read_text(encoding="utf-8").replace("잊어버렸을", "분실했을"),
                      encoding="utf-8")
    report = update(kb)
    assert (report.full, report.files) == (False, 1)
    assert ids(search(kb, "비밀번호 분실"))[0] == "password-reset"
    os.utime(answer)  # touched, same content: not re-indexed
    assert update(kb).files == 0
    answer.unlink()
    assert update(kb).files == 1
    assert "password-reset" not in ids(search(kb, "비밀번호", limit=50))


def test_an_index_made_by_another_analysis_is_rebuilt(kb):
    """An index on disk from an older kb (another analyzer, mecab or dictionary)."""
    from kb.search import analysis

    search(kb, "환불")
    manifest = Location.of(read_config(kb)).current() / "kb-manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    assert data["settings"]["analysis"] == analysis.digest()
    data["settings"]["analysis"] = "an older analysis"
    manifest.write_text(json.dumps(data), encoding="utf-8")
    assert update(kb).full is True


def test_the_query_vocabulary_is_written_beside_the_index_or_read_from_it(kb):
    from kb.search.querytext import VOCAB_FILE, vocabulary_of

    search(kb, "환불")
    current = Location.of(read_config(kb)).current()
    terms = json.loads((current / VOCAB_FILE).read_text(encoding="utf-8"))["terms"]
    assert "환불" in terms and "은" not in terms
    (current / VOCAB_FILE).unlink()  # an index written by an interrupted build
    vocabulary_of.cache_clear()
    assert ids(search(kb, "비번 까먹었어요"))[0] == "password-reset"


def test_a_search_during_a_rebuild_reads_a_whole_index(kb):
    update(kb)
    old = open_index(kb, refresh=False)
    reader = old.searcher()
    manual = kb.parent / "docs" / "manuals" / "entrance.md"
    manual.write_text("# 방문 배송 매뉴얼\n\n경비실에 맡겨 주세요.\n", encoding="utf-8")
    update(kb)  # writes a new version and switches the pointer
    try:
        assert reader.doc_count() == old.doc_count()
        assert list(reader.documents(key="manual:manuals/entrance.md"))
    finally:
        reader.close()
    assert Location.of(read_config(kb)).current() != old.storage.folder
    assert ids(search(kb, "경비실"))[0] == "manuals/entrance.md"


def test_cli_json_follows_the_spec(kb, kb_cli):
    result, data = kb_cli.json("search", "환불 기간", "-f", str(kb), "--format", "json",
                               "--limit", "3")
    assert result.exit_code == 0
    assert data["query"] == "환불 기간"
    assert 0 < len(data["results"]) <= 3
    first = data["results"][0]
    assert {"kind", "id", "title", "path", "score"} <= set(first)
    assert first["path"].startswith("docs/answers/") or first["path"].startswith("policies/")


def test_cli_text_shows_title_snippet_tags_and_clause_status(kb, kb_cli):
    policy = kb.parent / "policies" / "refund.yaml"
    text = policy.read_text(encoding="utf-8")
    expired = text.replace("title: 환불 수수료\n", "title: 환불 수수료\n    expires: 2026-02-01\n")
    policy.write_text(expired, encoding="utf-8")
    result = kb_cli("search", "반품 배송비", "-f", str(kb), "--kind", "answer")
    assert result.exit_code == 0
    out = result.output
    assert "반품 배송비 차감 안내" in out and "refund-fee" in out
    assert "태그: 환불/이용 요금" in out
    assert "REFUND-30 (만료)" in out
    assert "반품" in out.split("refund-fee", 1)[1]  # the snippet


def test_cli_reports_a_missing_config_cleanly(tmp_path, kb_cli):
    result = kb_cli("search", "환불", "-f", str(tmp_path / "nope.yml"))
    assert result.exit_code == 2
    assert "설정 파일이 없습니다" in result.output


def test_no_result_is_said_in_korean(kb, kb_cli):
    result = kb_cli("search", "zzzz", "-f", str(kb))
    assert result.exit_code == 0
    assert "맞는 답변을 찾지 못했습니다" in result.output
    data = json.loads(kb_cli("search", "zzzz", "-f", str(kb), "--format", "json").output)
    assert data["results"] == [] and data["no_good_answer"] is True


def test_weak_hits_are_not_offered_as_answers(kb, kb_cli):
    # Only 배송 (a common word) of this question is in the KB: the rest is about stocks.
    result = kb_cli("search", "주식 배당금 배송 일정 알려줘", "-f", str(kb))
    assert result.output.startswith("'주식 배당금 배송 일정 알려줘': 맞는 답변을 찾지 못했습니다")
    data = json.loads(kb_cli("search", "환불 언제 돼요", "-f", str(kb), "--format", "json").output)
    assert data["no_good_answer"] is False and data["results"][0]["good"] is True


CS_KB = {
    "docs/answers/pass/day.md": """
        ---
        id: pass-day
        title: 하루 단위 상품 안내
        ---
        1일 이용권은 구매한 때부터 24시간 동안 쓸 수 있어요. 반납은 구역 안에 해 주세요.
    """,
    "docs/answers/pass/month.md": """
        ---
        id: pass-month
        title: 정기 상품 반납 안내
        ---
        30일 이용권으로 탄 기기도 반납 구역에 반납해 주세요. 반납 사진을 남겨 주세요.
    """,
    "docs/answers/complaint/manager.md": """
        ---
        id: complaint-manager
        title: 상담 이관 요청
        ---
        요청하신 내용을 팀장에게 전달했고, 팀장이 직접 연락드릴 예정입니다.
    """,
    "docs/answers/payment/corporate.md": """
        ---
        id: payment-corporate
        title: 회사 결제 안내
        ---
        법인카드는 업무용 프로필에서 등록하면 결제할 수 있어요.
    """,
}


@pytest.fixture
def cs_kb(tmp_path):
    return write_kb(tmp_path / "cs", CS_KB)


@pytest.mark.parametrize("query", ["1일권 반납 어떻게 해요", "1일권", "하루 이용권"])
def test_a_number_with_its_counter_finds_the_answer_written_otherwise(cs_kb, query):
    assert ids(search(cs_kb, query))[0] == "pass-day"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("윗사람 바꿔주세요", "complaint-manager"),
        ("높은 사람이랑 얘기할래요", "complaint-manager"),
        ("법카로 결제돼요?", "payment-corporate"),
    ],
)
def test_everyday_words_find_the_kb_word(cs_kb, query, expected):
    assert ids(search(cs_kb, query))[0] == expected


# The stamp (kb/search/index.py, stamped_fresh) lets a search skip the manifest
# when nothing changed. It must never hide a change, even one that keeps the
# file's size and mtime. A file changed within RACY_NS of the index is checked
# by its hash instead, so each test waits that long before the index is built.


def _stamped(kb):
    import time

    from kb.cache import RACY_NS
    from kb.search.index import stamped_fresh
    from kb.search.vocab import vocabulary_digest

    time.sleep(RACY_NS / 1e9 + 0.2)
    update(kb)
    config = read_config(kb)
    current = Location.of(config).current()
    assert stamped_fresh(config, vocabulary_digest(config.root), current)
    return config


def test_an_edit_that_keeps_size_and_mtime_is_found_past_the_stamp(kb):
    _stamped(kb)
    answer = kb.parent / "docs" / "answers" / "account" / "password.md"
    before = answer.stat()
    text = answer.read_text(encoding="utf-8")
    answer.write_text(text.replace("본인 인증", "낙타 인증"), encoding="utf-8")
    os.utime(answer, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert answer.stat().st_size == before.st_size
    assert ids(search(kb, "낙타"))[:1] == ["password-reset"]


def test_a_renamed_added_or_deleted_file_is_seen_past_the_stamp(kb):
    _stamped(kb)
    answers = kb.parent / "docs" / "answers"
    (answers / "account" / "password.md").rename(answers / "account" / "pw.md")
    hits = search(kb, "비밀번호 재설정", kind="answer")
    assert [h.path for h in hits][:1] == ["docs/answers/account/pw.md"]
    _stamped(kb)
    (answers / "account" / "camel.md").write_text(
        "---\nid: camel-ride\ntitle: 낙타 타기 안내\ntags: [계정]\n---\n낙타는 예약제입니다.\n",
        encoding="utf-8",
    )
    assert ids(search(kb, "낙타"))[:1] == ["camel-ride"]
    _stamped(kb)
    (answers / "account" / "camel.md").unlink()
    assert "camel-ride" not in ids(search(kb, "낙타", limit=50))


def test_a_changed_synonyms_file_is_seen_past_the_stamp(kb):
    _stamped(kb)
    (kb.parent / "synonyms.yaml").write_text("synonyms:\n  - 낙타 => 비밀번호\n", encoding="utf-8")
    assert ids(search(kb, "낙타"))[:1] == ["password-reset"]


@pytest.mark.parametrize("damage", [b"", b"\xff\xfe{not json", b'{"files": 3}', b"[]"])
def test_a_damaged_stamp_is_healed_and_the_search_still_right(kb, kb_cli, damage):
    from kb.search.index import STAMP, stamped_fresh
    from kb.search.vocab import vocabulary_digest

    config = _stamped(kb)
    current = Location.of(config).current()
    (current / STAMP).write_bytes(damage)
    result = kb_cli("search", "비밀번호 재설정", "-f", str(kb), "--kind", "answer",
                    "--format", "json")
    assert result.exit_code == 0 and "Traceback" not in result.output
    assert json.loads(result.output)["results"][0]["id"] == "password-reset"
    assert stamped_fresh(config, vocabulary_digest(config.root), Location.of(config).current())



def test_a_chat_sentence_ending_in_m_still_reads_its_verb(kb):
    # -ㅁ closes many chat sentences (배송 들어감, 돈 나감, 안 열림): the verb is
    # still read, so the answer counts as a good match
    from kb.search.querytext import Vocabulary, parse

    assert parse("돈 나감 넘어짐", Vocabulary(["돈", "나가", "넘어지"])).words == [
        "돈", "나가", "넘어지"]
    hits = search(kb, "배송 들어감")
    assert ids(hits)[:1] == ["delivery-started"] and hits[0].good


CASH = {
    "docs/answers/cash/charge.md": """
        ---
        id: cash-charge
        title: 캐시 충전 방법
        tags: [결제]
        ---
        캐시는 앱의 지갑 메뉴에서 1만원, 3만원, 5만원 단위로 충전할 수 있어요.
    """,
    "docs/answers/cash/not-credited.md": """
        ---
        id: cash-not-credited
        title: 캐시를 충전했는데 잔액이 그대로일 때
        tags: [결제]
        ---
        결제는 됐는데 잔액이 바뀌지 않았다면 결제 내역 화면을 보내 주세요.
        확인 후 바로 넣어 드립니다.
    """,
}


@pytest.mark.parametrize(("query", "expected"), [
    ("캐시 3만원 충전했는데 잔액이 그대로에요", "cash-not-credited"),  # what happened decides
    ("3만원 충전", "cash-charge"),  # the amount is most of what was asked
])
def test_a_number_with_its_counter_counts_once(tmp_path, query, expected):
    from kb.search.querytext import Vocabulary, parse

    # 3만원 is read as 30000, 원 and 30000원: one thing the customer said, not three
    assert parse("3만원 1일권", Vocabulary([])).groups == [
        ["30000원", "30000", "원"], ["1일권", "1", "일", "1일"]]
    # so does an unknown word kept beside the term it likely meant
    assert parse("잠금해제", Vocabulary(["잠그", "해제"])).groups == [["잠그", "잠금"]]
    kb = write_kb(tmp_path / "kb", {**SEARCH_KB, **CASH})
    assert ids(search(kb, query, kind="answer"))[:1] == [expected]


RIDES = {
    "synonyms.yaml": """
        synonyms:
          - 킥보드, 전동킥보드 => 기기
    """,
    "docs/answers/app-update.md": """
        ---
        id: app-update
        title: 앱 업데이트 방법
        tags: [앱]
        ---
        스토어에서 앱을 최신 버전으로 업데이트해 주세요.
    """,
    "docs/answers/card-update.md": """
        ---
        id: card-update
        title: 카드 정보 업데이트
        tags: [결제]
        ---
        결제 메뉴에서 카드 정보를 업데이트해 주세요.
    """,
    "docs/answers/device-gone.md": """
        ---
        id: device-gone
        title: 세워 둔 기기가 없어졌을 때
        tags: [기기]
        ---
        기기가 없어졌다면 마지막으로 세운 곳을 알려 주세요. 찾아 드릴게요.
    """,
    "docs/answers/rates.md": """
        ---
        id: rates
        title: 기본요금 안내
        tags: [요금]
        ---
        잠금해제 1,200원에 분당 180원이 더해져요.
    """,
    "docs/answers/pause.md": """
        ---
        id: pause
        title: 잠깐 세워 두기 요금
        tags: [요금]
        ---
        편의점에 잠깐 들를 때는 잠깐 세워 두기를 쓰세요. 그동안에도 요금이 나가요.
    """,
}


def test_what_happened_outweighs_where_it_happened(tmp_path):
    # `없어졌어요` is the customer's point: 없+어+지 is one verb (analysis), so
    # the answer about a device that is gone beats the one about the shop visit
    kb = write_kb(tmp_path / "kb", RIDES)
    assert ids(search(kb, "편의점 잠깐 갔다왔더니 킥보드가 없어졌어요"))[:1] == ["device-gone"]


def test_a_chat_word_mecab_clips_finds_its_synonym(tmp_path):
    # 어플 (the base vocabulary's synonym of 앱) is 플 to mecab alone: kept whole
    kb = write_kb(tmp_path / "kb", RIDES)
    hits = search(kb, "어플 업데이트 어케 해요")
    assert ids(hits)[:1] == ["app-update"] and hits[0].good


def test_a_stop_word_inside_a_word_is_not_an_unknown_word_and_s_for_ss_is_read():
    from kb.search.querytext import Vocabulary, parse

    vocab = Vocabulary(["자빠지", "주차", "곳"])
    # 가능 (a stop word) + 한곳: nothing unknown, so nothing counts against the match
    assert parse("주차 가능한곳", vocab).words == ["주차"]
    # ㅅ typed for ㅆ: 자빠졋어요 is 자빠졌어요
    assert parse("자빠졋어요", vocab).words == ["자빠지"]


def test_a_contracted_reu_verb_is_its_stem(tmp_path):
    from kb.search.querytext import Vocabulary, parse

    vocab = Vocabulary(["버튼", "누르", "고르", "달"])
    # 눌러, 눌렀 are 누르 (what mecab gives the answer's `누르면`); 골라 is 고르
    assert parse("버튼 눌렀는데 반응 없어요", vocab).words == ["버튼", "누르", "반응"]
    assert parse("버튼눌러도", vocab).words == ["버튼", "누르"]
    assert parse("골라서", vocab).words == ["고르"]
    # 달라 in chat is mostly 달다 (`환불해 달라고`), not 다르다
    assert "다르" not in parse("환불해 달라고", vocab).words
    kb = write_kb(tmp_path / "kb", {
        **answer("photo-button", "반납 사진 버튼이 반응하지 않을 때",
                 "사진 버튼을 누르면 다시 시도해 주세요. 앱을 다시 켜 주세요."),
        **answer("photo-how", "반납 사진 찍는 법",
                 "반납할 때 기기 전체가 보이게 사진을 찍어 주세요."),
    })
    assert ids(search(kb, "사진 버튼 눌렀는데 그대로임"))[:1] == ["photo-button"]


def test_a_price_per_minute_answers_how_much_a_minute(tmp_path):
    kb = write_kb(tmp_path / "kb", RIDES)
    assert ids(search(kb, "킥보드 1분에 얼마"))[:1] == ["rates"]


def answer(ident: str, title: str, body: str, questions: list[str] = ()) -> dict[str, str]:
    """One answer file for write_kb."""
    asked = "".join(f"\n  - {q}" for q in questions)
    front = f"id: {ident}\ntitle: {title}\ntags: [결제]" + (f"\nquestions:{asked}" if asked else "")
    return {f"docs/answers/{ident}.md": f"---\n{front}\n---\n{body}\n"}


def test_a_synonym_phrase_keeps_the_word_mecab_reads_away(tmp_path):
    # the base vocabulary's `중복 결제, 이중 결제`: mecab reads 이중 before 결제
    # as 이 + 중, so the phrase was `결제` alone and every payment answer got the
    # group's words; 이중 is now kept whole, wherever it is written
    kb = write_kb(tmp_path / "kb", {
        **answer("card-change", "결제 카드 바꾸기", "앱의 결제 메뉴에서 카드를 바꿀 수 있어요."),
        **answer("double-charge", "이중 결제됐을 때",
                 "같은 금액이 이중 결제됐다면 한 건은 취소해 드려요."),
    })
    assert ids(search(kb, "중복")) == ["double-charge"]


def test_a_count_in_native_numbers_is_the_count_in_digits():
    from kb.search.analysis import words
    from kb.search.querytext import Vocabulary, parse

    # 두 번 결제 (mecab: 번 + 결제) and 2번 결제 say the same; no bare 2, which
    # 다시 한 번 in every other answer would make noise of
    assert words("두 번 결제됐어요") == ["2번", "번", "결제"]
    assert parse("한번 탔는데 두번 결제", Vocabulary(["결제", "타"])).words == [
        "1번", "번", "2번", "타", "결제"]
    assert "2번" in words("2번 결제")


def test_a_swear_word_in_initials_finds_the_answer_about_abuse(tmp_path):
    # the base vocabulary puts ㅅㅂ beside 욕설: the agent is shown how to answer abuse
    kb = write_kb(tmp_path / "kb", {**RIDES, "docs/answers/abuse.md": """
        ---
        id: abuse-warning
        title: 욕설하는 고객에게 1차 경고
        tags: [불만]
        ---
        욕설이 이어지면 상담이 어렵다고 정중히 알려 주세요.
    """})
    assert ids(search(kb, "아 ㅅㅂ 일 똑바로 해요"))[:1] == ["abuse-warning"]


def test_an_answer_that_denies_a_charge_does_not_answer_a_charge(tmp_path):
    # `청구되지 않으니` is no charge: the synonyms of 청구 (빠져나가다, 돈 나가다)
    # are not the denying answer's, so the answer about the charge comes first
    kb = write_kb(tmp_path / "kb", {
        **answer("unlock-failed", "잠금해제가 안 될 때",
                 "잠금해제에 실패하면 요금이 청구되지 않으니 안심하세요. 다른 기기를 찾아 주세요."),
        **answer("unlock-failed-charged", "잠금해제 실패했는데 결제됐을 때",
                 "잠금해제가 실패한 이용의 결제는 전액 취소해 드려요.",
                 questions=["잠금해제 안 됐는데 결제 문자가 왔어요"]),
    })
    assert ids(search(kb, "잠금해제 안됐는데 빠져나감"))[:1] == ["unlock-failed-charged"]


def test_a_word_said_once_plainly_is_not_denied():
    from kb.search.analysis import negated

    assert negated("요금이 청구되지 않아요. 요금은 안 나가요.") == {"청구", "나가"}
    assert negated("요금이 청구되지 않아요. 다음 달에 청구됩니다.") == set()


def test_chat_intensifiers_are_not_what_the_customer_asked_about(tmp_path):
    # `완전 개비싸요` is about the price: 완전 and the 개 of 개비싸다 are emphasis,
    # not the 개 of `쿠폰 여러 개`
    kb = write_kb(tmp_path / "kb", {
        **answer("coupon-many", "쿠폰 여러 장 쓰기",
                 "쿠폰 여러 개를 완전 한 번에 쓸 수는 없어요."),
        **answer("fare-expensive", "요금이 부담될 때",
                 "요금이 비싸다고 느끼시면 정기권을 살펴 주세요."),
    })
    assert ids(search(kb, "완전 개비싸요"))[:1] == ["fare-expensive"]


def test_a_customer_saying_no_is_not_asking_about_a_wife(tmp_path):
    # `거 아니죠` is a tag question: 아니, never indexed, was read as an unknown
    # word and guessed to be 아내
    kb = write_kb(tmp_path / "kb", {
        **answer("family", "가족이 대신 물어볼 때",
                 "아내나 남편이 대신 물어보시면 본인 확인이 필요해요."),
        **answer("damage", "파손 비용 청구", "이미 부서져 있던 기기는 비용을 청구하지 않아요."),
    })
    assert ids(search(kb, "저한테 파손 비용 청구하는 거 아니죠"))[:1] == ["damage"]
    assert search(kb, "거 아니죠") == []


def test_the_base_vocabulary_reads_how_customers_say_cancel(tmp_path):
    # customers switch a subscription off (끄다, 끊다); the help centre cancels it (해지)
    kb = write_kb(tmp_path / "kb", {
        **answer("auto-renew", "자동 결제", "정기권은 매달 자동 결제로 갱신돼요. "
                 "자동 결제일은 처음 결제한 날과 같아요."),
        **answer("auto-renew-cancel", "자동 결제 해지",
                 "마이페이지에서 자동 결제를 해지할 수 있어요."),
    })
    assert ids(search(kb, "자동결제 끄는 법"))[:1] == ["auto-renew-cancel"]
    # mecab reads 끄다 alone as 끌다: the entry says 꺼 주다, as the query reading has it
    assert ids(search(kb, "자동결제 끄고 싶어요"))[:1] == ["auto-renew-cancel"]
    assert ids(search(kb, "정기결제 끊고 싶어요"))[:1] == ["auto-renew-cancel"]
