"""Issue 12's attacks on kb's state: caches, the search index, git history, files kept as written.

One test per reported case, named after it, so that the next attack starts
from these. Everything is real: real files, real git repositories, real
whoosh indexes, the `kb` command in a subprocess where a process boundary
matters (a read-only mount, a missing git).

Read-only places: the tests run as root in CI, and root writes through
`chmod a-w`. So a read-only KB is a real read-only bind mount in a private
mount namespace (`unshare --mount`, which root may do), and as a normal
user plain `chmod`; a `.kb-cache` that is a file is the case both respect.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import write_kb
from search_kb import SEARCH_KB

from kb.config import read_config
from kb.search.index import MANIFEST, POINTER, Location, update

KB_BIN = str(Path(sys.executable).with_name("kb"))


def run_kb(*args: str, env: dict | None = None, cwd: Path | None = None,
           wrap: list[str] | None = None) -> subprocess.CompletedProcess:
    """The real `kb` command in its own process."""
    return subprocess.run(
        [*(wrap or []), KB_BIN, *args],
        capture_output=True, text=True, env=env or dict(os.environ), cwd=cwd, timeout=120,
    )


def search_ids(config: Path, query: str, **env) -> list[str]:
    done = run_kb("search", query, "-f", str(config), "--format", "json", "--limit", "50",
                  env=dict(os.environ, **env) if env else None)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return [r["id"] for r in json.loads(done.stdout)["results"]]


def check_json(config: Path, *extra: str) -> dict:
    done = run_kb("check", "-f", str(config), "--format", "json", "--as-of", "2026-11-22",
                  *extra)
    assert done.returncode in (0, 1), done.stderr
    assert "Traceback" not in done.stderr
    return json.loads(done.stdout)


@pytest.fixture
def search_kb(tmp_path) -> Path:
    return write_kb(tmp_path / "kb", SEARCH_KB)


# --- 9. the parse cache is keyed by everything a parse depends on -------------

ANSWERS_DIR_CONFIG = """\
site_name: 캐시 KB
plugins:
  - search
  - kb:
      answers_dir: {answers_dir}
