"""The HTML of the generated pages: answers, policies, tags and the home page.

Every function returns an HTML fragment whose internal links start with
ROOT (see render.py) and, where the page has sections, the table of
contents entries as (id, title) pairs. KB text is escaped or rendered by
the safe renderer; nothing from the KB reaches the page unescaped.
"""

from __future__ import annotations

from datetime import date, timedelta
from html import escape as e

from .. import rules
from ..model import Answer, Clause, Policy, Version, tag_path
from .context import Site
from .render import PLACEHOLDER, diff_html
from .tags import UNTAGGED, Tag

TOC = list[tuple[str, str]]
TAG_PAGE_LIMIT = 200  # above this many answers, a parent tag lists sub-tags only
REVIEW_WINDOW = 30
RECENT_DAYS = 90


def badge(site: Site, state: str) -> str:
    return f'<span class="kb-badge kb-badge--{state}">{e(site.t[state])}</span>'


def _meta(items: list[str]) -> str:
    parts = "".join(f'<span class="kb-meta__item">{item}</span>' for item in items if item)
    return f'<div class="kb-meta" data-search-exclude>{parts}</div>' if parts else ""


def _labelled(site: Site, key: str, value) -> str:
    if value in (None, ""):
        return ""
    return f'<span class="kb-meta__label">{e(site.t[key])}</span> {e(str(value))}'


def _review(site: Site, review_by: date | None) -> str:
    if review_by is None:
        return ""
    text = _labelled(site, "review_by", review_by.isoformat())
    if review_by < site.today:
        return f'{text} <span class="kb-badge kb-badge--expired">{e(site.t["overdue"])}</span>'
    return text


def copy_button(site: Site, text: str, primary: bool = True, warn: str = "") -> str:
    """The copy button; with `warn`, kb.js asks the agent to confirm before copying."""
    kind = " md-button--primary" if primary else ""
    confirm = (
        f' data-warn="{e(warn)}" data-warn-ok="{e(site.t["copy_anyway"])}" '
        f'data-warn-cancel="{e(site.t["copy_cancel"])}"'
        if warn
        else ""
    )
    return (
        f'<button type="button" class="kb-copy md-button{kind}" data-copy="{e(text)}" '
        f'data-label="{e(site.t["copy"])}" data-copied="{e(site.t["copied"])}" '
        f'data-failed="{e(site.t["copy_failed"])}"{confirm}>{e(site.t["copy"])}</button>'
    )


def copy_warning(site: Site, answer: Answer) -> str:
    """Why copying this answer needs a second look (a check error on it), or ""."""
    problems = len(site.answer_problems(answer))
    missing = answer.status != "draft" and not answer.cites
    if not problems and not missing:
        return ""
    return site.t["copy_warn"].format(n=problems + int(missing))


# --- answers ------------------------------------------------------------------


def tag_links(site: Site, answer: Answer) -> str:
    links = []
    for path in answer.tags:
        tag = site.tags.get(tag_path(path))
        if tag is not None:
            shown = " › ".join(t.name for t in tag.lineage())
            links.append(f'<a class="kb-tag" href="{site.href(site.tag_src(tag))}">{e(shown)}</a>')
    return " ".join(links)


def answer_badges(site: Site, answer: Answer) -> str:
    out = []
    if answer.status == "draft":
        out.append(badge(site, "draft"))
    if answer.effective is not None and answer.effective > site.today:
        when = site.t["effective_from"].format(date=answer.effective.isoformat())
        out.append(f'<span class="kb-badge kb-badge--future">{e(when)}</span>')
    if site.answer_problems(answer):
        out.append(f'<span class="kb-badge kb-badge--error">⚠ {e(site.t["broken"])}</span>')
    return " ".join(out)


