"""Scheduled versions (SPEC §4): a change decided in advance is green today and red on its date.

The KBs are written into tmp_path; the scheduled date is far ahead (2099)
so that "today" is always before it, and every check names its date.
"""

from __future__ import annotations

import json
import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
from conftest import write_kb

from kb import check, load

POLICY = """\
    # 반납 수수료: 운영관리팀이 분기마다 검토한다.
    id: FEE
    title: 반납 수수료 정책
    owner: 운영관리팀
    clauses:
      - id: FEE-1
        title: 구역 외 반납 수수료
        version: 1
        effective: 2026-01-01
        text: |
          반납 가능 구역 밖에 반납하면 **수수료 2,000원**을 청구합니다.

      - id: FEE-2
        title: 견인 비용
        version: 1
        effective: 2026-01-01
        text: |
          견인되면 견인료 40,000원을 청구합니다.
"""

FILES = {
    "policies/fee.yaml": POLICY,
    "docs/answers/fee.md": """\
        ---
        id: fee-outside-zone
        title: 구역 밖 반납 수수료 안내
        cites: [FEE-1@1]
        ---
        구역 밖에 반납하시면 수수료 2,000원이 청구됩니다.
        """,
    "docs/answers/towing.md": """\
        ---
        id: towing
        title: 견인 안내
        cites: [FEE-2@1]
        ---
        견인료는 40,000원입니다. 구역 밖 반납 수수료는 [[FEE-1@1]]을 따릅니다.
        """,
    "docs/answers/tow-only.md": """\
        ---
        id: tow-only
        title: 견인료만 안내
        cites: [FEE-2@1]
        ---
        견인료는 40,000원입니다.
        """,
    "docs/manuals/guide.md": """\
        # 반납 응대 가이드

        구역 밖 반납은 수수료가 붙습니다([[FEE-1]]).

        수수료 기준표: [[FEE-1@1]]

        견인은 [[FEE-2]]를 보세요.
        """,
    "docs/manuals/towing.md": """\
        # 견인 응대

        견인은 [[FEE-2]]를 따릅니다.
        """,
}

NEW_TEXT = "반납 가능 구역 밖에 반납하면 **수수료 3,000원**을 청구합니다."
DAY = "2099-01-01"


@pytest.fixture
def kb(tmp_path, kb_cli):
    """The KB after the owner has scheduled FEE-1 v2 for 2099-01-01 with `kb bump`."""
    config = write_kb(tmp_path / "kb", FILES)
    result = kb_cli(
        "bump", "FEE-1", "-f", str(config), "--effective", DAY, "--text", NEW_TEXT,
        "--note", "수수료 2,000원 → 3,000원",
    )
    assert result.exit_code == 0, result.output
    return config


def check_json(kb_cli, config: Path, *args: str) -> tuple[int, dict]:
    result = kb_cli("check", "-f", str(config), "--format", "json", *args)
    return result.exit_code, json.loads(result.stdout)


def errors(report: dict) -> set[tuple[str, int, str, str]]:
    return {
        (f["path"], f["line"], f["code"], f["clause"])
        for f in report["findings"]
        if f["severity"] == "error"
    }


# --- kb bump and kb check -------------------------------------------------------


def test_bump_writes_a_scheduled_version_and_says_what_it_means(kb, kb_cli):
    text = (kb.parent / "policies/fee.yaml").read_text(encoding="utf-8")
    assert "    version: 2\n    effective: 2099-01-01\n" in text
    assert "      - version: 1\n        effective: 2026-01-01\n" in text
    assert "note: 수수료 2,000원 → 3,000원" in text
    assert text.startswith("# 반납 수수료: 운영관리팀이 분기마다 검토한다.\n")  # comment kept


def test_bump_output_points_to_the_date_not_to_a_replacement(tmp_path, kb_cli):
    config = write_kb(tmp_path / "kb", FILES)
    result = kb_cli("bump", "FEE-1", "-f", str(config), "--effective", DAY, "--text", NEW_TEXT)
    assert "FEE-1 버전 2은(는) 2099-01-01부터 시행됩니다" in result.stderr
    assert "버전 1이(가) 시행 중" in result.stderr
    assert f"kb check --as-of {DAY}" in result.stderr
    assert "--supersedes" not in result.output  # no longer the advice: scheduling is normal
    assert "2099-01-01부터 버전이 바뀌면 다시 읽고" in result.stdout
    assert "fee-outside-zone" in result.stdout and "tow-only" not in result.stdout


