"""Poll average: recency and sample-size weights, pollster house effects, candidate exits.

Follows the estimator contract: settings in ``__init__``, ``fit(polls, as_of)`` returns ``self``, learned
attributes end in ``_``. Everything is on the scale of valid votes (see ``_valid``).
"""

from __future__ import annotations

import copy
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np

from curul.data import fold
from curul.errors import ArgumentError, CurulError
from curul.forecast._elections import Election, Exit, polls_until
from curul.forecast._polls import Poll, PollRow
from curul.forecast._valid import ValidShares, to_valid, typical_non_choice, typical_sample_n

#: Bounds of a shifted candidate's share (percent of valid votes), see :meth:`PollAverage.shifted`.
MIN_SHIFTED = 0.1
MAX_SHIFTED = 90.0


@dataclass(frozen=True)
class Candidate:
    key: str  # folded name, used to match across polls
    name: str
    party: str


def candidate_key(name: str) -> str:
    return fold(name)


@dataclass(frozen=True)
class Observation:
    wave: int  # index into the fitted conversions
    pollster: str
    key: str
    age: float  # days between fieldwork and the as-of date
    share: float  # percent of valid votes
    weight: float  # recency x sample size x duplicate-wave factor


class PollAverage:
    """Weighted poll average on the valid-vote scale, with optional house effects."""

    def __init__(
        self,
        half_life: float = 7.0,
        house_effects: bool = True,
        shrinkage: float = 1.0,
        smooth_half_life: float = 14.0,
        active_days: int = 30,
        sample_cap: int = 2500,
        trend_half_life: float = 21.0,
        trend_damping: float = 0.5,
        exits: Sequence[Exit] = (),
    ) -> None:
        self.half_life = half_life
        self.house_effects = house_effects
        self.shrinkage = shrinkage
        self.smooth_half_life = smooth_half_life
        self.active_days = active_days
        self.sample_cap = sample_cap
        self.trend_half_life = trend_half_life
        self.trend_damping = trend_damping
        self.exits = tuple(exits)

    # -- fitting -------------------------------------------------------------------------------
    def fit(self, polls: Sequence[Poll], as_of: date, target: date | None = None) -> PollAverage:
        """Average the polls fielded up to ``as_of``; with a ``target`` date (election day) and a
        non-zero ``trend_damping``, add the damped recent trend projected to that date."""
        polls = [p for p in polls if p.candidates()]
        if not polls:
            raise CurulError("no polls with candidates before the cutoff")
        typical = typical_non_choice(polls)
        n_typical = typical_sample_n(polls)
        self.conversions_: tuple[ValidShares, ...] = tuple(to_valid(p, typical, n_typical) for p in polls)
        self.typical_non_choice_ = typical
        self.candidates_ = self._active_candidates(polls, as_of)
        self.exited_lists_ = self._exited_lists(as_of)
        keys = [c.key for c in self.candidates_]
        self.observations_ = self._observations(as_of, set(keys))
        self.house_effects_ = self._fit_house_effects() if self.house_effects else {}
        horizon = (target - as_of).days if target is not None else 0
        shares, se, trends, trend_se = [], [], [], []
        for key in keys:
            obs = [o for o in self.observations_ if o.key == key]
            values = np.array([o.share - self.house_effects_.get(o.pollster, {}).get(key, 0.0) for o in obs])
            weights = np.array([o.weight for o in obs])
            mean = float(np.sum(weights * values) / np.sum(weights))
            trend = 0.0
            projection_se = 0.0
            if target is not None:
                ages = np.array([o.age for o in obs])
                # The weighted mean measures opinion at the weighted mean field date, not at as_of.
                centre = float(np.sum(weights * ages) / np.sum(weights))
                size = weights / 0.5 ** (ages / self.half_life)
                slope, slope_se = _slope_fit(ages, values, size, self.trend_half_life)
                # Uncertainty of a linear projection from the average's date to election day.
                projection_se = slope_se * (centre + horizon)
                if self.trend_damping:
                    trend = self.trend_damping * slope * (centre + horizon)
                    trend = float(np.clip(trend, -0.5 * mean, mean))  # at most halve or double
            trends.append(trend)
            trend_se.append(projection_se)
            mean = mean + trend
            shares.append(max(mean, 0.05))
            # Sampling error of a weighted mean of binomial shares with these weights.
            n_eff = np.array([self.conversions_[o.wave].effective_n for o in obs])
            var = np.sum(weights**2 * mean * (100 - mean) / n_eff) / np.sum(weights) ** 2
            se.append(math.sqrt(max(var, 0.0)))
        shares_arr = np.array(shares)
        total = shares_arr.sum()
        if total > 99.0:  # leave room for the candidates no poll names
            shares_arr *= 99.0 / total
        self.shares_ = shares_arr
        self.others_ = float(100.0 - shares_arr.sum())
        self.se_ = np.array(se)
        self.trend_ = np.array(trends)
        # Standard error of the undamped linear trend projected to ``target`` (points); 0 without one.
        self.trend_se_ = np.array(trend_se)
        self.as_of_ = as_of
        self.n_polls_ = len(polls)
        return self

    def _exited(self, as_of: date) -> dict[str, date]:
        return {candidate_key(e.candidate): e.date for e in self.exits if e.date <= as_of}

    def _active_candidates(self, polls: Sequence[Poll], as_of: date) -> tuple[Candidate, ...]:
        """Candidates named by a poll published in the last ``active_days`` and still running."""
        exited = self._exited(as_of)
        latest: dict[str, Candidate] = {}
        recent: set[str] = set()
        for poll in sorted(polls, key=lambda p: p.field_date):
            for row in poll.rows:
                if row.option != "candidate":
                    continue
                key = candidate_key(row.candidate)
                latest[key] = Candidate(
                    key, row.candidate, row.party or latest.get(key, Candidate("", "", "")).party
                )
                if (as_of - poll.publication_date).days <= self.active_days:
                    recent.add(key)
        keys = recent or set(latest)
        return tuple(sorted((latest[k] for k in keys if k not in exited), key=lambda c: c.name))

    def _exited_lists(self, as_of: date) -> tuple[tuple[Candidate, float], ...]:
        """Candidates out of the race by ``as_of`` whose party's Congress list stayed on the ballot,
        each with its share of valid votes in the polls fielded before the exit (weighted by recency to
        the exit date and by sample size): the Congress simulation gives the list this share in place
        of a presidential one, so an excluded ticket does not take its list out of Congress."""
        out = []
        for e in self.exits:
            if not e.congress_list or e.date > as_of:
                continue
            key = candidate_key(e.candidate)
            values, weights, party = [], [], ""
            for conv in self.conversions_:
                poll = conv.poll
                shares = {candidate_key(n): v for n, v in conv.shares.items()}
                if poll.field_date >= e.date or key not in shares:
                    continue
                party = next(
                    (r.party for r in poll.rows if candidate_key(r.candidate) == key and r.party), party
                )
                values.append(shares[key])
                age = (e.date - poll.field_date).days
                weights.append(0.5 ** (age / self.half_life) * min(conv.effective_n, self.sample_cap))
            if values:
                share = float(np.dot(values, weights) / np.sum(weights))
                out.append((Candidate(key, e.candidate, party), share))
        return tuple(out)

    def _observations(self, as_of: date, keys: set[str]) -> list[Observation]:
        exited = self._exited(as_of)
        same_field: dict[tuple[str, date], int] = {}
        for conv in self.conversions_:
            k = (conv.poll.pollster, conv.poll.field_date)
            same_field[k] = same_field.get(k, 0) + 1
        obs = []
        for i, conv in enumerate(self.conversions_):
            poll = conv.poll
            shares = {candidate_key(n): v for n, v in conv.shares.items()}
            # Before an exit, the exited candidate's voters are spread over the others in proportion.
            gone = sum(v for k, v in shares.items() if k in exited and poll.field_date < exited[k])
            scale = 100.0 / (100.0 - gone) if 0 < gone < 100 else 1.0
            age = max((as_of - poll.field_date).days, 0)
            recency = 0.5 ** (age / self.half_life)
            size = min(conv.effective_n, self.sample_cap) / 1000.0
            duplicate = 1.0 / same_field[(poll.pollster, poll.field_date)]
            for key, value in shares.items():
                if key in keys:
                    obs.append(
                        Observation(i, poll.pollster, key, age, value * scale, recency * size * duplicate)
                    )
        return obs

    def _fit_house_effects(self, iterations: int = 30) -> dict[str, dict[str, float]]:
        """Each pollster's average deviation from the other pollsters' trend, shrunk and centred."""
        effects: dict[str, dict[str, float]] = {}
        by_key: dict[str, list[Observation]] = {}
        for o in self.observations_:
            by_key.setdefault(o.key, []).append(o)
        for key, obs in by_key.items():
            pollsters = sorted({o.pollster for o in obs})
            if len(pollsters) < 2:
                continue
            age = np.array([o.age for o in obs])
            y = np.array([o.share for o in obs])
            size = np.array(
                [min(self.conversions_[o.wave].effective_n, self.sample_cap) / 1000.0 for o in obs]
            )
            who = np.array([pollsters.index(o.pollster) for o in obs])
            kernel = 0.5 ** (np.abs(age[:, None] - age[None, :]) / self.smooth_half_life)
            kernel = kernel * (who[:, None] != who[None, :]) * size[None, :]
            h = np.zeros(len(pollsters))
            for _ in range(iterations):
                adjusted = y - h[who]
                norm = kernel.sum(axis=1)
                ok = norm > 1e-3
                trend = np.where(ok, kernel @ adjusted / np.where(ok, norm, 1.0), np.nan)
                resid = y - trend
                new = np.zeros(len(pollsters))
                mass = np.zeros(len(pollsters))
                for j in range(len(pollsters)):
                    sel = (who == j) & ok
                    mass[j] = size[sel].sum()
                    new[j] = (size[sel] * resid[sel]).sum() / (mass[j] + self.shrinkage)
                new = new - (mass * new).sum() / max(mass.sum(), 1e-9)
                h = 0.5 * (h + new)  # damped: the plain update oscillates when two pollsters face each other
            effects_for = dict(zip(pollsters, h, strict=True))
            for p, value in effects_for.items():
                effects.setdefault(p, {})[key] = float(value)
        return effects

    # -- what if --------------------------------------------------------------------------------
    def shifted(self, shift: Mapping[str, float]) -> PollAverage:
        """A copy in which each named candidate's share moves by the given points of valid votes.

        The change is taken from (or given to) everyone else in proportion, the other candidates and
        the share no poll names alike, so the shares still sum to 100 and nobody else's ratio to
        another moves: "what if Fujimori polled two points higher" and nothing else changed. A name
        is matched as the polls spell it (accents and case ignored); a share pushed below
        ``MIN_SHIFTED`` or above ``MAX_SHIFTED`` percent is refused rather than clipped.
        """
        out = copy.copy(self)
        shares = np.append(self.shares_.astype(float), self.others_)
        index = {c.key: i for i, c in enumerate(self.candidates_)}
        for name, points in shift.items():
            i = index.get(candidate_key(name))
            if i is None:
                known = ", ".join(c.name for c in self.candidates_)
                raise ArgumentError("shift", f"{name!r} is not a candidate of this average (known: {known})")
            if not math.isfinite(points):
                raise ArgumentError("shift", f"{points} points is not a number")
            new = shares[i] + points
            if not MIN_SHIFTED <= new <= MAX_SHIFTED:
                raise ArgumentError(
                    "shift",
                    f"{self.candidates_[i].name} at {shares[i]:.1f}% {points:+g} points = {new:.1f}%, "
                    f"outside {MIN_SHIFTED:g}–{MAX_SHIFTED:g}%",
                )
            rest = np.delete(np.arange(len(shares)), i)
            shares[rest] *= (100.0 - new) / shares[rest].sum()
            shares[i] = new
        out.shares_ = shares[:-1]
        out.others_ = float(shares[-1])
        return out

    # -- results ---------------------------------------------------------------------------------
    def table(self) -> list[dict]:
        return [
            {"name": c.name, "party": c.party, "share": float(s), "se": float(e)}
            for c, s, e in zip(self.candidates_, self.shares_, self.se_, strict=True)
        ]


