"""Batch seat allocation against the exact allocator and the `apportionment` package called in a loop.

Simulates 2021-style Congress elections (27 districts with the 2021 magnitudes, 20 lists), allocates
every district by D'Hondt with ``curul.elections.allocate_batch``, then times the same districts on a
sample with the exact allocator and with ``apportionment.methods.compute`` one call per district, checks
that all three agree, and prints the rates (district allocations per second) and their ratios. Wall time
and process CPU time are both shown: on a shared machine the CPU figures are the steadier ones.

    .venv/bin/python benchmarks/bench_allocation.py [--quick] [--elections N] [--seed S]
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from curul.elections import (
    allocate,
    allocate_batch,
    allocate_batch_with_ties,
    allocate_system_batch,
    load_system,
)

TARGET_RATE = 1_000_000
TARGET_RATIO = 200


def simulate(elections: int, lists: int, magnitudes: np.ndarray, seed: int) -> np.ndarray:
    """Votes (elections × districts × lists): national Dirichlet shares with district-level noise."""
    rng = np.random.default_rng(seed)
    national = rng.dirichlet(np.full(lists, 0.8), size=(elections, 1))
    local = national * rng.lognormal(0.0, 0.35, size=(elections, len(magnitudes), lists))
    local /= local.sum(axis=2, keepdims=True)
    valid = (magnitudes * 99_000)[None, :, None]  # about 12.9M valid votes over 130 seats, as in 2021
    return np.floor(local * valid).astype(np.int64)


def timed(fn):
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10,000 elections and a smaller loop sample")
    parser.add_argument("--elections", type=int, default=None)
    parser.add_argument("--seed", type=int, default=2021)
    args = parser.parse_args()
    elections = args.elections or (10_000 if args.quick else 100_000)
    sample = 40 if args.quick else 200
    system = load_system("peru-2021")
    magnitudes = np.asarray(system.magnitudes)
    lists = 20
    votes = simulate(elections, lists, magnitudes, args.seed)
    districts = elections * len(magnitudes)
    print(
        f"{elections:,} simulated 2021-style elections: {len(magnitudes)} districts, {lists} lists "
        f"({districts:,} district allocations, D'Hondt)"
    )

    seats, wall, cpu = timed(lambda: allocate_batch(votes, magnitudes))
    batch_wall, batch_cpu = districts / wall, districts / cpu
    assert (seats.sum(axis=2) == magnitudes).all()
    print(f"batch allocator:        {batch_wall:>13,.0f} /s wall ({wall:.2f} s)   {batch_cpu:>13,.0f} /s CPU")
    (same, ties), twall, tcpu = timed(lambda: allocate_batch_with_ties(votes, magnitudes))
    assert (same == seats).all()
    print(
        f"  with tie flags:       {districts / twall:>13,.0f} /s wall   {districts / tcpu:>13,.0f} /s CPU; "
        f"ties settled by list order: {int(ties.sum())} of {districts:,} districts"
    )

    parties = [f"L{k}" for k in range(lists)]
    result, swall, scpu = timed(lambda: allocate_system_batch(system, votes, parties))
    print(
        f"system batch (threshold + preliminary + final): {districts / swall:>11,.0f} /s wall   "
        f"{districts / scpu:>11,.0f} /s CPU; lists passing per election: "
        f"{result.passed.sum(axis=1).mean():.1f}"
    )

    names = [str(k) for k in range(lists)]
    cells = [(i, d) for i in range(sample) for d in range(len(magnitudes))]

    def exact_loop():
        return [
            allocate(dict(zip(names, votes[i, d].tolist(), strict=True)), int(magnitudes[d]), tie_break=names)
            for i, d in cells
        ]

    exact, ewall, ecpu = timed(exact_loop)
    mismatch = sum(
        [exact[k].seats[n] for n in names] != seats[i, d].tolist() for k, (i, d) in enumerate(cells)
    )
    print(
        f"exact allocator loop:   {len(cells) / ewall:>13,.0f} /s wall   {len(cells) / ecpu:>13,.0f} /s CPU"
        f" ({len(cells):,} districts; {mismatch} differ from batch)"
    )

    try:
        import apportionment.methods as ap
    except ImportError:  # a dev dependency
        ap = None
    if ap is not None:

        def package_loop():
            return [
                ap.compute("dhondt", votes[i, d].tolist(), int(magnitudes[d]), verbose=False)
                for i, d in cells
            ]

        theirs, pwall, pcpu = timed(package_loop)
        differ = sum(
            list(theirs[k]) != seats[i, d].tolist() for k, (i, d) in enumerate(cells) if not ties[i, d]
        )
        pkg_wall, pkg_cpu = len(cells) / pwall, len(cells) / pcpu
        print(
            f"apportionment loop:     {pkg_wall:>13,.0f} /s wall   {pkg_cpu:>13,.0f} /s CPU "
            f"({differ} untied districts differ from batch)"
        )
        print(
            f"ratio batch / apportionment loop: {batch_wall / pkg_wall:,.0f}× wall, "
            f"{batch_cpu / pkg_cpu:,.0f}× CPU  (target ≥ {TARGET_RATIO}×)"
        )
    print(
        f"ratio batch / exact loop:         {batch_wall / (len(cells) / ewall):,.0f}× wall, "
        f"{batch_cpu / (len(cells) / ecpu):,.0f}× CPU"
    )
    met = {True: "met", False: "not met"}
    print(
        f"batch rate target ≥ {TARGET_RATE:,}/s: {met[batch_wall >= TARGET_RATE]} (wall), "
        f"{met[batch_cpu >= TARGET_RATE]} (CPU)"
    )


if __name__ == "__main__":
    main()
