"""Every user-facing message and label, in Korean and in English (one catalogue).

A message is looked up by id: `t("check.no_citation")`, `t("rules.expired", shown=...)`.
Each id holds (Korean, English) side by side with the same `{placeholders}`, so a
wording is changed in one place and the two languages cannot drift apart unseen
(tests/test_messages.py checks both are there and take the same placeholders).

The language is one piece of state set once per run, not a parameter threaded
through every function: the CLI calls `override()` with `--lang` / `KB_LANG` and
`use()` with the KB's `theme.language`; the site plugin calls `use()` too. An
override wins over `use()`; an unknown language is Korean.

Korean particles that depend on the word before them (을/를, 이/가, (으)로) stay
written as the code always wrote them: `을(를)` after a value we do not know.

Codes, JSON keys and the words SPEC fixes (`error`, `warning`) are not here:
they are the same in every language. KB content is never translated.
"""

from __future__ import annotations

LANGUAGES = ("ko", "en")
DEFAULT = "ko"

_language = DEFAULT
_override: str | None = None


def normalize(language: str | None) -> str:
    """`en`, `en-US`, `EN_gb` -> `en`; anything we have no words for -> Korean."""
    code = (language or "").strip().lower().replace("_", "-").split("-")[0]
    return code if code in LANGUAGES else DEFAULT


def override(language: str | None) -> None:
    """The language asked for on the command line (`--lang`, `KB_LANG`): it wins
    over every later `use()`. None or empty clears it."""
    global _override, _language
    _override = normalize(language) if language else None
    if _override is not None:
        _language = _override


def use(language: str | None) -> str:
    """The KB's own language (`theme.language`), unless an override was given."""
    global _language
    _language = _override or normalize(language)
    return _language


def current() -> str:
    return _language


def t(message_id: str, /, **params: object) -> str:
    """The message in the current language, its `{placeholders}` filled."""
    korean, english = MESSAGES[message_id]
    return (english if _language == "en" else korean).format(**params)


def in_language(language: str, prefix: str) -> dict[str, str]:
    """Every message under `prefix.` in `language`, unformatted, keyed without the prefix
    (the site's labels: its templates fill the few placeholders themselves)."""
    index = 1 if normalize(language) == "en" else 0
    return {
        key[len(prefix) + 1 :]: texts[index]
        for key, texts in MESSAGES.items()
        if key.startswith(prefix + ".")
    }