def test_future_bump_leaves_today_clean(kb, kb_cli):
    result = kb_cli("check", "-f", str(kb), "--strict")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("오류 0개, 경고 0개")
    code, _ = check_json(kb_cli, kb, "--as-of", "2098-12-31")  # the day before
    assert code == 0


def test_as_of_the_date_is_red_with_exactly_the_answers_and_manuals_that_go_stale(kb, kb_cli):
    code, report = check_json(kb_cli, kb, "--as-of", DAY)
    assert code == 1
    assert report["as_of"] == DAY
    assert errors(report) == {
        ("docs/answers/fee.md", 4, "stale-citation", "FEE-1"),
        ("docs/answers/towing.md", 6, "stale-citation", "FEE-1"),  # inline [[FEE-1@1]]
        ("docs/manuals/guide.md", 5, "stale-citation", "FEE-1"),  # pinned in a manual
    }
    message = next(f["message"] for f in report["findings"] if f["path"].endswith("fee.md"))
    assert "버전 2" in message and "2099-01-01" in message and "FEE-1@2" in message


def test_text_format_names_file_line_and_fix(kb, kb_cli):
    result = kb_cli("check", "-f", str(kb), "--as-of", DAY)
    first = result.output.splitlines()[0]
    assert first.startswith("docs/answers/fee.md:4: error: stale-citation FEE-1@1")
    assert "kb review" in first
    assert result.output.splitlines()[-1] == "오류 3개, 경고 0개 (파일 6개, 2099-01-01 기준)"


# --- answers prepared for the new version ------------------------------------------


def _answer(root: Path, name: str, cites: str, effective: str | None) -> None:
    extra = f"effective: {effective}\n" if effective else ""
    (root / "docs/answers" / f"{name}.md").write_text(
        f"---\nid: {name}\ntitle: {name}\ncites: [{cites}]\n{extra}---\n수수료 안내\n",
        encoding="utf-8",
    )


def test_answer_with_effective_is_checked_against_the_version_in_force_on_its_date(kb, kb_cli):
    root = kb.parent
    _answer(root, "ready", "FEE-1@2", DAY)  # prepared for the new fee: good today
    _answer(root, "early", "FEE-1@2", None)  # the new version, but live today: too early
    _answer(root, "late", "FEE-1@1", DAY)  # goes live on the date with the old version
    code, report = check_json(kb_cli, kb)
    found = {(f["path"], f["code"]) for f in report["findings"]}
    assert found == {
        ("docs/answers/early.md", "future-clause"),
        ("docs/answers/late.md", "stale-citation"),
    }
    early = next(f for f in report["findings"] if f["path"] == "docs/answers/early.md")
    assert f"'effective: {DAY}'" in early["message"]  # says how to fix
    assert code == 1


def test_new_answer_pins_the_version_in_force_on_its_own_date(kb, kb_cli):
    today = kb_cli("new", "answer", "fee-now", "-f", str(kb), "--title", "지금",
                   "--cite", "FEE-1", "--body", "수수료 2,000원")
    assert today.exit_code == 0, today.output
    assert "cites: [FEE-1@1]" in (kb.parent / "docs/answers/fee-now.md").read_text("utf-8")
    assert "FEE-1 버전 2이(가) 2099-01-01부터 시행됩니다" in today.output
    later = kb_cli("new", "answer", "fee-new", "-f", str(kb), "--title", "나중",
                   "--cite", "FEE-1", "--body", "수수료 3,000원", "--effective", DAY)
    assert later.exit_code == 0, later.output
    text = (kb.parent / "docs/answers/fee-new.md").read_text("utf-8")
    assert "cites: [FEE-1@2]" in text and "effective: 2099-01-01" in text
    assert kb_cli("check", "-f", str(kb), "--strict").exit_code == 0


THREE_VERSIONS = """\
    id: FEE
    title: 반납 수수료 정책
    owner: 운영관리팀
    clauses:
      - id: FEE-1
        title: 구역 외 반납 수수료
        version: 3
        effective: 2099-01-01
        text: |
          수수료 3,000원을 청구합니다.
        history:
          - version: 2
            effective: 2026-01-01
            note: 2,000원 → 3,000원
            text: |
              수수료 2,000원을 청구합니다.
          - version: 1
            effective: 2025-01-01
            note: 1,000원 → 2,000원
            text: |
              수수료 1,000원을 청구합니다.
"""


