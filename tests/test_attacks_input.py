"""Hostile input files (issue 12, items 4, 6, 7, 8): one test per attack, named after it.

Each attack used to end in a hang, a MemoryError or a traceback. Now each is
a clean finding that names the file, and check, search and build go on. The
inputs are as large as in the attack report, so the old code would hang here
rather than pass; how fast the new code is, is printed by
scripts/bench_attacks.py (no timing is asserted).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_site_serve import _free_port, _get

from kb.load import inline_refs, manual_from_text

KB = str(Path(sys.executable).parent / "kb")

POLICY = """\
id: PAY
title: 결제 정책
owner: 결제팀
clauses:
  - id: PAY-1
    title: 결제 수단
    version: 1
    effective: 2026-01-01
    text: 카드와 간편결제를 씁니다.
"""
ANSWER = "---\nid: pay\ntitle: 결제 수단 안내\ncites: [PAY-1@1]\n---\n카드로 결제하세요.\n"
MANUAL = "# 결제 안내\n\n결제는 [[PAY-1]]을 따릅니다.\n"
BOMB_MESSAGE = "YAML 별칭(*이름)이 너무 많이 펼쳐집니다"


def billion_laughs(levels: int) -> str:
    """The classic bomb: each level lists the one before nine times (9**levels strings)."""
    lines = ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n in range(1, levels):
        lines.append(f"l{n}: &l{n} [" + ",".join([f"*l{n - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def _kb(make_kb, **extra: str) -> Path:
    files = {"policies/pay.yaml": POLICY, "docs/answers/pay.md": ANSWER,
             "docs/manuals/pay.md": MANUAL}
    return make_kb({**files, **extra})


def _check(kb_cli, config) -> dict:
    result = kb_cli("check", "-f", str(config), "--as-of", "2026-12-03", "--format", "json")
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.output)


def _only(report: dict) -> dict:
    assert len(report["findings"]) == 1, report["findings"]
    return report["findings"][0]


def _cache_bytes() -> int:
    root = Path(os.environ["KB_CACHE_DIR"])
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file())


# --- item 4: YAML alias bombs ------------------------------------------------------


BOMBS = {
    "policy": ("policies/bomb.yaml", "id: BOMB\ntitle: 폭탄\nowner: 누군가\n{bomb}clauses: []\n"),
    "answer": ("docs/answers/bomb.md",
               "---\nid: bomb\ntitle: 폭탄\ncites: [PAY-1@1]\n{bomb}---\n본문\n"),
    "manual": ("docs/manuals/bomb.md", "---\ntitle: 폭탄\n{bomb}---\n# 폭탄\n본문\n"),
}


@pytest.mark.parametrize("levels", [9, 10], ids=["391-byte", "10-level"])
@pytest.mark.parametrize("where", BOMBS)
def test_alias_bomb_is_a_parse_error_and_no_huge_cache_entry(make_kb, kb_cli, where, levels):
    path, template = BOMBS[where]
    bomb = billion_laughs(levels)
    assert len(bomb) < 500  # a few hundred bytes that expand to 9**levels strings
    config = _kb(make_kb, **{path: template.format(bomb=bomb)})
    finding = _only(_check(kb_cli, config))
    assert (finding["code"], finding["path"]) == ("parse-error", path)
    assert BOMB_MESSAGE in finding["message"]
    assert _cache_bytes() < 200_000  # the bomb is not expanded into the parse cache
    assert _check(kb_cli, config)["findings"] == [finding]  # the cached run says the same


def test_a_policy_that_reuses_text_with_aliases_is_still_read(make_kb, kb_cli):
    """The limits stop bombs, not the ordinary use of an anchor for repeated text."""
    policy = POLICY.replace("text: 카드", "text: &card 카드")
    policy += "  - id: PAY-2\n    title: 재결제\n    version: 1\n    effective: 2026-01-01\n"
    policy += "    text: *card\n"
    answer = ANSWER.replace("[PAY-1@1]", "[PAY-1@1, PAY-2@1]")
    report = _check(kb_cli, _kb(make_kb, **{"policies/pay.yaml": policy,
                                             "docs/answers/pay.md": answer}))
    assert report["findings"] == []


def test_deeply_nested_yaml_is_a_parse_error(make_kb, kb_cli):
    deep = "id: DEEP\ntitle: 깊음\nowner: 팀\nclauses: " + "[" * 100_000 + "\n"
    finding = _only(_check(kb_cli, _kb(make_kb, **{"policies/deep.yaml": deep})))
    assert (finding["code"], finding["path"]) == ("parse-error", "policies/deep.yaml")
    assert "너무 깊이 중첩되어 있습니다" in finding["message"]


def test_alias_bombs_do_not_stop_search(make_kb, kb_cli):
    bombs = {path: template.format(bomb=billion_laughs(10)) for path, template in BOMBS.values()}
    config = _kb(make_kb, **bombs)
    result = kb_cli("search", "결제", "-f", str(config), "--format", "json")
    assert result.exit_code == 0
    ids = {r["id"] for r in json.loads(result.output)["results"]}
    assert {"pay", "PAY-1", "manuals/pay.md"} <= ids


def test_alias_bomb_in_the_kb_synonyms_file_is_a_clean_error(make_kb, kb_cli):
    config = _kb(make_kb, **{"synonyms.yaml": billion_laughs(10) + "synonyms: []\n"})
    result = kb_cli("search", "결제", "-f", str(config))
    assert result.exit_code == 2
    assert "synonyms.yaml:1:" in result.output and BOMB_MESSAGE in result.output


def test_alias_bombs_do_not_stop_the_build(make_kb, kb_cli, tmp_path):
    bombs = {path: template.format(bomb=billion_laughs(10)) for path, template in BOMBS.values()}
    config = _kb(make_kb, **bombs)
    site = tmp_path / "site"
    refused = kb_cli("build", "-f", str(config), "--site-dir", str(site))
    assert refused.exit_code == 1 and BOMB_MESSAGE in refused.output
    built = kb_cli("build", "-f", str(config), "--site-dir", str(site), "--allow-errors", "-q")
    assert built.exit_code == 0, built.output
    page = (site / "manuals/bomb/index.html").read_text(encoding="utf-8")
    assert "폭탄" in page and "lol" not in page  # the body, without the unread front matter
    assert (site / "answers/pay/index.html").exists()


def test_alias_bombs_do_not_stop_serve(make_kb):
    bombs = {path: template.format(bomb=billion_laughs(10)) for path, template in BOMBS.values()}
    config = _kb(make_kb, **bombs)
    port = _free_port()
    server = subprocess.Popen(
        [KB, "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    try:
        assert "카드로 결제하세요" in _get(f"http://127.0.0.1:{port}/answers/pay/")
        assert "폭탄" in _get(f"http://127.0.0.1:{port}/manuals/bomb/")
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0].decode("utf-8", "replace")
    assert "docs/manuals/bomb.md:3: error: parse-error" in output


# --- item 6: cubic and quadratic regular expressions --------------------------------


def test_manual_title_padded_with_spaces_and_tabs_is_read(make_kb, kb_cli):
    """`# a` + ' \\t' * 1500 + `b` took 41 s (cubic); here 20,000 pairs."""
    heading = "# a" + " \t" * 20_000 + "b"
    manual = manual_from_text(heading + "\n\n본문\n", "docs/x.md", "x.md")
    assert manual.title.startswith("a") and manual.title.endswith("b")
    config = _kb(make_kb, **{"docs/manuals/pad.md": heading + "\n\n[[PAY-9]]\n"})
    assert _only(_check(kb_cli, config))["code"] == "unknown-clause"


def test_inline_reference_lines_of_200k_references_are_right():
    """Counting each reference's line from the top was quadratic (200k refs: > 40 s)."""
    body = "소개\n" + "[[PAY-1]] 참고\n" * 200_000
    refs = inline_refs(body, first_line=5)
    assert len(refs) == 200_000
    assert [r.line for r in refs[:3]] == [6, 7, 8]
    assert refs[-1].line == 200_005


