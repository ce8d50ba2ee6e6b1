"""The batch allocator compiled (numba): one district at a time, in exact integer arithmetic.

The NumPy path of :mod:`curul.elections._batch` pays for whole-array passes (a float copy of the votes,
an estimate, a fix-up over the rows that need it); a compiled loop can do the same work district by
district while the row is in cache. It gives the same seats and the same tie flags, and is tested
against the NumPy path and the exact allocator. Quotients ``a / b`` and ``c / d`` are compared as ``a·d``
against ``c·b`` in int64 (votes < 2**40 and divisors < 2**14 keep the products below 2**54), except in
small districts, where float64 quotients are exact enough (see :func:`_greedy`).

For a divisor method a district first keeps only the lists that can still reach its last seat (their
first quotient is at least the largest list's ``M``-th quotient, and for D'Hondt and Sainte-Laguë at least
the floor ``V / (M + n)`` / ``V / (2M + n)`` below which the cifra cannot fall: lists under it win no seat
and cannot tie). Small districts then hand out seats one at a time to the largest next quotient; larger
ones start from the exact top set of a rational divisor near the cifra (every quotient at or above it) and
move the few missing or surplus seats, as the NumPy path does. A tie for the last seat goes to the lowest
list index, and is flagged.

Imported only when a batch is allocated (numba takes a few hundred milliseconds to import); the compiled
code is cached on disk (``cache=True``), so the compiler (several seconds) runs once per machine, source
version and argument type (votes of another integer type or memory layout compile once more). The
functions are compiled without numba's reference-counting runtime (``_nrt=False``): they allocate
nothing, and with it every call of a helper on a district would pay atomic reference counts per array.
"""

from __future__ import annotations

from typing import Any

import numba
import numpy as np

# Method codes (the order of curul.elections._allocation.METHODS) and kernel status codes.
DHONDT, SAINTE_LAGUE, MODIFIED_SAINTE_LAGUE, HARE, DROOP = range(5)
OK, OUT_OF_RANGE, TOTAL_TOO_LARGE = range(3)

MAX_VOTES = 2**40
MAX_TOTAL = 2**50
GREEDY_UP_TO = 6  # districts of at most this many seats are filled one seat at a time

# The helpers are inlined into the one compiled entry point; the caller passes the scratch space.
_OPTIONS: dict[str, Any] = {"cache": True, "nogil": True, "error_model": "numpy", "_nrt": False}
_jit = numba.njit(**_OPTIONS)
_inline = numba.njit(**_OPTIONS, inline="always")


@_inline
def _div(s, a, b, first):
    """Integer divisor of a list's next seat given ``s`` held: ``a·s + b``, ``first`` for the first seat."""
    return first if s == 0 else a * s + b


@_inline
def _best_next(cv, cs, c, a, b, first):
    """The candidate with the largest next quotient; the first of equals (the lowest list) wins.

    Written with selects, not branches: which list is ahead is unpredictable, a mispredicted branch per
    comparison would cost more than the comparison itself.
    """
    best = 0
    bv = cv[0]
    bd = _div(cs[0], a, b, first)
    for j in range(1, c):
        dj = _div(cs[j], a, b, first)
        ahead = cv[j] * bd > bv * dj
        best = j if ahead else best
        bv = cv[j] if ahead else bv
        bd = dj if ahead else bd
    return best


@_inline
def _worst_held(cv, cs, c, a, b, first):
    """The candidate holding the smallest quotient; the last of equals (the highest list) loses."""
    worst = -1
    wv = np.int64(1)
    wd = np.int64(0)  # start from an infinite quotient
    for j in range(c):
        dj = _div(cs[j] - 1, a, b, first)
        behind = (cs[j] > 0) & (cv[j] * wd <= wv * dj)
        worst = j if behind else worst
        wv = cv[j] if behind else wv
        wd = dj if behind else wd
    return worst


