"""`kb export` (SPEC §8): each tool's shape, the placeholder map, what is left out and why."""

from __future__ import annotations

import csv
import io
import json
import os

import pytest
from conftest import MKDOCS_YML, REPO

POLICY = """\
id: REFUND
title: 환불 정책
owner: 고객경험팀
clauses:
  - id: REFUND-1
    title: 결제 취소 가능 기간
    version: 2
    effective: 2026-01-01
    text: 결제일로부터 7일 이내 취소할 수 있습니다.
    history:
      - version: 1
        effective: 2025-01-01
        text: 결제일로부터 14일 이내 취소할 수 있습니다.
  - id: REFUND-2
    title: 카드 환불 기간
    version: 1
    effective: 2025-01-01
    expires: 2027-01-01
    text: 카드사 영업일 기준 3~7일이 걸립니다.
"""

GOOD = """\
---
id: refund-before-shipping
title: 배송 전 주문 취소 안내
cites: [REFUND-1@2]
tags: [배송/배송 전, 환불]
---
안녕하세요, {{고객명}}님.

배송 전 주문은 **바로** 취소됩니다. 자세한 기준은 [[REFUND-1]]을 따릅니다.
"""

SECOND = """\
---
id: card-refund
title: 카드 환불 기간
cites: [REFUND-2@1]
---
카드 환불은 영업일 기준 3~7일 걸립니다.
"""

STALE = """\
---
id: old-refund
title: 예전 환불 안내
cites: [REFUND-1@1]
---
14일 이내 취소할 수 있습니다.
"""

MAP = """\
고객명: "{{ticket.requester.name}}"
intercom:
  고객명: '{{user.name|fallback:"고객"}}'
"""

TEXT = (
    "안녕하세요, {{ticket.requester.name}}님.\n\n"
    "배송 전 주문은 바로 취소됩니다. 자세한 기준은 결제 취소 가능 기간을 따릅니다."
)
HTML = (
    "<p>안녕하세요, {{ticket.requester.name}}님.</p>"
    "<p>배송 전 주문은 바로 취소됩니다. 자세한 기준은 결제 취소 가능 기간을 따릅니다.</p>"
)


@pytest.fixture
def kb(make_kb, tmp_path):
    config = make_kb({
        "policies/refund.yaml": POLICY,
        "docs/answers/before-shipping.md": GOOD,
        "docs/answers/card.md": SECOND,
    })
    (tmp_path / "map.yaml").write_text(MAP, encoding="utf-8")
    return config


def run(kb_cli, config, *args):
    return kb_cli("export", *args, "-f", str(config), "--as-of", "2026-06-01")


def out_json(result):
    return json.loads(result.stdout)


# --- each tool's shape -------------------------------------------------------------


def test_zendesk_macros(kb, kb_cli, tmp_path):
    result = run(kb_cli, kb, "zendesk", "--placeholders", str(tmp_path / "map.yaml"))
    assert result.exit_code == 0, result.stderr
    assert out_json(result) == {
        "macros": [
            {
                "title": "배송::배송 전::배송 전 주문 취소 안내",
                "active": True,
                "description": "kb:refund-before-shipping · REFUND-1@2",
                "actions": [{"field": "comment_value_html", "value": HTML}],
            },
            {
                "title": "카드 환불 기간",
                "active": True,
                "description": "kb:card-refund · REFUND-2@1",
                "actions": [{"field": "comment_value_html",
                             "value": "<p>카드 환불은 영업일 기준 3~7일 걸립니다.</p>"}],
            },
        ]
    }


def test_freshdesk_canned_responses(kb, kb_cli, tmp_path):
    result = run(kb_cli, kb, "freshdesk", "--placeholders", str(tmp_path / "map.yaml"),
                 "--folder-id", "42")
    assert result.exit_code == 0, result.stderr
    responses = out_json(result)["canned_responses"]
    assert responses[0] == {
        "title": "배송 전 주문 취소 안내", "content_html": HTML, "visibility": 0, "folder_id": 42,
    }
    assert [r["title"] for r in responses] == ["배송 전 주문 취소 안내", "카드 환불 기간"]