def test_review_repins_to_the_version_in_force_not_the_scheduled_one(tmp_path, kb_cli):
    config = write_kb(tmp_path / "kb", {
        "policies/fee.yaml": THREE_VERSIONS,
        "docs/answers/fee.md": "---\nid: fee\ntitle: 수수료\ncites: [FEE-1@1]\n---\n2,000원\n",
    })
    code, report = check_json(kb_cli, config)
    assert [(f["code"], f["line"]) for f in report["findings"]] == [("stale-citation", 4)]
    assert "버전 2" in report["findings"][0]["message"]
    result = kb_cli("review", "fee", "-f", str(config))
    assert result.exit_code == 0, result.output
    answer = (config.parent / "docs/answers/fee.md").read_text("utf-8")
    assert "cites: [FEE-1@2]" in answer  # not FEE-1@3, which is only scheduled
    assert kb_cli("check", "-f", str(config), "--strict").exit_code == 0


def test_review_as_of_a_future_date_refuses_a_live_answer_and_says_use_effective(kb, kb_cli):
    root = kb.parent
    _answer(root, "live", "FEE-1@1", None)
    result = kb_cli("review", "live", "-f", str(kb), "--as-of", DAY)
    assert result.exit_code == 2
    assert "미래 날짜" in result.output and f"effective: {DAY}" in result.output
    assert "cites: [FEE-1@1]" in (root / "docs/answers/live.md").read_text("utf-8")  # untouched
    _answer(root, "ready", "FEE-1@1", DAY)  # prepared for the date: re-pinned to its version
    result = kb_cli("review", "ready", "-f", str(kb), "--as-of", DAY, "--force")
    assert result.exit_code == 0, result.output
    assert "cites: [FEE-1@2]" in (root / "docs/answers/ready.md").read_text("utf-8")
    assert kb_cli("check", "-f", str(kb), "--strict").exit_code == 0


# --- kb show, kb report --------------------------------------------------------------


def test_show_clause_gives_the_text_in_force_and_the_scheduled_text_with_its_diff(kb, kb_cli):
    out = kb_cli("show", "FEE-1", "-f", str(kb)).output
    assert "상태(" in out and "시행 중" in out
    assert "  버전 1, 2026-01-01 부터" in out
    in_force = out.index("본문 (버전 1):")
    scheduled = out.index("시행 예정 (2099-01-01부터) 버전 2:")
    assert in_force < scheduled
    assert "수수료 2,000원" in out[in_force:scheduled]
    assert "[-2,000원을-]{+3,000원을+}" in out
    assert "v1 → v2: 수수료 2,000원 → 3,000원  (2099-01-01부터, 시행 예정)" in out
    policy = kb_cli("show", "FEE", "-f", str(kb)).output
    line = "FEE-1  v1  시행 중  구역 외 반납 수수료  (답변 2개)  → v2 2099-01-01부터 시행 예정"
    assert line in policy
    data = json.loads(kb_cli("show", "FEE-1", "-f", str(kb), "--format", "json").output)
    assert data["state"] == "current"
    assert data["in_force"]["version"] == 1 and data["scheduled"]["effective"] == DAY


def test_show_clause_history_reads_as_changes_from_one_version_to_the_next(tmp_path, kb_cli):
    config = write_kb(tmp_path / "kb", {"policies/fee.yaml": THREE_VERSIONS})
    out = kb_cli("show", "FEE-1", "-f", str(config), "--as-of", "2100-01-01").output
    assert "v2 → v3: 2,000원 → 3,000원  (2099-01-01부터)" in out
    assert "v1 → v2: 1,000원 → 2,000원  (2026-01-01부터)" in out
    assert "시행 예정" not in out  # on 2100-01-01 nothing is scheduled any more


def test_show_answer_shows_the_clause_text_in_force_on_the_answers_date(kb, kb_cli):
    out = kb_cli("show", "fee-outside-zone", "-f", str(kb)).output
    cited = out[out.index("인용한 조항"):]
    assert "FEE-1 v1" in cited and "2,000원" in cited and "3,000원" not in cited


