"""Rules that used to exist twice and disagree, now one function each.

Each test pins the behaviour every caller shares, on the case where the old
copies gave different answers.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import unquote

import pytest
from click.testing import CliRunner
from conftest import MKDOCS_YML

from kb.cli import main
from kb.text import word_diff

POLICY = """
    id: REFUND
    title: 환불 정책
    owner: 고객경험팀
    clauses:
      - id: REFUND-1
        title: 결제 취소 가능 기간
        version: 2
        effective: 2026-01-01
        text: 결제일로부터 7일 이내에는 전액 환불됩니다.
        history:
          - version: 1
            effective: 2025-01-01
            text: 결제일로부터 14일 이내에는 전액 환불됩니다.
"""

ANSWER = """
    ---
    id: refund-window
    title: 환불 가능 기간 안내
    cites: [REFUND-1@2]
    tags: [환불/기간]
    ---
    결제일로부터 7일 이내라면 전액 환불해 드립니다.
"""


def _build(config, out) -> None:
    result = CliRunner().invoke(
        main, ["build", "-q", "-f", str(config), "--site-dir", str(out)], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output


def test_every_page_link_resolves_without_directory_urls(make_kb, tmp_path):
    """Two page-URL rules disagreed on the home page when pages end in .html;
    every link kb writes now comes from site.context.page_url."""
    config = make_kb(
        {
            "policies/refund.yaml": POLICY,
            "docs/answers/window.md": ANSWER,
            "docs/index.md": "# 상담 안내\n\n환불 문의는 [[REFUND-1]]을 보고 답합니다.\n",
            "docs/manuals/index.md": "# 매뉴얼\n\n기간은 [[REFUND-1]]을 봅니다.\n",
            "docs/manuals/tone.md": "# 말투\n\n환불은 [[REFUND-1]]을 따릅니다.\n",
        },
        MKDOCS_YML + "use_directory_urls: false\n",
    )
    out = tmp_path / "site"
    _build(config, out)
    page = out / "policies/refund.html"
    links = set(re.findall(r'href="([^"#:]+\.html)(?:#[^"]*)?"', page.read_text("utf-8")))
    relying = {"../index.html", "../manuals/index.html", "../manuals/tone.html"}
    assert relying <= links  # the pages that reference the clause, the home page too
    broken = [link for link in links if not (page.parent / unquote(link)).resolve().is_file()]
    assert broken == []


def test_a_text_saved_in_nfd_is_not_a_change_anywhere(tmp_path, kb_cli):
    """`kb changes` compared text without NFC while `kb check --base` used it."""
    from workflow_repo import DELIVERY as TEXT
    from workflow_repo import make_repo

    repo = make_repo(tmp_path / "kb")
    line = "오후 2시까지 결제한 주문은 당일 출고합니다."
    repo.replace("rules/logistics/delivery.yaml", line, unicodedata.normalize("NFD", line))
    assert line in TEXT and line not in repo.read("rules/logistics/delivery.yaml")
    repo.commit("macOS 편집기로 다시 저장", "2026-10-05")
    f = ["-f", str(repo.config)]
    result, data = kb_cli.json("changes", "--since", "2026-10-01", "--until", "2026-10-31",
                               "--format", "json", *f)
    assert [c["clause"] for c in data["changes"] if c["kind"] == "changed"] == []
    result, data = kb_cli.json("check", "--base", "HEAD~1", "--format", "json", *f)
    assert "text-changed-without-bump" not in {x["code"] for x in data["findings"]}


def test_site_and_show_mark_the_same_changed_words(make_kb, tmp_path, kb_cli):
    """The policy page and `kb show` each had a word diff of their own."""
    scheduled = POLICY.replace("effective: 2026-01-01", "effective: 2099-01-01")
    answer = ANSWER.replace("REFUND-1@2", "REFUND-1@1")
    config = make_kb({"policies/refund.yaml": scheduled, "docs/answers/window.md": answer})
    _build(config, tmp_path / "site")
    page = (tmp_path / "site/policies/refund/index.html").read_text("utf-8")
    assert "<del>14일</del><ins>7일</ins>" in page
    shown = kb_cli("show", "REFUND-1", "-f", str(config)).output
    assert "[-14일-]{+7일+}" in shown
    assert word_diff("결제일로부터 14일 이내", "결제일로부터 7일 이내") == [
        ("=", "결제일로부터 "), ("-", "14일"), ("+", "7일"), ("=", " 이내"),
    ]


@pytest.mark.parametrize(
    "args, suggested",
    [
        (["show", "refund-l"], "REFUND-1"),  # a clause, typed in lower case
        (["show", "REFUND-WINDW"], "refund-window"),  # an answer, in upper case
        (["review", "REFUND-WINDOW"], "refund-window"),
        (["impact", "REFUND-l"], "REFUND-1"),
        (["new", "clause", "RFUND", "--title", "t", "--text", "t", "--effective", "2026-01-01"],
         "REFUND"),  # a policy: prefix matching missed a dropped letter
    ],
)
def test_every_did_you_mean_finds_the_same_near_ids(make_kb, kb_cli, args, suggested):
    config = make_kb({"policies/refund.yaml": POLICY, "docs/answers/window.md": ANSWER})
    result = kb_cli(*args, "-f", str(config))
    assert result.exit_code != 0
    assert suggested in result.output


def test_a_pin_that_is_not_ascii_digits_is_a_bad_citation_in_check_and_site(
    make_kb, tmp_path, kb_cli
):
    """The site read `@²` as a version (str.isdigit) and crashed on int(); the check did not."""
    answer = ANSWER + "    자세한 기준은 [[REFUND-1@²]]을 보세요.\n"
    config = make_kb({"policies/refund.yaml": POLICY, "docs/answers/window.md": answer})
    result, data = kb_cli.json("check", "--format", "json", "-f", str(config))
    assert [(f["code"], f["line"]) for f in data["findings"]] == [("bad-citation", 8)]
    out = tmp_path / "site"
    result = kb_cli("build", "-q", "--allow-errors", "-f", str(config), "--site-dir", str(out))
    assert result.exit_code == 0, result.output
    page = (out / "answers/window/index.html").read_text("utf-8")
    assert 'class="kb-ref kb-broken"' in page and "REFUND-1@²" in page


def test_report_search_and_site_file_a_tag_under_the_same_parents(make_kb, tmp_path, kb_cli):
    """Three copies split `배송 / 배송 전/` into levels: one rule (kb.model.with_parents)."""
    draft = (
        ANSWER.replace("refund-window", "shipping-draft")
        .replace("[환불/기간]", "[' 배송 / 배송 전/']")
        .replace("cites: [REFUND-1@2]", "cites: [REFUND-1@2]\n    status: draft")
    )
    config = make_kb(
        {
            "policies/refund.yaml": POLICY,
            "docs/answers/window.md": ANSWER,
            "docs/answers/draft.md": draft,
        }
    )
    f = ["-f", str(config)]
    result, data = kb_cli.json("report", "--format", "json", *f)
    assert [t["tag"] for t in data["tags_without_answers"]] == ["배송", "배송/배송 전"]
    for tag in ("배송", "배송/배송 전"):
        result, found = kb_cli.json("search", "환불", "--tag", tag, "--format", "json", *f)
        assert [r["id"] for r in found["results"]] == ["shipping-draft"], tag
    _build(config, tmp_path / "site")
    assert (tmp_path / "site/tags/배송/배송-전/index.html").is_file()



def test_review_keeps_every_byte_around_the_front_matter(make_kb, kb_cli):
    """The editors split front matter with the loader's rule (yamlsrc.closing_fence):
    a `...` fence with a trailing space, CRLF and U+2028 in the body survive."""
    body = "결제일로부터 7일 이내라면\r\n전액 환불해 드립니다.\u2028\r\n"
    answer = ANSWER.replace("@2", "@1").lstrip("\n").replace("    ", "").replace("\n", "\r\n")
    config = make_kb({"policies/refund.yaml": POLICY})
    path = config.parent / "docs/answers/window.md"
    path.parent.mkdir(parents=True)
    head = answer.split("결제일로부터")[0]
    head = head.replace("---\r\n", "... \r\n", 2).replace("... ", "---", 1)
    path.write_bytes((head + body).encode("utf-8"))
    result = kb_cli("review", "refund-window", "-f", str(config))
    assert result.exit_code == 0, result.output
    assert path.read_bytes() == (head + body).replace("@1", "@2").encode("utf-8")


def test_a_file_check_refuses_is_not_indexed_on_an_update_either(make_kb, kb_cli):
    """The index's incremental update decoded files itself and took a binary one."""
    config = make_kb(
        {
            "policies/refund.yaml": POLICY,
            "docs/answers/window.md": ANSWER,
            "docs/manuals/tone.md": "# 말투\n\n환불 문의에는 먼저 사과합니다.\n",
        }
    )
    f = ["-f", str(config)]
    result, data = kb_cli.json("search", "사과", "--format", "json", *f)
    assert [r["id"] for r in data["results"]] == ["manuals/tone.md"]
    (config.parent / "docs/manuals/tone.md").write_bytes(
        "# 말투\n\n환불 문의에는 먼저 양해를 구합니다.\x00\n".encode()
    )
    result, data = kb_cli.json("check", "--format", "json", *f)
    assert [(x["code"], x["path"]) for x in data["findings"]] == [
        ("parse-error", "docs/manuals/tone.md")
    ]
    result, data = kb_cli.json("search", "양해", "--format", "json", *f)
    assert data["results"] == []


