"""Exact Banzhaf and Shapley–Shubik indices by generating functions packed into Python integers.

Why packed integers: the counts reach 2^130 for 130 legislators, far past 64-bit (the ``powerindex``
package overflows there), and a per-coefficient loop in Python is slow. Writing the polynomial
``∏ (1 + y·x^w_i)`` as one big integer, with a fixed number of bits per coefficient (Kronecker
substitution), turns "multiply by a player" into one shift and one add, and "remove a player" into
a few shifts done in C by CPython's big-integer code. Every count stays an exact integer; the indices
are :class:`fractions.Fraction`. The plain reference in ``_power_reference`` checks all of this.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from math import factorial
from typing import TYPE_CHECKING, Any

from curul.congress._games import WeightedGame
from curul.errors import CurulError

if TYPE_CHECKING:
    import pandas as pd

# A packed polynomial beyond this many bits (~64 MiB) is refused rather than exhausting memory.
_MAX_BITS = 1 << 29


def exact_indices(banzhaf: Fraction, absolute: Fraction, shapley: Fraction) -> dict[str, str]:
    """The indices as exact fractions in text (``"2/5"``, ``"0"``, ``"1"``), beside the floats JSON
    gives: a float cannot hold 1/3, and the power indices are computed exactly."""
    return {
        "banzhaf_exact": str(banzhaf),
        "banzhaf_absolute_exact": str(absolute),
        "shapley_shubik_exact": str(shapley),
    }


@dataclass(frozen=True)
class PowerIndices:
    """Both indices of every player of a game, exact.

    ``swings`` is the Banzhaf count (coalitions of the others that the player turns from losing into
    winning); ``banzhaf`` is it normalised to sum 1, ``banzhaf_absolute`` is it over 2^(n-1).
    """

    game: WeightedGame
    swings: tuple[int, ...]
    banzhaf: tuple[Fraction, ...]
    banzhaf_absolute: tuple[Fraction, ...]
    shapley_shubik: tuple[Fraction, ...]

    def rows(self, key: str = "group") -> list[dict[str, object]]:
        """JSON-ready rows ``{key, seats, banzhaf, banzhaf_absolute, shapley_shubik}`` (floats), each
        index also exact as a fraction in text (``banzhaf_exact``: ``"2/5"``, see :func:`exact_indices`)."""
        return [
            {
                key: label,
                "seats": w,
                "banzhaf": float(b),
                "banzhaf_absolute": float(ba),
                "shapley_shubik": float(s),
                **exact_indices(b, ba, s),
            }
            for label, w, b, ba, s in zip(
                self.game.labels,
                self.game.weights,
                self.banzhaf,
                self.banzhaf_absolute,
                self.shapley_shubik,
                strict=True,
            )
        ]

    def grouped(self, group_of: Mapping[str, str]) -> list[dict[str, object]]:
        """Rows of the players' indices summed per group (``group_of``: player → group), largest first.

        For games of one player per legislator: each member keeps weight 1, and a group's power is the
        sum of its members'. Sums are of the float values, in player order, as the rows show them.
        """
        out: dict[str, dict[str, Any]] = {}
        exact: dict[str, list[Fraction]] = {}
        for i, member in enumerate(self.game.labels):
            g = group_of[member]
            row = out.setdefault(
                g, {"group": g, "seats": 0, "banzhaf": 0.0, "banzhaf_absolute": 0.0, "shapley_shubik": 0.0}
            )
            row["seats"] += 1
            row["banzhaf"] += float(self.banzhaf[i])
            row["banzhaf_absolute"] += float(self.banzhaf_absolute[i])
            row["shapley_shubik"] += float(self.shapley_shubik[i])
            sums = exact.setdefault(g, [Fraction(0)] * 3)
            for k, value in enumerate((self.banzhaf[i], self.banzhaf_absolute[i], self.shapley_shubik[i])):
                sums[k] += value
        for g, row in out.items():
            row.update(exact_indices(*exact[g]))
        return sorted(out.values(), key=lambda r: -r["seats"])

    def to_frame(self, key: str = "group") -> pd.DataFrame:
        """The rows as a pandas DataFrame."""
        import pandas as pd

        return pd.DataFrame(self.rows(key))


def _slot_bits(n: int) -> int:
    """Bits per coefficient: any count of subsets of n players is ≤ 2^n; byte-aligned for slicing."""
    return ((n + 1 + 7) // 8) * 8


def _divide_out(poly: int, shift: int, nbits: int) -> int:
    """``poly / (1 + 2^shift)`` when the division is exact and the quotient is below ``2^nbits``.

    Uses 1/(1+z) = (1-z)(1+z^2)(1+z^4)… modulo 2^nbits, so it costs log2(nbits/shift) shifts.
    """
    mask = (1 << nbits) - 1
    q = (poly - (poly << shift)) & mask
    step = shift * 2
    while step < nbits:
        q = (q + (q << step)) & mask
        step *= 2
    return q


def _window(width: int, slot: int) -> int:
    """The packed polynomial 1 + x + … + x^(width-1): multiplying sums ``width`` adjacent slots."""
    return sum(1 << (j * slot) for j in range(width))


def _coefficient(packed: bytes, index: int, slot_bytes: int) -> int:
    start = index * slot_bytes
    return int.from_bytes(packed[start : start + slot_bytes], "little")


def banzhaf_swings(game: WeightedGame) -> tuple[int, ...]:
    """Exact Banzhaf swing counts: for player i, #{S ⊆ N∖{i} : w(S) < q ≤ w(S) + w_i}."""
    g = game.reduced()
    n, total, q = g.n, g.total, g.quota
    bits = _slot_bits(n)
    if bits * (total + 1) > _MAX_BITS:
        raise CurulError(f"weights too large for exact counting (total {game.total})")
    full = 1
    for w in g.weights:
        full += full << (w * bits)
    cache: dict[int, int] = {}
    for w in set(g.weights):
        if w == 0:
            cache[w] = 0
            continue
        others = _divide_out(full, w * bits, bits * (total + 1))
        summed = others * _window(w, bits)  # slot d now holds #subsets with weight in (d-w, d]
        cache[w] = (summed >> ((q - 1) * bits)) & ((1 << bits) - 1)
    return tuple(cache[w] for w in g.weights)


