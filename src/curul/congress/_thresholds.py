"""Turn a threshold (a number of votes, or a procedure id of the constitution engine) into a vote count,
with the arithmetic behind it.

A procedure asked for in a named chamber (the Senate or the Chamber of Deputies of the bicameral
Congress, or a chamber given explicitly) also keeps the chamber, the regime, whether the rule is
confirmed, and what the share is counted on: with two chambers the same procedure id means different
rules (``vacancy.approval`` is B4 in the Chamber of Deputies, B5 in the Senate), so the answer must say
which one it applied.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from curul.report import Line, Span

#: The chambers as people name them.
CHAMBER_NAMES = {"congress": "Congress", "senate": "Senate", "deputies": "Chamber of Deputies"}


@dataclass(frozen=True)
class Quota:
    """Votes a motion needs, and where that number came from.

    ``chamber`` is set when the threshold is a procedure evaluated for a named chamber; ``regime``,
    ``confirmed``, ``base`` (``legal_number``, ``habiles``, ``present`` or none for a fixed number),
    ``base_value`` and ``basis`` (what the base counts, in words) come with it.
    """

    votes: int
    procedure: str | None = None
    arithmetic: str = ""
    rule_id: str = ""
    article: str = ""
    sources: tuple[str, ...] = field(default_factory=tuple)
    chamber: str | None = None
    regime: str = ""
    confirmed: bool | None = None
    base: str | None = None
    base_value: int | None = None
    basis: str = ""

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "votes": self.votes,
            "procedure": self.procedure,
            "arithmetic": self.arithmetic,
            "rule_id": self.rule_id,
            "article": self.article,
            "sources": list(self.sources),
        }
        if self.chamber is not None:
            out |= {
                "chamber": self.chamber,
                "regime": self.regime,
                "confirmed": self.confirmed,
                "base": self.base,
                "base_value": self.base_value,
                "basis": self.basis,
            }
        return out

    def explained(self) -> list[Line]:
        """Lines for people: the rule, its article, the chamber, the confirmed flag, the basis and the
        sources (empty unless the threshold is a procedure of a named chamber)."""
        if self.chamber is None:
            return []
        flag = Span("confirmed", "ok") if self.confirmed else Span("UNCONFIRMED", "warn")
        head: list[str | Span] = [
            f"{self.procedure} in the {CHAMBER_NAMES.get(self.chamber, self.chamber)} ({self.regime}): "
            f"rule {self.rule_id}, {self.article}, ",
            flag,
            f": {self.arithmetic}",
        ]
        lines = [Line.of(head)]
        if self.basis:
            lines.append(Line.of(f"  {self.basis}"))
        lines += [Line.of(Span(f"  source: {s}", "dim"), "soft") for s in self.sources]
        return lines


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
    quota = Quota(
        result.votes,
        text,
        result.arithmetic,
        result.rule_id,
        result.article,
        tuple(result.sources),
    )
    if chamber is None:
        return quota
    return replace(
        quota,
        chamber=result.chamber,
        regime=result.regime,
        confirmed=result.confirmed,
        base=result.base,
        base_value=result.base_value,
    )
