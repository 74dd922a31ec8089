"""The `kb` command: a thin layer over the library.

Each command reads its options, calls one library function and prints the
result; library errors (KBError) become a clean message and exit code 2.
"""

from __future__ import annotations

import json
import os
import re
import sys
from datetime import date, datetime
from pathlib import Path

import click

from . import dates, messages
from . import report as report_mod
from .config import read_config
from .errors import KBError
from .messages import t
from .textsafe import shown

# The checker and loader are imported inside the commands that use them:
# `kb search` runs once per chat message and must start fast.

CONTEXT = {"help_option_names": ["-h", "--help"]}


def config_option(func):
    return click.option(
        "-f",
        "--config-file",
        "config_file",
        default="mkdocs.yml",
        show_default=True,
        type=click.Path(dir_okay=False),
        help="The KB's mkdocs.yml.",
    )(func)


class _Date(click.ParamType):
    """A YYYY-MM-DD option whose error says what is wrong in words, not a strptime format."""

    name = "YYYY-MM-DD"

    def convert(self, value, param, ctx):
        if isinstance(value, datetime):
            return value
        day = dates.parse(str(value))
        if day is None:
            self.fail(_Later(lambda: dates.problem(value)), param, ctx)  # type: ignore[arg-type]
        return datetime(day.year, day.month, day.day)


class _Later:
    """A message worded when it is printed, not when click raises it: a usage error comes
    before the KB's language is known (LocalizedGroup reads it only then)."""

    def __init__(self, words):
        self.words = words

    def __str__(self) -> str:
        return self.words()

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


DATE = _Date()


def as_of_option(func):
    return click.option(
        "--as-of",
        type=DATE,
        help="Check as on this date (YYYY-MM-DD) instead of today.",
    )(func)


def _day(value) -> date | None:
    return value.date() if value is not None else None


class LocalizedGroup(click.Group):
    """click's own error and usage lines, in the language every other message uses."""

    def main(self, *args, **kwargs):
        kwargs["standalone_mode"] = False
        argv = list(args[0] if args else kwargs.get("args") or sys.argv[1:])
        # Before click parses anything: its usage errors come before our callback runs.
        messages.override(messages.asked(argv))
        try:
            return super().main(*args, **kwargs)
        except click.UsageError as exc:
            _kb_language(argv)
            if exc.ctx is not None:
                usage = exc.ctx.get_usage().removeprefix("Usage: ")
                click.echo(t("cli.usage", usage=usage), err=True)
                click.echo(t("cli.usage_help", command_path=exc.ctx.command_path), err=True)
            click.echo(t("cli.error", message=_usage_in_language(exc.format_message())), err=True)
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            click.echo(t("cli.error", message=exc.format_message()), err=True)
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo(t("cli.aborted"), err=True)
            sys.exit(1)


def _kb_language(argv: list[str]) -> None:
    """A usage error comes before any command read its KB: read the KB's language now
    (from -f, or ./mkdocs.yml) so that the error speaks it too. Quietly: a config
    that cannot be read is the command's business, not this message's."""
    config_file = "mkdocs.yml"
    for i, arg in enumerate(argv):
        if arg in ("-f", "--config-file") and i + 1 < len(argv):
            config_file = argv[i + 1]
        elif arg.startswith("--config-file="):
            config_file = arg.removeprefix("--config-file=")
    try:
        read_config(config_file)
    except (KBError, OSError):
        pass


def _usage_in_language(message: str) -> str:
    """click's few usage sentences; anything else (our own messages) passes as it is."""
    patterns = [
        (r"Invalid value for (.+?): (.*)", t("cli.click_invalid_value")),
        (r"Missing argument (.+?)\.?$", t("cli.click_missing_argument")),
        (r"Missing option (.+?)\.?$", t("cli.click_missing_option")),
        (r"No such option:? '?([^'\s]+)'?\.?(.*)", t("cli.click_no_such_option")),
        (r"No such command '?([^'\s]+)'?\.?(.*)", t("cli.click_no_such_command")),
        (r"Got unexpected extra arguments? \((.*)\)", t("cli.click_extra_arguments")),
        (r"Option '?([^'\s]+)'? requires an argument\.?", t("cli.click_needs_value")),
    ]
    for pattern, wording in patterns:
        if re.match(pattern, message, re.S):
            message = re.sub(pattern, wording, message, count=1, flags=re.S)
            break
    message = message.replace("Did you mean", t("cli.click_did_you_mean"))
    return message.replace(" is not one of", t("cli.click_not_one_of"))


