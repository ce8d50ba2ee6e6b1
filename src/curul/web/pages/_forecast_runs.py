"""The forecast runs behind the Forecast and Backtests pages: bounded, cached by their inputs, one at a
time, and their tables and charts.

A run is the library's (:func:`curul.forecast.run_forecast`, :func:`run_runoff_forecast`,
:func:`run_backtest`, :func:`run_runoff_backtest`); the page asks for at most :data:`MAX_SIMS`
simulations and shifts of at most :data:`MAX_SHIFT` points, and the same inputs are answered from a
bounded cache (:data:`CACHED` runs), so a reader moving a slider back and forth does not recompute.
Runs are serialised by a lock: on a small machine two forecasts at once would each take twice as long.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from curul.forecast import (
    Backtest,
    Forecast,
    RunoffBacktest,
    RunoffForecast,
    get_election,
    run_backtest,
    run_forecast,
    run_runoff_backtest,
    run_runoff_forecast,
)
from curul.web._field_errors import form_fields
from curul.web._negotiation import CsvTable
from curul.web._vega import Spec, distribution_spec, histogram

ELECTIONS = ("peru-2026", "peru-2021", "peru-2016")
MIN_SIMS = 500
MAX_SIMS = 10_000
DEFAULT_SIMS = 2_000
MAX_SHIFT = 15.0
MAX_SEED = 9_999
CACHED = 32
#: Candidates drawn in the distribution chart (the table lists them all).
CHART_CANDIDATES = 8
BIN = 0.5  # points of valid votes per bin of the distributions
BACKTEST_SIMS = 2_000

_LOCK = threading.Lock()


@lru_cache(maxsize=CACHED)
def _first_round(election: str, sims: int, seed: int, candidate: str, points: float) -> Forecast:
    shift = {candidate: points} if candidate and points else None
    blocs = {party: [party] for party in sorted({p for _, p in _roster(election) if p})}
    with form_fields("eleccion", shift="candidato", sims="simulaciones", election="eleccion"):
        return run_forecast(election, sims=sims, seed=seed, shift=shift, blocs=blocs)


def first_round(election: str, sims: int, seed: int, candidate: str = "", points: float = 0.0) -> Forecast:
    """The first-round forecast (with Congress, and each polled party as a bloc for P(majority))."""
    with _LOCK:
        return _first_round(election, sims, seed, candidate, points)


@lru_cache(maxsize=CACHED)
def _runoff(election: str, sims: int, seed: int) -> RunoffForecast:
    with form_fields("eleccion", sims="simulaciones", election="eleccion"):
        return run_runoff_forecast(election, sims=sims, seed=seed)


def runoff(election: str, sims: int, seed: int) -> RunoffForecast:
    with _LOCK:
        return _runoff(election, sims, seed)


@lru_cache(maxsize=8)
def _backtests() -> tuple[tuple[Backtest, ...], tuple[RunoffBacktest, ...]]:
    first = tuple(run_backtest(e, sims=BACKTEST_SIMS, seed=0, congress=False) for e in ELECTIONS)
    second = tuple(run_runoff_backtest(e) for e in ("peru-2021", "peru-2016"))
    return first, second


def backtests() -> tuple[tuple[Backtest, ...], tuple[RunoffBacktest, ...]]:
    """Every first-round backtest (2016, 2021, 2026) and the runoff backtests (2016, 2021)."""
    with _LOCK:
        return _backtests()


def candidates_of(election: str) -> tuple[str, ...]:
    """The candidates a shift may name (those of the election's poll average), by name."""
    with _LOCK:
        return tuple(sorted(name for name, _ in _roster(election)))


@lru_cache(maxsize=4)
def _roster(election: str) -> tuple[tuple[str, str], ...]:
    """(candidate, party) of the election's poll average, from a small run."""
    with form_fields("eleccion", election="eleccion"):
        get_election(election)
        found = run_forecast(election, sims=MIN_SIMS, congress=False)
    return tuple((c.name, c.party) for c in found.candidates)


def first_round_tables(f: Forecast) -> dict[str, CsvTable]:
    """The forecast's tables as CSV: candidates, runoff pairs, seats per party, P(majority)."""
    return {
        "candidates": CsvTable(
            ("name", "party", "average", "mean", "p05", "p10", "p90", "p95", "p_runoff", "p_win"),
            [
                (c.name, c.party, c.average, c.mean, c.p05, c.p10, c.p90, c.p95, c.p_runoff, c.p_win)
                for c in f.candidates
            ],
        ),
        "runoff_pairs": CsvTable(("first", "second", "p"), [(a, b, p) for (a, b), p in f.runoff_pairs]),
        "seats": CsvTable(
            ("chamber", "name", "mean_seats", "p05", "p95", "p_threshold"),
            [(p.chamber, p.name, p.mean_seats, p.p05, p.p95, p.p_threshold) for p in f.parties],
        ),
        "majority": CsvTable(
            ("name", "chamber", "mean_seats", "p_majority", "p_two_thirds"),
            [(b.name, b.chamber, b.mean_seats, b.p_majority, b.p_two_thirds) for b in f.blocs],
        ),
    }


def runoff_tables(r: RunoffForecast) -> dict[str, CsvTable]:
    rows = [(c.name, c.party, c.average, c.mean, c.p05, c.p10, c.p90, c.p95, c.p_win) for c in r.candidates]
    polls = [
        (p["pollster"], p["field_end"], p["published"], p["basis"], p["sample_n"], *p["shares"].values())
        for p in (u.as_dict() for u in r.polls)
    ]
    names = tuple(c.name for c in r.candidates)
    return {
        "candidates": CsvTable(
            ("name", "party", "average", "mean", "p05", "p10", "p90", "p95", "p_win"), rows
        ),
        "polls": CsvTable(("pollster", "field_end", "published", "basis", "sample_n", *names), polls),
    }


def first_round_spec(f: Forecast, *, title: str, description: str, x_title: str) -> Spec:
    """The distributions of the likeliest candidates (by mean share) from the run's own draws."""
    chosen = sorted(f.candidates, key=lambda c: -c.mean)[:CHART_CANDIDATES]
    index = {n: i for i, n in enumerate(f.draws.names)}
    top = max(c.p95 for c in chosen) if chosen else 10.0
    high = math.ceil(top * 1.25 / 5) * 5
    bins = {
        c.name: histogram(f.draws.first[:, index[c.name]].tolist(), low=0.0, high=high, step=BIN)
        for c in chosen
    }
    return distribution_spec(
        [vars(c) for c in chosen], bins, step=BIN, title=title, description=description, x_title=x_title
    )


def normal_bins(mean: float, sd: float, *, low: float, high: float, step: float) -> list[tuple[float, float]]:
    """P(bin) of a normal law (the runoff model's error), from its distribution function."""

    def cdf(x: float) -> float:
        return 0.5 * (1 + math.erf((x - mean) / (sd * math.sqrt(2))))

    count = round((high - low) / step)
    return [(low + k * step, cdf(low + (k + 1) * step) - cdf(low + k * step)) for k in range(count)]


def runoff_spec(r: RunoffForecast, *, title: str, description: str, x_title: str) -> Spec:
    first = r.candidates[0]
    bins = {
        c.name: normal_bins(c.mean if i == 0 else 100 - first.mean, r.error_sd, low=30, high=70, step=BIN)
        for i, c in enumerate(r.candidates)
    }
    return distribution_spec(
        [vars(c) for c in r.candidates],
        bins,
        step=BIN,
        title=title,
        description=description,
        x_title=x_title,
        rule_at=50.0,
    )


def backtest_tables(first: Sequence[Backtest], second: Sequence[RunoffBacktest]) -> dict[str, CsvTable]:
    rows: list[tuple[Any, ...]] = []
    for b in first:
        for s in b.scores:
            rows.append(
                (
                    b.election,
                    b.cutoff,
                    s.method,
                    s.mae,
                    s.coverage90,
                    s.brier_runoff,
                    s.log_runoff,
                    s.winner_rank,
                    s.winner_in_90,
                )
            )
    runoffs = [
        (
            r.election,
            r.cutoff,
            " – ".join(r.finalists),
            r.polls,
            r.predicted,
            r.interval90[0],
            r.interval90[1],
            r.actual,
            r.error,
            r.p_actual_winner,
        )
        for r in second
    ]
    return {
        "scores": CsvTable(
            (
                "election",
                "cutoff",
                "method",
                "mae",
                "coverage90",
                "brier_runoff",
                "log_runoff",
                "winner_rank",
                "winner_in_90",
            ),
            rows,
        ),
        "runoffs": CsvTable(
            (
                "election",
                "cutoff",
                "finalists",
                "polls",
                "predicted",
                "p05",
                "p95",
                "actual",
                "error",
                "p_actual_winner",
            ),
            runoffs,
        ),
    }
