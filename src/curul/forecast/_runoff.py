"""The runoff model scored on a past runoff: the head-to-head poll average and its error model against
the final official result (``presidential-runoffs``), beside the plain average and the last polls."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from statistics import NormalDist
from typing import TYPE_CHECKING, Any

from curul.data import load
from curul.errors import ArgumentError
from curul.forecast._average import PollAverage, last_polls_average, plain_average
from curul.forecast._elections import Election, bundled_rows, get_election, polls_until
from curul.forecast._model import RUNOFF_POLL_SD
from curul.forecast._official import OfficialResult, match_official
from curul.forecast._polls import Poll
from curul.report import Column, Presentable, Report, Row, Span, Table

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class RunoffBacktest(Presentable):
    """The runoff model scored on a past runoff: head-to-head poll average and its error model."""

    election: str
    cutoff: date
    finalists: tuple[str, str]
    predicted: float  # percent of valid votes of finalists[0]
    interval90: tuple[float, float]
    p_first_wins: float
    actual: float
    plain_average: float | None
    last_polls: float | None
    polls: int

    @property
    def error(self) -> float:
        """Predicted minus official share of the first finalist, in points."""
        return self.predicted - self.actual

    @property
    def p_actual_winner(self) -> float:
        """The probability the model gave the finalist who won."""
        return self.p_first_wins if self.actual > 50 else 1 - self.p_first_wins

    def as_dict(self) -> dict[str, Any]:
        return {
            "election": self.election,
            "round": 2,
            "cutoff": self.cutoff.isoformat(),
            "finalists": list(self.finalists),
            "polls": self.polls,
            "predicted": self.predicted,
            "interval90": list(self.interval90),
            "p_first_wins": self.p_first_wins,
            "actual": self.actual,
            "error": self.error,
            "p_actual_winner": self.p_actual_winner,
            "plain_average": self.plain_average,
            "last_polls": self.last_polls,
        }

    def _methods(self) -> list[tuple[str, float]]:
        shares = [("plain average", self.plain_average), ("last polls", self.last_polls)]
        return [("model (house effects)", self.predicted), *((m, v) for m, v in shares if v is not None)]

    def to_frame(self) -> pd.DataFrame:
        """The first finalist's share (% of valid votes) by method and its error; the official share last."""
        import pandas as pd

        rows = [{"method": m, "share": v, "error": v - self.actual} for m, v in self._methods()]
        rows.append({"method": "official", "share": self.actual, "error": 0.0})
        return pd.DataFrame(rows, columns=["method", "share", "error"]).set_index("method")

    def report(self) -> Report:
        first = self.finalists[0]
        rows: list[Row | list[str]] = [[m, f"{v:.1f}", f"{v - self.actual:+.1f}"] for m, v in self._methods()]
        official = ("official", f"{self.actual:.2f}", "")
        rows.append(Row(tuple((Span(cell),) for cell in official), style="bold"))
        table = Table.build(
            ["method", Column(f"{first} (% valid)", align="right"), Column("error", align="right")],
            rows,
            title=f"runoff backtest {self.election}: {self.polls} polls published to {self.cutoff}",
        )
        low, high = self.interval90
        return Report.of(
            table,
            f"90% interval {low:.1f}–{high:.1f}; P({first} wins) = {self.p_first_wins:.0%}; "
            f"probability given to the actual winner: {self.p_actual_winner:.0%}",
        )


def check_runoff_cutoff(election: Election, cutoff: date | None) -> date:
    """The cutoff of a runoff forecast: by default the last day runoff polls may be published (one
    week before the runoff); it must fall between the first round and the runoff."""
    cutoff = cutoff or election.runoff_cutoff
    if cutoff >= election.runoff:
        raise ArgumentError("cutoff", f"{cutoff} is not before the runoff ({election.runoff})")
    if cutoff < election.first_round:
        raise ArgumentError("cutoff", f"{cutoff} is before the first round; runoff polls start after it")
    return cutoff


def runoff_average(polls: Sequence[Poll], cutoff: date, runoff: date) -> tuple[PollAverage, float]:
    """The runoff model's point forecast: the house-effect average of head-to-head polls (valid votes,
    the damped trend projected to the runoff) and the first finalist's (by name) share of the pair.
    Its error is normal with SD ``RUNOFF_POLL_SD``."""
    avg = PollAverage().fit(polls, cutoff, target=runoff)
    return avg, float(100 * avg.shares_[0] / (avg.shares_[0] + avg.shares_[1]))


def run_runoff_backtest(election_name: str, cutoff: date | None = None) -> RunoffBacktest:
    """Score the runoff model against the final official runoff (``presidential-runoffs``).

    Default cutoff: one week before the runoff. The forecast is the house-effect poll average of the
    head-to-head polls (valid votes of the pair), with the runoff model's normal error.
    """
    election = get_election(election_name)
    if election.official_year is None:
        raise ArgumentError("election", f"{election_name} has no official result to score against")
    cutoff = check_runoff_cutoff(election, cutoff)
    rows = [r for r in load("presidential-runoffs").rows if r.year == election.official_year]
    final = [r for r in rows if r.stage.startswith("final")] or rows
    if not final:
        raise ArgumentError(
            "election",
            f"no official runoff count of {election_name} is bundled: its runoff can be forecast, not scored",
        )
    polls = [
        p for p in polls_until(bundled_rows(election_name, 2), cutoff, round_=2) if len(p.candidates()) == 2
    ]
    if not polls:
        raise ArgumentError("cutoff", f"no runoff polls of {election_name} published by {cutoff}")
    avg, share = runoff_average(polls, cutoff, election.runoff)
    names = [c.name for c in avg.candidates_]
    first = names[0]
    official = next(r for r in final if match_official(first, "", (_as_result(r),)) is not None)
    dist = NormalDist(share, RUNOFF_POLL_SD)
    plain = plain_average(polls, cutoff)
    last = last_polls_average(polls, cutoff)
    return RunoffBacktest(
        election_name,
        cutoff,
        (names[0], names[1]),
        share,
        (dist.inv_cdf(0.05), dist.inv_cdf(0.95)),
        1 - dist.cdf(50.0),
        float(official.pct_valid),
        _pair_share(plain, first),
        _pair_share(last, first),
        len(polls),
    )


def _as_result(row: Any) -> OfficialResult:
    return OfficialResult(row.candidate, row.party, float(row.pct_valid))


def _pair_share(shares: dict[str, float], first: str) -> float | None:
    if first not in shares or len(shares) != 2:
        return None
    return 100 * shares[first] / sum(shares.values())