def fit_average(election: Election, rows: Sequence[PollRow], cutoff: date, **settings: Any) -> PollAverage:
    """The poll average of an election's first round from the polls published by ``cutoff``, with its
    exits and the trend projected to the vote (``settings``: :class:`PollAverage` options)."""
    polls = polls_until(tuple(rows), cutoff)
    if not polls:
        raise ArgumentError("cutoff", f"no first-round polls of {election.name} published by {cutoff}")
    return PollAverage(exits=election.exits, **settings).fit(polls, cutoff, target=election.first_round)


def _slope(ages: np.ndarray, values: np.ndarray, size: np.ndarray, half_life: float) -> float:
    """Weighted least-squares change per day (opinion rising toward the present is positive)."""
    return _slope_fit(ages, values, size, half_life)[0]


def _slope_fit(
    ages: np.ndarray, values: np.ndarray, size: np.ndarray, half_life: float
) -> tuple[float, float]:
    """Weighted least-squares slope per day and its standard error (0, 0 when not estimable).

    The weights are relative, not inverse variances, so the residual variance is estimated from the
    polls (weighted, n/(n-2) corrected) and the usual weighted-regression formula gives the error.
    """
    w = size * 0.5 ** (ages / half_life)
    if len(ages) < 3 or np.ptp(ages) < 7 or w.sum() <= 0:
        return 0.0, 0.0
    t = -ages
    tm = np.sum(w * t) / w.sum()
    vm = np.sum(w * values) / w.sum()
    denom = np.sum(w * (t - tm) ** 2)
    if denom <= 0:
        return 0.0, 0.0
    slope = float(np.sum(w * (t - tm) * (values - vm)) / denom)
    resid = values - vm - slope * (t - tm)
    n = len(ages)
    sigma2 = float(np.sum(w * resid**2) / w.sum()) * n / (n - 2)
    var = sigma2 * float(np.sum(w**2 * (t - tm) ** 2)) / denom**2
    return slope, math.sqrt(max(var, 0.0))


