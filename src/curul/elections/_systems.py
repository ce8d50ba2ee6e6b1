"""Electoral systems as data: one TOML file per system, validated when loaded.

A system names its districts and magnitudes (from the bundled ``district-magnitudes`` dataset or inline),
its allocation method and its national threshold (composable rules, each citing its law). Modelling a
reform means copying a file and editing it: ``load_system("my-reform.toml")`` reads any such file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from curul.data import fold, load
from curul.elections._allocation import METHOD_TITLES, check_method
from curul.elections._apportionment import ApportionmentRule, parse_apportionment
from curul.elections._readings import ChosenReading, Reading, apply_choices, parse_readings, resolve
from curul.elections._system_parts import (
    check_readings,
    check_rule_districts,
    locate_problem,
    parse_components,
)
from curul.elections._threshold_tables import parse_rule
from curul.elections._thresholds import Rule
from curul.errors import CurulError, InputError
from curul.inputs import LIMITS, TomlLocator, parse_toml, read_text, toml_name
from curul.report import Column, Line, Presentable, Report, Span, Table

if TYPE_CHECKING:
    import pandas as pd

_KEYS = {
    "name",
    "title",
    "chamber",
    "year",
    "method",
    "total_seats",
    "law",
    "sources",
    "notes",
    "magnitudes",
    "districts",
    "aliases",
    "threshold",
    "apportionment",
    "readings",
    "components",
}


@dataclass(frozen=True, eq=False)
class ElectoralSystem(Presentable):
    """Districts with fixed magnitudes, a method and a national threshold. ``magnitudes`` is read-only."""

    name: str
    title: str
    chamber: str
    year: int
    method: str
    districts: tuple[str, ...]
    magnitudes: np.ndarray
    threshold: Rule
    law: str
    sources: tuple[str, ...]
    notes: tuple[str, ...] = ()
    magnitude_sources: tuple[str, ...] = ()
    aliases: Mapping[str, str] = field(default_factory=dict)  # folded alias -> district
    apportionment: ApportionmentRule | None = None  # how the magnitudes follow from the electorate
    readings: tuple[Reading, ...] = ()  # contested readings of the rules, each with its choices
    chosen: Mapping[str, str] = field(default_factory=dict)  # reading -> the choice in force
    components: tuple[tuple[str, tuple[str, ...]], ...] = ()  # parts of the chamber (Senate lists)
    threshold_table: Mapping[str, Any] = field(default_factory=dict, repr=False)  # [threshold] as written

    @property
    def total_seats(self) -> int:
        return int(self.magnitudes.sum())

    def chosen_readings(self) -> list[ChosenReading]:
        """Each contested reading with the choice this system applies."""
        return [ChosenReading(r, r.choice(self.chosen.get(r.name, r.default))) for r in self.readings]

    def with_readings(self, readings: Mapping[str, str] | None) -> ElectoralSystem:
        """The system under other readings (``{"seat_test": "vote_share_lists"}``); the rest keep
        their default. Unknown names or values are the caller's mistake (``ArgumentError``)."""
        if not readings:
            return self
        values = resolve(self.readings, readings, self.name)
        choices = [r.choice(values[r.name]) for r in self.readings]
        table = apply_choices(self.threshold_table, choices, self.name)
        return replace(self, threshold=parse_rule(table, f"{self.name}: threshold"), chosen=values)

    def component_of(self, district: str) -> str:
        """The part of the chamber ``district`` elects (empty when the system has no parts)."""
        return next((name for name, members in self.components if district in members), "")

    def district(self, name: str) -> str | None:
        """The official district name for ``name`` (case-, accent- and alias-insensitive), or None."""
        key = fold(name)
        for d in self.districts:
            if fold(d) == key:
                return d
        return self.aliases.get(key)

    def magnitude(self, district: str) -> int:
        return int(self.magnitudes[self.districts.index(district)])

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready description (one entry of ``curul systems --json``)."""
        return {
            "name": self.name,
            "title": self.title,
            "chamber": self.chamber,
            "year": self.year,
            "method": self.method,
            "method_text": METHOD_TITLES[self.method],
            "total_seats": self.total_seats,
            "districts": dict(zip(self.districts, (int(m) for m in self.magnitudes), strict=True)),
            "aliases": dict(self.aliases),
            "threshold": self.threshold.to_dict(),
            "law": self.law,
            "sources": list(self.sources),
            "magnitude_sources": list(self.magnitude_sources),
            "notes": list(self.notes),
        } | self._parts_and_readings()

    def _parts_and_readings(self) -> dict[str, Any]:
        """``components`` and ``readings``, for the systems that have them (2026)."""
        out: dict[str, Any] = {}
        if self.components:
            out["components"] = {name: list(members) for name, members in self.components}
        if self.readings:
            out["readings"] = [r.as_dict() for r in self.readings]
        return out

    def laws(self) -> list[str]:
        """Every law the system cites: its own and each threshold rule's."""
        laws = [self.law] + [leaf.law for leaf in self.threshold.leaves() if leaf.law]
        return list(dict.fromkeys(laws))

    def to_frame(self) -> pd.DataFrame:
        """One row per district, in the system's order: its seats."""
        import pandas as pd

        frame = pd.DataFrame({"district": list(self.districts), "seats": [int(m) for m in self.magnitudes]})
        return frame.set_index("district")

    def citations(self) -> list[Line]:
        """The system's title, then each law, source and note on its own line."""
        lines = [Line.of([Span(self.name, "bold"), f": {self.title}"])]
        lines += [Line.of(f"  law: {law}") for law in self.laws()]
        lines += [Line.of(f"  source: {source}") for source in self.sources]
        lines += [Line.of(f"  note: {note}") for note in self.notes]
        for r in self.readings:
            values = ", ".join(c.value for c in r.choices)
            lines.append(Line.of(f"  reading {r.name} (default {r.default}; choices {values}): {r.question}"))
        return lines

    def report(self) -> Report:
        table = Table.build(
            ["district", Column("seats", align="right")],
            [[d, str(int(m))] for d, m in zip(self.districts, self.magnitudes, strict=True)],
            title=f"{self.name}: {self.total_seats} seats, {METHOD_TITLES[self.method]}",
        )
        return Report.of(table, f"threshold: {self.threshold.describe()}", *self.citations())