def answer_page(site: Site, answer: Answer) -> tuple[str, TOC]:
    shown, text = site.answer_html(answer)
    meta = _meta(
        [
            answer_badges(site, answer),
            (f'<span class="kb-meta__label">{e(site.t["tags"])}</span> ' + tag_links(site, answer))
            if answer.tags
            else "",
            _labelled(site, "owner", answer.owner),
            _review(site, answer.review_by),
        ]
    )
    hint = ""
    if PLACEHOLDER.search(answer.body):
        hint = f'<p class="kb-send__hint" data-search-exclude>{e(site.t["copy_hint"])}</p>'
    body = (
        f'<div class="kb-answer" id="{e(answer.anchor)}">'
        f"<h1>{e(answer.title)}</h1>{meta}{problems_box(site, answer)}"
        '<section class="kb-send">'
        f'<div class="kb-send__head" data-search-exclude><h2>{e(site.t["to_send"])}</h2>'
        f"{copy_button(site, text, warn=copy_warning(site, answer))}</div>"
        f'<div class="kb-send__body">{shown}</div>{hint}</section>'
        f"{questions_section(site, answer)}{cited_section(site, answer)}</div>"
    )
    # No heading ids and no table of contents: the page is one search entry, not three.
    return body, []


def questions_section(site: Site, answer: Answer) -> str:
    """The customer phrasings that find this answer (`questions:`), as asked."""
    if not answer.questions:
        return ""
    items = "".join(f"<li>{e(q)}</li>" for q in answer.questions)
    return (
        f'<section class="kb-questions"><h2>{e(site.t["questions"])}</h2>'
        f"<ul>{items}</ul></section>"
    )


def problems_box(site: Site, answer: Answer) -> str:
    problems = site.answer_problems(answer)
    missing = answer.status != "draft" and not answer.cites
    if not problems and not missing:
        return ""
    items = [
        f"<li><code>{e(c.raw)}</code> {e(site.t.get('code_' + code, code))}: {e(msg)}</li>"
        for c, code, msg in problems
    ]
    if missing:
        items.append(f"<li>{e(site.t['no_citation'])}</li>")
    return (
        f'<div class="kb-alert kb-alert--error" role="alert" data-search-exclude>'
        f"<strong>⚠ {e(site.t['broken'])}</strong><ul>{''.join(items)}</ul></div>"
    )


def cited_section(site: Site, answer: Answer) -> str:
    on = rules.check_date(answer, site.today)
    cards = [clause_card(site, c.clause_id, c.raw, site.problem(c, on), on) for c in answer.cites]
    if not cards:
        cards = [f'<p class="kb-muted">{e(site.t["no_citation"])}</p>']
    return (
        f'<section class="kb-cited" data-search-exclude>'
        f"<h2>{e(site.t['cited_clauses'])}</h2>{''.join(cards)}</section>"
    )


def clause_card(site: Site, clause_id: str | None, raw: str, problem, on=None) -> str:
    """A cited clause with the text in force on `on` (the answer's date), not a scheduled one."""
    clause = site.kb.clauses.get(clause_id) if clause_id else None
    flag = ""
    if problem is not None:
        label = site.t.get("code_" + problem[0], problem[0])
        flag = (
            f'<div class="kb-flagline" title="{e(problem[1])}">⚠ {e(site.t["broken"])}: '
            f"<code>{e(raw)}</code> — {e(label)}<br><small>{e(problem[1])}</small></div>"
        )
    if clause is None:
        return f'<div class="kb-card kb-card--error">{flag}</div>'
    state = site.state(clause)
    broken = " kb-card--error" if problem else ""
    shown = site.in_force(clause, on)
    head = (
        f'<div class="kb-card__head"><a class="kb-id" href="{site.clause_href(clause)}">'
        f"{e(clause.id)}</a> <strong>{e(clause.title)}</strong> {badge(site, state)} "
        f'<span class="kb-muted">v{shown.version} · {e(site.t["effective"])} '
        f"{e(_iso(shown.effective))}</span></div>"
    )
    return (
        f'<div class="kb-card kb-card--{state}{broken}">{head}{flag}'
        f'<div class="kb-card__text">{site.version_html(clause, shown)}</div>'
        f"{supersede_note(site, clause)}{coming_note(site, clause, on)}</div>"
    )


