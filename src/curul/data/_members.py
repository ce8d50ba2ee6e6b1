"""The members of Congress 2026-2031 as typed records, for any package that builds on them.

The bundled list is the official one of 31 July 2026 (the Senate's and the Chamber's member pages); no
later change (a vacancy, a replacement) is recorded, so every date of the term gives the same members
and the result says up to when the list is known. The one seat a second source gives to another
member (the fifth Lambayeque deputy) stays with the official list, and the member carries the other
source's name and party so a caller can see it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from curul.data._dataset import load
from curul.errors import ArgumentError
from curul.inputs import fold
from curul.report import Column, Line, Presentable, Report, Table

if TYPE_CHECKING:
    import pandas as pd

# The term: the annual session period begins on 27 July (Reglamento del Congreso art. 48) and a
# Congress serves five years; the 2026 installation date itself is not in the sources (inferred).
TERM_START = dt.date(2026, 7, 27)
TERM_END = dt.date(2031, 7, 26)
CHAMBERS = ("senate", "deputies")
_CONTESTS = {"senate_national": ("senate", "national"), "senate_district": ("senate", "district")}
_CONTESTS["deputies"] = ("deputies", "")
_SWORN = "EN EJERCICIO"


@dataclass(frozen=True)
class SecondSource:
    """What another source says of a seat where it differs from the official list."""

    party: str
    name: str
    source: str


@dataclass(frozen=True)
class Member:
    """One senator or deputy: ``senate_component`` is ``national`` (the 30 of the national list) or
    ``district`` for senators, empty for deputies; ``sworn`` is false for a member still "Electo"."""

    name: str
    chamber: str
    senate_component: str
    district: str
    party: str
    gender: str
    status: str
    status_date: dt.date
    page: str
    source: str
    note: str = ""
    second_source: SecondSource | None = None

    @property
    def sworn(self) -> bool:
        return fold(self.status) == _SWORN

    def as_dict(self) -> dict[str, Any]:
        second = self.second_source
        return {
            "name": self.name,
            "chamber": self.chamber,
            "senate_component": self.senate_component,
            "district": self.district,
            "party": self.party,
            "gender": self.gender,
            "status": self.status,
            "status_date": self.status_date.isoformat(),
            "sworn": self.sworn,
            "page": self.page,
            "source": self.source,
            "note": self.note,
            "second_source": None
            if second is None
            else {"party": second.party, "name": second.name, "source": second.source},
        }


def _member(row: Any) -> Member:
    chamber, component = _CONTESTS[row.chamber]
    second = (
        SecondSource(row.second_source_party, row.second_source_name, row.second_source)
        if row.second_source_party
        else None
    )
    return Member(
        name=row.name,
        chamber=chamber,
        senate_component=component,
        district=row.district,
        party=row.party,
        gender=row.gender,
        status=row.status,
        status_date=row.status_date,
        page=row.member_page,
        source=row.source,
        note=row.note,
        second_source=second,
    )


@dataclass(frozen=True)
class Members(Presentable):
    """Members of Congress 2026-2031 (one chamber or both) on a date of the term, as known on ``as_of``."""

    members: tuple[Member, ...]
    chamber: str | None
    on: dt.date | None
    as_of: dt.date

    def seats(self) -> dict[str, int]:
        """Members per party, most first (ties by name)."""
        counts = Counter(m.party for m in self.members)
        return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))

    def of_chamber(self, chamber: str) -> tuple[Member, ...]:
        return tuple(m for m in self.members if m.chamber == chamber)

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.source for m in self.members))

    def as_dict(self) -> dict[str, Any]:
        return {
            "chamber": self.chamber,
            "on": None if self.on is None else self.on.isoformat(),
            "as_of": self.as_of.isoformat(),
            "term": {"start": TERM_START.isoformat(), "end": TERM_END.isoformat()},
            "count": len(self.members),
            "seats": self.seats(),
            "members": [m.as_dict() for m in self.members],
            "sources": list(self.sources),
        }

    def to_frame(self) -> pd.DataFrame:
        """One row per member: chamber, Senate component, district, party, status."""
        import pandas as pd

        rows = [{k: v for k, v in m.as_dict().items() if k != "second_source"} for m in self.members]
        return pd.DataFrame(rows).set_index("name")

    def report(self) -> Report:
        where = {None: "Congress", "senate": "Senate", "deputies": "Chamber of Deputies"}[self.chamber]
        when = f" on {self.on.isoformat()}" if self.on else ""
        table = Table.build(
            ["party", Column("members", align="right")],
            [[p, str(n)] for p, n in self.seats().items()],
            title=f"{where} 2026-2031{when}: {len(self.members)} members",
        )
        notes = [
            Line.of(f"  {m.name} ({m.party}, {m.district}): {m.status} on {m.status_date.isoformat()}")
            for m in self.members
            if not m.sworn
        ]
        notes += [
            Line.of(
                f"  {m.district}: the official list has {m.name} ({m.party}); {m.second_source.source} "
                f"has {m.second_source.name} ({m.second_source.party})"
            )
            for m in self.members
            if m.second_source is not None
        ]
        known = Line.of(f"official member lists as of {self.as_of.isoformat()}; no later change is recorded")
        return Report.of(table, *notes, known, Line.of("Sources: " + "; ".join(self.sources), "fold"))


def _date(value: dt.date | str, argument: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ArgumentError(argument, f"not a date (YYYY-MM-DD): {value!r}") from None


def members(chamber: str | None = None, *, on: dt.date | str | None = None) -> Members:
    """The members of Congress 2026-2031: both chambers, or ``chamber`` (``senate`` / ``deputies``), on
    date ``on`` of the term (27 July 2026 - 26 July 2031; any date gives the list of 31 July 2026)."""
    if chamber is not None and chamber not in CHAMBERS:
        raise ArgumentError("chamber", f"must be senate or deputies, got {chamber!r}")
    day = None if on is None else _date(on, "on")
    if day is not None and not TERM_START <= day <= TERM_END:
        raise ArgumentError(
            "on",
            f"{{name}} {day.isoformat()} is outside the 2026-2031 term ({TERM_START.isoformat()} to "
            f"{TERM_END.isoformat()})",
        )
    rows = load("congress-2026-members").rows
    chosen = tuple(m for m in map(_member, rows) if chamber is None or m.chamber == chamber)
    as_of = max(m.status_date for m in chosen)
    return Members(chosen, chamber, day, as_of)
