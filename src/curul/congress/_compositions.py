"""Chamber compositions as dated data: seats per parliamentary group, with their source.

A :class:`Composition` is one chamber (``congress`` before July 2026, then ``senate`` or ``deputies``)
on one date. The bundled ones are read by :mod:`curul.congress._bundled`; users can also give a CSV:
``group,seats`` (one row per group) or ``member,group`` (one row per legislator). A composition as
recorded in a roll call is built by :func:`curul.rollcalls.composition_on`. The listing of the bundled
ones is a result (:class:`CompositionListing`) like every other.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from curul.congress._games import WeightedGame
from curul.errors import CurulError, InputError
from curul.inputs import Col, CsvSchema, CsvTable, UserText, fold, parse_csv, read_text
from curul.report import Line, Presentable, Report, Span

if TYPE_CHECKING:
    import pandas as pd

#: Code of the non-attached members ("no agrupados"), who do not vote as a group.
UNATTACHED = "NA"

#: The chambers of the bicameral Congress (from 27 July 2026); ``congress`` is the unicameral one.
BICAMERAL_CHAMBERS = ("senate", "deputies")


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
    """Seats per group of one chamber on one date; ``members`` is set when legislators are known.

    ``chamber`` is ``congress`` (unicameral), ``senate`` or ``deputies``: a procedure threshold is
    evaluated in it. ``habiles`` is the number of members able to vote when it is known (roll calls, or
    :meth:`habiles_only`); ``status_on`` is the date of the members' status when the member list
    records one, and ``unable_to_vote`` the members who could not vote then, with their status.
    """

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
    status_on: dt.date | None = None
    unable_to_vote: tuple[tuple[str, str, str], ...] = ()  # (member, group code, status)

    @property
    def statuses_known(self) -> bool:
        """Whether the member list records who can vote (so :meth:`habiles_only` applies)."""
        return self.status_on is not None and bool(self.members)

    def habiles_only(self) -> Composition:
        """The members able to vote on ``status_on`` only (a member still to be sworn in is not), their
        groups recounted; ``habiles`` is their number. A second source's figures no longer apply. Applied
        twice it changes nothing."""
        if not self.statuses_known:
            raise CurulError(
                f"composition {self.id!r} records no member's status: hábiles are known for member "
                "lists with a status (2026-07-senate, 2026-07-deputies) and for roll calls"
            )
        unable = {m for m, _, _ in self.unable_to_vote}
        able = tuple((m, g) for m, g in self.members if m not in unable)
        if self.habiles == len(able) == len(self.members):
            return self  # already only its hábiles
        counts = Counter(g for _, g in able)
        groups = tuple(
            replace(g, seats=counts[g.code], alternative_seats=None, alternative_source="")
            for g in self.groups
            if counts[g.code]
        )
        return replace(
            self,
            label=f"{self.label} (hábiles only)",
            groups=groups,
            members=able,
            habiles=len(able),
        )

    def with_alternative_seats(self) -> Composition | None:
        """The same chamber with the figures another source gives (``alternative_seats``), or ``None``
        when no group has one; its member list is left out (it is the first source's)."""
        if all(g.alternative_seats is None for g in self.groups):
            return None
        groups = tuple(
            replace(g, seats=g.alternative_seats, alternative_seats=g.seats, alternative_source="")
            if g.alternative_seats is not None
            else g
            for g in self.groups
        )
        others = "; ".join(dict.fromkeys(g.alternative_source for g in self.groups if g.alternative_source))
        return replace(
            self,
            label=f"{self.label} (by {others})",
            groups=groups,
            source=others,
            members=(),
            status_on=None,
            unable_to_vote=(),
        )

    def habiles_basis(self, value: int) -> str:
        """What a share "of the hábiles" was counted on, in words (``value`` members)."""
        if self.habiles is None:
            return (
                f"hábiles: the legal number, {value} (every member taken as able to vote; the members' "
                "status is not applied)"
            )
        if self.status_on is None:
            return f"hábiles: {value}, as recorded"
        unable = "; ".join(f"{m} ({g}, {status})" for m, g, status in self.unable_to_vote) or "none"
        return (
            f"hábiles: {value} members able to vote on {self.status_on.isoformat()} by the member "
            f"list's status (not able: {unable})"
        )

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
        out: dict[str, object] = {
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
        if self.status_on is not None:  # a member list with each member's status
            out["status_on"] = self.status_on
            out["unable_to_vote"] = [
                {"member": m, "group": g, "status": status} for m, g, status in self.unable_to_vote
            ]
        return out


def _listed_once(column: str) -> Callable[[CsvTable], None]:
    """A cross-row check: no name of ``column`` twice (compared case- and accent-insensitively)."""

    def check(table: CsvTable) -> None:
        first: dict[str, int] = {}
        for index, row in enumerate(table.rows):
            key = fold(row[column])
            if key in first:
                raise table.error(
                    index, column, f"{column} {row[column]!r} listed twice (first on line {first[key]})"
                )
            first[key] = table.lines[index]

    return check


SEATS_FILE = CsvSchema(
    "composition file (group,seats)",
    (Col("group"), Col("seats", "count")),
    checks=(_listed_once("group"),),
)
"""Seats per parliamentary group."""
MEMBERS_FILE = CsvSchema(
    "member list (member,group)",
    (Col("member"), Col("group")),
    checks=(_listed_once("member"),),
)
"""One row per legislator and the group they sit in."""


def _schema_for(source: UserText) -> CsvSchema:
    """The schema a composition file's header names: ``group,seats`` or ``member,group``."""
    first = next(csv.reader(source.text.splitlines()[:1]), [""])
    kind = first[0].strip().casefold() if first else ""
    if kind == "group":
        return SEATS_FILE
    if kind == "member":
        return MEMBERS_FILE
    raise InputError(source.name, "header must be 'group,seats' or 'member,group'", line=1, column=1)


def read_composition_csv(path: str | Path) -> Composition:
    """A composition from a ``group,seats`` (:data:`SEATS_FILE`) or ``member,group``
    (:data:`MEMBERS_FILE`) CSV file (``-``: standard input), read through :mod:`curul.inputs`."""
    source = read_text(path)
    schema = _schema_for(source)
    table = parse_csv(source, schema)
    seats: dict[str, int] = {}
    members: list[tuple[str, str]] = []
    if schema is SEATS_FILE:
        seats = {row["group"]: row["seats"] for row in table.rows}
    else:
        spelled: dict[str, str] = {}  # a group spelled two ways is one group, named as first written
        for row in table.rows:
            group = spelled.setdefault(fold(row["group"]), row["group"])
            members.append((row["member"], group))
            seats[group] = seats.get(group, 0) + 1
    if sum(seats.values()) == 0:
        raise InputError(source.name, "no seats in the file", line=2, column=1)
    groups = tuple(GroupSeats(code, code, n) for code, n in seats.items())
    name = Path(source.name).stem
    total = sum(seats.values())
    return Composition(
        name, None, source.name, "congress", total, groups, source.name, members=tuple(members)
    )


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
                    "chamber": c.chamber,
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
            if c.chamber in BICAMERAL_CHAMBERS:  # two chambers sit at once: say which, and the caveats
                lines.append([Span(c.id, "bold"), f" ({c.date}, {c.chamber}, {c.total}) {c.label}: {seats}"])
                lines.append(["  ", Span(c.source, "dim")])
                lines.append(Line.of(f"  {c.note}") if c.note else None)
                continue
            lines.append([Span(c.id, "bold"), f" ({c.date}) {c.label}: {seats}"])
            lines.append(["  ", Span(c.source, "dim")])
        return Report.of(*lines)
