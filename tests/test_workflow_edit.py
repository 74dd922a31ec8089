"""kb new, bump and review: files edited in place, kept intact, never half written."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import REPO
from workflow_repo import make_repo

DELIVERY = "rules/logistics/delivery.yaml"
RETURNS = "rules/returns.yaml"
SAME_DAY = "content/replies/delivery/same-day.md"


@pytest.fixture
def repo(tmp_path):
    return make_repo(tmp_path / "kb")


def run(kb_cli, repo, *args):
    return kb_cli(*args, "-f", str(repo.config))


def test_new_policy_clause_and_answer_make_a_clean_kb(repo, kb_cli):
    made = run(
        kb_cli,
        repo,
        "new",
        "policy",
        "GIFT",
        "--title",
        "선물하기 정책",
        "--owner",
        "커머스팀",
        "--clause-title",
        "선물 수락 기한",
        "--text",
        "선물은 받은 날부터 7일 안에 수락합니다.",
        "--effective",
        "2026-10-01",
    )
    assert made.exit_code == 0, made.output
    assert "고쳐 썼습니다" in made.output and "gift.yaml" in made.output
    clause = run(
        kb_cli,
        repo,
        "new",
        "clause",
        "GIFT",
        "--title",
        "선물 거절",
        "--text",
        "받는 사람이 거절하면 보낸 사람에게 환불합니다.",
        "--effective",
        "2026-10-01",
    )
    assert "새 조항 GIFT-2 (GIFT 정책)" in clause.output
    answer = run(
        kb_cli,
        repo,
        "new",
        "answer",
        "gift-decline",
        "--title",
        "선물을 거절하면 어떻게 되나요",
        "--cite",
        "GIFT-2",
        "--cite",
        "DLV-1",
        "--tag",
        "선물/거절",
        "--owner",
        "상담2팀",
        "--body",
        "안녕하세요, 고객님. 받는 분이 거절하시면 보내신 분께 환불됩니다.",
    )
    assert answer.exit_code == 0, answer.output
    text = (repo.root / "content/replies/gift-decline.md").read_text(encoding="utf-8")
    assert text.startswith("---\nid: gift-decline\n")
    assert "cites: [GIFT-2@1, DLV-1@1]\n" in text
    assert "tags: [선물/거절]\n" in text
    check = run(kb_cli, repo, "check", "--as-of", "2026-11-20", "--format", "json")
    subjects = {f["subject"] for f in json.loads(check.output)["findings"]}
    assert not subjects & {"GIFT", "GIFT-1", "GIFT-2", "gift-decline"}


def test_new_clause_keeps_the_rest_of_the_policy_file(repo, kb_cli):
    before = repo.read(DELIVERY)
    result = run(
        kb_cli,
        repo,
        "new",
        "clause",
        "DLV",
        "--id",
        "DLV-10",
        "--title",
        "주말 배송",
        "--text",
        "토요일에도 출고합니다.",
        "--effective",
        "2026-12-01",
        "--supersedes",
        "DLV-3",
    )
    assert result.exit_code == 0, result.output
    after = repo.read(DELIVERY)
    assert after.startswith(before)  # appended, nothing above touched
    assert after[len(before) :] == (
        "    - id: DLV-10\n"
        "      title: 주말 배송\n"
        "      version: 1\n"
        "      effective: 2026-12-01\n"
        "      supersedes: [DLV-3]\n"
        "      text: |\n"
        "        토요일에도 출고합니다.\n"
    )


def test_new_files_are_readable_like_any_file_and_edits_keep_the_mode(repo, kb_cli):
    # a private (0600) answer would be unreadable to the site build run by another user
    umask = os.umask(0)
    os.umask(umask)
    made = run(kb_cli, repo, "new", "answer", "gift-late", "--title", "선물 늦음",
               "--cite", "DLV-1", "--body", "곧 도착합니다.")
    assert made.exit_code == 0, made.output
    new_file = repo.root / "content/replies/gift-late.md"
    assert new_file.stat().st_mode & 0o777 == 0o666 & ~umask
    policy = repo.root / DELIVERY
    policy.chmod(0o640)
    added = run(kb_cli, repo, "new", "clause", "DLV", "--title", "주말 배송",
                "--text", "토요일에도 출고합니다.", "--effective", "2026-12-01")
    assert added.exit_code == 0, added.output
    assert policy.stat().st_mode & 0o777 == 0o640


def test_the_sample_kb_round_trips_byte_for_byte(tmp_path, kb_cli):
    """Reviewing an answer whose citations are current changes nothing at all."""
    kb = tmp_path / "sample"
    shutil.copytree(REPO / "policies", kb / "policies")
    shutil.copytree(REPO / "docs", kb / "docs")
    shutil.copy(REPO / "mkdocs.yml", kb / "mkdocs.yml")
    files = sorted((kb / "docs" / "answers").rglob("*.md"))[:5]
    if not files:
        pytest.skip("the sample KB has no answers yet")
    before = {p: p.read_bytes() for p in files}
    for path in files:
        answer_id = next(
            line.split(":", 1)[1].strip()
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.startswith("id:")
        )
        kb_cli("review", answer_id, "--review-by", "2099-01-01", "-f", str(kb / "mkdocs.yml"))
    for path, data in before.items():
        old, new = data.decode().splitlines(), path.read_text(encoding="utf-8").splitlines()
        assert "review_by: 2099-01-01" in new
        assert [x for x in new if not x.startswith("review_by:")] == [
            x for x in old if not x.startswith("review_by:")
        ]


def test_bump_with_text_option_and_crlf_answers_kept(repo, kb_cli):
    crlf = repo.read(SAME_DAY).replace("\n", "\r\n")
    repo.path(SAME_DAY).write_bytes(crlf.encode())
    result = run(
        kb_cli,
        repo,
        "bump",
        "RET-1",
        "--effective",
        "2026-11-01",
        "--text",
        "상품 수령 후 14일 이내에 반품을 신청할 수 있습니다.",
        "--note",
        "7일 → 14일",
    )
    assert result.exit_code == 0, result.output
    text = repo.read(RETURNS)
    assert "    version: 2\n    effective: 2026-11-01\n" in text
    assert "      상품 수령 후 14일 이내에" in text
    assert "    history:\n      - version: 1\n        effective: 2026-01-01\n" in text
    repo.git("commit", "-qam", "RET-1 v2")
    review = run(kb_cli, repo, "review", "same-day-cutoff", "--review-by", "2027-01-31")
    assert review.exit_code == 0
    data = repo.path(SAME_DAY).read_bytes()
    assert data == crlf.replace("review_by: 2026-12-01", "review_by: 2027-01-31").encode()


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ["bump", "DLV-9", "--effective", "2026-12-01", "--text", "x"],
            "DLV-3, DLV-2, DLV-1 중 하나를 찾으셨나요?",
        ),
        (["bump", "DLV-1", "--effective", "2026-12-01"], "DLV-1의 새 본문이 없습니다"),
        (["bump", "DLV-1", "--effective", "2025-01-01", "--text", "x"], "버전 1의 시행일"),
        (["bump", "DLV-1", "--text", "x"], "--effective이(가) 빠졌습니다"),
        (["new", "clause", "DLV", "--title", "x", "--text", "y"], "--effective이(가) 빠졌습니다"),
        (["new", "answer", "a-1", "--title", "t", "--cite", "NOPE-1", "--body", "b"], "NOPE-1"),
        (
            ["new", "answer", "same-day-cutoff", "--title", "t", "--cite", "DLV-1", "--body", "b"],
            "이미",
        ),
        (
            [
                "new",
                "policy",
                "dlv x",
                "--title",
                "t",
                "--owner",
                "o",
                "--clause-title",
                "c",
                "--text",
                "t",
                "--effective",
                "2026-01-01",
            ],
            "형식에 맞지 않습니다",
        ),
        (["review", "same-day-cutof"], "same-day-cutoff 중 하나를 찾으셨나요?"),
    ],
)
def test_bad_input_is_a_clear_error_and_writes_nothing(repo, kb_cli, args, message):
    before = {
        p: p.read_bytes() for p in repo.root.rglob("*") if p.is_file() and ".git" not in p.parts
    }
    result = run(kb_cli, repo, *args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output
    after = {
        p: p.read_bytes() for p in repo.root.rglob("*") if p.is_file() and ".git" not in p.parts
    }
    assert after == before


def test_a_broken_policy_file_is_named_with_its_line(repo, kb_cli):
    broken = repo.read(RETURNS).replace("title: 반품 기간", "title: [반품 기간")
    repo.path(RETURNS).write_text(broken, encoding="utf-8")
    result = run(kb_cli, repo, "bump", "RET-1", "--effective", "2026-12-01", "--text", "x")
    # The loader could not read the file, so the clause is unknown; `kb check` names the line.
    assert result.exit_code == 2
    assert f"id가 'RET-1'인 조항이 없습니다 ({RETURNS}:" in result.output
    assert "을(를) 읽지 못했습니다: 먼저 고치세요, kb check 참고" in result.output
    assert repo.read(RETURNS) == broken


def test_a_duplicate_key_is_named_with_its_line(repo, kb_cli):
    text = repo.read(RETURNS).replace("    version: 1\n", "    version: 1\n    version: 1\n")
    repo.path(RETURNS).write_text(text, encoding="utf-8")
    result = run(kb_cli, repo, "bump", "RET-1", "--effective", "2026-12-01", "--text", "x")
    assert result.exit_code == 2
    assert f"{RETURNS}:" in result.output and "Traceback" not in result.output
    assert repo.read(RETURNS) == text


def test_review_leaves_a_superseded_citation_to_a_person(repo, kb_cli):
    run(
        kb_cli,
        repo,
        "new",
        "clause",
        "DLV",
        "--title",
        "당일 배송 마감 (개정)",
        "--text",
        "오후 3시까지 결제한 주문은 당일 출고합니다.",
        "--effective",
        "2026-11-01",
        "--supersedes",
        "DLV-1",
    )
    before = repo.read(SAME_DAY)
    result = run(kb_cli, repo, "review", "same-day-cutoff", "--as-of", "2026-11-20")
    assert result.exit_code == 1
    assert f"{SAME_DAY}:4: superseded-clause" in result.output
    assert "DLV-4@1을(를) 인용하도록 고치세요" in result.output
    assert repo.read(SAME_DAY) == before


def test_atomic_write_leaves_no_temporary_files(repo, kb_cli):
    run(kb_cli, repo, "bump", "RET-1", "--effective", "2026-11-01", "--text", "새 문구")
    leftovers = [p.name for p in Path(repo.root / "rules").iterdir() if p.name.startswith(".")]
    assert leftovers == []


def test_bump_with_text_after_a_hand_edit_keeps_the_committed_text(repo, kb_cli):
    repo.replace(RETURNS, "7일 이내에", "10일 이내에")  # a draft the owner then rewrote
    result = run(kb_cli, repo, "bump", "RET-1", "--effective", "2026-11-01", "--text", "14일")
    assert result.exit_code == 0, result.output
    text = repo.read(RETURNS)
    assert "          상품 수령 후 7일 이내에 반품을" in text  # what was in force, from git
    assert "10일" not in text


def test_changes_default_period_runs_to_the_end_of_the_month(repo, kb_cli):
    data = json.loads(
        run(kb_cli, repo, "changes", "--since", "2099-02-01", "--format", "json").output
    )
    assert (data["since"], data["until"]) == ("2099-02-01", "2099-02-28")


def test_missing_values_are_asked_for_at_a_terminal(repo):
    """A person at a terminal is asked; nothing else changes (a real pseudo-terminal)."""
    import os
    import pty
    import sys
    import time

    kb = str(Path(sys.executable).with_name("kb"))
    args = [kb, "new", "clause", "DLV", "--title", "주말 배송", "-f", str(repo.config)]
    pid, fd = pty.fork()
    if pid == 0:  # the child: the kb command on the terminal
        os.execv(kb, args)
    output = b""
    deadline = time.monotonic() + 60
    answers = [(b"Text", "토요일에도 출고합니다.\n".encode()), (b"Effective date", b"2026-12-01\n")]
    while time.monotonic() < deadline:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break  # the command ended
        output += chunk
        if answers and answers[0][0] in output.split(b"\n")[-1]:
            os.write(fd, answers.pop(0)[1])
    _, status = os.waitpid(pid, 0)
    text = output.decode("utf-8", "replace")
    assert os.waitstatus_to_exitcode(status) == 0, text
    assert "새 조항 DLV-4 (DLV 정책)" in text
    assert "        토요일에도 출고합니다.\n" in repo.read(DELIVERY)
    assert "      effective: 2026-12-01\n" in repo.read(DELIVERY)
