"""A whole forecast: polls up to a cutoff -> poll average -> calibrated simulation -> summaries.

The result, :class:`Forecast`, is what the command line prints (``as_dict()`` for ``--json``, ``report()``
for people), what a notebook shows (``_repr_html_``, ``to_frame``) and what the chart is drawn from.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from curul.errors import ArgumentError
from curul.forecast._average import PollAverage, candidate_key, fit_average
from curul.forecast._calibration import Calibration, calibrate
from curul.forecast._congress import BlocResult, PartySeats, simulate_congress
from curul.forecast._elections import BLACKOUT_DAYS, bundled_rows, get_election, polls_until
from curul.forecast._model import ErrorModel, PresidentialDraws, simulate_presidential
from curul.forecast._polls import PollRow
from curul.forecast._valid import to_valid, typical_non_choice
from curul.report import Column, Presentable, Report, Table

if TYPE_CHECKING:
    import pandas as pd

Progress = Callable[[int], None]
MIN_SIMS = 100
RUNOFFS_SHOWN = 6  # likeliest runoff pairs in the report (``runoff_pairs`` keeps ten)
SEATS_SHOWN = 0.05  # the report lists the lists with at least this mean seats or P(threshold)
FrameTable = Literal["candidates", "runoff_pairs", "parties", "blocs"]


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

    def as_dict(self) -> dict[str, Any]:
        keys = ("name", "party", "mean", "p05", "p10", "p90", "p95", "p_runoff", "p_win")
        return {k: getattr(self, k) for k in keys}


@dataclass(frozen=True)
class Forecast(Presentable):
    """Candidates' first-round shares and chances, the likeliest runoffs, and Congress when simulated."""

    election: str
    cutoff: date
    sims: int
    seed: int
    candidates: tuple[CandidateForecast, ...]
    runoff_pairs: tuple[tuple[tuple[str, str], float], ...]
    calibration: Calibration
    average: PollAverage = field(repr=False)
    draws: PresidentialDraws = field(repr=False)
    parties: tuple[PartySeats, ...] = ()
    blocs: tuple[BlocResult, ...] = ()
    congress_sims: int = 0
    # The Senate's national list and district seats per list (chambers "senate-national" and
    # "senate-districts"), which the 2026 backtest scores; not part of ``as_dict``.
    seat_parts: tuple[PartySeats, ...] = ()
    # Points of valid votes added to candidates' poll averages before the simulation (``shift``).
    shift: tuple[tuple[str, float], ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "election": self.election,
            "cutoff": self.cutoff.isoformat(),
            "sims": self.sims,
            "seed": self.seed,
            "candidates": [c.as_dict() for c in self.candidates],
            "runoff_pairs": [{"pair": list(pair), "p": p} for pair, p in self.runoff_pairs],
            "parties": [p.as_dict() for p in self.parties],
            "blocs": [b.as_dict() for b in self.blocs],
            "congress_sims": self.congress_sims,
            "calibration": self.calibration.as_dict(),
            "shift": dict(self.shift),
        }

    def as_json(self) -> dict[str, Any]:
        """The former name of :meth:`as_dict`."""
        return self.as_dict()

    def to_frame(self, table: FrameTable = "candidates") -> pd.DataFrame:
        """One of the forecast's tables: ``candidates`` (by name: poll average, mean, quantiles,
        P(runoff), P(win)), ``runoff_pairs``, ``parties`` (seats by chamber and list) or ``blocs``."""
        import pandas as pd

        if table == "candidates":
            rows: list[dict[str, Any]] = [vars(c) for c in self.candidates]
            return pd.DataFrame(rows, columns=list(CandidateForecast.__dataclass_fields__)).set_index("name")
        if table == "runoff_pairs":
            rows = [{"first": a, "second": b, "p": p} for (a, b), p in self.runoff_pairs]
            return pd.DataFrame(rows, columns=["first", "second", "p"])
        if table == "parties":
            columns = list(PartySeats.__dataclass_fields__)
            frame = pd.DataFrame([vars(p) for p in self.parties], columns=columns)
            return frame.set_index(["chamber", "name"])
        if table == "blocs":
            columns = list(BlocResult.__dataclass_fields__)
            return pd.DataFrame([vars(b) for b in self.blocs], columns=columns).set_index("name")
        raise ArgumentError("table", f"{table!r} is not candidates, runoff_pairs, parties or blocs")

    def report(self, chart: str | Path | None = None) -> Report:
        """Tables of the candidates, the likeliest runoffs and the seats, the blocs' chances and the
        calibration; ``chart`` names the file the chart was written to, if any."""
        right = ("polls", "mean", "80% interval", "90% interval", "runoff", "win")
        candidates = Table.build(
            ["candidate", "party", *(Column(h, align="right") for h in right)],
            [
                [
                    c.name,
                    c.party or "-",
                    f"{c.average:.1f}",
                    f"{c.mean:.1f}",
                    f"{c.p10:.1f}–{c.p90:.1f}",
                    f"{c.p05:.1f}–{c.p95:.1f}",
                    f"{c.p_runoff:.0%}",
                    f"{c.p_win:.0%}",
                ]
                for c in self.candidates
            ],
            title=f"{self.election}: polls published to {self.cutoff}, {self.sims:,} simulations",
        )
        pairs = Table.build(
            ["pair", Column("p", align="right")],
            [[f"{a} – {b}", f"{p:.0%}"] for (a, b), p in self.runoff_pairs[:RUNOFFS_SHOWN]],
            title="likeliest runoffs",
        )
        congress: list[Table | str] = []
        if self.parties:
            seats = Table.build(
                [
                    "chamber",
                    "party",
                    *(Column(h, align="right") for h in ("mean", "90% interval", "threshold")),
                ],
                [
                    [p.chamber, p.name, f"{p.mean_seats:.1f}", f"{p.p05}–{p.p95}", f"{p.p_threshold:.0%}"]
                    for p in self.parties
                    if p.mean_seats >= SEATS_SHOWN or p.p_threshold >= SEATS_SHOWN
                ],
                title="Congress: seats per party (mean, 90% interval) and P(passes threshold)",
            )
            congress = [seats, f"Congress simulated on {self.congress_sims:,} draws"]
        blocs = [
            f"{b.name} ({b.chamber}): P(≥ 66) = {b.p_majority:.0%}, P(≥ 87) = {b.p_two_thirds:.0%}"
            for b in self.blocs
        ]
        written = f"; chart written to {chart}" if chart else ""
        return Report.of(candidates, pairs, *congress, *blocs, self.calibration.describe() + written)

    def chart(self, format: Literal["png", "svg"] = "png", top: int = 10) -> bytes | str:
        """The first-round distributions of the ``top`` candidates by mean share (histogram, 80% and
        90% intervals, mean), as PNG bytes or SVG text (:func:`curul.viz.distribution_chart`)."""
        from curul.viz import distribution_chart

        chosen = sorted(self.candidates, key=lambda c: -c.mean)[:top]
        index = {n: i for i, n in enumerate(self.draws.names)}
        return distribution_chart(
            [f"{c.name} ({c.p_win:.0%} win)" for c in chosen],
            self.draws.first[:, [index[c.name] for c in chosen]],
            means=[c.mean for c in chosen],
            inner=[(c.p10, c.p90) for c in chosen],
            outer=[(c.p05, c.p95) for c in chosen],
            title=f"{self.election}: polls to {self.cutoff}, {self.sims:,} simulations",
            xlabel="first round, % of valid votes (thin: 90% interval, thick: 80%)",
            format=format,
        )


