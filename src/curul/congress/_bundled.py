"""The bundled compositions (``compositions.toml``), validated on load, and the lookup by id or path.

Two kinds of entry. The unicameral compositions give their seats per group with a source, as press
and official tallies published them. The compositions of the bicameral Congress (from July 2026) are
*built from the member list* (:func:`curul.data.members`): the file names the chamber and the code of
each party, and the seats are the members counted under the party the official list gives. Their date
and source are the list's own, the one seat a second source gives to another party is carried as that
source's figures, and the members not yet sworn are recorded, so a composition says what it rests on.

The member list is read only when such a composition is asked for, so looking up a unicameral one does
not load the 2026 data.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from curul.congress._compositions import (
    Composition,
    CompositionListing,
    GroupSeats,
    read_composition_csv,
)
from curul.errors import CurulError, InputError

_WHERE = "compositions.toml"
_REQUIRED = ("id", "date", "label", "chamber", "legal_number", "source", "group")
_REQUIRED_FROM_MEMBERS = ("id", "label", "chamber", "legal_number", "members", "group")


@dataclass(frozen=True)
class _FromMembers:
    """An entry built from the member list of ``members`` (a chamber of :func:`curul.data.members`)."""

    id: str
    label: str
    chamber: str
    legal_number: int
    members: str
    groups: tuple[tuple[str, str], ...]  # (code, party name as the member list gives it)
    note: str


def _missing(raw: dict[str, Any], required: tuple[str, ...], k: int) -> None:
    missing = [f for f in required if f not in raw]
    if missing:
        raise InputError(_WHERE, f"composition #{k + 1} lacks {', '.join(missing)}")


def _parse_bundle(text: str) -> tuple[Composition | _FromMembers, ...]:
    data = tomllib.loads(text)
    out: list[Composition | _FromMembers] = []
    for k, raw in enumerate(data.get("composition", [])):
        if "members" in raw:
            _missing(raw, _REQUIRED_FROM_MEMBERS, k)
            out.append(
                _FromMembers(
                    raw["id"],
                    raw["label"],
                    raw["chamber"],
                    int(raw["legal_number"]),
                    raw["members"],
                    tuple((g["code"], g["name"]) for g in raw["group"]),
                    raw.get("note", ""),
                )
            )
            continue
        _missing(raw, _REQUIRED, k)
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
        _check_total(comp)
        out.append(comp)
    return tuple(out)


def _check_total(comp: Composition) -> None:
    if comp.total != comp.legal_number:
        raise InputError(_WHERE, f"{comp.id}: seats sum to {comp.total}, not {comp.legal_number}")


@cache
def _from_members(entry: _FromMembers) -> Composition:
    """Count the members of ``entry.members`` per party; every party needs a code and every code a member."""
    from curul.data import fold, members  # the 2026 data, loaded when a 2026 composition is asked for

    listing = members(entry.members)
    code_of = {fold(name): code for code, name in entry.groups}

    def code(party: str, who: str) -> str:
        try:
            return code_of[fold(party)]
        except KeyError:
            raise InputError(_WHERE, f"{entry.id}: no group code for {party!r} (party of {who})") from None

    people = [(m, code(m.party, m.name)) for m in listing.members]
    seats = Counter(c for _, c in people)
    empty = [c for c, _ in entry.groups if not seats[c]]
    if empty:
        raise InputError(_WHERE, f"{entry.id}: no member of {', '.join(empty)} in the member list")
    # The second source's figures: each member counted under its party where it names another.
    second = Counter(code(m.second_source.party, m.name) if m.second_source else c for m, c in people)
    others = sorted({m.second_source.source for m, _ in people if m.second_source})
    order = {c: k for k, (c, _) in enumerate(entry.groups)}
    groups = tuple(
        GroupSeats(
            c,
            name,
            seats[c],
            alternative_seats=second[c] if second[c] != seats[c] else None,
            alternative_source="; ".join(others) if second[c] != seats[c] else "",
        )
        for c, name in sorted(entry.groups, key=lambda g: (-seats[g[0]], order[g[0]]))
    )
    disputed = [
        f"{m.district}: the official list has {m.name} ({c}); {m.second_source.source} has "
        f"{m.second_source.name} ({code(m.second_source.party, m.name)})"
        for m, c in people
        if m.second_source is not None
    ]
    unable = tuple((m.name, c, m.status) for m, c in people if not m.sworn)
    notes = [entry.note] if entry.note else []
    parts = Counter(m.senate_component for m, _ in people if m.senate_component)
    if parts:
        notes.append(
            ", ".join(
                f"{n} of the {part} list" if part == "national" else f"{n} of the {part}s"
                for part, n in sorted(parts.items(), reverse=True)
            )
            + "."
        )
    if disputed:
        figures = ", ".join(
            f"{g.code} {g.alternative_seats}" for g in groups if g.alternative_seats is not None
        )
        notes.append(
            f"Where a second source differs ({'; '.join(disputed)}) the official list is kept; "
            f"by the second source: {figures}."
        )
    if unable:
        names = "; ".join(f"{m} ({c}, {status})" for m, c, status in unable)
        notes.append(f"Not yet sworn on {listing.as_of.isoformat()}: {names}.")
    comp = Composition(
        entry.id,
        listing.as_of,
        entry.label,
        entry.chamber,
        entry.legal_number,
        groups,
        "; ".join(listing.sources),
        " ".join(notes),
        members=tuple((m.name, c) for m, c in people),
        status_on=listing.as_of,
        unable_to_vote=unable,
    )
    _check_total(comp)
    return comp


@cache
def _entries() -> tuple[Composition | _FromMembers, ...]:
    return _parse_bundle(resources.files("curul.congress").joinpath(_WHERE).read_text("utf-8"))


def _built(entry: Composition | _FromMembers) -> Composition:
    return _from_members(entry) if isinstance(entry, _FromMembers) else entry


@cache
def compositions() -> tuple[Composition, ...]:
    """All bundled compositions, oldest first (the two chambers of a date in the file's order)."""
    return tuple(sorted(map(_built, _entries()), key=lambda c: c.date or dt.date.min))


def composition(name: str) -> Composition:
    """A bundled composition by id (``2016``, ``2020``, ``2021-07``, ``2022-06``, ``2025-07``, and the
    bicameral ``2026-07-senate``, ``2026-07-deputies``)."""
    for entry in _entries():
        if entry.id == name:
            return _built(entry)
    known = ", ".join(e.id for e in _entries())
    raise CurulError(f"unknown composition {name!r}; known: {known}, a CSV file, or rollcalls:YYYY-MM-DD")


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


def composition_listing() -> CompositionListing:
    """Every bundled composition, oldest first."""
    return CompositionListing(compositions())
