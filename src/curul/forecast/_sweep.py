"""A sweep: one forecast per (poll shift, error scale) of a sweep file, each simulated in chunks that are
pure functions of (seed, chunk), so they can run anywhere and in any order with the same result.

Chunk ``c`` of every variant draws from ``numpy.random.default_rng([seed, c])``: the variants share
their random numbers (common random numbers, so the differences between variants are the variants'),
and a chunk gives the same draws on a local thread and on a Dask worker. Locally the chunks run on a
pool of threads; given a scheduler address they are sent to a ``dask.distributed`` cluster (the
``dask`` extra), the poll average and calibration broadcast once. Either way the chunks are joined in
order and summarised as one :class:`~curul.forecast.Forecast` per variant.

A variant's forecast is not the one ``curul forecast --seed`` gives: that draws one stream for all its
simulations, in sequence; a sweep draws one stream per chunk.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np

from curul.errors import ArgumentError
from curul.forecast._average import candidate_key
from curul.forecast._congress_fast import CongressArrays, check_workers, simulate_congress_arrays
from curul.forecast._forecast import (
    Forecast,
    ForecastInputs,
    assemble_forecast,
    check_sims,
    prepare_forecast,
)
from curul.forecast._model import ErrorModel, PresidentialDraws, simulate_presidential_chunks
from curul.forecast._polls import PollRow
from curul.forecast._sweep_file import Shift, SweepSpec
from curul.report import Column, Presentable, Report, Table

if TYPE_CHECKING:
    import pandas as pd

Progress = Callable[[int], None]
SHOWN = 5  # candidates (by P(win) in the first variant) and Deputies lists in the report


class ChunkTask(NamedTuple):
    """One chunk of one variant: its draws ``start : start + size``, the shifted averages and the error."""

    variant: int
    chunk: int
    start: int
    size: int
    seed: int
    shares: np.ndarray
    others: float
    error: ErrorModel
    congress: bool


class ChunkDraws(NamedTuple):
    draws: PresidentialDraws
    seats: CongressArrays | None


def simulate_chunk(inputs: ForecastInputs, task: ChunkTask) -> ChunkDraws:
    """A chunk's presidential draws and Congress seats: a pure function of its arguments."""
    rng = np.random.default_rng([task.seed, task.chunk])
    draws = simulate_presidential_chunks(
        inputs.names, task.shares, task.others, task.error, task.size, rng, inputs.se, inputs.head_to_head
    )
    seats = None
    if task.congress:
        seats = simulate_congress_arrays(inputs.election, inputs.average, draws, rng, workers=1)
    return ChunkDraws(draws, seats)


@dataclass(frozen=True)
class SweepVariant:
    shift: Shift
    error_scale: float
    forecast: Forecast

    def as_dict(self) -> dict[str, Any]:
        return {
            "shift": self.shift.name,
            "points": dict(self.shift.points),
            "error_scale": self.error_scale,
            "scale": self.forecast.calibration.scale * self.error_scale,
            "forecast": self.forecast.as_dict(),
        }


@dataclass(frozen=True)
class Sweep(Presentable):
    """The forecasts of a grid of variants, with where they ran (``scheduler``: None for this machine)."""

    path: str
    election: str
    sims: int
    seed: int
    chunk: int
    scheduler: str | None
    variants: tuple[SweepVariant, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.path,
            "election": self.election,
            "sims": self.sims,
            "seed": self.seed,
            "chunk": self.chunk,
            "scheduler": self.scheduler,
            "variants": [v.as_dict() for v in self.variants],
        }

    def to_frame(self) -> pd.DataFrame:
        """One row per variant and candidate: mean share, 90% interval, P(runoff), P(win)."""
        import pandas as pd

        rows = [
            {"shift": v.shift.name, "error_scale": v.error_scale, "candidate": c.name}
            | {k: getattr(c, k) for k in ("mean", "p05", "p95", "p_runoff", "p_win")}
            for v in self.variants
            for c in v.forecast.candidates
        ]
        return pd.DataFrame(rows).set_index(["shift", "error_scale", "candidate"])

    def report(self) -> Report:
        first = self.variants[0].forecast
        shown = [c.name for c in first.candidates[:SHOWN]]
        win = Table.build(
            ["shift", Column("error ×", align="right"), *(Column(n, align="right") for n in shown)],
            [
                [v.shift.name, f"{v.error_scale:g}"]
                + [f"{next(c.p_win for c in v.forecast.candidates if c.name == n):.0%}" for n in shown]
                for v in self.variants
            ],
            title=f"{self.election}: P(win) in {len(self.variants)} variants, {self.sims:,} simulations each",
        )
        tables: list[Table | str] = [win]
        deputies = [p.name for p in first.parties if p.chamber == "deputies"][:SHOWN]
        if deputies:
            tables.append(
                Table.build(
                    [
                        "shift",
                        Column("error ×", align="right"),
                        *(Column(n, align="right") for n in deputies),
                    ],
                    [
                        [v.shift.name, f"{v.error_scale:g}", *_seats(v.forecast, deputies)]
                        for v in self.variants
                    ],
                    title="Chamber of Deputies: mean seats",
                )
            )
        tables.extend(
            f"{v.shift.name}, error × {v.error_scale:g}: {b.name} ({b.chamber}) "
            f"P(≥ 66) = {b.p_majority:.0%}, P(≥ 87) = {b.p_two_thirds:.0%}"
            for v in self.variants
            for b in v.forecast.blocs
        )
        where = f"on the Dask scheduler at {self.scheduler}" if self.scheduler else "on this machine"
        tables.append(f"chunks of {self.chunk:,} simulations from seed {self.seed}, run {where}")
        return Report.of(*tables)


