"""Apportionment of a chamber's seats to districts: fixed seats first, the rest by electorate.

The rule is data: a system file's ``[apportionment]`` table (read by :func:`parse_apportionment` when the
system loads) gives the law, the seats every district has whatever its size, the districts that have
fixed seats only, the seats split by electorate and the method of that split. For the 2026 Chamber of
Deputies (JNE Res. 0053-2025-JNE, under LOE art. 21 as amended by Ley 32245) that is one seat per
district, two for Peruvians abroad (and no more), then 102 seats in proportion to the electorate of the
other 26 districts by largest remainder (Hare) — the reading that reproduces the published magnitudes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from curul.data import fold
from curul.elections._allocation import Allocation, TieBreak, allocate, check_method
from curul.errors import CurulError
from curul.report import Column, Presentable, Report, Table

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class Apportionment(Presentable):
    """Seats per district: the fixed part, the proportional part, and the allocation behind it."""

    fixed: Mapping[str, int]
    proportional: Allocation

    @property
    def seats(self) -> dict[str, int]:
        return {
            d: self.fixed.get(d, 0) + self.proportional.seats.get(d, 0)
            for d in dict.fromkeys([*self.fixed, *self.proportional.seats])
        }

    @property
    def quota(self) -> Fraction | None:
        return self.proportional.quota

    def ranked(self) -> list[str]:
        """Districts, most seats first."""
        total = self.seats
        return sorted(total, key=lambda d: (-total[d], d))

    def as_dict(self) -> dict[str, Any]:
        return {
            "seats": self.seats,
            "fixed": dict(self.fixed),
            "proportional": dict(self.proportional.seats),
            "quota": None if self.quota is None else float(self.quota),
            "ties": [t.as_dict() for t in self.proportional.ties],
        }

    def to_frame(self) -> pd.DataFrame:
        """One row per district, most seats first: electors, fixed seats, seats by electorate, total."""
        import pandas as pd

        electors, split, total = self.proportional.votes, self.proportional.seats, self.seats
        rows = [(d, electors.get(d), self.fixed.get(d, 0), split.get(d, 0), total[d]) for d in self.ranked()]
        columns = ["district", "electors", "fixed", "by_electorate", "total"]
        return pd.DataFrame(rows, columns=columns).set_index("district")

    def rule_line(self) -> str:
        """The split's divisor in words: the quota (largest remainder) or the cifra (divisor methods)."""
        split = self.proportional
        if split.quota is not None:
            name = "Hare quota" if split.method == "hare" else "Droop quota"
            return f"{name} {float(split.quota):,.1f} electors per seat"
        return f"cifra {float(split.cifra or 0):,.1f} electors per seat"

    def row(self, district: str) -> list[str]:
        """A district's cells: electors (— when it takes no part in the split), fixed, split, total."""
        electors = self.proportional.votes.get(district)
        return [
            district,
            f"{electors:,}" if electors else "—",
            str(self.fixed.get(district, 0)),
            str(self.proportional.seats.get(district, 0)),
            str(self.seats[district]),
        ]

    def report(self) -> Report:
        right = [Column(h, align="right") for h in ("electors", "fixed", "by electorate", "total")]
        rows = [self.row(d) for d in self.ranked()]
        table = Table.build(["district", *right], rows, title="Seats per district")
        return Report.of(table, self.rule_line(), *(t.line() for t in self.proportional.ties))


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
class ApportionmentRule:
    """A system's ``[apportionment]`` table: how its magnitudes follow from the electorate.

    Every district has ``seats_per_district`` seats; the districts of ``fixed_only`` have the seats given
    there and take no part in the split; ``by_electorate`` seats are split among the others by ``method``.
    """

    law: str
    method: str
    seats_per_district: int
    by_electorate: int
    fixed_only: Mapping[str, int]
    districts: tuple[str, ...]  # every district of the system, in its order
    year: int
    published_in: str = ""  # the act that published the magnitudes the rule should reproduce
    sources: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def proportional_districts(self) -> tuple[str, ...]:
        """The districts that share the seats split by electorate."""
        return tuple(d for d in self.districts if d not in self.fixed_only)

    def apply(self, electorate: Mapping[str, int], *, tie_break: TieBreak = None) -> Apportionment:
        """The seats of each district for ``electorate`` (electors of the districts that share the split;
        any figure given for a fixed-only district is ignored)."""
        domestic = {d: n for d, n in electorate.items() if d not in self.fixed_only}
        wanted = len(self.proportional_districts)
        if len(domestic) != wanted:
            got = len(domestic)
            raise CurulError(
                f"the {self.year} apportionment needs the electorate of {wanted} districts, got {got}"
            )
        fixed = {d: self.seats_per_district for d in domestic} | dict(self.fixed_only)
        return apportion(domestic, self.by_electorate, fixed, self.method, tie_break=tie_break)