@_inline
def _greedy(s, cv, cs, ck, cq, c, m, a, b, first):
    """Hand out ``m`` seats one at a time to the largest next quotient; True if a tie was settled.

    The quotients are kept as float64 ``v / divisor``, one recomputed per seat: with votes below 2**40
    and divisors below 2**12, two different quotients differ by more than twice float64's rounding (their
    relative gap is at least 1 / (v·divisor) > 2**-52) and equal ones round alike, so comparing the
    floats is comparing the fractions. A float maximum is also a short dependency chain, unlike a
    comparison of cross-products.
    """
    for j in range(c):
        cs[j] = 0
        cq[j] = cv[j] / first
    top = 0.0
    for _ in range(m):
        best = 0
        top = cq[0]
        for j in range(1, c):
            ahead = cq[j] > top  # strictly: the first of equals (the lowest list) wins
            best = j if ahead else best
            top = cq[j] if ahead else top
        cs[best] += 1
        cq[best] = cv[best] / (a * cs[best] + b)
    nxt = cq[0]
    for j in range(1, c):
        nxt = max(nxt, cq[j])
    for j in range(c):
        s[ck[j]] = cs[j]
    return nxt == top  # the best quotient left out equals the last one given a seat


@_inline
def _one_seat(v, s, vmax):
    """A one-seat district under a divisor method: every list's first quotient is its votes over the same
    divisor, so the seat goes to the most votes, the lowest list on a tie (True: a tie was settled)."""
    won = -1
    equal = 0
    for k in range(v.shape[0]):
        top = v[k] == vmax
        equal += top
        if top and won < 0:
            won = k
    s[won] = 1
    return equal > 1


@_inline
def _divisor_row(v, s, cv, cs, ck, cq, m, method, total, n, vmax):
    """Seats of one district (into ``s``, zeroed) by a divisor method; True if a tie was settled."""
    if m == 1:
        return _one_seat(v, s, vmax)
    if method == DHONDT:
        a, b, first = 1, 1, 1
    elif method == SAINTE_LAGUE:
        a, b, first = 2, 1, 1
    else:
        a, b, first = 10, 5, 7
    last = _div(m - 1, a, b, first)
    # V / floor is below the cifra for D'Hondt and Sainte-Laguë (no such bound is used for the modified)
    floor = m + n if method == DHONDT else 2 * m + n
    need = 0 if method == MODIFIED_SAINTE_LAGUE else total
    reach = vmax * first
    c = 0
    kept = np.int64(0)
    for k in range(v.shape[0]):  # a branch-free filter: whether a list is kept is unpredictable
        x = v[k]
        keep = (x > 0) & (x * last >= reach) & (x * floor >= need)
        cv[c] = x
        ck[c] = k
        c += keep
        kept += x * keep
    if m <= GREEDY_UP_TO:
        return _greedy(s, cv, cs, ck, cq, c, m, a, b, first)
    # the exact top set of the divisor t = P / Q: a list holds #{k: v / div(k) ≥ t} seats
    if method == DHONDT:  # t = Vkept / (M + c/2): D'Hondt's floor loses half a seat per list
        p, q, shift, unit = 2 * kept, 2 * m + c, np.int64(0), np.int64(1)
    elif method == SAINTE_LAGUE:  # t = Vkept / 2M; seats = ⌊(v/t + 1) / 2⌋
        p, q, shift, unit = kept, 2 * m, kept, np.int64(2)
    else:  # t = Vkept / 10M in the scaled divisors 7, 15, 25, …; seats = ⌊(v/t + 5) / 10⌋, 0 below 7
        p, q, shift, unit = kept, 10 * m, 5 * kept, np.int64(10)
    held = np.int64(0)
    for j in range(c):
        cs[j] = 0
    step = unit * p
    inverse = 1.0 / step
    for j in range(c):
        x = cv[j] * q
        if method != MODIFIED_SAINTE_LAGUE or x >= 7 * p:
            # ⌊(x + shift) / step⌋ from a float estimate, then made exact in integers
            y = x + shift
            e = np.int64(y * inverse)
            e -= e * step > y
            e += (e + 1) * step <= y
            cs[j] = e
            held += e
    while held < m:
        cs[_best_next(cv, cs, c, a, b, first)] += 1
        held += 1
    while held > m:
        cs[_worst_held(cv, cs, c, a, b, first)] -= 1
        held -= 1
    for j in range(c):
        s[ck[j]] = cs[j]
    # a tie was settled by list order iff the best quotient left out equals the smallest one held
    w = _worst_held(cv, cs, c, a, b, first)
    nb = _best_next(cv, cs, c, a, b, first)
    return cv[nb] * _div(cs[w] - 1, a, b, first) == cv[w] * _div(cs[nb], a, b, first)


