"""Benchmark: full simulations of 2026 (first round, runoff, Senate and Deputies allocation) by the fast
engine against the reference engine (the original path, kept) and against the random-number floor,
all in this process, plus a 100,000-simulation run and a 1,000,000-simulation run in its own process
for peak memory.

- engines: ``run_forecast(..., engine="fast" | "reference")`` on the same seed, the calibration given
  (it is fixed cost, not per simulation), caches warm; runs interleaved, the median ratio. The reference
  runs twice: as filed (``CURUL_ALLOCATOR=numpy``: the NumPy allocator it had before the compiled
  kernel, i.e. the path as it was when the speed work began) and with the compiled allocator the fast
  engine also uses, which shows what the engine's own layout and threads add.
- floor: the random numbers the fast run draws, drawn alone: every call the run makes on its generator
  is recorded (method, sizes, parameters) and replayed on a fresh generator with the same seed.
- memory: the 1,000,000-simulation forecast runs in a child interpreter, which reports its own peak
  resident set (``VmHWM``, the interpreter and its libraries included) and tracemalloc's peak of what
  the run allocated.

Machines here are shared and noisy: the ratios, measured side by side, are the numbers to compare.
Run: ``.venv/bin/python benchmarks/bench_forecast.py [--quick] [--sims N] [--workers N]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import threading
import time
from typing import Any
from unittest import mock

import numpy as np

import curul.elections._system_batch as system_batch
from curul.forecast import calibrate, run_forecast
from curul.forecast._congress_fast import default_workers
from curul.forecast._forecast import MIN_SIMS

CHILD = """
import time, tracemalloc
from curul.forecast import calibrate, run_forecast
calibration = calibrate("peru-2026")
tracemalloc.start()
start = time.perf_counter()
run_forecast("peru-2026", sims={sims}, seed=0, calibration=calibration, workers={workers})
seconds = time.perf_counter() - start
peak = tracemalloc.get_traced_memory()[1]
resident = 0
with open("/proc/self/status") as status:  # this process's own high-water mark (Linux)
    for line in status:
        if line.startswith("VmHWM:"):
            resident = int(line.split()[1]) * 1024
