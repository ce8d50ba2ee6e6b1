"""Thresholds as structured data, and the one function that turns them into a vote count.

A threshold is never ``eval``'d: it is a share of a base (legal number, hábiles, present) with a rounding
rule, a "more than half" majority, or a fixed number. ``required_votes`` is the exact reference (integers
and ``Fraction``); ``required_votes_array`` is the vectorised twin used for sweeps and is tested against it.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

import numpy as np

from curul.errors import CurulError

Base = Literal["legal_number", "habiles", "present"]
BASES: tuple[str, ...] = ("legal_number", "habiles", "present")
ROUNDINGS: tuple[str, ...] = ("up", "above")

_BASE_SYMBOL = {"legal_number": "N", "habiles": "H", "present": "P"}


@dataclass(frozen=True)
class Threshold:
    """``kind`` is ``share`` (at least ``share·base``, or more than it when ``round='above'``),
    ``majority`` (more than half of ``base``: ⌊base/2⌋+1) or ``fixed`` (``votes`` exactly)."""

    kind: Literal["share", "majority", "fixed"]
    base: str | None = None
    share: Fraction | None = None
    round: str = "up"
    votes: int | None = None

    @classmethod
    def from_mapping(cls, raw: dict[str, object], where: str = "threshold") -> Threshold:
        """Validate the TOML form: ``{share, of, round}``, ``{majority_of}`` or ``{votes}``."""
        keys = set(raw)
        if keys == {"votes"}:
            votes = raw["votes"]
            if not isinstance(votes, int) or isinstance(votes, bool) or votes < 0:
                raise CurulError(f"{where}: votes must be a non-negative integer, got {votes!r}")
            return cls(kind="fixed", votes=votes)
        if keys == {"majority_of"}:
            base = raw["majority_of"]
            if base not in BASES:
                raise CurulError(f"{where}: majority_of must be one of {', '.join(BASES)}, got {base!r}")
            return cls(kind="majority", base=str(base))
        if keys <= {"share", "of", "round"} and {"share", "of"} <= keys:
            try:
                share = Fraction(str(raw["share"]))
            except (ValueError, ZeroDivisionError) as exc:
                raise CurulError(
                    f"{where}: share must be a fraction like '2/3', got {raw['share']!r}"
                ) from exc
            if not 0 < share <= 1:
                raise CurulError(f"{where}: share must be in (0, 1], got {share}")
            base = raw["of"]
            if base not in BASES:
                raise CurulError(f"{where}: of must be one of {', '.join(BASES)}, got {base!r}")
            rounding = raw.get("round", "up")
            if rounding not in ROUNDINGS:
                raise CurulError(f"{where}: round must be one of {', '.join(ROUNDINGS)}, got {rounding!r}")
            return cls(kind="share", base=str(base), share=share, round=str(rounding))
        raise CurulError(
            f"{where}: expected {{share, of, round}}, {{majority_of}} or {{votes}}, got keys {sorted(keys)}"
        )

    def describe(self) -> str:
        """The rule in words, e.g. ``2/3 of legal_number, rounded up``."""
        if self.kind == "fixed":
            return f"{self.votes} votes (fixed number)"
        if self.kind == "majority":
            return f"more than half of {self.base}"
        how = "more than" if self.round == "above" else "at least"
        return f"{how} {self.share} of {self.base}"


def required_votes(threshold: Threshold, base_value: int | None) -> int:
    """Exact: the smallest whole number of votes that meets ``threshold`` for a base of ``base_value``."""
    if threshold.kind == "fixed":
        assert threshold.votes is not None
        return threshold.votes
    if base_value is None or base_value < 0:
        raise CurulError(f"the threshold needs a non-negative {threshold.base}, got {base_value!r}")
    if threshold.kind == "majority":
        return base_value // 2 + 1
    assert threshold.share is not None
    exact = threshold.share * base_value
    if threshold.round == "above":
        return int(exact // 1) + 1  # strictly more than share·base
    return int(-((-exact) // 1))  # ceil


def required_votes_array(threshold: Threshold, base_values: np.ndarray) -> np.ndarray:
    """Vectorised :func:`required_votes` over many bases, in integer arithmetic (no float rounding)."""
    bases = np.asarray(base_values, dtype=np.int64)
    if threshold.kind == "fixed":
        return np.full(bases.shape, threshold.votes, dtype=np.int64)
    if threshold.kind == "majority":
        return bases // 2 + 1
    assert threshold.share is not None
    p, q = threshold.share.numerator, threshold.share.denominator
    if threshold.round == "above":
        return (p * bases) // q + 1
    return -((-p * bases) // q)


def arithmetic(threshold: Threshold, base_value: int | None) -> str:
    """The formula with its numbers, e.g. ``⌈2/3 · 130⌉ = 87`` or ``⌊117/2⌋ + 1 = 59``."""
    votes = required_votes(threshold, base_value)
    if threshold.kind == "fixed":
        return f"{votes} (fixed number)"
    if threshold.kind == "majority":
        return f"⌊{base_value}/2⌋ + 1 = {votes}"
    if threshold.round == "above":
        return f"⌊{threshold.share} · {base_value}⌋ + 1 = {votes}"
    return f"⌈{threshold.share} · {base_value}⌉ = {votes}"


def base_symbol(base: str | None) -> str:
    """N, H or P as in the reference's notation."""
    return _BASE_SYMBOL.get(base or "", "")