def test_intercom_macros_with_a_tool_section_of_the_map(kb, kb_cli, tmp_path):
    result = run(kb_cli, kb, "intercom", "--placeholders", str(tmp_path / "map.yaml"))
    assert result.exit_code == 0, result.stderr
    data = out_json(result)
    assert data["type"] == "list"
    macro = data["data"][0]
    expected_text = TEXT.replace("{{ticket.requester.name}}", '{{user.name|fallback:"고객"}}')
    assert macro == {
        "type": "macro",
        "name": "배송 전 주문 취소 안내",
        "body": HTML.replace("{{ticket.requester.name}}", '{{user.name|fallback:"고객"}}'),
        "body_text": expected_text,
        "visible_to": "everyone",
        "available_on": ["inbox"],
    }


def test_csv_with_bom_and_plain_text(kb, kb_cli):
    result = run(kb_cli, kb, "csv")
    assert result.exit_code == 0, result.stderr
    raw = result.stdout_bytes
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: spreadsheet programs read Korean
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert list(rows[0]) == ["id", "title", "tags", "text", "cites", "url"]
    row = rows[0]
    assert row == {
        "id": "refund-before-shipping",
        "title": "배송 전 주문 취소 안내",
        "tags": "배송/배송 전, 환불",
        # No map: the spreadsheet keeps the placeholder for the agent, as the site does.
        "text": TEXT.replace("{{ticket.requester.name}}", "{{고객명}}"),
        "cites": "REFUND-1@2",
        "url": "answers/before-shipping/",
    }


def test_csv_url_uses_site_url(make_kb, kb_cli):
    config = make_kb(
        {"policies/refund.yaml": POLICY, "docs/answers/card.md": SECOND},
        config=MKDOCS_YML + "site_url: https://kb.example.com/cs/\n",
    )
    rows = list(csv.DictReader(io.StringIO(run(kb_cli, config, "csv").stdout_bytes
                                           .decode("utf-8-sig"))))
    assert rows[0]["url"] == "https://kb.example.com/cs/answers/card/"


def test_output_file(kb, kb_cli, tmp_path):
    target = tmp_path / "out" / "zendesk.json"
    target.parent.mkdir()
    result = run(kb_cli, kb, "zendesk", "--placeholders", str(tmp_path / "map.yaml"),
                 "-o", str(target))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert len(json.loads(target.read_text(encoding="utf-8"))["macros"]) == 2
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask  # readable like any file written
    assert "답변 2개를 zendesk 형식으로 내보냈습니다" in result.stderr


# --- placeholders ------------------------------------------------------------------


def test_a_placeholder_with_no_mapping_is_an_error_not_a_blank(kb, kb_cli):
    result = run(kb_cli, kb, "zendesk")
    assert result.exit_code == 1
    assert [m["title"] for m in out_json(result)["macros"]] == ["카드 환불 기간"]
    assert "docs/answers/before-shipping.md:7: placeholder-unmapped" in result.stderr
    assert "refund-before-shipping" in result.stderr and "{{고객명}}" in result.stderr


def test_a_map_missing_one_placeholder(make_kb, kb_cli, tmp_path):
    body = GOOD.replace("취소됩니다.", "{{환불금액}}원이 취소됩니다.")
    config = make_kb({"policies/refund.yaml": POLICY, "docs/answers/a.md": body})
    (tmp_path / "map.yaml").write_text(MAP, encoding="utf-8")
    result = run(kb_cli, config, "csv", "--placeholders", str(tmp_path / "map.yaml"))
    assert result.exit_code == 1
    assert "docs/answers/a.md:9: placeholder-unmapped 자리표시자 {{환불금액}}" in result.stderr
    assert "refund-before-shipping" in result.stderr


def test_the_map_can_give_every_other_placeholder_a_form(make_kb, kb_cli, tmp_path):
    body = GOOD.replace("취소됩니다.", "{{ 환불금액 }}원이 취소됩니다.")
    config = make_kb({"policies/refund.yaml": POLICY, "docs/answers/a.md": body})
    (tmp_path / "map.yaml").write_text(MAP + '"*": "[{name}]"\n', encoding="utf-8")
    result = run(kb_cli, config, "zendesk", "--placeholders", str(tmp_path / "map.yaml"))
    assert result.exit_code == 0, result.stderr
    value = out_json(result)["macros"][0]["actions"][0]["value"]
    assert "[환불금액]원이 취소됩니다" in value and "{{ticket.requester.name}}님" in value