def _size_profiles(g: WeightedGame) -> dict[int, tuple[int, ...]]:
    """For each distinct weight w: c_k = #{S ⊆ N∖{i} : |S| = k, q - w ≤ w(S) < q}, k = 0..n-1."""
    n, total, q = g.n, g.total, g.quota
    bits = _slot_bits(n)
    row = (total + 1) * bits  # one row of x-coefficients per coalition size (the power of y)
    nbits = (n + 1) * row
    if nbits > _MAX_BITS:
        raise CurulError(f"game too large for exact counting ({n} players, total weight {total})")
    full = 1
    for w in g.weights:
        full += full << (row + w * bits)
    nbytes = bits // 8
    out: dict[int, tuple[int, ...]] = {}
    for w in set(g.weights):
        if w == 0:
            out[w] = (0,) * n
            continue
        others = _divide_out(full, row + w * bits, n * row)
        summed = others * _window(w, bits) if w > 1 else others
        packed = summed.to_bytes(nbits // 8 + w * nbytes + 1, "little")
        out[w] = tuple(_coefficient(packed, k * (total + 1) + q - 1, nbytes) for k in range(n))
    return out


def swing_profiles(game: WeightedGame) -> tuple[tuple[int, ...], ...]:
    """Per player, the number of coalitions of the others of each size k that the player turns winning."""
    g = game.reduced()
    profiles = _size_profiles(g)
    return tuple(profiles[w] for w in g.weights)


def winning_by_size(game: WeightedGame) -> tuple[int, ...]:
    """``out[k]`` = number of winning coalitions with exactly k players, k = 0..n."""
    g = game.reduced()
    n, total, q = g.n, g.total, g.quota
    bits = _slot_bits(n)
    row = (total + 1) * bits
    if (n + 1) * row > _MAX_BITS:
        raise CurulError(f"game too large for exact counting ({n} players, total weight {total})")
    full = 1
    for w in g.weights:
        full += full << (row + w * bits)
    nbytes = bits // 8
    packed = full.to_bytes((n + 1) * row // 8 + 1, "little")
    return tuple(
        sum(_coefficient(packed, k * (total + 1) + s, nbytes) for s in range(q, total + 1))
        for k in range(n + 1)
    )


def shapley_shubik(game: WeightedGame) -> tuple[Fraction, ...]:
    """Exact Shapley–Shubik index: Σ_k c_k · k!(n-1-k)!/n! over the player's pivotal coalitions."""
    g = game.reduced()
    n = g.n
    profiles = _size_profiles(g)
    fact = [factorial(k) for k in range(n + 1)]
    value = {
        w: Fraction(sum(c * fact[k] * fact[n - 1 - k] for k, c in enumerate(cs)), fact[n])
        for w, cs in profiles.items()
    }
    return tuple(value[w] for w in g.weights)


def power_indices(game: WeightedGame) -> PowerIndices:
    """Banzhaf (normalised and absolute) and Shapley–Shubik indices of every player, exactly."""
    swings = banzhaf_swings(game)
    total_swings = sum(swings)
    if total_swings == 0:  # cannot happen when 1 ≤ quota ≤ total weight, kept as a guard
        raise CurulError("no player is ever decisive in this game")
    normalised = tuple(Fraction(s, total_swings) for s in swings)
    absolute = tuple(Fraction(s, 2 ** (game.n - 1)) for s in swings)
    return PowerIndices(game, swings, normalised, absolute, shapley_shubik(game))
