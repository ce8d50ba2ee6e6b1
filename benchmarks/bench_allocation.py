"""Batch seat allocation against a naive compiled loop, the exact allocator and two packages, per district.

Simulates 2021-style Congress elections (27 districts with the 2021 magnitudes, 20 lists) and allocates
every district by D'Hondt with ``curul.elections.allocate_batch`` (its compiled kernel when numba is
installed, as by default). For several batch sizes it times, interleaved in this one process, the batch
allocator and a naive compiled loop written below (numba: for each seat, the list with the largest
``votes / (seats + 1)`` gets it; no checks, no tie report), and prints each rate (district allocations per
CPU second) and the median of their paired ratios. On a sample of the same districts it then times the
exact allocator, the NumPy path of the batch allocator, and the ``apportionment`` and ``votelib`` packages
one call per district, checks that all agree, and prints their ratios. On a shared machine the CPU
figures and the ratios are the steadier ones.

    .venv/bin/python benchmarks/bench_allocation.py [--quick] [--sizes 1000,10000,100000] [--seed S]
"""

from __future__ import annotations

import argparse
import statistics
import time

import numba
import numpy as np

from curul.elections import (
    allocate,
    allocate_batch,
    allocate_batch_with_ties,
    allocate_system_batch,
    load_system,
)
from curul.elections._batch import _run

TARGET_RATIO = 1.0  # the batch allocator against the naive compiled loop


@numba.njit(cache=True, nogil=True)
def naive_loop(votes: np.ndarray, magnitudes: np.ndarray, seats: np.ndarray) -> None:
    """D'Hondt as one would first write it: one seat at a time to the largest float quotient."""
    draws, districts, lists = votes.shape
    for i in range(draws):
        for d in range(districts):
            s = seats[i, d]
            s[:] = 0
            for _ in range(magnitudes[d]):
                best, top = 0, -1.0
                for k in range(lists):
                    q = votes[i, d, k] / (s[k] + 1)
                    if q > top:
                        best, top = k, q
                s[best] += 1


def naive(votes: np.ndarray, magnitudes: np.ndarray) -> np.ndarray:
    seats = np.empty(votes.shape, dtype=np.int64)
    naive_loop(votes, magnitudes, seats)
    return seats


def simulate(elections: int, lists: int, magnitudes: np.ndarray, seed: int) -> np.ndarray:
    """Votes (elections × districts × lists): national Dirichlet shares with district-level noise."""
    rng = np.random.default_rng(seed)
    national = rng.dirichlet(np.full(lists, 0.8), size=(elections, 1))
    local = national * rng.lognormal(0.0, 0.35, size=(elections, len(magnitudes), lists))
    local /= local.sum(axis=2, keepdims=True)
    valid = (magnitudes * 99_000)[None, :, None]  # about 12.9M valid votes over 130 seats, as in 2021
    return np.floor(local * valid).astype(np.int64)


def cpu(fn):
    """The result of ``fn()``, its process CPU time and its wall time."""
    wall, start = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.process_time() - start, time.perf_counter() - wall


def kernel_into(votes: np.ndarray, magnitudes: np.ndarray, seats: np.ndarray) -> None:
    """The batch allocator's compiled kernel writing into ``seats`` (no checks, no new array)."""
    from curul.elections import _batch_kernel as kernel

    lists = votes.shape[2]
    scratch = np.empty((4, lists), dtype=np.int64), np.empty(lists)
    no_mask, no_ties = np.ones((1, 1), dtype=bool), np.zeros((0, 0), dtype=bool)
    status = kernel.allocate(votes, magnitudes, 0, no_mask, False, seats, no_ties, False, *scratch)
    assert status == kernel.OK


def scaling(sizes: list[int], rounds: int, magnitudes: np.ndarray, lists: int, seed: int) -> None:
    print("batch allocator vs a naive compiled loop (numba), D'Hondt, interleaved rounds, CPU time:")
    print(
        "  (new array: each call returns a fresh seats array, as allocate_batch does, page faults included;\n"
        "   reused array: both loops write into one array allocated beforehand)"
    )
    print(
        f"  {'elections':>9} {'districts':>10}  {'batch /s':>11} {'naive /s':>11} {'ratio':>6}   "
        f"{'reused: batch /s':>16} {'naive /s':>11} {'ratio':>6}"
    )
    small = simulate(2, lists, magnitudes, seed)
    assert (allocate_batch(small, magnitudes) == naive(small, magnitudes)).all()  # both compiled now
    for elections in sizes:
        votes = simulate(elections, lists, magnitudes, seed)
        magnitudes64 = magnitudes.astype(np.int64)
        districts = elections * len(magnitudes)
        out = np.empty(votes.shape, dtype=np.int64)
        times: dict[str, list[float]] = {"batch": [], "naive": [], "kernel": [], "loop": []}
        calls = {
            "batch": lambda v=votes: allocate_batch(v, magnitudes),
            "naive": lambda v=votes: naive(v, magnitudes),
            "kernel": lambda v=votes, m=magnitudes64, o=out: kernel_into(v, m, o),
            "loop": lambda v=votes, o=out: naive_loop(v, magnitudes, o),
        }
        for r in range(rounds):  # alternate the order, so that neither always goes first
            seats = plain = None
            for name in list(calls) if r % 2 == 0 else list(calls)[::-1]:
                result, t, _ = cpu(calls[name])
                times[name].append(t)
                if name == "batch":
                    seats = result
                elif name == "naive":
                    plain = result
            assert seats is not None and (seats == plain).all()  # lowest index first on ties, in both
            del seats, plain, result
        rate = {name: districts / statistics.median(t) for name, t in times.items()}
        fresh = statistics.median([n / b for n, b in zip(times["naive"], times["batch"], strict=True)])
        reused = statistics.median([n / b for n, b in zip(times["loop"], times["kernel"], strict=True)])
        print(
            f"  {elections:>9,} {districts:>10,}  {rate['batch']:>11,.0f} {rate['naive']:>11,.0f} "
            f"{fresh:>5.2f}×   {rate['kernel']:>16,.0f} {rate['loop']:>11,.0f} {reused:>5.2f}×"
        )
    print(f"  target: ratio ≥ {TARGET_RATIO:.1f}, and the rate not falling as the batch grows")