def test_map_keys_may_keep_their_braces(kb, kb_cli, tmp_path):
    (tmp_path / "braces.yaml").write_text('"{{고객명}}": "{{ticket.requester.name}}"\n',
                                          encoding="utf-8")
    result = run(kb_cli, kb, "zendesk", "--placeholders", str(tmp_path / "braces.yaml"))
    assert result.exit_code == 0, result.stderr
    assert "{{ticket.requester.name}}님" in out_json(result)["macros"][0]["actions"][0]["value"]


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ("고객명: [unclosed\n", "bad.yaml:"),
        ("- 고객명\n", "매핑"),
        ("고객명:\n  - a\n", "고객명"),
    ],
)
def test_an_unreadable_map_is_exit_2(kb, kb_cli, tmp_path, content, says):
    (tmp_path / "bad.yaml").write_text(content, encoding="utf-8")
    result = run(kb_cli, kb, "zendesk", "--placeholders", str(tmp_path / "bad.yaml"))
    assert result.exit_code == 2
    assert says in result.stderr and "Traceback" not in result.stderr


def test_a_missing_map_or_kb_is_exit_2(kb, kb_cli, tmp_path):
    assert run(kb_cli, kb, "csv", "--placeholders", str(tmp_path / "nope.yaml")).exit_code == 2
    assert run(kb_cli, tmp_path / "nope" / "mkdocs.yml", "csv").exit_code == 2


# --- what is left out ----------------------------------------------------------------


def test_an_answer_with_errors_is_left_out_and_named(make_kb, kb_cli):
    config = make_kb({
        "policies/refund.yaml": POLICY,
        "docs/answers/card.md": SECOND,
        "docs/answers/old.md": STALE,
    })
    result = run(kb_cli, config, "csv")
    assert result.exit_code == 1
    ids = [r["id"] for r in csv.DictReader(io.StringIO(result.stdout_bytes.decode("utf-8-sig")))]
    assert ids == ["card-refund"]
    assert "docs/answers/old.md:4: error: 내보내지 않음: 답변 old-refund" in result.stderr
    assert "stale-citation" in result.stderr
    assert "오류가 있는 답변 1개는 뺐습니다: old-refund" in result.stderr


def test_as_of_decides_what_is_good(make_kb, kb_cli):
    config = make_kb({"policies/refund.yaml": POLICY, "docs/answers/card.md": SECOND})
    assert kb_cli("export", "csv", "-f", str(config), "--as-of", "2026-12-31").exit_code == 0
    later = kb_cli("export", "csv", "-f", str(config), "--as-of", "2027-01-01")
    assert later.exit_code == 1 and "expired-clause" in later.stderr


def test_a_broken_kb_still_exports_its_good_answers(make_kb, kb_cli):
    config = make_kb({
        "policies/refund.yaml": POLICY,
        "policies/broken.yaml": "id: SHIP\ntitle: [배송\n",
        "docs/answers/card.md": SECOND,
        "docs/answers/ship.md": SECOND.replace("card-refund", "ship").replace("REFUND-2", "SHIP-1"),
        "docs/answers/bad-front-matter.md": "---\nid: [oops\n---\n본문\n",
        "docs/answers/old.md": STALE,
    })
    assert kb_cli("check", "-f", str(config)).exit_code == 1
    result = run(kb_cli, config, "zendesk")
    assert result.exit_code == 1
    assert [m["title"] for m in out_json(result)["macros"]] == ["카드 환불 기간"]
    for named in ("docs/answers/bad-front-matter.md", "답변 ship", "답변 old-refund"):
        assert named in result.stderr
    assert "오류가 있는 답변 3개는 뺐습니다" in result.stderr


def test_pii_error_is_refused_pii_warning_is_not(make_kb, kb_cli):
    leaked = SECOND.replace("card-refund", "leaked").replace(
        "걸립니다.", "걸립니다. 고객님 카드 4111-1111-1111-1111 로 환불했습니다."
    )
    phone = SECOND.replace("card-refund", "with-phone").replace(
        "걸립니다.", "걸립니다. 담당자 010-2345-6789"
    )
    config = make_kb({
        "policies/refund.yaml": POLICY,
        "docs/answers/leaked.md": leaked,
        "docs/answers/phone.md": phone,
    })
    result = run(kb_cli, config, "csv")
    assert result.exit_code == 1
    ids = [r["id"] for r in csv.DictReader(io.StringIO(result.stdout_bytes.decode("utf-8-sig")))]
    assert ids == ["with-phone"]
    assert "pii-card" in result.stderr and "답변 leaked" in result.stderr
    assert "4111-1111-1111-1111" not in result.stderr  # masked in the message
    assert b"4111" not in result.stdout_bytes


