"""The fast Congress engine: the reference engine's model and random draws, computed cheaply on every core.

:func:`simulate_congress_fast` returns exactly what ``_congress.simulate_congress`` (the reference engine)
returns from the same generator, whatever the number of workers: the random numbers are drawn by one
thread, in the reference's order and chunks (``CHUNK`` draws: their district normals, then their lots),
and everything else is a pure function of a block of draws, computed by a pool of threads (NumPy releases
the GIL in its array loops and its random fills) while the next chunk is drawn. A block's work stays in a
core's cache: votes as int32 (exact: a district has at most 1e7 x lists + lists), the allocator fed
cache-sized tiles of (draw, district) rows by ``curul.elections.allocate_system_seats``, which reuses the
preliminary allocation of the seat test wherever the threshold leaves it final, and seats kept in the
smallest integer type that holds them. Memory: the draws x k list errors (float64), a few chunks of
district normals (float32) and draws x lists seats and verdicts (one byte each) per chamber.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import NamedTuple

import numpy as np

from curul.elections import allocate_system_seats, district_totals
from curul.errors import ArgumentError
from curul.forecast._average import PollAverage
from curul.forecast._congress import (
    CHUNK,
    DISTRICT_LOG_SD,
    CongressLayout,
    CongressSeats,
    congress_layout,
    summarise_congress,
)
from curul.forecast._elections import Election
from curul.forecast._list_votes import national_shares
from curul.forecast._model import PresidentialDraws

BLOCK = 500  # draws per task: the district votes of a block (27 x 24 lists as int32) fit in L2
MAX_INT32 = 2**31 - 1


def default_workers() -> int:
    """Every core this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def check_workers(workers: int | None) -> int:
    """``workers`` (None: every core), refused below 1."""
    if workers is None:
        return default_workers()
    if workers < 1:
        raise ArgumentError("workers", f"{workers} is not a number of workers (at least 1)")
    return workers


class CongressArrays(NamedTuple):
    """Per chamber (in ``layout.chambers`` order): draws x lists seats, threshold verdicts and the
    national district's seats (None for a chamber without one), before any summary."""

    layout: CongressLayout
    seats: list[np.ndarray]
    passed: list[np.ndarray]
    national: list[np.ndarray | None]

    @classmethod
    def empty(cls, layout: CongressLayout, n: int) -> CongressArrays:
        lists = len(layout.parties)
        out = cls(layout, [], [], [])
        for system, index in layout.chambers:
            dtype = np.min_scalar_type(system.total_seats)
            out.seats.append(np.zeros((n, lists), dtype=dtype))
            out.passed.append(np.zeros((n, lists), dtype=bool))
            has_part = 0 < (index < 0).sum() < len(index)
            out.national.append(np.zeros((n, lists), dtype=dtype) if has_part else None)
        return out

    def summarise(self, blocs: Mapping[str, Sequence[str]]) -> CongressSeats:
        return summarise_congress(self.layout, self.seats, self.passed, self.national, blocs)

    @classmethod
    def join(cls, parts: Sequence[CongressArrays]) -> CongressArrays:
        """The arrays of consecutive blocks of draws, one after the other."""
        national: list[np.ndarray | None] = []
        for i, part in enumerate(parts[0].national):
            pieces = [q.national[i] for q in parts]
            national.append(None if part is None else np.concatenate([p for p in pieces if p is not None]))
        return cls(
            parts[0].layout,
            [np.concatenate([q.seats[i] for q in parts]) for i in range(len(parts[0].seats))],
            [np.concatenate([q.passed[i] for q in parts]) for i in range(len(parts[0].passed))],
            national,
        )


