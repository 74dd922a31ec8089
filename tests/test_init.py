"""`kb init`: a new KB that checks clean and builds, and never overwrites."""

from __future__ import annotations


def test_init_makes_a_clean_kb(tmp_path, kb_cli):
    target = tmp_path / "새 KB"
    result = kb_cli("init", str(target), "--name", "테스트 고객센터")
    assert result.exit_code == 0
    assert (target / "policies" / "refund.yaml").is_file()
    assert "테스트 고객센터" in (target / "mkdocs.yml").read_text(encoding="utf-8")
    check = kb_cli("check", "-f", str(target / "mkdocs.yml"), "--strict")
    assert check.exit_code == 0, check.output


def test_init_refuses_an_existing_kb(tmp_path, kb_cli):
    (tmp_path / "mkdocs.yml").write_text("site_name: mine\n", encoding="utf-8")
    result = kb_cli("init", str(tmp_path))
    assert result.exit_code == 2
    assert "이미 있습니다" in result.output
    assert (tmp_path / "mkdocs.yml").read_text(encoding="utf-8") == "site_name: mine\n"


def test_init_keeps_an_existing_gitignore(tmp_path, kb_cli):
    (tmp_path / ".gitignore").write_text("secret/\n", encoding="utf-8")
    kb_cli("init", str(tmp_path))
    assert (tmp_path / ".gitignore").read_text(encoding="utf-8") == "secret/\n"
