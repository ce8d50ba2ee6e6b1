"""A whole forecast: polls up to a cutoff -> poll average -> calibrated simulation -> summaries.

The error scale's calibration is in ``_calibration``, the poll average at a cutoff in ``_average``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from curul.errors import ArgumentError
from curul.forecast._average import PollAverage, candidate_key, fit_average
from curul.forecast._calibration import Calibration, calibrate
from curul.forecast._elections import BLACKOUT_DAYS, Election, bundled_rows, get_election, polls_until
from curul.forecast._model import ErrorModel, PresidentialDraws, simulate_presidential
from curul.forecast._polls import PollRow

Progress = Callable[[int], None]


@dataclass(frozen=True)
class CandidateForecast:
    name: str
    party: str
    average: float  # the poll average (percent of valid votes)
    mean: float
    p05: float
    p10: float
    p90: float
    p95: float
    p_runoff: float
    p_win: float

    def as_json(self) -> dict:
        keys = ("name", "party", "mean", "p05", "p10", "p90", "p95", "p_runoff", "p_win")
        return {k: getattr(self, k) for k in keys}


@dataclass(frozen=True)
class Forecast:
    election: str
    cutoff: date
    sims: int
    seed: int
    candidates: tuple[CandidateForecast, ...]
    runoff_pairs: tuple[tuple[tuple[str, str], float], ...]
    calibration: Calibration
    average: PollAverage = field(repr=False)
    draws: PresidentialDraws = field(repr=False)
    parties: tuple = ()
    blocs: tuple = ()
    congress_sims: int = 0

    def as_json(self) -> dict:
        return {
            "election": self.election,
            "cutoff": self.cutoff.isoformat(),
            "sims": self.sims,
            "seed": self.seed,
            "candidates": [c.as_json() for c in self.candidates],
            "runoff_pairs": [{"pair": list(pair), "p": p} for pair, p in self.runoff_pairs],
            "parties": [p.as_json() for p in self.parties],
            "blocs": [b.as_json() for b in self.blocs],
            "congress_sims": self.congress_sims,
            "calibration": self.calibration.as_json(),
        }


def run_forecast(
    election_name: str,
    rows: Sequence[PollRow] | None = None,
    cutoff: date | None = None,
    sims: int = 20_000,
    seed: int = 0,
    calibration: Calibration | None = None,
    congress: bool = True,
    blocs: dict[str, Sequence[str]] | None = None,
    progress: Progress | None = None,
    momentum: bool = True,
    **settings,
) -> Forecast:
    if sims < 100:
        raise ArgumentError("sims", f"{sims} is too few (at least 100)")
    election = get_election(election_name)
    rows = bundled_rows(election_name) if rows is None else tuple(rows)
    rows = tuple(r for r in rows if r.election == election_name) or tuple(rows)
    cutoff = cutoff or election.default_cutoff
    avg = fit_average(election, rows, cutoff, **settings)
    if calibration is None:
        days = (election.first_round - cutoff).days
        calibration = calibrate(
            election_name,
            days_before=None if days == BLACKOUT_DAYS else days,
            momentum=momentum,
            **settings,
        )
    error = ErrorModel(scale=calibration.scale, df=calibration.df, exponent=calibration.exponent)
    rng = np.random.default_rng(seed)
    names = tuple(c.name for c in avg.candidates_)
    head_to_head = _head_to_head(rows, cutoff, election, names)
    # The average's own error: sampling, plus the uncertainty of its trend projected to election day.
    se = np.hypot(avg.se_, avg.trend_se_) if calibration.momentum else avg.se_
    chunk = 20_000
    parts = []
    for start in range(0, sims, chunk):
        n = min(chunk, sims - start)
        parts.append(simulate_presidential(names, avg.shares_, avg.others_, error, n, rng, se, head_to_head))
        if progress:
            progress(n)
    draws = PresidentialDraws(
        names,
        np.concatenate([p.first for p in parts]),
        np.concatenate([p.finalists for p in parts]),
        np.concatenate([p.runoff_share for p in parts]),
        np.concatenate([p.winner for p in parts]),
    )
    candidates = _summarise(avg, draws)
    pairs = _runoff_pairs(draws)
    parties: tuple = ()
    bloc_results: tuple = ()
    congress_sims = 0
    if congress and election.congress:
        from curul.forecast._congress import simulate_congress

        parties, bloc_results, congress_sims = simulate_congress(
            election, avg, draws, rng, blocs or {}, progress=progress
        )
    return Forecast(
        election_name,
        cutoff,
        sims,
        seed,
        candidates,
        pairs,
        calibration,
        avg,
        draws,
        parties,
        bloc_results,
        congress_sims,
    )


def _summarise(avg: PollAverage, draws: PresidentialDraws) -> tuple[CandidateForecast, ...]:
    out = []
    k = len(draws.names)
    reached = np.zeros(k)
    for i in range(k):
        reached[i] = np.mean(
            (draws.finalists == i).any(axis=1) | ((draws.finalists[:, 0] == -1) & (draws.winner == i))
        )
    for i, cand in enumerate(avg.candidates_):
        column = draws.first[:, i]
        q = np.quantile(column, [0.05, 0.10, 0.90, 0.95])
        out.append(
            CandidateForecast(
                cand.name,
                cand.party,
                float(avg.shares_[i]),
                float(column.mean()),
                *(float(v) for v in q),
                float(reached[i]),
                float(np.mean(draws.winner == i)),
            )
        )
    return tuple(sorted(out, key=lambda c: (-c.p_win, -c.mean)))


def _runoff_pairs(draws: PresidentialDraws, top: int = 10) -> tuple[tuple[tuple[str, str], float], ...]:
    valid = draws.finalists[:, 0] >= 0
    pairs = np.sort(draws.finalists[valid], axis=1)
    if pairs.size == 0:
        return ()
    unique, counts = np.unique(pairs, axis=0, return_counts=True)
    order = np.argsort(-counts)[:top]
    n = len(draws.winner)
    return tuple(
        ((draws.names[unique[i][0]], draws.names[unique[i][1]]), float(counts[i] / n)) for i in order
    )


def _head_to_head(
    rows: Sequence[PollRow], cutoff: date, election: Election, names: Sequence[str]
) -> dict[frozenset[str], tuple[str, float]]:
    """Average valid share of the first-named finalist in runoff polls published by the cutoff."""
    from curul.forecast._valid import to_valid, typical_non_choice

    polls = [p for p in polls_until(tuple(rows), cutoff, round_=2) if len(p.candidates()) == 2]
    if not polls:
        return {}
    typical = typical_non_choice(polls)
    by_key = {candidate_key(n): n for n in names}
    sums: dict[frozenset[str], list[tuple[str, float]]] = {}
    for poll in polls:
        shares = to_valid(poll, typical).shares
        (a, sa), (b, sb) = shares.items()
        ka, kb = candidate_key(a), candidate_key(b)
        if ka in by_key and kb in by_key:
            pair = frozenset((by_key[ka], by_key[kb]))
            sums.setdefault(pair, []).append((by_key[ka], 100.0 * sa / (sa + sb)))
    out = {}
    for pair, values in sums.items():
        first = values[0][0]
        out[pair] = (first, float(np.mean([v if n == first else 100.0 - v for n, v in values])))
    return out
