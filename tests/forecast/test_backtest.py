import math

import pytest

from curul.forecast import run_backtest, run_forecast
from curul.forecast._official import official_first_round

# JNE proclamation (reference/peru-elections.md §3.3): Keiko Fujimori 39.86%; 2021: Castillo 18.921%.
OFFICIAL_WINNERS = {"peru-2016": ("Keiko Fujimori", 39.86), "peru-2021": ("Pedro Castillo Terrones", 18.92)}


@pytest.mark.parametrize("election", ["peru-2016", "peru-2021"])
def test_backtest_runs_on_the_bundled_polls(cli_json, election):
    data = cli_json("backtest", "--election", election, "--sims", "2000", "--seed", "3", "--no-congress")
    assert data["election"] == election
    methods = [s["method"] for s in data["scores"]]
    assert methods[:3] == ["model", "plain_average", "last_polls"]
    assert any(m.startswith("last_poll:") for m in methods)
    model = data["scores"][0]
    assert 0 <= model["coverage90"] <= 1 and 0 <= model["brier_runoff"] <= 1 and model["log_runoff"] <= 0
    name, share = OFFICIAL_WINNERS[election]
    actual = {c["name"]: c["actual"] for c in model["candidates"]}
    assert actual[name] == pytest.approx(share, abs=0.01)
    # Scored candidates are exactly those with >= 3% of valid votes in the official result.
    year = int(election[-4:])
    assert set(actual) == {r.candidate for r in official_first_round(year) if r.share >= 3}
    # The MAE is the mean of the listed absolute errors.
    errors = [abs(c["predicted"] - c["actual"]) for c in model["candidates"]]
    assert model["mae"] == pytest.approx(sum(errors) / len(errors))


def test_an_earlier_cutoff_uses_fewer_polls():
    late = run_backtest("peru-2021", sims=500, congress=False)
    early = run_backtest("peru-2021", cutoff=late.cutoff.replace(month=3, day=1), sims=500, congress=False)
    assert early.forecast.average.n_polls_ < late.forecast.average.n_polls_


def test_backtest_rejects_a_cutoff_after_the_vote(cli):
    code, out, err = cli("backtest", "--election", "peru-2016", "--cutoff", "2016-05-01")
    assert code == 2 and out == ""
    assert err.strip() == "error: --cutoff: 2016-05-01 is not before the vote (2016-04-10)"


@pytest.mark.parametrize(
    ("election", "winner", "share"),
    # presidential-runoffs, final stage: Kuczynski 50.12 / Fujimori 49.88 (2016); Castillo 50.126 (2021).
    [("peru-2016", "Keiko Fujimori", 49.88), ("peru-2021", "Keiko Fujimori", 49.874)],
)
def test_runoff_backtest(cli_json, election, winner, share):
    data = cli_json("backtest", "--election", election, "--round", "2")
    assert data["round"] == 2 and winner in data["finalists"]
    first = data["finalists"][0]
    actual = share if first == winner else 100 - share
    assert data["actual"] == pytest.approx(actual, abs=0.001)
    assert data["error"] == pytest.approx(data["predicted"] - data["actual"])
    low, high = data["interval90"]
    assert low < data["predicted"] < high
    assert data["p_actual_winner"] == pytest.approx(
        data["p_first_wins"] if actual > 50 else 1 - data["p_first_wins"]
    )


def test_runoff_backtest_rejects_cutoffs_outside_the_campaign(cli):
    code, _, err = cli("backtest", "--election", "peru-2021", "--round", "2", "--cutoff", "2021-03-01")
    assert code == 2
    assert err.strip() == "error: --cutoff: 2021-03-01 is before the first round; runoff polls start after it"
    code, _, err = cli("backtest", "--election", "peru-2021", "--round", "3")
    assert code == 2 and err.strip() == "error: --round: 3 is not 1 or 2"


def test_the_projection_error_leaves_the_point_forecast_and_the_test_election_alone():
    """The trend-projection term widens intervals only: same poll average, k fitted net of the term on
    the calibration elections, and the undecided check never uses the tested election's result."""
    from curul.forecast._calibration import undecided_check

    on = run_backtest("peru-2021", sims=2000, congress=False)
    off = run_backtest("peru-2021", sims=2000, congress=False, momentum=False)
    assert on.forecast.calibration.momentum and not off.forecast.calibration.momentum
    assert on.forecast.calibration.scale < off.forecast.calibration.scale
    assert (on.forecast.average.shares_ == off.forecast.average.shares_).all()
    assert (on.forecast.average.trend_se_ > 0).any()
    check = undecided_check("peru-2021")
    # Fitted on 2001-2016 only; the constant scale is the calibration's own (without the term).
    assert "peru-2021" in check.undecided and check.fit.constant[0] == pytest.approx(
        off.forecast.calibration.scale
    )
    assert set(check.undecided) == {"peru-2001", "peru-2006", "peru-2011", "peru-2016", "peru-2021"}


