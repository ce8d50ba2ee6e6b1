"""The forecast as a result: the JSON keys, its tables as frames, its report (terminal and notebook),
its chart, and the argument errors of a run (named by argument, not by option)."""

from __future__ import annotations

import pytest

from curul.errors import ArgumentError
from curul.forecast import Forecast, check_sims, get_election, run_forecast
from curul.report import Table

JSON_KEYS = {
    "election",
    "cutoff",
    "sims",
    "seed",
    "candidates",
    "runoff_pairs",
    "parties",
    "blocs",
    "calibration",
    "congress_sims",
    "shift",
}


@pytest.fixture(scope="module")
def forecast() -> Forecast:
    return run_forecast(
        "peru-2026", sims=300, seed=1, blocs={"FP+RP": ["Fuerza Popular", "Renovacion Popular"]}
    )


def test_as_dict_has_the_documented_keys_and_as_json_is_the_same(forecast):
    data = forecast.as_dict()
    assert set(data) == JSON_KEYS
    assert forecast.as_json() == data
    assert set(data["candidates"][0]) == {
        "name",
        "party",
        "mean",
        "p05",
        "p10",
        "p90",
        "p95",
        "p_runoff",
        "p_win",
    }
    assert set(data["blocs"][0]) == {"name", "chamber", "parties", "mean_seats", "p_majority", "p_two_thirds"}
    assert data["cutoff"] == "2026-04-05" and data["congress_sims"] == 300


def test_a_notebook_shows_the_forecast_as_html_and_frames(forecast):
    html = forecast._repr_html_()
    assert html.startswith('<div class="curul-report">')
    assert "peru-2026: polls published to 2026-04-05, 300 simulations" in html
    assert "likeliest runoffs" in html and "Congress: seats per party" in html
    assert html.count("<table") == 3
    first = forecast.candidates[0]
    assert f'<td style="text-align:left">{first.name}</td>' in html
    frame = forecast.to_frame()
    assert list(frame.index) == [c.name for c in forecast.candidates]
    assert list(frame.columns) == [
        "party",
        "average",
        "mean",
        "p05",
        "p10",
        "p90",
        "p95",
        "p_runoff",
        "p_win",
    ]
    assert frame.loc[first.name, "mean"] == first.mean and frame.loc[first.name, "p_win"] == first.p_win
    assert frame["p_win"].sum() == pytest.approx(sum(c.p_win for c in forecast.candidates))


def test_the_other_tables_as_frames(forecast):
    parties = forecast.to_frame("parties")
    assert parties.index.names == ["chamber", "name"]
    assert parties.loc["deputies"]["mean_seats"].sum() == pytest.approx(130)
    assert len(parties) == len(forecast.parties)
    pairs = forecast.to_frame("runoff_pairs")
    assert list(pairs.columns) == ["first", "second", "p"] and len(pairs) == len(forecast.runoff_pairs)
    blocs = forecast.to_frame("blocs")
    assert list(blocs.index) == ["FP+RP"] and blocs.loc["FP+RP", "p_majority"] == forecast.blocs[0].p_majority
    with pytest.raises(ArgumentError) as caught:
        forecast.to_frame("seats")  # type: ignore[arg-type]
    assert caught.value.argument == "table"


def test_the_report_ends_with_the_calibration_and_the_chart_file(forecast):
    text = forecast.report().to_text()
    assert text.splitlines()[-1] == forecast.calibration.describe()
    assert "FP+RP (deputies): P(≥ 66) = " in text
    assert f"Congress simulated on {forecast.congress_sims:,} draws" in text
    lines = forecast.report(chart="out.svg").to_text().splitlines()
    assert lines[-1] == forecast.calibration.describe() + "; chart written to out.svg"
    # The report lists at most six runoff pairs, the JSON all ten.
    assert len(forecast.runoff_pairs) == 10
    pairs = forecast.report().blocks[1]
    assert isinstance(pairs, Table) and pairs.title == "likeliest runoffs" and len(pairs.rows) == 6


def test_the_chart_is_drawn_from_the_draws(forecast):
    png = forecast.chart("png")
    assert isinstance(png, bytes) and png.startswith(b"\x89PNG")
    svg = forecast.chart("svg", top=3)
    assert isinstance(svg, str)
    top = sorted(forecast.candidates, key=lambda c: -c.mean)[:4]
    for c in top[:3]:
        assert f"{c.name} ({c.p_win:.0%} win)" in svg
    assert f"{top[3].name} (" not in svg


def test_argument_errors_name_the_argument():
    with pytest.raises(ArgumentError) as caught:
        check_sims(99)
    assert (caught.value.argument, caught.value.naming("sims")) == (
        "sims",
        "sims: 99 is too few (at least 100)",
    )
    assert check_sims(100) == 100
    with pytest.raises(ArgumentError) as caught:
        run_forecast("peru-1990")
    assert caught.value.argument == "election"
    with pytest.raises(ArgumentError) as caught:
        run_forecast("peru-2026", cutoff=get_election("peru-2026").first_round.replace(year=2020), sims=100)
    assert caught.value.argument == "cutoff"
    assert "no first-round polls of peru-2026 published by 2020-04-12" in str(caught.value)


def test_simulation_steps_count_the_draws_of_each_chamber():
    assert get_election("peru-2026").simulation_steps(1000) == 3000  # presidential, Senate, Deputies
    assert get_election("peru-2021").simulation_steps(1000) == 2000
    assert get_election("peru-2026").simulation_steps(1000, congress=False) == 1000
