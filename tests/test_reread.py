"""Re-reading after a change: kb bump, kb review and kb show on answers and manual pages.

Each test works in a real git repository in tmp_path (the delivery KB of
workflow_repo), with a manual page that states the clause's old value.
"""

from __future__ import annotations

import json

import pytest
from workflow_repo import make_repo

AS_OF = "2026-11-20"
SAME_DAY = "content/replies/delivery/same-day.md"
GUIDE = "content/guide/delivery.md"
GUIDE_TEXT = """\
# 배송 문의 매뉴얼

마감 시각은 [[DLV-1]] 을 확인합니다.

- 당일 출고 마감은 오후 2시입니다 ([[DLV-1]]).
- 도서 산간 지역은 하루 더 걸립니다.

오후 2시 이후 주문은 다음 날 출고합니다. 이 문단은 조항을 참조하지 않습니다.
"""


@pytest.fixture
def repo(tmp_path):
    repo = make_repo(tmp_path / "kb")
    repo.write(GUIDE, GUIDE_TEXT)
    repo.commit("매뉴얼", "2026-09-02")
    return repo


def run(kb_cli, repo, *args):
    return kb_cli(*args, "-f", str(repo.config))


def bump(kb_cli, repo):
    repo.replace("rules/logistics/delivery.yaml", "오후 2시까지", "오후 3시까지")
    done = run(
        kb_cli, repo, "bump", "DLV-1", "--effective", "2026-11-15", "--note", "마감 2시 → 3시"
    )
    assert done.exit_code == 0, done.output
    return done


def findings(kb_cli, repo, code):
    result = run(kb_cli, repo, "check", "--as-of", AS_OF, "--format", "json")
    return [
        (f["path"], f["line"]) for f in json.loads(result.output)["findings"] if f["code"] == code
    ]


def test_bump_lists_the_manual_pages_with_the_lines_of_their_references(repo, kb_cli):
    done = bump(kb_cli, repo)
    assert "same-day-cutoff" in done.output  # the answers, as before
    assert f"guide/delivery.md  배송 문의 매뉴얼  ({GUIDE}:3, {GUIDE}:5)" in done.output


def test_the_manual_line_with_the_old_value_is_found_only_in_its_block(repo, kb_cli):
    bump(kb_cli, repo)
    assert findings(kb_cli, repo, "outdated-phrase") == [(GUIDE, 5)]


def test_review_of_an_answer_shows_the_diff_and_refuses_while_old_values_remain(repo, kb_cli):
    bump(kb_cli, repo)
    before = repo.read(SAME_DAY)
    refused = run(kb_cli, repo, "review", "same-day-cutoff", "--as-of", AS_OF)
    assert refused.exit_code == 1
    assert "DLV-1 당일 배송 마감 시각: 버전 1 → 2 (2026-11-15부터 시행) — 마감 2시 → 3시" in (
        refused.output
    )
    assert "오후 [-2시까지-]{+3시까지+} 결제한 주문은 당일 출고합니다." in refused.output
    assert f"{SAME_DAY}:9: '오후 2시' — DLV-1 버전 1의 값" in refused.output
    assert "다시 고정하지 않았습니다" in refused.output and "--force" in refused.output
    assert repo.read(SAME_DAY) == before
    assert "Traceback" not in refused.output

    repo.replace(SAME_DAY, "오후 2시까지", "오후 3시까지")
    done = run(kb_cli, repo, "review", "same-day-cutoff", "--as-of", AS_OF)
    assert done.exit_code == 0, done.output
    assert "DLV-1@1 -> DLV-1@2" in done.output
    assert "cites: [DLV-1@2]" in repo.read(SAME_DAY)
    assert findings(kb_cli, repo, "outdated-phrase") == [(GUIDE, 5)]  # the manual is left


def test_force_re_pins_and_the_check_keeps_warning(repo, kb_cli):
    bump(kb_cli, repo)
    forced = run(kb_cli, repo, "review", "same-day-cutoff", "--as-of", AS_OF, "--force")
    assert forced.exit_code == 0, forced.output
    assert "cites: [DLV-1@2]" in repo.read(SAME_DAY)
    assert (SAME_DAY, 9) in findings(kb_cli, repo, "outdated-phrase")