_KEYS = {
    "law",
    "method",
    "seats_per_district",
    "by_electorate",
    "fixed_only",
    "published_in",
    "sources",
    "notes",
}


def _count(table: Mapping[str, Any], key: str, where: str, least: int) -> int:
    value = table.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or value < least:
        kind = "a positive" if least > 0 else "a non-negative"
        raise CurulError(f"{where}: apportionment.{key}: expected {kind} whole number, got {value!r}")
    return value


def _texts(table: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CurulError(f"{where}: apportionment.{key}: expected a list of strings")
    return tuple(value)


def parse_apportionment(
    table: object, where: str, districts: tuple[str, ...], total_seats: int, year: int
) -> ApportionmentRule:
    """Validate a system's ``[apportionment]`` table against the system's districts and seats."""
    if not isinstance(table, dict):
        raise CurulError(f"{where}: apportionment: expected a table")
    extra = set(table) - _KEYS
    if extra:
        raise CurulError(f"{where}: apportionment: unknown key(s) {', '.join(sorted(extra))}")
    law = table.get("law")
    if not isinstance(law, str) or not law.strip():
        raise CurulError(f'{where}: apportionment.law: the rule must cite its law (law = "...")')
    try:
        method = check_method(str(table.get("method", "")))
    except CurulError as exc:
        raise CurulError(f"{where}: apportionment.method: {exc}") from None
    per_district = _count(table, "seats_per_district", where, 0)
    by_electorate = _count(table, "by_electorate", where, 1)
    raw_fixed = table.get("fixed_only", {})
    if not isinstance(raw_fixed, dict):
        raise CurulError(f"{where}: apportionment.fixed_only: expected a table of DISTRICT = seats")
    folded = {fold(d): d for d in districts}
    fixed_only: dict[str, int] = {}
    for name, seats in raw_fixed.items():
        if fold(name) not in folded:
            raise CurulError(f"{where}: apportionment.fixed_only: {name!r} is not a district of the system")
        if not isinstance(seats, int) or isinstance(seats, bool) or seats < 1:
            raise CurulError(
                f"{where}: apportionment.fixed_only: {name!r}: expected a positive whole number of seats, "
                f"got {seats!r}"
            )
        fixed_only[folded[fold(name)]] = seats
    if len(fixed_only) >= len(districts):
        raise CurulError(f"{where}: apportionment.fixed_only: no district is left to share the split")
    sharing = len(districts) - len(fixed_only)
    total = per_district * sharing + sum(fixed_only.values()) + by_electorate
    if total != total_seats:
        raise CurulError(
            f"{where}: apportionment: {per_district} × {sharing} districts + {sum(fixed_only.values())} "
            f"fixed + {by_electorate} by electorate = {total} seats, but the system has {total_seats}"
        )
    published_in = table.get("published_in", "")
    if not isinstance(published_in, str):
        raise CurulError(f"{where}: apportionment.published_in: expected text")
    return ApportionmentRule(
        law=law,
        method=method,
        seats_per_district=per_district,
        by_electorate=by_electorate,
        fixed_only=fixed_only,
        districts=districts,
        year=year,
        published_in=published_in,
        sources=_texts(table, "sources", where),
        notes=_texts(table, "notes", where),
    )