def _seats(forecast: Forecast, names: Sequence[str]) -> list[str]:
    mean = {p.name: p.mean_seats for p in forecast.parties if p.chamber == "deputies"}
    return [f"{mean.get(n, 0.0):.1f}" for n in names]


def shifted(inputs: ForecastInputs, shift: Shift) -> tuple[np.ndarray, float]:
    """The poll averages with ``shift``'s points added; the candidates it leaves alone, and the other
    candidates, scaled together so the total is unchanged. Unknown names and shares at or below 0 are
    errors at the shift's ``points``."""
    avg = inputs.average
    shares, others = avg.shares_.astype(np.float64).copy(), float(avg.others_)
    index = {candidate_key(n): i for i, n in enumerate(inputs.names)}
    moved = np.zeros(len(shares), dtype=bool)
    for name, points in shift.points:
        i = index.get(candidate_key(name))
        if i is None:
            raise shift.error(f"{name!r} is not a candidate of the average ({', '.join(inputs.names)})")
        shares[i] += points
        moved[i] = True
        if shares[i] <= 0:
            raise shift.error(f"{name}: {avg.shares_[i]:.1f} + {points:g} leaves no vote")
    if not moved.any():
        return shares, others
    total = float(avg.shares_.sum()) + others
    rest = float(avg.shares_[~moved].sum()) + others
    factor = (total - float(shares[moved].sum())) / rest if rest > 0 else -1.0
    if factor <= 0:
        raise shift.error(f"the shifts add up to more than the {rest:.1f} points the others hold")
    shares[~moved] *= factor
    return shares, others * factor


def run_sweep(
    spec: SweepSpec,
    election: str = "peru-2026",
    rows: Sequence[PollRow] | None = None,
    sims: int = 20_000,
    seed: int = 0,
    scheduler: str | None = None,
    workers: int | None = None,
    progress: Progress | None = None,
) -> Sweep:
    """Every variant of ``spec`` (its settings win over the arguments, which stand in for what it leaves
    out), chunk by chunk on ``workers`` local threads, or on the Dask scheduler at ``scheduler``."""
    spec = replace(
        spec,
        election=spec.election or election,
        sims=check_sims(spec.sims if spec.sims is not None else sims),
        seed=spec.seed if spec.seed is not None else seed,
    )
    assert spec.election is not None and spec.sims is not None and spec.seed is not None
    workers = check_workers(workers)
    inputs = prepare_forecast(spec.election, rows, spec.cutoff)
    congress = spec.congress and bool(inputs.election.congress)
    variants = [(shift, scale) for shift in spec.shifts for scale in spec.error_scales]
    tasks = []
    for v, (shift, scale) in enumerate(variants):
        shares, others = shifted(inputs, shift)
        error = inputs.error_model(scale)
        for c, start in enumerate(range(0, spec.sims, spec.chunk)):
            size = min(spec.chunk, spec.sims - start)
            tasks.append(ChunkTask(v, c, start, size, spec.seed, shares, others, error, congress))
    steps = 1 + (len(inputs.election.congress) if congress else 0)
    if scheduler:
        results = _on_dask(scheduler, inputs, tasks, progress, steps)
    else:
        results = _locally(inputs, tasks, workers, progress, steps)
    blocs = {name: list(members) for name, members in spec.blocs}
    out = []
    for v, (shift, scale) in enumerate(variants):
        parts = [r for t, r in zip(tasks, results, strict=True) if t.variant == v]
        draws = PresidentialDraws(
            inputs.names,
            np.concatenate([p.draws.first for p in parts]),
            np.concatenate([p.draws.finalists for p in parts]),
            np.concatenate([p.draws.runoff_share for p in parts]),
            np.concatenate([p.draws.winner for p in parts]),
        )
        seats = None
        if congress:
            seats = CongressArrays.join([p.seats for p in parts if p.seats is not None]).summarise(blocs)
        out.append(SweepVariant(shift, scale, assemble_forecast(inputs, spec.sims, spec.seed, draws, seats)))
    return Sweep(spec.path, spec.election, spec.sims, spec.seed, spec.chunk, scheduler, tuple(out))


def _locally(
    inputs: ForecastInputs, tasks: list[ChunkTask], workers: int, progress: Progress | None, steps: int
) -> list[ChunkDraws]:
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(simulate_chunk, inputs, task) for task in tasks]
        results = []
        for task, future in zip(tasks, futures, strict=True):
            results.append(future.result())
            if progress:
                progress(task.size * steps)
    return results


def _on_dask(
    address: str, inputs: ForecastInputs, tasks: list[ChunkTask], progress: Progress | None, steps: int
) -> list[ChunkDraws]:
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise ArgumentError(
            "scheduler", "running on a scheduler needs dask.distributed: pip install 'curul[dask]'"
        ) from None
    try:
        client = Client(address, timeout=10, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ArgumentError("scheduler", f"cannot reach {address}: {exc}") from None
    try:
        shared = client.scatter(inputs, broadcast=True)
        futures = [
            client.submit(
                simulate_chunk, shared, task, key=f"curul-sweep-{task.variant}-{task.chunk}", pure=False
            )
            for task in tasks
        ]
        size = {f.key: t.size for f, t in zip(futures, tasks, strict=True)}
        for future in as_completed(futures, loop=client.loop):
            if progress:
                progress(size[future.key] * steps)
        return list(client.gather(futures))
    finally:
        client.close()