@dataclass(frozen=True)
class SystemsListing(Presentable):
    """Electoral systems side by side: seats, districts, method and threshold, then their citations."""

    systems: tuple[ElectoralSystem, ...]

    def as_dict(self) -> dict[str, Any]:
        return {"systems": [s.as_dict() for s in self.systems]}

    def to_frame(self) -> pd.DataFrame:
        import pandas as pd

        rows = [
            {
                "system": s.name,
                "seats": s.total_seats,
                "districts": len(s.districts),
                "method": s.method,
                "threshold": s.threshold.describe(),
            }
            for s in self.systems
        ]
        return pd.DataFrame(rows).set_index("system")

    def report(self) -> Report:
        right = [Column("seats", align="right"), Column("districts", align="right")]
        rows = [
            [s.name, str(s.total_seats), str(len(s.districts)), s.method, s.threshold.describe()]
            for s in self.systems
        ]
        table = Table.build(["system", *right, "method", "threshold"], rows, title="Electoral systems")
        return Report.of(table, *(line for s in self.systems for line in s.citations()))


def systems_listing() -> SystemsListing:
    """Every bundled system, loaded (and so validated)."""
    return SystemsListing(tuple(load_system(name) for name in systems()))


def _folder():
    return resources.files("curul.elections").joinpath("systems")


def systems() -> list[str]:
    """Names of the bundled systems."""
    return sorted(p.name.removesuffix(".toml") for p in _folder().iterdir() if p.name.endswith(".toml"))


def load_system(name: str) -> ElectoralSystem:
    """A bundled system by name (``peru-2016``), or any system file given by its path (``*.toml``)."""
    if name.endswith(".toml"):
        source = read_text(Path(name))  # regular files only, bounded, UTF-8 (curul.inputs)
        return _parse(source.text, source.name)
    return _bundled(name)


@cache
def _bundled(name: str) -> ElectoralSystem:
    if name not in systems():
        raise CurulError(f"unknown system {name!r}; bundled systems: {', '.join(systems())}")
    text = _folder().joinpath(f"{name}.toml").read_text(encoding="utf-8")
    return _parse(text, f"{name}.toml")


def _magnitudes(spec: Any, where: str) -> tuple[list[str], list[int], list[str]]:
    selections = spec if isinstance(spec, list) else [spec]
    names: list[str] = []
    seats: list[int] = []
    sources: list[str] = []
    rows = load("district-magnitudes").rows
    for i, sel in enumerate(selections):
        if (
            not isinstance(sel, dict)
            or set(sel) - {"dataset", "year", "chamber"}
            or "year" not in sel
            or "chamber" not in sel
        ):
            raise CurulError(f"{where}: magnitudes[{i}] needs year and chamber (dataset optional)")
        if sel.get("dataset", "district-magnitudes") != "district-magnitudes":
            raise CurulError(f"{where}: magnitudes[{i}].dataset must be district-magnitudes")
        at = f"{where}: magnitudes" + (f"[{i}]" if isinstance(spec, list) else "")
        year, chamber = sel["year"], sel["chamber"]
        if not isinstance(year, int) or isinstance(year, bool):
            raise CurulError(f"{at}.year: must be a year, got {year!r}")
        if not isinstance(chamber, str):
            raise CurulError(f"{at}.chamber: must be a string, got {chamber!r}")
        picked = [r for r in rows if r.year == year and r.chamber == chamber]
        if not picked:
            known = sorted({f"{r.year} {r.chamber}" for r in rows})
            raise CurulError(
                f"{at}.year: no district magnitudes for {year} {chamber} (known: {', '.join(known)})"
            )
        names += [r.district for r in picked]
        seats += [r.seats for r in picked]
        sources += [r.source for r in picked]
    return names, seats, sources