# --- item 7: regular files only, with a size limit -----------------------------------


def test_fifo_under_policies_does_not_hang_check_or_search(make_kb, kb_cli):
    config = _kb(make_kb)
    os.mkfifo(config.parent / "policies/f.yaml")
    finding = _only(_check(kb_cli, config))
    assert (finding["code"], finding["path"], finding["line"]) == ("parse-error",
                                                                   "policies/f.yaml", 1)
    assert "일반 파일이 아니라 FIFO" in finding["message"]
    assert kb_cli("search", "결제", "-f", str(config)).exit_code == 0


def test_fifo_under_docs_does_not_hang_the_build(make_kb, kb_cli, tmp_path):
    config = _kb(make_kb)
    os.mkfifo(config.parent / "docs/manuals/pipe.md")
    os.mkfifo(config.parent / "docs/style.css")
    assert _only(_check(kb_cli, config))["path"] == "docs/manuals/pipe.md"
    site = tmp_path / "site"
    built = kb_cli("build", "-f", str(config), "--site-dir", str(site), "--allow-errors", "-q")
    assert built.exit_code == 0, built.output
    assert (site / "manuals/pay/index.html").exists() and not (site / "style.css").exists()


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_link_to_dev_zero_is_a_finding_not_a_memory_error(make_kb, kb_cli):
    config = _kb(make_kb)
    (config.parent / "policies/zero.yaml").symlink_to("/dev/zero")
    (config.parent / "docs/answers/zero.md").symlink_to("/dev/zero")
    findings = _check(kb_cli, config)["findings"]
    # A link out of the KB is never followed (issue 12 item 3), so the device is never read.
    assert [(f["path"], f["code"]) for f in findings] == [
        ("docs/answers/zero.md", "outside-link"), ("policies/zero.yaml", "outside-link")]
    assert kb_cli("search", "결제", "-f", str(config)).exit_code == 0


