"""Seat allocation over NumPy arrays (draws × districts × lists), for Monte Carlo simulation.

Exact in integers like :mod:`curul.elections._allocation`, and tested against it. Two paths give the same
seats and tie flags: the compiled kernel (:mod:`curul.elections._batch_kernel`, numba, used whenever numba
is installed) and this module's NumPy path, the reference it is tested against and the fallback. On the
NumPy path seats start from an exact integer estimate (every list's quotients at or above a rational
divisor close to the cifra), then the few missing or surplus seats are moved one at a time, only in the
rows that still need it. Quotients are compared as float64 ``votes / divisor``: two different quotients
``a/b`` and ``c/d`` differ by at least ``1/(b·d)``, which float64 rounding cannot bridge while
``votes × divisor < 2**52``; equal ones are bit-identical. Hence the limits: votes below 2**40, district
totals below 2**50, divisors below 4,096 (magnitudes up to 4,094 for D'Hondt, 2,047 for Sainte-Laguë,
409 for modified Sainte-Laguë). A tie for the last seat goes to the list with the lowest index (a fixed
priority order); the ``*_with_ties`` variant flags where that happened so a caller can draw lots instead.
"""

from __future__ import annotations

import os
from types import ModuleType

import numpy as np

from curul.elections._allocation import DIVISOR_METHODS, METHODS, check_method

MAX_VOTES = 2**40
MAX_TOTAL = 2**50
MAX_DIVISOR = 4096
_CHUNK_CELLS = 1 << 18  # rows × lists per chunk: small enough that every pass stays in cache
_NO_MASK = np.ones((1, 1), dtype=bool)


def _check_shapes(votes: np.ndarray, magnitudes: np.ndarray, eligible: np.ndarray | None) -> None:
    if votes.ndim != 3:
        raise ValueError(f"votes must be draws × districts × lists, got shape {votes.shape}")
    if magnitudes.shape != (votes.shape[1],):
        raise ValueError(f"magnitudes must have shape ({votes.shape[1]},), got {magnitudes.shape}")
    if magnitudes.size and magnitudes.min() < 0:
        raise ValueError("magnitudes must be non-negative")
    if eligible is not None and eligible.shape != (votes.shape[0], votes.shape[2]):
        raise ValueError(
            f"eligible must be draws × lists {(votes.shape[0], votes.shape[2])}, got {eligible.shape}"
        )


def _check_values(votes: np.ndarray) -> None:
    if votes.size and (votes.min() < 0 or votes.max() >= MAX_VOTES):
        raise ValueError(f"votes must be integers in [0, 2**40), got {votes.min()}..{votes.max()}")
    if votes.size and votes.sum(axis=2).max() >= MAX_TOTAL:
        raise ValueError("district vote totals must be below 2**50")
    if votes.dtype.kind not in "iub" and votes.size and not np.array_equal(votes, np.floor(votes)):
        raise ValueError("votes must be whole numbers")


def _divisors(method: str, seats: np.ndarray) -> np.ndarray:
    """Integer divisor of a list's next seat given ``seats`` held (modified Sainte-Laguë scaled by 5)."""
    if method == "dhondt":
        return seats + 1
    if method == "sainte-lague":
        return 2 * seats + 1
    return np.where(seats == 0, 7, 10 * seats + 5)


def _scale(method: str) -> int:
    return 5 if method == "modified-sainte-lague" else 1


