"""Disproportionality and fragmentation indices, from national votes and seats per list.

Shares are of valid votes (lists' votes only) and of seats. Gallagher (1991) least-squares index and the
Loosemore–Hanby (1971) index are in percentage points; the effective number of parties is Laakso–Taagepera
(1979), 1 / Σ share².
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from curul.errors import CurulError
from curul.report import Presentable, Report


def _shares(values: Mapping[str, int], keys: list[str]) -> list[float]:
    total = sum(values.get(k, 0) for k in keys)
    if total <= 0:
        raise CurulError("indices need a positive total")
    return [values.get(k, 0) / total for k in keys]


def gallagher(votes: Mapping[str, int], seats: Mapping[str, int]) -> float:
    """√(½ Σ (vote% − seat%)²), in percentage points."""
    keys = list(dict.fromkeys([*votes, *seats]))
    v, s = _shares(votes, keys), _shares(seats, keys)
    return math.sqrt(sum((100 * (a - b)) ** 2 for a, b in zip(v, s, strict=True)) / 2)


def loosemore_hanby(votes: Mapping[str, int], seats: Mapping[str, int]) -> float:
    """½ Σ |vote% − seat%|, in percentage points."""
    keys = list(dict.fromkeys([*votes, *seats]))
    v, s = _shares(votes, keys), _shares(seats, keys)
    return sum(abs(100 * (a - b)) for a, b in zip(v, s, strict=True)) / 2


def effective_number(values: Mapping[str, int]) -> float:
    """Laakso–Taagepera effective number of parties, 1 / Σ share²."""
    keys = list(values)
    return 1 / sum(p * p for p in _shares(values, keys))


@dataclass(frozen=True)
class Indices(Presentable):
    """Disproportionality (Gallagher, Loosemore–Hanby, in points) and the effective number of parties."""

    gallagher: float
    loosemore_hanby: float
    enp_votes: float
    enp_seats: float

    def as_dict(self) -> dict[str, float]:
        return {
            "gallagher": round(self.gallagher, 4),
            "loosemore_hanby": round(self.loosemore_hanby, 4),
            "enp_votes": round(self.enp_votes, 4),
            "enp_seats": round(self.enp_seats, 4),
        }

    def report(self) -> Report:
        d = self.as_dict()  # shown from the rounded figures, as the JSON gives them
        return Report.of(
            f"Gallagher {d['gallagher']:.2f} · Loosemore–Hanby {d['loosemore_hanby']:.2f}"
            f" · effective parties: votes {d['enp_votes']:.2f}, seats {d['enp_seats']:.2f}"
        )


def indices(votes: Mapping[str, int], seats: Mapping[str, int]) -> Indices:
    """All four indices for national votes and seats per list."""
    return Indices(
        gallagher(votes, seats),
        loosemore_hanby(votes, seats),
        effective_number(votes),
        effective_number(seats),
    )