def _the_day(value) -> date:
    """A date option that is required (or was asked for): click's datetime -> date."""
    return value.date()


@click.group(cls=LocalizedGroup, context_settings=CONTEXT)
@click.version_option(package_name="kb")
@click.option(
    "--lang",
    type=click.Choice(messages.LANGUAGES, case_sensitive=False),
    help="Language of the messages (default: KB_LANG, else the KB's theme.language, else ko).",
)
def main(lang: str | None) -> None:
    """kb: service policies and canned answers that agree with each other."""
    messages.override(lang or os.environ.get("KB_LANG"))


@main.command()
@config_option
@as_of_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(report_mod.FORMATS),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option(
    "--base",
    metavar="REV",
    help="Also warn about clauses whose text changed since this git revision "
    "without a version bump (text-changed-without-bump).",
)
def check(config_file: str, as_of, fmt: str, strict: bool, base: str | None) -> None:
    """Check that every canned answer cites a current policy clause.

    Exit status: 0 clean, 1 findings (with --strict, warnings too), 2 the KB
    cannot be read.
    """
    from .check import check as run_check
    from .load import load

    kb = load(read_config(config_file))
    result = run_check(kb, _day(as_of))
    if base:
        from .owner.gitrev import text_changed_without_bump

        notes: list[str] = []
        result.findings = sorted(
            result.findings + text_changed_without_bump(kb, base, notes),
            key=lambda f: f.sort_key(),
        )
        for note in notes:  # stderr: stdout stays the report (JSON per SPEC)
            click.echo(t("cli.check", note=note), err=True)
    click.echo(report_mod.render(result, fmt))
    sys.exit(1 if result.failed(strict) else 0)


@main.command()
@click.argument("directory", type=click.Path(file_okay=False), default=".")
@click.option("--name", help="Site name.  [default: a name in the message language]")
def init(directory: str, name: str | None) -> None:
    """Start a new knowledge base in DIRECTORY (writes files; never overwrites)."""
    from pathlib import Path

    from .owner.scaffold import init as make_kb

    for path in make_kb(Path(directory), name or t("scaffold.default_name")):
        click.echo(t("cli.init_created", path=path))
    click.echo(t("cli.init_next", directory=directory))


# --- site commands (build, serve) live below this line ----------------------


@main.command()
@config_option
@click.option(
    "--site-dir",
    type=click.Path(file_okay=False),
    help="Build into this folder instead of the config's site_dir.",
)
@click.option(
    "--allow-errors",
    is_flag=True,
    help="Build even when the check finds errors; the pages mark each broken citation.",
)
@click.option("--strict", is_flag=True, help="Stop on MkDocs warnings too (broken links).")
@click.option("-q", "--quiet", is_flag=True, help="Print only warnings and errors.")
def build(config_file: str, site_dir, allow_errors: bool, strict: bool, quiet: bool) -> None:
    """Check the KB and build the agents' site (the same site as `mkdocs build`).

    A KB with check errors is not built: the findings are printed and the
    exit status is 1, unless --allow-errors is given.
    """
    from .site import build as site

    result, allowed_in_config = site.precheck(config_file)
    if result.failed() and not (allow_errors or allowed_in_config):
        click.echo(report_mod.as_text(result), err=True)
        click.echo(t("cli.build_not_built"), err=True)
        sys.exit(1)
    site.build(config_file, site_dir, allow_errors=allow_errors, strict=strict, quiet=quiet)


