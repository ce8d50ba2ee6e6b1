"""A whole electoral system over many simulated elections: the threshold per draw, then the batch allocator.

The batch counterpart of :func:`curul.elections.allocate_system`, tested against it: the threshold rules
answer ``passes_batch`` (their batch half of the rule protocol), the preliminary allocation over all lists
is computed once and only when a rule asks for it (among some lists only, when a reading says so), and
the lists that passed share each district's seats.

:func:`allocate_system_seats` gives the same seats and verdicts for simulation at scale: every
(draw, district) is one row of the allocator: the compiled kernel takes the whole batch with its
draws × lists mask of the lists that passed, and the NumPy path takes rows in cache-sized tiles (the votes
stay in their narrow integer type and become float64 one tile at a time); the seats are kept in the
smallest integer type that holds a district's magnitude, and under a divisor method the final allocation
recomputes only the rows where a list that failed the threshold held a preliminary seat: in every other
row the preliminary allocation is already the final one (the top quotients of the lists that passed are
the top quotients of all lists, since every list that failed holds none of them; a tie keeps going to
the lowest index, which is then a list that passed).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from curul.elections._allocation import DIVISOR_METHODS, check_method
from curul.elections._batch import MAX_VOTES, _compiled, allocate_batch, allocate_batch_with_ties
from curul.elections._district_sums import rows_holding
from curul.elections._official import alliance_members
from curul.elections._systems import ElectoralSystem
from curul.elections._thresholds import BatchInput


@dataclass(frozen=True)
class BatchResult:
    """Outcome of many simulated elections under one system.

    ``seats``: draws × districts × lists; ``passed``: draws × lists (threshold); ``national``: draws ×
    lists seats summed over districts; ``preliminary``: the preliminary allocation over all lists, when
    the threshold needed one; ``ties`` (computed on first use): draws × districts, a last-seat tie that
    was settled by list order.
    """

    seats: np.ndarray
    passed: np.ndarray
    national: np.ndarray
    preliminary: np.ndarray | None = None
    method: str = "dhondt"
    votes: np.ndarray | None = field(default=None, repr=False)
    magnitudes: np.ndarray | None = field(default=None, repr=False)

    @cached_property
    def ties(self) -> np.ndarray:
        if self.votes is None or self.magnitudes is None:
            raise ValueError("this result was built without its votes")
        return allocate_batch_with_ties(self.votes, self.magnitudes, self.method, self.passed)[1]


def allocate_system_batch(
    system: ElectoralSystem,
    votes: np.ndarray,
    parties: Sequence[str],
    org_types: Sequence[str] | None = None,
    *,
    method: str | None = None,
) -> BatchResult:
    """Apply ``system`` to every draw: national threshold (with its preliminary allocation), then allocate.

    ``votes`` is draws × districts × lists with districts in ``system.districts`` order and lists in
    ``parties`` order; ``org_types`` (e.g. ``"ALIANZA ELECTORAL"``, ``"alliance:3"``) sizes alliances for
    the alliance surcharge. A draw in which no list passes gets no seats at all (the law is silent).
    """
    votes = np.asarray(votes)
    if votes.ndim != 3 or votes.shape[1] != len(system.districts):
        raise ValueError(
            f"votes must be draws × {len(system.districts)} districts × lists, got {votes.shape}"
        )
    if votes.shape[2] != len(parties):
        raise ValueError(f"{len(parties)} parties for {votes.shape[2]} lists")
    if org_types is not None and len(org_types) != len(parties):
        raise ValueError("org_types must have one entry per party")
    chosen = check_method(method or system.method)
    members = np.array([alliance_members(t) for t in org_types] if org_types else [1] * len(parties))
    prelim: list[np.ndarray] = []

    def preliminary() -> np.ndarray:
        if not prelim:
            prelim.append(allocate_batch(votes, system.magnitudes, chosen))
        return prelim[0]

    def preliminary_among(eligible: np.ndarray) -> np.ndarray:
        return allocate_batch(votes, system.magnitudes, chosen, eligible)

    data = BatchInput(votes, system.districts, members, preliminary, preliminary_among)
    passed = system.threshold.passes_batch(data)
    seats = allocate_batch(votes, system.magnitudes, chosen, passed)
    return BatchResult(
        seats, passed, seats.sum(axis=1), prelim[0] if prelim else None, chosen, votes, system.magnitudes
    )


# Rows x lists per call of the allocator: its float64 copies and working arrays stay in a core's cache.
TILE_CELLS = 1 << 16


@dataclass(frozen=True)
class SystemSeats:
    """Seats of many draws under one system: ``seats`` draws × districts × lists (the smallest unsigned
    integer type that holds the largest magnitude), ``passed`` draws × lists (the threshold)."""

    seats: np.ndarray
    passed: np.ndarray


def seat_dtype(magnitudes: np.ndarray) -> np.dtype:
    """The smallest unsigned integer type that holds a district's seats."""
    return np.min_scalar_type(int(np.max(magnitudes, initial=0)))


