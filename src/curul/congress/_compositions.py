"""Chamber compositions as dated data: seats per parliamentary group, with their source.

Bundled compositions live in ``compositions.toml`` (validated on load). Users can also give a CSV:
``group,seats`` (one row per group) or ``member,group`` (one row per legislator). A composition as
recorded in a roll call is built by :func:`curul.rollcalls.composition_on`. The listing of the bundled
ones is a result (:class:`CompositionListing`) like every other.
"""

from __future__ import annotations

import csv
import datetime as dt
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from curul.congress._games import WeightedGame
from curul.errors import CurulError, InputError
from curul.report import Presentable, Report, Span

if TYPE_CHECKING:
    import pandas as pd

#: Code of the non-attached members ("no agrupados"), who do not vote as a group.
UNATTACHED = "NA"


@dataclass(frozen=True)
class GroupSeats:
    code: str
    name: str
    seats: int
    note: str = ""
    alternative_seats: int | None = None
    alternative_source: str = ""


@dataclass(frozen=True)
class Composition:
    """Seats per group of one chamber on one date; ``members`` is set when legislators are known."""

    id: str
    date: dt.date | None
    label: str
    chamber: str
    legal_number: int
    groups: tuple[GroupSeats, ...]
    source: str
    note: str = ""
    members: tuple[tuple[str, str], ...] = ()  # (member, group code)
    habiles: int | None = None  # members able to vote, when known (roll-call compositions)

    @property
    def seats(self) -> dict[str, int]:
        return {g.code: g.seats for g in self.groups}

    @property
    def total(self) -> int:
        return sum(g.seats for g in self.groups)

    def game(self, quota: int, *, split_unattached: bool = True) -> WeightedGame:
        """The weighted game of the groups for a threshold of ``quota`` votes.

        Non-attached members (group ``NA``) are not a bloc, so by default each is a player of weight 1.
        """
        seats: dict[str, int] = {}
        for g in self.groups:
            if split_unattached and g.code == UNATTACHED and g.seats > 0:
                names = [m for m, grp in self.members if grp == UNATTACHED]
                if len(names) != g.seats:
                    names = [f"{UNATTACHED}-{k + 1}" for k in range(g.seats)]
                for name in names:
                    seats[name] = 1
            else:
                seats[g.code] = g.seats
        return WeightedGame.of(seats, quota)

    def member_game(self, quota: int) -> WeightedGame:
        """One player per legislator (weight 1); requires a member list."""
        if not self.members:
            raise CurulError(f"composition {self.id!r} has no member list: give a member,group CSV")
        return WeightedGame.members([m for m, _ in self.members], quota)

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "date": self.date,
            "label": self.label,
            "chamber": self.chamber,
            "legal_number": self.legal_number,
            "total": self.total,
            "habiles": self.habiles,
            "source": self.source,
            "note": self.note,
            "groups": [
                {"group": g.code, "name": g.name, "seats": g.seats}
                | ({"note": g.note} if g.note else {})
                | (
                    {"alternative_seats": g.alternative_seats, "alternative_source": g.alternative_source}
                    if g.alternative_seats is not None
                    else {}
                )
                for g in self.groups
            ],
        }


_REQUIRED = ("id", "date", "label", "chamber", "legal_number", "source", "group")


def _parse_bundle(text: str, where: str) -> tuple[Composition, ...]:
    data = tomllib.loads(text)
    out = []
    for k, raw in enumerate(data.get("composition", [])):
        missing = [f for f in _REQUIRED if f not in raw]
        if missing:
            raise InputError(where, f"composition #{k + 1} lacks {', '.join(missing)}")
        groups = tuple(
            GroupSeats(
                g["code"],
                g["name"],
                int(g["seats"]),
                g.get("note", ""),
                g.get("alternative_seats"),
                g.get("alternative_source", ""),
            )
            for g in raw["group"]
        )
        comp = Composition(
            raw["id"],
            dt.date.fromisoformat(str(raw["date"])),
            raw["label"],
            raw["chamber"],
            int(raw["legal_number"]),
            groups,
            raw["source"],
            raw.get("note", ""),
        )
        if comp.total != comp.legal_number:
            raise InputError(where, f"{comp.id}: seats sum to {comp.total}, not {comp.legal_number}")
        out.append(comp)
    return tuple(out)


