"""A whole election under a system, exactly: the threshold (with its preliminary allocation), then seats."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from curul.elections._allocation import Allocation, Tie, TieBreak, allocate, check_method
from curul.elections._systems import ElectoralSystem
from curul.elections._thresholds import ThresholdInput, Verdict
from curul.errors import CurulError

Votes = Mapping[str, Mapping[str, int]]  # district -> list -> valid votes


@dataclass(frozen=True)
class ElectionResult:
    """Seats per district and list, the threshold verdict of every list, and every tie met on the way."""

    system: ElectoralSystem
    method: str
    votes: Votes
    districts: Mapping[str, Allocation]
    verdicts: Mapping[str, Verdict]
    preliminary: Mapping[str, Allocation] | None = None

    @property
    def parties(self) -> list[str]:
        return list(dict.fromkeys(p for d in self.votes.values() for p in d))

    @property
    def seats(self) -> dict[str, int]:
        """National seats per list (every list, zeros included), in list order."""
        out = {p: 0 for p in self.parties}
        for alloc in self.districts.values():
            for p, s in alloc.seats.items():
                out[p] += s
        return out

    @property
    def national_votes(self) -> dict[str, int]:
        out = {p: 0 for p in self.parties}
        for row in self.votes.values():
            for p, v in row.items():
                out[p] += v
        return out

    @property
    def passed(self) -> list[str]:
        return [p for p in self.parties if self.verdicts[p].passed]

    @property
    def failed(self) -> list[str]:
        return [p for p in self.parties if not self.verdicts[p].passed]

    @property
    def ties(self) -> list[Tie]:
        """Ties of the final allocation (a tie there decides a seat)."""
        return [t for a in self.districts.values() for t in a.ties]

    @property
    def preliminary_ties(self) -> list[Tie]:
        """Ties of the preliminary allocation (they matter only if they change who passes the threshold)."""
        return [t for a in (self.preliminary or {}).values() for t in a.ties]

    @property
    def undecided(self) -> int:
        return sum(a.undecided for a in self.districts.values())

    def district_seats(self) -> dict[str, dict[str, int]]:
        return {d: {p: s for p, s in a.seats.items() if s} for d, a in self.districts.items()}


def allocate_system(
    system: ElectoralSystem,
    votes: Votes,
    *,
    method: str | None = None,
    tie_break: TieBreak = None,
    members: Mapping[str, int] | None = None,
) -> ElectionResult:
    """Apply ``system`` to ``votes`` (any spelling of its district names): threshold, then cifra per district.

    ``method`` replaces the system's method (for "what if" questions); ``members`` gives the number of
    member parties of each alliance (parties default to 1). A district with no votes keeps its seats
    undecided rather than inventing a winner.
    """
    method = check_method(method or system.method)
    unknown = [d for d in votes if system.district(d) is None]
    if unknown:
        raise CurulError(f"{system.name}: unknown district(s) {', '.join(unknown)}")
    merged: dict[str, dict[str, int]] = {}
    for name, row in votes.items():  # any official spelling or alias of a district
        target = merged.setdefault(system.district(name) or name, {})
        for party, count in row.items():
            target[party] = target.get(party, 0) + count
    votes = merged
    parties = list(dict.fromkeys(p for d in votes.values() for p in d))
    full = {d: {p: votes.get(d, {}).get(p, 0) for p in parties} for d in system.districts}
    preliminary: dict[str, Allocation] | None = None

    def prelim() -> Mapping[str, Mapping[str, int]]:
        nonlocal preliminary
        if preliminary is None:
            preliminary = {
                d: allocate(full[d], system.magnitude(d), method, tie_break=tie_break, district=d)
                for d in system.districts
            }
        return {d: a.seats for d, a in preliminary.items()}

    if system.threshold.needs_preliminary():
        prelim()
    verdicts = system.threshold.evaluate(ThresholdInput(full, dict(members or {}), prelim))
    if parties and not any(v.passed for v in verdicts.values()):
        raise CurulError(
            f"{system.name}: no list passes the threshold; the law does not say what happens then"
        )
    districts = {
        d: allocate(
            {p: v for p, v in full[d].items() if verdicts[p].passed},
            system.magnitude(d),
            method,
            tie_break=tie_break,
            district=d,
        )
        for d in system.districts
    }
    return ElectionResult(system, method, full, districts, verdicts, preliminary)
