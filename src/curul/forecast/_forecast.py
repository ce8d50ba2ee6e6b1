"""A whole forecast: polls up to a cutoff -> poll average -> calibrated simulation -> summaries."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np

from curul.errors import CurulError
from curul.forecast._average import PollAverage, candidate_key
from curul.forecast._elections import (
    BLACKOUT_DAYS,
    Election,
    bundled_rows,
    elections,
    get_election,
    polls_until,
)
from curul.forecast._history import historical_errors, historical_non_choice
from curul.forecast._model import (
    DEFAULT_DF,
    DEFAULT_EXPONENT,
    ErrorModel,
    PresidentialDraws,
    UndecidedFit,
    calibrate_scale,
    fit_scale,
    fit_undecided_scale,
    simulate_presidential,
)
from curul.forecast._official import match_official, official_first_round
from curul.forecast._polls import PollRow

Progress = Callable[[int], None]
SCORED_SHARE = 3.0  # candidates calibrated on: at least 3% of valid votes, forecast or actual


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
class Calibration:
    scale: float
    df: float
    elections: tuple[str, ...]
    errors: tuple[tuple[str, str, float, float], ...]  # election, candidate, predicted, actual
    # Extra error of a cutoff earlier than the blackout (movement still to come before the last polls),
    # added in quadrature to the blackout-cutoff scale; 0 at the default cutoff.
    late_movement: float = 0.0
    exponent: float = DEFAULT_EXPONENT  # shape of the error across shares (``ErrorModel.exponent``)
    # Whether each candidate's trend-projection error (``PollAverage.trend_se_``) is part of the error:
    # in the fit (as a known extra variance of the bundled elections) and in the simulation.
    momentum: bool = True

    def as_json(self) -> dict:
        return {
            "scale": self.scale,
            "df": self.df,
            "exponent": self.exponent,
            "elections": list(self.elections),
            "late_movement": self.late_movement,
            "momentum": self.momentum,
        }


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


def fit_average(election: Election, rows: Sequence[PollRow], cutoff: date, **settings) -> PollAverage:
    polls = polls_until(tuple(rows), cutoff)
    if not polls:
        raise CurulError(f"--cutoff: no first-round polls of {election.name} published by {cutoff}")
    return PollAverage(exits=election.exits, **settings).fit(polls, cutoff, target=election.first_round)


def polling_errors(
    name: str, days_before: int | None = None, **settings
) -> list[tuple[str, str, float, float]]:
    """(election, candidate, poll average, official share) of a past election, with the average taken
    ``days_before`` the vote (default: at its default cutoff, the start of the blackout)."""
    return [e[:4] for e in _polling_errors(name, days_before, **settings)]


def _polling_errors(
    name: str, days_before: int | None = None, **settings
) -> list[tuple[str, str, float, float, float]]:
    """``polling_errors`` plus each candidate's trend-projection SD (points) as a fifth element."""
    election = get_election(name)
    if election.official_year is None:
        return []
    cutoff = election.default_cutoff if days_before is None else election.first_round - timedelta(days_before)
    polls = polls_until(bundled_rows(name), cutoff)
    if not any(p.candidates() for p in polls):
        return []
    avg = fit_average(election, bundled_rows(name), cutoff, **settings)
    official = official_first_round(election.official_year)
    out = []
    for cand, share, trend_se in zip(avg.candidates_, avg.shares_, avg.trend_se_, strict=True):
        match = match_official(cand.name, cand.party, official)
        if match is not None and max(match.share, share) >= SCORED_SHARE:
            out.append((name, cand.name, float(share), match.share, float(trend_se)))
    return out


