"""The bicameral game: a motion passes only if it wins in both chambers (from July 2026).

The players of the two chambers are different people, so the game is the *product* of the two
chamber games: a coalition wins iff its part in each chamber wins there. Indices of a product follow
from each chamber's counts, so no enumeration over the 190 members is needed:

- a deputy swings the product game exactly when he swings the Chamber and the senators in the
  coalition already win the Senate: swings = swings_in_own_chamber × #winning coalitions of the other;
- a deputy pivots an ordering of all players when, at his turn, the deputies before him are a swing
  set of size a and the senators before him a winning set of size b; such orderings number
  (a+b)!·(n-a-b-1)!, which gives Shapley–Shubik from swing-by-size and winning-by-size counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from math import factorial
from typing import Any

from curul.congress._games import WeightedGame
from curul.congress._power import banzhaf_swings, exact_indices, swing_profiles, winning_by_size
from curul.errors import CurulError


@dataclass(frozen=True)
class BicameralIndices:
    """Indices of every player of both chambers in the game "pass both"; chambers keep their names."""

    chambers: tuple[str, str]
    games: tuple[WeightedGame, WeightedGame]
    swings: tuple[tuple[int, ...], tuple[int, ...]]
    banzhaf: tuple[tuple[Fraction, ...], tuple[Fraction, ...]]
    banzhaf_absolute: tuple[tuple[Fraction, ...], tuple[Fraction, ...]]
    shapley_shubik: tuple[tuple[Fraction, ...], tuple[Fraction, ...]]

    def rows(self, key: str = "group") -> list[dict[str, object]]:
        """JSON-ready rows ``{chamber, key, seats, banzhaf, banzhaf_absolute, shapley_shubik}``."""
        out: list[dict[str, object]] = []
        for c, name in enumerate(self.chambers):
            g = self.games[c]
            for i, label in enumerate(g.labels):
                out.append(
                    {
                        "chamber": name,
                        key: label,
                        "seats": g.weights[i],
                        "banzhaf": float(self.banzhaf[c][i]),
                        "banzhaf_absolute": float(self.banzhaf_absolute[c][i]),
                        "shapley_shubik": float(self.shapley_shubik[c][i]),
                        **exact_indices(
                            self.banzhaf[c][i], self.banzhaf_absolute[c][i], self.shapley_shubik[c][i]
                        ),
                    }
                )
        return out

    def chamber_share(self, kind: str = "shapley_shubik") -> tuple[Fraction, Fraction]:
        """Total index held by each chamber's players."""
        values = getattr(self, kind)
        return (sum(values[0], Fraction(0)), sum(values[1], Fraction(0)))


def _ss_in_product(
    profile: tuple[int, ...], other_winning: tuple[int, ...], n_total: int, fact: list[int]
) -> Fraction:
    num = 0
    for a, ca in enumerate(profile):
        if not ca:
            continue
        for b, wb in enumerate(other_winning):
            if wb:
                num += ca * wb * fact[a + b] * fact[n_total - a - b - 1]
    return Fraction(num, fact[n_total])


def bicameral_indices(
    first: WeightedGame, second: WeightedGame, *, names: tuple[str, str] = ("deputies", "senate")
) -> BicameralIndices:
    """Exact Banzhaf and Shapley–Shubik indices of the game "win in ``first`` and in ``second``"."""
    n = first.n + second.n
    fact = [factorial(k) for k in range(n + 1)]
    games = (first, second)
    winning = (winning_by_size(first), winning_by_size(second))
    swings: list[tuple[int, ...]] = []
    ss: list[tuple[Fraction, ...]] = []
    for c, g in enumerate(games):
        other_total = sum(winning[1 - c])
        swings.append(tuple(s * other_total for s in banzhaf_swings(g)))
        cache: dict[tuple[int, ...], Fraction] = {}
        values = []
        for profile in swing_profiles(g):
            if profile not in cache:
                cache[profile] = _ss_in_product(profile, winning[1 - c], n, fact)
            values.append(cache[profile])
        ss.append(tuple(values))
    total_swings = sum(map(sum, swings))
    banzhaf = [tuple(Fraction(s, total_swings) for s in row) for row in swings]
    absolute = [tuple(Fraction(s, 2 ** (n - 1)) for s in row) for row in swings]
    return BicameralIndices(
        names,
        games,
        (swings[0], swings[1]),
        (banzhaf[0], banzhaf[1]),
        (absolute[0], absolute[1]),
        (ss[0], ss[1]),
    )


#: Above this many parties the joint game is refused (2^n coalitions are enumerated).
MAX_JOINT_PARTIES = 22


