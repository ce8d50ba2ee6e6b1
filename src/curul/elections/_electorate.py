"""The electorate behind the 2026 Chamber of Deputies magnitudes, and the apportionment it gives.

The rule (one seat per district, two abroad, 102 by electorate) lives in the ``[apportionment]`` table of
``systems/peru-2026-deputies.toml``; the electorate figures in ``electorate_2026.csv``, each with its
source, two of them not found (they must be given, never guessed). A user's figures come from a CSV
file (:func:`read_electorate`) or ``DISTRICT=N`` texts (:func:`parse_electors`), the readers the command
line and the web share; :func:`deputies_apportionment` applies them and checks the published magnitudes.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from curul.data import fold
from curul.elections._apportionment import Apportionment
from curul.elections._systems import ElectoralSystem, load_system
from curul.errors import ArgumentError, CurulError, InputError
from curul.inputs import Col, CsvSchema, CsvTable, parse_count, read_csv
from curul.report import Column, Presentable, Report, Span, Table

if TYPE_CHECKING:
    import pandas as pd

DEPUTIES_2026 = "peru-2026-deputies"


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


def _system(system: ElectoralSystem | str) -> ElectoralSystem:
    loaded = load_system(system) if isinstance(system, str) else system
    if loaded.apportionment is None:
        raise ArgumentError("system", f"{loaded.name} has no [apportionment] table")
    return loaded


def apportion_deputies_2026(
    electorate: Mapping[str, int], *, system: ElectoralSystem | str = DEPUTIES_2026
) -> Apportionment:
    """2026 Deputies: 1 seat per district (abroad 2), then 102 by electorate (Hare largest remainder).

    ``electorate`` maps the 26 domestic districts to their electors; the abroad district takes no part
    in the proportional step. The rule is read from ``system``'s ``[apportionment]`` table (the bundled
    ``peru-2026-deputies``, or an edited copy of it).
    """
    rule = _system(system).apportionment
    assert rule is not None
    return rule.apply(electorate)


def _rows(table: CsvTable) -> None:
    """At least one row; every district one of the 2026 domestic districts (any spelling), every count
    positive: each refused at its line, not later as a name the apportionment does not know."""
    if not table.rows:
        raise InputError(table.name, "no district rows (only a header)", line=2, column=1)
    known = {fold(d): d for d in electorate_2026().electors}
    for index, row in enumerate(table.rows):
        if fold(row["district"]) not in known:
            raise table.error(
                index,
                "district",
                f"unknown district {row['district']!r}; districts: {', '.join(sorted(known.values()))}",
            )
        if row["electors"] < 1:
            raise table.error(index, "electors", "electors must be a positive whole number, got 0")


ELECTORATE_FILE = CsvSchema(
    "electorate file",
    (
        Col("district"),
        Col("electors", "count"),
        Col("source", "text", required=False),
        Col("note", "text", required=False),
    ),
    key=("district",),
    checks=(_rows,),
)
"""Electors per district (``district,electors``; a source and a note may go beside them)."""


def read_electorate(path: str | Path) -> dict[str, int]:
    """Electors per district from an :data:`ELECTORATE_FILE` CSV (``-``: standard input)."""
    return {row["district"]: row["electors"] for row in read_csv(path, ELECTORATE_FILE).rows}


def parse_electors(assignments: Iterable[str]) -> dict[str, int]:
    """Electors per district from ``DISTRICT=N`` texts (``TUMBES=170000``), as a command or a form gives;
    ``N`` is a count as in a file (ASCII digits, at most 10^12)."""
    out: dict[str, int] = {}
    for item in assignments:
        name, sep, value = item.partition("=")
        shown = item if len(item) <= 60 else item[:60] + "…"
        expected = f"{{name}} {shown!r}: expected DISTRICT=ELECTORS with a positive whole number"
        try:
            number = parse_count(value) if sep else 0
        except ValueError as exc:
            raise ArgumentError("assignments", f"{expected} ({exc})") from None
        if number < 1:
            raise ArgumentError("assignments", expected)
        out[name] = number
    return out


@dataclass(frozen=True)
class DeputiesApportionment(Presentable):
    """The Deputies apportionment from the electorate, checked against the published magnitudes.

    ``electorate`` holds the figures used (bundled, or given in their place), ``sources`` the source of
    each bundled figure that was used.
    """

    system: ElectoralSystem
    apportionment: Apportionment
    electorate: Mapping[str, int]
    sources: Mapping[str, str]

    @property
    def official(self) -> dict[str, int]:
        """The published magnitudes (the system's own)."""
        return dict(zip(self.system.districts, (int(m) for m in self.system.magnitudes), strict=True))

    @property
    def matches(self) -> bool:
        return self.apportionment.seats == self.official

    def as_dict(self) -> dict[str, Any]:
        rule = self.system.apportionment
        assert rule is not None
        result = self.apportionment.as_dict()
        return {
            "chamber": self.system.chamber,
            "year": self.system.year,
            "law": rule.law,
            "seats": result["seats"],
            "fixed": result["fixed"],
            "proportional": result["proportional"],
            "quota": result["quota"],
            "electorate": dict(self.electorate),
            "official": self.official,
            "matches": self.matches,
            "ties": result["ties"],
            "sources": dict(self.sources),
        }

    def to_frame(self) -> pd.DataFrame:
        """One row per district, most seats first: electors, fixed, by electorate, total, official."""
        frame = self.apportionment.to_frame()
        frame["official"] = [self.official.get(d, 0) for d in frame.index]
        return frame

    def report(self) -> Report:
        rule = self.system.apportionment
        assert rule is not None
        official, total = self.official, self.apportionment.seats
        rows = []
        for d in self.apportionment.ranked():
            mark = "" if total[d] == official.get(d) else Span("≠", "bad")
            rows.append([*self.apportionment.row(d), [str(official.get(d, 0)), " " if mark else "", mark]])
        right = [
            Column(h, align="right") for h in ("electors", "fixed", "by electorate", "total", "official")
        ]
        title = f"{self.system.year} Chamber of Deputies: seats per district"
        verdict = Span("reproduces", "ok") if self.matches else Span("differs from", "bad")
        return Report.of(
            Table.build(["district", *right], rows, title=title),
            [f"{self.apportionment.rule_line()}; ", verdict, f" {rule.published_in}"],
        )


def deputies_apportionment(
    overrides: Mapping[str, int] | None = None, *, system: ElectoralSystem | str = DEPUTIES_2026
) -> DeputiesApportionment:
    """The 2026 Deputies apportionment from the bundled electorate, with ``overrides`` (district → electors,
    any spelling) in place of bundled or missing figures, compared with the published magnitudes."""
    spec = _system(system)
    bundled = electorate_2026()
    electors = dict(bundled.electors)
    known = {fold(d): d for d in electors}
    given: dict[str, int] = {}
    for name, value in (overrides or {}).items():
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise ArgumentError(
                "overrides", f"{name!r}: electors must be a positive whole number, got {value!r}"
            )
        given[fold(name)] = value
    for key, value in given.items():
        if key not in known:
            raise CurulError(f"unknown district {key!r}; districts: {', '.join(sorted(electors))}")
        electors[known[key]] = value
    missing = [d for d, n in electors.items() if n is None]
    if missing:
        raise ArgumentError(
            "overrides",
            f"no sourced electorate for {', '.join(missing)}; give "
            + " ".join(f"{{name}} {d}=N" for d in missing)
            + " (docs/elections.md, 'The 2026 electorate figures', gives the ranges that reproduce "
            "JNE's seats)",
        )
    used = {d: n for d, n in electors.items() if n is not None}
    sources = {d: bundled.sources[d] for d in used if fold(d) not in given}
    return DeputiesApportionment(spec, apportion_deputies_2026(used, system=spec), used, sources)