def calibrate(
    exclude: str,
    df: float = DEFAULT_DF,
    days_before: int | None = None,
    momentum: bool = True,
    **settings,
) -> Calibration:
    """Error scale from every other past election, leave-one-election-out.

    At the blackout (the default cutoff) the scale is fitted (``fit_scale``: maximum likelihood, each
    election one draw of the shared-divisor t) on Peru's own misses: the final published polls of 2001,
    2006 and 2011 (``_history``) and this model's average at the blackout in the bundled elections,
    never the election being forecast. A cutoff ``days_before`` the vote earlier than the blackout adds,
    in quadrature, the movement still to come between that cutoff and the blackout, measured on the
    bundled elections (the only ones with a full poll series): k(d)^2 - k(blackout)^2 over them.

    With ``momentum`` the bundled elections' trend-projection SDs enter the fit as known extra
    variances (the simulation adds them the same way), so k is the error beyond them; the older
    elections have no poll series, hence no such term.
    """
    bundled = tuple(n for n, e in elections().items() if e.official_year is not None and n != exclude)
    with_sd = [e for n in bundled for e in _polling_errors(n, None, **settings)]
    at_blackout = [e[:4] for e in with_sd]
    history = [
        (h.election, h.candidate, h.predicted, h.actual)
        for h in historical_errors()
        if h.election != exclude and max(h.predicted, h.actual) >= SCORED_SHARE
    ]
    errors = history + at_blackout
    by_election: dict[str, list[tuple[float, ...]]] = {}
    for name, _, p, a in history:
        by_election.setdefault(name, []).append((p, a))
    for name, _, p, a, sd in with_sd:
        by_election.setdefault(name, []).append((p, a, sd) if momentum else (p, a))
    exponent = DEFAULT_EXPONENT
    scale = fit_scale(list(by_election.values()), df, exponent)
    late = 0.0
    if days_before is not None and days_before > BLACKOUT_DAYS:
        early = [e for n in bundled for e in polling_errors(n, days_before, **settings)]
        used = {e[0] for e in early}
        same = [e for e in at_blackout if e[0] in used]
        if early and same:
            extra = calibrate_scale([(p, a) for *_, p, a in early], exponent) ** 2
            extra -= calibrate_scale([(p, a) for *_, p, a in same], exponent) ** 2
            late = math.sqrt(max(extra, 0.0))
            errors = errors + [e for e in early if e not in errors]
    used_elections = tuple(sorted(dict.fromkeys(e[0] for e in errors)))
    return Calibration(
        math.sqrt(scale**2 + late**2), df, used_elections, tuple(errors), late, exponent, momentum
    )


def non_choice_share(name: str, days: int = 30) -> float:
    """Share of respondents naming no candidate late in the race, known before the vote.

    Median non-choice (undecided, blank, null, none) of the all-respondent polls fielded in the
    ``days`` before the default cutoff; the election's typical value when none of them reports it.
    2001-2011 come from ``history/non_choice_2001_2011.csv``.
    """
    from statistics import median

    from curul.forecast._valid import non_choice_total, typical_non_choice

    if name in historical_non_choice():
        return historical_non_choice()[name]
    election = get_election(name)
    cutoff = election.default_cutoff
    polls = polls_until(bundled_rows(name), cutoff)
    recent = [
        v
        for p in polls
        if p.basis == "all_respondents" and (cutoff - p.field_date).days <= days
        if (v := non_choice_total(p)) is not None
    ]
    return median(recent) if recent else typical_non_choice(polls)["all_respondents"]


@dataclass(frozen=True)
class UndecidedCheck:
    """Does the calibration data want an error scale that grows with the non-choice share?"""

    exclude: str
    undecided: dict[str, float]  # calibration elections and the excluded one
    fit: UndecidedFit

    def as_json(self) -> dict:
        u = self.undecided[self.exclude]
        return {
            "election": self.exclude,
            "non_choice": self.undecided,
            "constant": {"k": self.fit.constant[0], "loglik": self.fit.constant[1]},
            "proportional": {
                "c": self.fit.proportional[0],
                "loglik": self.fit.proportional[1],
                "k": self.fit.scale_for("proportional", u),
            },
            "linear": {
                "a": self.fit.linear[0],
                "b": self.fit.linear[1],
                "loglik": self.fit.linear[2],
                "k": self.fit.scale_for("linear", u),
            },
        }


def undecided_check(exclude: str, df: float = DEFAULT_DF, **settings) -> UndecidedCheck:
    """Fit the scale as constant, as c x non-choice, and as sqrt(a + b x non-choice) on the same
    calibration elections and likelihood as ``calibrate`` (without the momentum term, which only the
    bundled elections have). Examined, not used by the forecast: see docs/forecast.md."""
    calibration = calibrate(exclude, df, momentum=False, **settings)
    by_election: dict[str, list[tuple[float, float]]] = {}
    for name, _, p, a in calibration.errors:
        by_election.setdefault(name, []).append((p, a))
    names = sorted(by_election)
    undecided = {n: non_choice_share(n) for n in [*names, exclude]}
    fit = fit_undecided_scale([by_election[n] for n in names], [undecided[n] for n in names], df)
    return UndecidedCheck(exclude, undecided, fit)


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
        raise CurulError(f"--sims: {sims} is too few (at least 100)")
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
