"""Generate a large synthetic KB for benchmarks.

    python scripts/gen_kb.py DIR --answers 10000 --clauses 2000

The KB is valid (checks clean on 2026-11-22): every answer cites one to three
current clauses at their current versions, in Korean prose of realistic
length, spread over hierarchical tags, with three customer questions each
(as the sample KB's answers have; search stores each question's terms).
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

TOPICS = ["환불", "결제", "요금", "주차", "기기", "이용권", "프로모션", "계정", "상담", "보상"]
SUBTOPICS = ["기본", "예외", "절차", "기간", "주말", "문의"]
WORDS = (
    "고객님 이용 요금 환불 결제 취소 반납 구역 주차 견인 쿠폰 포인트 이용권 해지 갱신 "
    "잠금해제 배터리 고장 신고 사진 영업일 카드사 승인 팀장 보상 상담 안내 확인 처리 기간 "
    "앱 메뉴 내역 영수증 충전 캐시 수수료 할증 심야 헬멧 면허 연령 사고 안전 위치 정보"
).split()
POLICIES = 40
QUESTIONS = 3  # per answer
ENDINGS = ["어떻게 해요?", "안 돼요", "언제 돼요?", "알려 주세요"]


def sentence(rng: random.Random, words: int = 12) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)) + "입니다."


def policy_yaml(index: int, clauses: int, rng: random.Random) -> str:
    pid = f"P{index}"
    lines = [
        f"id: {pid}",
        f"title: 정책 {index} {rng.choice(TOPICS)}",
        "owner: 정책팀",
        "review_by: 2027-06-30",
        "clauses:",
    ]
    for number in range(1, clauses + 1):
        lines += [
            f"  - id: {pid}-{number}",
            f"    title: {rng.choice(TOPICS)} {rng.choice(SUBTOPICS)} 조항 {number}",
            f"    version: {1 + number % 3}",
            "    effective: 2026-01-01",
            "    text: |",
            f"      {sentence(rng, 30)}",
            f"      {sentence(rng, 20)}",
        ]
        if number % 3:
            lines += [
                "    history:",
                "      - version: 1",
                "        effective: 2025-01-01",
                f"        text: {sentence(rng, 20)}",
                "        note: 기간 변경",
            ]
    return "\n".join(lines) + "\n"


def answer_md(index: int, clause_ids: list[tuple[str, int]], rng: random.Random) -> str:
    cites = ", ".join(f"{cid}@{version}" for cid, version in rng.sample(clause_ids, 2))
    topic = rng.choice(TOPICS)
    body = "\n".join(sentence(rng, 15) for _ in range(5))
    questions = "".join(
        f"  - {' '.join(rng.sample(WORDS, 4))} {rng.choice(ENDINGS)}\n" for _ in range(QUESTIONS)
    )
    return (
        "---\n"
        f"id: answer-{index}\n"
        f"title: {topic} {rng.choice(SUBTOPICS)} 안내 {index}\n"
        f"cites: [{cites}]\n"
        f"tags: [{topic}/{rng.choice(SUBTOPICS)}, {rng.choice(TOPICS)}]\n"
        "owner: 상담1팀\n"
        f"questions:\n{questions}"
        "---\n"
        f"안녕하세요, {{{{고객명}}}} 고객님.\n{body}\n"
    )


def generate(root: Path, answers: int = 10_000, clauses: int = 2_000, seed: int = 7) -> Path:
    """Write the KB into `root` and return the path of its mkdocs.yml."""
    rng = random.Random(seed)
    root = Path(root)
    (root / "policies").mkdir(parents=True, exist_ok=True)
    per_policy = max(1, clauses // POLICIES)
    clause_ids: list[tuple[str, int]] = []
    for index in range(1, POLICIES + 1):
        count = per_policy if index < POLICIES else clauses - per_policy * (POLICIES - 1)
        (root / "policies" / f"p{index}.yaml").write_text(
            policy_yaml(index, count, rng), encoding="utf-8"
        )
        clause_ids += [(f"P{index}-{n}", 1 + n % 3) for n in range(1, count + 1)]
    for index in range(answers):
        folder = root / "docs" / "answers" / TOPICS[index % len(TOPICS)]
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"a{index}.md").write_text(answer_md(index, clause_ids, rng), encoding="utf-8")
    (root / "docs" / "index.md").write_text("# 합성 지식베이스\n", encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(
        "site_name: 합성 KB\ntheme:\n  name: material\n  language: ko\n"
        "plugins:\n  - search\n  - kb\n",
        encoding="utf-8",
    )
    return config


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--answers", type=int, default=10_000)
    parser.add_argument("--clauses", type=int, default=2_000)
    args = parser.parse_args()
    print(generate(args.directory, args.answers, args.clauses))


if __name__ == "__main__":
    main()
