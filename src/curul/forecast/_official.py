"""Official results a backtest scores against, and matching of poll names to official tickets.

2016 and 2021: every ticket's votes (``presidential-first-rounds`` in ``curul.data``) and the Congress
seats (``curul.elections.congress_results``). 2026: only the nine tickets with at least 3% of valid
votes are known, with the valid-vote total their percentages imply (``presidential-2026-first-round``),
and the seats of each chamber per party (``congress-2026-seats``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from curul.data import fold, load

# First rounds of which only some tickets are known: the dataset, with each row's implied valid total.
PARTIAL_FIRST_ROUNDS = {2026: "presidential-2026-first-round"}
# Chambers (and the Senate's two parts) as ``congress-2026-seats`` names them -> the forecast's names.
CHAMBERS_2026 = {
    "senate_national": "senate-national",
    "senate_district": "senate-districts",
    "senate": "senate",
    "deputies": "deputies",
}


@dataclass(frozen=True)
class OfficialResult:
    candidate: str
    party: str
    share: float  # percent of valid votes


@cache
def official_first_round(year: int) -> tuple[OfficialResult, ...]:
    """Valid-vote shares of the tickets, by votes: each ticket's votes over the valid votes.

    Where every ticket is known (2016, 2021) the valid votes are the tickets' sum. 2026 lists only the
    tickets with at least 3%: the valid total is the one its first row's percentage implies (the
    most significant digits; every row's rounding allows 16,737,985-16,738,785, and it is inside).
    """
    if year in PARTIAL_FIRST_ROUNDS:
        partial = sorted(load(PARTIAL_FIRST_ROUNDS[year]).rows, key=lambda r: -r.votes)
        total = partial[0].implied_total_valid
        return tuple(OfficialResult(r.candidate, r.party, 100.0 * r.votes / total) for r in partial)
    known = [r for r in load("presidential-first-rounds").rows if r.year == year]
    valid = sum(r.votes for r in known)
    return tuple(
        OfficialResult(r.candidate, r.party, 100.0 * r.votes / valid)
        for r in sorted(known, key=lambda r: -r.votes)
    )


@cache
def official_seats_2026() -> dict[str, dict[str, int]]:
    """Seats per party of the 2026 Congress: ``senate`` (60) and its parts ``senate-national`` (30) and
    ``senate-districts`` (30), and ``deputies`` (130), from the official member lists (31 July 2026)."""
    out: dict[str, dict[str, int]] = {}
    for row in load("congress-2026-seats").rows:
        out.setdefault(CHAMBERS_2026[row.chamber], {})[row.party] = row.seats
    return out


def _tokens(name: str) -> set[str]:
    return set(fold(name).replace("-", " ").split())


def match_official(name: str, party: str, results: tuple[OfficialResult, ...]) -> OfficialResult | None:
    """The official ticket of a poll candidate: every word of the poll's name in the official name
    (polls drop second surnames: 'Pedro Castillo' ~ 'Pedro Castillo Terrones'), else the same party,
    else the only ticket with all the poll name's surnames (polls shorten given names: 'Marisol Perez
    Tello' ~ 'Maria Soledad Perez Tello')."""
    words = _tokens(name)
    for r in results:
        if words and words <= _tokens(r.candidate):
            return r
    if party:
        for r in results:
            if fold(party).startswith(fold(r.party)):
                return r
    surnames = set(fold(name).replace("-", " ").split()[1:])
    if len(surnames) >= 2:
        found = [r for r in results if surnames <= _tokens(r.candidate)]
        if len(found) == 1:
            return found[0]
    return None
