from datetime import date, timedelta

import numpy as np
import pytest

from curul.forecast import PollAverage, group_polls, parse_polls
from curul.forecast._polls import COLUMNS

TRUTH = {"Ana": 30.0, "Beto": 20.0, "Cira": 10.0}
BIAS = {  # pollster -> candidate -> bias in points of valid votes (each candidate's biases sum to 0)
    "P1": {"Ana": 2.0, "Beto": -1.0, "Cira": 0.0},
    "P2": {"Ana": -1.0, "Beto": 1.0, "Cira": 1.0},
    "P3": {"Ana": -1.0, "Beto": 0.0, "Cira": -1.0},
}


def _synthetic_polls(seed: int, n: int = 3000):
    """Weekly polls per pollster for 10 weeks; truth constant; sampling noise of n respondents."""
    rng = np.random.default_rng(seed)
    lines = [",".join(COLUMNS)]
    start = date(2030, 1, 1)
    for week in range(10):
        for offset, (pollster, bias) in enumerate(BIAS.items()):
            day = start + timedelta(days=7 * week + offset * 2)
            for name, share in TRUTH.items():
                value = rng.binomial(n, (share + bias[name]) / 100) / n * 100
                lines.append(
                    f"test,1,{pollster},simulated_ballot,,{day},,{n},,valid_votes,candidate,{name},,"
                    f"{value:.2f},synthetic,"
                )
    return group_polls(parse_polls("\n".join(lines) + "\n"))


@pytest.mark.parametrize("seed", [1, 2])
def test_house_effects_recovered_from_synthetic_polls(seed):
    polls = _synthetic_polls(seed)
    model = PollAverage(half_life=30.0, shrinkage=0.1, trend_damping=0.0).fit(polls, date(2030, 3, 20))
    for pollster, biases in BIAS.items():
        for name, bias in biases.items():
            assert model.house_effects_[pollster][name.upper()] == pytest.approx(bias, abs=0.6)
    average = dict(zip((c.name for c in model.candidates_), model.shares_, strict=True))
    for name, share in TRUTH.items():
        assert average[name] == pytest.approx(share, abs=0.6)


def test_without_house_effects_a_lone_biased_pollster_moves_the_average():
    polls = [p for p in _synthetic_polls(3) if p.pollster in ("P1", "P2")]
    plain = PollAverage(house_effects=False, trend_damping=0.0).fit(polls, date(2030, 3, 20))
    adjusted = PollAverage(house_effects=True, shrinkage=0.1, trend_damping=0.0).fit(polls, date(2030, 3, 20))
    # With two pollsters, centring splits their gap: both averages sit near the mean of the two biases.
    assert plain.shares_[0] == pytest.approx(30.5, abs=0.6)
    assert adjusted.shares_[0] == pytest.approx(30.5, abs=0.6)
    assert adjusted.house_effects_["P1"]["ANA"] == pytest.approx(1.5, abs=0.6)


def test_exited_candidates_are_dropped_and_their_voters_spread():
    from curul.forecast import bundled_rows, get_election

    election = get_election("peru-2016")
    polls = [
        p for p in group_polls(bundled_rows("peru-2016")) if p.publication_date <= election.default_cutoff
    ]
    model = PollAverage(exits=election.exits).fit(polls, election.default_cutoff)
    names = {c.name for c in model.candidates_}
    assert "Julio Guzman" not in names and "Cesar Acuna" not in names
    assert {"Keiko Fujimori", "Pedro Pablo Kuczynski", "Veronika Mendoza"} <= names
    assert model.shares_.sum() + model.others_ == pytest.approx(100.0)


def test_trend_projection_error_grows_with_noise_and_horizon():
    """The slope's standard error times the distance to the vote: zero for a noiseless line, larger
    for noisier polls and for a farther election day; the point forecast does not depend on it."""
    from curul.forecast._average import _slope_fit

    ages = np.arange(0.0, 28.0, 2.0)
    size = np.ones_like(ages)
    line = 20.0 - 0.1 * ages  # rising 0.1 point a day toward the present
    slope, se = _slope_fit(ages, line, size, 21.0)
    assert slope == pytest.approx(0.1) and se == pytest.approx(0.0, abs=1e-12)
    rng = np.random.default_rng(3)
    noise = rng.standard_normal(ages.size)
    _, se1 = _slope_fit(ages, line + noise, size, 21.0)
    _, se2 = _slope_fit(ages, line + 2 * noise, size, 21.0)
    assert se1 > 0 and se2 == pytest.approx(2 * se1)
    # Unweighted check against the textbook OLS formula (half-life huge: equal weights).
    _, se_ols = _slope_fit(ages, line + noise, size, 1e12)
    t = -ages
    fitted = np.polyfit(t, line + noise, 1)
    resid = line + noise - np.polyval(fitted, t)
    expected = np.sqrt(resid @ resid / (ages.size - 2) / np.sum((t - t.mean()) ** 2))
    assert se_ols == pytest.approx(expected, rel=1e-9)

    polls = _synthetic_polls(1)
    near = PollAverage().fit(polls, date(2030, 3, 10), target=date(2030, 3, 17))
    far = PollAverage().fit(polls, date(2030, 3, 10), target=date(2030, 4, 10))
    assert (far.trend_se_ >= near.trend_se_).all() and (far.trend_se_ > near.trend_se_).any()
    flat = PollAverage(trend_damping=0.0).fit(polls, date(2030, 3, 10), target=date(2030, 3, 17))
    np.testing.assert_allclose(flat.trend_se_, near.trend_se_)
    assert (flat.trend_ == 0).all()
