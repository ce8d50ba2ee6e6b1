"""Apportionment of a chamber's seats to districts: fixed seats first, the rest by electorate.

For the 2026 Chamber of Deputies (JNE Res. 0053-2025-JNE, under LOE art. 21 as amended by Ley 32245):
one seat per district, two for Peruvians abroad (and no more), then 102 seats in proportion to the
electorate of the other 26 districts. The resolution's text on the proportional rule was not found; a
largest-remainder (Hare) split reproduces the published magnitudes (see docs/elections.md).
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources

from curul.elections._allocation import Allocation, TieBreak, allocate
from curul.errors import CurulError

ABROAD = "PERUANOS RESIDENTES EN EL EXTRANJERO"
DEPUTIES_2026_LAW = "JNE Res. 0053-2025-JNE; LOE art. 21 as amended by Ley 32245"


@dataclass(frozen=True)
class Apportionment:
    """Seats per district: the fixed part, the proportional part, and the allocation behind it."""

    fixed: Mapping[str, int]
    proportional: Allocation

    @property
    def seats(self) -> dict[str, int]:
        return {
            d: self.fixed.get(d, 0) + self.proportional.seats.get(d, 0)
            for d in dict.fromkeys([*self.fixed, *self.proportional.seats])
        }


def apportion(
    electorate: Mapping[str, int],
    seats: int,
    fixed: Mapping[str, int],
    method: str = "hare",
    *,
    tie_break: TieBreak = None,
) -> Apportionment:
    """Give each district its ``fixed`` seats, then split ``seats`` among ``electorate``'s districts."""
    missing = [d for d, n in electorate.items() if n is None]
    if missing:
        raise CurulError(f"electorate missing for {', '.join(missing)}")
    return Apportionment(dict(fixed), allocate(dict(electorate), seats, method, tie_break=tie_break))


@dataclass(frozen=True)
class Electorate:
    electors: Mapping[str, int | None]
    sources: Mapping[str, str]

    @property
    def missing(self) -> list[str]:
        return [d for d, n in self.electors.items() if n is None]


def electorate_2026() -> Electorate:
    """The electorate per district behind the 2026 apportionment, as far as it could be sourced."""
    text = resources.files("curul.elections").joinpath("electorate_2026.csv").read_text(encoding="utf-8")
    electors: dict[str, int | None] = {}
    sources: dict[str, str] = {}
    for row in csv.DictReader(text.splitlines()):
        electors[row["district"]] = int(row["electors"]) if row["electors"] else None
        sources[row["district"]] = row["source"]
    return Electorate(electors, sources)


def apportion_deputies_2026(electorate: Mapping[str, int]) -> Apportionment:
    """2026 Deputies: 1 seat per district (abroad 2), then 102 by electorate (Hare largest remainder).

    ``electorate`` maps the 26 domestic districts to their electors; the abroad district takes no part
    in the proportional step.
    """
    domestic = {d: n for d, n in electorate.items() if d != ABROAD}
    if len(domestic) != 26:
        raise CurulError(f"the 2026 apportionment needs the electorate of 26 districts, got {len(domestic)}")
    fixed = {d: 1 for d in domestic} | {ABROAD: 2}
    return apportion(domestic, 130 - sum(fixed.values()), fixed)
