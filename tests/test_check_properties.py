"""Property-based tests: whatever is in the files, kb check reports, never crashes."""

from __future__ import annotations

import json
import textwrap

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kb.cli import main

CODES = {
    "parse-error", "schema-error", "duplicate-id", "missing-citation", "bad-citation",
    "unknown-clause", "superseded-clause", "retired-clause", "expired-clause",
    "future-clause", "stale-citation", "review-overdue",
}
SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])

korean = st.text(alphabet=st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3), max_size=20)
odd_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200
) | korean | st.sampled_from(["\u200b", "\ufeff", "가\u0301", "한", "'", '"', "[", "{", ":"])
scalars = (st.none() | st.booleans() | st.integers(min_value=-(10**30), max_value=10**30)
           | st.floats(allow_nan=False) | odd_text | st.dates().map(str)
           | st.just("x" * 100_000))
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                      | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=12)


def run_check(tmp_path, files: dict[str, str]):
    root = tmp_path
    (root / "mkdocs.yml").write_text("site_name: t\nplugins: [search, kb]\n", encoding="utf-8")
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8", errors="surrogatepass")
    result = CliRunner().invoke(main, ["check", "-f", str(root / "mkdocs.yml"),
                                       "--as-of", "2026-11-22", "--format", "json"],
                                catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    data = json.loads(result.output)
    for finding in data["findings"]:
        assert finding["code"] in CODES
        assert isinstance(finding["line"], int) and finding["line"] >= 1
        assert finding["path"] in files or (root / finding["path"]).is_file()
    return data


def yaml_dump(value) -> str:
    import yaml

    return yaml.safe_dump(value, allow_unicode=True)


@SETTINGS
@given(text=odd_text)
def test_any_text_as_policy_file(tmp_path_factory, text):
    run_check(tmp_path_factory.mktemp("kb"), {"policies/p.yaml": text})


@SETTINGS
@given(text=odd_text)
def test_any_text_as_answer_file(tmp_path_factory, text):
    run_check(tmp_path_factory.mktemp("kb"), {"docs/answers/a.md": text})


@SETTINGS
@given(fields=st.dictionaries(
    st.sampled_from(["id", "title", "owner", "review_by", "summary", "clauses"]), values))
def test_policy_fields_of_any_type(tmp_path_factory, fields):
    data = run_check(tmp_path_factory.mktemp("kb"), {"policies/p.yaml": yaml_dump(fields)})
    if not {"id", "title", "owner", "clauses"} <= fields.keys():
        assert any(f["code"] == "schema-error" for f in data["findings"])


@SETTINGS
@given(clause=st.dictionaries(
    st.sampled_from(["id", "title", "version", "effective", "expires", "status", "supersedes",
                     "text", "history"]), values))
def test_clause_fields_of_any_type(tmp_path_factory, clause):
    policy = {"id": "P", "title": "정책", "owner": "팀", "clauses": [clause]}
    run_check(tmp_path_factory.mktemp("kb"), {"policies/p.yaml": yaml_dump(policy)})


@SETTINGS
@given(front=st.dictionaries(
    st.sampled_from(["id", "title", "cites", "tags", "status", "owner", "review_by",
                     "effective"]), values), body=odd_text)
def test_answer_front_matter_of_any_type(tmp_path_factory, front, body):
    text = "---\n" + yaml_dump(front) + "---\n" + body
    run_check(tmp_path_factory.mktemp("kb"), {"docs/answers/a.md": text})


def test_huge_and_deep_values_are_findings(tmp_path):
    deep = "a: " + "[" * 5000 + "]" * 5000 + "\n"
    big = "id: P\ntitle: " + "가" * 600_000 + "\nowner: 팀\nclauses: []\n"  # 1.8 MB: read
    huge = "id: Q\ntitle: " + "가" * 2_000_000 + "\nowner: 팀\nclauses: []\n"  # 6 MB: not read
    data = run_check(tmp_path, {"policies/deep.yaml": deep, "policies/big.yaml": big,
                                "policies/huge.yaml": huge})
    codes = {(f["path"], f["code"]) for f in data["findings"]}
    assert ("policies/deep.yaml", "parse-error") in codes or (
        "policies/deep.yaml", "schema-error") in codes
    assert ("policies/big.yaml", "schema-error") in codes
    assert ("policies/huge.yaml", "parse-error") in codes  # over the 2 MB limit


def test_not_utf8_is_a_parse_error_with_line(tmp_path):
    (tmp_path / "policies").mkdir()
    (tmp_path / "policies" / "euckr.yaml").write_bytes(
        "id: P\ntitle: 환불\n".encode("euc-kr"))
    data = run_check(tmp_path, {})
    assert [(f["code"], f["line"]) for f in data["findings"]] == [("parse-error", 2)]


def test_bad_file_does_not_hide_the_rest(tmp_path):
    files = {
        "policies/a-bad.yaml": "id: [\n",
        "policies/b.yaml": textwrap.dedent("""\
            id: B
            title: 정책
            owner: 팀
            clauses:
              - {id: B-1, title: 조항, version: 1, effective: 2026-01-01, text: 본문}
            """),
        "docs/answers/x.md": "---\nid: x\ntitle: t\ncites: [B-1@2]\n---\n",
    }
    data = run_check(tmp_path, files)
    # SPEC §5: the parse error first; B-1 is read from b.yaml, so its citation is checked
    assert [f["code"] for f in data["findings"]] == ["parse-error", "stale-citation"]
