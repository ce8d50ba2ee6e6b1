"""The Seats page's tables, shaped once from an ``ElectionResult`` for both the page and its CSV:
national seats with the official ones, each list's threshold verdict, each district's seats and
last-seat margin, and the methods side by side. Figures only; words are the templates'."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from curul.elections import METHODS, ElectionResult
from curul.web._negotiation import CsvTable


@dataclass(frozen=True)
class SeatTables:
    national: CsvTable
    threshold: CsvTable
    districts: CsvTable
    methods: CsvTable

    def as_mapping(self) -> dict[str, CsvTable]:
        return {
            "national": self.national,
            "districts": self.districts,
            "threshold": self.threshold,
            "methods": self.methods,
        }


def _ranked(result: ElectionResult) -> list[str]:
    seats, votes = result.seats, result.national_votes
    return sorted(result.parties, key=lambda p: (-seats[p], -votes[p], p))


def national(result: ElectionResult) -> CsvTable:
    seats, votes, pct, official = result.seats, result.national_votes, result.pct_valid, result.official
    columns = ["list", "votes", "pct_valid", "passed", "seats"] + (["official"] if official else [])
    rows = []
    for p in _ranked(result):
        row: list[Any] = [p, votes[p], pct[p], result.verdicts[p].passed, seats[p]]
        rows.append(row + ([official.official_seats(p)] if official else []))
    return CsvTable(columns, rows)


def threshold(result: ElectionResult) -> CsvTable:
    pct = result.pct_valid
    return CsvTable(
        ["list", "pct_valid", "passed", "why"],
        [[p, pct[p], result.verdicts[p].passed, result.verdicts[p].why] for p in _ranked(result)],
    )


def districts(result: ElectionResult) -> CsvTable:
    last = {s.district: s for s in result.last_seats()}
    rows = []
    for d in result.system.districts:
        won = sorted(((p, n) for p, n in result.districts[d].seats.items() if n), key=lambda i: (-i[1], i[0]))
        seat = last.get(d)
        rows.append(
            [
                d,
                result.system.magnitude(d),
                "; ".join(f"{p}: {n}" for p, n in won),
                seat.holder.party if seat else "",
                round(float(seat.holder.value), 3) if seat else "",
                seat.challenger.party if seat else "",
                round(float(seat.challenger.value), 3) if seat else "",
                round(float(seat.margin), 3) if seat else "",
                seat.votes_needed if seat else "",
                seat.tied if seat else "",
            ]
        )
    columns = ["district", "magnitude", "seats", "last_seat", "last_quotient", "runner_up",
               "runner_up_quotient", "margin", "votes_needed", "tied"]  # fmt: skip
    return CsvTable(columns, rows)


def methods(by_method: Mapping[str, ElectionResult], official: Mapping[str, int] | None) -> CsvTable:
    """National seats of every list under each method (lists with a seat under some method)."""
    order: list[str] = []
    for result in by_method.values():
        order += [p for p in _ranked(result) if result.seats[p] and p not in order]
    columns = ["list", *METHODS] + (["official"] if official is not None else [])
    rows = []
    for p in order:
        row: list[Any] = [p, *(by_method[m].seats.get(p, 0) for m in METHODS)]
        rows.append(row + ([official.get(p, 0)] if official is not None else []))
    return CsvTable(columns, rows)


def tables(result: ElectionResult, by_method: Mapping[str, ElectionResult]) -> SeatTables:
    official = None
    if result.official is not None:
        official = {p: result.official.official_seats(p) for p in result.parties}
    return SeatTables(national(result), threshold(result), districts(result), methods(by_method, official))
