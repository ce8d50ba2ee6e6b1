"""Official per-district figures of Congress elections, shaped for the allocator and its checks: the
official votes to allocate (2001-2016; for 2026 the partial count, see ``_partial.py``), the official
seats, and the comparison of the two."""

from __future__ import annotations

from dataclasses import replace

from curul.data import fold, load, names
from curul.elections._allocation import TieBreak, check_method
from curul.elections._comparison import OfficialComparison
from curul.elections._election import ElectionResult, allocate_system
from curul.elections._margins import swaps
from curul.elections._partial import PARTIAL_YEARS, official_seats_2026, partial_votes
from curul.elections._systems import ElectoralSystem, load_system
from curul.errors import ArgumentError, CurulError

OFFICIAL_YEARS = (2001, 2006, 2011, 2016)


def alliance_members(org_type: str) -> int:
    """Member parties of a list as far as its org type tells: an alliance counts as 2 (its least size)."""
    kind = fold(org_type or "")
    if ":" in kind:
        kind, _, count = kind.partition(":")
        if count.strip().isdigit():
            return max(1, int(count))
    return 2 if kind.startswith(("ALIANZA", "ALLIANCE")) else 1


def missing_official_votes(system: ElectoralSystem) -> str:
    """Why the official result of ``system`` cannot be reproduced: the one line that names what is
    missing (the votes of every list in every district of its year) and what of that year is bundled."""
    year = system.year
    bundled = [n for n in names() if n.startswith(f"congress-{year}-")]
    if year in PARTIAL_YEARS:
        have = "only a partial count per district is bundled (allocate_partial; curul seats --partial)"
    elif bundled:
        have = f"bundled for {year}: {', '.join(bundled)} (national figures, no district votes)"
    else:
        have = f"no {year} Congress figures are bundled"
    years = ", ".join(str(y) for y in OFFICIAL_YEARS)
    return (
        f"{system.name}: the official votes of every list in every district of {year} are needed and not "
        f"bundled; {have}; official results are reproduced district by district for {years}"
    )


def official_votes(system: ElectoralSystem) -> tuple[dict[str, dict[str, int]], dict[str, int]]:
    """Votes per district and list of the system's year (official data), and alliance sizes."""
    if system.year not in OFFICIAL_YEARS:
        raise ArgumentError("system", missing_official_votes(system))
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
    if system.year in PARTIAL_YEARS:
        return official_seats_2026(system)
    if system.year not in OFFICIAL_YEARS:
        raise CurulError(f"no bundled per-district seats for {system.year}")
    seats: dict[str, dict[str, int]] = {}
    for row in load(f"congress-{system.year}-district-seats").rows:
        district = system.district(row.district)
        if district is None:
            raise CurulError(f"{system.name}: official district {row.district!r} is not in the system")
        seats.setdefault(district, {})[row.party] = seats.get(district, {}).get(row.party, 0) + row.seats
    return seats


def compare_official(result: ElectionResult) -> OfficialComparison:
    """How ``result``'s seats compare with the official seats of its system's year, district by district;
    when the result explains itself, each differing seat is paired with the official one and its margin."""
    system = result.system
    official = official_seats(system)
    comparison = OfficialComparison.of(system.districts, result.district_seats(), official, result.parties)
    if not result.explain:
        return comparison
    passed = {p: v.passed for p, v in result.verdicts.items()}
    paired = tuple(
        swap
        for d in system.districts
        for swap in swaps(d, result.districts[d], official.get(d, {}), result.votes[d], passed)
    )
    return replace(comparison, swaps=paired)


def allocate_official(
    system: ElectoralSystem | str,
    *,
    method: str | None = None,
    tie_break: TieBreak = None,
    readings: dict[str, str] | None = None,
    explain: bool = False,
) -> ElectionResult:
    """``system`` applied to the bundled official votes of its year, compared with the official seats.

    ``method`` replaces the system's method (the comparison then shows what it would have changed);
    ``readings`` chooses contested readings of its rules; ``explain`` adds each district's last-seat
    margin and each list's threshold tests.
    """
    chosen = check_method(method) if method else None
    spec = (load_system(system) if isinstance(system, str) else system).with_readings(readings)
    votes, members = official_votes(spec)
    result = allocate_system(spec, votes, method=chosen, tie_break=tie_break, members=members)
    result = replace(result, explain=explain)
    return replace(result, official=compare_official(result))


def allocate_partial(
    system: ElectoralSystem | str,
    *,
    readings: dict[str, str] | None = None,
    method: str | None = None,
    tie_break: TieBreak = None,
) -> ElectionResult:
    """``system`` (under ``readings``) applied to the bundled partial count of its year (2026), labelled
    with its stage and compared with the official seats district by district, with the margin of every
    last seat and of every seat that differs."""
    chosen = check_method(method) if method else None
    spec = (load_system(system) if isinstance(system, str) else system).with_readings(readings)
    votes, stage = partial_votes(spec)
    result = allocate_system(spec, votes, method=chosen, tie_break=tie_break)
    result = replace(result, stage=stage, explain=True)
    return replace(result, official=compare_official(result))
