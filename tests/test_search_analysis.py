"""Korean analysis: the terms a query and a document share."""

from __future__ import annotations

import unicodedata

import pytest

from kb.search.analysis import analyze, bigrams, words


@pytest.mark.parametrize("text", ["환불", "환불은", "환불해", "환불받을", "환불해주세요"])
def test_particles_and_endings_leave_the_noun(text):
    assert "환불" in words(text)


def test_inflected_verbs_become_their_stems():
    assert "들어오" in words("돈 언제 들어와요")
    assert "바꾸" in words("바꿔주세요")


def test_compounds_are_kept_whole_and_in_parts():
    terms = words("비밀번호를 잊어버렸어요")
    assert {"비밀번호", "비밀", "번호"} <= set(terms)


def test_spacing_does_not_matter():
    assert set(words("배송출발했는데")) >= {"배송", "출발"}
    assert set(words("공동현관비번")) == set(words("공동현관 비번"))


def test_nfd_text_gives_the_same_terms_as_nfc():
    text = "환불은 언제 들어와요"
    assert words(unicodedata.normalize("NFD", text)) == words(text)


def test_clause_ids_are_whole_terms_and_english_is_lower_case():
    terms = words("REFUND-3 조항과 Password 변경")
    assert "refund-3" in terms
    assert "password" in terms
    assert "3" in terms


def test_term_offsets_point_into_the_text():
    text = "고객님의 환불은 처리됐어요"
    for term in analyze(text):
        if term.text == "환불":
            assert text[term.start : term.end] == "환불"
            break
    else:
        pytest.fail("no 환불 term")


def test_particles_are_not_terms():
    assert not {"은", "는", "을", "를", "에서", "요"} & set(words("환불은 카드에서 처리해요"))


def test_bigrams_let_a_typo_share_most_of_a_word():
    assert set(bigrams("영수증발급")) & set(bigrams("영슈증발급")) == {"발급", "증발"}


def test_lean_whoosh_import_leaves_the_real_urllib_request():
    import subprocess
    import sys

    code = (
        "from kb.search.lean_imports import import_whoosh; import_whoosh();"
        "import kb.search.analysis, urllib.request, whoosh.compat, whoosh.reading;"
        "assert hasattr(urllib.request, 'urlopen');"
        "print(whoosh.reading.cached_property.__module__)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "functools"


def test_a_number_and_its_counter_are_one_term_however_written():
    assert {"1일", "1일권", "권"} <= set(words("1일권 샀어요"))
    assert "1일" in words("1일 이용권")  # what an answer writes
    assert {"30분", "30분권"} <= set(words("30분권"))  # mecab reads `30`+`분권`
    assert "20000원" in set(words("2만원")) & set(words("2만 원")) & set(words("20,000원"))
    old_ride = words("3주전에 탄 거")
    assert {"3주", "전"} <= set(old_ride) and "주전" not in old_ride  # not 주전 (a starter)
    assert "1" in words("1팀")  # not a counter: left as it was


@pytest.mark.parametrize("text", ["이용권", "이용권을 샀어요", "1일 이용권", "한 달 이용권"])
def test_a_ticket_noun_gives_the_same_terms_with_or_without_a_particle(text):
    # mecab reads 이용권 alone as one noun, but 이용권을 as 이용 + the suffix 권
    assert {"이용권", "이용"} <= set(words(text))


def test_library_import_keeps_the_real_cached_property_for_other_plugins():
    """Inside `mkdocs build` another plugin must get the real package, not a stand-in."""
    import subprocess
    import sys

    code = (
        "import kb.site.plugin, kb.search.analysis, kb.search.index, cached_property;"
        "print(getattr(cached_property, '__file__', None) is not None)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True"


def test_a_verb_with_its_auxiliary_is_one_verb():
    # 없어지다 is 없 + 어 + 지 to mecab, and 없 is a stop word: what happened
    # ("it is gone") was lost; the whole stem is a term, however it is inflected
    assert "없어지" in words("킥보드가 없어졌어요")
    assert "없어지" in words("없어지다")
    assert "잃어버리" in words("잃어버리다")
    assert "먹" in words("먹어 버렸다") and "먹어버리" not in words("먹어 버렸다")


def test_a_word_mecab_clips_is_kept_whole_where_the_synonyms_name_it():
    from kb.search.analysis import whole_words

    whole = whole_words(["앱", "어플", "킥보드", "기기", "부모", "부모님", "개인정보", "정보 삭제"])
    # mecab drops their start (어플 -> 플, 킥보드 -> 보드); 부모님 and 개인정보
    # keep theirs (부모, 개인), which a query finds them by
    assert whole == {"어플", "킥보드"}
    assert words("어플") == ["플"] and "어플" in words("어플이 안 열려요", whole)
    # mecab reads 킥보드 differently by what follows it; the whole word is the same
    for text in ("킥보드는 어디에", "킥보드가 없어요", "전동킥보드"):
        assert "킥보드" in words(text, whole), text
    # a two-syllable word only where a word begins
    assert "어플" not in words("토어플", whole)


def test_a_price_per_minute_shares_the_minute_with_the_question():
    # mecab reads 분당 as the city: `1분에 얼마` and `분당 180원` shared nothing
    assert "분" in words("전동킥보드: 분당 180원") and "분" in words("1분에 얼마")
    assert "분당" in words("분당 180원")  # still a term of its own


@pytest.mark.parametrize(("text", "value"), [
    ("만원", "10000원"), ("천 원", "1000원"), ("오천원", "5000원"), ("만오천원", "15000원"),
    ("이만원", "20000원"), ("1만2천원", "12000원"), ("3만5천 원", "35000원"), ("2만 원", "20000원"),
])
def test_an_amount_written_in_units_is_the_amount_in_digits(text, value):
    # chat writes 만오천원 and 1만2천원; mecab reads 만 + 오 + 천, and the
    # digit reading saw only the last unit (2천원)
    from kb.search.querytext import Vocabulary, parse

    assert value in words(text) and value in words(value.replace("원", "") + "원")
    assert value in parse(text, Vocabulary([])).words
    assert "10000원" not in words("불만원")  # inside a word it is no amount


def test_a_word_of_initial_consonants_is_one_term():
    # chat abbreviates with initials (ㅅㅂ); mecab reads each consonant apart
    assert words("아 ㅅㅂ 진짜") == ["ㅅㅂ"]
    assert "ㅅ" not in words("ㅅㅂ 환불")


def test_a_query_keeps_initials_the_kb_knows_and_drops_laughter():
    from kb.search.querytext import Vocabulary, parse

    vocab = Vocabulary(["ㅅㅂ", "환불"])
    assert parse("ㅋㅋㅋ ㅅㅂ 환불", vocab).words == ["ㅅㅂ", "환불"]


def test_one_to_one_and_times_are_one_term():
    # the 1 of `1:1문의` matched every title with a 1 in it
    from kb.search.querytext import Vocabulary, parse

    assert words("10:30에 반납") == ["10:30", "반납"]
    assert parse("1:1문의 3일째", Vocabulary([])).words == ["1:1", "3", "일", "3일"]
