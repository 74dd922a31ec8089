"""A small KB for the search tests: refunds, a password answer, a manual page."""

from __future__ import annotations

POLICIES = {
    "policies/refund.yaml": """
        id: REFUND
        title: 환불 정책
        owner: 고객경험팀
        clauses:
          - id: REFUND-1
            title: 결제 취소 가능 기간
            version: 1
            effective: 2026-01-01
            text: 배송 출발 전에는 결제를 전액 취소할 수 있습니다.
          - id: REFUND-3
            title: 환불 처리 기간
            version: 1
            effective: 2026-01-01
            text: 환불 금액은 카드사 영업일 기준 3~7일 안에 반영됩니다.
          - id: REFUND-30
            title: 환불 수수료
            version: 1
            effective: 2026-01-01
            text: 단순 변심 반품은 왕복 배송비를 뺀 금액을 돌려드립니다.
    """,
    "policies/account.yaml": """
        id: ACCOUNT
        title: 계정 정책
        owner: 보안팀
        clauses:
          - id: ACCOUNT-1
            title: 비밀번호 재설정
            version: 1
            effective: 2026-01-01
            text: 비밀번호는 본인 인증 후 앱에서만 다시 설정합니다.
    """,
}

ANSWERS = {
    "docs/answers/refund/processing.md": """
        ---
        id: refund-processing
        title: 돈이 돌아오는 시점 안내
        cites: [REFUND-3@1]
        tags: [환불/처리 기간]
        ---
        안녕하세요, 고객님. 환불은 결제 취소 후 카드사 영업일 기준 3~7일 안에 들어갑니다.
    """,
    "docs/answers/refund/fee.md": """
        ---
        id: refund-fee
        title: 반품 배송비 차감 안내
        cites: [REFUND-30@1]
        tags: [환불/이용 요금]
        ---
        단순 변심으로 반품하시면 왕복 배송비를 뺀 금액이 환불됩니다.
    """,
    "docs/answers/account/password.md": """
        ---
        id: password-reset
        title: 비밀번호를 잊어버렸을 때
        cites: [ACCOUNT-1@1]
        tags: [계정]
        ---
        앱 로그인 화면에서 '비밀번호 재설정'을 누르고 본인 인증을 해 주세요.
    """,
    "docs/answers/shipping/started.md": """
        ---
        id: delivery-started
        title: 배송이 출발한 뒤 주문 취소
        cites: [REFUND-1@1]
        tags: [배송]
        ---
        배송이 출발한 뒤에는 주문을 취소할 수 없어 반품으로 접수해 드립니다.
    """,
    "docs/answers/old.md": """
        ---
        id: old-refund
        title: 예전 환불 옛날 안내
        status: retired
        tags: [환불]
        ---
        예전 방식의 환불 옛날 안내입니다.
    """,
}

MANUALS = {
    "docs/index.md": "# 상담 지식베이스\n\n검색창에 고객의 말을 그대로 넣어 보세요.\n",
    "docs/manuals/entrance.md": """
        # 방문 배송 매뉴얼

        고객이 공동현관 출입 방법을 물으면 배송 메모를 확인합니다.
    """,
}

SEARCH_KB = {**POLICIES, **ANSWERS, **MANUALS}
