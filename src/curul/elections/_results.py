"""Official Congress results summarised nationally, from the bundled district or national datasets."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from fractions import Fraction

from curul.data import fold, load
from curul.errors import CurulError

DISTRICT_YEARS = (2001, 2006, 2011, 2016)
NATIONAL_YEARS = (2021,)


@dataclass(frozen=True)
class PartyResult:
    party: str
    votes: int
    share: Fraction  # of national valid votes
    seats: int


@dataclass(frozen=True)
class CongressResults:
    """A Congress election as officially counted: national votes and seats per list, and the totals."""

    year: int
    level: str  # "district" when per-district figures are bundled, "national" otherwise
    districts: int | None
    parties: tuple[PartyResult, ...]
    valid: int
    blank: int
    null: int
    emitted: int
    electors: int | None
    sources: tuple[str, ...]

    @property
    def seats(self) -> int:
        return sum(p.seats for p in self.parties)


def congress_years() -> tuple[int, ...]:
    return DISTRICT_YEARS + NATIONAL_YEARS


def congress_results(year: int) -> CongressResults:
    """National summary of the official Congress results of ``year``."""
    if year in DISTRICT_YEARS:
        votes = load(f"congress-{year}-district-votes")
        seats = load(f"congress-{year}-district-seats")
        totals = load(f"congress-{year}-district-totals")
        electors: int | None = sum(r.electors for r in totals.rows)
        districts: int | None = len(totals.rows)
        level = "district"
    elif year in NATIONAL_YEARS:
        votes = load(f"congress-{year}-national-votes")
        seats = load(f"congress-{year}-national-seats")
        totals = load(f"congress-{year}-national-totals")
        electors, districts, level = None, None, "national"
    else:
        known = ", ".join(str(y) for y in congress_years())
        raise CurulError(f"no bundled Congress results for {year}; bundled years: {known}")
    party_votes: dict[str, int] = defaultdict(int)
    names: dict[str, str] = {}
    for row in votes.rows:
        party_votes[fold(row.party)] += row.votes
        names.setdefault(fold(row.party), row.party)
    party_seats: dict[str, int] = defaultdict(int)
    for row in seats.rows:
        party_seats[fold(row.party)] += row.seats
        names.setdefault(fold(row.party), row.party)
    valid = sum(r.valid for r in totals.rows)
    parties = sorted(
        (
            PartyResult(
                names[k], party_votes.get(k, 0), Fraction(party_votes.get(k, 0), valid), party_seats.get(k, 0)
            )
            for k in names
        ),
        key=lambda p: (-p.seats, -p.votes, p.party),
    )
    sources = tuple(dict.fromkeys(votes.sources + seats.sources + totals.sources))
    return CongressResults(
        year=year,
        level=level,
        districts=districts,
        parties=tuple(parties),
        valid=valid,
        blank=sum(r.blank for r in totals.rows),
        null=sum(r.null for r in totals.rows),
        emitted=sum(r.emitted for r in totals.rows),
        electors=electors,
        sources=sources,
    )
