"""A small KB for the site tests: every clause state, history, tags, a script attack."""

from __future__ import annotations

SITE_KB = {
    "policies/refund.yaml": """
        id: REFUND
        title: 환불 정책
        owner: 고객경험팀
        review_by: 2099-12-31
        summary: |
          환불 기준을 정합니다. <script>window.__xss = "summary"</script>
        clauses:
          - id: REFUND-0
            title: 옛 환불 기간
            version: 1
            effective: 2019-01-01
            text: 예전 기준입니다.
          - id: REFUND-1
            title: 결제 취소 가능 기간
            version: 2
            effective: 2020-01-01
            text: |
              결제일로부터 **7일 이내** 취소할 수 있습니다.
              <script>window.__xss = "clause"</script> [링크](javascript:window.__xss='link')
            history:
              - version: 1
                effective: 2019-01-01
                note: 환불 기간 14일 → 7일
                text: |
                  결제일로부터 **14일 이내** 취소할 수 있습니다.
          - id: REFUND-2
            title: 새 환불 기간
            version: 1
            effective: 2099-01-01
            text: 앞으로 적용될 기준입니다.
          - id: REFUND-3
            title: 대체 조항
            version: 1
            effective: 2020-01-01
            supersedes: [REFUND-0]
            text: 옛 환불 기간을 대신합니다.
          - id: REFUND-4
            title: 폐지된 조항
            version: 1
            effective: 2019-01-01
            status: retired
            text: 더는 쓰지 않습니다.
          - id: REFUND-5
            title: 끝난 행사
            version: 1
            effective: 2019-01-01
            expires: 2020-01-01
            text: 행사는 끝났습니다.
    """,
    "docs/answers/refund/before-shipping.md": """
        ---
        id: refund-before-shipping
        title: 배송 전 주문 취소 안내
        cites: [REFUND-1@2]
        tags: [배송/배송 전, 환불]
        owner: 상담1팀
        review_by: 2099-03-01
        ---
        안녕하세요, {{고객명}} 고객님.
        **결제일로부터 7일 이내**라면 앱에서 바로 취소하실 수 있어요.
        자세한 기준은 [[REFUND-1]]을 따릅니다.

        - 앱 > 주문 내역
        - [고객센터](https://example.com/help)
        - [응대 가이드](../../manuals/guide.md)

        <script>window.__xss = "answer"</script><img src=x onerror="window.__xss='img'">
    """,
    "docs/answers/refund/after.md": """
        ---
        id: refund-after-shipping
        title: 배송 후 환불 안내
        cites: [REFUND-3@1]
        tags: [배송/배송 후]
        status: draft
        ---
        배송 후에는 반품 접수 후 환불됩니다.
    """,
    "docs/answers/old.md": """
        ---
        id: old-answer
        title: 폐기된 옛 답변
        cites: [REFUND-0@1]
        tags: [환불]
        status: retired
        ---
        이 답변은 더는 쓰지 않습니다.
    """,
    "docs/index.md": """
        # 테스트 지식베이스

        상담원용 사이트입니다.
    """,
    "docs/manuals/guide.md": """
        # 응대 가이드

        취소 문의는 [[REFUND-1]]을 확인하세요. 예시 표기: `[[REFUND-9]]`.

        <script>window.__xss = "manual"</script>
        <a href="javascript:window.__xss='manual-link'" onclick="window.__xss='click'">여기</a>
    """,
}
