"""The elections the forecast knows (``elections.toml``): dates, candidate exits, Congress systems."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib import resources

from curul.errors import ArgumentError
from curul.forecast._polls import Poll, PollRow, group_polls, parse_polls

BLACKOUT_DAYS = 7


@dataclass(frozen=True)
class Exit:
    candidate: str
    date: date
    source: str
    # Whether the candidate's party kept its Congress lists on the ballot (Acuña's APP in 2016 did,
    # Guzmán's Todos por el Perú did not): such a list is still simulated, on the pre-exit polls.
    congress_list: bool = False


@dataclass(frozen=True)
class Unconfirmed:
    """A poll wave a forecast leaves out unless asked: its figures lack a primary source, and a
    source casts doubt on them (``elections.toml`` gives the reason and where it is recorded)."""

    round: int
    pollster: str
    field_start: date
    field_end: date
    reason: str
    source: str

    def matches(self, poll: Poll) -> bool:
        row = poll.first
        return (row.round, row.pollster, row.field_start, row.field_end) == (
            self.round,
            self.pollster,
            self.field_start,
            self.field_end,
        )


@dataclass(frozen=True)
class Election:
    name: str
    first_round: date
    runoff: date
    official_year: int | None
    congress: tuple[str, ...]
    exits: tuple[Exit, ...]
    date_source: str
    unconfirmed: tuple[Unconfirmed, ...] = ()
    # Whether this election's polling misses calibrate the error scale of the others (its own
    # forecast never uses them): see ``calibrate`` and docs/forecast.md.
    calibrates: bool = True

    @property
    def default_cutoff(self) -> date:
        """Last day polls may be published: one week before the vote (the blackout starts after it)."""
        return self.first_round - timedelta(days=BLACKOUT_DAYS)

    @property
    def runoff_cutoff(self) -> date:
        """Last day runoff polls may be published: one week before the runoff."""
        return self.runoff - timedelta(days=BLACKOUT_DAYS)

    def simulation_steps(self, sims: int, congress: bool = True) -> int:
        """The progress a run of ``sims`` simulations reports in all (the total of a progress bar): one
        step per presidential draw, and as many again per chamber when Congress is simulated."""
        return sims * (1 + (len(self.congress) if congress else 0))


@cache
def elections() -> dict[str, Election]:
    text = resources.files("curul.forecast").joinpath("elections.toml").read_text(encoding="utf-8")
    raw = tomllib.loads(text)
    return {
        name: Election(
            name=name,
            first_round=spec["first_round"],
            runoff=spec["runoff"],
            official_year=spec.get("official_year"),
            congress=tuple(spec.get("congress", ())),
            exits=tuple(
                Exit(e["candidate"], e["date"], e["source"], e.get("congress_list", False))
                for e in spec.get("exits", ())
            ),
            date_source=spec["date_source"],
            unconfirmed=tuple(
                Unconfirmed(
                    u["round"], u["pollster"], u["field_start"], u["field_end"], u["reason"], u["source"]
                )
                for u in spec.get("unconfirmed", ())
            ),
            calibrates=spec.get("calibrates", True),
        )
        for name, spec in raw.items()
    }


def get_election(name: str) -> Election:
    """The election called ``name``; an unknown name is an error on the argument ``election``."""
    known = elections()
    if name not in known:
        raise ArgumentError("election", f"unknown election {name!r} (known: {', '.join(known)})")
    return known[name]


@cache
def bundled_rows(election: str, round_: int = 1) -> tuple[PollRow, ...]:
    """The curated poll file bundled for an election and round (empty when there is none)."""
    resource = resources.files("curul.forecast").joinpath("polls", f"{election}-r{round_}.csv")
    if not resource.is_file():
        return ()
    return parse_polls(resource.read_text(encoding="utf-8"), f"curul/forecast/polls/{election}-r{round_}.csv")


def polls_until(rows: tuple[PollRow, ...], cutoff: date, round_: int = 1) -> tuple[Poll, ...]:
    """Waves of a round published on or before the cutoff."""
    return tuple(p for p in group_polls(r for r in rows if r.round == round_) if p.publication_date <= cutoff)