@_inline
def _remainder_row(v, s, rem, taken, m, method, total):
    """Seats of one district by largest remainders (Hare, integer Droop quota); True if a tie was settled."""
    lists = v.shape[0]
    # rem: in units of 1/V (Hare) or votes (Droop), -1 for a list without votes; taken: 1 once given a seat
    quota = total // (m + 1) + 1
    left = m
    n = 0
    for k in range(lists):
        taken[k] = 0
        if v[k] == 0:
            rem[k] = -1
            continue
        n += 1
        if method == HARE:  # v·M / V
            x = v[k] * m
            s[k] = x // total
            rem[k] = x % total
        else:
            s[k] = v[k] // quota
            rem[k] = v[k] % quota
        left -= s[k]
    full, part = left // n, left % n
    for k in range(lists):
        if v[k] > 0:
            s[k] += full
    key = np.int64(-1)
    for _ in range(part):  # the largest remainders, the lowest list first among equals
        best = -1
        for k in range(lists):
            if v[k] > 0 and not taken[k] and (best < 0 or rem[k] > rem[best]):
                best = k
        taken[best] = 1
        s[best] += 1
        key = rem[best]
    tie = False  # a list left without the extra seat has the remainder of the last one given
    if 0 < part < n:
        for k in range(lists):
            tie |= (v[k] > 0) & (taken[k] == 0) & (rem[k] == key)
    return tie


@_jit
def allocate(votes, magnitudes, method, eligible, masked, seats, tied, want_ties, ints, cq):
    """Fill ``seats`` (draws × districts × lists, int64) and, if ``want_ties``, ``tied``; a status code.

    ``votes`` may be of any integer type and layout; ``eligible`` (draws × lists) applies when ``masked``.
    Returns ``OUT_OF_RANGE`` or ``TOTAL_TOO_LARGE`` at the first district that breaks the limits (the
    caller raises; the seats are then incomplete).
    """
    draws, districts, lists = votes.shape
    v, cv, cs, ck = ints[0], ints[1], ints[2], ints[3]
    for i in range(draws):
        for d in range(districts):
            m = np.int64(magnitudes[d])
            bad = np.int64(0)
            raw = np.int64(0)
            total = np.int64(0)
            n = np.int64(0)
            vmax = np.int64(0)
            for k in range(lists):  # branch-free, so that the compiler can vectorise it
                x = np.int64(votes[i, d, k])
                bad |= x >> 40  # nonzero for x < 0 or x ≥ 2**40
                raw += x
                if masked:
                    x *= eligible[i, k]
                v[k] = x
                total += x
                n += x > 0
                vmax = max(vmax, x)
            if bad:
                return OUT_OF_RANGE
            if raw >= MAX_TOTAL:
                return TOTAL_TOO_LARGE
            s = seats[i, d]
            for k in range(lists):
                s[k] = 0
            if total == 0 or m == 0:
                flag = False
            elif method <= MODIFIED_SAINTE_LAGUE:
                flag = _divisor_row(v, s, cv, cs, ck, cq, m, method, total, n, vmax)
            else:
                flag = _remainder_row(v, s, cv, ck, m, method, total)
            if want_ties:
                tied[i, d] = flag
    return OK


@_jit
def district_sums(a, index, sums, counts):
    """Per draw and list, the sum over the districts ``index`` of ``a`` (draws × districts × lists, any
    integer type) into ``sums`` and the number of those districts where it is positive into ``counts``
    (both draws × lists, int64): one pass where NumPy's reductions over a middle axis make several."""
    draws, _, lists = a.shape
    for i in range(draws):
        for k in range(lists):
            sums[i, k] = 0
            counts[i, k] = 0
        for d in index:
            for k in range(lists):
                x = np.int64(a[i, d, k])
                sums[i, k] += x
                counts[i, k] += x > 0
    return OK


@_jit
def rows_holding(seats, passed, out):
    """``out[i, d]``: in draw ``i`` a list that failed (``passed`` false) holds a seat in district ``d``."""
    draws, districts, lists = seats.shape
    for i in range(draws):
        for d in range(districts):
            flag = False
            for k in range(lists):
                flag |= (seats[i, d, k] > 0) & (not passed[i, k])
            out[i, d] = flag
    return OK
