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
