"""Benchmark: 100,000 full simulations of 2026 (first round, runoff, Senate and Deputies allocation)
against a plain per-draw loop (first round one draw at a time, one exact ``allocate_system`` of
``curul.elections`` per draw and chamber), both in this process. The loop is timed on a few hundred
draws and extrapolated. Prints seconds and ratios only.

The full run is timed in its two parts, the presidential simulation (``run_forecast`` without Congress)
and ``simulate_congress`` on its draws, so the seat engine's share can be reported; the seat engine is
given to ``simulate_congress`` (the batch allocator, or the per-draw reference it is tested against).

Run: ``.venv/bin/python benchmarks/bench_forecast.py [--sims N] [--loop-sims N]``.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from curul.elections import allocate_system_batch
from curul.forecast import ErrorModel, calibrate, get_election, run_forecast
from curul.forecast._average import fit_average
from curul.forecast._congress import allocate_system_loop, simulate_congress
from curul.forecast._elections import bundled_rows
from curul.forecast._model import draw_first_round, draw_first_round_loop


def _timed(allocate: Callable[..., Any]) -> tuple[Callable[..., Any], list[float]]:
    """Wrap a seat allocator so its share of the run can be reported separately."""
    spent = [0.0]

    def wrapped(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return allocate(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - start

    return wrapped, spent


def _run(sims: int, calibration: Any, allocate: Callable[..., Any]) -> float:
    """Seconds for one whole 2026 simulation of ``sims`` draws with this seat engine."""
    election = get_election("peru-2026")
    start = time.perf_counter()
    forecast = run_forecast("peru-2026", sims=sims, seed=0, calibration=calibration, congress=False)
    rng = np.random.default_rng(0)
    simulate_congress(election, forecast.average, forecast.draws, rng, {}, allocate=allocate)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sims", type=int, default=100_000)
    parser.add_argument("--loop-sims", type=int, default=200)
    args = parser.parse_args()
    election = get_election("peru-2026")
    avg = fit_average(election, bundled_rows("peru-2026"), election.default_cutoff)
    calibration = calibrate("peru-2026")
    error = ErrorModel(scale=calibration.scale, df=calibration.df)

    # Baseline: everything one draw at a time (the reference paths).
    start = time.perf_counter()
    draw_first_round_loop(avg.shares_, avg.others_, error, args.loop_sims, np.random.default_rng(0))
    first_loop = (time.perf_counter() - start) / args.loop_sims
    congress_loop = _run(args.loop_sims, calibration, allocate_system_loop) / args.loop_sims
    loop_total = (first_loop + congress_loop) * args.sims

    start = time.perf_counter()
    draw_first_round(avg.shares_, avg.others_, error, args.sims, np.random.default_rng(0))
    vector_first = time.perf_counter() - start

    print(f"candidates: {len(avg.shares_)} + others; sims: {args.sims:,}")
    print(f"per-draw loop, first round: {first_loop * args.sims:.1f} s; with Congress: {loop_total:.0f} s")
    print(f"  (extrapolated from {args.loop_sims:,} draws)")
    ratio = first_loop * args.sims / vector_first
    print(f"vectorised first round: {vector_first:.3f} s -> {ratio:.0f}x the loop")
    timed, spent = _timed(allocate_system_batch)
    full = _run(args.sims, calibration, timed)
    print(
        f"full vectorised run (first round + runoff + Senate + Deputies): {full:.1f} s -> "
        f"{loop_total / full:.0f}x the loop; target <= 10 s: {'met' if full <= 10 else 'NOT met'}"
    )
    print(f"  of which curul.elections.allocate_system_batch: {spent[0]:.1f} s")
    print(f"  the rest (polls, draws, runoff, list votes, summaries): {full - spent[0]:.1f} s")


if __name__ == "__main__":
    main()
