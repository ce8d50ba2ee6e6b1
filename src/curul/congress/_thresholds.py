"""Turn a threshold (a number of votes, or a procedure id of the constitution engine) into a vote count,
with the arithmetic behind it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Quota:
    """Votes a motion needs, and where that number came from."""

    votes: int
    procedure: str | None = None
    arithmetic: str = ""
    rule_id: str = ""
    article: str = ""
    sources: tuple[str, ...] = field(default_factory=tuple)

    def as_dict(self) -> dict[str, object]:
        return {
            "votes": self.votes,
            "procedure": self.procedure,
            "arithmetic": self.arithmetic,
            "rule_id": self.rule_id,
            "article": self.article,
            "sources": list(self.sources),
        }


def resolve_threshold(
    text: str,
    *,
    date: dt.date | None = None,
    chamber: str | None = None,
    habiles: int | None = None,
    present: int | None = None,
) -> Quota:
    """A whole number is taken as is; anything else is a procedure id of the constitution engine."""
    text = text.strip()
    if text.isdigit():
        return Quota(int(text), arithmetic=f"given: {int(text)}")
    # The engine (a layer below) is imported on use: it loads its regimes and numpy, which a game
    # with a given number of votes does not need.
    from curul.constitution import votes_needed

    result = votes_needed(text, date=date, chamber=chamber, habiles=habiles, present=present)
    return Quota(
        result.votes,
        text,
        result.arithmetic,
        result.rule_id,
        result.article,
        tuple(result.sources),
    )
