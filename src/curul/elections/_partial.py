"""The 2026 Congress: the partial count the bundle holds, the official seats, and the two compared.

No final vote count of the 2026 Congress election was found; the bundle holds ONPE's count at 85.92%
(Senate) / 85.991% (Deputies) of tallies on 11 May 2026. Seats computed from it are a reproduction on
partial data, so every result built on it carries its :class:`CountStage` and says "partial" wherever
it is shown. The official seats come from the member lists of 31 July 2026.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from curul.data import load
from curul.elections._systems import ElectoralSystem
from curul.errors import CurulError

PARTIAL_YEARS = (2026,)
PARTIAL_VOTES = "congress-2026-partial-district-votes"
# a system's chamber -> the contests (the datasets' `chamber`) it elects
CONTESTS = {"deputies": ("deputies",), "senate": ("senate_national", "senate_district")}
_SEATS = {
    "deputies": "congress-2026-deputies-district-seats",
    "senate": "congress-2026-senate-district-seats",
}


@dataclass(frozen=True)
class CountStage:
    """How far a count had got: ``stage`` ("85.991% of tallies"), the share of tallies counted, the
    date, and whether it is partial (the bundled 2026 count always is)."""

    stage: str
    tallies_counted_pct: float
    date: dt.date
    dataset: str
    sources: tuple[str, ...]
    partial: bool = True

    @property
    def label(self) -> str:
        """``85.991% of tallies, 11 May 2026 — partial``."""
        day = f"{self.date.day} {self.date:%B %Y}"
        return f"{self.stage}, {day}" + (" — partial" if self.partial else "")

    def as_dict(self) -> dict[str, Any]:
        return {
            "stage": self.stage,
            "tallies_counted_pct": self.tallies_counted_pct,
            "date": self.date.isoformat(),
            "partial": self.partial,
            "label": self.label,
            "dataset": self.dataset,
            "sources": list(self.sources),
        }


def _contests(system: ElectoralSystem) -> tuple[str, ...]:
    if system.year not in PARTIAL_YEARS or system.chamber not in CONTESTS:
        years = ", ".join(str(y) for y in PARTIAL_YEARS)
        raise CurulError(
            f"no bundled partial count for {system.name} (year {system.year}, chamber {system.chamber}); "
            f"partial counts are bundled for the Senate and the Chamber of Deputies of {years}"
        )
    return CONTESTS[system.chamber]


def partial_votes(system: ElectoralSystem) -> tuple[dict[str, dict[str, int]], CountStage]:
    """The bundled partial count for ``system``'s chamber: votes per district (the system's spelling)
    and list, and the stage of the count."""
    contests = _contests(system)
    dataset = load(PARTIAL_VOTES)
    rows = [r for r in dataset.rows if r.chamber in contests and r.kind == "list"]
    votes: dict[str, dict[str, int]] = {}
    for row in rows:
        district = system.district(row.district)
        if district is None:
            raise CurulError(
                f"{system.name}: district {row.district!r} of {PARTIAL_VOTES} is not in the system"
            )
        votes.setdefault(district, {})[row.party] = row.votes
    stages = {(r.stage, r.tallies_counted_pct, r.date) for r in rows}
    if len(stages) != 1:
        raise CurulError(f"{PARTIAL_VOTES}: the {system.chamber} rows hold more than one counting stage")
    ((stage, counted, date),) = stages
    sources = tuple(dict.fromkeys(r.source for r in rows))
    return votes, CountStage(stage, counted, date, PARTIAL_VOTES, sources)


def official_seats_2026(system: ElectoralSystem) -> dict[str, dict[str, int]]:
    """The official 2026 seats per district (the system's spelling) and list (as named on the ballot)."""
    _contests(system)
    seats: dict[str, dict[str, int]] = {}
    for row in load(_SEATS[system.chamber]).rows:
        district = system.district(row.district)
        if district is None:
            raise CurulError(f"{system.name}: official district {row.district!r} is not in the system")
        seats.setdefault(district, {})[row.ballot_name] = row.seats
    return seats