@main.command()
@config_option
@click.option(
    "-a",
    "--dev-addr",
    metavar="IP:PORT",
    help="Serve on this address (default 127.0.0.1:8000).",
)
@click.option(
    "--full-rebuild",
    is_flag=True,
    help="Rebuild the whole site on every save (default: only the pages a change reaches).",
)
def serve(config_file: str, dev_addr, full_rebuild: bool) -> None:
    """Serve the agents' site with live reload while you edit.

    Check errors do not stop the server: they are marked on the pages and
    printed as warnings.
    """
    from .site import build as site

    site.serve(config_file, dev_addr, incremental=not full_rebuild)


# --- search commands live below this line ------------------------------------


@main.command()
@click.argument("query")
@config_option
@click.option("--limit", type=click.IntRange(1), default=10, show_default=True,
              help="At most this many results.")
@click.option("--kind", type=click.Choice(("answer", "clause", "manual")),
              help="Only answers, clauses or manual pages.")
@click.option("--tag", help="Only documents with this tag or a tag below it.")
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text",
              show_default=True, help="Output format.")
@click.option("--engine", type=click.Choice(("direct", "whoosh")), default="direct",
              show_default=True,
              help="How scores are added up: from the index's postings directly (fast), "
              "or by whoosh's searcher. Both give the same results.")
def search(query: str, config_file: str, limit: int, kind, tag, fmt: str, engine: str) -> None:
    """Search answers, clauses and manual pages, best first (Korean-aware:
    particles, endings, spacing and common synonyms do not matter).

    The search index in .kb-cache/ is built or brought up to date first.
    Synonyms of the KB go in synonyms.yaml next to mkdocs.yml.
    """
    # Imported here: `kb search` is run per chat message and must start fast.
    # The files' stamp is worked out beside the imports (search/stamp.py), and
    # only in this short-lived process are whoosh's imports lightened (lean_imports).
    from .search import stamp
    from .search.lean_imports import import_whoosh

    config = read_config(config_file)
    with stamp.prefetched(config):
        import_whoosh()
        from .search import query as search_mod

        hits = search_mod.search(config, query, limit=limit, kind=kind, tag=tag, engine=engine)
    click.echo(search_mod.render(query, hits, fmt))


@main.command()
@config_option
@click.option("--bind", default="127.0.0.1:8800", show_default=True,
              help="Address to listen on (HOST:PORT, or unix:PATH behind a reverse proxy).")
@click.option("--workers", type=click.IntRange(1), default=2, show_default=True,
              help="Worker processes; each keeps its own copy of the index.")
@click.option("--threads", type=click.IntRange(1), default=8, show_default=True,
              help="Threads per worker.")
@click.option("--cors-origin", "cors_origins", multiple=True,
              help="A web origin allowed to call the API from a browser (repeatable; * for any).")
@click.option("--watch", type=click.FloatRange(0), default=2.0, show_default=True,
              help="Seconds between checks for changed files (0: never reload).")
def api(config_file: str, bind: str, workers: int, threads: int, cors_origins, watch) -> None:
    """Serve published answers as a read-only HTTP JSON API for chat tools' side panels.

    GET /search?q=…&limit=&tag=&kind=, /answers/ID, /clauses/ID, /healthz.
    Runs under gunicorn; the KB is reloaded when its files change, without a restart.
    """
    from . import api as api_mod

    origins = list(cors_origins) or _env_list("KB_API_CORS_ORIGINS")
    api_mod.serve(read_config(config_file), bind, workers, threads, origins, watch)