def packages(elections: int, sample: int, magnitudes: np.ndarray, lists: int, seed: int) -> None:
    votes = simulate(elections, lists, magnitudes, seed)
    districts = elections * len(magnitudes)
    seats, bcpu, bwall = cpu(lambda: allocate_batch(votes, magnitudes))
    batch_cpu = districts / bcpu
    print(f"\n{elections:,} elections, {districts:,} district allocations:")
    print(f"batch allocator:        {districts / bwall:>13,.0f} /s wall   {batch_cpu:>13,.0f} /s CPU")
    (same, ties), tcpu, _ = cpu(lambda: allocate_batch_with_ties(votes, magnitudes))
    assert (same == seats).all()
    print(
        f"  with tie flags:                             {districts / tcpu:>13,.0f} /s CPU; "
        f"ties settled by list order: {int(ties.sum())} of {districts:,} districts"
    )
    (ref, _), ncpu, _ = cpu(lambda: _run(votes, magnitudes, "dhondt", None, False, "numpy"))
    assert (ref == seats).all()
    print(f"  NumPy path (reference):                     {districts / ncpu:>13,.0f} /s CPU")
    parties = [f"L{k}" for k in range(lists)]
    system = load_system("peru-2021")
    result, scpu, _ = cpu(lambda: allocate_system_batch(system, votes, parties))
    print(
        f"system batch (threshold + preliminary + final): {districts / scpu:>10,.0f} /s CPU; "
        f"lists passing per election: {result.passed.sum(axis=1).mean():.1f}"
    )

    names = [str(k) for k in range(lists)]
    cells = [(i, d) for i in range(sample) for d in range(len(magnitudes))]
    untied = [(k, i, d) for k, (i, d) in enumerate(cells) if not ties[i, d]]

    def exact(i: int, d: int) -> list[int]:
        row = dict(zip(names, votes[i, d].tolist(), strict=True))
        won = allocate(row, int(magnitudes[d]), tie_break=names).seats
        return [won[n] for n in names]

    loops = {"exact allocator": exact}
    try:
        import apportionment.methods as ap

        loops["apportionment"] = lambda i, d: list(
            ap.compute("dhondt", votes[i, d].tolist(), int(magnitudes[d]), verbose=False)
        )
    except ImportError:  # a dev dependency
        print("apportionment is not installed (pip install -e '.[dev]')")
    try:
        from votelib.evaluate.proportional import HighestAverages

        dhondt = HighestAverages("d_hondt")

        def votelib_call(i: int, d: int) -> list[int]:
            won = dhondt.evaluate(dict(zip(names, votes[i, d].tolist(), strict=True)), int(magnitudes[d]))
            return [won.get(n, 0) for n in names]

        loops["votelib"] = votelib_call
    except ImportError:
        print("votelib is not installed (pip install -e '.[dev]')")
    print(f"per-district loops on {len(cells):,} districts ({len(untied):,} untied compared):")
    for label, call in loops.items():
        rows = [(i, d) for _, i, d in untied]
        out, lcpu, _ = cpu(lambda call=call, rows=rows: [call(i, d) for i, d in rows])
        differ = sum(o != seats[i, d].tolist() for o, (i, d) in zip(out, rows, strict=True))
        rate = len(rows) / lcpu
        print(
            f"  {label:<16} {rate:>10,.0f} /s CPU; batch is {batch_cpu / rate:>8,.0f}× faster "
            f"({differ} districts differ)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller batches and samples, fewer rounds")
    parser.add_argument("--sizes", default=None, help="comma-separated numbers of elections per batch")
    parser.add_argument("--seed", type=int, default=2021)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else None
    sizes = sizes or ([1_000, 10_000] if args.quick else [1_000, 10_000, 100_000])
    magnitudes = np.asarray(load_system("peru-2021").magnitudes)
    lists = 20
    print(f"2021-style elections: {len(magnitudes)} districts ({magnitudes.sum()} seats), {lists} lists")
    # first calls compile (or load numba's on-disk cache); the timings below exclude that
    _, first, _ = cpu(lambda: allocate_batch(simulate(2, lists, magnitudes, 0), magnitudes))
    print(f"first batch call (numba import, compile or cache load): {first:.2f} s CPU")
    scaling(sizes, 3 if args.quick else 5, magnitudes, lists, args.seed)
    packages(10_000, 40 if args.quick else 200, magnitudes, lists, args.seed)


if __name__ == "__main__":
    main()