def _estimate(method: str, vf: np.ndarray, m: np.ndarray, total: np.ndarray) -> np.ndarray:
    """Seats (as float64) whose quotients are ≥ a rational divisor near the cifra: an exact top set.

    Starting from a divisor that allows for the fractions small lists lose, the divisor takes one
    fixed-point step of "seats ≈ Σ over lists that reach half a seat (0.7 for modified Sainte-Laguë) of
    votes / divisor − loss", where D'Hondt's floor loses half a seat per list on average and
    Sainte-Laguë's rounding nothing. ``vf`` holds integer votes as float64; every product and sum stays an
    integer below 2**53 and the divisor is a ratio ``P / Q`` of two such integers, so the floor of the
    float quotient is the exact integer one (a non-integer ``v·Q / P`` sits at least ``1 / P`` below the
    next integer, far above rounding error).
    """
    ones = np.ones(vf.shape[1])
    mm = m[:, None].astype(np.float64)
    total = total[:, None]
    listed = np.count_nonzero(vf, axis=1)[:, None].astype(np.float64)
    # which lists reach the cut is only a heuristic, so plain float thresholds will do here
    if method == "dhondt":  # start at V / (M + n/2), n = lists with votes; cut at half a seat
        cut = total / np.maximum(2 * mm + listed, 1.0)
    else:  # start at V / (M + n/4): small lists round to 0 and pull the divisor down
        share = 0.7 if method == "modified-sainte-lague" else 0.5
        cut = share * 4 * total / np.maximum(4 * mm + listed, 1.0)
    reach = vf >= cut
    reach[np.arange(vf.shape[0]), np.argmax(vf, axis=1)] = True  # the largest list always reaches
    big_votes = np.maximum((vf * reach) @ ones, 1.0)[:, None]
    out = np.empty_like(vf)
    if method == "dhondt":  # d = Vbig / (M + nbig / 2);  seats = #{k ≥ 1: v / k ≥ d}  (exact, see above)
        reached = np.count_nonzero(reach, axis=1)[:, None]
        np.multiply(vf, 2 * mm + reached, out=out)
        out /= 2 * big_votes
        return np.floor(out, out=out)
    # d = Vbig / M;  seats = #{k ≥ 0: v / (2k + 1) ≥ d / 2}
    np.multiply(vf, 2 * mm, out=out)
    out += big_votes
    out /= 2 * big_votes
    seats = np.floor(out, out=out)
    if method == "modified-sainte-lague":
        seats[vf * (10 * mm) < 7 * big_votes] = 0
    return seats


def _move(method: str, q: np.ndarray, s: np.ndarray, d: np.ndarray, adding: bool) -> np.ndarray:
    """Add (or drop) ``d`` seats per row, one at a time, to the best next (worst held) quotient.

    ``q``: scaled votes (float64), ``s``: seats held; rows settle and leave the working set as they finish.
    Only one entry per row changes per step, so the quotient table is updated in place, not recomputed.
    """
    rows = np.arange(q.shape[0])
    width = q.shape[1]
    if adding:
        table = q / _divisors(method, s)
    else:
        held = np.where(s > 0, q / _divisors(method, np.maximum(s - 1, 0)), np.inf)
        table = np.ascontiguousarray(held[:, ::-1])
    live = rows
    while live.size:
        sub = table[live]
        if adding:
            pick = np.argmax(sub, axis=1)  # first maximum: the lowest index wins a tie
            s[live, pick] += 1
            table[live, pick] = q[live, pick] / _divisors(method, s[live, pick])
            d[live] -= 1
        else:
            at = np.argmin(sub, axis=1)  # on the reversed table: the highest index loses a tie
            pick = width - 1 - at
            s[live, pick] -= 1
            held = s[live, pick]
            table[live, at] = np.where(
                held > 0, q[live, pick] / _divisors(method, np.maximum(held - 1, 0)), np.inf
            )
            d[live] += 1
        live = live[d[live] != 0]
    return s


