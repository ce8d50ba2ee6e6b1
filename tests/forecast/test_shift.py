"""Shifting a candidate's poll average ("what if she polled two points higher"): the shifted share is
the old one plus the points, everyone else keeps their ratios to one another and the total stays 100;
the forecast run on it moves the right way; a name not polled or a share pushed out of range is
refused naming ``shift``."""

from __future__ import annotations

import numpy as np
import pytest

from curul.errors import ArgumentError
from curul.forecast import bundled_rows, get_election, run_forecast
from curul.forecast._average import MAX_SHIFTED, fit_average


@pytest.fixture(scope="module")
def average():
    election = get_election("peru-2026")
    return fit_average(election, bundled_rows("peru-2026"), election.default_cutoff)


def test_the_shifted_share_moves_by_the_points_and_the_rest_keeps_its_ratios(average):
    names = [c.name for c in average.candidates_]
    i = names.index("Keiko Fujimori")
    moved = average.shifted({"keiko fujimori": 2.5})  # matched as the polls spell it, case ignored
    assert moved.shares_[i] == pytest.approx(average.shares_[i] + 2.5)
    before = np.append(np.delete(average.shares_, i), average.others_)
    after = np.append(np.delete(moved.shares_, i), moved.others_)
    # Independent check: every other share is scaled by the same factor, (100 - new) / (100 - old).
    factor = (100 - moved.shares_[i]) / (100 - average.shares_[i])
    assert after == pytest.approx(before * factor)
    assert moved.shares_.sum() + moved.others_ == pytest.approx(100.0)
    assert average.shares_[i] == pytest.approx(moved.shares_[i] - 2.5)  # the original is untouched


def test_a_forecast_on_a_shifted_average_moves_the_candidate(average):
    base = run_forecast("peru-2026", sims=400, seed=3, congress=False)
    up = run_forecast("peru-2026", sims=400, seed=3, congress=False, shift={"Rafael Lopez Aliaga": 6})
    before = {c.name: c for c in base.candidates}
    after = {c.name: c for c in up.candidates}
    name = "Rafael Lopez Aliaga"
    assert after[name].average == pytest.approx(before[name].average + 6)
    assert after[name].mean > before[name].mean and after[name].p_win > before[name].p_win
    assert up.as_dict()["shift"] == {name: 6.0} and base.as_dict()["shift"] == {}


@pytest.mark.parametrize(
    ("shift", "problem"),
    [({"Nobody Polled": 1.0}, "not a candidate"), ({"Keiko Fujimori": MAX_SHIFTED}, "outside")],
)
def test_a_bad_shift_is_refused_naming_the_argument(average, shift, problem):
    with pytest.raises(ArgumentError) as caught:
        average.shifted(shift)
    assert caught.value.argument == "shift" and problem in str(caught.value)
