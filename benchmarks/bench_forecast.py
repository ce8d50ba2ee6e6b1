"""Benchmark: 100,000 full simulations (first round, runoff, and Congress when the batch allocator of
curul.elections is available) against a plain per-draw loop of the first round, in the same process.

Run: ``.venv/bin/python benchmarks/bench_forecast.py [--sims N]``. Prints seconds and ratios only.
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from curul.forecast import ErrorModel, run_forecast
from curul.forecast._congress import _batch_api
from curul.forecast._elections import bundled_rows, get_election
from curul.forecast._forecast import calibrate, fit_average
from curul.forecast._model import draw_first_round, draw_first_round_loop


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sims", type=int, default=100_000)
    parser.add_argument("--loop-sims", type=int, default=2_000)
    args = parser.parse_args()
    election = get_election("peru-2026")
    avg = fit_average(election, bundled_rows("peru-2026"), election.default_cutoff)
    calibration = calibrate("peru-2026")
    error = ErrorModel(scale=calibration.scale, df=calibration.df)

    start = time.perf_counter()
    draw_first_round_loop(avg.shares_, avg.others_, error, args.loop_sims, np.random.default_rng(0))
    loop_per_draw = (time.perf_counter() - start) / args.loop_sims

    start = time.perf_counter()
    draw_first_round(avg.shares_, avg.others_, error, args.sims, np.random.default_rng(0))
    vector_first = time.perf_counter() - start

    congress = _batch_api() is not None
    start = time.perf_counter()
    run_forecast("peru-2026", sims=args.sims, seed=0, calibration=calibration, congress=congress)
    full = time.perf_counter() - start

    print(f"candidates: {len(avg.shares_)} + others; sims: {args.sims:,}")
    print(
        f"per-draw loop, first round only: {loop_per_draw * args.sims:.2f} s "
        f" (extrapolated from {args.loop_sims:,})"
    )
    print(
        f"vectorised first round: {vector_first:.3f} s"
        f"  -> {loop_per_draw * args.sims / vector_first:.0f}x the loop"
    )
    what = (
        "first round + runoff + Senate + Deputies"
        if congress
        else "first round + runoff (no batch allocator yet)"
    )
    print(f"full forecast ({what}): {full:.2f} s  -> target <= 10 s: {'met' if full <= 10 else 'NOT met'}")


if __name__ == "__main__":
    main()
