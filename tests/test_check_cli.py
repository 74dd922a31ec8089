"""`kb check` through the command line: options, formats and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import REPO

POLICY = """
id: PAY
title: 결제 정책
owner: 결제팀
review_by: 2026-01-01
clauses:
  - id: PAY-1
    title: 결제 수단
    version: 1
    effective: 2026-01-01
    text: 카드와 간편결제를 씁니다.
"""
GOOD = "---\nid: pay\ntitle: 결제 수단 안내\ncites: [PAY-1@1]\n---\n안녕하세요.\n"


def test_clean_kb_exits_zero_with_summary(make_kb, kb_cli):
    config = make_kb({"policies/pay.yaml": POLICY.replace("review_by: 2026-01-01\n", ""),
                      "docs/answers/pay.md": GOOD})
    result = kb_cli("check", "-f", str(config), "--as-of", "2026-11-22")
    assert result.exit_code == 0
    assert result.output.strip() == "오류 0개, 경고 0개 (파일 2개, 2026-11-22 기준)"


def test_warnings_pass_unless_strict(make_kb, kb_cli):
    config = make_kb({"policies/pay.yaml": POLICY, "docs/answers/pay.md": GOOD})
    result = kb_cli("check", "-f", str(config), "--as-of", "2026-11-22")
    assert result.exit_code == 0
    assert "policies/pay.yaml:4: warning: review-overdue" in result.output
    assert kb_cli("check", "-f", str(config), "--as-of", "2026-11-22", "--strict").exit_code == 1


def test_errors_exit_one_and_json_is_machine_readable(make_kb, kb_cli):
    config = make_kb({"policies/pay.yaml": POLICY,
                      "docs/answers/pay.md": GOOD.replace("PAY-1@1", "PAY-1@2")})
    result, data = kb_cli.json("check", "-f", str(config), "--as-of", "2026-11-22",
                               "--format", "json")
    assert result.exit_code == 1
    assert data["as_of"] == "2026-11-22"
    assert data["counts"] == {"error": 1, "warning": 1}
    stale = data["findings"][0]
    assert stale == {
        "code": "stale-citation", "severity": "error", "path": "docs/answers/pay.md",
        "line": 4, "subject": "pay", "clause": "PAY-1", "message": stale["message"],
    }
    assert "버전 2은(는) 없습니다" in stale["message"] and "PAY-1@1" in stale["message"]


def test_default_as_of_is_today(make_kb, kb_cli):
    from datetime import date

    config = make_kb({"policies/pay.yaml": POLICY, "docs/answers/pay.md": GOOD})
    _, data = kb_cli.json("check", "-f", str(config), "--format", "json")
    assert data["as_of"] == date.today().isoformat()


def test_github_format(make_kb, kb_cli):
    config = make_kb({"policies/pay.yaml": POLICY,
                      "docs/answers/pay.md": GOOD.replace("PAY-1@1", "PAY-2@1")})
    result = kb_cli("check", "-f", str(config), "--as-of", "2026-11-22", "--format", "github")
    lines = result.output.splitlines()
    assert lines[0].startswith(
        "::error file=docs/answers/pay.md,line=4,title=unknown-clause::unknown-clause")
    assert "혹시 PAY-1인가요?" in lines[0]
    assert lines[1].startswith("::warning file=policies/pay.yaml,line=4,title=review-overdue::")


def test_unreadable_kb_exits_two(tmp_path, kb_cli):
    result = kb_cli("check", "-f", str(tmp_path / "nope.yml"))
    assert result.exit_code == 2
    assert "설정 파일이 없습니다" in result.output
    bad = tmp_path / "mkdocs.yml"
    bad.write_text("site_name: [\n", encoding="utf-8")
    result = kb_cli("check", "-f", str(bad))
    assert result.exit_code == 2 and "설정 파일을 읽지 못했습니다" in result.output
    assert "Traceback" not in result.output


def test_bad_option_exits_two(make_kb, kb_cli):
    config = make_kb({"policies/pay.yaml": POLICY})
    assert kb_cli("check", "-f", str(config), "--format", "xml").exit_code == 2
    assert kb_cli("check", "-f", str(config), "--as-of", "22.11.2026").exit_code == 2


def test_default_config_is_in_working_directory(make_kb):
    config = make_kb({"policies/pay.yaml": POLICY, "docs/answers/pay.md": GOOD})
    done = subprocess.run([sys.executable, "-m", "kb", "check", "--as-of", "2026-11-22",
                           "--format", "json"], cwd=config.parent, capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["counts"] == {"error": 0, "warning": 1}


def test_plugin_options_move_policies_and_answers(make_kb, kb_cli):
    config = make_kb(
        {"rules/pay.yaml": POLICY, "docs/canned/pay.md": GOOD.replace("PAY-1@1", "PAY-1@9")},
        config="site_name: x\nplugins:\n  - search\n  - kb:\n      policies_dir: rules\n"
               "      answers_dir: canned\n",
    )
    _, data = kb_cli.json("check", "-f", str(config), "--as-of", "2026-11-22",
                          "--format", "json")
    assert [(f["code"], f["path"]) for f in data["findings"]] == [
        ("stale-citation", "docs/canned/pay.md"), ("review-overdue", "rules/pay.yaml")]


def test_check_never_writes(make_kb, kb_cli):
    config = make_kb({"policies/pay.yaml": "# 주석\n" + POLICY, "docs/answers/pay.md": GOOD})
    root = config.parent
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    kb_cli("check", "-f", str(config))
    after = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    assert before == after


def test_sample_kb_checks_clean(kb_cli):
    result = kb_cli("check", "-f", str(REPO / "mkdocs.yml"), "--strict")
    assert result.exit_code == 0, result.output


def test_second_run_sees_every_edit(make_kb, kb_cli):
    """The parse cache never hides a change: edit, add and delete files between runs."""
    config = make_kb({"policies/pay.yaml": POLICY.replace("review_by: 2026-01-01\n", ""),
                      "docs/answers/pay.md": GOOD})
    args = ("check", "-f", str(config), "--as-of", "2026-11-22", "--format", "json")
    assert kb_cli.json(*args)[1]["counts"] == {"error": 0, "warning": 0}
    answer = config.parent / "docs/answers/pay.md"
    answer.write_text(GOOD.replace("PAY-1@1", "PAY-1@2"), encoding="utf-8")  # same size
    assert [f["code"] for f in kb_cli.json(*args)[1]["findings"]] == ["stale-citation"]
    (config.parent / "docs/answers/other.md").write_text("---\nid: pay\n---\n", encoding="utf-8")
    codes = [f["code"] for f in kb_cli.json(*args)[1]["findings"]]
    # SPEC §5: a file's schema errors come before the findings that follow
    assert codes == ["schema-error", "missing-citation", "duplicate-id", "stale-citation"]
    answer.unlink()
    codes = [f["code"] for f in kb_cli.json(*args)[1]["findings"]]
    assert codes == ["schema-error", "missing-citation"]


def test_nfd_file_names_are_reported_as_nfc(make_kb, kb_cli):
    import unicodedata

    nfd = unicodedata.normalize("NFD", "환불")
    config = make_kb({"policies/pay.yaml": POLICY.replace("review_by: 2026-01-01\n", ""),
                      f"docs/answers/{nfd}.md": GOOD.replace("PAY-1@1", "PAY-1@2"),
                      f"docs/{nfd}-안내.md": "# 안내\n\n[[PAY-1]]\n"})
    _, data = kb_cli.json("check", "-f", str(config), "--as-of", "2026-11-22",
                          "--format", "json")
    assert [f["path"] for f in data["findings"]] == ["docs/answers/환불.md"]
    _, impact = kb_cli.json("impact", "PAY-1", "-f", str(config), "--format", "json")
    assert impact["manuals"] == ["환불-안내.md"]
