"""Exact integer reductions over the districts of a batch (draws × districts × lists), for the threshold
rules and the simulation's seat totals.

NumPy reduces over a middle axis one short row at a time (about a microsecond per draw for Peru's 27
districts and 24 lists, and a threshold test makes several such passes per chamber); the compiled kernel
(:mod:`curul.elections._batch_kernel`, when numba is installed) does each in one pass over the array.
Both give the same integers, tested against each other; ``CURUL_ALLOCATOR=numpy`` keeps to NumPy.
"""

from __future__ import annotations

import numpy as np

from curul.elections._batch import _compiled


def _index(districts: int, index: np.ndarray | None) -> np.ndarray:
    return np.arange(districts, dtype=np.int64) if index is None else np.asarray(index, dtype=np.int64)


def over_districts(a: np.ndarray, index: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Per draw and list (draws × lists): the sum of ``a`` over the districts ``index`` (all when None),
    and in how many of them it is positive (int64). Integers (votes, seats) sum in int64; any other
    type sums as NumPy sums it."""
    if a.ndim != 3:
        raise ValueError(f"expected draws × districts × lists, got shape {a.shape}")
    picked = _index(a.shape[1], index)
    kernel = _compiled()
    if kernel is None or a.dtype.kind not in "iu" or not a.dtype.isnative:
        part = a if index is None else a[:, picked, :]
        total = part.sum(axis=1, dtype=np.int64 if part.dtype.kind in "iub" else None)
        return total, np.count_nonzero(part > 0, axis=1).astype(np.int64)
    sums = np.empty((a.shape[0], a.shape[2]), dtype=np.int64)
    counts = np.empty_like(sums)
    kernel.district_sums(a, picked, sums, counts)
    return sums, counts


def district_totals(a: np.ndarray, index: np.ndarray | None = None) -> np.ndarray:
    """The sum of ``a`` over the districts ``index`` (all when None), per draw and list (int64)."""
    return over_districts(a, index)[0]


def rows_holding(seats: np.ndarray, passed: np.ndarray) -> np.ndarray:
    """draws × districts: where a list that failed the threshold (``passed``: draws × lists) holds a seat
    — the only rows whose final allocation can differ from the preliminary one."""
    if seats.ndim != 3 or passed.shape != (seats.shape[0], seats.shape[2]):
        raise ValueError(f"seats {seats.shape} and verdicts {passed.shape} do not match")
    kernel = _compiled()
    if kernel is None or seats.dtype.kind not in "iu" or not seats.dtype.isnative:
        return np.asarray(((seats > 0) & ~passed[:, None, :]).any(axis=2))
    out = np.empty(seats.shape[:2], dtype=bool)
    kernel.rows_holding(seats, np.ascontiguousarray(passed, dtype=bool), out)
    return out