def test_a_backtest_is_a_result():
    from curul.errors import ArgumentError

    result = run_backtest("peru-2016", sims=300, seed=1, congress=False)
    keys = {"election", "cutoff", "sims", "seed", "calibration", "reference_mae", "scores", "seats"}
    assert set(result.as_dict()) == keys and result.as_dict()["seats"] is None
    scores = result.to_frame()
    assert list(scores.index) == [s.method for s in result.scores]
    assert list(scores.columns) == [
        "mae",
        "coverage90",
        "brier_runoff",
        "log_runoff",
        "winner_rank",
        "winner_in_90",
    ]
    assert scores.loc["model", "mae"] == result.scores[0].mae
    candidates = result.to_frame("candidates")
    assert candidates.loc["Keiko Fujimori", "actual"] == pytest.approx(39.86, abs=0.01)
    assert result.to_frame("seats").empty
    with pytest.raises(ArgumentError):
        result.to_frame("parties")  # type: ignore[arg-type]
    html = result._repr_html_()
    assert "backtest peru-2016: polls published to 2016-04-03" in html and "reference (public model)" in html
    text = result.report().to_text()
    assert text.splitlines()[-1] == result.forecast.calibration.describe(tails=False)


def test_a_runoff_backtest_is_a_result():
    from curul.forecast import run_runoff_backtest

    result = run_runoff_backtest("peru-2021")
    keys = {"election", "round", "cutoff", "finalists", "polls", "predicted", "interval90", "p_first_wins"}
    keys |= {"actual", "error", "p_actual_winner", "plain_average", "last_polls"}
    assert set(result.as_dict()) == keys
    assert result.error == pytest.approx(result.predicted - result.actual)
    frame = result.to_frame()
    assert list(frame.index) == ["model (house effects)", "plain average", "last polls", "official"]
    assert frame.loc["official", "share"] == result.actual
    assert frame.loc["plain average", "error"] == pytest.approx(result.plain_average - result.actual)
    html = result._repr_html_()
    assert (
        'class="curul-bold"' in html and "runoff backtest peru-2021: 12 polls published to 2021-05-30" in html
    )


def test_the_scores_on_known_inputs():
    """MAE, 90% coverage, Brier and log score of reaching the runoff, winner rank and winner inside its
    interval, computed by hand for three official tickets and three modelled candidates."""
    from types import SimpleNamespace

    from curul.forecast._backtest import _model_score, _point_score
    from curul.forecast._forecast import CandidateForecast
    from curul.forecast._official import OfficialResult

    official = (
        OfficialResult("Ana Uno Alfa", "P1", 30.0),
        OfficialResult("Beto Dos Beta", "P2", 20.0),
        OfficialResult("Ciro Tres Gama", "P3", 10.0),
        OfficialResult("Dora Cuatro", "P4", 2.0),  # below 3%: not scored for MAE or coverage
    )

    def cand(name, mean, p05, p95, p_runoff):
        return CandidateForecast(name, "", mean, mean, p05, p05, p95, p95, p_runoff, 0.0)

    forecast = SimpleNamespace(
        candidates=(
            cand("Ana Alfa", 25.0, 20.0, 31.0, 0.9),  # inside, error 5, a finalist
            cand("Ciro Gama", 21.0, 15.0, 27.0, 0.6),  # outside (10), error 11, not a finalist
            cand("Beto Beta", 18.0, 12.0, 24.0, 0.4),  # inside, error 2, a finalist
            cand("Nadie Mas", 3.0, 1.0, 5.0, 0.1),  # no official ticket: not a finalist
        )
    )
    score = _model_score(forecast, official)  # type: ignore[arg-type]
    assert score.mae == pytest.approx((5 + 2 + 11) / 3)
    assert score.coverage90 == pytest.approx(2 / 3)
    assert score.brier_runoff == pytest.approx(((0.9 - 1) ** 2 + 0.6**2 + (0.4 - 1) ** 2 + 0.1**2) / 4)
    assert score.log_runoff == pytest.approx(
        (math.log(0.9) + math.log(0.4) + math.log(0.4) + math.log(0.9)) / 4
    )
    assert score.winner_rank == 1 and score.winner_in_90 is True
    assert [d[0] for d in score.detail] == ["Ana Uno Alfa", "Beto Dos Beta", "Ciro Tres Gama"]
    point = _point_score("plain_average", {"Beto Beta": 26.0, "Ana Alfa": 24.0}, official)
    assert point.mae == pytest.approx((6 + 6 + 10) / 3)  # a candidate no poll names counts as 0
    assert point.winner_rank == 2 and point.coverage90 is None


