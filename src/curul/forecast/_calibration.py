"""Calibration of the error scale on Peru's own polling misses, leave-one-election-out.

Apart from the run (``_forecast``) because it is a study of its own: which past elections, at which
distance from the vote, with which extra terms, and the examined-but-rejected undecided-share scale.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from curul.forecast._average import fit_average
from curul.forecast._elections import BLACKOUT_DAYS, bundled_rows, elections, get_election, polls_until
from curul.forecast._history import historical_errors, historical_non_choice
from curul.forecast._model import (
    DEFAULT_DF,
    DEFAULT_EXPONENT,
    UndecidedFit,
    calibrate_scale,
    fit_scale,
    fit_undecided_scale,
)
from curul.forecast._official import match_official, official_first_round
from curul.report import Column, Presentable, Report, Table

if TYPE_CHECKING:
    import pandas as pd

SCORED_SHARE = 3.0  # candidates calibrated on: at least 3% of valid votes, forecast or actual


@dataclass(frozen=True)
class Calibration(Presentable):
    """The error scale a forecast uses, and the past misses it was fitted on."""

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

    def as_dict(self) -> dict[str, Any]:
        return {
            "scale": self.scale,
            "df": self.df,
            "exponent": self.exponent,
            "elections": list(self.elections),
            "late_movement": self.late_movement,
            "momentum": self.momentum,
        }

    def describe(self, tails: bool = True) -> str:
        """One line: the scale (and, with ``tails``, the t degrees of freedom) and where it comes from."""
        t = f" (t, {self.df:g} df)" if tails else ""
        return f"error scale {self.scale:.3f}{t} calibrated on {', '.join(self.elections) or 'the default'}"

    def to_frame(self) -> pd.DataFrame:
        """The misses calibrated on: one row per election and candidate (shares in percent)."""
        import pandas as pd

        columns = ["election", "candidate", "predicted", "actual"]
        return pd.DataFrame(list(self.errors), columns=columns)

    def report(self) -> Report:
        table = Table.build(
            ["election", "candidate", *(Column(h, align="right") for h in ("predicted", "actual"))],
            [[e, c, f"{p:.1f}", f"{a:.1f}"] for e, c, p, a in self.errors],
            title="misses calibrated on (% of valid votes)",
        )
        return Report.of(self.describe(), table)


def polling_errors(
    name: str, days_before: int | None = None, **settings: Any
) -> list[tuple[str, str, float, float]]:
    """(election, candidate, poll average, official share) of a past election, with the average taken
    ``days_before`` the vote (default: at its default cutoff, the start of the blackout)."""
    return [(e[0], e[1], e[2], e[3]) for e in _polling_errors(name, days_before, **settings)]


def _polling_errors(
    name: str, days_before: int | None = None, **settings: Any
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
    **settings: Any,
) -> Calibration:
    """Error scale from every other past election, leave-one-election-out.

    At the blackout (the default cutoff) the scale is fitted (``fit_scale``: maximum likelihood, each
    election one draw of the shared-divisor t) on Peru's own misses: the final published polls of 2001,
    2006 and 2011 (``_history``) and this model's average at the blackout in the bundled elections that
    calibrate (``Election.calibrates``: 2016 and 2021; 2026 is scored, not calibrated on), never the
    election being forecast. A cutoff ``days_before`` the vote earlier than the blackout adds,
    in quadrature, the movement still to come between that cutoff and the blackout, measured on the
    bundled elections (the only ones with a full poll series): k(d)^2 - k(blackout)^2 over them.

    With ``momentum`` the bundled elections' trend-projection SDs enter the fit as known extra
    variances (the simulation adds them the same way), so k is the error beyond them; the older
    elections have no poll series, hence no such term.
    """
    bundled = tuple(
        n for n, e in elections().items() if e.official_year is not None and e.calibrates and n != exclude
    )
    with_sd = [e for n in bundled for e in _polling_errors(n, None, **settings)]
    at_blackout = [(e[0], e[1], e[2], e[3]) for e in with_sd]
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

    def as_dict(self) -> dict[str, Any]:
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


def undecided_check(exclude: str, df: float = DEFAULT_DF, **settings: Any) -> UndecidedCheck:
    """Fit the scale as constant, as c x non-choice, and as sqrt(a + b x non-choice) on the same
    calibration elections and likelihood as ``calibrate`` (without the momentum term, which only the
    bundled elections have). Examined, not used by the forecast: see docs/forecast.md."""
    calibration = calibrate(exclude, df, momentum=False, **settings)
    by_election: dict[str, list[tuple[float, ...]]] = {}
    for name, _, p, a in calibration.errors:
        by_election.setdefault(name, []).append((p, a))
    names = sorted(by_election)
    undecided = {n: non_choice_share(n) for n in [*names, exclude]}
    fit = fit_undecided_scale([by_election[n] for n in names], [undecided[n] for n in names], df)
    return UndecidedCheck(exclude, undecided, fit)