@cache
def compositions() -> tuple[Composition, ...]:
    """All bundled compositions, oldest first."""
    text = resources.files("curul.congress").joinpath("compositions.toml").read_text("utf-8")
    return tuple(sorted(_parse_bundle(text, "compositions.toml"), key=lambda c: c.date or dt.date.min))


def composition(name: str) -> Composition:
    """A bundled composition by id (``2016``, ``2020``, ``2021-07``, ``2022-06``, ``2025-07``)."""
    for c in compositions():
        if c.id == name:
            return c
    known = ", ".join(c.id for c in compositions())
    raise CurulError(f"unknown composition {name!r}; known: {known}, a CSV file, or rollcalls:YYYY-MM-DD")


def read_composition_csv(path: str | Path) -> Composition:
    """A composition from ``group,seats`` or ``member,group`` CSV; mistakes are reported by line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise CurulError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read: {exc}") from None
    rows = list(csv.reader(text.splitlines()))
    if not rows:
        raise InputError(path, "empty file", line=1)
    header = [h.strip().lower() for h in rows[0]]
    if header[:2] == ["group", "seats"]:
        kind = "seats"
    elif header[:2] == ["member", "group"]:
        kind = "members"
    else:
        raise InputError(path, "header must be 'group,seats' or 'member,group'", line=1, column=1)
    seats: dict[str, int] = {}
    members: list[tuple[str, str]] = []
    seen: set[str] = set()
    for lineno, row in enumerate(rows[1:], start=2):
        if not row or all(not c.strip() for c in row):
            continue
        if len(row) < 2:
            raise InputError(path, f"expected 2 columns, got {len(row)}", line=lineno, column=1)
        first, second = row[0].strip(), row[1].strip()
        if not first:
            raise InputError(path, "empty name", line=lineno, column=1, field=header[0])
        if kind == "seats":
            try:
                n = int(second)
            except ValueError:
                raise InputError(
                    path, f"not a whole number: {second!r}", line=lineno, column=2, field="seats"
                ) from None
            if n < 0:
                raise InputError(path, f"negative seats: {n}", line=lineno, column=2, field="seats")
            if first in seats:
                raise InputError(path, f"group {first!r} listed twice", line=lineno, column=1, field="group")
            seats[first] = n
        else:
            if not second:
                raise InputError(path, "empty group", line=lineno, column=2, field="group")
            if first in seen:
                raise InputError(
                    path, f"member {first!r} listed twice", line=lineno, column=1, field="member"
                )
            seen.add(first)
            members.append((first, second))
            seats[second] = seats.get(second, 0) + 1
    if not seats or sum(seats.values()) == 0:
        raise InputError(path, "no seats in the file")
    groups = tuple(GroupSeats(code, code, n) for code, n in seats.items())
    total = sum(seats.values())
    return Composition(
        path.stem, None, str(path), "congress", total, groups, str(path), members=tuple(members)
    )


def resolve_composition(name: str) -> Composition:
    """``NAME`` (bundled) or a CSV path.

    Compositions read off the roll calls (``rollcalls:YYYY-MM-DD`` on the command line) come from
    :func:`curul.rollcalls.composition_on`, which builds on this package.
    """
    if name.startswith("rollcalls:"):
        raise CurulError(f"{name!r} is read from the roll calls: use curul.rollcalls.composition_on")
    if name.lower().endswith(".csv") or Path(name).exists():
        return read_composition_csv(name)
    return composition(name)


@dataclass(frozen=True)
class CompositionListing(Presentable):
    """The bundled dated compositions: seats per group, with their sources."""

    compositions: tuple[Composition, ...]

    def as_dict(self) -> dict[str, Any]:
        return {"compositions": [c.as_dict() for c in self.compositions]}

    def to_frame(self) -> pd.DataFrame:
        """One row per composition and group."""
        import pandas as pd

        return pd.DataFrame(
            [
                {
                    "id": c.id,
                    "date": c.date,
                    "label": c.label,
                    "group": g.code,
                    "name": g.name,
                    "seats": g.seats,
                }
                for c in self.compositions
                for g in c.groups
            ]
        )

    def report(self) -> Report:
        lines: list[Any] = []
        for c in self.compositions:
            seats = ", ".join(f"{g.code} {g.seats}" for g in c.groups)
            lines.append([Span(c.id, "bold"), f" ({c.date}) {c.label}: {seats}"])
            lines.append(["  ", Span(c.source, "dim")])
        return Report.of(*lines)


def composition_listing() -> CompositionListing:
    """Every bundled composition, oldest first."""
    return CompositionListing(compositions())