def test_review_of_a_manual_page_lists_its_old_lines_and_never_writes(repo, kb_cli):
    bump(kb_cli, repo)
    before = repo.read(GUIDE)
    for ident in ("guide/delivery.md", GUIDE, "delivery.md"):
        result = run(kb_cli, repo, "review", ident, "--as-of", AS_OF)
        assert result.exit_code == 1, (ident, result.output)
        assert "오후 [-2시까지-]{+3시까지+}" in result.output
        assert f"{GUIDE}:5: '오후 2시'" in result.output
        assert f"{GUIDE}:9" not in result.output  # that paragraph references nothing
        assert "<!-- kb: 이전 값 -->" in result.output  # how to keep an intended value
    assert run(kb_cli, repo, "review", GUIDE, "--as-of", AS_OF, "--force").exit_code == 0
    assert repo.read(GUIDE) == before

    repo.replace(GUIDE, "마감은 오후 2시입니다", "마감은 오후 3시입니다")
    fixed = run(kb_cli, repo, "review", GUIDE, "--as-of", AS_OF)
    assert fixed.exit_code == 0, fixed.output
    assert findings(kb_cli, repo, "outdated-phrase") == []


def test_a_marked_manual_line_is_intended(repo, kb_cli):
    bump(kb_cli, repo)
    repo.replace(GUIDE, "([[DLV-1]]).", "([[DLV-1]]). <!-- kb: 이전 값 -->")
    assert findings(kb_cli, repo, "outdated-phrase") == []
    assert run(kb_cli, repo, "review", GUIDE, "--as-of", AS_OF).exit_code == 0


def test_review_of_an_unknown_id_names_both_kinds(repo, kb_cli):
    result = run(kb_cli, repo, "review", "no-such-page.md", "--as-of", AS_OF)
    assert result.exit_code == 2
    assert "id가 'no-such-page.md'인 답변이 없습니다" in result.output


def test_show_answer_gives_the_diff_since_its_pin_and_the_old_lines(repo, kb_cli):
    bump(kb_cli, repo)
    shown = run(kb_cli, repo, "show", "same-day-cutoff", "--as-of", AS_OF)
    assert "답변이 쓰인 버전(고정한 버전)에서 시행 중인 버전까지 바뀐 내용:" in shown.output
    assert "DLV-1 당일 배송 마감 시각: 버전 1 → 2" in shown.output
    assert "오후 [-2시까지-]{+3시까지+}" in shown.output
    assert f"{SAME_DAY}:9: '오후 2시'" in shown.output
    data = json.loads(run(kb_cli, repo, "show", "same-day-cutoff", "--format", "json").output)
    assert [(c["clause"], c["from"], c["to"]) for c in data["changes"]] == [("DLV-1", 1, 2)]
    assert [(o["line"], o["phrase"], o["version"]) for o in data["outdated"]] == [
        (9, "오후 2시", 1)
    ]


def test_show_answer_has_no_diff_when_its_pin_is_in_force(repo, kb_cli):
    shown = run(kb_cli, repo, "show", "same-day-cutoff", "--as-of", AS_OF)
    assert "바뀐 내용" not in shown.output and "이전 버전의 값" not in shown.output


def test_the_marker_is_not_shown_or_copied_on_the_site(repo, kb_cli, tmp_path):
    bump(kb_cli, repo)
    repo.replace(SAME_DAY, "오후 2시까지", "오후 3시까지(예전에는 오후 2시) <!-- kb: 이전 값 -->")
    run(kb_cli, repo, "review", "same-day-cutoff", "--as-of", AS_OF)
    repo.replace(GUIDE, "([[DLV-1]]).", "([[DLV-1]]). <!-- kb: 이전 값 -->")
    assert findings(kb_cli, repo, "outdated-phrase") == []
    site = tmp_path / "site"
    built = run(kb_cli, repo, "build", "--site-dir", str(site), "--allow-errors")
    assert built.exit_code == 0, built.output
    pages = {p: p.read_text(encoding="utf-8") for p in site.rglob("*.html")}
    answer = [text for text in pages.values() if "예전에는 오후 2시" in text]
    assert answer, "the answer's text is on the site"
    for page, text in pages.items():
        # An HTML comment in a manual page stays a comment; nowhere is it text.
        assert "kb: 이전 값" not in text.replace("<!-- kb: 이전 값 -->", ""), page
    assert all("<!-- kb: 이전 값 -->" not in text for text in answer)  # nor in the copy text


def test_strict_check_is_clean_only_once_answers_and_manuals_say_the_new_value(repo, kb_cli):
    def strict():
        return run(kb_cli, repo, "check", "--as-of", AS_OF, "--strict", "--base", "HEAD")

    bump(kb_cli, repo)
    repo.replace(SAME_DAY, "오후 2시까지", "오후 3시까지")
    assert run(kb_cli, repo, "review", "same-day-cutoff", "--as-of", AS_OF).exit_code == 0
    repo.replace("content/replies/delivery/fee.md", "[[DLV-1@1]]", "[[DLV-1@2]]")
    assert strict().exit_code == 1  # the manual still says 오후 2시
    assert f"{GUIDE}:5: warning: outdated-phrase '오후 2시'" in strict().output
    repo.replace(GUIDE, "마감은 오후 2시입니다", "마감은 15시입니다")  # 15시 is 오후 3시
    assert strict().exit_code == 0, strict().output