MESSAGES: dict[str, tuple[str, str]] = {
    # --- clause states: one wording per state, for every command and the site
    'state.current': ('시행 중', 'In force'),
    'state.future': ('시행 예정', 'Scheduled'),
    'state.expired': ('만료', 'Expired'),
    'state.superseded': ('대체됨', 'Superseded'),
    'state.retired': ('폐지', 'Retired'),
    # --- the generated site's labels (kb/site/labels.py reads the `site.` ids)
    'site.draft': (
        '초안',
        'Draft',
    ),
    'site.answer_future': (
        '시행 예정',
        'Scheduled',
    ),
    'site.home': (
        '홈',
        'Home',
    ),
    'site.nav_answers': (
        '답변',
        'Answers',
    ),
    'site.nav_policies': (
        '정책',
        'Policies',
    ),
    'site.nav_reports': (
        '보고서',
        'Reports',
    ),
    'site.tags_index': (
        '태그별 답변',
        'Answers by tag',
    ),
    'site.policies_index': (
        '정책 목록',
        'All policies',
    ),
    'site.untagged': (
        '태그 없음',
        'Untagged',
    ),
    'site.manuals': (
        '매뉴얼',
        'Manuals',
    ),
    'site.to_send': (
        '고객에게 보낼 문구',
        'Text to send',
    ),
    'site.copy': (
        '복사',
        'Copy',
    ),
    'site.copied': (
        '복사됨',
        'Copied',
    ),
    'site.copy_failed': (
        '복사 실패: 직접 선택해 복사하세요',
        'Copy failed: select the text and copy it',
    ),
    'site.copy_hint': (
        '{{ }} 부분은 보내기 전에 채워 주세요.',
        'Fill in the {{ }} parts before sending.',
    ),
    'site.copy_warn': (
        '이 답변에는 오류 {n}건이 있습니다(옛 버전이나 효력 없는 조항 인용 등). 고객에게 틀린 안내가 갈 수 있으니 위의 오류 내용을 먼저 확인하세요. 그래도 복사할까요?',
        'This answer has {n} error(s) (it cites an old or invalid clause). The customer may be told something wrong: read the errors above first. Copy anyway?',
    ),
    'site.copy_anyway': (
        '그래도 복사',
        'Copy anyway',
    ),
    'site.copy_cancel': (
        '취소',
        'Cancel',
    ),
    'site.cited_clauses': (
        '근거 조항',
        'Cited clauses',
    ),
    'site.questions': (
        '고객은 이렇게 물어요',
        'How customers ask',
    ),
    'site.tags': (
        '태그',
        'Tags',
    ),
    'site.owner': (
        '담당',
        'Owner',
    ),
    'site.review_by': (
        '검토 기한',
        'Review by',
    ),
    'site.effective_from': (
        '{date}부터 사용',
        'Use from {date}',
    ),
    'site.no_citation': (
        '이 답변은 근거 조항을 인용하지 않습니다.',
        'This answer cites no clause.',
    ),
    'site.source': (
        '원본 파일',
        'Source file',
    ),
    'site.clauses': (
        '조항',
        'Clauses',
    ),
    'site.clause': (
        '조항',
        'Clause',
    ),
    'site.title': (
        '제목',
        'Title',
    ),
    'site.version': (
        '버전',
        'Version',
    ),
    'site.effective': (
        '시행일',
        'Effective',
    ),
    'site.expires': (
        '만료일',
        'Expires',
    ),
    'site.status': (
        '상태',
        'Status',
    ),
    'site.history': (
        '변경 이력',
        'History',
    ),
    'site.changes': (
        '바뀐 내용',
        'What changed',
    ),
    'site.note': (
        '메모',
        'Note',
    ),
    'site.superseded_by': (
        '이 조항은 {new}(으)로 대체되었습니다.',
        'This clause is superseded by {new}.',
    ),
    'site.will_be_superseded': (
        '{new}이(가) {date}부터 이 조항을 대체합니다.',
        '{new} replaces this clause from {date}.',
    ),
    'site.scheduled_from': (
        '시행 예정 ({date}부터)',
        'Scheduled (from {date})',
    ),
    'site.scheduled_version': (
        '버전 {version}',
        'version {version}',
    ),
    'site.scheduled_diff': (
        '지금 시행 중인 버전 {old}에서 바뀌는 부분',
        'Changes from version {old}, in force now',
    ),
    'site.scheduled_hint': (
        '{date} 전까지는 위의 시행 중인 내용으로 안내하세요.',
        'Until {date}, answer with the text in force above.',
    ),
    'site.supersedes': (
        '대체하는 조항',
        'Supersedes',
    ),
    'site.cited_by': (
        '이 조항을 인용한 곳',
        'Cited by',
    ),
    'site.cited_by_none': (
        '아직 이 조항을 인용한 답변이나 매뉴얼이 없습니다.',
        'No answer or manual page cites this clause yet.',
    ),
    'site.answers_count': (
        '답변 {n}개',
        '{n} answers',
    ),
    'site.manual_pages': (
        '매뉴얼',
        'Manual pages',
    ),
    'site.policy_id': (
        '정책 ID',
        'Policy ID',
    ),
    'site.clause_count': (
        '조항 수',
        'Clauses',
    ),
    'site.summary': (
        '요약',
        'Summary',
    ),
    'site.subtags': (
        '하위 태그',
        'Sub-tags',
    ),
    'site.answers_in_tag': (
        '이 태그의 답변',
        'Answers with this tag',
    ),
    'site.all_tags': (
        '모든 태그',
        'All tags',
    ),
    'site.too_many': (
        '답변이 {n}개라 하위 태그별로 나누어 보여 줍니다.',
        '{n} answers: listed by sub-tag.',
    ),
    'site.home_stats': (
        '한눈에 보기',
        'At a glance',
    ),
    'site.stat_answers': (
        '답변',
        'Answers',
    ),
    'site.stat_policies': (
        '정책',
        'Policies',
    ),
    'site.stat_clauses': (
        '시행 중인 조항',
        'Clauses in force',
    ),
    'site.stat_tags': (
        '태그',
        'Tags',
    ),
    'site.reviews_due': (
        '30일 안에 검토할 항목',
        'Reviews due in 30 days',
    ),
    'site.reviews_none': (
        '30일 안에 검토 기한이 돌아오는 항목이 없습니다.',
        'Nothing is due for review in the next 30 days.',
    ),
    'site.overdue': (
        '기한 지남',
        'Overdue',
    ),
    'site.due_in': (
        '{n}일 남음',
        'in {n} days',
    ),
    'site.due_today': (
        '오늘',
        'today',
    ),
    'site.recent_changes': (
        '최근 바뀐 조항',
        'Recently changed clauses',
    ),
    'site.recent_none': (
        '최근 바뀐 조항이 없습니다.',
        'No clause changed recently.',
    ),
    'site.kind': (
        '종류',
        'Kind',
    ),
    'site.kind_answer': (
        '답변',
        'Answer',
    ),
    'site.kind_policy': (
        '정책',
        'Policy',
    ),
    'site.as_of': (
        '{date} 기준',
        'as of {date}',
    ),
    'site.broken': (
        '인용 오류',
        'Citation error',
    ),
    'site.errors_banner': (
        '지식베이스에 오류가 {n}건 있습니다. 빨간 표시가 있는 답변은 보내기 전에 확인하세요.',
        'The knowledge base has {n} errors. Check answers marked in red before sending.',
    ),
    'site.unknown_clause': (
        '없는 조항',
        'unknown clause',
    ),
    'site.code_bad-citation': (
        '인용 형식 오류',
        'malformed citation',
    ),
    'site.code_unknown-clause': (
        '없는 조항',
        'unknown clause',
    ),
    'site.code_superseded-clause': (
        '대체된 조항',
        'superseded clause',
    ),
    'site.code_retired-clause': (
        '폐지된 조항',
        'retired clause',
    ),
    'site.code_expired-clause': (
        '만료된 조항',
        'expired clause',
    ),
    'site.code_future-clause': (
        '아직 시행 전인 조항',
        'clause not yet in force',
    ),
    'site.code_stale-citation': (
        '옛 버전 인용',
        'outdated version',
    ),
    # --- rules
    'rules.citation_problem.1': (
        '참조',
        'reference',
    ),
    'rules.citation_problem.2': (
        '인용',
        'citation',
    ),
    'rules.citation_problem.3': (
        '[[조항-ID]] 또는 [[조항-ID@버전]]',
        '[[CLAUSE-ID]] or [[CLAUSE-ID@VERSION]]',
    ),
    'rules.citation_problem.4': (
        '조항-ID@버전',
        'CLAUSE-ID@VERSION',
    ),
    'rules.citation_problem.5': (
        '{raw!r}은(는) 인용 형식이 아닙니다: {form} 형태로 쓰세요',
        '{raw!r} is not a citation: write it as {form}',
    ),
    'rules.citation_problem.6': (
        ' 혹시 {close}인가요?',
        ' Did you mean {close}?',
    ),
    'rules.citation_problem.7': (
        ' 조항 id를 확인하세요.',
        ' Check the clause id.',
    ),
    'rules.citation_problem.8': (
        '{shown}을(를) {what}하지만 그런 id의 조항이 없습니다.{hint}',
        '{shown} ({what}): there is no clause with that id.{hint}',
    ),
    'rules.citation_problem.9': (
        '{shown} {what}: 이 조항은 {effective}부터 {pin}(으)로 대체됩니다. {pin}을(를) {what}하도록 고치세요',
        '{shown} ({what}): this clause is superseded by {pin} from {effective}. Change it to {pin}',
    ),
    'rules.citation_problem.10': (
        '{shown} {what}: 폐지된 조항입니다. 대신 따를 조항을 {what}하도록 고치세요',
        '{shown} ({what}): the clause is retired. Change it to the clause that replaces it',
    ),
    'rules.citation_problem.11': (
        '{shown} {what}: 이 조항은 {expires}부터 효력이 없습니다(기준일 {on}). 현재 조항을 {what}하도록 고치세요',
        '{shown} ({what}): this clause has no effect from {expires} (checked as of {on}). Change it to a current clause',
    ),
    'rules.not_yet.1': (
        '{start}부터 시행됩니다',
        'takes effect on {start}',
    ),
    'rules.not_yet.2': (
        '시행일(effective)이 없습니다',
        'has no effective date',
    ),
    'rules.not_yet.3': (
        "{shown} {what}: 이 조항은 {when}(기준일 {on}). 시행 후에 쓸 답변이면 답변에 'effective: {value}'을(를) 적으세요",
        "{shown} ({what}): this clause {when} (checked as of {on}). If the answer is for after that date, add 'effective: {value}' to the answer",
    ),
    'rules.wrong_version.1': (
        "{shown} {what}: 버전 {pinned}은(는) {effective}부터 시행됩니다(기준일 {on}에는 버전 {version}). 새 버전용 답변이면 'effective: {effective}'을(를) 적고, 아니면 {pin}을(를) {what}하세요",
        "{shown} ({what}): version {pinned} takes effect on {effective} (version {version} as of {on}). If the answer is for the new version, add 'effective: {effective}'; otherwise change it to {pin}",
    ),
    'rules.wrong_version.2': (
        '{shown} {what}: 이 조항에 버전 {pinned}은(는) 없습니다. 시행 중인 버전은 {version}({effective}부터)이니 {pin}을(를) {what}하세요',
        '{shown} ({what}): this clause has no version {pinned}. The version in force is {version} (since {effective}); change it to {pin}',
    ),
    'rules.wrong_version.3': (
        '{shown} {what}: 조항은 이제 버전 {version}입니다({effective}부터 시행). 답변을 다시 읽고 고친 뒤 {pin}을(를) {what}하세요 (kb review)',
        '{shown} ({what}): the clause is now at version {version} (in force since {effective}). Re-read and fix the answer, then change it to {pin} (kb review)',
    ),
    # --- common words
    'common.or': (
        ' 또는 ',
        ' or ',
    ),
    # --- check
    'check.duplicate_ids': (
        'id {ident!r}은(는) 이미 {where}에서 쓰고 있습니다: 겹치지 않는 id로 바꾸세요',
        'id {ident!r} is already used in {where}: change it to an id no other file uses',
    ),
    'check.answer_findings': (
        "근거 조항을 인용하지 않은 답변입니다: 'cites: [조항-ID@버전]'을 넣으세요",
        "The answer cites no clause: add 'cites: [CLAUSE-ID@VERSION]'",
    ),
    'check.overdue': (
        '검토 기한({review_by})이 지났습니다: 현재 정책과 대조해 다시 읽고 review_by를 다음 검토일로 옮기세요',
        'The review date ({review_by}) has passed: re-read it against the current policies and move review_by to the next review date',
    ),
    # --- report
    'report.summary': (
        '오류 {errors}개, 경고 {warnings}개 (파일 {files}개, {as_of} 기준)',
        '{errors} errors, {warnings} warnings ({files} files, as of {as_of})',
    ),
    # --- cli
    'cli.usage': (
        '사용법: {usage}',
        'Usage: {usage}',
    ),
    'cli.usage_help': (
        '도움말: {command_path} --help',
        'Help: {command_path} --help',
    ),
    'cli.error': (
        '오류: {message}',
        'Error: {message}',
    ),
    'cli.aborted': (
        '중단했습니다.',
        'Aborted.',
    ),
    'cli.korean_usage.1': (
        '\\1 값이 잘못되었습니다: \\2',
        'Invalid value for \\1: \\2',
    ),
    'cli.korean_usage.2': (
        '\\1 인자가 빠졌습니다.',
        'Missing argument \\1.',
    ),
    'cli.korean_usage.3': (
        '\\1 옵션이 빠졌습니다.',
        'Missing option \\1.',
    ),
    'cli.korean_usage.4': (
        '\\1 같은 옵션은 없습니다.\\2',
        'No such option: \\1.\\2',
    ),
    'cli.korean_usage.5': (
        '\\1 같은 명령은 없습니다.\\2 (kb --help: 명령 목록)',
        'No such command \\1.\\2 (kb --help lists the commands)',
    ),
    'cli.korean_usage.6': (
        '필요 없는 인자가 있습니다: \\1',
        'Got unexpected extra arguments: \\1',
    ),
    'cli.korean_usage.7': (
        '\\1 옵션에는 값이 필요합니다.',
        'Option \\1 requires an argument.',
    ),
    'cli.korean_usage.8': (
        '혹시 이것인가요:',
        'Did you mean',
    ),
    'cli.korean_usage.9': (
        '은(는) 다음 중 하나가 아닙니다:',
        ' is not one of',
    ),
    'cli.check': (
        '참고: {note}',
        'Note: {note}',
    ),
    'cli.init.1': (
        '만들었습니다: {path}',
        'Created: {path}',
    ),
    'cli.init.2': (
        '다음 단계: cd {directory} && kb check && kb serve',
        'Next: cd {directory} && kb check && kb serve',
    ),
    'cli.ask': (
        '{option}이(가) 빠졌습니다: 명령줄에 주세요 (--help 참고)',
        '{option} is missing: give it on the command line (see --help)',
    ),
    'cli.bump.1': (
        '{day}부터 버전이 바뀌면 다시 읽고 `kb review ANSWER-ID`할 답변:',
        'Answers to re-read and `kb review ANSWER-ID` when the version changes on {day}:',
    ),
    'cli.bump.2': (
        '다시 읽고 `kb review ANSWER-ID`할 답변:',
        'Answers to re-read and `kb review ANSWER-ID`:',
    ),
    'cli.list_manuals': (
        '이 조항을 참조하는 매뉴얼 (표시한 줄의 문단을 다시 읽고 `kb review 경로`):',
        'Manual pages that refer to this clause (re-read the paragraph of each marked line, then `kb review PATH`):',
    ),
    'cli.review.1': (
        '{answer_id}: 본문에 이전 버전의 값이 남아 있어 인용을 다시 고정하지 않았습니다. 위 줄을 시행 중인 내용으로 고친 뒤 다시 실행하세요 (그대로 두어야 하는 줄이면 --force로 고정하세요)',
        '{answer_id}: the text still holds values of the previous version, so the citations were not re-pinned. Fix the lines above to the text in force and run it again (or --force to pin lines that must stay as they are)',
    ),
    'cli.review.2': (
        '고쳐 썼습니다: {path}',
        'Rewrote: {path}',
    ),
    'cli.review.3': (
        '{answer_id}: 모든 인용이 이미 시행 중인 버전입니다. 바꿀 것이 없습니다',
        '{answer_id}: every citation is already at the version in force. Nothing to change',
    ),
    'cli.show_reread': (
        '이전 버전의 값이 남은 줄:',
        'Lines that still hold values of the previous version:',
    ),
    'cli.review_manual.1': (
        '{id}: 이전 버전의 값이 남아 있습니다. 위 줄을 고치세요 (일부러 쓴 이전 값이면 그 줄에 <!-- kb: 이전 값 -->을 붙이고, 그대로 두려면 --force)',
        '{id}: values of the previous version remain. Fix the lines above (for a previous value written on purpose add <!-- kb: old value --> to the line; to leave it as it is, --force)',
    ),
    'cli.review_manual.2': (
        '{id}: 참조한 조항과 어긋나는 값이 없습니다 (매뉴얼은 고칠 인용이 없어 파일을 바꾸지 않습니다)',
        '{id}: no value disagrees with the clauses it refers to (a manual page has no citations to fix, so the file is not changed)',
    ),
    'cli.report_edit': (
        '고쳐 썼습니다: {path}',
        'Rewrote: {path}',
    ),
    'cli.changes.1': (
        '기간을 하나만 주세요: --month YYYY-MM, 또는 --since DATE [--until DATE]',
        'Give one period: --month YYYY-MM, or --since DATE [--until DATE]',
    ),
    'cli.changes.2': (
        '{first} 변경 사항',
        'Changes in {first}',
    ),
    'cli.changes.3': (
        '--until {end}이(가) --since {start}보다 앞섭니다: 날짜를 바꿔 주세요',
        '--until {end} is before --since {start}: swap the dates',
    ),
    'cli.gaps': (
        '답을 찾지 못한 질문을 기록하지 않는 KB입니다: mkdocs.yml의 kb 플러그인에 gaps_log: .kb-gaps/queries.jsonl 을 넣으면 kb api가 기록을 시작합니다',
        'This KB does not log unanswered questions: add gaps_log: .kb-gaps/queries.jsonl to the kb plugin in mkdocs.yml and kb api starts logging them',
    ),
    # --- scaffold
    'scaffold.default_name': (
        '고객센터 지식베이스',
        'Customer service knowledge base',
    ),
    # --- search output
    'search.no_good_answer': (
        '맞는 답변을 찾지 못했습니다',
        'No good answer found',
    ),
    'search.nothing': (
        "'{query}': 맞는 답변을 찾지 못했습니다. 다른 말로 검색해 보세요.",
        "'{query}': no good answer found. Try other words.",
    ),
    'search.partial': (
        '아래는 검색어 일부만 들어 있는 결과입니다.',
        'The results below hold only part of the query.',
    ),
    'search.kind.answer': (
        '답변',
        'answer',
    ),
    'search.kind.clause': (
        '조항',
        'clause',
    ),
    'search.kind.manual': (
        '매뉴얼',
        'manual',
    ),
    'search.state.unknown': (
        '없는 조항',
        'unknown clause',
    ),
    'search.state.draft': (
        '초안',
        'draft',
    ),
    'search.tags': (
        '태그: {tags}',
        'Tags: {tags}',
    ),
    'search.cites': (
        '근거 조항: {cites}',
        'Cites: {cites}',
    ),
    # --- load
    'load.id_problem.1': (
        "'{value}…'은(는) {value2}자로 너무 깁니다: id는 {MAX_ID_LENGTH}자까지 쓸 수 있습니다",
        "'{value}…' is {value2} characters long, too long: an id has at most {MAX_ID_LENGTH} characters",
    ),
    'load.id_problem.2': (
        '{value!r}은(는) {value2}',
        '{value!r} {value2}',
    ),
    'load.id_problem.3': (
        '{value!r}은(는) 사이트 페이지나 파일 이름과 겹쳐 id로 쓸 수 없습니다({value2}.md): 다른 id를 쓰세요',
        '{value!r} clashes with a site page or file name ({value2}.md), so it cannot be an id: use another id',
    ),
    'load.missing': (
        "'{key}' 항목이 없습니다: 필수 항목이니 '{key}: 값'을 넣으세요",
        "'{key}' is missing: it is required, add '{key}: value'",
    ),
    'load.text.1': (
        "'{key}'은(는) 글이어야 합니다(지금은 {value})",
        "'{key}' must be text (it is {value})",
    ),
    'load.text.2': (
        "'{key}'의 {problem}",
        "'{key}': {problem}",
    ),
    'load.date': (
        "'{key}'의 {value}",
        "'{key}': {value}",
    ),
    'load.integer': (
        "'{key}'은(는) {minimum} 이상의 정수여야 합니다(지금은 {shown})",
        "'{key}' must be a whole number of at least {minimum} (it is {shown})",
    ),
    'load.choice': (
        "'{key}'은(는) {choices} 중 하나여야 합니다(지금은 {value!r})",
        "'{key}' must be one of {choices} (it is {value!r})",
    ),
    'load.text_list': (
        "'{key}'의 항목은 글이어야 합니다(지금은 {item})",
        "each item of '{key}' must be text (one is {item})",
    ),
    'load.mapping_list.1': (
        "'{key}'이(가) 없거나 비어 있습니다: 항목을 하나 이상 넣으세요",
        "'{key}' is missing or empty: add at least one item",
    ),
    'load.mapping_list.2': (
        "'{key}'의 각 항목은 '이름: 값' 묶음이어야 합니다(지금은 {item})",
        "each item of '{key}' must be a 'name: value' mapping (one is {item})",
    ),
    'load.kind.1': (
        '빈 값',
        'an empty value',
    ),
    'load.kind.2': (
        '참/거짓',
        'true/false',
    ),
    'load.kind.3': (
        '숫자',
        'a number',
    ),
    'load.kind.4': (
        '글',
        'text',
    ),
    'load.kind.5': (
        '목록',
        'a list',
    ),
    'load.kind.6': (
        "'이름: 값' 묶음",
        "a 'name: value' mapping",
    ),
    'load.kind.7': (
        '날짜',
        'a date',
    ),
    'load.kind.8': (
        '알 수 없는 값',
        'an unknown value',
    ),
    'load.not_a_list': (
        "'{key}'은(는) 목록이어야 합니다(지금은 {value}): [가, 나]처럼 쓰세요",
        "'{key}' must be a list (it is {value}): write it as [a, b]",
    ),
    'load.clause': (
        "조항 id {clause_id!r}은(는) 정책 id 뒤에 '-'를 붙인 '{policy_id}-'로 시작해야 합니다",
        "clause id {clause_id!r} must start with the policy id and '-': '{policy_id}-'",
    ),
    'load.policy_from_data': (
        "정책 파일은 id, title, owner, clauses를 담은 '이름: 값' 묶음 하나여야 합니다",
        "a policy file must be one 'name: value' mapping holding id, title, owner and clauses",
    ),
    'load.citation': (
        '빈 값',
        'an empty value',
    ),
    'load.answer_from_text': (
        "머리말은 'id: ...', 'title: ...' 같은 '이름: 값' 묶음이어야 합니다",
        "the front matter must be a 'name: value' mapping such as 'id: ...', 'title: ...'",
    ),
    # --- frontmatter
    'frontmatter.answer_findings': (
        '답변',
        'an answer',
    ),
    'frontmatter.manual_findings.1': (
        '매뉴얼 페이지',
        'a manual page',
    ),
    'frontmatter.manual_findings.2': (
        "'{key}' 값 {value!r}은(는) 쓸 수 없습니다: 사이트가 이 값을 HTML 속성이나 템플릿 경로에 넣기 때문에 {pattern} 형식만 받습니다. 고치거나 지우세요",
        "'{key}' value {value!r} cannot be used: the site puts this value into an HTML attribute or a template path, so it takes only the form {pattern}. Fix or remove it",
    ),
    'frontmatter.key_findings': (
        "'{name}'은(는) {value}라서 KB 내용에 둘 수 없습니다: 사이트는 이 키를 무시합니다. 이 줄을 지우세요",
        "'{name}' is {value}, so KB content cannot hold it: the site ignores this key. Remove the line",
    ),
    'frontmatter.unknown.1': (
        " '{value}'을(를) 뜻했나요?",
        " Did you mean '{value}'?",
    ),
    'frontmatter.unknown.2': (
        "'{name}'은(는) {kind}에서 kb도 사이트도 쓰지 않는 키입니다.{hint} 고치거나 지우세요 (쓸 수 있는 키: {allowed})",
        "'{name}' is a key neither kb nor the site uses in {kind}.{hint} Fix or remove it (keys you can use: {allowed})",
    ),
    # --- yamlsrc
    'yamlsrc.spend': (
        'YAML 별칭(*이름)이 너무 많이 펼쳐집니다(별칭 폭탄): 이 파일은 읽지 않았습니다. 앵커(&)와 별칭(*)을 지우고 값을 직접 쓰세요',
        'YAML aliases (*name) expand too much (an alias bomb): this file was not read. Remove the anchors (&) and aliases (*) and write the values out',
    ),
    'yamlsrc.closing_fence.1': (
        "머리말(front matter)이 없습니다: 파일 첫 줄을 '---'로 시작하세요",
        "There is no front matter: start the file with a '---' line",
    ),
    'yamlsrc.closing_fence.2': (
        "머리말(front matter)이 닫히지 않았습니다: 머리말 끝에 '---' 줄을 넣으세요",
        "The front matter is not closed: add a '---' line at its end",
    ),
    'yamlsrc.key_problems': (
        "'{key}' 키가 이 매핑에 두 번 있습니다(앞의 것은 {before}행): 하나만 남기세요",
        "key '{key}' appears twice in this mapping (the first on line {before}): keep one",
    ),
    # --- sources
    'sources.kind': (
        '일반 파일이 아닌 것',
        'something other than a regular file',
    ),
    'sources.not_regular': (
        '일반 파일이 아니라 {mode}입니다: kb는 일반 파일만 읽습니다. 이 항목을 지우거나 내용을 담은 파일로 바꾸세요',
        'This is {mode}, not a regular file: kb reads only regular files. Remove it or replace it with a file holding the content',
    ),
    'sources.too_big.1': (
        '{MAX_SHOWN} 넘게',
        'over {MAX_SHOWN}',
    ),
    'sources.too_big.2': (
        '파일이 너무 큽니다({shown}): kb는 한 파일을 {MAX_SHOWN}까지만 읽습니다. 파일을 여러 개로 나누세요',
        'The file is too big ({shown}): kb reads at most {MAX_SHOWN} of a file. Split it into several files',
    ),
    'sources.read_text.1': (
        '파일을 읽을 수 없습니다({value}): 파일 권한과 경로를 확인하세요',
        'The file cannot be read ({value}): check its permissions and path',
    ),
    'sources.read_text.2': (
        'UTF-8 텍스트가 아닙니다: 편집기에서 UTF-8 인코딩으로 다시 저장하세요',
        'This is not UTF-8 text: save it again with UTF-8 encoding in your editor',
    ),
    'sources.read_text.3': (
        '텍스트가 아닌 바이너리 파일입니다: 이 폴더에는 텍스트 파일만 두세요',
        'This is a binary file, not text: keep only text files in this folder',
    ),
    # --- dates
    'dates.problem.1': (
        '{quoted} 없는 날짜입니다: 연도를 네 자리로 쓰세요(예: 2026-03-01)',
        '{quoted} is not a date that exists: write the year with four digits (e.g. 2026-03-01)',
    ),
    'dates.problem.2': (
        '{quoted} 없는 날짜입니다: 월은 1부터 12까지입니다. 있는 날짜로 고치세요',
        '{quoted} is not a date that exists: months go from 1 to 12. Use a date that exists',
    ),
    'dates.problem.3': (
        '{quoted} 없는 날짜입니다: {year}년 {month}월은 {last}일까지 있습니다. 있는 날짜로 고치세요',
        '{quoted} is not a date that exists: month {month} of {year} has {last} days. Use a date that exists',
    ),
    'dates.problem.4': (
        '값이 비어 있습니다: 2026-03-01처럼 연-월-일을 쓰세요',
        'The value is empty: write year-month-day, like 2026-03-01',
    ),
    'dates.problem.5': (
        "{quoted} 날짜가 아닙니다: 2026-03-01처럼 연도 네 자리, 월, 일을 '-'로 이어 쓰세요(연-월-일)",
        "{quoted} is not a date: write a four-digit year, the month and the day joined by '-', like 2026-03-01 (year-month-day)",
    ),
    # --- config
    'config.read_config.1': (
        '{path}: 설정 파일이 없습니다 (-f로 KB의 mkdocs.yml을 가리키세요)',
        "{path}: there is no config file (point -f at the KB's mkdocs.yml)",
    ),
    'config.read_config.2': (
        '{path}: 설정 파일을 읽지 못했습니다: {exc}',
        '{path}: the config file could not be read: {exc}',
    ),
    'config.read_config.3': (
        '{path}: 설정 파일은 YAML 매핑(키: 값)이어야 합니다',
        '{path}: the config file must be a YAML mapping (key: value)',
    ),
    # --- confine
    'confine.outside_link': (
        'KB 밖을 가리키는 링크입니다 (→ {target}): kb는 이 링크를 따라가지 않으며 읽지도 게시하지도 않습니다. 링크를 지우고, 필요한 내용은 KB 안에 파일로 두세요',
        'This link points outside the KB (→ {target}): kb does not follow it, read it or publish it. Remove the link and keep what is needed as a file inside the KB',
    ),
    'confine.unsafe_file': (
        "{suffix} 파일은 브라우저에서 스크립트를 실행할 수 있어 사이트에 게시하지 않습니다: 내용은 Markdown 페이지로, 그림은 PNG나 JPEG로 바꾸세요. 믿을 수 있는 파일이라면 mkdocs.yml의 kb 플러그인 옵션에 'publish_html: true'를 두세요",
        "{suffix} files can run scripts in the browser, so the site does not publish them: turn the content into a Markdown page and pictures into PNG or JPEG. If you trust the file, set 'publish_html: true' in the kb plugin options of mkdocs.yml",
    ),
    # --- causes
    'causes.note.1': (
        '답변 {answers}개',
        '{answers} answers',
    ),
    'causes.note.2': (
        '매뉴얼 {manuals}개',
        '{manuals} manual pages',
    ),
    'causes.note.3': (
        '이 파일을 읽지 못해 이 파일의 조항을',
        'this file could not be read, so for its clauses',
    ),
    'causes.note.4': (
        '이 오류 때문에 {value}을(를)',
        'because of this error, for {value}',
    ),
    'causes.note.5': (
        ' — {why} 가리키는 인용·참조 {places}곳({whose})을 확인하지 못했습니다. 이 줄을 먼저 고치세요',
        ' — {why}: {places} citations and references pointing there ({whose}) could not be checked. Fix this line first',
    ),
    # --- text
    'text.did_you_mean': (
        ' ({names} 중 하나를 찾으셨나요?)',
        ' (did you mean one of {names}?)',
    ),
    # --- module-level words
    'yamlsrc.too_deep': (
        'YAML이 너무 깊이 중첩되어 있습니다: 목록과 묶음의 중첩을 줄이세요',
        'The YAML is nested too deep: nest fewer lists and mappings',
    ),
    'yamlsrc.merge_key': (
        'YAML 병합 키(<<)는 쓸 수 없습니다: kb 의 편집 명령이 병합된 값을 어디에 고쳐 써야 할지 정할 수 없어서입니다. 병합하던 항목들을 이 자리에 직접 쓰세요',
        "The YAML merge key (<<) cannot be used: kb's editing commands could not tell where to write a merged value. Write the merged items out here",
    ),
    'load.id_pattern': (
        "형식에 맞지 않습니다: 영문 대문자로 시작해 대문자·숫자를 '-'로 이어 쓰세요(예: REFUND-1)",
        "does not have the right form: start with a capital letter and join capitals and digits with '-' (e.g. REFUND-1)",
    ),
    'load.answer_id_pattern': (
        "형식에 맞지 않습니다: 글자, 숫자, '-', '_'만 쓰세요(예: refund-before-shipping)",
        "does not have the right form: use only letters, digits, '-' and '_' (e.g. refund-before-shipping)",
    ),
    'frontmatter.unsafe.template': (
        '페이지 템플릿을 바꾸는 키',
        'a key that changes the page template',
    ),
    'frontmatter.unsafe.location': (
        'redirect 템플릿이 스크립트에 넣는 주소',
        'an address the redirect template puts into a script',
    ),
    'frontmatter.unsafe.redirect': (
        '다른 주소로 보내는 키',
        'a key that sends the reader to another address',
    ),
    'frontmatter.unsafe.unescaped': (
        '테마가 이스케이프하지 않고 넣는 값',
        'a value the theme inserts without escaping',
    ),
    'sources.fifo': (
        'FIFO(이름 있는 파이프)',
        'a FIFO (named pipe)',
    ),
    'sources.device': (
        '장치 파일',
        'a device file',
    ),
    'sources.socket': (
        '소켓',
        'a socket',
    ),
    'sources.folder': (
        '폴더',
        'a folder',
    ),
}