def test_drafts_retired_and_not_yet_effective_are_not_exported(make_kb, kb_cli):
    draft = SECOND.replace("card-refund", "draft").replace("---\n카드", "status: draft\n---\n카드")
    retired = STALE.replace("---\n14일", "status: retired\n---\n14일")
    later = SECOND.replace("card-refund", "later").replace(
        "---\n카드", "effective: 2026-09-01\n---\n카드"
    )
    config = make_kb({
        "policies/refund.yaml": POLICY,
        "docs/answers/card.md": SECOND,
        "docs/answers/draft.md": draft,
        "docs/answers/retired.md": retired,
        "docs/answers/later.md": later,
    })
    result = run(kb_cli, config, "csv")
    assert result.exit_code == 0, result.stderr
    ids = [r["id"] for r in csv.DictReader(io.StringIO(result.stdout_bytes.decode("utf-8-sig")))]
    assert ids == ["card-refund"]
    assert "later" in result.stderr and "2026-09-01" in result.stderr


@pytest.mark.parametrize("fmt", ["zendesk", "freshdesk", "intercom", "csv"])
def test_the_sample_kb_exports_every_answer_with_its_map(kb_cli, fmt):
    result = kb_cli("export", fmt, "-f", str(REPO / "mkdocs.yml"),
                    "--placeholders", str(REPO / "placeholders.yaml"))
    assert result.exit_code == 0, result.stderr
    out = result.stdout_bytes.decode("utf-8-sig")
    assert "[[" not in out and "**" not in out
    assert "{{" not in out or fmt != "zendesk" or "{{ticket." in out


# --- the documented CI step ----------------------------------------------------------


def test_the_ci_export_step_runs_on_the_sample_kb(tmp_path):
    """docs-dev/github-workflow.yml's `kb export` step, run as CI would on main."""
    import shutil
    import subprocess
    import sys

    import yaml

    workflow = (REPO / "docs-dev" / "github-workflow.yml").read_text(encoding="utf-8")
    assert workflow in (REPO / "README.md").read_text(encoding="utf-8")  # the README's copy
    job = yaml.safe_load(workflow)["jobs"]["export"]
    assert job["needs"] == "check" and "refs/heads/main" in job["if"]
    script = next(step["run"] for step in job["steps"] if step.get("id") == "export")
    kb_dir = tmp_path / "kb"
    shutil.copytree(REPO / "docs", kb_dir / "docs")
    shutil.copytree(REPO / "policies", kb_dir / "policies")
    for name in ("mkdocs.yml", "placeholders.yaml", "synonyms.yaml"):
        shutil.copy(REPO / name, kb_dir / name)
    output = tmp_path / "github_output"
    env = {**os.environ, "GITHUB_OUTPUT": str(output),
           "PATH": f"{os.path.dirname(sys.executable)}:{os.environ['PATH']}"}
    done = subprocess.run(["bash", "-e", "-c", script], cwd=kb_dir, env=env,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert output.read_text() == "status=0\n"
    files = sorted(p.name for p in (kb_dir / "export").iterdir())
    assert files == ["answers.csv", "freshdesk.json", "intercom.json", "zendesk.json"]
    macros = json.loads((kb_dir / "export" / "zendesk.json").read_text(encoding="utf-8"))
    assert len(macros["macros"]) > 100
    # A KB without a placeholder map: the good answers still go, and the step says so.
    (kb_dir / "placeholders.yaml").unlink()
    output.unlink()
    done = subprocess.run(["bash", "-e", "-c", script], cwd=kb_dir, env=env,
                          capture_output=True, text=True)
    assert done.returncode == 0 and output.read_text() == "status=1\n"
    assert "placeholder-unmapped" in done.stderr
    fewer = json.loads((kb_dir / "export" / "zendesk.json").read_text(encoding="utf-8"))
    assert 0 < len(fewer["macros"]) < len(macros["macros"])


def test_html_bodies_escape_what_the_answer_says(make_kb, kb_cli):
    body = SECOND.replace("걸립니다.", "걸립니다. <script>alert(1)</script> A&B 카드사")
    config = make_kb({"policies/refund.yaml": POLICY, "docs/answers/card.md": body})
    result = run(kb_cli, config, "freshdesk")
    html = out_json(result)["canned_responses"][0]["content_html"]
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; A&amp;B 카드사" in html
