"""What relies on a clause: the answers and manual pages that cite it.

Both `cites` and inline `[[CLAUSE]]` references count. Retired answers are
left out: they are not published, so a change cannot touch them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..load import nfc
from ..model import KB, Answer, Manual


@dataclass
class Reliance:
    answers: list[Answer] = field(default_factory=list)
    manuals: list[Manual] = field(default_factory=list)

    def to_dict(self, clause_id: str) -> dict:
        return {
            "clause": clause_id,
            "answers": [a.id for a in self.answers],
            "manuals": [nfc(m.doc_path) for m in self.manuals],
        }


def reliance_index(kb: KB) -> dict[str, Reliance]:
    """Clause id -> what relies on it, each answer and manual listed once."""
    index: dict[str, Reliance] = {}
    for answer in kb.published_answers():
        for clause_id in _clause_ids(answer.cites + answer.refs):
            index.setdefault(clause_id, Reliance()).answers.append(answer)
    for manual in kb.manuals:
        for clause_id in _clause_ids(manual.refs):
            index.setdefault(clause_id, Reliance()).manuals.append(manual)
    return index


def relying_on(kb: KB, clause_id: str) -> Reliance:
    return reliance_index(kb).get(clause_id, Reliance())


def _clause_ids(citations) -> list[str]:
    return list(dict.fromkeys(c.clause_id for c in citations if c.clause_id))