def _divisor_rows(
    method: str, vf: np.ndarray, m: np.ndarray, want_ties: bool
) -> tuple[np.ndarray, np.ndarray | None]:
    """Allocate rows (R × lists, integer votes held as float64) of a divisor method.

    Returns seats (float64, whole numbers) and, if asked, a per-row flag of ties settled by list order.
    """
    scale = _scale(method)
    ones = np.ones(vf.shape[1])
    total = vf @ ones
    seats = _estimate(method, vf, m, total)
    empty = total == 0
    seats[empty] = 0
    diff = np.where(empty, 0, m - seats @ ones)
    for adding in (True, False):
        rows = np.nonzero(diff > 0 if adding else diff < 0)[0]
        if rows.size:
            q = vf[rows] * scale if scale != 1 else vf[rows]
            seats[rows] = _move(method, q, seats[rows], diff[rows], adding)
    if not want_ties:
        return seats, None
    # a tie was settled by list order iff an excluded quotient equals the smallest included one;
    # lists without seats divide by 0 (inf, or nan without votes, which fmin skips), and lists without
    # votes have next quotient 0, below any held quotient
    q = vf * scale if scale != 1 else vf
    held_divisor = _divisors(method, seats - 1)
    if method != "dhondt":
        held_divisor[seats == 0] = 0
    with np.errstate(divide="ignore", invalid="ignore"):
        last = np.fmin.reduce(q / held_divisor, axis=1)
    nxt = (q / _divisors(method, seats)).max(axis=1)
    return seats, ~empty & (m > 0) & (nxt == last)