def _env_list(name: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


# --- authoring, impact, git and report commands live below this line ----------


def _load_kb(config_file: str):
    from .load import load

    return load(read_config(config_file))


def _ask(value, label: str, option: str, kind=str):
    """A missing value: asked for at a terminal, else a clear error naming the option."""
    if value not in (None, ""):
        return value
    if sys.stdin.isatty():
        return click.prompt(label, type=kind)
    raise KBError(t("cli.ask", option=option))


def _ask_text(text: str | None, text_file, label: str) -> str | None:
    if text_file is not None:
        return text_file.read()
    return text




def _written(path) -> str:
    return shown(os.path.relpath(path))


def format_option(choices, default="text"):
    return click.option(
        "--format", "fmt", type=click.Choice(choices), default=default, show_default=True,
        help="Output format.",
    )


@main.command()
@click.argument("ident", metavar="ID")
@config_option
@as_of_option
@format_option(("text", "json"))
def show(ident: str, config_file: str, as_of, fmt: str) -> None:
    """Show a clause (versions, status, dates, what relies on it), an answer
    (each cited clause and whether the citation is good), or a policy."""
    from .owner.show import show as run_show

    click.echo(run_show(_load_kb(config_file), ident, _day(as_of) or date.today(), fmt))


@main.command()
@click.argument("clause_id", metavar="CLAUSE-ID")
@config_option
@format_option(("text", "json"))
def impact(clause_id: str, config_file: str, fmt: str) -> None:
    """List the answers and manual pages that rely on a clause (cites and [[inline]])."""
    from .owner.show import impact as run_impact
    from .owner.show import impact_text

    kb = _load_kb(config_file)
    data = run_impact(kb, clause_id)
    click.echo(json.dumps(data, ensure_ascii=False) if fmt == "json" else impact_text(kb, data))


@main.group()
def new() -> None:
    """Create a policy, clause or answer (edits files: writes one new file or
    appends one clause; comments and layout are kept)."""


@new.command("policy")
@click.argument("policy_id", metavar="POLICY-ID", required=False)
@config_option
@click.option("--title", help="The policy's title.")
@click.option("--owner", help="The team or person who owns it.")
@click.option("--review-by", type=DATE, help="Review date (YYYY-MM-DD).")
@click.option("--clause-title", help="Title of its first clause, <ID>-1.")
@click.option("--text", help="Text of its first clause (Markdown).")
@click.option("--effective", type=DATE, help="When the first clause takes effect.")
@click.option("--path", type=click.Path(dir_okay=False), help="File to write.")
def new_policy(policy_id, config_file, title, owner, review_by, clause_title, text, effective,
               path) -> None:
    """Write a new policy file with its first clause. Edits: creates one file."""
    from .owner import edit

    kb = _load_kb(config_file)
    done = edit.new_policy(
        kb,
        _ask(policy_id, "Policy id (e.g. REFUND)", "POLICY-ID"),
        _ask(title, "Title", "--title"),
        _ask(owner, "Owner", "--owner"),
        _ask(clause_title, "First clause title", "--clause-title"),
        _ask(text, "First clause text", "--text"),
        _the_day(_ask(effective, "Effective date (YYYY-MM-DD)", "--effective", DATE)),
        review_by=_day(review_by),
        path=Path(path) if path else None,
    )
    _report_edit(done)


@new.command("clause")
@click.argument("policy_id", metavar="POLICY-ID", required=False)
@config_option
@click.option("--id", "clause_id", help="Clause id (default: the next <POLICY>-N).")
@click.option("--title", help="The clause's title.")
@click.option("--text", help="The clause's text (Markdown).")
@click.option("--text-file", type=click.File(encoding="utf-8"), help="Read the text from a file.")
@click.option("--effective", type=DATE, help="When it takes effect (YYYY-MM-DD).")
@click.option("--expires", type=DATE, help="The first day it no longer applies.")
@click.option("--supersedes", multiple=True, help="A clause this one replaces (repeatable).")
def new_clause(policy_id, config_file, clause_id, title, text, text_file, effective, expires,
               supersedes) -> None:
    """Append a new clause (version 1) to a policy. Edits: that policy's file only."""
    from .owner import edit

    kb = _load_kb(config_file)
    done = edit.new_clause(
        kb,
        _ask(policy_id, "Policy id", "POLICY-ID"),
        _ask(title, "Title", "--title"),
        _ask(_ask_text(text, text_file, "Text"), "Text", "--text"),
        _the_day(_ask(effective, "Effective date (YYYY-MM-DD)", "--effective", DATE)),
        clause_id=clause_id,
        expires=_day(expires),
        supersedes=list(supersedes),
    )
    _report_edit(done)


@new.command("answer")
@click.argument("answer_id", metavar="ANSWER-ID", required=False)
@config_option
@as_of_option
@click.option("--title", help="The answer's title.")
@click.option("--cite", "cites", multiple=True,
              help="A clause it cites, pinned to its current version (repeatable).")
@click.option("--tag", "tags", multiple=True, help="A tag, '/' for a hierarchy (repeatable).")
@click.option("--owner", help="The team or person who owns it.")
@click.option("--review-by", type=DATE, help="Review date (YYYY-MM-DD).")
@click.option("--effective", type=DATE, help="The day the answer goes live (YYYY-MM-DD).")
@click.option("--body", help="The text to send (Markdown).")
@click.option("--body-file", type=click.File(encoding="utf-8"), help="Read the body from a file.")
@click.option("--path", type=click.Path(dir_okay=False), help="File to write.")
def new_answer(answer_id, config_file, as_of, title, cites, tags, owner, review_by, effective,
               body, body_file, path) -> None:
    """Write a new answer whose citations are pinned to the current clause versions.
    Edits: creates one file."""
    from .owner import edit

    kb = _load_kb(config_file)
    cites = cites or tuple(_ask(None, "Cited clause ids (comma separated)", "--cite").split(","))
    done = edit.new_answer(
        kb,
        _ask(answer_id, "Answer id (e.g. refund-timing)", "ANSWER-ID"),
        _ask(title, "Title", "--title"),
        [c.strip() for c in cites if c.strip()],
        _ask(_ask_text(body, body_file, "Body"), "Text to send", "--body"),
        _day(as_of) or date.today(),
        tags=list(tags),
        owner=owner,
        review_by=_day(review_by),
        effective=_day(effective),
        path=Path(path) if path else None,
    )
    _report_edit(done)


@main.command()
@click.argument("clause_id", metavar="CLAUSE-ID")
@config_option
@click.option("--effective", type=DATE, help="When the new version takes effect (asked for).")
@click.option("--text", help="The new text (default: the text already edited in the file).")
@click.option(
    "--text-file", type=click.File(encoding="utf-8"), help="Read the new text from a file."
)
@click.option("--note", help="What changed, kept with the old version in history.")
def bump(clause_id, config_file, effective, text, text_file, note) -> None:
    """Make a new version of a clause. Edits: the clause's policy file only.

    The old text, version and date move to the front of the clause's history
    and the version rises by one. Either give the new text with --text or
    --text-file, or first edit the text in the file: the old text then comes
    from git (HEAD). Then run `kb impact` / `kb review` for the answers.
    """
    from . import rules
    from .owner import edit
    from .owner.show import clause_or_fail

    kb = _load_kb(config_file)
    clause = clause_or_fail(kb, clause_id)
    new_text = _ask_text(text, text_file, "Text")
    old_text = _committed_text(kb, clause)
    day = _the_day(_ask(effective, "Effective date of the new version (YYYY-MM-DD)", "--effective",
                    DATE))
    done = edit.bump(kb, clause.id, day, text=new_text, note=note, old_text=old_text)
    _report_edit(done)
    if day > date.today():
        force = rules.in_force(clause, date.today())
        version = force.version if force else None
        note = edit.scheduled_note(clause.id, clause.version + 1, day, version)
        click.echo(note, err=True)
    touched = edit.pinned_to(kb, clause.id, clause.version)
    if touched:
        click.echo(
            t("cli.bump_reread_on", day=day)
            if day > date.today()
            else t("cli.bump_reread")
        )
        for answer in touched:
            click.echo(f"  {answer.id}  {answer.title}  ({shown(answer.path)})")
    _list_manuals(kb, clause.id)


def _list_manuals(kb, clause_id: str) -> None:
    """Manual pages state clauses too: the lines to re-read, for `kb review PAGE`."""
    from .owner.reread import references

    pages = references(kb, clause_id)
    if pages:
        click.echo(t("cli.list_manuals"))
        for manual, lines in pages:
            where = ", ".join(f"{shown(manual.path)}:{line}" for line in lines)
            click.echo(f"  {shown(manual.doc_path)}  {manual.title}  ({where})")


def _committed_text(kb, clause) -> str | None:
    """The clause's text at HEAD, when the owner has edited it in the file since."""
    from .owner import gitrev

    try:
        if gitrev.repository(kb.root) is None:
            return None
    except gitrev.GitMissing:
        return None  # the text must then be given: bump says so
    then = gitrev.clause_at(kb.root, "HEAD", clause.path, clause.id)
    if then is None or then.version != clause.version:
        return None
    from .text import same_text

    return None if same_text(then.text, clause.text) else then.text


@main.command()
@click.argument("answer_id", metavar="ID")
@config_option
@as_of_option
@click.option("--review-by", type=DATE, help="Also move the answer's review_by to this date.")
@click.option("--force", is_flag=True, help="Re-pin even though old values remain in the body.")
def review(answer_id, config_file, as_of, review_by, force) -> None:
    """Re-read an answer or a manual page (e.g. manuals/tone.md) after its
    clauses changed: shows each clause's word diff since the pinned version and
    the lines that still state an old value, then re-pins the answer's stale
    citations. Edits: that answer's front matter only (the body is kept).

    While old values remain, nothing is re-pinned (--force to re-pin anyway).
    Citations of superseded, retired or expired clauses are listed, not changed:
    rewrite those by hand.
    """
    from .owner import edit, reread

    kb = _load_kb(config_file)
    today = _day(as_of) or date.today()
    if kb.answer(answer_id) is None and reread.find_manual(kb, answer_id) is not None:
        sys.exit(_review_manual(kb, reread.find_manual(kb, answer_id), today, force))
    done = edit.review(kb, answer_id, today, _day(review_by), force)
    _show_reread(done.changes, done.outdated, kb.answer(answer_id).path)
    if done.refused:
        click.echo(
            t("cli.review_old_values", answer_id=answer_id),
            err=True,
        )
        sys.exit(1)
    for old, new in done.repinned:
        click.echo(f"{answer_id}: {old} -> {new}")
    if review_by:
        click.echo(f"{answer_id}: review_by {_day(review_by)}")
    if done.repinned or review_by:
        click.echo(t("cli.review_rewrote", path=_written(done.path)))
    elif not done.left:
        click.echo(t("cli.review_nothing", answer_id=answer_id))
    for problem in done.left:
        click.echo(problem, err=True)
    sys.exit(1 if done.left else 0)


def _show_reread(changes, outdated, path: str) -> None:
    """The word diff of each changed clause, then the lines that still say the old value."""
    for change in changes:
        click.echo("\n".join(change.lines()))
    if outdated:
        from .owner.reread import hit_lines

        click.echo(t("cli.show_reread"))
        click.echo("\n".join("  " + line for line in hit_lines(path, outdated)))


def _review_manual(kb, manual, today, force: bool) -> int:
    from .owner.reread import review_manual

    done = review_manual(kb, manual, today)
    _show_reread(done.changes, done.outdated, manual.path)
    for problem in done.left:
        click.echo(problem, err=True)
    if done.outdated and not force:
        click.echo(
            t("cli.review_manual_old_values", id=manual.id),
            err=True,
        )
        return 1
    if not done.left:
        click.echo(
            t("cli.review_manual_clean", id=manual.id)
        )
    return 1 if done.left else 0


def _report_edit(done) -> None:
    for message in done.messages:
        click.echo(message)
    click.echo(t("cli.report_edit", path=_written(done.path)))


@main.command()
@config_option
@click.option("--month", metavar="YYYY-MM",
              help="A calendar month: the changes that take effect in it, scheduled ones included.")
@click.option("--since", type=DATE, help="First day of the period (YYYY-MM-DD).")
@click.option(
    "--until",
    type=DATE,
    help="Last day of the period (default: the end of --since's month, or today if later).",
)
@format_option(("text", "markdown", "json"))
def changes(config_file, month, since, until, fmt) -> None:
    """What changed in the policies in a month (or period), the answers each
    touched, and a practice quiz: the monthly training pack (markdown for slides)."""
    from .owner import changes as changes_mod
    from .owner import pack

    if (month is None) == (since is None) or (month and until):
        raise KBError(t("cli.changes_one_period"))
    kb = _load_kb(config_file)
    if month:
        first = changes_mod.parse_month(month)
        result = changes_mod.month_changes(kb, first)
        title = t("changes.month_title", first=changes_mod.month_label(first))
    else:
        start = _the_day(since)
        end = _day(until) or max(date.today(), changes_mod.month_of(start)[1])
        if end < start:
            raise KBError(t("cli.changes_until_before_since", end=end, start=start))
        result, title = changes_mod.changes(kb, start, end), ""
    click.echo(pack.render(result, fmt, kb, title))


@main.command("report")
@config_option
@as_of_option
@click.option("--days", type=click.IntRange(0), default=30, show_default=True,
              help="Look this many days ahead for reviews.")
@format_option(("text", "json", "markdown"))
def report_cmd(config_file, as_of, days, fmt) -> None:
    """Coverage and upkeep: uncited clauses, tags without answers, reviews due,
    and citations that will break on a coming date."""
    from .owner import upkeep

    kb = _load_kb(config_file)
    click.echo(upkeep.render(upkeep.upkeep(kb, _day(as_of) or date.today(), days), fmt))


# --- export to the chat tools -------------------------------------------------


@main.command("export")
@click.argument("fmt", metavar="zendesk|freshdesk|intercom|csv",
                type=click.Choice(("zendesk", "freshdesk", "intercom", "csv")))
@config_option
@as_of_option
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Write to this file instead of standard output.")
@click.option("--placeholders", "map_file", type=click.Path(dir_okay=False),
              help="MAP.yaml: each {{placeholder}} -> the tool's own, e.g. "
              "customer_name: \"{{ticket.requester.name}}\" (a section per tool may override).")
@click.option("--folder-id", type=int,
              help="freshdesk: the canned-response folder to create the answers in.")
def export_cmd(fmt, config_file, as_of, output, map_file, folder_id) -> None:
    """Export the published answers in a chat tool's import format.

    Answers with an error on the date (broken citation, personal data, a
    placeholder with no mapping) are left out and named on standard error.
    Exit status: 0 every active answer exported, 1 some left out, 2 the KB or
    the map cannot be read.
    """
    from . import export as export_mod

    placeholders = export_mod.read_map(map_file) if map_file else None
    result = export_mod.export(_load_kb(config_file), fmt, _day(as_of), placeholders)
    data = export_mod.encoded(result, folder_id)
    if output:
        export_mod.write_atomic(Path(output), data)
    else:
        click.echo(data, nl=False)  # bytes: written as they are (the CSV's BOM included)
    for line in export_mod.report_lines(result):
        click.echo(line, err=True)
    sys.exit(0 if result.complete else 1)


@main.command()
@config_option
@click.option("--since", type=DATE, help="Only queries from this day on (YYYY-MM-DD).")
@format_option(("text", "json", "markdown"))
def gaps(config_file, since, fmt) -> None:
    """Questions the KB could not answer, grouped and ranked by how often they were asked.

    kb api records each query that found no good answer, masked for personal
    data, when the KB's config turns it on (the kb plugin's gaps_log); lines
    older than gaps_retention_days (default 90) are dropped.
    """
    from . import gaps as gaps_mod

    log = gaps_mod.GapLog.of(read_config(config_file))
    if log is None:
        raise KBError(
            t("cli.gaps")
        )
    day = _day(since)
    click.echo(gaps_mod.render(gaps_mod.group(log.entries(day)), day, fmt))