def test_the_seat_scores_per_chamber_on_known_inputs():
    """Per chamber: lists matched to the official parties through their candidates' tickets, the lists
    that won seats or were forecast at least half a seat, an official winner with no list at 0."""
    from types import SimpleNamespace

    from curul.forecast._average import Candidate
    from curul.forecast._backtest import chamber_seat_scores
    from curul.forecast._congress import PartySeats
    from curul.forecast._official import OfficialResult

    tickets = (
        OfficialResult("Ana Uno Alfa", "PARTIDO ALFA", 30.0),
        OfficialResult("Beto Dos Beta", "BETA UNIDA", 20.0),
    )
    forecast = SimpleNamespace(
        average=SimpleNamespace(
            candidates_=(
                Candidate("ana alfa", "Ana Alfa", "Partido Alfa"),
                Candidate("beto beta", "Beto Beta", ""),
            )
        ),
        parties=(
            PartySeats("Partido Alfa", "senate", 30.0, 20, 40, 1.0),  # official 25: inside, error 5
            PartySeats("list of Beto Beta", "senate", 10.0, 5, 12, 1.0),  # Beta Unida 15: outside, error 5
            PartySeats("other lists", "senate", 0.4, 0, 2, 0.1),  # < 0.5 and no seat: not scored
            PartySeats("Partido Alfa", "deputies", 50.0, 40, 60, 1.0),
        ),
        seat_parts=(
            PartySeats("Partido Alfa", "senate-national", 12.0, 8, 16, 1.0),
            PartySeats("other lists", "senate-national", 3.0, 0, 6, 0.1),  # forecast 3, official 0
        ),
    )
    official = {
        "senate": {"Partido Alfa": 25, "Beta Unida": 15, "Gama": 20},
        "senate-national": {"Partido Alfa": 10, "Beta Unida": 5},
        "deputies": {"Partido Alfa": 50},
    }
    result = chamber_seat_scores(forecast, official, tickets)  # type: ignore[arg-type]
    senate, national, deputies = result["chambers"]
    assert [c["chamber"] for c in result["chambers"]] == ["senate", "senate-national", "deputies"]
    assert senate["seats"] == 60 and national["seats"] == 15 and deputies["seats"] == 50
    rows = {r["name"]: r for r in senate["parties"]}
    assert rows["list of Beto Beta"]["party"] == "Beta Unida" and rows["list of Beto Beta"]["actual"] == 15
    assert rows["Gama"] == {
        "name": "Gama",
        "party": "Gama",
        "mean_seats": 0.0,
        "p05": 0,
        "p95": 0,
        "actual": 20,
    }
    assert "other lists" not in rows
    assert senate["mae"] == pytest.approx((5 + 5 + 20) / 3) and senate["coverage90"] == pytest.approx(1 / 3)
    nat = {r["name"]: r for r in national["parties"]}
    assert nat["other lists"]["actual"] == 0 and nat["other lists"]["party"] is None
    assert set(nat) == {"Partido Alfa", "other lists", "Beta Unida"}  # Beta Unida: no list in this part
    assert national["mae"] == pytest.approx((2 + 3 + 5) / 3) and national["coverage90"] == pytest.approx(
        2 / 3
    )
    assert deputies["mae"] == 0 and deputies["coverage90"] == 1


def test_the_2026_first_round_is_a_backtest(cli_json):
    data = cli_json("backtest", "--election", "peru-2026", "--sims", "400", "--seed", "2")
    assert data["cutoff"] == "2026-04-05" and data["reference_mae"] is None
    model = data["scores"][0]
    # Scored on the nine tickets the official 2026 figures give (all those with >= 3%).
    assert {c["actual"] for c in model["candidates"]} == {r.share for r in official_first_round(2026)}
    assert len(model["candidates"]) == 9
    errors = [abs(c["predicted"] - c["actual"]) for c in model["candidates"]]
    assert model["mae"] == pytest.approx(sum(errors) / 9)
    assert [s["method"] for s in data["scores"]][:3] == ["model", "plain_average", "last_polls"]
    chambers = data["seats"]["chambers"]
    assert [(c["chamber"], c["seats"]) for c in chambers] == [
        ("senate", 60),
        ("senate-national", 30),
        ("senate-districts", 30),
        ("deputies", 130),
    ]
    for c in chambers:
        assert set(c) == {"chamber", "seats", "mae", "coverage90", "parties"}
        assert set(c["parties"][0]) == {"name", "party", "mean_seats", "p05", "p95", "actual"}
        assert sum(r["actual"] for r in c["parties"]) == c["seats"]  # every seat winner is scored
        assert c["mae"] == pytest.approx(
            sum(abs(r["mean_seats"] - r["actual"]) for r in c["parties"]) / len(c["parties"])
        )
    deputies = {r["party"]: r["actual"] for r in chambers[3]["parties"] if r["party"]}
    assert deputies["Partido del Buen Gobierno"] == 18  # the list of Jorge Nieto, through his ticket