def test_report_lists_the_scheduled_change_with_answers_and_manual_lines(kb, kb_cli):
    result = kb_cli("report", "-f", str(kb), "--format", "json")
    data = json.loads(result.output)
    [change] = data["scheduled"]
    assert (change["date"], change["clause"], change["from_version"], change["to_version"]) == (
        DAY, "FEE-1", 1, 2,
    )
    assert change["note"] == "수수료 2,000원 → 3,000원"
    assert [(a["id"], a["line"]) for a in change["answers"]] == [
        ("fee-outside-zone", 4), ("towing", 6),
    ]
    assert change["manuals"] == [{"path": "docs/manuals/guide.md", "lines": [3, 5]}]
    breaking = {(b["answer"], b["date"], b["code"]) for b in data["breaking"]}
    assert breaking == {
        ("fee-outside-zone", DAY, "stale-citation"),
        ("towing", DAY, "stale-citation"),
    }
    text = kb_cli("report", "-f", str(kb)).output
    assert "2099-01-01  FEE-1 구역 외 반납 수수료  v1 → v2: 수수료 2,000원 → 3,000원" in text
    assert "매뉴얼 docs/manuals/guide.md:3,5" in text
    assert "docs/manuals/towing.md" not in text


# --- search ---------------------------------------------------------------------------


def test_search_reads_a_scheduled_clause_as_current_and_shows_the_text_in_force(kb, kb_cli):
    data = json.loads(kb_cli("search", "반납 수수료", "-f", str(kb), "--kind", "clause",
                             "--format", "json").output)
    hit = next(h for h in data["results"] if h["id"] == "FEE-1")
    assert hit["status"] == "current"
    assert hit["snippet"].startswith("반납 가능 구역 밖에 반납하면 수수료 2,000원")
    answers = json.loads(kb_cli("search", "구역 밖 반납 수수료", "-f", str(kb), "--kind",
                                "answer", "--format", "json").output)
    fee = next(h for h in answers["results"] if h["id"] == "fee-outside-zone")
    assert fee["cites"] == [{"id": "FEE-1", "state": "current"}]


# --- the site ---------------------------------------------------------------------------


@pytest.fixture
def site(kb, kb_cli):
    _answer(kb.parent, "fee-2099", "FEE-1@2", DAY)
    out = kb.parent.parent / "site"
    result = kb_cli("build", "-q", "-f", str(kb), "--site-dir", str(out))
    assert result.exit_code == 0, result.output
    return out


def _page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_policy_page_shows_the_text_in_force_and_a_scheduled_block_with_its_diff(site):
    page = _page(site, "policies/fee")
    section = page[page.index('id="fee-1"'):page.index('id="fee-2"')]
    in_force = section[:section.index('class="kb-scheduled"')]
    assert "수수료 2,000원" in in_force and "3,000원" not in in_force
    assert "v1" in _text(in_force) and "2026-01-01" in in_force
    block = section[section.index('class="kb-scheduled"'):section.index("kb-history")]
    assert "시행 예정 (2099-01-01부터)" in block and "버전 2" in block
    assert "수수료 3,000원" in block
    assert "<del>2,000원을</del><ins>3,000원을</ins>" in block
    assert "지금 시행 중인 버전 1에서 바뀌는 부분" in block
    assert "v1 → v2: 수수료 2,000원 → 3,000원" in section  # the history note
    index = page[page.index("kb-clause-index"):page.index('id="fee-1"')]
    assert "<td>v1</td><td>2026-01-01</td>" in index and "시행 예정 (2099-01-01부터)" in index


def test_answer_pages_show_the_clause_text_in_force_on_their_date(site):
    now = _page(site, "answers/fee")
    card = now[now.index('class="kb-cited"'):]
    assert "수수료 2,000원" in card and "수수료 3,000원" not in card
    assert "v1 · 시행일 2026-01-01" in _text(card)
    assert "시행 예정 (2099-01-01부터)" in card  # warned that the text will change
    ready = _page(site, "answers/fee-2099")
    card = ready[ready.index('class="kb-cited"'):]
    assert "수수료 3,000원" in card and "v2 · 시행일 2099-01-01" in _text(card)
    assert "2099-01-01부터 사용" in ready  # the answer itself is not live yet


# --- with git: the owner edits the text in the file, then bumps ------------------------


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)


