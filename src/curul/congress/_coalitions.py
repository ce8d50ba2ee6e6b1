"""Coalitions of parliamentary groups that reach a threshold.

A coalition is *minimal winning* when it reaches the threshold and every group in it is needed
(drop any one and it falls short). Two classic readings of "the smallest" are given side by side,
because coalition theory does not pick one: the fewest seats (Riker's size principle) and the fewest
groups (Leiserson's bargaining proposition).
"""

from __future__ import annotations

from dataclasses import dataclass

from curul.congress._games import WeightedGame
from curul.errors import CurulError

# Enumerating more minimal winning coalitions than this is refused: use groups, not members.
MAX_COALITIONS = 200_000


@dataclass(frozen=True)
class Coalition:
    groups: tuple[str, ...]
    seats: int
    surplus: int  # seats above the threshold

    def as_dict(self) -> dict[str, object]:
        return {"groups": list(self.groups), "seats": self.seats, "surplus": self.surplus}


@dataclass(frozen=True)
class CoalitionReport:
    """Minimal winning coalitions of a game and what they say about each group."""

    game: WeightedGame
    minimal: tuple[Coalition, ...]  # ordered by seats, then number of groups, then names
    fewest_seats: tuple[Coalition, ...]
    fewest_groups: tuple[Coalition, ...]
    membership: dict[str, int]  # in how many minimal winning coalitions each group is decisive
    veto: tuple[str, ...]  # groups in every winning coalition
    dummies: tuple[str, ...]  # groups in none: never decisive

    def as_dict(self, limit: int | None = None) -> dict[str, object]:
        listed = self.minimal if limit is None else self.minimal[:limit]
        return {
            "threshold": self.game.quota,
            "total_seats": self.game.total,
            "groups": dict(zip(self.game.labels, self.game.weights, strict=True)),
            "count": len(self.minimal),
            "minimal_winning": [c.as_dict() for c in listed],
            "fewest_seats": [c.as_dict() for c in self.fewest_seats],
            "fewest_groups": [c.as_dict() for c in self.fewest_groups],
            "pivotal": [
                {"group": g, "in_minimal_winning": self.membership[g]}
                for g in sorted(self.membership, key=lambda g: (-self.membership[g], g))
            ],
            "veto": list(self.veto),
            "dummies": list(self.dummies),
        }


def minimal_winning(game: WeightedGame, *, limit: int = MAX_COALITIONS) -> list[tuple[int, ...]]:
    """Index tuples of all minimal winning coalitions.

    Players are tried heaviest first; a coalition that has just reached the quota is minimal iff
    dropping its lightest member (the last one added) loses, and no superset of a winning coalition
    can be minimal, so the search stops there.
    """
    order = sorted((i for i in range(game.n) if game.weights[i] > 0), key=lambda i: -game.weights[i])
    weights = [game.weights[i] for i in order]
    suffix = [0] * (len(order) + 1)
    for j in range(len(order) - 1, -1, -1):
        suffix[j] = suffix[j + 1] + weights[j]
    q = game.quota
    out: list[tuple[int, ...]] = []
    chosen: list[int] = []

    def visit(j: int, acc: int) -> None:
        if acc >= q:
            if acc - weights[chosen[-1]] < q:
                out.append(tuple(sorted(order[c] for c in chosen)))
                if len(out) > limit:
                    raise CurulError(f"more than {limit} minimal winning coalitions: group the players first")
            return
        if j == len(order) or acc + suffix[j] < q:
            return
        chosen.append(j)
        visit(j + 1, acc + weights[j])
        chosen.pop()
        visit(j + 1, acc)

    visit(0, 0)
    return out


def coalitions(game: WeightedGame, *, limit: int = MAX_COALITIONS) -> CoalitionReport:
    """All minimal winning coalitions of ``game``, the smallest ones, and each group's role."""
    mwc = minimal_winning(game, limit=limit)
    made = [
        Coalition(
            tuple(game.labels[i] for i in c),
            sum(game.weights[i] for i in c),
            sum(game.weights[i] for i in c) - game.quota,
        )
        for c in mwc
    ]
    made.sort(key=lambda c: (c.seats, len(c.groups), c.groups))
    membership = {label: 0 for label in game.labels}
    for c in made:
        for g in c.groups:
            membership[g] += 1
    min_seats = min(c.seats for c in made)
    min_groups = min(len(c.groups) for c in made)
    veto = tuple(g for g in game.labels if membership[g] == len(made))
    dummies = tuple(g for g in game.labels if membership[g] == 0)
    return CoalitionReport(
        game,
        tuple(made),
        tuple(c for c in made if c.seats == min_seats),
        tuple(c for c in made if len(c.groups) == min_groups),
        membership,
        veto,
        dummies,
    )