print(seconds, peak, resident)
"""


class _Recorder:
    """A generator that records every call made on it, to be replayed without the work around it."""

    def __init__(self, rng: np.random.Generator) -> None:
        self._rng = rng
        self.calls: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []

    def __getattr__(self, name: str) -> Any:
        method = getattr(self._rng, name)

        def call(*args: Any, **kwargs: Any) -> Any:
            self.calls.append((name, args, kwargs))
            return method(*args, **kwargs)

        return call


# processor seconds of each timed run; "as filed": the reference engine on the NumPy allocator it had
# before the compiled kernel existed, i.e. the path as it was when the speed work began
CPU: dict[str, list[float]] = {"fast": [], "reference": [], "as filed": []}


def _full(sims: int, calibration: Any, engine: str, workers: int, numpy_allocator: bool = False) -> float:
    """Wall seconds of one forecast (its processor seconds, all threads, go to ``CPU``);
    ``numpy_allocator``: with ``CURUL_ALLOCATOR=numpy``, the allocator without its compiled kernel."""
    env = {"CURUL_ALLOCATOR": "numpy"} if numpy_allocator else {}
    with mock.patch.dict(os.environ, env):
        start, cpu = time.perf_counter(), time.process_time()
        run_forecast("peru-2026", sims=sims, seed=0, calibration=calibration, engine=engine, workers=workers)
        CPU["as filed" if numpy_allocator else engine].append(time.process_time() - cpu)
        return time.perf_counter() - start


def _floor(sims: int, calibration: Any, workers: int) -> tuple[float, float]:
    """Wall and processor seconds to draw, alone, the random numbers of a fast run of ``sims``."""
    made: list[_Recorder] = []
    real = np.random.default_rng

    def recording(seed: Any = None) -> Any:
        made.append(_Recorder(real(seed)))
        return made[-1]

    with mock.patch("numpy.random.default_rng", recording):
        run_forecast("peru-2026", sims=sims, seed=0, calibration=calibration, workers=workers)
    (recorder,) = made
    rng = real(0)
    start, cpu = time.perf_counter(), time.process_time()
    for name, args, kwargs in recorder.calls:
        getattr(rng, name)(*args, **kwargs)
    return time.perf_counter() - start, time.process_time() - cpu


def _allocator_share(sims: int, calibration: Any, workers: int) -> tuple[float, float]:
    """(processor seconds of a fast run, of which inside ``curul.elections.allocate_batch``)."""
    spent = [0.0]
    lock = threading.Lock()
    allocate = system_batch.allocate_batch

    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.thread_time()
        try:
            return allocate(*args, **kwargs)
        finally:
            with lock:
                spent[0] += time.thread_time() - start

    with mock.patch.object(system_batch, "allocate_batch", timed):
        cpu = time.process_time()
        run_forecast("peru-2026", sims=sims, seed=0, calibration=calibration, workers=workers)
        return time.process_time() - cpu, spent[0]


def _child(sims: int, workers: int) -> tuple[float, float, float]:
    """(seconds, peak traced MB, peak resident MB) of a forecast of ``sims`` in a fresh interpreter:
    tracemalloc's peak of what Python and NumPy allocated during the run, and the process's own
    high-water resident set (the interpreter and its libraries included). A child's rusage would
    count the pages it shared with this process before its exec."""
    code = CHILD.format(sims=sims, workers=workers)
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    seconds, traced, resident = (float(v) for v in out.stdout.split())
    return seconds, traced / 2**20, resident / 2**20


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sims", type=int, default=20_000, help="simulations per paired timing")
    parser.add_argument("--pairs", type=int, default=3, help="paired runs of the two engines")
    parser.add_argument("--workers", type=int, default=default_workers())
    parser.add_argument("--big", type=int, default=100_000, help="simulations of the long run")
    parser.add_argument("--huge", type=int, default=1_000_000, help="simulations of the memory run")
    parser.add_argument("--quick", action="store_true", help="a short smoke run")
    args = parser.parse_args()
    if args.quick:
        args.sims, args.pairs, args.big, args.huge = 2_000, 1, 10_000, 20_000
    calibration = calibrate("peru-2026")
    workers = args.workers
    _full(1_000, calibration, "fast", workers)  # warm the caches (data files, systems, profiles)
    _full(1_000, calibration, "reference", workers, numpy_allocator=True)
    fast, reference, filed, ratios, filed_ratios = [], [], [], [], []
    for times in CPU.values():
        times.clear()
    for _ in range(args.pairs):
        old = _full(args.sims, calibration, "reference", workers, numpy_allocator=True)
        ref = _full(args.sims, calibration, "reference", workers)
        new = _full(args.sims, calibration, "fast", workers)
        filed.append(old)
        reference.append(ref)
        fast.append(new)
        ratios.append(ref / new)
        filed_ratios.append(old / new)
    floor, floor_cpu = _floor(args.sims, calibration, workers)
    total_cpu, in_allocator = _allocator_share(args.sims, calibration, workers)
    per = 1e6 / args.sims
    fast_us, ref_us = statistics.median(fast) * per, statistics.median(reference) * per
    filed_us = statistics.median(filed) * per
    print(f"2026 full simulations (first round, runoff, Senate, Deputies): {args.sims:,} per run,")
    print(f"  {workers} workers, median of {args.pairs} runs of each, interleaved")
    print(f"  reference engine as filed (NumPy allocator): {filed_us:7.1f} µs per simulation")
    print(f"  reference engine with the compiled allocator: {ref_us:7.1f} µs per simulation")
    print(f"  fast engine:                                  {fast_us:7.1f} µs per simulation")
    print(f"  fast vs the reference as filed: {statistics.median(filed_ratios):.1f}x (goal >= 3x)")
    print(f"  fast vs the reference sharing the compiled allocator: {statistics.median(ratios):.1f}x")
    cpu_fast, cpu_ref = statistics.median(CPU["fast"]) * per, statistics.median(CPU["reference"]) * per
    cpu_filed = statistics.median(CPU["as filed"]) * per
    print(
        f"  processor time, all threads: as filed {cpu_filed:.1f} µs, reference {cpu_ref:.1f} µs, "
        f"fast {cpu_fast:.1f} µs per simulation "
        f"({cpu_filed / cpu_fast:.1f}x and {cpu_ref / cpu_fast:.1f}x less work)"
    )
    print(
        f"  of the fast engine's processor time, {in_allocator * per:.1f} µs per simulation "
        f"({in_allocator / total_cpu:.0%}) is inside curul.elections.allocate_batch"
    )
    floor_us = floor * per
    print(f"  random numbers alone: {floor_us:.1f} µs per simulation")
    print(f"  fast vs the random-number floor: {fast_us / floor_us:.1f}x (goal <= 4)")
    print(f"  in processor time: {cpu_fast / (floor_cpu * per):.1f}x the floor's")
    big = _full(args.big, calibration, "fast", workers)
    print(
        f"{args.big:,} simulations (fast): {big:.1f} s, {args.big / big:,.0f} per second "
        "(goal well under 10 s)"
    )
    _, _, base = _child(MIN_SIMS, workers)  # the interpreter, its libraries and the fixed buffers
    seconds, traced, resident = _child(args.huge, workers)
    print(
        f"{args.huge:,} simulations (fast, own process): {seconds:.1f} s; peak memory {resident:,.0f} MB "
        f"resident (goal <= 1 GB), {traced:,.0f} MB allocated by the run (tracemalloc); "
        f"{(resident - base) * 2**20 / args.huge:,.0f} bytes per simulation beyond a {MIN_SIMS}-simulation "
        f"run's {base:,.0f} MB"
    )


if __name__ == "__main__":
    main()
