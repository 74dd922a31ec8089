"""The policy owner's walkthrough, end to end in a real git repository.

Change a clause, see what it touches, bump it, review the answers, and get a
clean check, the way the README tells a new owner to.
"""

from __future__ import annotations

import json

import pytest
from workflow_repo import make_repo

DELIVERY = "rules/logistics/delivery.yaml"
SAME_DAY = "content/replies/delivery/same-day.md"
FEE = "content/replies/delivery/fee.md"


@pytest.fixture
def repo(tmp_path):
    return make_repo(tmp_path / "kb")


def run(kb_cli, repo, *args):
    return kb_cli(*args, "-f", str(repo.config))


def test_the_owner_walkthrough_ends_with_a_clean_check(repo, kb_cli):
    # 1. The owner changes the meaning of DLV-1 by hand.
    repo.replace(DELIVERY, "오후 2시까지", "오후 3시까지")
    warned = run(
        kb_cli, repo, "check", "--base", "HEAD", "--as-of", "2026-11-20", "--format", "json"
    )
    assert warned.exit_code == 0  # a warning, not an error
    finding = json.loads(warned.output)["findings"][0]
    assert finding["code"] == "text-changed-without-bump"
    assert finding["severity"] == "warning"
    assert finding["clause"] == "DLV-1" and finding["subject"] == "DLV-1"
    assert finding["path"] == DELIVERY
    assert repo.read(DELIVERY).splitlines()[finding["line"] - 1].strip() == "text: |"

    # 2. What will the change touch?
    impact = run(kb_cli, repo, "impact", "DLV-1", "--format", "json")
    assert json.loads(impact.output) == {
        "clause": "DLV-1",
        "answers": ["shipping-fee", "same-day-cutoff"],  # in path order
        "manuals": ["guide/delivery.md"],
    }

    # 3. Bump: the old text (from git) goes into history, the version rises.
    bumped = run(
        kb_cli, repo, "bump", "DLV-1", "--effective", "2026-11-15", "--note", "마감 2시 → 3시"
    )
    assert bumped.exit_code == 0, bumped.output
    assert "DLV-1: 버전 1 → 2" in bumped.output
    assert "same-day-cutoff" in bumped.output and "shipping-fee" in bumped.output
    text = repo.read(DELIVERY)
    assert "      version: 2\n      effective: 2026-11-15\n" in text
    # The file's own layout (sequences indented by four) is followed, and the
    # blank line that separated DLV-1 from DLV-2 still does.
    assert (
        "        도서 산간 지역은 제외합니다.\n"
        "      history:\n"
        "          - version: 1\n"
        "            effective: 2026-01-01\n"
        "            text: |\n"
        "              오후 2시까지 결제한 주문은 당일 출고합니다.\n"
        "              도서 산간 지역은 제외합니다.\n"
        "            note: 마감 2시 → 3시\n"
        "\n"
        "    - id: DLV-2\n"
    ) in text
    changed = repo.git("diff", "--numstat").split()
    assert changed[:2] == ["10", "3"]  # version, effective, a text line; 7 lines of history
    assert "# 당일 배송 마감" in text and text.startswith("# 배송 정책: 물류팀이 관리합니다.\n")
    assert 'title: "배송 정책"' in text and "title: '배송비'" in text  # quoting kept

    # 4. The answers pinned to version 1 are now stale: the check says so.
    stale = run(kb_cli, repo, "check", "--as-of", "2026-11-20", "--format", "json")
    assert stale.exit_code == 1
    codes = {(f["subject"], f["code"]) for f in json.loads(stale.output)["findings"]}
    assert codes == {("same-day-cutoff", "stale-citation"), ("shipping-fee", "stale-citation")}

    # 5. A re-pin is a re-read: while the body still says 오후 2시, review shows
    # the clause's diff and the line, and writes nothing.
    before = repo.read(SAME_DAY)
    refused = run(kb_cli, repo, "review", "same-day-cutoff", "--as-of", "2026-11-20")
    assert refused.exit_code == 1
    assert "오후 [-2시까지-]{+3시까지+}" in refused.output
    assert f"{SAME_DAY}:9: '오후 2시'" in refused.output and "--force" in refused.output
    assert repo.read(SAME_DAY) == before

    # After fixing the wording, the owner re-pins it.
    repo.replace(SAME_DAY, "오후 2시까지", "오후 3시까지")
    body_before = repo.read(SAME_DAY).split("---\n", 2)[2]
    reviewed = run(
        kb_cli,
        repo,
        "review",
        "same-day-cutoff",
        "--as-of",
        "2026-11-20",
        "--review-by",
        "2027-05-01",
    )
    assert reviewed.exit_code == 0, reviewed.output
    assert "DLV-1@1 -> DLV-1@2" in reviewed.output
    assert repo.read(SAME_DAY).split("---\n", 2)[2] == body_before
    assert "cites: [DLV-1@2]\n" in repo.read(SAME_DAY)
    assert "review_by: 2027-05-01\n" in repo.read(SAME_DAY)

    # The inline pin in shipping-fee's body is the writer's to fix: review says where.
    left = run(kb_cli, repo, "review", "shipping-fee", "--as-of", "2026-11-20")
    assert left.exit_code == 1
    assert f"{FEE}:7: stale-citation" in left.output
    repo.replace(FEE, "[[DLV-1@1]]", "[[DLV-1@2]]")

    # 6. A clean check, also against the last commit.
    clean = run(kb_cli, repo, "check", "--base", "HEAD", "--as-of", "2026-11-20", "--strict")
    assert clean.exit_code == 0, clean.output
    assert clean.output.startswith("오류 0개, 경고 0개")


