"""Render a check report as compiler-style text, JSON or GitHub annotations."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from .messages import t
from .textsafe import shown

if TYPE_CHECKING:  # importing the checker costs start-up time in every command
    from .check import Report

FORMATS = ("text", "json", "github")


def summary(report: Report) -> str:
    counts = report.counts
    return t(
        "report.summary",
        errors=counts["error"],
        warnings=counts["warning"],
        files=report.files,
        as_of=report.as_of,
    )


def as_text(report: Report) -> str:
    # A file name or a value may hold a newline or an escape sequence: never raw.
    lines = [
        f"{shown(f.shown_path)}:{f.line}: {f.severity}: {f.code} {shown(f.message)}"
        for f in report.findings
    ]
    lines.append(summary(report))
    return "\n".join(lines)


def _escape(value: str, property_value: bool = False) -> str:
    # GitHub's workflow-command escaping: data escapes %, CR, LF; properties also : and ,
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return shown(value)  # what is left of the controls (an ANSI escape) is shown, not run


def as_github(report: Report) -> str:
    lines = []
    for f in report.findings:
        level = "error" if f.severity == "error" else "warning"
        props = f"file={_escape(f.shown_path, True)},line={f.line},title={_escape(f.code, True)}"
        lines.append(f"::{level} {props}::{_escape(f.code + ' ' + f.message)}")
    lines.append(summary(report))
    return "\n".join(lines)


def as_json(report: Report) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2)


def render(report: Report, fmt: str) -> str:
    return {"text": as_text, "json": as_json, "github": as_github}[fmt](report)
