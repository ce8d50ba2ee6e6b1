"""Power-index speed: curul's packed generating functions against brute force, a plain DP and packages.

Run: ``.venv/bin/python benchmarks/bench_power.py``. Prints best-of-N wall times and ratios against
baselines run in the same process (no absolute claims; ratios travel between machines). Also checks
that every compared implementation gives the same numbers, and shows where the 64-bit ``powerindices``
package (if importable, e.g. ``PYTHONPATH=/path/to/powerindices``) stops being right.
"""

from __future__ import annotations

import random
import time
from fractions import Fraction

from curul.congress import WeightedGame, bicameral_indices, power_indices
from curul.congress._power_reference import brute_force, dynamic_programming


def best_of(fn, repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def row(label: str, ours: float, other: float | None = None, name: str = "") -> None:
    text = f"{label:<58} curul {ours * 1e3:9.3f} ms"
    if other is not None:
        text += f"   {name} {other * 1e3:10.3f} ms   ratio {other / ours:8.1f}x"
    print(text)


def main() -> None:
    rng = random.Random(2026)
    print("== targets (issue: 130 members ≤ 100 ms, 15 groups ≤ 5 ms, both indices) ==")
    members = WeightedGame.members([f"m{i}" for i in range(130)], 87)
    row("130 legislators of weight 1, quota 87", best_of(lambda: power_indices(members)))
    groups = WeightedGame(
        tuple(f"g{i}" for i in range(15)), (24, 16, 15, 14, 10, 10, 9, 7, 5, 5, 5, 5, 2, 2, 1), 66
    )
    row("15 groups (sum 130), quota 66", best_of(lambda: power_indices(groups), 20))
    mixed = WeightedGame(tuple(map(str, range(130))), tuple(rng.randint(1, 3) for _ in range(130)), 150)
    row("130 players of weights 1–3", best_of(lambda: power_indices(mixed), 3))
    deputies = WeightedGame.members([f"d{i}" for i in range(130)], 87)
    senate = WeightedGame.members([f"s{i}" for i in range(60)], 40)
    row(
        "bicameral 130 deputies (87) × 60 senators (40)",
        best_of(lambda: bicameral_indices(deputies, senate), 3),
    )

    print("\n== against brute-force enumeration (2^n coalitions) ==")
    for n in (10, 15, 18):
        weights = tuple(rng.randint(1, 20) for _ in range(n))
        g = WeightedGame(tuple(map(str, range(n))), weights, sum(weights) // 2 + 1)
        ours = best_of(lambda g=g: power_indices(g), 5)
        theirs = best_of(lambda g=g: brute_force(g), 1)
        fast, ref = power_indices(g), brute_force(g)
        assert fast.swings == ref[0] and fast.shapley_shubik == ref[1]
        row(f"{n} players, random weights 1–20", ours, theirs, "brute force")

    print("\n== against the plain size×weight DP (same exact integers) ==")
    for n in (30, 60):
        weights = tuple(rng.randint(1, 10) for _ in range(n))
        g = WeightedGame(tuple(map(str, range(n))), weights, sum(weights) * 2 // 3 + 1)
        ours = best_of(lambda g=g: power_indices(g), 5)
        theirs = best_of(lambda g=g: dynamic_programming(g), 1)
        assert power_indices(g).shapley_shubik == dynamic_programming(g)[1]
        row(f"{n} players, random weights 1–10", ours, theirs, "plain DP  ")

    try:
        import powerindex
    except ImportError:
        print("\n(powerindex not installed: skipped)")
    else:
        print("\n== against the `powerindex` package (floats out, Python-int counts) ==")
        cases = [("10 groups, JNE 2021 seats, quota 87", [37, 24, 16, 15, 13, 7, 5, 5, 5, 3], 87),
                 ("15 groups, quota 66", list(groups.weights), 66),
                 ("60 players, weights 1–10", [rng.randint(1, 10) for _ in range(60)], 200),
                 ("130 legislators of weight 1, quota 87", [1] * 130, 87)]  # fmt: skip
        for label, weights, quota in cases:
            g = WeightedGame(tuple(map(str, range(len(weights)))), tuple(weights), quota)

            def theirs(weights=weights, quota=quota):
                game = powerindex.Game(quota, weights=weights)
                game.calc()
                return game

            ours = best_of(lambda g=g: power_indices(g), 5)
            other = best_of(theirs, 3 if len(weights) < 100 else 1)
            diff = max(abs(float(a) - b) for a, b in zip(power_indices(g).shapley_shubik,
                                                          theirs().shapley_shubik, strict=True))  # fmt: skip
            row(label, ours, other, "powerindex")
            print(f"{'':<58} max |ΔSS| = {diff:.1e}")

    try:
        import powerindices
    except ImportError:
        print("\n(powerindices not importable: skipped; it counts coalitions in int64)")
    else:
        print("\n== the `powerindices` package (int64 counts) against exact values ==")
        for n in (40, 63, 64, 80, 100, 130):
            weights = [1 + (i % 3) for i in range(n)]
            quota = sum(weights) // 2 + 1
            exact = power_indices(WeightedGame(tuple(map(str, range(n))), tuple(weights), quota))
            try:
                pbi = powerindices.compute_pbi(quota, list(weights))  # absolute (Penrose–Banzhaf)
                error = max(
                    abs(float(a) - float(b)) / float(a)
                    for a, b in zip(exact.banzhaf_absolute, pbi, strict=True)
                )
                neg = min(float(b) for b in pbi)
                print(
                    f"{n:4d} players: max relative error of absolute Banzhaf = {error:.3g}, "
                    f"smallest value {neg:.3g} (exact smallest {float(min(exact.banzhaf_absolute)):.3g})"
                )
            except Exception as exc:  # overflow may also raise
                print(f"{n:4d} players: powerindices failed: {type(exc).__name__}: {exc}")
        assert sum(exact.banzhaf, Fraction(0)) == 1


if __name__ == "__main__":
    main()
