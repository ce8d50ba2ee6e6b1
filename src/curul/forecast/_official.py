"""Official first-round results (from ``curul.data``) and matching of poll names to official tickets."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from curul.data import fold, load


@dataclass(frozen=True)
class OfficialResult:
    candidate: str
    party: str
    share: float  # percent of valid votes


@cache
def official_first_round(year: int) -> tuple[OfficialResult, ...]:
    """Valid-vote shares of every ticket: votes over the sum of all tickets' votes (= valid votes)."""
    rows = [r for r in load("presidential-first-rounds").rows if r.year == year]
    total = sum(r.votes for r in rows)
    return tuple(
        OfficialResult(r.candidate, r.party, 100.0 * r.votes / total)
        for r in sorted(rows, key=lambda r: -r.votes)
    )


def _tokens(name: str) -> set[str]:
    return set(fold(name).replace("-", " ").split())


def match_official(name: str, party: str, results: tuple[OfficialResult, ...]) -> OfficialResult | None:
    """The official ticket of a poll candidate: every word of the poll's name in the official name
    (polls drop second surnames: 'Pedro Castillo' ~ 'Pedro Castillo Terrones'), else the same party."""
    words = _tokens(name)
    for r in results:
        if words and words <= _tokens(r.candidate):
            return r
    if party:
        for r in results:
            if fold(party).startswith(fold(r.party)):
                return r
    return None