def _remainder_rows(
    method: str, vf: np.ndarray, m: np.ndarray, want_ties: bool
) -> tuple[np.ndarray, np.ndarray | None]:
    """Allocate rows of a largest-remainder method (Hare or integer Droop quota); seats and tie flags."""
    v = vf.astype(np.int64)
    total = v.sum(axis=1)
    safe = np.maximum(total, 1)[:, None]
    if method == "hare":  # compare remainders of v·M / V in units of 1/V
        scaled = v * m[:, None]
        seats, rem = scaled // safe, scaled % safe
    else:
        quota = (safe // (m[:, None] + 1)) + 1
        seats, rem = v // quota, v % quota
    seats[total == 0] = 0
    key = np.where(v > 0, rem, -1)
    order = np.argsort(-key, axis=1, kind="stable")
    rank = np.empty_like(order)
    np.put_along_axis(rank, order, np.arange(v.shape[1])[None, :].repeat(v.shape[0], axis=0), axis=1)
    n = (v > 0).sum(axis=1)
    left = np.where(total > 0, m - seats.sum(axis=1), 0)
    nn = np.maximum(n, 1)
    full, part = left // nn, left % nn
    candidate = v > 0
    seats += candidate * (full[:, None] + (rank < part[:, None]))
    if not want_ties:
        return seats, None
    sorted_key = np.take_along_axis(key, order, axis=1)
    idx = np.arange(v.shape[0])
    cut = np.clip(part - 1, 0, v.shape[1] - 1)
    after = np.clip(part, 0, v.shape[1] - 1)
    tied = (part > 0) & (part < n) & (sorted_key[idx, cut] == sorted_key[idx, after])
    return seats, tied


def _compiled() -> ModuleType | None:
    """The compiled kernel (:mod:`curul.elections._batch_kernel`), or None without numba.

    numba is imported here, on the first batch, not with the package: ``curul --help`` and the commands
    that allocate no batch never pay for it. ``CURUL_ALLOCATOR=numpy`` keeps to the NumPy path (to
    compare the two, or where numba misbehaves).
    """
    if os.environ.get("CURUL_ALLOCATOR", "").strip().lower() == "numpy":
        return None
    try:
        from curul.elections import _batch_kernel
    except ImportError:  # numba is optional: the NumPy path gives the same seats
        return None
    return _batch_kernel


def _run(
    votes: np.ndarray,
    magnitudes: np.ndarray,
    method: str,
    eligible: np.ndarray | None,
    want_ties: bool,
    engine: str = "auto",
    dtype: np.dtype | type = np.int64,
) -> tuple[np.ndarray, np.ndarray | None]:
    """Check the arguments and allocate on ``engine``: "numpy", "compiled" (numba) or "auto"; seats in
    ``dtype``, an integer type the caller has checked holds the largest magnitude."""
    method = check_method(method)
    votes = np.asarray(votes)
    magnitudes = np.ascontiguousarray(magnitudes, dtype=np.int64)
    mask = None if eligible is None else np.ascontiguousarray(eligible, dtype=bool)
    _check_shapes(votes, magnitudes, mask)
    if method in DIVISOR_METHODS and magnitudes.size and _divisors(method, magnitudes.max()) >= MAX_DIVISOR:
        raise ValueError(f"magnitudes up to {magnitudes.max()} are beyond the exact range of {method}")
    kernel = None if engine == "numpy" else _compiled()
    if engine == "compiled" and kernel is None:
        raise ImportError("the compiled allocator needs numba (pip install numba)")
    if kernel is None or votes.dtype.kind not in "iu" or not votes.dtype.isnative:
        _check_values(votes)
        if kernel is None:
            seats, tied = _run_numpy(votes, magnitudes, method, mask, want_ties)
            return seats.astype(dtype, copy=False), tied
        votes = votes.astype(np.int64)  # exact: whole numbers below 2**40
    seats = np.empty(votes.shape, dtype=dtype)  # written by the kernel in place: no wide copy to narrow
    tied = np.zeros(votes.shape[:2] if want_ties else (0, 0), dtype=bool)
    lists = votes.shape[2]
    status = kernel.allocate(
        votes,
        magnitudes,
        METHODS.index(method),
        _NO_MASK if mask is None else mask,
        mask is not None,
        seats,
        tied,
        want_ties,
        np.empty((4, lists), dtype=np.int64),  # scratch space: the kernel allocates nothing itself
        np.empty(lists, dtype=np.float64),
    )
    if status != kernel.OK:
        _check_values(votes)  # raises the error the NumPy path gives
        raise ValueError(f"votes beyond the allocator's limits (status {status})")
    return seats, tied if want_ties else None


def _run_numpy(
    votes: np.ndarray, magnitudes: np.ndarray, method: str, eligible: np.ndarray | None, want_ties: bool
) -> tuple[np.ndarray, np.ndarray | None]:
    """The NumPy path: the reference for the compiled kernel and the fallback without numba."""
    draws, districts, lists = votes.shape
    vf = votes.astype(np.float64)  # exact: votes < 2**40
    if eligible is not None:
        vf *= eligible[:, None, :]
    vf = vf.reshape(draws * districts, lists)
    m = np.tile(magnitudes, draws)
    seats = np.empty(vf.shape, dtype=np.int64)
    tied = np.zeros(draws * districts, dtype=bool) if want_ties else None
    rows_fn = _divisor_rows if method in DIVISOR_METHODS else _remainder_rows
    step = max(1, _CHUNK_CELLS // max(lists, 1))

    for start in range(0, vf.shape[0], step):
        stop = start + step
        seats[start:stop], flags = rows_fn(method, vf[start:stop], m[start:stop], want_ties)
        if tied is not None:
            tied[start:stop] = flags
    return seats.reshape(draws, districts, lists), None if tied is None else tied.reshape(draws, districts)


def allocate_batch_with_ties(
    votes: np.ndarray,
    magnitudes: np.ndarray,
    method: str = "dhondt",
    eligible: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Like :func:`allocate_batch`, also returning a draws × districts flag of ties settled by list order."""
    seats, tied = _run(votes, magnitudes, method, eligible, True)
    assert tied is not None
    return seats, tied


def allocate_batch(
    votes: np.ndarray,
    magnitudes: np.ndarray,
    method: str = "dhondt",
    eligible: np.ndarray | None = None,
    *,
    dtype: np.dtype | type = np.int64,
) -> np.ndarray:
    """Seats (draws × districts × lists) for votes (draws × districts × lists) and magnitudes (districts,).

    ``eligible`` (draws × lists, bool) marks the lists that passed the threshold; the others get nothing.
    A district where no eligible list has votes gets no seats. Ties go to the lowest list index.
    ``dtype``: the seats' integer type (a simulation keeps millions of them: ``np.uint8`` holds any
    magnitude up to 255); refused when it cannot hold the largest magnitude.
    """
    chosen = np.dtype(dtype)
    top = int(np.max(magnitudes, initial=0))
    if chosen.kind not in "iu" or top > np.iinfo(chosen).max:
        raise ValueError(f"seats of {chosen} cannot hold a magnitude of {top}")
    return _run(votes, magnitudes, method, eligible, False, dtype=chosen)[0]