"""


def test_9_parse_cache_key_answers_dir_changed_and_back(tmp_path):
    files = {
        "policies/refund.yaml": SEARCH_KB["policies/refund.yaml"],
        "docs/answers/refund/processing.md": SEARCH_KB["docs/answers/refund/processing.md"],
        "docs/answers/account/password.md": SEARCH_KB["docs/answers/account/password.md"]
        .replace("ACCOUNT-1@1", "REFUND-1@1"),
    }
    config = write_kb(tmp_path / "kb", files, ANSWERS_DIR_CONFIG.format(answers_dir="answers"))

    def set_answers_dir(value: str) -> None:
        config.write_text(ANSWERS_DIR_CONFIG.format(answers_dir=value), encoding="utf-8")

    def both_ways(expect_password_answer: bool) -> None:
        # check and search interleaved, each twice: a cold and a warm cache
        for _ in range(2):
            data = check_json(config)
            assert data["counts"]["error"] == 0, data
            found = search_ids(config, "비밀번호")
            assert ("password-reset" in found) is expect_password_answer
            assert ("answers/account/password.md" in found) is not expect_password_answer

    # Both directions, each from a cache the other configuration filled:
    # no `'Manual' object has no attribute 'status'` (or 'published').
    for answers_dir in ("answers/refund", "answers", "answers/refund", "answers"):
        set_answers_dir(answers_dir)
        both_ways(answers_dir == "answers")


def test_9_parse_cache_key_is_explicit(tmp_path):
    from kb.cache import ParseCache, cache_key

    root = tmp_path / "kb"
    one = cache_key(root, root / "docs", root / "docs/answers", root / "policies")
    other = cache_key(root, root / "docs", root / "docs/answers/refund", root / "policies")
    assert set(one) >= {"docs_dir", "answers_dir", "policies_dir", "kb", "code", "python"}
    assert one != other
    assert ParseCache(root, key=one).path != ParseCache(root, key=other).path


# --- 10. a same-size edit with the mtime put back is seen ---------------------


def _edit_keeping_size_and_mtime(path: Path, old: str, new: str) -> None:
    assert len(old.encode()) == len(new.encode())
    before = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)


def test_10_same_size_edit_with_mtime_put_back(search_kb):
    answer = search_kb.parent / "docs/answers/refund/processing.md"
    assert check_json(search_kb)["counts"]["error"] == 0
    assert "refund-processing" in search_ids(search_kb, "시점")
    # REFUND-3@1 -> REFUND-9@1: same size, an unknown clause now; 시점 -> 시각
    _edit_keeping_size_and_mtime(answer, "REFUND-3@1", "REFUND-9@1")
    _edit_keeping_size_and_mtime(answer, "시점", "시각")
    codes = [f["code"] for f in check_json(search_kb)["findings"]]
    assert "unknown-clause" in codes
    assert "refund-processing" not in search_ids(search_kb, "시점")
    assert search_ids(search_kb, "돌아오는 시각")[0] == "refund-processing"


def test_10_cached_file_replaced_by_a_fifo_is_not_opened(search_kb):
    """The cache compares contents by hash: never by opening a FIFO (it would block)."""
    policy = search_kb.parent / "policies/account.yaml"
    assert check_json(search_kb)["counts"]["error"] == 0  # cached, recently changed
    policy.unlink()
    os.mkfifo(policy)
    codes = {(f["path"], f["code"]) for f in check_json(search_kb)["findings"]}
    assert ("policies/account.yaml", "parse-error") in codes


# --- 11. the search index heals -----------------------------------------------


def _index_dir(config: Path) -> Path:
    current = Location.of(read_config(config)).current()
    assert current is not None
    return current


def _base(config: Path) -> Path:
    return Location.of(read_config(config)).base


def _damage_and_search(config: Path, damage) -> None:
    assert search_ids(config, "돈 언제 들어와요")[0] == "refund-processing"
    damage(_index_dir(config))
    # twice: the first search heals, the second finds a healed index
    for _ in range(2):
        assert search_ids(config, "돈 언제 들어와요")[0] == "refund-processing"
    assert update(config).files == 0  # healed for good, not rebuilt on every run


def _segments(directory: Path) -> list[Path]:
    return [p for p in directory.iterdir() if p.suffix == ".seg"]


def test_11_truncated_segment(search_kb):
    def truncate(directory):
        for seg in _segments(directory):
            with open(seg, "r+b") as handle:
                handle.truncate(seg.stat().st_size // 2)

    _damage_and_search(search_kb, truncate)


def test_11_garbage_segment_of_the_same_size(search_kb):
    def garble(directory):
        for seg in _segments(directory):
            seg.write_bytes(b"\xff" * seg.stat().st_size)

    _damage_and_search(search_kb, garble)


def test_11_missing_toc(search_kb):
    def drop_toc(directory):
        for toc in directory.glob("*.toc"):
            toc.unlink()

    _damage_and_search(search_kb, drop_toc)


def test_11_non_utf8_current(search_kb):
    _damage_and_search(search_kb, lambda d: (d.parent / POINTER).write_bytes(b"\xff\xfe v-\x80"))


def test_11_empty_manifest(search_kb):
    _damage_and_search(search_kb, lambda d: (d / MANIFEST).write_bytes(b""))


def test_11_lock_is_a_directory(search_kb):
    def lock_dir(directory):
        lock = directory.parent / "lock"
        lock.unlink()
        (lock / "stuck").mkdir(parents=True)
        answer = search_kb.parent / "docs/answers/refund/fee.md"  # so the update needs the lock
        answer.write_text(answer.read_text(encoding="utf-8") + "\n추가 안내\n", encoding="utf-8")

    _damage_and_search(search_kb, lock_dir)


def test_11_lock_is_a_symlink_never_written_through(search_kb, tmp_path):
    precious = tmp_path / "precious.txt"
    precious.write_text("지우면 안 되는 파일", encoding="utf-8")

    def lock_link(directory):
        lock = directory.parent / "lock"
        lock.unlink()
        lock.symlink_to(precious)
        answer = search_kb.parent / "docs/answers/refund/fee.md"  # so the update needs the lock
        answer.write_text(answer.read_text(encoding="utf-8") + "\n추가 안내\n", encoding="utf-8")

    _damage_and_search(search_kb, lock_link)
    assert precious.read_text(encoding="utf-8") == "지우면 안 되는 파일"


def test_11_kb_cache_is_a_file(search_kb, in_kb_cache):
    (search_kb.parent / ".kb-cache").write_text("not a folder", encoding="utf-8")
    done = run_kb("search", "비번 까먹었어요", "-f", str(search_kb), "--format", "json")
    assert done.returncode == 0 and "Traceback" not in done.stderr
    assert json.loads(done.stdout)["results"][0]["id"] == "password-reset"
    assert ".kb-cache" in done.stderr and "KB_CACHE_DIR" in done.stderr  # says how to fix
    assert "home-cache" in done.stderr  # ... and where the index went instead
    assert (search_kb.parent / ".kb-cache").read_text(encoding="utf-8") == "not a folder"


def _read_only(path: Path) -> list[str] | None:
    """A command prefix that runs with `path` mounted read-only, or None when not possible."""
    if os.geteuid() != 0:
        return []  # chmod is enough for a normal user; the caller chmods
    if shutil.which("unshare") is None:
        return None
    script = ('mount --bind "$0" "$0" && mount -o remount,ro,bind "$0" "$0" && '
              'touch "$0/.probe" 2>/dev/null && exit 99; shift; exec "$@"')
    probe = subprocess.run(["unshare", "--mount", "sh", "-c", script, str(path), "x", "true"],
                           capture_output=True)
    if probe.returncode != 0:
        return None
    return ["unshare", "--mount", "sh", "-c", script, str(path), "x"]


def _chmod_tree(path: Path, writable: bool) -> None:
    for folder, _, names in os.walk(path):
        for name in [*names, ""]:
            target = Path(folder, name)
            mode = target.stat().st_mode
            target.chmod(mode | 0o200 if writable else mode & ~0o222)


@pytest.fixture
def make_read_only(search_kb):
    """Make the KB read-only; returns the prefix to pass to run_kb as `wrap`."""
    state = {}

    def make() -> list[str]:
        wrap = _read_only(search_kb.parent)
        if wrap is None:
            pytest.skip("cannot make a read-only mount here (needs root and unshare)")
        if not wrap:
            _chmod_tree(search_kb.parent, writable=False)
            state["chmod"] = True
        return wrap

    yield make
    if state.get("chmod"):
        _chmod_tree(search_kb.parent, writable=True)


@pytest.fixture
def in_kb_cache(monkeypatch, tmp_path):
    """The index in the KB's own .kb-cache; the parse cache in a private home."""
    monkeypatch.delenv("KB_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))


def test_11_read_only_kb_with_a_current_index(search_kb, in_kb_cache, make_read_only):
    update(search_kb)
    wrap = make_read_only()
    done = run_kb("search", "비번 까먹었어요", "-f", str(search_kb), "--format", "json",
                  wrap=wrap)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # a current index is read without writing a byte
    assert json.loads(done.stdout)["results"][0]["id"] == "password-reset"


def test_11_read_only_kb_with_no_index(search_kb, in_kb_cache, make_read_only, tmp_path):
    wrap = make_read_only()
    for _ in range(2):  # the second search finds the index kept in the user's cache
        done = run_kb("search", "비번 까먹었어요", "-f", str(search_kb), "--format", "json",
                      wrap=wrap)
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["results"][0]["id"] == "password-reset"
        assert "KB_CACHE_DIR" in done.stderr and "Traceback" not in done.stderr
    assert list((tmp_path / "home-cache" / "kb").glob("search-*/CURRENT"))


def test_11_nowhere_to_write_searches_an_index_in_memory(search_kb, tmp_path, monkeypatch,
                                                         make_read_only):
    monkeypatch.delenv("KB_CACHE_DIR")
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))  # ~/.cache is a file: unwritable
    done = run_kb("search", "비번 까먹었어요", "-f", str(search_kb), "--format", "json",
                  wrap=make_read_only())
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["results"][0]["id"] == "password-reset"
    assert "메모리" in done.stderr and "Traceback" not in done.stderr


