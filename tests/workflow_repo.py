"""A KB in a real temporary git repository, with commits at set dates.

Used by the workflow tests (tests/test_workflow_*.py).
"""

from __future__ import annotations

import os
import subprocess
import textwrap
from pathlib import Path

from conftest import write_kb

# A KB this project has never seen: another business, its own folder names.
CONFIG = """\
site_name: 하루배송 상담 지식베이스
docs_dir: content
theme:
  name: material
  language: ko
plugins:
  - search
  - kb:
      policies_dir: rules
      answers_dir: replies
"""

DELIVERY = """\
# 배송 정책: 물류팀이 관리합니다.
id: DLV
title: "배송 정책"
owner: 물류팀
review_by: 2026-12-10
clauses:
    # 당일 배송 마감
    - id: DLV-1
      title: 당일 배송 마감 시각
      version: 1
      effective: 2026-01-01
      text: |
        오후 2시까지 결제한 주문은 당일 출고합니다.
        도서 산간 지역은 제외합니다.

    - id: DLV-2
      title: '배송비'
      version: 1
      effective: 2026-01-01
      expires: 2026-12-01
      text: |
        3만 원 이상 주문은 배송비가 없습니다.

    - id: DLV-3
      title: 새벽 배송
      version: 1
      effective: 2026-01-01
      text: |
        서울 지역은 새벽 배송을 제공합니다.
"""

RETURNS = """\
id: RET
title: 반품 정책
owner: 고객지원팀
clauses:
  - id: RET-1
    title: 반품 기간
    version: 1
    effective: 2026-01-01
    text: |
      상품 수령 후 7일 이내에 반품을 신청할 수 있습니다.
"""

SAME_DAY = """\
---
id: same-day-cutoff
title: 오늘 받을 수 있나요
cites: [DLV-1@1]
tags: [배송/당일]
owner: 상담2팀
review_by: 2026-12-01
---
안녕하세요, 고객님. 오후 2시까지 결제하시면 오늘 출고됩니다.
"""

SHIPPING_FEE = """\
---
id: shipping-fee
title: 배송비 안내
cites: [DLV-2@1]
tags: [배송/배송비]
---
3만 원 이상이면 배송비가 없어요. 당일 출고 기준은 [[DLV-1@1]]을 따릅니다.
"""

RETURN_WINDOW = """\
---
id: return-window
title: 반품 기간 안내
cites:
  - RET-1@1
tags: [반품]
status: draft
---
수령 후 7일 안에 반품 신청해 주세요.
"""

MANUAL = """\
# 배송 문의 매뉴얼

마감 시각은 [[DLV-1]] 을 확인합니다.
"""

FILES = {
    "rules/logistics/delivery.yaml": DELIVERY,
    "rules/returns.yaml": RETURNS,
    "content/replies/delivery/same-day.md": SAME_DAY,
    "content/replies/delivery/fee.md": SHIPPING_FEE,
    "content/replies/return-window.md": RETURN_WINDOW,
    "content/guide/delivery.md": MANUAL,
}


class Repo:
    """A git work tree holding a KB; `commit` stamps the given day."""

    def __init__(self, root: Path):
        self.root = root
        self.config = root / "mkdocs.yml"

    def git(self, *args: str, day: str = "2026-09-01") -> str:
        stamp = f"{day}T10:00:00+00:00"
        env = dict(
            os.environ,
            GIT_AUTHOR_DATE=stamp,
            GIT_COMMITTER_DATE=stamp,
            GIT_AUTHOR_NAME="정책 담당",
            GIT_AUTHOR_EMAIL="owner@example.com",
            GIT_COMMITTER_NAME="정책 담당",
            GIT_COMMITTER_EMAIL="owner@example.com",
        )
        done = subprocess.run(
            ["git", "-C", str(self.root), *args],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout

    def commit(self, message: str, day: str) -> None:
        self.git("add", "-A", day=day)
        self.git("commit", "-q", "-m", message, day=day)

    def path(self, rel: str) -> Path:
        return self.root / rel

    def read(self, rel: str) -> str:
        return self.path(rel).read_text(encoding="utf-8")

    def write(self, rel: str, text: str) -> None:
        self.path(rel).parent.mkdir(parents=True, exist_ok=True)
        self.path(rel).write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")

    def replace(self, rel: str, old: str, new: str) -> None:
        text = self.read(rel)
        assert old in text, f"{old!r} not in {rel}"
        self.path(rel).write_text(text.replace(old, new, 1), encoding="utf-8")


def make_repo(root: Path, files: dict[str, str] | None = None, day: str = "2026-09-01") -> Repo:
    """A KB (the delivery KB unless `files` is given), committed once on `day`."""
    write_kb(root, FILES if files is None else files, CONFIG)
    repo = Repo(root)
    repo.git("init", "-q", "-b", "main")
    repo.commit("KB를 만듭니다", day)
    return repo
