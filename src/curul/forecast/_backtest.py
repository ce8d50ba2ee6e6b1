"""Backtests: fit on the polls published by a cutoff and score against the official first round.

Scores (candidates with at least 3% of valid votes): mean absolute error in points, 90% interval
coverage; over every modelled candidate: Brier and log score of "reaches the runoff"; the rank the
forecast gave the actual winner. The plain poll average and each pollster's last poll are scored the
same way (no intervals, so only MAE and rank). Congress: mean absolute seat error and 90% interval
coverage per list, for the unicameral Congress (2016, 2021) or per chamber (2026: the Senate, its
national list and districts, the Chamber of Deputies). The runoff's backtest is in ``_runoff``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from curul.data import fold
from curul.elections import congress_results
from curul.errors import ArgumentError
from curul.forecast._average import last_poll_of, last_polls_average, plain_average
from curul.forecast._congress import PartySeats
from curul.forecast._elections import bundled_rows, get_election, polls_until
from curul.forecast._forecast import CandidateForecast, Forecast, Progress, run_forecast
from curul.forecast._official import OfficialResult, match_official, official_first_round, official_seats_2026
from curul.report import Column, Presentable, Report, Table

if TYPE_CHECKING:
    import pandas as pd

SCORED_MIN_SHARE = 3.0
# The one public Peruvian model's first-round MAE (issue 6), for comparison only.
REFERENCE_MAE = {"peru-2016": 2.2, "peru-2021": 3.0}
SCORE_COLUMNS = ("mae", "coverage90", "brier_runoff", "log_runoff", "winner_rank", "winner_in_90")
# Official seats per chamber, for the elections whose Congress has more than one (chamber -> reader).
CHAMBER_SEATS = {2026: official_seats_2026}
CHAMBER_ORDER = ("senate", "senate-national", "senate-districts", "deputies")
CHAMBER_NAMES = {
    "senate": "Senate",
    "senate-national": "Senate national list",
    "senate-districts": "Senate districts",
    "deputies": "Chamber of Deputies",
}
FrameTable = Literal["scores", "candidates", "seats"]


@dataclass(frozen=True)
class Score:
    method: str
    mae: float
    coverage90: float | None
    brier_runoff: float | None
    log_runoff: float | None
    winner_rank: int | None
    winner_in_90: bool | None
    detail: tuple[tuple[str, float, float], ...]  # official name, predicted, actual

    def as_dict(self) -> dict[str, Any]:
        return {
            "method": self.method,
            **{k: getattr(self, k) for k in SCORE_COLUMNS},
            "candidates": [{"name": n, "predicted": p, "actual": a} for n, p, a in self.detail],
        }


def _or_dash(value: float | bool | None, spec: str) -> str:
    return "-" if value is None else format(value, spec)


@dataclass(frozen=True)
class Backtest(Presentable):
    """A past first round forecast as of a cutoff, scored beside the plain average and the last polls."""

    election: str
    cutoff: date
    forecast: Forecast
    scores: tuple[Score, ...]
    reference_mae: float | None
    seats: dict[str, Any] | None = None  # Congress seats against the official result, when simulated

    def as_dict(self) -> dict[str, Any]:
        return {
            "election": self.election,
            "cutoff": self.cutoff.isoformat(),
            "sims": self.forecast.sims,
            "seed": self.forecast.seed,
            "calibration": self.forecast.calibration.as_dict(),
            "reference_mae": self.reference_mae,
            "scores": [s.as_dict() for s in self.scores],
            "seats": self.seats,
        }

    def to_frame(self, table: FrameTable = "scores") -> pd.DataFrame:
        """``scores`` (one row per method), ``candidates`` (the model against the official shares) or
        ``seats`` (each list's forecast seats against the official ones; empty without Congress)."""
        import pandas as pd

        if table == "scores":
            rows = [{"method": s.method, **{k: getattr(s, k) for k in SCORE_COLUMNS}} for s in self.scores]
            return pd.DataFrame(rows, columns=["method", *SCORE_COLUMNS]).set_index("method")
        if table == "candidates":
            detail = self.scores[0].detail
            return pd.DataFrame(list(detail), columns=["name", "predicted", "actual"]).set_index("name")
        if table == "seats":
            columns = ["name", "party", "mean_seats", "p05", "p95", "actual"]
            if self.seats and "chambers" in self.seats:
                rows = [{"chamber": c["chamber"], **r} for c in self.seats["chambers"] for r in c["parties"]]
                frame = pd.DataFrame(rows, columns=["chamber", *columns])
                return frame.set_index(["chamber", "name"])
            parties = self.seats["parties"] if self.seats else []
            return pd.DataFrame(parties, columns=columns).set_index("name")
        raise ArgumentError("table", f"{table!r} is not scores, candidates or seats")

    def report(self) -> Report:
        headers = ("MAE", "90% coverage", "Brier runoff", "log runoff", "winner rank", "winner in 90%")
        rows = [
            [
                s.method,
                f"{s.mae:.2f}",
                _or_dash(s.coverage90, ".0%"),
                _or_dash(s.brier_runoff, ".3f"),
                _or_dash(s.log_runoff, ".3f"),
                _or_dash(s.winner_rank, "d"),
                _or_dash(s.winner_in_90, ""),
            ]
            for s in self.scores
        ]
        if self.reference_mae is not None:
            rows.append(["reference (public model)", f"{self.reference_mae:.2f}", *["-"] * 5])
        scores = Table.build(
            ["method", *(Column(h, align="right") for h in headers)],
            rows,
            title=f"backtest {self.election}: polls published to {self.cutoff}",
        )
        detail = Table.build(
            ["candidate", Column("forecast", align="right"), Column("official", align="right")],
            [[name, f"{p:.1f}", f"{a:.1f}"] for name, p, a in self.scores[0].detail],
            title="model vs official (candidates ≥ 3%)",
        )
        seats: list[Table | str] = []
        if self.seats:
            chambers = self.seats.get("chambers") or [dict(self.seats, chamber=None)]
            seats = [*(_seat_table(c) for c in chambers)]
            seats.append(f"Congress simulated on {self.forecast.congress_sims:,} draws")
        return Report.of(scores, detail, self.forecast.calibration.describe(tails=False), *seats)


def _seat_table(scores: dict[str, Any]) -> Table:
    """One chamber's seats against the official ones (``chamber`` None: the unicameral Congress)."""
    chamber = scores["chamber"]
    if chamber is None:
        title = f"Congress seats vs official (MAE {scores['mae']:.1f} seats)"
    else:
        name = CHAMBER_NAMES.get(chamber, chamber)
        title = (
            f"{name} ({scores['seats']}) seats vs official "
            f"(MAE {scores['mae']:.1f} seats, 90% coverage {scores['coverage90']:.0%})"
        )
    return Table.build(
        ["list", *(Column(h, align="right") for h in ("forecast", "90% interval", "official"))],
        [
            [_list_label(r, chamber), f"{r['mean_seats']:.1f}", f"{r['p05']}–{r['p95']}", str(r["actual"])]
            for r in scores["parties"]
        ],
        title=title,
    )


def _list_label(row: dict[str, Any], chamber: str | None) -> str:
    """A list as the table names it: a list named after its candidate also shows its official party."""
    party = row.get("party")
    if chamber is None:  # the unicameral Congress: every list by its official name where it has one
        return str(party or row["name"])
    return f"{row['name']} ({party})" if party and row["name"].startswith("list of ") else row["name"]


def _point_score(method: str, predicted: dict[str, float], official: tuple[OfficialResult, ...]) -> Score:
    matched: dict[str, float] = {}
    for name, value in predicted.items():
        m = match_official(name, "", official)
        if m is not None:
            matched[m.candidate] = value
    scored = [r for r in official if r.share >= SCORED_MIN_SHARE]
    detail = tuple((r.candidate, matched.get(r.candidate, 0.0), r.share) for r in scored)
    mae = sum(abs(p - a) for _, p, a in detail) / len(detail)
    winner = official[0].candidate
    ranking = sorted(matched, key=lambda n: -matched[n])
    rank = ranking.index(winner) + 1 if winner in matched else None
    return Score(method, mae, None, None, None, rank, None, detail)


def _model_score(forecast: Forecast, official: tuple[OfficialResult, ...]) -> Score:
    by_official: dict[str, CandidateForecast] = {}
    for c in forecast.candidates:
        m = match_official(c.name, c.party, official)
        if m is not None:
            by_official[m.candidate] = c
    scored = [r for r in official if r.share >= SCORED_MIN_SHARE]
    detail, inside = [], []
    for r in scored:
        found = by_official.get(r.candidate)
        detail.append((r.candidate, found.mean if found else 0.0, r.share))
        inside.append(bool(found and found.p05 <= r.share <= found.p95))
    finalists = {official[0].candidate, official[1].candidate}
    brier, logs = [], []
    for c in forecast.candidates:
        m = match_official(c.name, c.party, official)
        outcome = 1.0 if m is not None and m.candidate in finalists else 0.0
        brier.append((c.p_runoff - outcome) ** 2)
        p = min(max(c.p_runoff if outcome else 1 - c.p_runoff, 1e-6), 1.0)
        logs.append(math.log(p))
    winner = official[0].candidate
    ranking = sorted(by_official, key=lambda n: -by_official[n].mean)
    rank = ranking.index(winner) + 1 if winner in by_official else None
    winner_inside = inside[[r.candidate for r in scored].index(winner)]
    return Score(
        "model",
        sum(abs(p - a) for _, p, a in detail) / len(detail),
        sum(inside) / len(inside),
        sum(brier) / len(brier),
        sum(logs) / len(logs),
        rank,
        winner_inside,
        tuple(detail),
    )


def run_backtest(
    election_name: str,
    cutoff: date | None = None,
    sims: int = 20_000,
    seed: int = 0,
    progress: Progress | None = None,
    congress: bool = True,
    **settings: Any,
) -> Backtest:
    """Forecast a past first round from the polls published by ``cutoff`` (default: the start of the
    blackout) and score it, the plain average, the last polls and each pollster's last poll against the
    official result (and, with ``congress``, the seats). ``settings`` go to :func:`run_forecast`."""
    election = get_election(election_name)
    if election.official_year is None:
        raise ArgumentError("election", f"{election_name} has no official result to score against")
    cutoff = cutoff or election.default_cutoff
    if cutoff >= election.first_round:
        raise ArgumentError("cutoff", f"{cutoff} is not before the vote ({election.first_round})")
    forecast = run_forecast(
        election_name,
        cutoff=cutoff,
        sims=sims,
        seed=seed,
        congress=congress,
        progress=progress,
        **settings,
    )
    official = official_first_round(election.official_year)
    polls = polls_until(bundled_rows(election_name), cutoff)
    scores = [_model_score(forecast, official)]
    scores.append(_point_score("plain_average", plain_average(polls, cutoff, exits=election.exits), official))
    scores.append(
        _point_score("last_polls", last_polls_average(polls, cutoff, exits=election.exits), official)
    )
    for pollster in sorted({p.pollster for p in polls if p.candidates()}):
        scores.append(
            _point_score(
                f"last_poll:{pollster}", last_poll_of(polls, pollster, cutoff, election.exits), official
            )
        )
    seats = None
    if forecast.parties and election.official_year in CHAMBER_SEATS:
        seats = chamber_seat_scores(forecast, CHAMBER_SEATS[election.official_year](), official)
    elif forecast.parties:
        seats = _seat_score(forecast, election.official_year)
    return Backtest(election_name, cutoff, forecast, tuple(scores), REFERENCE_MAE.get(election_name), seats)


def _seat_score(forecast: Forecast, year: int) -> dict[str, Any]:
    """Mean absolute seat error and 90% coverage over the lists that won seats or were forecast to.

    Each forecast list is named (``party``) as the official figures of ``curul.data`` name it: the
    Congress list of its candidate's official ticket, else the ticket's party, else the Congress list
    its own name matches; the report shows that name, so one spelling runs through the table."""
    official = {p.party: p.seats for p in congress_results(year).parties}
    tickets = official_first_round(year)
    average = forecast.average
    running = (*average.candidates_, *(c for c, _ in getattr(average, "exited_lists_", ())))
    by_list = {c.party or f"list of {c.name}": c for c in running}
    rows: list[dict[str, Any]] = []
    used: set[str] = set()
    for p in forecast.parties:
        party = _data_party(p.name, by_list.get(p.name), official, tickets)
        actual = official.get(party, 0) if party else 0
        if party in official:
            used.add(party)
        if actual or p.mean_seats >= 0.5:
            rows.append(
                {
                    "name": p.name,
                    "party": party,
                    "mean_seats": p.mean_seats,
                    "p05": p.p05,
                    "p95": p.p95,
                    "actual": actual,
                }
            )
    for party, actual in official.items():  # seat winners the forecast has no list for
        if actual and party not in used:
            rows.append(
                {"name": party, "party": party, "mean_seats": 0.0, "p05": 0, "p95": 0, "actual": actual}
            )
    return _scored(rows)


def _contains(a: str, b: str) -> bool:
    return bool(fold(a)) and bool(fold(b)) and (fold(a) in fold(b) or fold(b) in fold(a))


def _data_party(
    name: str, candidate: Any, official: dict[str, int], tickets: tuple[OfficialResult, ...]
) -> str | None:
    """The official name (``curul.data``) of a forecast list: its ticket's Congress list, else its
    ticket's party, else the Congress list its name matches; None for a list the data do not name."""
    ticket = match_official(candidate.name, candidate.party, tickets) if candidate is not None else None
    if ticket is not None:
        return next((o for o in official if _contains(ticket.party, o)), ticket.party)
    return next((o for o in official if _contains(name, o)), None)


def _scored(rows: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "mae": sum(abs(r["mean_seats"] - r["actual"]) for r in rows) / len(rows),
        "coverage90": sum(r["p05"] <= r["actual"] <= r["p95"] for r in rows) / len(rows),
        "parties": rows,
    }


def chamber_seat_scores(
    forecast: Forecast, official: dict[str, dict[str, int]], tickets: tuple[OfficialResult, ...]
) -> dict[str, Any]:
    """Per chamber (``official``: chamber -> party -> seats), the mean absolute seat error and the
    share of lists whose official seats fall inside their 90% interval, over the lists that won seats
    or were forecast at least half a seat (the 2016/2021 rule).

    A forecast list is its candidate's party, or "list of NAME" where the polls give none; it is
    matched to the party of its candidate's official ticket (``tickets``), else by its own name. The
    "other lists" (parties without a polled candidate) won no seat unless ``official`` says so.
    """
    by_list = {c.party or f"list of {c.name}": c for c in forecast.average.candidates_}
    chambers = []
    for chamber in [c for c in CHAMBER_ORDER if c in official] + sorted(set(official) - set(CHAMBER_ORDER)):
        seats = official[chamber]
        folded = {fold(p): p for p in seats}
        lists = [p for p in (*forecast.parties, *forecast.seat_parts) if p.chamber == chamber]
        if not lists:
            continue
        rows: list[dict[str, Any]] = []
        used: set[str] = set()
        for p in lists:
            party = _official_party(p, by_list, folded, tickets)
            actual = seats.get(party, 0) if party else 0
            if party:
                used.add(party)
            if actual or p.mean_seats >= 0.5:
                rows.append(
                    {
                        "name": p.name,
                        "party": party,
                        "mean_seats": p.mean_seats,
                        "p05": p.p05,
                        "p95": p.p95,
                        "actual": actual,
                    }
                )
        for party, actual in seats.items():  # seat winners the forecast has no list for
            if actual and party not in used:
                rows.append(
                    {"name": party, "party": party, "mean_seats": 0.0, "p05": 0, "p95": 0, "actual": actual}
                )
        chambers.append({"chamber": chamber, "seats": sum(seats.values()), **_scored(rows)})
    return {"chambers": chambers}


def _official_party(
    seats: PartySeats,
    by_list: dict[str, Any],
    folded: dict[str, str],
    tickets: tuple[OfficialResult, ...],
) -> str | None:
    """The official party (as the seat figures name it) of a forecast list, or None."""
    candidate = by_list.get(seats.name)
    if candidate is not None:
        ticket = match_official(candidate.name, candidate.party, tickets)
        if ticket is not None and fold(ticket.party) in folded:
            return folded[fold(ticket.party)]
    return folded.get(fold(seats.name))
