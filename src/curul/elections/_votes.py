"""Reading a votes file (``district,party,votes``; extra columns ignored) with one-line, located errors."""

from __future__ import annotations

import csv
from dataclasses import dataclass, replace
from pathlib import Path

from curul.data import fold
from curul.elections._allocation import TieBreak, check_method
from curul.elections._election import ElectionResult, allocate_system
from curul.elections._official import alliance_members
from curul.elections._systems import ElectoralSystem, load_system
from curul.errors import InputError

REQUIRED = ("district", "party", "votes")


@dataclass(frozen=True)
class VotesTable:
    """Votes per district (the system's spelling) and list, and alliance sizes from optional columns."""

    votes: dict[str, dict[str, int]]
    members: dict[str, int]


def read_votes(path: str | Path, system: ElectoralSystem) -> VotesTable:
    """Parse ``path`` against ``system``'s districts; optional ``org_type`` / ``members`` size alliances."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read: {exc}") from None
    reader = csv.reader(text.splitlines())
    header = next(reader, None)
    if not header:
        raise InputError(path, "empty file; expected a header district,party,votes", line=1)
    names = [h.strip().lower() for h in header]
    for col in REQUIRED:
        if col not in names:
            raise InputError(path, f"missing column {col!r} (header: {','.join(header)})", line=1, field=col)
    at = {name: names.index(name) for name in names}
    votes: dict[str, dict[str, int]] = {}
    members: dict[str, int] = {}
    seen: dict[tuple[str, str], int] = {}
    spelled: dict[str, str] = {}
    for line, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < len(header):
            raise InputError(path, f"{len(row)} fields, expected {len(header)}", line=line)
        raw_district = row[at["district"]].strip()
        district = system.district(raw_district)
        if district is None:
            raise InputError(
                path,
                f"unknown district {raw_district!r} for {system.name}",
                line=line,
                column=at["district"] + 1,
                field="district",
            )
        party = row[at["party"]].strip()
        if not party:
            raise InputError(path, "empty party name", line=line, column=at["party"] + 1, field="party")
        party = spelled.setdefault(fold(party), party)
        cell = row[at["votes"]].strip()
        try:
            count = int(cell)
        except ValueError:
            raise InputError(
                path,
                f"votes must be a whole number, got {cell!r}",
                line=line,
                column=at["votes"] + 1,
                field="votes",
            ) from None
        if count < 0:
            raise InputError(
                path,
                f"votes must not be negative, got {count}",
                line=line,
                column=at["votes"] + 1,
                field="votes",
            )
        key = (district, party)
        if key in seen:
            raise InputError(
                path,
                f"duplicate district/party {district} / {party} (first on line {seen[key]})",
                line=line,
                column=at["party"] + 1,
                field="party",
            )
        seen[key] = line
        votes.setdefault(district, {})[party] = count
        size = 1
        if "members" in at and row[at["members"]].strip():
            cell = row[at["members"]].strip()
            if not cell.isdigit() or int(cell) < 1:
                raise InputError(
                    path,
                    f"members must be a positive whole number, got {cell!r}",
                    line=line,
                    column=at["members"] + 1,
                    field="members",
                )
            size = int(cell)
        elif "org_type" in at:
            size = alliance_members(row[at["org_type"]])
        members[party] = max(members.get(party, 1), size)
    if not votes:
        raise InputError(path, "no vote rows after the header", line=2)
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
