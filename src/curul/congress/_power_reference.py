"""Plain reference implementations of the power indices, written for obviousness, not speed.

``brute_force`` enumerates every coalition (n ≤ ~18); ``dynamic_programming`` counts coalitions by
size and weight with lists of Python ints (the textbook recurrence). The fast packed-integer code in
``_power`` is tested against both.
"""

from __future__ import annotations

from fractions import Fraction
from itertools import combinations, permutations
from math import factorial

from curul.congress._games import WeightedGame


def brute_force(game: WeightedGame) -> tuple[tuple[int, ...], tuple[Fraction, ...]]:
    """(Banzhaf swing counts, Shapley–Shubik values) by enumerating all 2^n coalitions."""
    n, w, q = game.n, game.weights, game.quota
    swings = [0] * n
    ss_num = [0] * n
    for mask in range(1 << n):
        members = [i for i in range(n) if mask >> i & 1]
        weight = sum(w[i] for i in members)
        if weight >= q:
            continue
        k = len(members)
        term = factorial(k) * factorial(n - k - 1)
        for i in range(n):
            if not mask >> i & 1 and weight + w[i] >= q:
                swings[i] += 1
                ss_num[i] += term
    return tuple(swings), tuple(Fraction(x, factorial(n)) for x in ss_num)


def shapley_shubik_by_orderings(game: WeightedGame) -> tuple[Fraction, ...]:
    """Shapley–Shubik from its definition: the share of the n! orderings in which each player pivots."""
    n, w, q = game.n, game.weights, game.quota
    pivots = [0] * n
    count = 0
    for order in permutations(range(n)):
        count += 1
        acc = 0
        for i in order:
            acc += w[i]
            if acc >= q:
                pivots[i] += 1
                break
    return tuple(Fraction(p, count) for p in pivots)


def dynamic_programming(game: WeightedGame) -> tuple[tuple[int, ...], tuple[Fraction, ...]]:
    """(swings, Shapley–Shubik) by counting the others' coalitions by size and weight, per player."""
    n, w, q = game.n, game.weights, game.quota
    total = sum(w)
    swings: list[int] = []
    ss: list[Fraction] = []
    for i in range(n):
        # table[k][s] = number of coalitions of the other players with k members and weight s
        table = [[0] * (total + 1) for _ in range(n)]
        table[0][0] = 1
        seen = 0
        for j in range(n):
            if j == i:
                continue
            seen += 1
            for k in range(seen, 0, -1):
                row, prev = table[k], table[k - 1]
                for s in range(total, w[j] - 1, -1):
                    row[s] += prev[s - w[j]]
        lo, hi = max(0, q - w[i]), q - 1
        swings.append(sum(sum(table[k][lo : hi + 1]) for k in range(n)))
        ss.append(
            Fraction(
                sum(sum(table[k][lo : hi + 1]) * factorial(k) * factorial(n - 1 - k) for k in range(n)),
                factorial(n),
            )
        )
    return tuple(swings), tuple(ss)


def all_coalitions(game: WeightedGame) -> list[frozenset[int]]:
    """Every winning coalition (as player indices), for small games."""
    out = []
    for k in range(game.n + 1):
        for combo in combinations(range(game.n), k):
            if sum(game.weights[i] for i in combo) >= game.quota:
                out.append(frozenset(combo))
    return out


def brute_force_simple(n: int, wins) -> tuple[tuple[int, ...], tuple[Fraction, ...]]:
    """(swings, Shapley–Shubik) of any simple game given as ``wins(frozenset) -> bool``, by enumeration."""
    swings = [0] * n
    ss_num = [0] * n
    for mask in range(1 << n):
        members = frozenset(i for i in range(n) if mask >> i & 1)
        if wins(members):
            continue
        k = len(members)
        term = factorial(k) * factorial(n - k - 1)
        for i in range(n):
            if i not in members and wins(members | {i}):
                swings[i] += 1
                ss_num[i] += term
    return tuple(swings), tuple(Fraction(x, factorial(n)) for x in ss_num)