def test_bump_after_editing_the_file_takes_the_old_text_from_git(tmp_path, kb_cli):
    config = write_kb(tmp_path / "kb", FILES)
    root = config.parent
    _git(root, "init", "-q")
    _git(root, "-c", "user.name=t", "-c", "user.email=t@example.com", "add", ".")
    _git(root, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "kb")
    policy = root / "policies/fee.yaml"
    policy.write_text(policy.read_text("utf-8").replace("2,000원", "3,000원"), "utf-8")
    result = kb_cli("bump", "FEE-1", "-f", str(config), "--effective", DAY)
    assert result.exit_code == 0, result.output
    out = kb_cli("show", "FEE-1", "-f", str(config)).output
    assert "[-2,000원을-]{+3,000원을+}" in out and "본문 (버전 1):" in out
    assert kb_cli("check", "-f", str(config), "--strict").exit_code == 0
    assert kb_cli("check", "-f", str(config), "--as-of", DAY).exit_code == 1



# --- the sample KB: RIDE-3 심야 할증 20% → 30% from 2027-01-01 -------------------------


def _sample_copy(root: Path, as_of: str) -> Path:
    """The repository's sample KB, copied, with the site shown as on `as_of`."""
    import shutil

    from conftest import REPO

    root.mkdir(parents=True)
    for name in ("policies", "docs"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "synonyms.yaml", root / "synonyms.yaml")
    config = (REPO / "mkdocs.yml").read_text("utf-8")
    assert "  - kb\n" in config
    (root / "mkdocs.yml").write_text(
        config.replace("  - kb\n", f"  - kb:\n      as_of: '{as_of}'\n"), "utf-8"
    )
    return root / "mkdocs.yml"


def test_sample_kb_schedules_a_fee_change_that_is_green_now_and_red_on_its_date(kb_cli):
    from conftest import REPO

    config = str(REPO / "mkdocs.yml")
    assert kb_cli("check", "-f", config, "--as-of", "2026-12-01", "--strict").exit_code == 0
    assert kb_cli("check", "-f", config, "--as-of", "2026-12-31").exit_code == 0  # the eve
    code, report = check_json(kb_cli, Path(config), "--as-of", "2027-01-01")
    assert code == 1
    assert errors(report) == {
        ("docs/answers/fare/fare-estimate.md", 4, "stale-citation", "RIDE-3"),
        ("docs/answers/fare/night-surcharge-midnight.md", 4, "stale-citation", "RIDE-3"),
        ("docs/answers/fare/night-surcharge.md", 4, "stale-citation", "RIDE-3"),
        ("docs/answers/pass/pass-night.md", 4, "stale-citation", "RIDE-3"),
    }
    # the answer prepared for the new rate is good on both sides of the date
    assert not any("night-surcharge-2027" in f["path"] for f in report["findings"])


@pytest.mark.browser
def test_screenshot_of_the_sample_scheduled_policy_page(tmp_path, kb_cli):
    from browser import ARTIFACTS, page_at, require_browser, serve_directory, shared_browser

    require_browser()
    config = _sample_copy(tmp_path / "kb", "2026-12-05")
    out = tmp_path / "site"
    result = kb_cli("build", "-q", "-f", str(config), "--site-dir", str(out))
    assert result.exit_code == 0, result.output
    home = (out / "index.html").read_text("utf-8")
    row = re.search(r"<tr><td>2027-01-01</td>.*?</tr>", home)[0]  # the home page's recent changes
    assert "RIDE-3" in row and "kb-badge--future" in row and "kb-badge--current" not in row
    with serve_directory(out) as base, page_at(shared_browser(), base) as page:
        page.goto(base + "policies/ride/#ride-3")
        section = page.locator("section.kb-clause", has=page.locator("#ride-3"))
        in_force = section.locator(".kb-clause__text").first
        assert "20% 할증" in in_force.inner_text()
        block = section.locator(".kb-scheduled")
        assert block.is_visible()
        assert "시행 예정 (2027-01-01부터)" in block.inner_text()
        assert "30% 할증" in block.locator(".kb-clause__text").inner_text()
        assert block.locator(".kb-diff del", has_text="20%").first.is_visible()
        assert block.locator(".kb-diff ins", has_text="30%").first.is_visible()
        section.locator("details.kb-history summary").click()
        assert "v1 → v2: 심야 할증률 20% → 30%" in section.locator(".kb-history").inner_text()
        assert page.js_errors == []
        # the sticky header would cover the clause's heading in an element screenshot
        page.add_style_tag(content=".md-header { position: static !important; }")
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / "scheduled-policy.png"
        section.screenshot(path=str(path))  # the clause alone: in force, scheduled, history
    assert path.stat().st_size > 10_000


