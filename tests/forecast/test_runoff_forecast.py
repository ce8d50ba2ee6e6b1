"""The runoff forecast: the scored runoff model run on the bundled 2026 runoff polls, its choice of rows
(one wave on two bases counted once, the unconfirmed wave left out unless asked), its default cutoff,
and the result protocol."""

from __future__ import annotations

from datetime import date
from statistics import NormalDist

import pytest

from curul.errors import ArgumentError
from curul.forecast import (
    PollRow,
    RunoffForecast,
    bundled_rows,
    get_election,
    group_polls,
    run_runoff_forecast,
    select_runoff_polls,
)
from curul.forecast._model import RUNOFF_POLL_SD
from curul.forecast._runoff import runoff_average

SIMS = 2000
FUJIMORI, SANCHEZ = "Keiko Fujimori", "Roberto Sanchez Palomino"


@pytest.fixture(scope="module")
def forecast() -> RunoffForecast:
    return run_runoff_forecast("peru-2026", sims=SIMS, seed=4)


def _wave(
    pollster: str, start: str, end: str, basis: str, shares: tuple[float, float], **kw
) -> list[PollRow]:
    common = dict(
        election="peru-2026",
        round=2,
        pollster=pollster,
        poll_type=kw.get("poll_type", "simulated_ballot"),
        field_start=date.fromisoformat(start),
        field_end=date.fromisoformat(end),
        published=kw.get("published"),
        sample_n=1200,
        population="",
        basis=basis,
        option="candidate",
        party="",
        source="test",
    )
    return [
        PollRow(candidate=FUJIMORI, share=shares[0], **common),  # type: ignore[arg-type]
        PollRow(candidate=SANCHEZ, share=shares[1], **common),  # type: ignore[arg-type]
    ]


def test_the_default_cutoff_is_the_last_day_before_the_runoff_blackout(forecast):
    election = get_election("peru-2026")
    assert election.runoff == date(2026, 6, 7)
    assert forecast.cutoff == election.runoff_cutoff == date(2026, 5, 31)
    assert all(p.poll.publication_date <= forecast.cutoff for p in forecast.polls)


def test_the_runoff_forecast_runs_on_the_bundled_polls_and_is_reproducible_by_seed(forecast):
    assert {c.name for c in forecast.candidates} == {FUJIMORI, SANCHEZ}
    assert run_runoff_forecast("peru-2026", sims=SIMS, seed=4).as_dict() == forecast.as_dict()
    other = run_runoff_forecast("peru-2026", sims=SIMS, seed=5)
    assert other.candidates != forecast.candidates
    assert other.as_dict()["poll_average"] == forecast.as_dict()["poll_average"]  # only the draws differ
    first, second = forecast.candidates
    assert first.mean + second.mean == pytest.approx(100)
    assert first.p_win + second.p_win == pytest.approx(1)
    for c in forecast.candidates:
        assert c.p05 < c.p10 < c.mean < c.p90 < c.p95


def test_it_is_the_scored_runoff_model(forecast):
    """The point forecast is the runoff backtests' average of the polls used; the draws are its normal
    error: P(win) and the intervals agree with the closed form within simulation error."""
    used = [p.poll for p in forecast.polls]
    _, share = runoff_average(used, forecast.cutoff, get_election("peru-2026").runoff)
    first = forecast.candidates[0]
    assert first.average == pytest.approx(share)
    exact = NormalDist(share, RUNOFF_POLL_SD)
    se = (exact.cdf(50) * (1 - exact.cdf(50)) / SIMS) ** 0.5
    assert abs(first.p_win - (1 - exact.cdf(50))) < 4 * se
    assert first.p05 == pytest.approx(exact.inv_cdf(0.05), abs=0.4)
    assert first.p90 == pytest.approx(exact.inv_cdf(0.90), abs=0.4)


def test_a_wave_on_two_bases_is_counted_once_on_its_valid_vote_row(forecast):
    datum = [p for p in forecast.polls if p.poll.pollster == "Datum"]
    assert [(p.poll.basis, p.poll.first.field_end) for p in datum] == [("valid_votes", date(2026, 5, 30))]
    assert datum[0].shares[FUJIMORI] == pytest.approx(52.9)
    (raw,) = [o for o in forecast.left_out if o.poll.pollster == "Datum"]
    assert raw.poll.basis == "all_respondents" and raw.reason.startswith("same wave as the valid_votes row")
    # The rule on made-up waves: the valid-vote version wins whatever the order, other waves stay.
    rows = [
        *_wave("X", "2026-05-20", "2026-05-22", "all_respondents", (40, 35)),
        *_wave("X", "2026-05-20", "2026-05-22", "valid_votes", (53.3, 46.7)),
        *_wave("X", "2026-05-20", "2026-05-22", "all_respondents", (38, 37), poll_type="intention"),
        *_wave("Y", "2026-05-20", "2026-05-22", "all_respondents", (30, 30)),
    ]
    used, left, flagged = select_runoff_polls(get_election("peru-2026"), group_polls(rows), date(2026, 5, 31))
    assert sorted((p.pollster, p.poll_type, p.basis) for p in used) == [
        ("X", "intention", "all_respondents"),
        ("X", "simulated_ballot", "valid_votes"),
        ("Y", "simulated_ballot", "all_respondents"),
    ]
    assert [(o.poll.pollster, o.poll.basis) for o in left] == [("X", "all_respondents")] and not flagged