def check_sims(sims: int) -> int:
    """Refuse fewer than ``MIN_SIMS`` simulations (too few to estimate a 5% quantile); interfaces call
    it before they show progress, and :func:`run_forecast` calls it too."""
    if sims < MIN_SIMS:
        raise ArgumentError("sims", f"{sims} is too few (at least {MIN_SIMS})")
    return sims


def run_forecast(
    election_name: str,
    rows: Sequence[PollRow] | None = None,
    cutoff: date | None = None,
    sims: int = 20_000,
    seed: int = 0,
    calibration: Calibration | None = None,
    congress: bool = True,
    blocs: Mapping[str, Sequence[str]] | None = None,
    progress: Progress | None = None,
    momentum: bool = True,
    shift: Mapping[str, float] | None = None,
    **settings: Any,
) -> Forecast:
    """Forecast ``election_name`` from ``rows`` (default: its bundled polls) published by ``cutoff``
    (default: the start of the blackout), with ``sims`` simulations from ``seed``.

    The error scale is calibrated leave-one-election-out unless ``calibration`` is given; ``congress``
    adds the seats of each chamber and the chances of ``blocs`` (name -> lists); ``progress(n)`` is
    called as draws are done (:meth:`Election.simulation_steps` in all). ``settings`` go to the poll
    average (:class:`PollAverage`). ``shift`` (candidate -> points of valid votes) moves candidates'
    poll averages before the simulation, the others absorbing it in proportion
    (:meth:`PollAverage.shifted`); the calibration is the unshifted model's.
    """
    check_sims(sims)
    election = get_election(election_name)
    rows = bundled_rows(election_name) if rows is None else tuple(rows)
    rows = tuple(r for r in rows if r.election == election_name) or tuple(rows)
    cutoff = cutoff or election.default_cutoff
    avg = fit_average(election, rows, cutoff, **settings)
    if shift:
        avg = avg.shifted(shift)
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
    head_to_head = _head_to_head(rows, cutoff, names)
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
    parties: tuple[PartySeats, ...] = ()
    bloc_results: tuple[BlocResult, ...] = ()
    seat_parts: tuple[PartySeats, ...] = ()
    congress_sims = 0
    if congress and election.congress:
        parties, bloc_results, congress_sims, seat_parts = simulate_congress(
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
        seat_parts,
        _shift_applied(avg, shift or {}),
    )


def _shift_applied(avg: PollAverage, shift: Mapping[str, float]) -> tuple[tuple[str, float], ...]:
    """The shift as applied: each candidate under the name the polls give, with its points."""
    by_key = {candidate_key(c.name): c.name for c in avg.candidates_}
    return tuple((by_key[candidate_key(name)], float(points)) for name, points in shift.items())


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
        p05, p10, p90, p95 = (float(v) for v in np.quantile(column, [0.05, 0.10, 0.90, 0.95]))
        out.append(
            CandidateForecast(
                cand.name,
                cand.party,
                float(avg.shares_[i]),
                float(column.mean()),
                p05,
                p10,
                p90,
                p95,
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
    rows: Sequence[PollRow], cutoff: date, names: Sequence[str]
) -> dict[frozenset[str], tuple[str, float]]:
    """Average valid share of the first-named finalist in runoff polls published by the cutoff."""
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