def test_policy_page_history_table_says_how_each_version_came_about(site):
    page = _page(site, "policies/fee")
    section = page[page.index('id="fee-1"'):page.index('id="fee-2"')]
    table = section[section.index("kb-table--compact"):]
    assert "<td>v2</td><td>2099-01-01</td><td>v1 → v2: 수수료 2,000원 → 3,000원</td>" in table
    assert "<td>v1</td><td>2026-01-01</td><td></td>" in table


def test_the_issues_future_bump_on_the_sample_kb(tmp_path, kb_cli):
    """Issue 11: `kb bump REFUND-3 --effective 2027-01-01` used to give 11 errors at once."""
    config = str(_sample_copy(tmp_path / "kb", "2026-12-01"))
    bumped = kb_cli("bump", "REFUND-3", "-f", config, "--effective", "2027-01-01",
                    "--text", "신용·체크카드 환불은 카드사 영업일 기준 2~5일 안에 반영됩니다.",
                    "--note", "카드 환불 3~7일 → 2~5일")
    assert bumped.exit_code == 0, bumped.output
    assert kb_cli("check", "-f", config, "--as-of", "2026-12-01", "--strict").exit_code == 0
    code, report = check_json(kb_cli, Path(config), "--as-of", "2027-01-01")
    found = errors(report)  # (path, line, code, clause)
    assert code == 1 and {f[2] for f in found} == {"stale-citation"}
    stale = {(f[0], f[3]) for f in found}
    assert {p for p, c in stale if c == "REFUND-3"} == {
        "docs/answers/compensation/double-charge-apology.md",  # they state its days: cite it
        "docs/answers/refund/pass-unused.md",
        "docs/answers/fare/unlock-failed-charged.md",
        "docs/answers/parking/still-charging-after-return.md",
        "docs/answers/payment/double-charge.md",
        "docs/answers/refund/device-defect.md",
        "docs/answers/refund/not-received.md",
        "docs/answers/refund/processing-time.md",
    }
    assert {c for _, c in stale} == {"REFUND-3", "RIDE-3"}  # RIDE-3 changes that day too
    data = json.loads(kb_cli("report", "-f", config, "--as-of", "2026-12-01",
                             "--format", "json").output)
    refund = next(s for s in data["scheduled"] if s["clause"] == "REFUND-3")
    assert [m["path"] for m in refund["manuals"]] == [
        "docs/manuals/complaints.md", "docs/manuals/tone.md", "docs/manuals/weekend.md",
    ]
    assert all(m["lines"] for m in refund["manuals"])


# --- the rule, table-driven: which version is in force on which day ----------------------

SCHEDULED = """\
    id: FEE
    title: 반납 수수료 정책
    owner: 운영관리팀
    clauses:
      - id: FEE-1
        title: 구역 외 반납 수수료
        version: 2
        effective: 2027-01-01
        text: 3,000원
        history:
          - version: 1
            effective: 2026-01-01
            text: 2,000원
      - id: FEE-2
        title: 견인 비용
        version: 1
        effective: 2026-01-01
        expires: 2027-01-01
        text: 40,000원
"""


@pytest.mark.parametrize(
    ("cites", "as_of", "extra", "expected"),
    [
        ("FEE-1@1", "2026-12-31", "", []),  # the eve: v1 still in force
        ("FEE-1@1", "2027-01-01", "", ["stale-citation"]),  # the day: v2 in force
        ("FEE-1@2", "2026-12-31", "", ["future-clause"]),  # cited before its date
        ("FEE-1@2", "2027-01-01", "", []),
        ("FEE-1@2", "2026-12-01", "effective: 2027-01-01\n", []),  # prepared for the day
        ("FEE-1@1", "2026-12-01", "effective: 2027-01-01\n", ["stale-citation"]),
        ("FEE-1@3", "2026-12-31", "", ["stale-citation"]),  # no such version
        ("FEE-1@1", "2025-12-31", "", ["future-clause"]),  # before any version
        ("FEE-2@1", "2027-01-01", "", ["expired-clause"]),  # expiry is not a version
    ],
)
def test_the_version_in_force_decides(tmp_path, cites, as_of, extra, expected):
    config = write_kb(tmp_path / "kb", {
        "policies/fee.yaml": SCHEDULED,
        "docs/answers/a.md": f"---\nid: a\ntitle: 답변\ncites: [{cites}]\n{extra}---\n본문\n",
    })
    report = check(load(config), date.fromisoformat(as_of))
    assert [f.code for f in report.findings] == expected