def test_the_unconfirmed_iep_wave_is_left_out_unless_asked(forecast):
    def iep_may(polls):
        return [p for p in polls if p.pollster == "IEP" and p.first.field_start == date(2026, 5, 22)]

    assert not iep_may([p.poll for p in forecast.polls])
    (left,) = iep_may([o.poll for o in forecast.left_out])
    reason = next(o.reason for o in forecast.left_out if o.poll is left)
    assert reason.startswith("unconfirmed: no primary source") and "16 May 2026" in reason
    included = run_runoff_forecast("peru-2026", sims=SIMS, seed=4, include_unconfirmed=True)
    (used,) = [p for p in included.polls if p.unconfirmed]
    assert iep_may([used.poll]) and used.shares[FUJIMORI] == pytest.approx(100 * 36 / 66)
    assert len(included.polls) == len(forecast.polls) + 1
    assert not [o for o in included.left_out if o.reason.startswith("unconfirmed")]
    assert included.candidates[0].average != pytest.approx(forecast.candidates[0].average)


def test_cutoffs_and_polls_outside_the_campaign_are_refused():
    with pytest.raises(ArgumentError, match="not before the runoff") as caught:
        run_runoff_forecast("peru-2026", cutoff=date(2026, 6, 7), sims=200)
    assert caught.value.argument == "cutoff"
    with pytest.raises(ArgumentError, match="before the first round"):
        run_runoff_forecast("peru-2026", cutoff=date(2026, 4, 1), sims=200)
    with pytest.raises(ArgumentError, match="no runoff polls of peru-2026 published by 2026-04-20"):
        run_runoff_forecast("peru-2026", cutoff=date(2026, 4, 20), sims=200)
    with pytest.raises(ArgumentError, match="too few"):
        run_runoff_forecast("peru-2026", sims=10)
    # An earlier cutoff: only the April polls, the later ones listed as published after it.
    early = run_runoff_forecast("peru-2026", cutoff=date(2026, 5, 3), sims=200)
    assert {p.poll.pollster for p in early.polls} == {"IEP", "Ipsos"}
    assert sum(o.reason == "published after the cutoff (2026-05-03)" for o in early.left_out) == 6


def test_a_runoff_forecast_is_a_result(forecast):
    data = forecast.as_dict()
    assert set(data) == {
        "election",
        "round",
        "cutoff",
        "sims",
        "seed",
        "include_unconfirmed",
        "candidates",
        "poll_average",
        "error_sd",
        "polls",
        "left_out",
    }
    assert data["round"] == 2 and data["cutoff"] == "2026-05-31" and data["error_sd"] == RUNOFF_POLL_SD
    assert set(data["candidates"][0]) == {"name", "party", "mean", "p05", "p10", "p90", "p95", "p_win"}
    assert set(data["polls"][0]) == {
        "pollster",
        "poll_type",
        "field_start",
        "field_end",
        "published",
        "basis",
        "sample_n",
        "shares",
        "unconfirmed",
        "source",
    }
    assert set(data["left_out"][0]) == {
        "pollster",
        "poll_type",
        "field_start",
        "field_end",
        "published",
        "basis",
        "reason",
    }
    frame = forecast.to_frame()
    assert (
        list(frame.index) == [FUJIMORI, SANCHEZ]
        and frame.loc[FUJIMORI, "p_win"] == data["candidates"][0]["p_win"]
    )
    polls = forecast.to_frame("polls")
    assert len(polls) == len(forecast.polls) and {FUJIMORI, SANCHEZ} <= set(polls.columns)
    assert list(forecast.to_frame("left_out")["reason"]) == [o.reason for o in forecast.left_out]
    with pytest.raises(ArgumentError):
        forecast.to_frame("parties")  # type: ignore[arg-type]
    html = forecast._repr_html_()
    assert "peru-2026 runoff: polls published to 2026-05-31" in html and "26–30 May 2026" in html
    text = forecast.report().to_text()
    assert (
        text.splitlines()[-1]
        == "a forecast: no official count of this runoff is bundled, so it is not scored"
    )


def test_cli_runoff_forecast(cli, cli_json):
    data = cli_json("forecast", "--election", "peru-2026", "--round", "2", "--sims", "500", "--seed", "2")
    assert data["round"] == 2 and data == run_runoff_forecast("peru-2026", sims=500, seed=2).as_dict()
    flagged = cli_json("forecast", "--round", "2", "--sims", "500", "--include-unconfirmed")
    assert flagged["include_unconfirmed"] and any(p["unconfirmed"] for p in flagged["polls"])
    cases = [
        (
            ("forecast", "--round", "2", "--bloc", "A=B"),
            "error: --round: the runoff forecast takes no --bloc",
        ),
        (("forecast", "--include-unconfirmed"), "error: --include-unconfirmed: only the runoff forecast"),
        (("forecast", "--round", "3"), "error: --round: 3 is not 1 or 2"),
        (("forecast", "--round", "2", "--cutoff", "2026-06-07"), "error: --cutoff: 2026-06-07 is not before"),
    ]
    for args, start in cases:
        code, out, err = cli(*args)
        assert code == 2 and out == "" and err.strip().startswith(start), (args, err)


def test_the_2026_runoff_cannot_be_scored(cli):
    code, _, err = cli("backtest", "--election", "peru-2026", "--round", "2")
    assert code == 2 and err.strip() == (
        "error: --election: no official runoff count of peru-2026 is bundled: "
        "its runoff can be forecast, not scored"
    )


def test_the_bundled_runoff_polls_are_2026s(forecast):
    rows = bundled_rows("peru-2026", 2)
    assert {r.round for r in rows} == {2} and {r.candidate for r in rows if r.option == "candidate"} == {
        FUJIMORI,
        SANCHEZ,
    }
