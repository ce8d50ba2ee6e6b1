"""Reading a votes file (``district,party,votes``, optionally ``org_type``, ``members`` and ``note``) through
:mod:`curul.inputs`, with one-line, located errors."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from curul.data import fold
from curul.elections._allocation import TieBreak, check_method
from curul.elections._election import ElectionResult, allocate_system
from curul.elections._official import alliance_members
from curul.elections._systems import ElectoralSystem, load_system
from curul.errors import InputError
from curul.inputs import Col, CsvSchema, read_csv

VOTES_FILE = CsvSchema(
    "votes file",
    (
        Col("district"),
        Col("party"),
        Col("votes", "count"),
        # Alliances: their size (members) or the official organisation type that implies it.
        Col("org_type", "text", required=False),
        Col("members", "count?", required=False),
        Col("note", "text", required=False),
    ),
    key=("district", "party"),
)
"""A votes file: one row per district and list (names compared case- and accent-insensitively)."""


@dataclass(frozen=True)
class VotesTable:
    """Votes per district (the system's spelling) and list, and alliance sizes from optional columns."""

    votes: dict[str, dict[str, int]]
    members: dict[str, int]


def read_votes(path: str | Path, system: ElectoralSystem) -> VotesTable:
    """Read ``path`` (``-``: standard input) as a :data:`VOTES_FILE` against ``system``'s districts;
    optional ``org_type`` / ``members`` columns size alliances."""
    table = read_csv(path, VOTES_FILE)
    if not table.rows:
        raise InputError(table.name, "no vote rows after the header", line=2, column=1)
    votes: dict[str, dict[str, int]] = {}
    members: dict[str, int] = {}
    seen: dict[tuple[str, str], int] = {}
    spelled: dict[str, str] = {}
    for index, row in enumerate(table.rows):
        district = system.district(row["district"])
        if district is None:
            raise table.error(index, "district", f"unknown district {row['district']!r} for {system.name}")
        party = spelled.setdefault(fold(row["party"]), row["party"])
        key = (district, party)
        if key in seen:  # two spellings of one district (an alias and its name)
            raise table.error(
                index, "party", f"duplicate district/party {district} / {party} (first on line {seen[key]})"
            )
        seen[key] = table.lines[index]
        votes.setdefault(district, {})[party] = row["votes"]
        size = 1
        if row["members"] is not None:
            if row["members"] < 1:
                raise table.error(index, "members", "members must be a positive whole number, got 0")
            size = row["members"]
        elif row["org_type"]:
            size = alliance_members(row["org_type"])
        members[party] = max(members.get(party, 1), size)
    return VotesTable(votes, members)


def allocate_file(
    system: ElectoralSystem | str,
    path: str | Path,
    *,
    method: str | None = None,
    tie_break: TieBreak = None,
    readings: dict[str, str] | None = None,
    explain: bool = False,
) -> ElectionResult:
    """``system`` (under ``readings``) applied to the votes file at ``path`` (see :func:`read_votes`);
    ``explain`` adds each list's threshold tests and each district's last-seat margin."""
    chosen = check_method(method) if method else None
    spec = (load_system(system) if isinstance(system, str) else system).with_readings(readings)
    table = read_votes(path, spec)
    result = allocate_system(spec, table.votes, method=chosen, tie_break=tie_break, members=table.members)
    return replace(result, explain=explain) if explain else result
