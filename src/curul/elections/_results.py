"""Official Congress results summarised nationally, from the bundled district or national datasets."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from curul.data import fold, load
from curul.errors import CurulError
from curul.report import Column, Line, Presentable, Report, Row, Span, Table

if TYPE_CHECKING:
    import pandas as pd

DISTRICT_YEARS = (2001, 2006, 2011, 2016)
NATIONAL_YEARS = (2021,)


@dataclass(frozen=True)
class PartyResult:
    party: str
    votes: int
    share: Fraction  # of national valid votes
    seats: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "party": self.party,
            "votes": self.votes,
            "pct_valid": round(float(self.share) * 100, 3),
            "seats": self.seats,
        }


@dataclass(frozen=True)
class CongressResults(Presentable):
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

    def as_dict(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "chamber": "congress",
            "level": self.level,
            "districts": self.districts,
            "seats": self.seats,
            "electors": self.electors,
            "emitted": self.emitted,
            "valid": self.valid,
            "blank": self.blank,
            "null": self.null,
            "parties": [p.as_dict() for p in self.parties],
            "sources": list(self.sources),
        }

    def to_frame(self) -> pd.DataFrame:
        """One row per list: national votes, % of valid votes, seats (most seats first)."""
        import pandas as pd

        return pd.DataFrame([p.as_dict() for p in self.parties]).set_index("party")

    def report(self) -> Report:
        where = f"{self.districts} districts" if self.districts else "national figures only"
        shown = [p for p in self.parties if p.seats or p.share >= 0.01]
        hidden = [p for p in self.parties if not p.seats and p.share < 0.01]
        cells = [[p.party, f"{p.votes:,}", f"{float(p.share) * 100:.2f}", str(p.seats)] for p in shown]
        if hidden:  # lists under 1% without seats, summed in one row
            votes = sum(p.votes for p in hidden)
            share = f"{votes / self.valid * 100:.2f}"
            cells.append([f"{len(hidden)} other lists (< 1% each)", f"{votes:,}", share, "0"])
        rows = [_row(c, end_section=i == len(cells) - 1) for i, c in enumerate(cells)]
        rows.append(_row(["total", f"{self.valid:,}", "100.00", str(self.seats)], style="bold"))
        right = [Column(h, align="right") for h in ("votes", "% valid", "seats")]
        title = f"Congress {self.year}: official results ({where})"
        counts = f"valid {self.valid:,} + blank {self.blank:,} + null {self.null:,}"
        electors = f" of {self.electors:,} electors" if self.electors else ""
        return Report.of(
            Table.build(["list", *right], rows, title=title),
            Line.of(f"{counts} = emitted {self.emitted:,}{electors}"),
        )


def _row(cells: list[str], style: str = "", end_section: bool = False) -> Row:
    return Row(tuple((Span(c),) for c in cells), style, end_section)


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