def test_check_and_search_walk_the_same_files(make_kb, kb_cli):
    """The loader and the index each had a walker: one (sources.walk) now."""
    import os

    from kb.config import read_config
    from kb.load import load
    from kb.search.stamp import source_files

    config = make_kb(
        {
            "policies/refund.yaml": POLICY,
            "policies/.old/refund.yaml": POLICY,  # hidden folder: neither reads it
            "docs/answers/window.md": ANSWER,
            "docs/manuals/tone.md": "# 말투\n\n환불 문의에는 먼저 사과합니다.\n",
            "docs/.drafts/next.md": "# 초안\n",
            "docs/notes.txt": "not a page\n",
        }
    )
    docs = config.parent / "docs"
    os.symlink(docs / "manuals", docs / "linked")  # a link to a folder is not entered
    os.symlink(docs / "manuals/tone.md", docs / "alias.md")  # a link to a page inside is read
    os.symlink("/etc/hostname", docs / "outside.md")  # a link out of the KB never is
    loaded = load(config, cache=False)
    assert sorted(loaded.files) == sorted(source_files(read_config(config))) == [
        "docs/alias.md", "docs/answers/window.md", "docs/manuals/tone.md",
        "policies/refund.yaml",
    ]
    assert [f.code for f in loaded.findings] == ["outside-link"]
