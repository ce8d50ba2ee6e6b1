"""The parts of an election result that explain it: each list's threshold tests, each district's last
seat, the seats of each part of a chamber, and the readings in force.

They are built from the result's pieces (allocations, verdicts, the system), so the result type only
assembles them: ``curul seats --explain`` (and ``--partial``) shows them in the table view and under
the JSON keys ``threshold.tests``, ``last_seats``, ``components`` and ``readings``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from curul.elections._allocation import Allocation
from curul.elections._margins import LastSeat, last_seat
from curul.elections._systems import ElectoralSystem
from curul.elections._thresholds import Verdict
from curul.report import Column, Line, Span, Table


def last_seats(districts: Mapping[str, Allocation]) -> list[LastSeat]:
    """The last seat of every district that had a contest for it, in the system's order."""
    return [seat for d, a in districts.items() if (seat := last_seat(a, d)) is not None]


def last_seats_table(seats: list[LastSeat], caption: str = "") -> Table:
    columns: list[str | Column] = [
        "district",
        Column("seats", align="right"),
        "last seat (quotient = votes ÷ divisor)",
        "best other list",
        Column("margin", align="right"),
        Column("votes to take it", align="right"),
    ]
    return Table.build(
        columns, [s.cells() for s in seats], title="Last seat of each district", caption=caption
    )


def tests_by_list(verdicts: Mapping[str, Verdict]) -> dict[str, dict[str, Any]]:
    """Each list's verdict with every rule's figures (the JSON of ``threshold.tests``)."""
    return {p: v.as_dict() for p, v in verdicts.items()}


def _leaf_verdicts(verdict: Verdict, rule: str = "") -> list[tuple[str, Verdict]]:
    """The elementary tests under a verdict, each with its rule id."""
    if not verdict.parts:
        return [(rule, verdict)]
    return [leaf for rid, part in verdict.parts for leaf in _leaf_verdicts(part, rid)]


def tests_table(verdicts: Mapping[str, Verdict], order: list[str], keep: set[str]) -> Table:
    """One row per list in ``order`` (those in ``keep``): each rule's test in short, and the verdict."""
    shown = [p for p in order if p in keep]
    rules = [rule for rule, _ in _leaf_verdicts(verdicts[shown[0]])] if shown else []
    rows = []
    for party in shown:
        cells: list[str | Span] = [party]
        for _, leaf in _leaf_verdicts(verdicts[party]):
            cells.append(leaf.short if leaf.passed else Span(leaf.short, "bad"))
        cells.append("pass" if verdicts[party].passed else Span("fail", "bad"))
        rows.append(cells)
    columns = ["list", *(rule or "test" for rule in rules), "threshold"]
    return Table.build(columns, rows, title="Threshold tests")


def split_verdicts(verdicts: Mapping[str, Verdict], order: list[str]) -> list[Line]:
    """The lists that pass one test and fail another, with the figures of both (País para Todos 2026)."""
    lines = []
    for party in order:
        leaves = _leaf_verdicts(verdicts[party])
        passed = [v for _, v in leaves if v.passed]
        failed = [v for _, v in leaves if not v.passed]
        if passed and failed:
            outcome = "passes" if verdicts[party].passed else "does not pass"
            lines.append(
                Line.of(
                    [
                        Span(party, "bold"),
                        f": {'; '.join(v.why for v in passed)}, but {'; '.join(v.why for v in failed)}"
                        f" — it {outcome} the threshold",
                    ]
                )
            )
    return lines


def component_seats(
    system: ElectoralSystem, seats: Mapping[str, Mapping[str, int]]
) -> dict[str, dict[str, int]]:
    """Seats per part of the chamber (``system.components``) and list, lists with seats only."""
    out: dict[str, dict[str, int]] = {}
    for name, members in system.components:
        part: dict[str, int] = {}
        for district in members:
            for party, n in seats.get(district, {}).items():
                if n:
                    part[party] = part.get(party, 0) + n
        out[name] = dict(sorted(part.items(), key=lambda item: (-item[1], item[0])))
    return out


def components_table(
    computed: Mapping[str, Mapping[str, int]], official: Mapping[str, Mapping[str, int]] | None
) -> Table:
    """Seats per part of the chamber, computed (and official) side by side."""
    names = list(computed)
    parties = list(dict.fromkeys(p for part in computed.values() for p in part))
    if official:
        parties += [p for part in official.values() for p in part if p not in parties]
    columns: list[str | Column] = ["list"]
    for name in names:
        columns.append(Column(name, align="right"))
        if official is not None:
            columns.append(Column(f"{name} official", align="right"))
    rows = []
    for party in parties:
        row = [party]
        for name in names:
            row.append(str(computed[name].get(party, 0)))
            if official is not None:
                row.append(str(official.get(name, {}).get(party, 0)))
        rows.append(row)
    return Table.build(columns, rows, title="Seats per part of the chamber")
