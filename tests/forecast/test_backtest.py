import pytest

from curul.forecast import run_backtest
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
