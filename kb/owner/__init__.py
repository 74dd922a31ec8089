"""The policy owners' and trainers' commands: look, change, review, report.

`show` and `impact` read; `edit` and `scaffold` write files (keeping comments
and order); `gitrev` reads earlier revisions from git; `changes` and `upkeep`
build the monthly training pack and the upkeep report.
"""