def coming_note(site: Site, clause: Clause, on=None) -> str:
    """One line under a cited clause: its text changes on a date already decided."""
    later = rules.scheduled(clause, on or site.today)
    if later is None or rules.in_force(clause, on or site.today) is None:
        return ""
    when = site.t["scheduled_from"].format(date=_iso(later.effective))
    what = site.t["scheduled_version"].format(version=later.version)
    link = f'<a href="{site.clause_href(clause)}">{e(when)}</a>'
    return f'<p class="kb-note kb-note--warn">{link} · {e(what)}</p>'


def _iso(day: date | None) -> str:
    return day.isoformat() if day else "—"


def supersede_note(site: Site, clause: Clause) -> str:
    newer = rules.superseded_by(site.kb, clause, site.today)
    if newer is not None:
        link = f'<a href="{site.clause_href(newer)}">{e(newer.id)} {e(newer.title)}</a>'
        return f'<p class="kb-note kb-note--warn">{site.t["superseded_by"].format(new=link)}</p>'
    coming = [c for c in site.kb.superseders.get(clause.id, ()) if not c.retired]
    notes = []
    for newer in coming:
        link = f'<a href="{site.clause_href(newer)}">{e(newer.id)}</a>'
        text = site.t["will_be_superseded"].format(new=link, date=e(_iso(newer.effective)))
        notes.append(f'<p class="kb-note">{text}</p>')
    return "".join(notes)


# --- policies -----------------------------------------------------------------


def policy_page(site: Site, policy: Policy) -> tuple[str, TOC]:
    t = site.t
    meta = _meta(
        [
            f'<code class="kb-id">{e(policy.id)}</code>',
            _labelled(site, "owner", policy.owner),
            _review(site, policy.review_by),
            _labelled(site, "clause_count", len(policy.clauses)),
        ]
    )
    summary = site.render(policy.summary) if policy.summary else ""
    clauses = [c for c in policy.clauses if c.id]
    rows = "".join(
        f'<tr><td><a class="kb-id" href="#{e(c.anchor)}">{e(c.id)}</a></td><td>{e(c.title)}</td>'
        f"<td>v{site.in_force(c).version}</td><td>{_iso(site.in_force(c).effective)}</td>"
        f"<td>{badge(site, site.state(c))}{_scheduled_badge(site, c)}</td></tr>"
        for c in clauses
    )
    index = (
        '<div class="kb-table kb-clause-index"><table><thead><tr>'
        f"<th>{e(t['clause'])}</th><th>{e(t['title'])}</th>"
        f"<th>{e(t['version'])}</th><th>{e(t['effective'])}</th><th>{e(t['status'])}</th>"
        f"</tr></thead><tbody>{rows}</tbody></table></div>"
    )
    sections = "".join(clause_section(site, c) for c in clauses)
    body = (
        f'<div class="kb-policy"><h1>{e(policy.title)}</h1>{meta}'
        f'<div class="kb-summary">{summary}</div>{index}{sections}</div>'
    )
    return body, [(c.anchor, f"{c.id} {c.title}") for c in clauses]


def _scheduled_badge(site: Site, clause: Clause) -> str:
    later = _coming_version(site, clause)
    if later is None:
        return ""
    when = site.t["scheduled_from"].format(date=_iso(later.effective))
    return f' <span class="kb-badge kb-badge--future">{e(when)}</span>'


def _coming_version(site: Site, clause: Clause) -> Version | None:
    """The next scheduled version of a clause in force today (SPEC §4), if any."""
    if rules.in_force(clause, site.today) is None:
        return None
    return rules.scheduled(clause, site.today)


