"""Coalitions of parties that reach a threshold in two chambers at once (the bicameral Congress).

From July 2026 a presidential vacancy needs the Chamber of Deputies *and* the Senate. With each party
voting as one bloc in both, a coalition wins when it reaches both thresholds, and it is *minimal
winning* when dropping any party makes it fall short in at least one chamber. No single weight
describes this game, so every coalition of parties is enumerated (the table of
:func:`curul.congress._bicameral.joint_table`); with six parties that is 64 coalitions.

Beside the minimal winning coalitions this gives the ones that a single chamber would pass but the
other stops (minimal winning in one chamber alone, losing in the other): they show where the second
chamber binds.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from curul.congress._bicameral import joint_table
from curul.congress._coalitions import MAX_COALITIONS
from curul.congress._games import WeightedGame
from curul.errors import CurulError


@dataclass(frozen=True)
class JointCoalition:
    """Parties with their seats in each chamber and the seats above each threshold (negative: short)."""

    groups: tuple[str, ...]
    seats: tuple[int, int]
    surplus: tuple[int, int]

    def as_dict(self, names: tuple[str, str] = ("first", "second")) -> dict[str, object]:
        a, b = names
        return {
            "groups": list(self.groups),
            f"seats_{a}": self.seats[0],
            f"seats_{b}": self.seats[1],
            f"surplus_{a}": self.surplus[0],
            f"surplus_{b}": self.surplus[1],
        }


@dataclass(frozen=True)
class JointCoalitionReport:
    """The minimal winning coalitions of parties in two chambers and each party's role.

    ``minimal`` is ordered by number of parties, then seats in the first chamber, then in the second,
    then names. ``veto``: parties in every winning coalition (without them the rest fall short in a
    chamber); ``dummies``: parties in no minimal winning coalition. ``first_only`` / ``second_only``:
    minimal winning coalitions of one chamber alone that the other chamber stops.
    """

    labels: tuple[str, ...]
    seats: tuple[tuple[int, ...], tuple[int, ...]]
    quotas: tuple[int, int]
    minimal: tuple[JointCoalition, ...]
    membership: dict[str, int]
    veto: tuple[str, ...]
    dummies: tuple[str, ...]
    first_only: tuple[JointCoalition, ...]
    second_only: tuple[JointCoalition, ...]

    @property
    def fewest_groups(self) -> tuple[JointCoalition, ...]:
        least = min(len(c.groups) for c in self.minimal)
        return tuple(c for c in self.minimal if len(c.groups) == least)

    def fewest_seats(self, chamber: int) -> tuple[JointCoalition, ...]:
        """The minimal winning coalitions with the fewest seats in chamber 0 (first) or 1 (second)."""
        least = min(c.seats[chamber] for c in self.minimal)
        return tuple(c for c in self.minimal if c.seats[chamber] == least)

    def as_dict(
        self, limit: int | None = None, names: tuple[str, str] = ("first", "second")
    ) -> dict[str, object]:
        listed = self.minimal if limit is None else self.minimal[:limit]
        a, b = names
        return {
            "thresholds": {a: self.quotas[0], b: self.quotas[1]},
            "total_seats": {a: sum(self.seats[0]), b: sum(self.seats[1])},
            "groups": {
                g: {f"seats_{a}": self.seats[0][i], f"seats_{b}": self.seats[1][i]}
                for i, g in enumerate(self.labels)
            },
            "count": len(self.minimal),
            "minimal_winning": [c.as_dict(names) for c in listed],
            "fewest_groups": [c.as_dict(names) for c in self.fewest_groups],
            f"fewest_seats_{a}": [c.as_dict(names) for c in self.fewest_seats(0)],
            f"fewest_seats_{b}": [c.as_dict(names) for c in self.fewest_seats(1)],
            "pivotal": [
                {"group": g, "in_minimal_winning": self.membership[g]}
                for g in sorted(self.membership, key=lambda g: (-self.membership[g], g))
            ],
            "veto": list(self.veto),
            "dummies": list(self.dummies),
            f"{a}_only": [c.as_dict(names) for c in self.first_only],
            f"{b}_only": [c.as_dict(names) for c in self.second_only],
        }


def _minimal(wins: Any, n: int) -> Any:  # numpy boolean arrays in and out
    """Winning masks from which removing any one member loses."""
    import numpy as np

    masks = np.arange(1 << n)
    out = wins.copy()
    for i in range(n):
        bit = 1 << i
        out &= ~(((masks & bit) != 0) & wins[masks ^ bit])
    return out


def joint_coalitions(
    first: WeightedGame, second: WeightedGame, *, limit: int = MAX_COALITIONS
) -> JointCoalitionReport:
    """Minimal winning coalitions of the parties of ``first`` and ``second`` (parties are matched by
    label; one absent from a chamber has no seats there) in the game "reach both quotas"."""
    import numpy as np

    table = joint_table(first, second)
    labels, n = table.labels, len(table.labels)
    sum_a, sum_b = table.sums
    full = (1 << n) - 1
    if not table.wins[full]:
        raise CurulError(
            f"no coalition reaches both thresholds: all parties hold {int(sum_a[full])} of {first.quota} "
            f"and {int(sum_b[full])} of {second.quota}"
        )
    quotas = (first.quota, second.quota)

    def made(masks: Any) -> tuple[JointCoalition, ...]:
        found = np.flatnonzero(masks)
        if len(found) > limit:
            raise CurulError(f"more than {limit} minimal winning coalitions: group the players first")
        out = []
        for m in found:
            seats = (int(sum_a[m]), int(sum_b[m]))
            groups = tuple(labels[i] for i in range(n) if int(m) >> i & 1)
            out.append(JointCoalition(groups, seats, (seats[0] - quotas[0], seats[1] - quotas[1])))
        out.sort(key=lambda c: (len(c.groups), c.seats, c.groups))
        return tuple(out)

    minimal = made(_minimal(table.wins, n))
    wins_a, wins_b = sum_a >= first.quota, sum_b >= second.quota
    membership = {g: sum(g in c.groups for c in minimal) for g in labels}
    veto = tuple(g for i, g in enumerate(labels) if not table.wins[full ^ (1 << i)])
    return JointCoalitionReport(
        labels,
        (tuple(int(x) for x in table.weights[0]), tuple(int(x) for x in table.weights[1])),
        quotas,
        minimal,
        membership,
        veto,
        tuple(g for g in labels if membership[g] == 0),
        made(_minimal(wins_a, n) & ~wins_b),
        made(_minimal(wins_b, n) & ~wins_a),
    )