def plain_average(polls: Sequence[Poll], as_of: date, days: int = 14, exits: Sequence[Exit] = ()) -> dict:
    """Unweighted mean of the valid shares of every poll fielded in the last ``days`` days."""
    recent = [p for p in polls if (as_of - p.field_date).days <= days] or list(polls)
    return _mean_of(recent, polls, as_of, exits)


def last_polls_average(polls: Sequence[Poll], as_of: date, exits: Sequence[Exit] = ()) -> dict:
    """Mean of each pollster's last poll (its latest wave; all waves of that fieldwork)."""
    last: dict[str, date] = {}
    for p in polls:
        if p.candidates():
            last[p.pollster] = max(last.get(p.pollster, p.field_date), p.field_date)
    chosen = [p for p in polls if p.candidates() and p.field_date == last[p.pollster]]
    return _mean_of(chosen, polls, as_of, exits)


def last_poll_of(polls: Sequence[Poll], pollster: str, as_of: date, exits: Sequence[Exit] = ()) -> dict:
    mine = [p for p in polls if p.pollster == pollster and p.candidates()]
    last = max(p.field_date for p in mine)
    return _mean_of([p for p in mine if p.field_date == last], polls, as_of, exits)


def _mean_of(chosen: Sequence[Poll], context: Sequence[Poll], as_of: date, exits: Sequence[Exit]) -> dict:
    typical = typical_non_choice(context)
    exited = {candidate_key(e.candidate) for e in exits if e.date <= as_of}
    sums: dict[str, list[float]] = {}
    names: dict[str, str] = {}
    for p in chosen:
        for name, value in to_valid(p, typical).shares.items():
            key = candidate_key(name)
            if key in exited:
                continue
            sums.setdefault(key, []).append(value)
            names[key] = name
    return {names[k]: float(np.mean(v)) for k, v in sums.items()}