def clause_section(site: Site, clause: Clause) -> str:
    t = site.t
    state = site.state(clause)
    shown = site.in_force(clause)
    meta = _meta(
        [
            badge(site, state),
            _labelled(site, "version", f"v{shown.version}"),
            _labelled(site, "effective", _iso(shown.effective)),
            _labelled(site, "expires", clause.expires and clause.expires.isoformat()),
        ]
    )
    supersedes = ""
    if clause.supersedes:
        links = ", ".join(_clause_link(site, cid) for cid in clause.supersedes)
        supersedes = f'<p class="kb-note">{e(t["supersedes"])}: {links}</p>'
    return (
        f'<section class="kb-clause kb-clause--{state}">'
        f'<h2 id="{e(clause.anchor)}"><span class="kb-id">{e(clause.id)}</span> '
        f"{e(clause.title)}</h2>{meta}{supersede_note(site, clause)}"
        f'<div class="kb-clause__text">{site.version_html(clause, shown)}</div>'
        f"{scheduled_block(site, clause, shown)}{supersedes}"
        f"{history(site, clause)}{cited_by(site, clause)}</section>"
    )


def scheduled_block(site: Site, clause: Clause, shown: Version) -> str:
    """SPEC §4: the text in force, and the scheduled text beside it with what changes."""
    later = _coming_version(site, clause)
    if later is None:
        return ""
    t = site.t
    when = _iso(later.effective)
    note = next((v.note for v in rules.versions(clause) if v.version == shown.version), None)
    head = (
        f'<span class="kb-badge kb-badge--future">{e(t["scheduled_from"].format(date=when))}'
        f"</span> <strong>{e(t['scheduled_version'].format(version=later.version))}</strong>"
        + (f' · <span class="kb-diff__note">{e(note)}</span>' if note else "")
    )
    diff = diff_html(site.plain(shown.text), site.plain(later.text))
    return (
        f'<div class="kb-scheduled" data-search-exclude><div class="kb-scheduled__head">{head}'
        f'</div><div class="kb-clause__text">{site.version_html(clause, later)}</div>'
        f'<div class="kb-diff"><div class="kb-diff__head">'
        f"{e(t['scheduled_diff'].format(old=shown.version))}</div>"
        f'<div class="kb-diff__body">{diff}</div></div>'
        f'<p class="kb-muted">{e(t["scheduled_hint"].format(date=when))}</p></div>'
    )


def _clause_link(site: Site, clause_id: str) -> str:
    clause = site.kb.clauses.get(clause_id)
    if clause is None:
        return f"<code>{e(clause_id)}</code>"
    return f'<a href="{site.clause_href(clause)}">{e(clause.id)} {e(clause.title)}</a>'


def history(site: Site, clause: Clause) -> str:
    """Each change, newest first, as a word-level diff with the owner's note."""
    if not clause.history:
        return ""
    t = site.t
    changes = []
    for old, new in rules.changes_of(clause):
        # `v2 → v3: note`: a note says what changed from its version to the next
        label = rules.change_label(old, new)
        coming = ""
        if new.effective and new.effective > site.today:
            coming = f' <span class="kb-badge kb-badge--future">{e(t["future"])}</span>'
        changes.append(
            f'<div class="kb-diff"><div class="kb-diff__head">{e(label)}{coming} · '
            f'<span class="kb-diff__note">{e(t["effective"])} {_iso(new.effective)}</span></div>'
            f'<div class="kb-diff__body">{diff_html(site.plain(old.text), site.plain(new.text))}'
            "</div></div>"
        )
    # each version's row says how it came about: `v1 → v2: note` on v2's row
    came = {
        (new.version, new.effective): rules.change_label(old, new)
        for old, new in rules.changes_of(clause)
    }
    rows = "".join(
        f"<tr><td>v{v.version or '?'}</td><td>{_iso(v.effective)}</td>"
        f"<td>{e(came.get((v.version, v.effective), ''))}</td></tr>"
        for v in rules.versions(clause)
    )
    table = (
        f'<div class="kb-table kb-table--compact"><table><thead><tr><th>{e(t["version"])}</th>'
        f"<th>{e(t['effective'])}</th><th>{e(t['changes'])}</th></tr></thead><tbody>{rows}"
        "</tbody></table></div>"
    )
    return (
        f'<details class="kb-history" data-search-exclude><summary>{e(t["history"])} · '
        f"{e(t['changes'])} ({len(changes)})</summary>{''.join(changes)}{table}</details>"
    )


