"""Official per-district figures of past Congress elections, shaped for the allocator and its checks."""

from __future__ import annotations

from curul.data import fold, load
from curul.elections._systems import ElectoralSystem
from curul.errors import CurulError

OFFICIAL_YEARS = (2001, 2006, 2011, 2016)


def alliance_members(org_type: str) -> int:
    """Member parties of a list as far as its org type tells: an alliance counts as 2 (its least size)."""
    kind = fold(org_type or "")
    if ":" in kind:
        kind, _, count = kind.partition(":")
        if count.strip().isdigit():
            return max(1, int(count))
    return 2 if kind.startswith(("ALIANZA", "ALLIANCE")) else 1


def official_votes(system: ElectoralSystem) -> tuple[dict[str, dict[str, int]], dict[str, int]]:
    """Votes per district and list of the system's year (official data), and alliance sizes."""
    if system.year not in OFFICIAL_YEARS:
        raise CurulError(
            f"no bundled per-district results for {system.year}; bundled years: "
            + ", ".join(str(y) for y in OFFICIAL_YEARS)
        )
    votes: dict[str, dict[str, int]] = {}
    members: dict[str, int] = {}
    for row in load(f"congress-{system.year}-district-votes").rows:
        district = system.district(row.district)
        if district is None:
            raise CurulError(f"{system.name}: official district {row.district!r} is not in the system")
        votes.setdefault(district, {})[row.party] = row.votes
        members[row.party] = alliance_members(getattr(row, "org_type", "") or "")
    return votes, members


def official_seats(system: ElectoralSystem) -> dict[str, dict[str, int]]:
    """Official seats per district and list of the system's year."""
    if system.year not in OFFICIAL_YEARS:
        raise CurulError(f"no bundled per-district seats for {system.year}")
    seats: dict[str, dict[str, int]] = {}
    for row in load(f"congress-{system.year}-district-seats").rows:
        district = system.district(row.district)
        if district is None:
            raise CurulError(f"{system.name}: official district {row.district!r} is not in the system")
        seats.setdefault(district, {})[row.party] = seats.get(district, {}).get(row.party, 0) + row.seats
    return seats