def test_11_read_only_kb_with_kb_cache_dir(search_kb, tmp_path, make_read_only):
    cache = tmp_path / "elsewhere"
    env = dict(os.environ, KB_CACHE_DIR=str(cache))
    wrap = make_read_only()
    for _ in range(2):
        done = run_kb("search", "비번 까먹었어요", "-f", str(search_kb), "--format", "json",
                      env=env, wrap=wrap)
        assert done.returncode == 0, done.stderr
        assert done.stderr == ""
        assert json.loads(done.stdout)["results"][0]["id"] == "password-reset"
    assert list(cache.glob("search-*/CURRENT"))  # kept for the next search
    assert not (search_kb.parent / ".kb-cache").exists()


def test_11_cache_dir_option_in_config(tmp_path, in_kb_cache):
    config = SEARCH_KB_CONFIG_WITH_CACHE_DIR.format(cache=tmp_path / "index")
    kb = write_kb(tmp_path / "kb", SEARCH_KB, config)
    assert search_ids(kb, "비번 까먹었어요")[0] == "password-reset"
    assert (tmp_path / "index" / "search" / POINTER).is_file()
    assert not (kb.parent / ".kb-cache").exists()
    build = run_kb("build", "-f", str(kb), "--site-dir", str(tmp_path / "site"),
                   "--allow-errors", "-q")
    assert build.returncode == 0, build.stderr  # mkdocs accepts the option


