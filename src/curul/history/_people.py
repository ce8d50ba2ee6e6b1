"""The people of the 2026 datasets (officers, cabinet, members of Congress), found by name.

The event file names people as the news does ("Luis Galarreta"); the datasets give the full name, in
either order ("Luis Fernando Galarreta Velarde", "Torres Morales, Miguel Ángel"). A short name matches a
full one when all its words (folded: case and accents ignored) are among the full name's words — and it
matches only if exactly one row of a dataset fits, so a common surname never picks the wrong person.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

from curul.data import Member, fold, load, members

# Congress 2026-2027: the officers dataset names the boards of the first annual period only.
OFFICERS_PERIOD = (dt.date(2026, 7, 27), dt.date(2027, 7, 26))
TERM = (dt.date(2026, 7, 27), dt.date(2031, 7, 26))


def words(name: str) -> frozenset[str]:
    return frozenset(fold(name.replace(",", " ")).casefold().split())


def same_person(short: str, full: str) -> bool:
    """All the words of ``short`` are words of ``full`` (case and accents ignored)."""
    return bool(short) and words(short) <= words(full)


@dataclass(frozen=True)
class Found:
    """A dataset row about a person: the dataset, what it says, its source."""

    dataset: str
    full_name: str
    says: str
    source: str

    def as_dict(self) -> dict[str, str]:
        return {
            "dataset": self.dataset,
            "full_name": self.full_name,
            "says": self.says,
            "source": self.source,
        }


def _one(rows: list[Found]) -> list[Found]:
    return rows if len({r.full_name for r in rows}) == 1 else []


@cache
def officer_rows(person: str) -> tuple[Found, ...]:
    """What congress-2026-officers says of ``person`` (boards of both chambers, committee chairs)."""
    rows = [
        Found(
            "congress-2026-officers",
            r.person,
            f"{r.body}: {r.role}" + (f" ({r.note})" if r.note else ""),
            r.source,
        )
        for r in load("congress-2026-officers").rows
        if r.person and same_person(person, r.person)
    ]
    return tuple(_one(rows))


@cache
def cabinet_rows(person: str) -> tuple[Found, ...]:
    """What cabinet-2026 says of ``person``: the portfolio, the resolution, the date."""
    rows = [
        Found(
            "cabinet-2026",
            r.minister,
            f"{r.portfolio} from {r.appointed.isoformat()} ({r.resolution}, {r.link}); {r.status}"
            + (f"; {r.note}" if r.note else ""),
            r.source,
        )
        for r in load("cabinet-2026").rows
        if same_person(person, r.minister)
    ]
    return tuple(_one(rows))


def member_of_congress(person: str, on: dt.date) -> Member | None:
    """The member of Congress 2026-2031 that ``person`` is on ``on`` (inside the term), else None."""
    if not TERM[0] <= on <= TERM[1]:
        return None
    found = [m for m in members(on=on).members if same_person(person, m.name)]
    return found[0] if len({m.name for m in found}) == 1 else None


def member_row(member: Member) -> Found:
    where = f"{member.senate_component} list, " if member.senate_component else ""
    chamber = {"senate": "senator", "deputies": "deputy"}[member.chamber]
    return Found(
        "congress-2026-members",
        member.name,
        f"{chamber} ({member.party}; {where}{member.district}), {member.status} on "
        f"{member.status_date.isoformat()}",
        member.source,
    )


def ministers_in_congress(on: dt.date) -> tuple[tuple[Found, Member], ...]:
    """The ministers of the 28 July 2026 cabinet who are also members of Congress on ``on``."""
    out = []
    for row in load("cabinet-2026").rows:
        member = member_of_congress(row.minister, on)
        if member is not None:
            found = Found("cabinet-2026", row.minister, f"{row.portfolio} ({row.resolution})", row.source)
            out.append((found, member))
    return tuple(out)


def chamber_vice_presidents(chamber: str) -> tuple[Found, ...]:
    """Board vice presidents the officers dataset mentions for ``chamber`` (a name may be missing)."""
    body = {"senate": "SENADO", "deputies": "DIPUTADOS"}[chamber]
    return tuple(
        Found(
            "congress-2026-officers",
            r.person or "",
            f"{r.role} ({r.date.isoformat()}): " + (r.person or r.note),
            r.source,
        )
        for r in load("congress-2026-officers").rows
        if body in fold(r.body) and ("VICEPRESIDENT" in fold(r.role) or "MESA DIRECTIVA" in fold(r.role))
    )