def test_the_2026_backtest_is_the_2026_forecast_scored():
    """Same calibration, same draws: the backtest scores exactly what ``curul forecast`` publishes."""
    result = run_backtest("peru-2026", sims=300, seed=1)
    forecast = run_forecast("peru-2026", sims=300, seed=1)
    assert result.forecast.as_dict() == forecast.as_dict()
    # 2026 is scored, not calibrated on: the 2016 and 2021 calibrations are as published.
    assert (
        "peru-2026" not in run_backtest("peru-2016", sims=200, congress=False).forecast.calibration.elections
    )
    seats = result.to_frame("seats")
    assert seats.index.names == ["chamber", "name"] and "party" in seats.columns
    html = result._repr_html_()
    assert "Chamber of Deputies (130) seats vs official" in html and "Senate national list (30)" in html
    assert "reference (public model)" not in html


def test_an_excluded_ticket_keeps_its_congress_list_when_its_list_ran():
    """JNE excluded César Acuña's presidential ticket on 9 March 2016, but Alianza para el Progreso's
    Congress lists stayed on the ballot: 1,125,682 votes and 9 seats (congress-2016-district-votes and
    -seats, JNE INFOgob); Todos por el Perú (Julio Guzmán, also excluded) has no Congress votes at all.
    elections.toml records which, and the 2016 backtest simulates APP's list and scores its 9 seats."""
    from curul.data import load
    from curul.forecast._elections import get_election

    votes: dict[str, int] = {}
    for row in load("congress-2016-district-votes").rows:
        votes[row.party] = votes.get(row.party, 0) + row.votes
    assert votes["ALIANZA PARA EL PROGRESO DEL PERU"] == 1_125_682 and votes["TODOS POR EL PERU"] == 0
    flags = {e.candidate: e.congress_list for e in get_election("peru-2016").exits}
    assert flags == {"Cesar Acuna": True, "Julio Guzman": False}

    result = run_backtest("peru-2016", sims=2_000, seed=1)
    (exited, share), *others = result.forecast.average.exited_lists_
    assert exited.name == "Cesar Acuna" and exited.party == "Alianza para el Progreso" and not others
    # His last polls before the exit (curul/forecast/polls/peru-2016-r1.csv, on the valid-vote scale):
    # 18.4 (CPI, 10 Jan) ... 7.3 (Ipsos, 18 Feb): the share is a weighted mean of them.
    assert 7.0 < share < 18.5
    assert result.seats is not None
    rows = {r["party"]: r for r in result.seats["parties"]}
    app = rows["ALIANZA PARA EL PROGRESO DEL PERU"]
    assert app["name"] == "Alianza para el Progreso" and app["actual"] == 9
    assert app["mean_seats"] > 3 and app["p05"] <= 9 <= app["p95"]


@pytest.mark.parametrize("year", [2016, 2021])
def test_the_congress_seat_table_names_each_list_as_the_official_data_do(year):
    """One spelling per table: every scored list that the official figures name carries that name
    (the Congress results of ``curul.elections``, else its ticket's party in presidential-first-rounds),
    and every official seat is scored once."""
    from curul.data import load
    from curul.elections import congress_results

    official = {p.party: p.seats for p in congress_results(year).parties}
    tickets = {r.party for r in load("presidential-first-rounds").rows if r.year == year}
    result = run_backtest(f"peru-{year}", sims=1_000, seed=2)
    assert result.seats is not None
    parties = [r["party"] for r in result.seats["parties"] if r["party"] is not None]
    assert parties and set(parties) <= set(official) | tickets
    assert len(parties) == len(set(parties))
    scored = {r["party"]: r["actual"] for r in result.seats["parties"] if r["actual"]}
    assert scored == {p: s for p, s in official.items() if s}
    text = str(result.report())
    assert all(p in text for p in parties)
