"""The runoff forecast: the runoff model that the 2016 and 2021 runoff backtests score (``_runoff``),
run on an election's head-to-head polls published by a cutoff.

Which rows it uses is made explicit, because a runoff has few polls and each weighs a lot: a wave
published on two bases (raw intention and valid votes) is counted once, on the valid-vote row (the
figure the pollster itself publishes, which needs no conversion); a wave listed as unconfirmed in
``elections.toml`` is left out unless asked for; every left-out row is listed with its reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from curul.errors import ArgumentError
from curul.forecast._average import candidate_key
from curul.forecast._elections import Election, bundled_rows, get_election
from curul.forecast._forecast import check_sims
from curul.forecast._model import RUNOFF_POLL_SD
from curul.forecast._polls import Poll, PollRow, group_polls
from curul.forecast._runoff import check_runoff_cutoff, runoff_average
from curul.report import Column, Presentable, Report, Table

if TYPE_CHECKING:
    import pandas as pd

# The row kept when one wave is given on several bases: the one needing the least conversion.
BASIS_PREFERENCE = ("valid_votes", "emitted_votes", "all_respondents")
FrameTable = Literal["candidates", "polls", "left_out"]


@dataclass(frozen=True)
class Finalist:
    """One finalist's share of the runoff's valid votes (mean, 80% and 90% intervals) and P(win)."""

    name: str
    party: str
    average: float  # the poll average's share of the pair (percent of valid votes)
    mean: float
    p05: float
    p10: float
    p90: float
    p95: float
    p_win: float

    def as_dict(self) -> dict[str, Any]:
        keys = ("name", "party", "mean", "p05", "p10", "p90", "p95", "p_win")
        return {k: getattr(self, k) for k in keys}


def _wave(poll: Poll) -> dict[str, Any]:
    row = poll.first
    return {
        "pollster": poll.pollster,
        "poll_type": poll.poll_type,
        "field_start": row.field_start.isoformat() if row.field_start else None,
        "field_end": row.field_end.isoformat() if row.field_end else None,
        "published": poll.publication_date.isoformat(),
        "basis": poll.basis,
    }


@dataclass(frozen=True)
class UsedPoll:
    """A runoff poll the average used, and its finalists' shares of the pair's valid votes."""

    poll: Poll
    shares: dict[str, float]
    unconfirmed: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            **_wave(self.poll),
            "sample_n": self.poll.sample_n,
            "shares": self.shares,
            "unconfirmed": self.unconfirmed,
            "source": self.poll.first.source,
        }


@dataclass(frozen=True)
class LeftOut:
    """A runoff poll wave (one basis of it) the forecast did not use, and why."""

    poll: Poll
    reason: str

    def as_dict(self) -> dict[str, Any]:
        return {**_wave(self.poll), "reason": self.reason}


def _field(poll: Poll) -> str:
    """Fieldwork as people write it: "26–30 May 2026", "29 Apr–2 May 2026"."""
    start, end = poll.first.field_start, poll.first.field_end
    if start is None or end is None:
        return f"around {poll.field_date}"
    if start == end:
        return f"{end.day} {end:%b %Y}"
    first = (
        f"{start.day}" if (start.year, start.month) == (end.year, end.month) else f"{start.day} {start:%b}"
    )
    return f"{first}–{end.day} {end:%b %Y}"


def select_runoff_polls(
    election: Election, polls: Sequence[Poll], cutoff: date, include_unconfirmed: bool = False
) -> tuple[tuple[Poll, ...], tuple[LeftOut, ...], frozenset[int]]:
    """The runoff polls a forecast uses at ``cutoff``, the ones it leaves out with a reason, and the
    positions (in the used polls) of unconfirmed waves included on request.

    In order: a wave must name exactly the two finalists and be published by the cutoff; a wave
    listed in ``election.unconfirmed`` is left out unless ``include_unconfirmed``; a wave given on
    several bases (same pollster, type and fieldwork) is counted once, on the basis first in
    ``BASIS_PREFERENCE`` (valid votes: the pollster's own published figure, no conversion).
    """
    left: list[LeftOut] = []
    kept: list[tuple[Poll, bool]] = []
    for poll in polls:
        if len(poll.candidates()) != 2:
            left.append(LeftOut(poll, "does not name exactly two candidates"))
        elif poll.publication_date > cutoff:
            left.append(LeftOut(poll, f"published after the cutoff ({cutoff})"))
        elif flag := next((u for u in election.unconfirmed if u.matches(poll)), None):
            if include_unconfirmed:
                kept.append((poll, True))
            else:
                left.append(LeftOut(poll, f"unconfirmed: {flag.reason}"))
        else:
            kept.append((poll, False))
    waves: dict[tuple[Any, ...], list[tuple[Poll, bool]]] = {}
    for poll, flagged in kept:
        row = poll.first
        key = (poll.pollster, poll.poll_type, row.field_start, row.field_end, poll.field_date)
        waves.setdefault(key, []).append((poll, flagged))
    used: list[tuple[Poll, bool]] = []
    for versions in waves.values():
        versions.sort(key=lambda v: BASIS_PREFERENCE.index(v[0].basis))
        chosen = versions[0][0]
        used.append(versions[0])
        for poll, _ in versions[1:]:
            reason = (
                f"same wave as the {chosen.basis} row of {chosen.pollster} {_field(chosen)}, counted once "
                f"on that basis"
            )
            left.append(LeftOut(poll, reason))
    used.sort(key=lambda v: (v[0].field_date, v[0].pollster))
    polls_used = tuple(p for p, _ in used)
    flagged_at = frozenset(i for i, (_, f) in enumerate(used) if f)
    left.sort(key=lambda o: (o.poll.field_date, o.poll.pollster, o.poll.basis))
    return polls_used, tuple(left), flagged_at


@dataclass(frozen=True)
class RunoffForecast(Presentable):
    """A runoff forecast: both finalists' shares and chances, the polls used and those left out."""

    election: str
    cutoff: date
    sims: int
    seed: int
    include_unconfirmed: bool
    candidates: tuple[Finalist, Finalist]
    polls: tuple[UsedPoll, ...]
    left_out: tuple[LeftOut, ...]
    error_sd: float = RUNOFF_POLL_SD

    def as_dict(self) -> dict[str, Any]:
        return {
            "election": self.election,
            "round": 2,
            "cutoff": self.cutoff.isoformat(),
            "sims": self.sims,
            "seed": self.seed,
            "include_unconfirmed": self.include_unconfirmed,
            "candidates": [c.as_dict() for c in self.candidates],
            "poll_average": {c.name: c.average for c in self.candidates},
            "error_sd": self.error_sd,
            "polls": [p.as_dict() for p in self.polls],
            "left_out": [o.as_dict() for o in self.left_out],
        }

    def to_frame(self, table: FrameTable = "candidates") -> pd.DataFrame:
        """``candidates`` (by name: poll average, mean, quantiles, P(win)), ``polls`` (the polls used,
        one column per finalist's share) or ``left_out`` (the rows not used and why)."""
        import pandas as pd

        if table == "candidates":
            columns = list(Finalist.__dataclass_fields__)
            return pd.DataFrame([vars(c) for c in self.candidates], columns=columns).set_index("name")
        if table == "polls":
            rows = []
            for p in self.polls:
                data = p.as_dict()
                rows.append({k: v for k, v in data.items() if k != "shares"} | data["shares"])
            return pd.DataFrame(rows)
        if table == "left_out":
            columns = ["pollster", "poll_type", "field_start", "field_end", "published", "basis", "reason"]
            return pd.DataFrame([o.as_dict() for o in self.left_out], columns=columns)
        raise ArgumentError("table", f"{table!r} is not candidates, polls or left_out")

    def report(self) -> Report:
        first = self.candidates[0].name
        right = ("polls", "mean", "80% interval", "90% interval", "win")
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
                    f"{c.p_win:.0%}",
                ]
                for c in self.candidates
            ],
            title=f"{self.election} runoff: polls published to {self.cutoff}, {self.sims:,} simulations",
        )
        polls = Table.build(
            [
                "pollster",
                "fieldwork",
                "published",
                "type",
                "basis",
                Column("n", align="right"),
                Column(f"{first} (% valid)", align="right"),
            ],
            [
                [
                    p.poll.pollster + (" (unconfirmed)" if p.unconfirmed else ""),
                    _field(p.poll),
                    str(p.poll.publication_date),
                    p.poll.poll_type,
                    p.poll.basis,
                    str(p.poll.sample_n or "-"),
                    f"{p.shares[first]:.1f}",
                ]
                for p in self.polls
            ],
            title=f"{len(self.polls)} polls used",
        )
        blocks: list[Table | str] = [candidates, polls]
        if self.left_out:
            blocks.append(
                Table.build(
                    ["pollster", "fieldwork", "basis", "left out because"],
                    [[o.poll.pollster, _field(o.poll), o.poll.basis, o.reason] for o in self.left_out],
                    title="rows not used",
                )
            )
        blocks.append(
            f"runoff model: house-effect average of the head-to-head polls, normal error "
            f"{self.error_sd:g} points (the model the 2016 and 2021 runoff backtests score)"
        )
        blocks.append("a forecast: no official count of this runoff is bundled, so it is not scored")
        return Report.of(*blocks)


