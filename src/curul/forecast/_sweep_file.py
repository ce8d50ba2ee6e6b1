"""Sweep files: a grid of forecast variants (poll shifts × error scales), read with every mistake at
``file:line:column``.

The schema (docs/forecast.md, "Sweeps")::

    election = "peru-2026"        # optional: else the command's --election
    cutoff = 2026-04-05           # optional: polls published on or before this day
    sims = 20000                  # optional: simulations per variant (at least 100)
    seed = 0                      # optional
    chunk = 10000                 # optional: simulations per task (at least 100)
    congress = true               # optional: simulate the chambers too
    error_scales = [1.0, 1.5]     # optional: multiples of the calibrated error scale (default [1.0])
    blocs = { "FP+RP" = ["Fuerza Popular", "Renovacion Popular"] }  # optional

    [[shifts]]                    # optional: default one shift named "polls" that moves nobody
    name = "polls"

    [[shifts]]
    name = "Lopez Aliaga +2"
    points = { "Rafael Lopez Aliaga" = 2.0 }   # points of valid vote added to a candidate's average

A shift's points are added to the candidates' poll averages; the candidates it does not name (and the
"other candidates") are scaled together so the total stays what it was.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from curul.constitution import TomlLocator, parse_toml
from curul.errors import InputError
from curul.inputs import read_text

MIN_CHUNK = 100
_TOP = {"election", "cutoff", "sims", "seed", "chunk", "congress", "error_scales", "blocs", "shifts"}
_SHIFT = {"name", "points"}


@dataclass(frozen=True)
class Shift:
    """A named move of the poll averages: candidate -> points; ``where`` is the place of its ``points``
    key (file, line, column), for a candidate the average does not know."""

    name: str
    points: tuple[tuple[str, float], ...] = ()
    where: tuple[str, int | None, int | None] = field(default=("", None, None), compare=False)

    def error(self, problem: str) -> InputError:
        path, line, column = self.where
        return InputError(path, problem, line=line, column=column, field="points")


@dataclass(frozen=True)
class SweepSpec:
    """A sweep file's grid and settings; ``None`` where the file leaves a setting to the caller."""

    path: str
    shifts: tuple[Shift, ...]
    error_scales: tuple[float, ...] = (1.0,)
    election: str | None = None
    cutoff: dt.date | None = None
    sims: int | None = None
    seed: int | None = None
    chunk: int = 10_000
    congress: bool = True
    blocs: tuple[tuple[str, tuple[str, ...]], ...] = ()


class _Place:
    """Errors at a key of the top level or of one ``[[shifts]]`` table."""

    def __init__(self, path: str, locator: TomlLocator, shift: int | None = None) -> None:
        self.path, self.locator, self.shift = path, locator, shift

    def error(self, problem: str, key: str | None) -> InputError:
        if self.shift is None:
            line, column = self.locator.key((), 0, key) if key else (1, 1)
            return InputError(self.path, problem, line=line or 1, column=column or 1, field=key)
        prefix = f"shifts[{self.shift}]"
        return self.locator.error(
            self.path, problem, "shifts", self.shift, key, f"{prefix}.{key}" if key else prefix
        )

    def known(self, table: dict[str, Any], keys: set[str]) -> None:
        for key in table:
            if key not in keys:
                raise self.error(f"unknown key (known: {', '.join(sorted(keys))})", key)

    def get(self, table: dict[str, Any], key: str, kind: type | tuple[type, ...]) -> Any:
        value = table.get(key)
        if value is None:
            return None
        if (isinstance(value, bool) and bool not in (kind if isinstance(kind, tuple) else (kind,))) or (
            not isinstance(value, kind)
        ):
            raise self.error(f"has the wrong type ({type(value).__name__})", key)
        return value

    def number(self, value: Any, key: str) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.error(f"must be a number, got {type(value).__name__}", key)
        return float(value)


def read_sweep(path: str | Path) -> SweepSpec:
    """Read a sweep file (a regular file, or ``-`` for standard input) and check its schema."""
    text = read_text(path)
    return parse_sweep(text.text, text.name)


def parse_sweep(text: str, path: str = "<sweep>") -> SweepSpec:
    """Check a sweep file's text against the schema of this module's docstring."""
    raw, locator = parse_toml(text, path)
    top = _Place(path, locator)
    top.known(raw, _TOP)
    sims, seed, chunk = (top.get(raw, key, int) for key in ("sims", "seed", "chunk"))
    for key, value in (("sims", sims), ("chunk", chunk)):
        if value is not None and value < MIN_CHUNK:
            raise top.error(f"{value} is too few (at least {MIN_CHUNK})", key)
    if seed is not None and seed < 0:
        raise top.error("must be 0 or more", "seed")
    cutoff = top.get(raw, "cutoff", dt.date)
    if isinstance(cutoff, dt.datetime):
        raise top.error("must be a date (YYYY-MM-DD)", "cutoff")
    congress = top.get(raw, "congress", bool)
    scales_raw = top.get(raw, "error_scales", list)
    scales = tuple(top.number(v, "error_scales") for v in scales_raw) if scales_raw is not None else (1.0,)
    if not scales or any(not 0 < s <= 10 for s in scales):
        raise top.error("must be a non-empty list of numbers above 0 and at most 10", "error_scales")
    if len(set(scales)) != len(scales):
        raise top.error("lists a scale twice", "error_scales")
    blocs = []
    for name, members in (top.get(raw, "blocs", dict) or {}).items():
        if not isinstance(members, list) or not members or not all(isinstance(m, str) for m in members):
            raise top.error(f"{name}: a bloc is a non-empty list of list names", "blocs")
        blocs.append((str(name), tuple(members)))
    return SweepSpec(
        path=path,
        shifts=_shifts(path, locator, top, raw.get("shifts")),
        error_scales=scales,
        election=top.get(raw, "election", str),
        cutoff=cutoff,
        sims=sims,
        seed=seed,
        chunk=10_000 if chunk is None else chunk,
        congress=True if congress is None else congress,
        blocs=tuple(blocs),
    )


def _shifts(path: str, locator: TomlLocator, top: _Place, raw: Any) -> tuple[Shift, ...]:
    if raw is None:
        return (Shift("polls"),)
    if not isinstance(raw, list) or not raw or not all(isinstance(t, dict) for t in raw):
        raise top.error("must be one or more [[shifts]] tables", "shifts")
    out: list[Shift] = []
    for i, table in enumerate(raw):
        place = _Place(path, locator, i)
        place.known(table, _SHIFT)
        name = place.get(table, "name", str)
        if not name or not name.strip():
            raise place.error("missing field 'name'" if name is None else "must not be empty", "name")
        if any(s.name == name for s in out):
            raise place.error(f"{name!r} names another shift too", "name")
        points = place.get(table, "points", dict) or {}
        moves = tuple((str(c), place.number(v, "points")) for c, v in points.items())
        line, column = locator.key("shifts", i, "points") if points else locator.header("shifts", i)
        out.append(Shift(name, moves, (path, line, column)))
    return tuple(out)