# The type of each top-level value, checked before any is used (a wrong one is an error at its line).
_TOP_TYPES: dict[str, tuple[type, str]] = {
    "name": (str, "a string"),
    "title": (str, "a string"),
    "chamber": (str, "a string"),
    "year": (int, "a year"),
    "method": (str, "a string"),
    "law": (str, "a string"),
    "total_seats": (int, "a whole number"),
    "sources": (list, "a list of citations"),
    "notes": (list, "a list of strings"),
    "aliases": (dict, "a table of district names"),
    "districts": (list, "a list of tables"),
    "threshold": (dict, "a table"),
}


def _check_top(data: dict[str, Any], where: str, locator: TomlLocator) -> None:
    """The top-level keys of a system file: known, present and of their type, each error at its line."""

    def fail(problem: str, key: str) -> InputError:
        line, column = locator.key("", 0, key)
        return InputError(where, problem, line=line or 1, column=column or 1, field=key)

    for key in data:
        if key not in _KEYS:
            raise fail(f"unknown key(s) {key} (known: {', '.join(sorted(_KEYS))})", key)
    for key in ("name", "title", "chamber", "year", "method", "law", "sources", "threshold"):
        if key not in data:
            raise fail(f"missing {key}", key)
    for key, (kind, words) in _TOP_TYPES.items():
        value = data.get(key)
        if value is not None and (not isinstance(value, kind) or isinstance(value, bool)):
            raise fail(f"must be {words}, got {value!r}", key)
    for key in ("name", "title"):
        try:
            toml_name(data[key])
        except ValueError as exc:
            raise fail(str(exc), key) from None
    if not LIMITS.first_date.year <= data["year"] <= LIMITS.last_date.year:
        raise fail(
            f"{data['year']} is not a year in {LIMITS.first_date.year}..{LIMITS.last_date.year}", "year"
        )
    for key in ("sources", "notes"):
        if not all(isinstance(item, str) and item for item in data.get(key, ())):
            raise fail("must be a list of non-empty strings", key)
    if not data["sources"]:
        raise fail("sources must not be empty", "sources")
    if not all(isinstance(v, str) for v in data.get("aliases", {}).values()):
        raise fail("each alias must name a district (a string)", "aliases")
    if ("magnitudes" in data) == ("districts" in data):
        raise fail("give either magnitudes (from the dataset) or districts (inline)", "districts")


def _parse(text: str, where: str) -> ElectoralSystem:
    data, locator = parse_toml(text, where)
    _check_top(data, where, locator)
    try:
        return _build(data, where, text)
    except InputError:
        raise
    except CurulError as exc:
        located = locate_problem(exc, where, locator)
        if located is None:
            raise
        raise located from None


def _build(data: dict[str, Any], where: str, text: str) -> ElectoralSystem:
    if "magnitudes" in data:
        names, seats, mag_sources = _magnitudes(data["magnitudes"], where)
    else:
        names, seats, mag_sources = [], [], []
        for i, d in enumerate(data["districts"]):
            if (
                not isinstance(d, dict)
                or not isinstance(d.get("name"), str)
                or not isinstance(d.get("seats"), int)
                or d["seats"] < 1
                or not d.get("source")
            ):
                raise CurulError(f"{where}: districts[{i}] needs name, a positive integer seats and a source")
            names.append(d["name"])
            seats.append(d["seats"])
            mag_sources.append(str(d["source"]))
    folded = [fold(n) for n in names]
    if len(set(folded)) != len(folded):
        raise CurulError(f"{where}: a district is listed twice")
    if "total_seats" in data and sum(seats) != data["total_seats"]:
        raise CurulError(f"{where}: magnitudes sum to {sum(seats)}, not total_seats = {data['total_seats']}")
    aliases: dict[str, str] = {}
    for alias, target in data.get("aliases", {}).items():
        if fold(target) not in folded:
            raise CurulError(f"{where}: alias {alias!r} points to unknown district {target!r}")
        aliases[fold(alias)] = names[folded.index(fold(target))]
    threshold = parse_rule(data["threshold"], f"{where}: threshold")
    check_rule_districts(threshold, names, where)
    readings = parse_readings(data.get("readings", []), where, text)
    check_readings(readings, data["threshold"], threshold, names, where)
    components = parse_components(data.get("components", {}), names, where)
    apportionment = (
        parse_apportionment(data["apportionment"], where, tuple(names), sum(seats), int(data["year"]))
        if "apportionment" in data
        else None
    )
    magnitudes = np.asarray(seats, dtype=np.int64)
    magnitudes.setflags(write=False)
    return ElectoralSystem(
        name=str(data["name"]),
        title=str(data["title"]),
        chamber=str(data["chamber"]),
        year=int(data["year"]),
        method=check_method(str(data["method"])),
        districts=tuple(names),
        magnitudes=magnitudes,
        threshold=threshold,
        law=str(data["law"]),
        sources=tuple(str(s) for s in data["sources"]),
        notes=tuple(str(n) for n in data.get("notes", ())),
        magnitude_sources=tuple(dict.fromkeys(mag_sources)),
        aliases=aliases,
        apportionment=apportionment,
        readings=readings,
        chosen={r.name: r.default for r in readings},
        components=components,
        threshold_table=data["threshold"],
    )