@dataclass(frozen=True)
class JointIndices:
    """Indices of parties that vote as one bloc in both chambers (seats in each)."""

    labels: tuple[str, ...]
    seats: tuple[tuple[int, ...], tuple[int, ...]]
    quotas: tuple[int, int]
    swings: tuple[int, ...]
    banzhaf: tuple[Fraction, ...]
    banzhaf_absolute: tuple[Fraction, ...]
    shapley_shubik: tuple[Fraction, ...]

    def rows(self, names: tuple[str, str] = ("deputies", "senate")) -> list[dict[str, object]]:
        """JSON-ready rows ``{group, seats_<first>, seats_<second>, banzhaf, …, shapley_shubik}``."""
        return [
            {
                "group": label,
                f"seats_{names[0]}": self.seats[0][i],
                f"seats_{names[1]}": self.seats[1][i],
                "banzhaf": float(self.banzhaf[i]),
                "banzhaf_absolute": float(self.banzhaf_absolute[i]),
                "shapley_shubik": float(self.shapley_shubik[i]),
                **exact_indices(self.banzhaf[i], self.banzhaf_absolute[i], self.shapley_shubik[i]),
            }
            for i, label in enumerate(self.labels)
        ]


@dataclass(frozen=True)
class JointTable:
    """Every coalition of parties (bit i of the index: party i is in) with its seats in each chamber,
    its size and whether it wins both; numpy arrays, shared by the joint indices and coalitions."""

    labels: tuple[str, ...]
    weights: tuple[Any, Any]
    sums: tuple[Any, Any]
    count: Any
    wins: Any


def joint_table(first: WeightedGame, second: WeightedGame) -> JointTable:
    """The 2^n coalitions of the parties of both games (a party absent from a chamber has 0 seats there)."""
    import numpy as np

    labels = tuple(dict.fromkeys(first.labels + second.labels))
    n = len(labels)
    if n > MAX_JOINT_PARTIES:
        raise CurulError(
            f"{n} parties: the joint game enumerates 2^n coalitions (at most {MAX_JOINT_PARTIES})"
        )
    wa = np.array([dict(zip(first.labels, first.weights, strict=True)).get(p, 0) for p in labels], np.int64)
    wb = np.array([dict(zip(second.labels, second.weights, strict=True)).get(p, 0) for p in labels], np.int64)
    size = 1 << n
    sum_a = np.zeros(size, np.int64)
    sum_b = np.zeros(size, np.int64)
    count = np.zeros(size, np.int64)
    for i in range(n):  # masks with bit i set = masks below 2^i plus player i
        lo, hi = 1 << i, 1 << (i + 1)
        sum_a[lo:hi] = sum_a[:lo] + wa[i]
        sum_b[lo:hi] = sum_b[:lo] + wb[i]
        count[lo:hi] = count[:lo] + 1
    wins = (sum_a >= first.quota) & (sum_b >= second.quota)
    return JointTable(labels, (wa, wb), (sum_a, sum_b), count, wins)


def joint_indices(first: WeightedGame, second: WeightedGame) -> JointIndices:
    """Parties as single players in both chambers: a coalition wins iff it wins both.

    This is a two-dimensional weighted game (no single weight represents it), so all 2^n coalitions of
    parties are enumerated with numpy (n ≤ ``MAX_JOINT_PARTIES``); counts are exact integers.
    """
    import numpy as np  # only here: the rest of the package is plain Python

    table = joint_table(first, second)
    labels, n, count, wins = table.labels, len(table.labels), table.count, table.wins
    wa, wb = table.weights
    masks = np.arange(1 << n)
    fact = [factorial(k) for k in range(n + 1)]
    swings, ss = [], []
    for i in range(n):
        bit = 1 << i
        without = masks[(masks & bit) == 0]
        pivotal = without[~wins[without] & wins[without | bit]]
        swings.append(len(pivotal))
        by_size = np.bincount(count[pivotal], minlength=n)
        ss.append(Fraction(sum(int(c) * fact[k] * fact[n - k - 1] for k, c in enumerate(by_size)), fact[n]))
    total = sum(swings)
    if total == 0:
        raise CurulError("no party is ever decisive: the thresholds cannot be reached together")
    return JointIndices(
        tuple(labels),
        (tuple(int(x) for x in wa), tuple(int(x) for x in wb)),
        (first.quota, second.quota),
        tuple(swings),
        tuple(Fraction(s, total) for s in swings),
        tuple(Fraction(s, 2 ** (n - 1)) for s in swings),
        tuple(ss),
    )