def _block(
    layout: CongressLayout,
    out: CongressArrays,
    first: np.ndarray,
    noise: np.ndarray,
    normals: np.ndarray,
    lots: np.ndarray,
    start: int,
) -> None:
    """Seats of the draws ``start : start + len(first)`` from their first-round shares, list errors,
    district normals (overwritten) and lots: the reference engine's arithmetic, operation for operation."""
    k, lists = layout.k, len(layout.parties)
    nat = national_shares(layout.ticket_shares(first), noise).astype(np.float32)
    share = normals
    share *= np.float32(DISTRICT_LOG_SD)
    np.exp(share, out=share)
    share[:, :, k:] = 1.0  # other lists: no profile, no noise
    share *= layout.strength[None, :, :]
    share *= nat[:, None, :]
    share /= share.sum(axis=2, keepdims=True)
    share *= layout.scale[None, :, None]
    np.rint(share, out=share)
    lot = lots.argsort(axis=2).astype(np.int32)
    regular_votes = share.astype(np.int32)
    regular_votes *= lists
    regular_votes += lot
    stop = start + len(first)
    for s_i, (system, index) in enumerate(layout.chambers):
        if (index >= 0).all() and (index == np.arange(len(layout.regular))).all():
            votes = regular_votes
        else:
            votes = np.take(regular_votes, np.maximum(index, 0), axis=1)
            national_votes = np.rint(nat * np.float32(1e5)).astype(np.int32)
            national_votes *= lists
            national_votes += lot[:, 0]
            votes[:, index < 0, :] = national_votes[:, None, :]
        result = allocate_system_seats(system, votes)
        out.seats[s_i][start:stop] = district_totals(result.seats)
        out.passed[s_i][start:stop] = result.passed
        part = out.national[s_i]
        if part is not None:
            part[start:stop] = district_totals(result.seats, np.flatnonzero(index < 0))


def simulate_congress_fast(
    election: Election,
    avg: PollAverage,
    draws: PresidentialDraws,
    rng: np.random.Generator,
    blocs: Mapping[str, Sequence[str]],
    progress: Callable[[int], None] | None = None,
    workers: int | None = None,
    block: int | None = None,
) -> CongressSeats:
    """What the reference ``simulate_congress`` returns for the same arguments and generator state,
    computed by ``workers`` threads (None: every core); the result does not depend on ``workers``."""
    return simulate_congress_arrays(election, avg, draws, rng, progress, workers, block).summarise(blocs)


def simulate_congress_arrays(
    election: Election,
    avg: PollAverage,
    draws: PresidentialDraws,
    rng: np.random.Generator,
    progress: Callable[[int], None] | None = None,
    workers: int | None = None,
    block: int | None = None,
) -> CongressArrays:
    """The per-draw seats and verdicts behind :func:`simulate_congress_fast`, before any summary."""
    workers = check_workers(workers)
    block = block or BLOCK
    layout = congress_layout(election, avg, draws)
    n, lists, districts = draws.first.shape[0], len(layout.parties), len(layout.regular)
    if 1e7 * lists + lists > MAX_INT32:
        raise ValueError(f"{lists} lists: district votes would not fit in int32")
    noise = rng.standard_normal((n, layout.k))
    out = CongressArrays.empty(layout, n)
    depth = workers + 1  # chunks in flight: one being drawn, the others being computed
    buffers = [
        np.empty((min(CHUNK, n), districts, lists), dtype=np.float32)
        for _ in range(min(depth, -(-n // CHUNK)))
    ]
    pending: list[tuple[int, list[Future[None]]]] = []

    def finish(entry: tuple[int, list[Future[None]]]) -> None:
        size, futures = entry
        for future in futures:
            future.result()
        if progress:  # one step per draw and chamber, as the reference engine reports
            for _ in layout.chambers:
                progress(size)

    with ThreadPoolExecutor(max_workers=workers) as pool:
        for c, start in enumerate(range(0, n, CHUNK)):
            size = min(CHUNK, n - start)
            if len(pending) == len(buffers):
                finish(pending.pop(0))  # its buffer is free again
            normals = buffers[c % len(buffers)][:size]
            rng.standard_normal(out=normals, dtype=np.float32)
            lots = rng.random((size, 1, lists))
            futures = []
            for b in range(0, size, block):
                rows = slice(start + b, min(start + b + block, start + size))
                futures.append(
                    pool.submit(
                        _block,
                        layout,
                        out,
                        draws.first[rows],
                        noise[rows],
                        normals[b : b + block],
                        lots[b : b + block],
                        start + b,
                    )
                )
            pending.append((size, futures))
        for entry in pending:
            finish(entry)
    return out