SEARCH_KB_CONFIG_WITH_CACHE_DIR = """\
site_name: 캐시 밖 KB
theme:
  name: material
  language: ko
plugins:
  - search
  - kb:
      cache_dir: {cache}
"""


# --- 5. a YAML alias bomb only in git history ---------------------------------

BOMB_LEVELS = 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n' + "".join(
    f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]\n" for n in range(1, 10)
)


@pytest.fixture(scope="module")
def bomb_in_history(tmp_path_factory):
    """A KB whose rules/returns.yaml was an alias bomb for one commit in October."""
    from workflow_repo import RETURNS, make_repo

    repo = make_repo(tmp_path_factory.mktemp("bomb") / "kb", day="2026-09-01")
    repo.write("rules/returns.yaml", BOMB_LEVELS + RETURNS.replace("7일", "10일"))
    repo.commit("실수로 넣은 별칭 폭탄", "2026-10-05")
    repo.write("rules/returns.yaml", RETURNS.replace("7일", "10일"))
    repo.commit("폭탄 제거", "2026-10-06")
    # the site shows October: its monthly page reads the history with the bomb
    text = repo.config.read_text(encoding="utf-8")
    repo.config.write_text(text + "      as_of: '2026-10-20'\n", encoding="utf-8")
    repo.commit("10월 기준으로 보기", "2026-10-07")
    return repo


def test_5_alias_bomb_only_in_git_history_changes(bomb_in_history):
    done = run_kb("changes", "--since", "2026-10-01", "--until", "2026-10-31",
                  "--format", "json", "-f", str(bomb_in_history.config))
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    [note] = [n for n in data["notes"] if "rules/returns.yaml" in n]
    assert "별칭" in note and "읽지 못해" in note
    # the bad commit is left out, not read as "every clause removed, then added"
    kinds = {(c["kind"], c["clause"]) for c in data["changes"]}
    assert ("removed", "RET-1") not in kinds and ("added", "RET-1") not in kinds
    assert ("edited", "RET-1") in kinds  # 7일 -> 10일, seen across the bad commit


def test_5_alias_bomb_only_in_git_history_check_base(bomb_in_history):
    bad = bomb_in_history.git("rev-list", "-1", "--before=2026-10-05T23:00:00", "HEAD").strip()
    done = run_kb("check", "--base", bad, "--as-of", "2026-10-20", "--format", "json",
                  "-f", str(bomb_in_history.config))
    assert done.returncode in (0, 1) and "Traceback" not in done.stderr
    json.loads(done.stdout)  # stdout stays the report
    assert "rules/returns.yaml" in done.stderr and "별칭" in done.stderr


def test_5_alias_bomb_only_in_git_history_build(bomb_in_history, tmp_path):
    site = tmp_path / "site"
    done = run_kb("build", "-f", str(bomb_in_history.config), "--site-dir", str(site),
                  "--allow-errors", "-q")
    assert done.returncode == 0, done.stderr
    # The monthly page of the month the bomb was committed in (issue 9: a page per month).
    page = (site / "reports" / "changes" / "2026-10" / "index.html").read_text(encoding="utf-8")
    assert "rules/returns.yaml" in page and "읽지 못해" in page