def allocate_rows(
    votes: np.ndarray,
    magnitudes: np.ndarray,
    method: str,
    eligible: np.ndarray | None = None,
    *,
    dtype: np.dtype | None = None,
    tile_cells: int = TILE_CELLS,
) -> np.ndarray:
    """Seats of rows × lists of votes, each row a district with its own magnitude (``magnitudes``: rows),
    by :func:`curul.elections.allocate_batch` one tile of rows at a time. ``eligible`` (rows × lists)
    zeroes the votes of the lists it leaves out, as ``allocate_batch`` does; a row is independent of
    the others, so the tiling changes nothing.

    Under a divisor method a one-seat district goes to the list with the most votes (every list's first
    quotient is its votes over the same first divisor), the lowest index on a tie as in
    ``allocate_batch``, and to nobody without votes: on the NumPy path such rows skip the allocator
    (the compiled kernel fills them faster than the copies the shortcut needs)."""
    rows, lists = votes.shape
    dtype = dtype or seat_dtype(magnitudes)
    shortcut = method in DIVISOR_METHODS and _compiled() is None  # the kernel is faster on them as is
    one = magnitudes == 1 if shortcut else np.zeros(rows, dtype=bool)
    if not one.any():
        return _tiled(votes, magnitudes, method, eligible, dtype, tile_cells)
    out = np.zeros((rows, lists), dtype=dtype)
    multi = np.flatnonzero(~one)
    if multi.size:
        out[multi] = _tiled(
            votes[multi],
            magnitudes[multi],
            method,
            None if eligible is None else eligible[multi],
            dtype,
            tile_cells,
        )
    single = np.flatnonzero(one)
    top = votes[single] if eligible is None else votes[single] * eligible[single]
    best = top.argmax(axis=1)
    won = top[np.arange(single.size), best] > 0
    out[single[won], best[won]] = 1
    return out


def _tiled(
    votes: np.ndarray,
    magnitudes: np.ndarray,
    method: str,
    eligible: np.ndarray | None,
    dtype: np.dtype,
    tile_cells: int,
) -> np.ndarray:
    rows, lists = votes.shape
    out = np.empty((rows, lists), dtype=dtype)
    step = max(1, tile_cells // max(lists, 1))
    for start in range(0, rows, step):
        tile = votes[start : start + step]
        if eligible is not None:
            tile = tile * eligible[start : start + step]
        out[start : start + step] = allocate_batch(
            tile[None], magnitudes[start : start + step], method, dtype=dtype
        )[0]
    return out


def allocate_system_seats(
    system: ElectoralSystem,
    votes: np.ndarray,
    org_types: Sequence[str] | None = None,
    *,
    method: str | None = None,
    tile_cells: int = TILE_CELLS,
) -> SystemSeats:
    """The seats and threshold verdicts of :func:`allocate_system_batch` (identical, tested), computed
    for scale: ``votes`` draws × districts × lists of integers, ideally C-contiguous int32."""
    votes = np.ascontiguousarray(votes)
    if votes.ndim != 3 or votes.shape[1] != len(system.districts):
        raise ValueError(
            f"votes must be draws × {len(system.districts)} districts × lists, got {votes.shape}"
        )
    draws, districts, lists = votes.shape
    if votes.size and (votes.min() < 0 or votes.max() >= MAX_VOTES):
        raise ValueError(f"votes must be integers in [0, 2**40), got {votes.min()}..{votes.max()}")
    if org_types is not None and len(org_types) != lists:
        raise ValueError("org_types must have one entry per party")
    chosen = check_method(method or system.method)
    members = np.array([alliance_members(t) for t in org_types] if org_types else [1] * lists)
    flat = votes.reshape(draws * districts, lists)
    magnitudes = np.tile(np.asarray(system.magnitudes, dtype=np.int64), draws)
    dtype = seat_dtype(magnitudes)

    compiled = _compiled() is not None and votes.dtype.kind in "iu" and votes.dtype.isnative

    def rows(eligible: np.ndarray | None) -> np.ndarray:
        if compiled:  # the kernel takes the draws × lists mask and keeps each district in cache itself
            return allocate_batch(votes, system.magnitudes, chosen, eligible, dtype=dtype)
        per_row = None if eligible is None else np.repeat(eligible, districts, axis=0)
        seats = allocate_rows(flat, magnitudes, chosen, per_row, dtype=dtype, tile_cells=tile_cells)
        return seats.reshape(draws, districts, lists)

    prelim: list[np.ndarray] = []

    def preliminary() -> np.ndarray:
        if not prelim:
            prelim.append(rows(None))
        return prelim[0]

    data = BatchInput(votes, system.districts, members, preliminary, rows)
    passed = system.threshold.passes_batch(data)
    if not prelim or chosen not in DIVISOR_METHODS:
        return SystemSeats(rows(passed), passed)
    seats = prelim[0].copy()
    flat_seats = seats.reshape(draws * districts, lists)
    # the rows where a list that failed holds a preliminary seat: only these change
    changed = np.flatnonzero(rows_holding(seats, passed).ravel())
    if changed.size:
        eligible = passed[changed // districts]
        flat_seats[changed] = allocate_rows(
            flat[changed], magnitudes[changed], chosen, eligible, dtype=dtype, tile_cells=tile_cells
        )
    return SystemSeats(seats, passed)
