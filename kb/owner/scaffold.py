"""`kb init DIR`: a new, valid knowledge base to start from."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..errors import KBError
from ..messages import t

MKDOCS_YML = """\
site_name: {name}
theme:
  name: material
  language: ko
plugins:
  - search
  - kb
"""

POLICY = """\
# 정책 문서: 조항(clause)마다 id, 버전, 시행일을 적습니다.
# 뜻이 바뀌면 `kb bump 조항ID`로 버전을 올리세요.
id: REFUND
title: 환불 정책
owner: 고객경험팀
review_by: {review_by}
summary: |
  결제 취소와 환불의 기준입니다.
clauses:
  - id: REFUND-1
    title: 결제 취소 가능 기간
    version: 1
    effective: {today}
    text: |
      결제일로부터 7일 이내에는 전액 취소할 수 있습니다.
"""

ANSWER = """\
---
id: refund-window
title: 결제 취소 가능 기간 안내
cites: [REFUND-1@1]
tags: [환불/결제 취소]
owner: 상담1팀
---
안녕하세요, {{{{고객명}}}} 고객님.
결제일로부터 **7일 이내**에는 전액 취소하실 수 있습니다.
추가로 궁금하신 점이 있으시면 언제든 말씀해 주세요.
"""

INDEX = """\
# {name}

상담 중 필요한 정책과 답변을 찾는 곳입니다. 위의 검색창에 고객이 쓴 말 그대로 입력해 보세요.
"""

GITIGNORE = "site/\n.kb-cache/\n"


def init(
    directory: Path, name: str | None = None, today: date | None = None
) -> list[Path]:
    """Write a new KB into `directory`; refuse to overwrite an existing one."""
    today = today or date.today()
    name = name or t("scaffold.default_name")
    directory = Path(directory)
    if (directory / "mkdocs.yml").exists():
        raise KBError(
            t("scaffold.init", path=directory / 'mkdocs.yml')
        )
    review_by = date(today.year + 1, today.month, min(today.day, 28))
    files = {
        "mkdocs.yml": MKDOCS_YML.format(name=name),
        "policies/refund.yaml": POLICY.format(today=today, review_by=review_by),
        "docs/index.md": INDEX.format(name=name),
        "docs/answers/refund/refund-window.md": ANSWER.format(),
        ".gitignore": GITIGNORE,
    }
    written = []
    for rel, content in files.items():
        path = directory / rel
        if path.exists():
            continue  # never overwrite a user's file, e.g. an existing .gitignore
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
        written.append(path)
    return written