# --- 13. a shallow clone says so ----------------------------------------------


def test_13_shallow_clone_says_history_is_shallow(bomb_in_history, tmp_path):
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1",
                    f"file://{bomb_in_history.root}", str(clone)], check=True)
    done = run_kb("changes", "--since", "2026-10-01", "--until", "2026-10-31",
                  "-f", str(clone / "mkdocs.yml"))
    assert done.returncode == 0, done.stderr
    assert "얕은 복제" in done.stdout and "git fetch --unshallow" in done.stdout
    full = run_kb("changes", "--since", "2026-10-01", "--until", "2026-10-31",
                  "-f", str(bomb_in_history.config))
    assert "얕은 복제" not in full.stdout


# --- Also: git is not installed -----------------------------------------------


def test_also_missing_git_is_named_as_missing(bomb_in_history, tmp_path):
    empty = tmp_path / "bin"
    empty.mkdir()
    env = dict(os.environ, PATH=str(empty))
    check = run_kb("check", "--base", "HEAD", "-f", str(bomb_in_history.config), env=env)
    assert check.returncode == 2 and "Traceback" not in check.stderr
    assert "git 이 설치되어 있지 않습니다" in check.stderr
    assert "not a git repository" not in check.stderr
    changes = run_kb("changes", "--since", "2026-10-01", "-f", str(bomb_in_history.config),
                     env=env)
    assert changes.returncode == 0, changes.stderr
    assert "git 이 설치되어 있지 않습니다" in changes.stdout
    assert "저장소가 아니" not in changes.stdout


# --- 12. data kept as written -------------------------------------------------

POLICY = """\
# 반품 정책: 고객지원팀
id: RET
title: 반품 정책
owner: 고객지원팀
clauses:
  - id: RET-1  # 기본 기간
    title: 반품 기간
    version: 1
    effective: 2026-01-01
    text: |
      상품 수령 후 7일 이내에 반품을 신청할 수 있습니다.
"""

ANSWER = """\
---
# 상담1팀이 관리
id: return-window
title: 반품 기간 안내  # 자주 쓰임
cites: [RET-1@1]
---
수령 후 7일 안에 반품 신청해 주세요.
"""


def _bump_to_v2(config: Path) -> None:
    """RET-1 becomes version 2, so that the answer's pin goes stale."""
    path = config.parent / "policies/returns.yaml"
    text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    text = text.replace("    version: 1\n", "    version: 2\n")
    path.write_text(text, encoding="utf-8")


def test_12_review_crlf_answer_with_comments(make_kb, kb_cli):
    config = make_kb({"policies/returns.yaml": POLICY})
    answer = config.parent / "docs/answers/return-window.md"
    answer.parent.mkdir(parents=True)
    answer.write_bytes(ANSWER.replace("\n", "\r\n").encode())
    _bump_to_v2(config)
    result = kb_cli("review", "return-window", "-f", str(config), "--as-of", "2026-11-22")
    assert result.exit_code == 0, result.output
    data = answer.read_bytes()
    assert b"\r\r\n" not in data
    assert data.count(b"\n") == data.count(b"\r\n")  # every line still ends in CRLF
    assert data == ANSWER.replace("RET-1@1", "RET-1@2").replace("\n", "\r\n").encode()


def test_12_bump_keeps_crlf_and_bom(make_kb, kb_cli):
    config = make_kb({})
    policy = config.parent / "policies/returns.yaml"
    policy.parent.mkdir(parents=True)
    policy.write_bytes(b"\xef\xbb\xbf" + POLICY.replace("\n", "\r\n").encode())
    result = kb_cli("bump", "RET-1", "-f", str(config), "--effective", "2026-11-01",
                    "--text", "상품 수령 후 14일 이내에 반품을 신청할 수 있습니다.")
    assert result.exit_code == 0, result.output
    data = policy.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf" + "# 반품 정책".encode())
    assert data.count(b"\n") == data.count(b"\r\n") and b"\r\r\n" not in data
    assert "- id: RET-1  # 기본 기간\r\n" in data.decode("utf-8-sig")
    assert "version: 2" in data.decode("utf-8-sig")
    assert kb_cli("check", "-f", str(config), "--as-of", "2026-11-22").exit_code == 0


