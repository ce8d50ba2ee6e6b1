"""curul in a notebook: results show as HTML tables and convert to DataFrames, across the packages."""

from __future__ import annotations

import pandas as pd
import pytest

from curul.elections import allocate, allocate_official
from curul.forecast import run_forecast
from curul.history import replay_history


def test_an_allocation_renders_and_converts():
    result = allocate_official("peru-2016")
    frame = result.to_frame()
    assert isinstance(frame, pd.DataFrame)
    assert frame.loc["FUERZA POPULAR", "seats"] == 73  # JNE INFOgob: 73 seats in 2016
    html = result._repr_html_()
    assert html.startswith('<div class="curul-report">') and "<table" in html and "FUERZA POPULAR" in html
    plain = allocate({"A": 100, "B": 60, "C": 25}, 5)  # quotients 100, 60, 50, 33.3, 30: A 3, B 2
    assert plain.to_frame()["seats"].to_dict() == {"A": 3, "B": 2, "C": 0}
    assert "<table" in plain._repr_html_()


def test_a_trace_renders_and_converts():
    trace = replay_history().trace
    frame = trace.to_frame()
    assert {"date", "rule", "article", "text"} <= set(frame.columns)
    censure = frame[frame["text"].str.contains("Censure of José Jerí", regex=False)]
    assert not censure.empty and set(censure["rule"]) == {"R15"}
    html = trace._repr_html_()
    assert "<table" in html and "Censure of José Jerí" in html


def test_a_forecast_renders_and_converts():
    forecast = run_forecast("peru-2026", sims=300, seed=1, congress=False)
    frame = forecast.to_frame()
    assert frame["p_win"].sum() == pytest.approx(1)  # each simulated election has one winner
    assert frame["p_win"].between(0, 1).all() and len(frame) >= 9
    html = forecast._repr_html_()
    assert "<table" in html and "Keiko Fujimori" in html