def cited_by(site: Site, clause: Clause) -> str:
    t = site.t
    reliance = site.reliance.get(clause.id)
    answers = reliance.answers if reliance else []
    manuals = reliance.manuals if reliance else []
    if not answers and not manuals:
        return f'<p class="kb-muted kb-citedby">{e(t["cited_by_none"])}</p>'
    items = [
        f'<li><a href="{site.answer_href(a)}">{e(a.title)}</a>'
        + (f" {badge(site, 'draft')}" if a.status == "draft" else "")
        + "</li>"
        for a in sorted(answers, key=lambda a: (a.title, a.id))
    ]
    items += [
        f'<li><a href="{site.href(m.doc_path)}">{e(m.title)}</a> '
        f'<span class="kb-muted">({e(t["manual_pages"])})</span></li>'
        for m in manuals
    ]
    is_open = " open" if len(items) <= 8 else ""
    return (
        f'<details class="kb-citedby" data-search-exclude{is_open}><summary>'
        f"{e(t['cited_by'])} ({len(items)})</summary><ul>{''.join(items)}</ul></details>"
    )


def policies_index(site: Site) -> str:
    t = site.t
    rows = []
    for policy in sorted(site.kb.policies, key=lambda p: p.title):
        if not policy.id:
            continue
        states: dict[str, int] = {}
        for clause in policy.clauses:
            state = site.state(clause)
            states[state] = states.get(state, 0) + 1
        summary = " ".join(
            f'<span class="kb-badge kb-badge--{s}">{e(t[s])} {n}</span>'
            for s, n in sorted(states.items())
        )
        rows.append(
            f'<tr><td><a href="{site.href(site.policy_src(policy.id))}">{e(policy.title)}</a></td>'
            f'<td><code class="kb-id">{e(policy.id)}</code></td><td>{e(policy.owner)}</td>'
            f"<td>{summary}</td><td>{_review(site, policy.review_by)}</td></tr>"
        )
    return (
        f"<h1>{e(t['policies_index'])}</h1>"
        f'<div class="kb-table"><table><thead><tr><th>{e(t["nav_policies"])}</th>'
        f"<th>{e(t['policy_id'])}</th><th>{e(t['owner'])}</th><th>{e(t['clauses'])}</th>"
        f"<th>{e(t['review_by'])}</th></tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


# --- tags ---------------------------------------------------------------------


def tag_title(site: Site, tag: Tag) -> str:
    if tag.path == UNTAGGED:
        return site.t["untagged"]
    return " › ".join(t.name for t in tag.lineage())


def answer_item(site: Site, answer: Answer) -> str:
    _, text = site.answer_html(answer)
    preview = text.replace("\n", " ")
    preview = preview[:110] + ("…" if len(preview) > 110 else "")
    return (
        f'<li class="kb-item"><div class="kb-item__main">'
        f'<a class="kb-item__title" href="{site.answer_href(answer)}">{e(answer.title)}</a> '
        f'{answer_badges(site, answer)}<div class="kb-item__preview">{e(preview)}</div></div>'
        f"{copy_button(site, text, primary=False, warn=copy_warning(site, answer))}</li>"
    )


def answer_list(site: Site, answers: list[Answer]) -> str:
    return f'<ul class="kb-list">{"".join(answer_item(site, a) for a in answers)}</ul>'


def tag_page(site: Site, tag: Tag) -> tuple[str, TOC]:
    t = site.t
    crumbs = [f'<a href="{site.href(f"{site.tag_src(x)}")}">{e(x.name)}</a>' for x in tag.lineage()]
    trail = (
        f'<nav class="kb-crumbs"><a href="{site.href("tags/index.md")}">{e(t["all_tags"])}</a>'
        + "".join(f" › {c}" for c in crumbs[:-1])
        + "</nav>"
    )
    chips = "".join(
        f'<a class="kb-tag" href="{site.href(site.tag_src(c))}">{e(c.name)} '
        f'<span class="kb-count">{len(c.all_answers())}</span></a>'
        for c in tag.children
    )
    parts = [trail, f"<h1>{e(tag_title(site, tag))}</h1>"]
    if chips:
        parts.append(f'<div class="kb-chips">{chips}</div>')
    toc: TOC = []
    if tag.answers:
        parts.append(answer_list(site, tag.answers))
    total = len(tag.all_answers())
    if tag.children and total <= TAG_PAGE_LIMIT:
        for child in tag.children:
            anchor = "tag-" + child.slug.rsplit("/", 1)[-1].lower()
            toc.append((anchor, child.name))
            parts.append(
                f'<h2 id="{e(anchor)}"><a href="{site.href(site.tag_src(child))}">'
                f"{e(child.name)}</a></h2>{answer_list(site, child.all_answers())}"
            )
    elif tag.children:
        parts.append(f'<p class="kb-muted">{e(t["too_many"].format(n=total))}</p>')
    return f'<div class="kb-tagpage">{"".join(parts)}</div>', toc


def tags_index(site: Site) -> str:
    t = site.t

    def tree(tags: list[Tag]) -> str:
        items = "".join(
            f'<li><a href="{site.href(site.tag_src(x))}">{e(x.name)}</a> '
            f'<span class="kb-count">{len(x.all_answers())}</span>'
            f"{tree(x.children) if x.children else ''}</li>"
            for x in tags
        )
        return f'<ul class="kb-tree">{items}</ul>'

    roots = sorted((x for x in site.tags.values() if x.parent is None and x.path), key=_name)
    untagged = site.tags.get(UNTAGGED)
    extra = ""
    if untagged is not None:
        extra = (
            f'<p><a href="{site.href(site.tag_src(untagged))}">{e(t["untagged"])}</a> '
            f'<span class="kb-count">{len(untagged.answers)}</span></p>'
        )
    return f"<h1>{e(t['tags_index'])}</h1>{tree(roots)}{extra}"


def _name(tag: Tag) -> str:
    return tag.name


# --- home page ----------------------------------------------------------------


def home_block(site: Site, errors: int = 0) -> str:
    t = site.t
    current = sum(1 for c in site.kb.clauses.values() if site.state(c) == rules.CURRENT)
    stats = [
        (t["stat_answers"], len(site.answers), site.href("tags/index.md")),
        (t["stat_policies"], len(site.kb.policies), site.href("policies/index.md")),
        (t["stat_clauses"], current, site.href("policies/index.md")),
        (t["stat_tags"], len([x for x in site.tags if x]), site.href("tags/index.md")),
    ]
    cards = "".join(
        f'<a class="kb-stat" href="{href}"><span class="kb-stat__n">{n:,}</span>'
        f'<span class="kb-stat__label">{e(label)}</span></a>'
        for label, n, href in stats
    )
    banner = ""
    if errors:
        banner = (
            f'<div class="kb-alert kb-alert--error" role="alert">⚠ '
            f"{e(t['errors_banner'].format(n=errors))}</div>"
        )
    return (
        f'<div class="kb-home" data-search-exclude>{banner}'
        f'<h2 id="kb-stats" data-search-exclude>{e(t["home_stats"])} '
        f'<small class="kb-muted">{e(t["as_of"].format(date=site.today.isoformat()))}</small></h2>'
        f'<div class="kb-stats">{cards}</div>{reviews_due(site)}{recent_changes(site)}</div>'
    )


def home_toc(site: Site) -> TOC:
    t = site.t
    return [
        ("kb-stats", t["home_stats"]),
        ("kb-reviews", t["reviews_due"]),
        ("kb-recent", t["recent_changes"]),
    ]


def reviews_due(site: Site) -> str:
    t = site.t
    horizon = site.today + timedelta(days=REVIEW_WINDOW)
    due = [
        (p.review_by, t["kind_policy"], p.title, site.href(site.policy_src(p.id)))
        for p in site.kb.policies
        if p.id and p.review_by and p.review_by <= horizon
    ] + [
        (a.review_by, t["kind_answer"], a.title, site.answer_href(a))
        for a in site.answers
        if a.review_by and a.review_by <= horizon
    ]
    head = f'<h2 id="kb-reviews" data-search-exclude>{e(t["reviews_due"])}</h2>'
    if not due:
        return head + f'<p class="kb-muted">{e(t["reviews_none"])}</p>'
    rows = "".join(
        f'<tr><td>{_due(site, day)}</td><td>{e(kind)}</td><td><a href="{href}">{e(title)}</a>'
        f"</td></tr>"
        for day, kind, title, href in sorted(due, key=lambda d: (d[0], d[2]))[:50]
    )
    more = f'<p class="kb-muted">+{len(due) - 50}</p>' if len(due) > 50 else ""
    return (
        f'{head}<div class="kb-table kb-reviews"><table><thead><tr><th>{e(t["review_by"])}</th>'
        f"<th>{e(t['kind'])}</th><th>{e(t['title'])}</th></tr></thead><tbody>{rows}"
        f"</tbody></table></div>{more}"
    )


def _due(site: Site, day: date) -> str:
    days = (day - site.today).days
    if days < 0:
        tag = f'<span class="kb-badge kb-badge--expired">{e(site.t["overdue"])}</span>'
    elif days == 0:
        tag = f'<span class="kb-badge kb-badge--future">{e(site.t["due_today"])}</span>'
    else:
        tag = f'<span class="kb-badge kb-badge--future">{e(site.t["due_in"].format(n=days))}</span>'
    return f"{day.isoformat()} {tag}"


def _change_state(site: Site, clause: Clause) -> str:
    """A change dated after today is 시행 예정, even while an earlier version is in force."""
    if clause.effective and clause.effective > site.today:
        return rules.FUTURE
    return site.state(clause)


def recent_changes(site: Site, limit: int = 10) -> str:
    t = site.t
    start = site.today - timedelta(days=RECENT_DAYS)
    end = site.today + timedelta(days=REVIEW_WINDOW)
    recent = sorted(
        (c for c in site.kb.clauses.values() if c.effective and start <= c.effective <= end),
        key=lambda c: (c.effective, c.id),
        reverse=True,
    )[:limit]
    head = f'<h2 id="kb-recent" data-search-exclude>{e(t["recent_changes"])}</h2>'
    if not recent:
        return head + f'<p class="kb-muted">{e(t["recent_none"])}</p>'
    rows = "".join(
        f'<tr><td>{_iso(c.effective)}</td><td><a class="kb-id" href="{site.clause_href(c)}">'
        f"{e(c.id)}</a> {e(c.title)}</td><td>v{c.version}</td>"
        f"<td>{badge(site, _change_state(site, c))}</td>"
        f"<td>{e((c.history[0].note or '') if c.history else '')}</td></tr>"
        for c in recent
    )
    return (
        f'{head}<div class="kb-table kb-recent"><table><thead><tr><th>{e(t["effective"])}</th>'
        f"<th>{e(t['clause'])}</th><th>{e(t['version'])}</th><th>{e(t['status'])}</th>"
        f"<th>{e(t['changes'])}</th></tr></thead><tbody>{rows}</tbody></table></div>"
    )