def test_12_review_reads_bom_answer(make_kb, kb_cli):
    config = make_kb({"policies/returns.yaml": POLICY})
    answer = config.parent / "docs/answers/return-window.md"
    answer.parent.mkdir(parents=True)
    answer.write_bytes(b"\xef\xbb\xbf" + ANSWER.encode())
    _bump_to_v2(config)
    check = kb_cli("check", "-f", str(config), "--as-of", "2026-11-22")
    assert "stale-citation" in check.output  # the check reads it ...
    result = kb_cli("review", "return-window", "-f", str(config), "--as-of", "2026-11-22")
    assert result.exit_code == 0, result.output  # ... and so does review
    assert answer.read_bytes() == b"\xef\xbb\xbf" + ANSWER.replace("RET-1@1", "RET-1@2").encode()


def test_12_new_clause_before_trailing_footer(make_kb, kb_cli):
    footer = "\n# footer: 이 파일은 고객지원팀이 관리합니다.\n# 끝\n"
    config = make_kb({"policies/returns.yaml": POLICY + footer})
    result = kb_cli("new", "clause", "RET", "-f", str(config), "--title", "반품 배송비",
                    "--text", "단순 변심이면 왕복 배송비를 받습니다.", "--effective", "2026-11-01")
    assert result.exit_code == 0, result.output
    text = (config.parent / "policies/returns.yaml").read_text(encoding="utf-8")
    assert text.endswith(footer)  # still the last lines of the file
    assert text.index("RET-2") < text.index("# footer")
    assert text.startswith(POLICY)
    assert kb_cli("check", "-f", str(config), "--as-of", "2026-11-22").exit_code == 0


def test_12_duplicate_keys_are_a_schema_error_everywhere(make_kb, kb_cli):
    # the last `cites` and `version` win in the check: RET-1@1 is stale, review must write
    twice = ANSWER.replace("cites: [RET-1@1]\n", "cites: [RET-9@1]\ncites: [RET-1@1]\n")
    config = make_kb({"policies/returns.yaml": POLICY.replace("    version: 1\n",
                                                              "    version: 1\n    version: 2\n"),
                      "docs/answers/return-window.md": twice})
    result, data = kb_cli.json("check", "-f", str(config), "--as-of", "2026-11-22",
                               "--format", "json")
    duplicates = [(f["path"], f["line"]) for f in data["findings"]
                  if f["code"] == "schema-error" and "두 번" in f["message"]]
    assert duplicates == [("docs/answers/return-window.md", 6), ("policies/returns.yaml", 9)]
    review = kb_cli("review", "return-window", "-f", str(config), "--as-of", "2026-11-22")
    assert review.exit_code == 2 and "return-window.md:6" in review.output
    assert "두 번" in review.output
    bump = kb_cli("bump", "RET-1", "-f", str(config), "--effective", "2026-11-01",
                  "--text", "새 문구")
    assert bump.exit_code == 2 and "returns.yaml:9" in bump.output


MERGED = """\
id: RET
title: 반품 정책
owner: 고객지원팀
defaults: &defaults
  version: 1
  effective: 2026-01-01
clauses:
  - <<: *defaults
    id: RET-1
    title: 반품 기간
    text: 상품 수령 후 7일 이내에 반품을 신청할 수 있습니다.
"""


def test_12_merge_keys_read_the_same_way_by_check_and_editors(make_kb, kb_cli):
    config = make_kb({"policies/returns.yaml": MERGED})
    result, data = kb_cli.json("check", "-f", str(config), "--as-of", "2026-11-22",
                               "--format", "json")
    merge = [f for f in data["findings"] if "병합 키" in f["message"]]
    assert [(f["code"], f["line"]) for f in merge] == [("schema-error", 8)]
    before = (config.parent / "policies/returns.yaml").read_bytes()
    for args in (["bump", "RET-1", "--effective", "2026-11-01", "--text", "새 문구"],
                 ["new", "clause", "RET", "--title", "t", "--text", "x",
                  "--effective", "2026-11-01"]):
        done = kb_cli(*args, "-f", str(config))
        assert done.exit_code == 2 and "returns.yaml:8" in done.output
        assert "병합 키" in done.output
    assert (config.parent / "policies/returns.yaml").read_bytes() == before


