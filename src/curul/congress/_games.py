"""Weighted voting games: who the players are, what each weighs, and how many votes win."""

from __future__ import annotations

from dataclasses import dataclass
from math import gcd

from curul.errors import CurulError


@dataclass(frozen=True)
class WeightedGame:
    """A yes/no vote in one chamber: a coalition wins when its total weight reaches ``quota``.

    Players are parliamentary groups (weight = seats) or individual legislators (weight 1).
    """

    labels: tuple[str, ...]
    weights: tuple[int, ...]
    quota: int

    def __post_init__(self) -> None:
        if len(self.labels) != len(self.weights):
            raise CurulError("a game needs one label per weight")
        if not self.weights:
            raise CurulError("a game needs at least one player")
        if len(set(self.labels)) != len(self.labels):
            dup = sorted({x for x in self.labels if self.labels.count(x) > 1})
            raise CurulError(f"duplicate player names: {', '.join(dup)}")
        for label, w in zip(self.labels, self.weights, strict=True):
            if not isinstance(w, int) or isinstance(w, bool) or w < 0:
                raise CurulError(f"weight of {label!r} must be a whole number ≥ 0, got {w!r}")
        if not isinstance(self.quota, int) or self.quota < 1:
            raise CurulError(f"threshold must be a whole number ≥ 1, got {self.quota!r}")
        if self.quota > self.total:
            raise CurulError(
                f"threshold {self.quota} exceeds the {self.total} votes in play: no coalition can win"
            )

    @classmethod
    def of(cls, seats: dict[str, int], quota: int) -> WeightedGame:
        """Build a game from ``{group: seats}`` in the dict's order."""
        return cls(tuple(seats), tuple(seats.values()), quota)

    @classmethod
    def members(cls, names: list[str] | tuple[str, ...], quota: int) -> WeightedGame:
        """One player of weight 1 per legislator."""
        return cls(tuple(names), (1,) * len(names), quota)

    @property
    def n(self) -> int:
        return len(self.weights)

    @property
    def total(self) -> int:
        return sum(self.weights)

    def wins(self, weight: int) -> bool:
        return weight >= self.quota

    def reduced(self) -> WeightedGame:
        """The same game with weights divided by their common factor (fewer terms to count)."""
        g = gcd(*self.weights)
        if g <= 1:
            return self
        return WeightedGame(self.labels, tuple(w // g for w in self.weights), -(-self.quota // g))
