"""Computed seats against the official ones, district by district: the oracle check, as a result.

Party names are compared folded (case and accents aside): the official seat files and the vote files
spell some lists differently.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from curul.data import fold
from curul.elections._margins import SeatSwap
from curul.report import Column, Line, Presentable, Report, Span, Table

if TYPE_CHECKING:
    import pandas as pd

Seats = Mapping[str, Mapping[str, int]]  # district -> list -> seats


@dataclass(frozen=True)
class SeatDifference:
    """One list in one district whose computed seats differ from the official ones."""

    district: str
    party: str
    official: int
    computed: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "district": self.district,
            "party": self.party,
            "official": self.official,
            "computed": self.computed,
        }


@dataclass(frozen=True)
class OfficialComparison(Presentable):
    """How computed seats compare with the official ones: national official seats, the districts that
    match, and every difference."""

    seats: Mapping[str, int]  # official seats nationally, most first
    districts: int
    districts_matching: int
    differences: tuple[SeatDifference, ...]
    official: Mapping[str, Mapping[str, int]] = field(default_factory=dict)  # per district
    swaps: tuple[SeatSwap, ...] | None = None  # each differing seat paired, when explained

    @property
    def differing_districts(self) -> list[str]:
        """The districts whose computed seats differ from the official ones, in the system's order."""
        return list(dict.fromkeys(d.district for d in self.differences))

    @property
    def matches(self) -> bool:
        return not self.differences

    @classmethod
    def of(
        cls, districts: tuple[str, ...], computed: Seats, official: Seats, parties: list[str]
    ) -> OfficialComparison:
        """Compare ``computed`` with ``official`` seats over ``districts``; ``parties`` gives the computed
        spelling of each list."""
        names = {fold(p): p for p in parties}
        differences = []
        matching = 0
        for district in districts:
            ours = {fold(p): n for p, n in computed[district].items() if n}
            theirs = {fold(p): n for p, n in official.get(district, {}).items() if n}
            if ours == theirs:
                matching += 1
            for key in sorted(set(ours) | set(theirs)):
                if ours.get(key, 0) != theirs.get(key, 0):
                    differences.append(
                        SeatDifference(district, names.get(key, key), theirs.get(key, 0), ours.get(key, 0))
                    )
        national: dict[str, int] = {}
        for row in official.values():
            for party, n in row.items():
                national[party] = national.get(party, 0) + n
        ranked = dict(sorted(national.items(), key=lambda item: (-item[1], item[0])))
        per_district = {d: dict(official.get(d, {})) for d in districts}
        return cls(ranked, len(districts), matching, tuple(differences), per_district)

    def official_seats(self, party: str) -> int:
        """Official national seats of ``party`` (any spelling)."""
        folded = {fold(p): n for p, n in self.seats.items()}
        return folded.get(fold(party), 0)

    def as_dict(self) -> dict[str, Any]:
        return {
            "seats": dict(self.seats),
            "districts": self.districts,
            "districts_matching": self.districts_matching,
            "matches": self.matches,
            "differences": [d.as_dict() for d in self.differences],
        } | ({} if self.swaps is None else {"swaps": [s.as_dict() for s in self.swaps]})

    def to_frame(self) -> pd.DataFrame:
        """One row per difference: district, list, official and computed seats."""
        import pandas as pd

        columns = ["district", "party", "official", "computed"]
        return pd.DataFrame([d.as_dict() for d in self.differences], columns=columns)

    def lines(self) -> list[Line]:
        verdict = Span("reproduced", "ok") if self.matches else Span("differs", "bad")
        head: list[str | Span] = [
            "official seats: ",
            verdict,
            f" in {self.districts_matching} of {self.districts} districts",
        ]
        if self.swaps is not None and not self.matches:  # explained: say which districts differ
            differing = self.differing_districts
            head = ["official seats: ", Span("reproduced", "ok"), head[2]]
            head += ["; ", Span(f"they differ in {len(differing)}", "bad"), f": {', '.join(differing)}"]
        lines = [Line.of(head)] + [
            Line.of(f"  {d.district}: {d.party} official {d.official}, computed {d.computed}")
            for d in self.differences
        ]
        return lines + [Line.of([Span("  differs: ", "warn"), s.text()]) for s in self.swaps or ()]

    def report(self) -> Report:
        table = Table.build(
            ["list", Column("official seats", align="right")],
            [[p, str(n)] for p, n in self.seats.items()],
            title="Official seats",
        )
        return Report.of(table, *self.lines())