def run_runoff_forecast(
    election_name: str,
    rows: Sequence[PollRow] | None = None,
    cutoff: date | None = None,
    sims: int = 20_000,
    seed: int = 0,
    include_unconfirmed: bool = False,
) -> RunoffForecast:
    """Forecast the runoff of ``election_name`` from ``rows`` (default: its bundled runoff polls)
    published by ``cutoff`` (default: the last day before the runoff's publication blackout).

    The point forecast is :func:`runoff_average` of the polls :func:`select_runoff_polls` keeps; the
    first finalist's share is drawn ``sims`` times from a normal with SD ``RUNOFF_POLL_SD`` (seeded
    by ``seed``), the other's is the rest of the valid votes.
    """
    check_sims(sims)
    election = get_election(election_name)
    cutoff = check_runoff_cutoff(election, cutoff)
    rows = bundled_rows(election_name, 2) if rows is None else tuple(rows)
    rows = tuple(r for r in rows if r.election == election_name) or tuple(rows)
    polls = group_polls(r for r in rows if r.round == 2)
    used, left_out, flagged = select_runoff_polls(election, polls, cutoff, include_unconfirmed)
    if not used:
        raise ArgumentError("cutoff", f"no runoff polls of {election_name} published by {cutoff}")
    avg, share = runoff_average(used, cutoff, election.runoff)
    if len(avg.candidates_) != 2:
        named = ", ".join(c.name for c in avg.candidates_)
        raise ArgumentError(
            "cutoff", f"the runoff polls published by {cutoff} name more than one pair: {named}"
        )
    rng = np.random.default_rng(seed)
    draws = share + RUNOFF_POLL_SD * rng.standard_normal(sims)
    finalists = []
    for i, (cand, values) in enumerate(zip(avg.candidates_, (draws, 100.0 - draws), strict=True)):
        p05, p10, p90, p95 = (float(v) for v in np.quantile(values, [0.05, 0.10, 0.90, 0.95]))
        finalists.append(
            Finalist(
                cand.name,
                cand.party,
                share if i == 0 else 100.0 - share,
                float(values.mean()),
                p05,
                p10,
                p90,
                p95,
                float(np.mean(values > 50.0)),
            )
        )
    names = [c.name for c in avg.candidates_]
    used_polls = []
    for i, conversion in enumerate(avg.conversions_):
        by_key = {candidate_key(n): v for n, v in conversion.shares.items()}
        a, b = (by_key[c.key] for c in avg.candidates_)
        pair = {names[0]: 100 * a / (a + b), names[1]: 100 * b / (a + b)}
        used_polls.append(UsedPoll(conversion.poll, pair, i in flagged))
    return RunoffForecast(
        election_name,
        cutoff,
        sims,
        seed,
        include_unconfirmed,
        (finalists[0], finalists[1]),
        tuple(used_polls),
        left_out,
    )