# --- Also: tags with a trailing '/', control characters in file names ---------


def test_also_tag_with_trailing_slash_finds_the_same(search_kb, kb_cli):
    def found(tag):
        result, data = kb_cli.json("search", "환불 배송 비밀번호", "-f", str(search_kb),
                                   "--tag", tag, "--format", "json")
        return [r["id"] for r in data["results"]]

    assert set(found("환불")) == {"refund-processing", "refund-fee"}
    assert found("환불/") == found("환불") == found(" 환불 / ")
    assert found("환불/이용 요금/") == ["refund-fee"]


HOSTILE_NAME = "docs/answers/evil\n\x1b[2J\x1b[31mx.md:1: error: forged\r.md"
HOSTILE_MANUAL = "docs/manuals/\x1b]0;title\x07장애\n안내.md"


def test_also_newline_and_ansi_in_file_names_never_reach_the_terminal(search_kb, kb_cli):
    root = search_kb.parent
    (root / HOSTILE_NAME).write_text(
        "---\nid: evil\ntitle: 악성 이름\ncites: [REFUND-1@9]\n---\n보관함 장애 안내\n",
        encoding="utf-8")
    (root / HOSTILE_MANUAL).parent.mkdir(parents=True, exist_ok=True)
    (root / HOSTILE_MANUAL).write_text("# 보관함 장애 안내\n\n보관함이 열리지 않을 때.\n",
                                       encoding="utf-8")
    outputs = {
        "check": kb_cli("check", "-f", str(search_kb), "--as-of", "2026-11-22"),
        "github": kb_cli("check", "-f", str(search_kb), "--as-of", "2026-11-22",
                         "--format", "github"),
        "search": kb_cli("search", "보관함 장애", "-f", str(search_kb)),
        "show": kb_cli("show", "evil", "-f", str(search_kb)),
        "clause": kb_cli("show", "REFUND-1", "-f", str(search_kb)),
        "impact": kb_cli("impact", "REFUND-1", "-f", str(search_kb)),
        "report": kb_cli("report", "-f", str(search_kb), "--as-of", "2026-11-22"),
    }
    for name, result in outputs.items():
        assert "\x1b" not in result.output and "\r" not in result.output, name
        assert "\x07" not in result.output, name
    check = outputs["check"].output.splitlines()
    assert not any(line.startswith("x.md") for line in check)  # no forged finding line
    [evil] = [line for line in check if "evil" in line]
    assert evil.startswith("docs/answers/evil\\n\\x1b[2J\\x1b[31mx.md:1: error: forged\\r.md:")
    assert "\\x1b]0;title\\x07장애\\n안내.md" in outputs["search"].output
    # JSON keeps the real name: its encoder escapes it, and a program needs it exact
    result, data = kb_cli.json("check", "-f", str(search_kb), "--as-of", "2026-11-22",
                               "--format", "json")
    assert HOSTILE_NAME in {f["path"] for f in data["findings"]}


STOP_AT_CLICK = """
import sys
class Stop:  # Ctrl-C arriving while the CLI's modules are imported
    def find_spec(self, name, path=None, target=None):
        if name == "click":
            raise KeyboardInterrupt
sys.meta_path.insert(0, Stop())
from kb.launch import main
main()
"""


@pytest.mark.parametrize(("lang", "argv", "said"), [
    ("", [], "중단했습니다."), ("en", [], "Aborted."), ("", ["--lang", "en"], "Aborted."),
])
def test_ctrl_c_while_kb_starts_stops_quietly(lang, argv, said):
    done = subprocess.run([sys.executable, "-c", STOP_AT_CLICK, *argv, "search", "환불"],
                          capture_output=True, text=True, env=dict(os.environ, KB_LANG=lang))
    assert done.returncode == 130
    assert done.stderr.strip() == said and "Traceback" not in done.stderr