def test_an_editorial_change_is_not_reported_until_the_text_changes_again(repo, kb_cli):
    repo.replace(DELIVERY, "도서 산간 지역은 제외합니다.", "도서·산간 지역은 제외합니다.")
    repo.replace(
        DELIVERY,
        "      title: 당일 배송 마감 시각\n",
        "      title: 당일 배송 마감 시각\n      editorial: 가운뎃점 추가\n",
    )
    quiet = run(kb_cli, repo, "check", "--base", "HEAD", "--as-of", "2026-11-20", "--strict")
    assert quiet.exit_code == 0, quiet.output

    repo.commit("문구 수정", "2026-11-02")
    repo.replace(DELIVERY, "오후 2시까지", "오후 4시까지")  # same editorial note: not editorial
    loud = run(kb_cli, repo, "check", "--base", "HEAD", "--as-of", "2026-11-20", "--strict")
    assert loud.exit_code == 1
    assert f"{DELIVERY}:13: warning: text-changed-without-bump" in loud.output


def test_rewrapping_a_clause_is_not_a_text_change(repo, kb_cli):
    repo.replace(DELIVERY, "당일 출고합니다.\n        도서", "당일 출고합니다. 도서")
    result = run(kb_cli, repo, "check", "--base", "HEAD", "--as-of", "2026-11-20", "--strict")
    assert result.exit_code == 0, result.output


def test_base_names_an_unknown_revision_clearly(repo, kb_cli):
    result = run(kb_cli, repo, "check", "--base", "origin/main")
    assert result.exit_code == 2
    assert "unknown git revision 'origin/main'" in result.output
    assert "Traceback" not in result.output


def test_base_outside_a_git_repository_says_so(make_kb, kb_cli):
    from workflow_repo import CONFIG, FILES

    config = make_kb(FILES, CONFIG)
    result = kb_cli("check", "--base", "HEAD", "-f", str(config))
    assert result.exit_code == 2
    assert "not a git repository" in result.output


def test_a_kb_in_a_subfolder_of_its_repository(tmp_path, kb_cli):
    from conftest import write_kb
    from workflow_repo import CONFIG, FILES, Repo

    write_kb(tmp_path / "repo" / "cs-kb", FILES, CONFIG)
    repo = Repo(tmp_path / "repo")
    repo.git("init", "-q", "-b", "main")
    repo.commit("init", "2026-09-01")
    repo.replace("cs-kb/" + DELIVERY, "오후 2시까지", "오후 3시까지")
    config = str(tmp_path / "repo" / "cs-kb" / "mkdocs.yml")
    result = kb_cli("check", "--base", "HEAD", "-f", config, "--as-of", "2026-11-20")
    assert f"{DELIVERY}:12: warning: text-changed-without-bump" in result.output
    bumped = kb_cli("bump", "DLV-1", "--effective", "2026-11-15", "-f", config)
    assert bumped.exit_code == 0, bumped.output
    assert "오후 2시까지" in repo.read("cs-kb/" + DELIVERY)  # in history, from git