def test_file_over_the_size_limit_is_a_finding(make_kb, kb_cli):
    big = "id: BIG\ntitle: 큰 파일\nowner: 팀\n" + "# 주석\n" * 400_000  # 3.6 MB
    config = _kb(make_kb, **{"policies/big.yaml": big})
    finding = _only(_check(kb_cli, config))
    assert (finding["code"], finding["path"]) == ("parse-error", "policies/big.yaml")
    assert "파일이 너무 큽니다(3.4 MB)" in finding["message"] and "2 MB까지" in finding["message"]


# --- item 8: ids that cannot name a file ---------------------------------------------


def test_new_answer_with_a_300_character_id_is_a_clean_error(make_kb, kb_cli):
    config = _kb(make_kb)
    result = kb_cli("new", "answer", "a" * 300, "-f", str(config), "--title", "t",
                    "--cite", "PAY-1", "--body", "본문")
    assert result.exit_code == 2
    assert "300자로 너무 깁니다" in result.output and "80자까지" in result.output
    assert "Traceback" not in result.output and "OSError" not in result.output
    assert sorted(p.name for p in (config.parent / "docs/answers").iterdir()) == ["pay.md"]


def test_answer_file_with_a_300_character_id_is_a_finding(make_kb, kb_cli):
    answer = ANSWER.replace("id: pay", "id: " + "가" * 300).replace("pay", "long")
    finding = _only(_check(kb_cli, _kb(make_kb, **{"docs/answers/long.md": answer})))
    assert (finding["code"], finding["line"]) == ("schema-error", 2)
    assert "300자로 너무 깁니다" in finding["message"]


@pytest.mark.parametrize("ident", ["INDEX", "CON", "LPT1"])
def test_policy_id_index_is_a_finding_not_a_build_failure(make_kb, kb_cli, tmp_path, ident):
    policy = POLICY.replace("PAY", ident)
    config = _kb(make_kb, **{"policies/index.yaml": policy})
    finding = _only(_check(kb_cli, config))
    assert (finding["code"], finding["path"], finding["line"]) == ("schema-error",
                                                                   "policies/index.yaml", 1)
    assert "겹쳐 id로 쓸 수 없습니다" in finding["message"]
    site = tmp_path / "site"
    built = kb_cli("build", "-f", str(config), "--site-dir", str(site), "--allow-errors", "-q")
    assert built.exit_code == 0, built.output
    assert (site / "policies/pay/index.html").exists()
    assert "결제 정책" in (site / "policies/index.html").read_text(encoding="utf-8")


def test_new_policy_index_is_refused(make_kb, kb_cli):
    config = _kb(make_kb)
    result = kb_cli("new", "policy", "INDEX", "-f", str(config), "--title", "t", "--owner", "o",
                    "--clause-title", "c", "--text", "t", "--effective", "2026-01-01")
    assert result.exit_code == 2 and "겹쳐 id로 쓸 수 없습니다" in result.output
    assert not (config.parent / "policies/index.yaml").exists()


def test_a_300_character_tag_does_not_break_the_build(make_kb, kb_cli, tmp_path):
    """Tag pages are files named after the tag: two long tags that share a start stay apart."""
    first, second = "가" * 300, "가" * 299 + "나"
    answer = ANSWER.replace("cites:", f"tags: [{first}]\ncites:")
    other = ANSWER.replace("id: pay", "id: other").replace("cites:", f"tags: [{second}]\ncites:")
    config = _kb(make_kb, **{"docs/answers/pay.md": answer, "docs/answers/other.md": other})
    site = tmp_path / "site"
    built = kb_cli("build", "-q", "-f", str(config), "--site-dir", str(site))
    assert built.exit_code == 0, built.output
    pages = sorted(p.parent.name for p in (site / "tags").glob("*/index.html"))
    assert len(pages) == 2 and all(len(name.encode()) < 255 for name in pages)
