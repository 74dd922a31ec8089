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

import os

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


def asked(argv: list[str]) -> str | None:
    """The language a command line asks for: `--lang en` / `--lang=en` before the
    command, else KB_LANG (option > env); None when neither does."""
    for i, arg in enumerate(argv):
        if not arg.startswith("-"):
            break  # the command: its own arguments are not ours
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.removeprefix("--lang=")
    return os.environ.get("KB_LANG") or None


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
    'rules.what_reference': (
        '참조',
        'reference',
    ),
    'rules.what_citation': (
        '인용',
        'citation',
    ),
    'rules.form_inline': (
        '[[조항-ID]] 또는 [[조항-ID@버전]]',
        '[[CLAUSE-ID]] or [[CLAUSE-ID@VERSION]]',
    ),
    'rules.form_cites': (
        '조항-ID@버전',
        'CLAUSE-ID@VERSION',
    ),
    'rules.not_a_citation': (
        '{raw!r}은(는) 인용 형식이 아닙니다: {form} 형태로 쓰세요',
        '{raw!r} is not a citation: write it as {form}',
    ),
    'rules.did_you_mean': (
        ' 혹시 {close}인가요?',
        ' Did you mean {close}?',
    ),
    'rules.check_the_id': (
        ' 조항 id를 확인하세요.',
        ' Check the clause id.',
    ),
    'rules.unknown_clause': (
        '{shown}을(를) {what}하지만 그런 id의 조항이 없습니다.{hint}',
        '{shown} ({what}): there is no clause with that id.{hint}',
    ),
    'rules.superseded': (
        '{shown} {what}: 이 조항은 {effective}부터 {pin}(으)로 대체됩니다. {pin}을(를) {what}하도록 고치세요',
        '{shown} ({what}): this clause is superseded by {pin} from {effective}. Change it to {pin}',
    ),
    'rules.retired': (
        '{shown} {what}: 폐지된 조항입니다. 대신 따를 조항을 {what}하도록 고치세요',
        '{shown} ({what}): the clause is retired. Change it to the clause that replaces it',
    ),
    'rules.expired': (
        '{shown} {what}: 이 조항은 {expires}부터 효력이 없습니다(기준일 {on}). 현재 조항을 {what}하도록 고치세요',
        '{shown} ({what}): this clause has no effect from {expires} (checked as of {on}). Change it to a current clause',
    ),
    'rules.starts_on': (
        '{start}부터 시행됩니다',
        'takes effect on {start}',
    ),
    'rules.no_effective_date': (
        '시행일(effective)이 없습니다',
        'has no effective date',
    ),
    'rules.not_yet': (
        "{shown} {what}: 이 조항은 {when}(기준일 {on}). 시행 후에 쓸 답변이면 답변에 'effective: {example}'을(를) 적으세요",
        "{shown} ({what}): this clause {when} (checked as of {on}). If the answer is for after that date, add 'effective: {example}' to the answer",
    ),
    'rules.version_not_yet': (
        "{shown} {what}: 버전 {pinned}은(는) {effective}부터 시행됩니다(기준일 {on}에는 버전 {version}). 새 버전용 답변이면 'effective: {effective}'을(를) 적고, 아니면 {pin}을(를) {what}하세요",
        "{shown} ({what}): version {pinned} takes effect on {effective} (version {version} as of {on}). If the answer is for the new version, add 'effective: {effective}'; otherwise change it to {pin}",
    ),
    'rules.no_such_version': (
        '{shown} {what}: 이 조항에 버전 {pinned}은(는) 없습니다. 시행 중인 버전은 {version}({effective}부터)이니 {pin}을(를) {what}하세요',
        '{shown} ({what}): this clause has no version {pinned}. The version in force is {version} (since {effective}); change it to {pin}',
    ),
    'rules.stale_version': (
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
    'check.no_citation': (
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
        # counts after a colon: no singular and plural forms to choose between
        'Errors: {errors}, warnings: {warnings} (files: {files}, as of {as_of})',
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
    'cli.build_not_built': (
        'kb build: 위 오류 때문에 사이트를 만들지 않았습니다. 오류를 고치거나, 그래도 만들려면 --allow-errors 를 붙이세요',
        'kb build: not built; fix the errors above or use --allow-errors to build anyway',
    ),
    'cli.click_invalid_value': (
        '\\1 값이 잘못되었습니다: \\2',
        'Invalid value for \\1: \\2',
    ),
    'cli.click_missing_argument': (
        '\\1 인자가 빠졌습니다.',
        'Missing argument \\1.',
    ),
    'cli.click_missing_option': (
        '\\1 옵션이 빠졌습니다.',
        'Missing option \\1.',
    ),
    'cli.click_no_such_option': (
        '\\1 같은 옵션은 없습니다.\\2',
        'No such option: \\1.\\2',
    ),
    'cli.click_no_such_command': (
        '\\1 같은 명령은 없습니다.\\2 (kb --help: 명령 목록)',
        'No such command \\1.\\2 (kb --help lists the commands)',
    ),
    'cli.click_extra_arguments': (
        '필요 없는 인자가 있습니다: \\1',
        'Got unexpected extra arguments: \\1',
    ),
    'cli.click_needs_value': (
        '\\1 옵션에는 값이 필요합니다.',
        'Option \\1 requires an argument.',
    ),
    'cli.click_did_you_mean': (
        '혹시 이것인가요:',
        'Did you mean',
    ),
    'cli.click_not_one_of': (
        '은(는) 다음 중 하나가 아닙니다:',
        ' is not one of',
    ),
    'cli.check': (
        '참고: {note}',
        'Note: {note}',
    ),
    'cli.init_created': (
        '만들었습니다: {path}',
        'Created: {path}',
    ),
    'cli.init_next': (
        '다음 단계: cd {directory} && kb check && kb serve',
        'Next: cd {directory} && kb check && kb serve',
    ),
    'cli.ask': (
        '{option}이(가) 빠졌습니다: 명령줄에 주세요 (--help 참고)',
        '{option} is missing: give it on the command line (see --help)',
    ),
    'cli.bump_reread_on': (
        '{day}부터 버전이 바뀌면 다시 읽고 `kb review ANSWER-ID`할 답변:',
        'Answers to re-read and `kb review ANSWER-ID` when the version changes on {day}:',
    ),
    'cli.bump_reread': (
        '다시 읽고 `kb review ANSWER-ID`할 답변:',
        'Answers to re-read and `kb review ANSWER-ID`:',
    ),
    'cli.list_manuals': (
        '이 조항을 참조하는 매뉴얼 (표시한 줄의 문단을 다시 읽고 `kb review 경로`):',
        'Manual pages that refer to this clause (re-read the paragraph of each marked line, then `kb review PATH`):',
    ),
    'cli.review_old_values': (
        '{answer_id}: 본문에 이전 버전의 값이 남아 있어 인용을 다시 고정하지 않았습니다. 위 줄을 시행 중인 내용으로 고친 뒤 다시 실행하세요 (그대로 두어야 하는 줄이면 --force로 고정하세요)',
        '{answer_id}: the text still holds values of the previous version, so the citations were not re-pinned. Fix the lines above to the text in force and run it again (or --force to pin lines that must stay as they are)',
    ),
    'cli.review_rewrote': (
        '고쳐 썼습니다: {path}',
        'Rewrote: {path}',
    ),
    'cli.review_nothing': (
        '{answer_id}: 모든 인용이 이미 시행 중인 버전입니다. 바꿀 것이 없습니다',
        '{answer_id}: every citation is already at the version in force. Nothing to change',
    ),
    'cli.show_reread': (
        '이전 버전의 값이 남은 줄:',
        'Lines that still hold values of the previous version:',
    ),
    'cli.review_manual_old_values': (
        '{id}: 이전 버전의 값이 남아 있습니다. 위 줄을 고치세요 (일부러 쓴 이전 값이면 그 줄에 <!-- kb: 이전 값 -->을 붙이고, 그대로 두려면 --force)',
        '{id}: values of the previous version remain. Fix the lines above (for a previous value written on purpose add <!-- kb: old value --> to the line; to leave it as it is, --force)',
    ),
    'cli.review_manual_clean': (
        '{id}: 참조한 조항과 어긋나는 값이 없습니다 (매뉴얼은 고칠 인용이 없어 파일을 바꾸지 않습니다)',
        '{id}: no value disagrees with the clauses it refers to (a manual page has no citations to fix, so the file is not changed)',
    ),
    'cli.report_edit': (
        '고쳐 썼습니다: {path}',
        'Rewrote: {path}',
    ),
    'cli.changes_one_period': (
        '기간을 하나만 주세요: --month YYYY-MM, 또는 --since DATE [--until DATE]',
        'Give one period: --month YYYY-MM, or --since DATE [--until DATE]',
    ),
    'changes.month_title': (
        '{first} 변경 사항',
        'Changes in {first}',
    ),
    'cli.changes_until_before_since': (
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
    'load.id_too_long': (
        "'{start}…'은(는) {length}자로 너무 깁니다: id는 {limit}자까지 쓸 수 있습니다",
        "'{start}…' is {length} characters long, too long: an id has at most {limit} characters",
    ),
    'load.id_pattern_problem': (
        '{ident!r}은(는) {how}',
        '{ident!r} {how}',
    ),
    'load.id_reserved': (
        '{ident!r}은(는) 사이트 페이지나 파일 이름과 겹쳐 id로 쓸 수 없습니다({name}.md): 다른 id를 쓰세요',
        '{ident!r} clashes with a site page or file name ({name}.md), so it cannot be an id: use another id',
    ),
    'load.missing': (
        "'{key}' 항목이 없습니다: 필수 항목이니 '{key}: 값'을 넣으세요",
        "'{key}' is missing: it is required, add '{key}: value'",
    ),
    'load.not_text': (
        "'{key}'은(는) 글이어야 합니다(지금은 {kind})",
        "'{key}' must be text (it is {kind})",
    ),
    'load.text_problem': (
        "'{key}'의 {problem}",
        "'{key}': {problem}",
    ),
    'load.date': (
        "'{key}'의 {problem}",
        "'{key}': {problem}",
    ),
    'load.integer': (
        "'{key}'은(는) {minimum} 이상의 정수여야 합니다(지금은 {shown})",
        "'{key}' must be a whole number of at least {minimum} (it is {shown})",
    ),
    'load.choice': (
        "'{key}'은(는) {choices} 중 하나여야 합니다(지금은 {given!r})",
        "'{key}' must be one of {choices} (it is {given!r})",
    ),
    'load.text_list': (
        "'{key}'의 항목은 글이어야 합니다(지금은 {item})",
        "each item of '{key}' must be text (one is {item})",
    ),
    'load.list_empty': (
        "'{key}'이(가) 없거나 비어 있습니다: 항목을 하나 이상 넣으세요",
        "'{key}' is missing or empty: add at least one item",
    ),
    'load.item_not_mapping': (
        "'{key}'의 각 항목은 '이름: 값' 묶음이어야 합니다(지금은 {item})",
        "each item of '{key}' must be a 'name: value' mapping (one is {item})",
    ),
    'load.kind_empty': (
        '빈 값',
        'an empty value',
    ),
    'load.kind_bool': (
        '참/거짓',
        'true/false',
    ),
    'load.kind_number': (
        '숫자',
        'a number',
    ),
    'load.kind_text': (
        '글',
        'text',
    ),
    'load.kind_list': (
        '목록',
        'a list',
    ),
    'load.kind_mapping': (
        "'이름: 값' 묶음",
        "a 'name: value' mapping",
    ),
    'load.kind_date': (
        '날짜',
        'a date',
    ),
    'load.kind_unknown': (
        '알 수 없는 값',
        'an unknown value',
    ),
    'load.not_a_list': (
        "'{key}'은(는) 목록이어야 합니다(지금은 {kind}): [가, 나]처럼 쓰세요",
        "'{key}' must be a list (it is {kind}): write it as [a, b]",
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
    'frontmatter.in_answer': (
        '답변',
        'an answer',
    ),
    'frontmatter.in_manual': (
        '매뉴얼 페이지',
        'a manual page',
    ),
    'frontmatter.unsafe_value': (
        "'{key}' 값 {given!r}은(는) 쓸 수 없습니다: 사이트가 이 값을 HTML 속성이나 템플릿 경로에 넣기 때문에 {pattern} 형식만 받습니다. 고치거나 지우세요",
        "'{key}' value {given!r} cannot be used: the site puts this value into an HTML attribute or a template path, so it takes only the form {pattern}. Fix or remove it",
    ),
    'frontmatter.key_findings': (
        "'{name}'은(는) {why}라서 KB 내용에 둘 수 없습니다: 사이트는 이 키를 무시합니다. 이 줄을 지우세요",
        "'{name}' is {why}, so KB content cannot hold it: the site ignores this key. Remove the line",
    ),
    'frontmatter.did_you_mean': (
        " '{close}'을(를) 뜻했나요?",
        " Did you mean '{close}'?",
    ),
    'frontmatter.unknown_key': (
        "'{name}'은(는) {kind}에서 kb도 사이트도 쓰지 않는 키입니다.{hint} 고치거나 지우세요 (쓸 수 있는 키: {allowed})",
        "'{name}' is a key neither kb nor the site uses in {kind}.{hint} Fix or remove it (keys you can use: {allowed})",
    ),
    # --- yamlsrc
    'yamlsrc.spend': (
        'YAML 별칭(*이름)이 너무 많이 펼쳐집니다(별칭 폭탄): 이 파일은 읽지 않았습니다. 앵커(&)와 별칭(*)을 지우고 값을 직접 쓰세요',
        'YAML aliases (*name) expand too much (an alias bomb): this file was not read. Remove the anchors (&) and aliases (*) and write the values out',
    ),
    'yamlsrc.no_front_matter': (
        "머리말(front matter)이 없습니다: 파일 첫 줄을 '---'로 시작하세요",
        "There is no front matter: start the file with a '---' line",
    ),
    'yamlsrc.front_matter_open': (
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
    'sources.over_limit': (
        '{MAX_SHOWN} 넘게',
        'over {MAX_SHOWN}',
    ),
    'sources.too_big': (
        '파일이 너무 큽니다({shown}): kb는 한 파일을 {MAX_SHOWN}까지만 읽습니다. 파일을 여러 개로 나누세요',
        'The file is too big ({shown}): kb reads at most {MAX_SHOWN} of a file. Split it into several files',
    ),
    'sources.unreadable': (
        '파일을 읽을 수 없습니다({cause}): 파일 권한과 경로를 확인하세요',
        'The file cannot be read ({cause}): check its permissions and path',
    ),
    'sources.not_utf8': (
        'UTF-8 텍스트가 아닙니다: 편집기에서 UTF-8 인코딩으로 다시 저장하세요',
        'This is not UTF-8 text: save it again with UTF-8 encoding in your editor',
    ),
    'sources.binary': (
        '텍스트가 아닌 바이너리 파일입니다: 이 폴더에는 텍스트 파일만 두세요',
        'This is a binary file, not text: keep only text files in this folder',
    ),
    # --- dates
    'dates.year_digits': (
        '{quoted} 없는 날짜입니다: 연도를 네 자리로 쓰세요(예: 2026-03-01)',
        '{quoted} is not a date that exists: write the year with four digits (e.g. 2026-03-01)',
    ),
    'dates.month_range': (
        '{quoted} 없는 날짜입니다: 월은 1부터 12까지입니다. 있는 날짜로 고치세요',
        '{quoted} is not a date that exists: months go from 1 to 12. Use a date that exists',
    ),
    'dates.day_range': (
        '{quoted} 없는 날짜입니다: {year}년 {month}월은 {last}일까지 있습니다. 있는 날짜로 고치세요',
        '{quoted} is not a date that exists: month {month} of {year} has {last} days. Use a date that exists',
    ),
    'dates.empty': (
        '값이 비어 있습니다: 2026-03-01처럼 연-월-일을 쓰세요',
        'The value is empty: write year-month-day, like 2026-03-01',
    ),
    'dates.not_a_date': (
        "{quoted} 날짜가 아닙니다: 2026-03-01처럼 연도 네 자리, 월, 일을 '-'로 이어 쓰세요(연-월-일)",
        "{quoted} is not a date: write a four-digit year, the month and the day joined by '-', like 2026-03-01 (year-month-day)",
    ),
    # --- config
    'config.missing': (
        '{path}: 설정 파일이 없습니다 (-f로 KB의 mkdocs.yml을 가리키세요)',
        "{path}: there is no config file (point -f at the KB's mkdocs.yml)",
    ),
    'config.unreadable': (
        '{path}: 설정 파일을 읽지 못했습니다: {exc}',
        '{path}: the config file could not be read: {exc}',
    ),
    'config.not_mapping': (
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
    'causes.answers': (
        '답변 {answers}개',
        '{answers} answers',
    ),
    'causes.manuals': (
        '매뉴얼 {manuals}개',
        '{manuals} manual pages',
    ),
    'causes.file_unread': (
        '이 파일을 읽지 못해 이 파일의 조항을',
        'this file could not be read, so for its clauses',
    ),
    'causes.this_error': (
        '이 오류 때문에 {clause}을(를)',
        'because of this error, for {clause}',
    ),
    'causes.note': (
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
    # --- yamlerrors
    'yamlerrors.where_column': (
        '{column}번째 칸',
        'column {column}',
    ),
    'yamlerrors.where_line': (
        '이 줄',
        'this line',
    ),
    'yamlerrors.generic_hint': (
        'YAML 문법에 맞지 않습니다. 들여쓰기, 콜론(:), 따옴표를 확인하세요',
        'This is not valid YAML. Check the indentation, colons (:) and quotes',
    ),
    'yamlerrors.syntax_error': (
        'YAML 문법 오류({where}): {hint} [{english}]',
        'YAML syntax error ({where}): {hint} [{english}]',
    ),
    # --- pii
    'pii.asks_for': (
        '고객에게 {text}를 요청하는 문장입니다: {how}',
        'This sentence asks the customer for personal data ({text}): {how}',
    ),
    'pii.name.foreign_rrn': (
        '외국인등록번호',
        'foreign resident registration number',
    ),
    'pii.looks_like': (
        '{what}로 보이는 값 {masked}이(가) 있습니다: {how}',
        'There is a value that looks like a {what}, {masked}: {how}',
    ),
    'pii.bad_allow': (
        'pii_allow의 정규식 {entry}이(가) 잘못되었습니다 ({exc}): 식을 고치거나, 글자 그대로 허용하려면 앞뒤의 /를 빼세요',
        'The pii_allow regular expression {entry} is invalid ({exc}): fix it, or drop the / at both ends to allow the text as written',
    ),
    # --- export
    'export.map_unreadable': (
        '{path}: 자리표시자 지도 파일을 읽을 수 없습니다 ({strerror})',
        '{path}: the placeholder map file cannot be read ({strerror})',
    ),
    'export.map_not_yaml': (
        '{where}: 자리표시자 지도가 올바른 YAML이 아닙니다: {problem}',
        '{where}: the placeholder map is not valid YAML: {problem}',
    ),
    'export.map_not_utf8': (
        '{path}: 자리표시자 지도는 UTF-8 텍스트여야 합니다',
        '{path}: the placeholder map must be UTF-8 text',
    ),
    'export.map_from': (
        "{path}: 자리표시자 지도는 '이름: 값' 꼴의 YAML 매핑이어야 합니다",
        "{path}: the placeholder map must be a YAML mapping of 'name: value'",
    ),
    'export.map_example': (
        '고객명: "{{{{ticket.requester.name}}}}"',
        'customer_name: "{{{{ticket.requester.name}}}}"',
    ),
    'export.map_value_not_string': (
        "{path}: '{key}'의 값은 문자열이어야 합니다 (예: {example})",
        "{path}: the value of '{key}' must be a string (e.g. {example})",
    ),
    'export.unmapped_fix': (
        '지도 파일에 {name}: ... 을 넣으세요',
        'add {name}: ... to the map file',
    ),
    'export.unmapped': (
        '자리표시자 {{{{{name}}}}}를 {fmt}에서 무엇으로 보낼지 없습니다 (빈칸으로는 보내지 않습니다): {fix}',
        'Nothing says what placeholder {{{{{name}}}}} becomes in {fmt} (it is never sent blank): {fix}',
    ),
    'export.citation_errors': (
        '인용한 정책 조항이 없습니다',
        'The answer cites no policy clause that exists',
    ),
    'export.export': (
        '알 수 없는 형식 {fmt!r}: {FORMATS} 중 하나를 쓰세요',
        'Unknown format {fmt!r}: use one of {FORMATS}',
    ),
    'export.unreadable': (
        '답변 파일을 읽을 수 없습니다',
        'The answer file cannot be read',
    ),
    'export.left_out': (
        '{path}:{line}: error: 내보내지 않음: 답변 {name}',
        '{path}:{line}: error: not exported: answer {name}',
    ),
    'export.not_yet': (
        '{path}:{line}: note: 아직 시행 전 ({effective}): 답변 {id}은 그날 이후 다시 내보내세요',
        '{path}:{line}: note: not in force yet ({effective}): export answer {id} again after that date',
    ),
    'export.exported': (
        '답변 {items}개를 {fmt} 형식으로 내보냈습니다 ({as_of} 기준)',
        'Exported {items} answers as {fmt} (as of {as_of})',
    ),
    'export.exported_some': (
        '{done}. 오류가 있는 답변 {left_out}개는 뺐습니다: {names}',
        '{done}. Left out {left_out} answers with errors: {names}',
    ),
    'export.write_atomic': (
        '{path}: 폴더 {directory}가 없습니다',
        '{path}: folder {directory} does not exist',
    ),
    # --- api
    'api.loop': (
        'kb api: 다시 읽지 못했습니다: {exc}',
        'kb api: could not read the KB again: {exc}',
    ),
    'api.gaps_log': (
        'kb api: 질문 기록을 쓰지 못했습니다: {exc}',
        'kb api: could not write the question log: {exc}',
    ),
    'api.read_only': (
        '읽기 전용입니다: GET만 받습니다.',
        'Read only: only GET is accepted.',
    ),
    'api.failed': (
        '요청을 처리하지 못했습니다. 잠시 후 다시 시도하세요.',
        'The request could not be handled. Try again in a moment.',
    ),
    'api.what_answer': (
        '게시된 답변',
        'Published answer',
    ),
    'api.what_clause': (
        '조항',
        'Clause',
    ),
    'api.not_found': (
        "{what} '{ident}'을(를) 찾지 못했습니다.",
        "{what} '{ident}' was not found.",
    ),
    'api.no_such_path': (
        '없는 경로입니다: /search, /answers/ID, /clauses/ID, /healthz',
        'No such path: /search, /answers/ID, /clauses/ID, /healthz',
    ),
    'api.no_query': (
        '검색어가 없습니다: /search?q=환불 처럼 q를 주세요.',
        'No query: give q, as in /search?q=refund.',
    ),
    'api.bad_limit': (
        'limit은 1~{MAX_LIMIT} 사이의 숫자여야 합니다.',
        'limit must be a number from 1 to {MAX_LIMIT}.',
    ),
    'api.bad_kind': (
        'kind는 answer, clause, manual 중 하나여야 합니다.',
        'kind must be one of answer, clause, manual.',
    ),
    # --- gaps
    'gaps.of': (
        '{config_file}: gaps_retention_days는 일 수(숫자)여야 합니다',
        '{config_file}: gaps_retention_days must be a number of days',
    ),
    'gaps.read': (
        '{path}: 질문 기록을 읽지 못했습니다 ({strerror}): gaps_log가 파일을 가리키게 고치세요',
        '{path}: the question log could not be read ({strerror}): make gaps_log point to a file',
    ),
    'gaps.since': (
        '{since} 이후',
        'since {since}',
    ),
    'gaps.all_kept': (
        '보관 기간 전체',
        'the whole retention period',
    ),
    'gaps.md_title': (
        '# 답을 찾지 못한 질문 ({period})',
        '# Questions without an answer ({period})',
    ),
    'gaps.md_header': (
        '| 순위 | 질문 | 횟수 | 다른 표현 |',
        '| Rank | Question | Times | Other wordings |',
    ),
    'gaps.none': (
        '답을 찾지 못한 질문이 없습니다 ({period}).',
        'No question went without an answer ({period}).',
    ),
    'gaps.heading': (
        '답을 찾지 못한 질문 {gaps}가지 ({period}, 많이 물은 순):',
        '{gaps} questions without an answer ({period}, most asked first):',
    ),
    'gaps.row': (
        '{n:3d}. {query}  ({count}회, 마지막 {last})',
        '{n:3d}. {query}  ({count} times, last {last})',
    ),
    'gaps.wording': (
        '       - {query} ({count}회)',
        '       - {query} ({count} times)',
    ),
    # --- index
    'index.file_in_the_way': (
        '폴더가 있어야 할 자리에 파일이 있습니다',
        'there is a file where a folder should be',
    ),
    'index.not_writable': (
        '쓸 수 없습니다 ({cause})',
        'it cannot be written ({cause})',
    ),
    'index.used_other': (
        '대신 {base} 의 색인을 썼습니다',
        'used the index in {base} instead',
    ),
    'index.in_memory': (
        '쓸 수 있는 곳이 없어 이번 검색은 메모리에 색인을 만들었습니다(느립니다)',
        'with nowhere writable, this search built its index in memory (slow)',
    ),
    'index.unwritable': (
        'kb search: 검색 색인 폴더 {place} 에 {why}. {instead}. 그 자리의 파일을 치우거나, 읽기 전용 checkout 이면 KB_CACHE_DIR 환경 변수나 mkdocs.yml 의 kb 플러그인 옵션 cache_dir 로 쓸 수 있는 폴더를 지정하세요.',
        'kb search: search index folder {place}: {why}. {instead}. Move the file out of the way or, for a read-only checkout, name a writable folder with the KB_CACHE_DIR environment variable or the kb plugin option cache_dir in mkdocs.yml.',
    ),
    # --- vocab
    'vocab.bad_yaml': (
        '{where}:{line}: {message} (형식은 kb/search/vocab/synonyms.yaml 참고)',
        '{where}:{line}: {message} (see kb/search/vocab/synonyms.yaml for the format)',
    ),
    'vocab.bad_shape': (
        "{where}: `synonyms:` 아래에 '- 비밀번호, 비번' 또는 '- 돈 들어오다 => 환불' 같은 줄의 목록을 쓰세요",
        "{where}: write `synonyms:` followed by a list of lines like '- password, pw' or '- money came in => refund'",
    ),
    'vocab.read': (
        '동의어 파일을 읽을 수 없습니다({exc}): UTF-8 텍스트로 저장하세요',
        'The synonym file cannot be read ({exc}): save it as UTF-8 text',
    ),
    # --- yaml error hints
    'yamlerrors.expected_dash': (
        "같은 목록의 항목은 '-'로 시작하고 들여쓰기가 같아야 합니다. 이 줄의 들여쓰기를 위 항목과 맞추세요",
        "Items of one list start with '-' and have the same indentation. Indent this line like the item above",
    ),
    'yamlerrors.open_list': (
        "'['로 연 목록이 닫히지 않았습니다. 줄 끝에 ']'를 넣거나 쉼표를 확인하세요",
        "A list opened with '[' is not closed. Add ']' at the end of the line or check the commas",
    ),
    'yamlerrors.open_mapping': (
        "'{{'로 연 묶음이 닫히지 않았습니다. 줄 끝에 '}}'를 넣거나 쉼표를 확인하세요",
        "A mapping opened with '{{' is not closed. Add '}}' at the end of the line or check the commas",
    ),
    'yamlerrors.quoted': (
        '따옴표로 연 값이 닫히지 않았거나 잘못된 이스케이프(\\)가 있습니다. 같은 따옴표로 닫으세요',
        'A quoted value is not closed or has a wrong escape (\\). Close it with the same quote',
    ),
    'yamlerrors.colon_place': (
        "'이름: 값' 자리가 아닌 곳에 ':'가 있습니다. 들여쓰기를 확인하고, 값 안에 ': '가 있으면 값을 따옴표로 감싸세요",
        "There is a ':' where no 'name: value' belongs. Check the indentation, and quote a value that holds ': '",
    ),
    'yamlerrors.expected_key': (
        "이 줄의 들여쓰기가 위의 '이름: 값' 줄들과 맞지 않습니다. 들여쓰기를 맞추세요",
        "The indentation of this line does not match the 'name: value' lines above. Align it",
    ),
    'yamlerrors.missing_colon': (
        "'이름: 값'에서 ':'가 빠졌습니다. 콜론 뒤에 한 칸 띄우고 값을 쓰세요",
        "The ':' of 'name: value' is missing. Write the value after a colon and a space",
    ),
    'yamlerrors.tab': (
        '탭 문자로 들여쓸 수 없습니다. 공백(스페이스)으로 들여쓰세요',
        'Tabs cannot indent YAML. Indent with spaces',
    ),
    'yamlerrors.bad_start': (
        '이 칸의 문자(탭, @, ` 등)로 값을 시작할 수 없습니다. 값을 따옴표로 감싸거나, 탭이면 공백으로 바꾸세요',
        'A value cannot start with this character (a tab, @, ` and so on). Quote the value, or replace a tab with spaces',
    ),
    'yamlerrors.undefined_alias': (
        '정의되지 않은 별칭(*이름)입니다. 같은 이름의 앵커(&이름)를 먼저 쓰거나 값을 직접 쓰세요',
        'This alias (*name) is not defined. Write the anchor (&name) with the same name first, or write the value out',
    ),
    'yamlerrors.duplicate_anchor': (
        '같은 이름의 앵커(&이름)가 두 번 있습니다. 하나의 이름을 바꾸세요',
        'Two anchors (&name) have the same name. Rename one',
    ),
    'yamlerrors.anchor_name': (
        "앵커(&)나 별칭(*) 뒤에 이름이 없습니다. '&'와 '*'를 지우거나 이름을 붙이세요",
        "An anchor (&) or alias (*) has no name. Remove the '&' or '*' or give it a name",
    ),
    'yamlerrors.too_deep': (
        '목록과 묶음이 너무 깊이 중첩되어 있습니다(1,000단계 넘게). 중첩을 줄이세요',
        'Lists and mappings are nested too deep (over 1,000 levels). Nest less',
    ),
    'yamlerrors.documents': (
        "파일에 YAML 문서가 둘 이상 있습니다. 중간의 '---' 줄을 지우세요",
        "The file holds more than one YAML document. Remove the '---' line in the middle",
    ),
    'yamlerrors.block_scalar': (
        "'|'나 '>' 뒤에는 줄을 바꾸고 다음 줄부터 들여써서 내용을 쓰세요",
        "After '|' or '>', start a new line and write the content indented on the lines below",
    ),
    'yamlerrors.directive': (
        "'%'로 시작하는 줄은 쓸 수 없습니다. 값이면 따옴표로 감싸세요",
        "A line cannot start with '%'. Quote it if it is a value",
    ),
    'yamlerrors.block_end': (
        '들여쓰기가 맞지 않습니다. 위 줄들과 같은 단계로 들여쓰세요',
        'The indentation does not match. Indent to the same level as the lines above',
    ),
    'yamlerrors.node_content': (
        '값이 와야 할 자리에 값이 없습니다. 값을 쓰거나 따옴표로 감싸세요',
        'A value is missing where one should be. Write the value or quote it',
    ),
    'yamlerrors.after_value': (
        '값 뒤에 알 수 없는 내용이 있습니다. 값을 따옴표로 감싸세요',
        'Something follows the value that cannot be read. Quote the value',
    ),
    'yamlerrors.control_char': (
        '파일에 쓸 수 없는 제어 문자가 있습니다. 그 문자를 지우세요',
        'The file holds a control character that cannot be used. Remove it',
    ),
    # --- pii names and fixes
    'pii.name.rrn': (
        '주민등록번호',
        'resident registration number',
    ),
    'pii.name.card': (
        '카드 번호',
        'card number',
    ),
    'pii.name.phone': (
        '전화번호',
        'phone number',
    ),
    'pii.name.email': (
        '이메일 주소',
        'email address',
    ),
    'pii.name.account': (
        '계좌번호',
        'bank account number',
    ),
    'pii.name.passport': (
        '여권 번호',
        'passport number',
    ),
    'pii.name.license': (
        '운전면허 번호',
        "driver's license number",
    ),
    'pii.name.ask-rrn': (
        '주민등록번호 요청',
        'request for a resident registration number',
    ),
    'pii.how.rrn': (
        '실제 번호를 지우고 {{{{주민등록번호}}}} 같은 자리표시자를 쓰세요',
        'Remove the real number and write a placeholder such as {{{{resident_number}}}}',
    ),
    'pii.how.card': (
        '실제 번호를 지우고 ****-****-****-1234 처럼 가려 쓰세요',
        'Remove the real number and mask it, as in ****-****-****-1234',
    ),
    'pii.how.phone': (
        '고객 번호라면 지우고 {{{{연락처}}}} 같은 자리표시자를 쓰세요; {company_ok}',
        "If it is a customer's number, remove it and write a placeholder such as {{{{phone}}}}; {company_ok}",
    ),
    'pii.how.email': (
        '고객 주소라면 지우고 {{{{이메일}}}} 같은 자리표시자를 쓰세요; {company_ok}',
        "If it is a customer's address, remove it and write a placeholder such as {{{{email}}}}; {company_ok}",
    ),
    'pii.how.account': (
        '고객 계좌라면 지우고 {{{{계좌번호}}}} 같은 자리표시자를 쓰세요; {company_ok}',
        "If it is a customer's account, remove it and write a placeholder such as {{{{account_number}}}}; {company_ok}",
    ),
    'pii.how.passport': (
        '실제 번호를 지우고 {{{{여권번호}}}} 같은 자리표시자를 쓰세요',
        'Remove the real number and write a placeholder such as {{{{passport_number}}}}',
    ),
    'pii.how.license': (
        '실제 번호를 지우고 {{{{면허번호}}}} 같은 자리표시자를 쓰세요',
        'Remove the real number and write a placeholder such as {{{{license_number}}}}',
    ),
    'pii.how.ask-rrn': (
        '상담에서 주민등록번호를 묻지 마세요: 생년월일이나 본인인증 절차로 바꾸세요',
        'Do not ask for a resident registration number: use the date of birth or the identity check instead',
    ),
    'pii.company_ok': (
        '회사 것이라면 mkdocs.yml의 kb 플러그인 pii_allow에 넣으세요',
        "if it is the company's own, add it to pii_allow of the kb plugin in mkdocs.yml",
    ),
    'export.how_to_map': (
        '자리표시자는 --placeholders MAP.yaml로 도구의 값에 대응시키세요: 고객명: "{{{{ticket.requester.name}}}}" (도구별로는 zendesk: 아래에), 상담원이 채울 나머지는 "*": "[{{name}}]"',
        'Map the placeholders to the tool\'s values with --placeholders MAP.yaml: customer_name: "{{{{ticket.requester.name}}}}" (per tool, under zendesk:), and "*": "[{{name}}]" for the rest, for the agent to fill in',
    ),
    # --- kinds of clause change
    'changes.date.added': (
        '시행일',
        'Effective',
    ),
    'changes.date.changed': (
        '시행일',
        'Effective',
    ),
    'changes.date.edited': (
        '수정일',
        'Edited',
    ),
    'changes.date.superseded': (
        '대체일',
        'Superseded',
    ),
    'changes.date.retired': (
        '폐지일',
        'Retired',
    ),
    'changes.date.removed': (
        '삭제일',
        'Removed',
    ),
    'changes.date.expiring': (
        '만료일',
        'Expires',
    ),
    'changes.kind.added': (
        '신설',
        'new',
    ),
    'changes.kind.changed': (
        '변경',
        'changed',
    ),
    'changes.kind.edited': (
        '문구 수정',
        'wording edited',
    ),
    'changes.kind.superseded': (
        '대체',
        'superseded',
    ),
    'changes.kind.retired': (
        '폐지',
        'retired',
    ),
    'changes.kind.removed': (
        '삭제',
        'removed',
    ),
    'changes.kind.expiring': (
        '만료',
        'expiring',
    ),
    'common.none': (
        '없음',
        'none',
    ),
    # --- owner commands, nested words
    'gitrev.missing': (
        'git 이 설치되어 있지 않습니다 (PATH 에서 git 을 찾지 못함): git 을 설치하거나, git 기록이 필요한 옵션(--base 등)을 빼고 실행하세요',
        'git is not installed (not found on PATH): install git, or run without the options that need the git history (--base and so on)',
    ),
    'upkeep.overdue': (
        ' (지남)',
        ' (overdue)',
    ),
    'pack.default_title': (
        '변경 사항',
        'Changes',
    ),
    # --- changes
    'changes.parse_month': (
        '--month {text!r}: 달은 YYYY-MM 형식으로 쓰세요 (예: --month 2026-11)',
        '--month {text!r}: write the month as YYYY-MM (e.g. --month 2026-11)',
    ),
    'changes.month_label': (
        '{year}년 {month}월',
        '{year}-{month:02d}',
    ),
    'changes.no_git_history': (
        '{message}. 조항의 history 와 날짜만으로 만들었습니다.',
        "{message}. Built from the clauses' history and dates only.",
    ),
    'changes.not_a_repository': (
        'git 저장소가 아니어서 조항의 history 와 날짜만으로 만들었습니다 (폐지·삭제된 조항은 날짜가 없어 빠질 수 있습니다).',
        "Not a git repository, so this was built from the clauses' history and dates only (retired and removed clauses have no date and may be missing).",
    ),
    'changes.git_failed': (
        'git 기록을 읽지 못해 history 만 사용했습니다: {exc}',
        'The git history could not be read, so only the history was used: {exc}',
    ),
    'changes.shallow_from': (
        ' {boundary} 부터만',
        ' only from {boundary}',
    ),
    'changes.shallow': (
        '이 저장소는 얕은 복제(shallow clone)라 git 기록이{start} 있습니다: 그 전에 커밋된 변경은 이 목록에서 빠졌을 수 있습니다. 전체 기록은 `git fetch --unshallow` 로 받으세요 (CI 의 checkout 이면 fetch-depth: 0).',
        'This repository is a shallow clone, so its git history goes back{start}: changes committed before that may be missing from this list. Get the whole history with `git fetch --unshallow` (in a CI checkout, fetch-depth: 0).',
    ),
    'changes.customer_says': (
        '고객: “{question}”',
        'Customer: “{question}”',
    ),
    'changes.customer_asks': (
        '고객: “{question}?”',
        'Customer: “{question}?”',
    ),
    'changes.customer_about': (
        '고객이 ‘{title}’ 건으로 문의했습니다. 어떻게 안내할까요?',
        'A customer asks about ‘{title}’. What do you tell them?',
    ),
    'changes.quiz': (
        '고객이 ‘{title}’에 대해 묻습니다. 어떻게 안내할까요?',
        'A customer asks about ‘{title}’. What do you tell them?',
    ),
    'changes.key_gone': (
        ' — 폐지/삭제된 조항: 더는 안내하지 않습니다',
        ' — retired/removed clause: no longer to be given',
    ),
    'changes.key_expires': (
        ' — {date} 만료',
        ' — expires {date}',
    ),
    # --- edit
    'edit.the_key': (
        "'{key}' 키가",
        "key '{key}'",
    ),
    'edit.a_key': (
        '같은 키가',
        'a key',
    ),
    'edit.duplicate_key': (
        '{path}:{line}: {name} 한 매핑에 두 번 있습니다: `kb check`도 schema-error 로 알립니다. 하나만 남기고 다시 실행하세요',
        '{path}:{line}: {name} appears twice in one mapping: `kb check` reports it as schema-error too. Keep one and run again',
    ),
    'edit.bad_yaml': (
        '{path}:{line}: YAML을 읽지 못했습니다 ({problem}): 고친 뒤 다시 실행하세요',
        '{path}:{line}: the YAML could not be read ({problem}): fix it and run again',
    ),
    'edit.decode': (
        'UTF-8 텍스트가 아닙니다: UTF-8 로 저장한 뒤 다시 실행하세요',
        'This is not UTF-8 text: save it as UTF-8 and run again',
    ),
    'edit.write_atomic': (
        '{path}: 파일을 쓸 수 없습니다({cause}): 경로와 쓰기 권한을 확인하세요',
        '{path}: the file cannot be written ({cause}): check the path and write permission',
    ),
    'edit.taken': (
        'id {ident!r}은(는) 이미 {where}에서 쓰고 있습니다: 다른 id를 고르세요',
        'id {ident!r} is already used in {where}: choose another id',
    ),
    'edit.what_policy_id': (
        '정책 id',
        'policy id',
    ),
    'edit.policy_exists': (
        '{target}: 파일이 이미 있습니다. --path로 다른 경로를 고르세요',
        '{target}: the file already exists. Choose another path with --path',
    ),
    'edit.new_policy': (
        '새 정책 {policy_id} (첫 조항 {policy_id}-1)',
        'New policy {policy_id} (first clause {policy_id}-1)',
    ),
    'edit.policy_file': (
        'id가 {policy_id!r}인 정책이 없습니다{hint}',
        'There is no policy with id {policy_id!r}{hint}',
    ),
    'edit.what_clause_id': (
        '조항 id',
        'clause id',
    ),
    'edit.clause_prefix': (
        "조항 id {clause_id!r}은(는) '{id}-'로 시작해야 합니다",
        "clause id {clause_id!r} must start with '{id}-'",
    ),
    'edit.no_superseded': (
        '--supersedes {old}: 그런 id의 조항이 없습니다',
        '--supersedes {old}: there is no clause with that id',
    ),
    'edit.clauses_not_list': (
        "{path}: 'clauses'가 목록이 아닙니다: 파일을 먼저 고치세요",
        "{path}: 'clauses' is not a list: fix the file first",
    ),
    'edit.new_clause': (
        '새 조항 {clause_id} ({id} 정책)',
        'New clause {clause_id} (policy {id})',
    ),
    'edit.no_clause': (
        'id가 {clause_id!r}인 조항이 없습니다{hint}',
        'There is no clause with id {clause_id!r}{hint}',
    ),
    'edit.clause_not_found': (
        '{path}: 고칠 조항 {clause_id}을(를) 찾지 못했습니다',
        '{path}: clause {clause_id} to edit was not found',
    ),
    'edit.bump_no_text': (
        '{path}:{line}: {clause_id}의 새 본문이 없습니다: --text나 --text-file로 주거나, 파일에서 조항 본문을 먼저 고치세요',
        '{path}:{line}: there is no new text for {clause_id}: give it with --text or --text-file, or edit the clause text in the file first',
    ),
    'edit.bump_same_text': (
        '{path}:{line}: {clause_id}의 새 본문이 이전과 같습니다: bump는 내용이 바뀔 때 씁니다',
        '{path}:{line}: the new text of {clause_id} is the same as before: bump is for when the content changes',
    ),
    'edit.bump_too_early': (
        '{path}:{line}: --effective {effective} 이(가) 버전 {version}의 시행일({since})보다 앞섭니다: 더 늦은 날짜를 주세요',
        '{path}:{line}: --effective {effective} is before the effective date of version {version} ({since}): give a later date',
    ),
    'edit.bumped': (
        '{clause_id}: 버전 {version} → {new}',
        '{clause_id}: version {version} → {new}',
    ),
    'edit.until_then': (
        '그 전까지는 버전 {in_force}이(가) 시행 중이라 ',
        'until then version {in_force} is in force, so ',
    ),
    'edit.scheduled': (
        "{clause_id} 버전 {version}은(는) {day}부터 시행됩니다(시행 예정). {until}오늘 `kb check`는 그대로입니다. 그날 바뀌어야 할 답변과 매뉴얼은 `kb check --as-of {day}`, `kb report`로 확인하세요. 새 버전에 맞춘 답변은 'effective: {day}'을(를) 적어 미리 준비할 수 있습니다.",
        "{clause_id} version {version} takes effect on {day} (scheduled). {until}today's `kb check` is unchanged. See the answers and manual pages to change on that day with `kb check --as-of {day}` and `kb report`. An answer for the new version can be prepared ahead with 'effective: {day}'.",
    ),
    'edit.edit_front_matter': (
        '{rel}:2: front matter는 YAML 매핑(키: 값)이어야 합니다',
        '{rel}:2: the front matter must be a YAML mapping (key: value)',
    ),
    'edit.pin': (
        '{clause_id!r}을(를) 인용할 수 없습니다: 그런 id의 조항이 없습니다{hint}',
        '{clause_id!r} cannot be cited: there is no clause with that id{hint}',
    ),
    'edit.what_answer_id': (
        '답변 id',
        'answer id',
    ),
    'edit.answer_needs_cite': (
        '답변은 조항을 하나 이상 인용해야 합니다: --cite CLAUSE-ID를 주세요',
        'An answer must cite at least one clause: give --cite CLAUSE-ID',
    ),
    'edit.answer_exists': (
        '{target}: 파일이 이미 있습니다. --path로 다른 경로를 고르세요',
        '{target}: the file already exists. Choose another path with --path',
    ),
    'edit.new_answer': (
        '새 답변 {answer_id} (인용: {pins})',
        'New answer {answer_id} (cites: {pins})',
    ),
    'edit.coming': (
        '참고: {id} 버전 {version}이(가) {effective}부터 시행됩니다. 그날 이 답변을 다시 읽고 `kb review`하세요(새 버전에 맞춘 답변이면 --effective {effective}).',
        'Note: {id} version {version} takes effect on {effective}. Re-read this answer on that day and `kb review` it (for an answer written for the new version, --effective {effective}).',
    ),
    'edit.no_answer': (
        "id가 '{answer_id}'인 답변이 없습니다{hint}",
        "There is no answer with id '{answer_id}'{hint}",
    ),
    'edit.inline_reference': (
        '{path}:{line}: {code} {message} (본문의 참조: 직접 고치세요)',
        '{path}:{line}: {code} {message} (a reference in the text: fix it by hand)',
    ),
    'edit.refuse_future_repin': (
        '{path}: --as-of {as_of}은(는) 미래 날짜입니다. 지금 이 답변을 그 날짜의 버전으로 고정하면 오늘은 아직 시행 전인 조항을 인용하게 됩니다(future-clause). 그날부터 보낼 답변이면 front matter에 effective: {as_of}를 넣고 다시 실행하거나, 새 답변을 만드세요 (kb new answer ... --effective {as_of})',
        "{path}: --as-of {as_of} is a future date. Pinning this answer to that date's versions now would make it cite clauses not yet in force today (future-clause). If the answer is to be sent from that day, add effective: {as_of} to its front matter and run again, or make a new answer (kb new answer ... --effective {as_of})",
    ),
    # --- gitrev
    'gitrev.note': (
        'git 기록의 {rev} 판 {path} 을(를) 읽지 못해 비교에서 뺐습니다 ({message}). 지금 파일에는 영향이 없습니다.',
        '{path} at {rev} in the git history could not be read, so it was left out of the comparison ({message}). The current file is not affected.',
    ),
    'gitrev.parse': (
        '{size:.1f} MB: {limit}보다 큽니다',
        '{size:.1f} MB: larger than {limit}',
    ),
    # --- pack
    'pack.removed': (
        '삭제: {text}',
        'removed: {text}',
    ),
    'pack.added': (
        '추가: {text}',
        'added: {text}',
    ),
    'pack.count': (
        '{result}: {changes}건',
        '{result}: {changes} changes',
    ),
    'pack.note': (
        '참고: {note}',
        'Note: {note}',
    ),
    'pack.quiz': (
        '연습 문제:',
        'Practice questions:',
    ),
    'pack.key': (
        '정답:',
        'Answers:',
    ),
    'pack.change_note': (
        '  변경 메모: {note}',
        '  Change note: {note}',
    ),
    'pack.what_changed': (
        '  바뀐 부분: {runs}',
        '  What changed: {runs}',
    ),
    'pack.before': (
        '이전: ',
        'Before: ',
    ),
    'pack.nothing': (
        '(없음)',
        '(none)',
    ),
    'pack.after': (
        '이후: ',
        'After: ',
    ),
    'pack.format_only': (
        '  바뀐 부분: 서식만 바뀌었습니다 (읽는 글은 같습니다)',
        '  What changed: formatting only (the text reads the same)',
    ),
    'pack.text': (
        '본문: ',
        'Text: ',
    ),
    'pack.commit': (
        '  커밋: {commit}',
        '  Commit: {commit}',
    ),
    'pack.answers': (
        '  영향받는 답변: {answers}',
        '  Answers affected: {answers}',
    ),
    'pack.manuals': (
        '  영향받는 매뉴얼: ',
        '  Manual pages affected: ',
    ),
    'pack.md_count': (
        '총 {changes}건.',
        '{changes} changes in all.',
    ),
    'pack.md_none': (
        '이 기간에 시행되는 변경이 없습니다.',
        'No change takes effect in this period.',
    ),
    'pack.md_quiz': (
        '## 연습 문제',
        '## Practice questions',
    ),
    'pack.md_key': (
        '## 정답',
        '## Answers',
    ),
    'pack.md_see_answer': (
        ' (참고 답변 `{answer_id}`)',
        ' (see answer `{answer_id}`)',
    ),
    'pack.md_change_note': (
        '**변경 메모** {note}',
        '**Change note** {note}',
    ),
    'pack.md_what_changed': (
        '**바뀐 부분**',
        '**What changed**',
    ),
    'pack.md_answers': (
        '**영향받는 답변** {count}',
        '**Answers affected** {count}',
    ),
    'pack.md_manuals': (
        '**영향받는 매뉴얼** ',
        '**Manual pages affected** ',
    ),
    # --- reread
    'reread.lines': (
        '{id} {title}: 버전 {version} → {version2} ({effective}부터 시행){notes}',
        '{id} {title}: version {version} → {version2} (in force from {effective}){notes}',
    ),
    'reread.hit_lines': (
        '{path}:{line}: \'{phrase}\' — {id} 버전 {version}의 값 (시행 중인 버전 {version2}: "{hit}")',
        '{path}:{line}: \'{phrase}\' — a value of {id} version {version} (the version in force, {version2}: "{hit}")',
    ),
    # --- scaffold
    'scaffold.init': (
        '{path}이(가) 이미 있습니다: kb init은 새 KB만 시작합니다',
        '{path} already exists: kb init only starts a new KB',
    ),
    # --- show
    'show.find': (
        'id가 {ident!r}인 조항, 답변, 정책이 없습니다{hint}{unreadable}',
        'There is no clause, answer or policy with id {ident!r}{hint}{unreadable}',
    ),
    'show.unreadable': (
        ' ({files}을(를) 읽지 못했습니다: 먼저 고치세요, kb check 참고)',
        ' ({files} could not be read: fix them first, see kb check)',
    ),
    'show.policy_tip': (
        ' (kb show POLICY-ID로 정책의 조항을 보세요)',
        " (see a policy's clauses with kb show POLICY-ID)",
    ),
    'show.no_clause': (
        'id가 {clause_id!r}인 조항이 없습니다{tip}',
        'There is no clause with id {clause_id!r}{tip}',
    ),
    'show.relies_on': (
        '{id} {title} (v{version}) 에 기대는 곳:',
        'What relies on {id} {title} (v{version}):',
    ),
    'show.answers': (
        '답변 {count}개',
        '{count} answers',
    ),
    'show.manuals': (
        '매뉴얼 {count}개',
        '{count} manual pages',
    ),
    'show.file_line': (
        '  파일: {path}:{line}',
        '  File: {path}:{line}',
    ),
    'show.policy': (
        '  정책: {id} {title} (담당: {owner})',
        '  Policy: {id} {title} (owner: {owner})',
    ),
    'show.state': (
        '  상태({today}): {state}   상태 값: {status}',
        '  State ({today}): {state}   status: {status}',
    ),
    'show.expires': (
        ', {expires} 만료',
        ', expires {expires}',
    ),
    'show.version': (
        '  버전 {version}, {period}',
        '  Version {version}, {period}',
    ),
    'show.supersedes': (
        '  대체하는 조항: {supersedes}',
        '  Supersedes: {supersedes}',
    ),
    'show.superseded_by': (
        '  이 조항을 대체하는 조항: {clauses}',
        '  Superseded by: {clauses}',
    ),
    'show.text': (
        '  본문 (버전 {version}):',
        '  Text (version {version}):',
    ),
    'show.answers_relying': (
        '  이 조항에 기대는 답변 {count}개:',
        '  {count} answers rely on this clause:',
    ),
    'show.manuals_referring': (
        '  이 조항을 참조하는 매뉴얼 {count}개:',
        '  {count} manual pages refer to this clause:',
    ),
    'show.scheduled': (
        '  시행 예정 ({effective}부터) 버전 {version}:',
        '  Scheduled (from {effective}): version {version}:',
    ),
    'show.scheduled_diff': (
        '  바뀌는 부분 (버전 {version} → {version2}):',
        '  What changes (version {version} → {version2}):',
    ),
    'show.format_only': (
        '(표기만 바뀜)',
        '(formatting only)',
    ),
    'show.history': (
        '  변경 이력:',
        '  History:',
    ),
    'show.history_scheduled': (
        ', 시행 예정',
        ', scheduled',
    ),
    'show.history_from': (
        '{effective}부터',
        'from {effective}',
    ),
    'show.history_no_date': (
        '시행일 없음',
        'no effective date',
    ),
    'show.previous_version': (
        '  이전 버전 {version} ({effective} 부터):',
        '  Previous version {version} (from {effective}):',
    ),
    'show.since_pin': (
        '  답변이 쓰인 버전(고정한 버전)에서 시행 중인 버전까지 바뀐 내용:',
        '  What changed from the version the answer was written for (its pin) to the version in force:',
    ),
    'show.old_value_lines': (
        '  이전 버전의 값이 남은 줄 (고친 뒤 kb review):',
        '  Lines that still hold values of the previous version (fix them, then kb review):',
    ),
    'show.file': (
        '  파일: {path}',
        '  File: {path}',
    ),
    'show.answer_status': (
        '상태: {status}',
        'status: {status}',
    ),
    'show.answer_owner': (
        '담당: {owner}',
        'owner: {owner}',
    ),
    'show.answer_review_by': (
        '검토 기한: {review_by}',
        'review by: {review_by}',
    ),
    'show.answer_effective': (
        '시행: {effective}',
        'effective: {effective}',
    ),
    'show.tags': (
        '  태그: {tags}',
        '  Tags: {tags}',
    ),
    'show.answer_text': (
        '  답변 본문:',
        '  Answer text:',
    ),
    'show.cited': (
        '  인용한 조항 ({day} 기준):',
        '  Cited clauses (as of {day}):',
    ),
    'show.good': (
        '정상',
        'ok',
    ),
    'show.bad': (
        '문제',
        'problem',
    ),
    'show.in_text': (
        '본문',
        'text',
    ),
    'show.policy_file': (
        '  파일: {path}',
        '  File: {path}',
    ),
    'show.owner': (
        '  담당: {owner}',
        '  Owner: {owner}',
    ),
    'show.review_by': (
        '  검토 기한: {review_by}',
        '  Review by: {review_by}',
    ),
    'show.clauses': (
        '  조항:',
        '  Clauses:',
    ),
    'show.coming': (
        '  → v{version} {effective}부터 시행 예정',
        '  → v{version} scheduled from {effective}',
    ),
    'show.clause_row': (
        '    {id}  v{version}  {state}  {title}  (답변 {count}개){coming}',
        '    {id}  v{version}  {state}  {title}  ({count} answers){coming}',
    ),
    'show.since': (
        '{day} 부터',
        'from {day}',
    ),
    'show.no_effective_date': (
        '시행일 없음(kb check가 알려 주는 줄을 고치세요)',
        'no effective date (fix the line kb check points to)',
    ),
    # --- upkeep
    'upkeep.owner': (
        '담당 미지정',
        'no owner',
    ),
    'upkeep.title_line': (
        '유지 관리 보고서 ({today} 기준, 검토 기한 {days}일 이내)',
        'Upkeep report (as of {today}, reviews due within {days} days)',
    ),
    'upkeep.breaking': (
        '곧 깨질 인용 {breaking}개:',
        '{breaking} citations about to break:',
    ),
    'upkeep.due': (
        '검토 기한이 다가오거나 지난 항목 {due}개:',
        '{due} items due or overdue for review:',
    ),
    'upkeep.uncited': (
        '답변이 인용하지 않는 조항 {uncited}개:',
        '{uncited} clauses no answer cites:',
    ),
    'upkeep.tags_without_answers': (
        '활성 답변이 없는 태그 {count}개:',
        '{count} tags without an active answer:',
    ),
    'upkeep.tag_row': (
        '  {tag}  (초안·폐기 답변만: {answers})',
        '  {tag}  (only draft or retired answers: {answers})',
    ),
    'upkeep.scheduled': (
        '시행 예정인 변경 {scheduled}개 (그날 전에 다시 읽을 답변과 매뉴얼):',
        '{scheduled} scheduled changes (answers and manual pages to re-read before the day):',
    ),
    'upkeep.scheduled_answer': (
        '    답변 {path}:{line}  {id} [{citation}]',
        '    answer {path}:{line}  {id} [{citation}]',
    ),
    'upkeep.scheduled_manual': (
        '    매뉴얼 {where}',
        '    manual {where}',
    ),
    'upkeep.table': (
        '없음.',
        'None.',
    ),
    'upkeep.md_title': (
        '# 유지 관리 보고서',
        '# Upkeep report',
    ),
    'upkeep.md_as_of': (
        '{today} 기준. 검토 기한은 {days}일 이내를 봅니다.',
        'As of {today}. Reviews due within {days} days.',
    ),
    'upkeep.md_breaking': (
        '## 곧 깨질 인용',
        '## Citations about to break',
    ),
    'upkeep.md_breaking_hint': (
        '이 날짜 전에 답변을 고쳐 두세요.',
        'Fix these answers before the date.',
    ),
    'upkeep.col.date': (
        '날짜',
        'Date',
    ),
    'upkeep.col.answer': (
        '답변',
        'Answer',
    ),
    'upkeep.col.owner': (
        '담당',
        'Owner',
    ),
    'upkeep.col.citation': (
        '인용',
        'Citation',
    ),
    'upkeep.col.reason': (
        '이유',
        'Reason',
    ),
    'upkeep.md_scheduled': (
        '## 시행 예정인 변경',
        '## Scheduled changes',
    ),
    'upkeep.md_scheduled_hint': (
        '그날 전에 답변과 매뉴얼을 다시 읽어 두세요.',
        'Re-read the answers and manual pages before the day.',
    ),
    'upkeep.col.effective': (
        '시행일',
        'Effective',
    ),
    'upkeep.col.clause': (
        '조항',
        'Clause',
    ),
    'upkeep.col.change': (
        '바뀌는 내용',
        'What changes',
    ),
    'upkeep.col.reread_answers': (
        '다시 읽을 답변',
        'Answers to re-read',
    ),
    'upkeep.col.reread_manuals': (
        '다시 읽을 매뉴얼',
        'Manual pages to re-read',
    ),
    'upkeep.md_due': (
        '## 검토 기한',
        '## Reviews due',
    ),
    'upkeep.col.due': (
        '기한',
        'Due',
    ),
    'upkeep.col.kind': (
        '종류',
        'Kind',
    ),
    'upkeep.col.item': (
        '항목',
        'Item',
    ),
    'upkeep.col.file': (
        '파일',
        'File',
    ),
    'upkeep.md_overdue': (
        ' **지남**',
        ' **overdue**',
    ),
    'upkeep.md_uncited': (
        '## 답변이 인용하지 않는 조항',
        '## Clauses no answer cites',
    ),
    'upkeep.col.title': (
        '제목',
        'Title',
    ),
    'upkeep.col.state': (
        '상태',
        'State',
    ),
    'upkeep.md_tags': (
        '## 활성 답변이 없는 태그',
        '## Tags without an active answer',
    ),
    'upkeep.col.tag': (
        '태그',
        'Tag',
    ),
    'upkeep.col.draft_answers': (
        '초안·폐기 답변',
        'Draft or retired answers',
    ),
    # --- site, built by the plugin
    'reports.months_section': (
        '월별 변경 사항',
        'Changes by month',
    ),
    'site.guide_title': (
        '작성 가이드',
        'Writing guide',
    ),
    # --- query
    'search.unknown_kind': (
        '알 수 없는 종류 {kind!r}: {KINDS} 중 하나를 쓰세요',
        'Unknown kind {kind!r}: use one of {KINDS}',
    ),
    'build.search_write_failed': (
        '검색 색인을 쓰지 못했습니다. 파일을 저장하면 다시 씁니다',
        'Could not write the search index. Saving a file writes it again',
    ),
    'search.unknown_engine': (
        '알 수 없는 검색 방식 {engine!r}: {engines} 중 하나를 쓰세요',
        'Unknown search engine {engine!r}: use one of {engines}',
    ),
    # --- build
    'build.mkdocs_config': (
        "{config_file}: kb 플러그인이 켜져 있지 않습니다: 'plugins:' 아래에 '- kb'를 넣으세요",
        "{config_file}: the kb plugin is not enabled: add '- kb' under 'plugins:'",
    ),
    'build.build': (
        '사이트를 만들지 못했습니다: {exc}',
        'The site could not be built: {exc}',
    ),
    # --- panel
    'panel.page': (
        '{site_name} · 답변 패널',
        '{site_name} · answer panel',
    ),
    # --- plugin
    'plugin.add': (
        'kb: docs/{src_uri}은(는) kb 플러그인이 만드는 페이지와 경로가 같습니다: 파일 이름을 바꾸거나 다른 폴더로 옮기세요',
        'kb: docs/{src_uri} has the same path as a page the kb plugin makes: rename the file or move it to another folder',
    ),
    'plugin.refuse_folder_links_out': (
        'kb: {path}: KB 밖을 가리키는 폴더 링크가 있어 사이트를 만들지 않습니다 (MkDocs는 폴더 링크를 따라가 그 안의 파일을 모두 게시합니다). 링크를 지우세요',
        'kb: {path}: a folder link points outside the KB, so the site is not built (MkDocs follows folder links and publishes every file in them). Remove the link',
    ),
    # --- reports
    'reports.this_month': (
        ' (이번 달)',
        ' (this month)',
    ),
    'reports.scheduled': (
        ' (예정)',
        ' (scheduled)',
    ),
    'reports.pages': (
        '유지 관리 보고서',
        'Upkeep report',
    ),
    # --- sitesearch
    'sitesearch.post_build': (
        'kb: 검색 색인을 만들지 못했습니다: {message}',
        'kb: the search index could not be built: {message}',
    ),
    # --- the site's scripts (words.js)
    'js.kind_answer': (
        '답변',
        'Answer',
    ),
    'js.kind_clause': (
        '조항',
        'Clause',
    ),
    'js.kind_manual': (
        '매뉴얼',
        'Manual',
    ),
    'js.search_placeholder': (
        '답변 검색 ( / )',
        'Search answers ( / )',
    ),
    'js.search_label': (
        '답변 검색',
        'Search answers',
    ),
    'js.index_failed': (
        '검색 색인을 읽지 못했습니다 ({error}). 다시 검색해 보시고, 계속 안 되면 사이트를 다시 빌드해 주세요',
        'The search index could not be read ({error}). Search again; if it keeps failing, build the site again',
    ),
    'js.partial': (
        '아래는 검색어 일부만 들어 있는 결과입니다.',
        'The results below hold only part of the query.',
    ),
    'js.try_other': (
        '다른 말로 검색해 보세요.',
        'Try other words.',
    ),
    'js.copy': (
        '복사',
        'Copy',
    ),
    'js.copied': (
        '복사됨',
        'Copied',
    ),
    'js.copy_failed': (
        '복사 실패: 직접 선택해 복사하세요',
        'Copy failed: select the text and copy it',
    ),
    'js.locale': (
        'ko-KR',
        'en-US',
    ),
    'js.count': (
        '{n} / {limit}자',
        '{n} / {limit} characters',
    ),
    'js.too_long': (
        '카카오톡 상담 메시지는 1,000자까지 보낼 수 있습니다: 나눠 보내세요',
        'A KakaoTalk chat message holds at most 1,000 characters: send it in parts',
    ),
    # --- site build log lines
    'plugin.building_anyway': (
        '검사 오류 {errors}건: 그래도 사이트를 만들고 각 페이지에 오류를 표시합니다:\n{report}',
        '{errors} check error(s); building anyway and marking them on the pages:\n{report}',
    ),
    'plugin.prune': (
        'kb: 답변이 {answers}개라 navigation.prune을 켭니다',
        'kb: {answers} answers; enabling navigation.prune',
    ),
    'plugin.kb_errors': (
        'kb: 지식 베이스에 오류가 {errors}개 있어 사이트를 만들지 않았습니다.\n{report}\n'
        '오류를 고치거나(`kb check` 로 확인), 그래도 만들려면 `kb build --allow-errors` 를 쓰세요'
        ' (또는 mkdocs.yml 의 kb 플러그인에 `allow_errors: true`).',
        'kb: {errors} error(s) in the knowledge base; the site was not built.\n{report}\n'
        'Fix them (run `kb check`), or build anyway with `kb build --allow-errors` '
        '(or `allow_errors: true` under the kb plugin in mkdocs.yml).',
    ),
    'plugin.render_again': (
        'kb: 바뀐 내용이 닿는 페이지 {pages}개를 다시 만듭니다',
        'kb: {pages} page(s) to render again',
    ),
    'plugin.not_regular': (
        'kb: docs/{src_uri}은(는) 일반 파일이 아니라 사이트에서 뺐습니다',
        'kb: docs/{src_uri} is not a regular file; left out of the site',
    ),
    'theme.font_ignored': (
        'kb: theme.font는 쓰지 않습니다: 사이트는 이 컴퓨터의 글꼴을 씁니다 (글꼴 CDN 요청 없음)',
        'kb: theme.font ignored: the site uses local fonts (no font CDN request)',
    ),
}
