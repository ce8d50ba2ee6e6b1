import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from curul.forecast import ErrorModel, draw_first_round, simulate_presidential
from curul.forecast._model import calibrate_scale, draw_first_round_loop, fit_scale


def test_vectorised_draws_equal_the_per_draw_loop():
    shares, error = np.array([30.0, 20.0, 12.0, 3.0]), ErrorModel(scale=0.12, df=4)
    fast = draw_first_round(shares, 35.0, error, 500, np.random.default_rng(7))
    slow = draw_first_round_loop(shares, 35.0, error, 500, np.random.default_rng(7))
    np.testing.assert_allclose(fast, slow, rtol=1e-9, atol=1e-9)


@settings(max_examples=25, deadline=None)
@given(
    st.lists(st.floats(0.5, 40.0), min_size=2, max_size=8),
    st.floats(0.02, 0.2),
    st.integers(0, 10_000),
)
def test_draws_are_valid_vote_shares(shares, scale, seed):
    shares = np.array(shares)
    others = max(100.0 - shares.sum(), 1.0)
    sims = simulate_presidential(
        [f"c{i}" for i in range(len(shares))],
        shares,
        others,
        ErrorModel(scale=scale),
        300,
        np.random.default_rng(seed),
    )
    assert np.allclose(sims.first.sum(axis=1), 100.0)
    assert (sims.first >= 0).all()
    assert ((sims.runoff_share >= 0) & (sims.runoff_share <= 100)).all()
    # The winner is always a finalist (or won outright with > 50%).
    outright = sims.finalists[:, 0] == -1
    top = sims.first[:, : len(shares)].max(axis=1)
    assert (top[outright] > 50).all()
    runoff = sims.finalists[~outright]
    assert ((sims.winner[~outright] == runoff[:, 0]) | (sims.winner[~outright] == runoff[:, 1])).all()


def test_interval_coverage_is_nominal_on_elections_drawn_from_the_model():
    """Draw 400 'true' elections from the model; the model's own 90% intervals should hold ~90% of them."""
    shares, error = np.array([28.0, 18.0, 14.0, 9.0, 5.0]), ErrorModel(scale=0.12, df=4)
    truths = draw_first_round(shares, 26.0, error, 400, np.random.default_rng(1))
    forecast = draw_first_round(shares, 26.0, error, 40_000, np.random.default_rng(2))
    low, high = np.quantile(forecast, [0.05, 0.95], axis=0)
    inside = (truths >= low) & (truths <= high)
    assert inside.mean() == pytest.approx(0.90, abs=0.03)
    low80, high80 = np.quantile(forecast, [0.10, 0.90], axis=0)
    assert ((truths >= low80) & (truths <= high80)).mean() == pytest.approx(0.80, abs=0.04)


def test_calibrated_scale_reproduces_the_error_variance():
    rng = np.random.default_rng(5)
    p = rng.uniform(3, 40, 4000)
    actual = p + 100 * 0.1 * np.sqrt(p / 100 * (1 - p / 100)) * rng.standard_normal(p.size)
    assert calibrate_scale(list(zip(p, actual, strict=True))) == pytest.approx(0.1, rel=0.05)


def test_fitted_scale_recovers_the_scale_of_elections_drawn_from_the_model():
    """Elections whose standardised errors share one chi-square divisor (t, 4 df, SD-equivalent 0.1)."""
    rng = np.random.default_rng(11)
    elections = []
    for _ in range(600):
        p = rng.uniform(3, 40, 6)
        t = 0.1 * np.sqrt(2 / 4) * rng.standard_normal(6) / np.sqrt(rng.chisquare(4) / 4)
        elections.append(list(zip(p, p + 100 * t * np.sqrt(p / 100 * (1 - p / 100)), strict=True)))
    assert fit_scale(elections, df=4) == pytest.approx(0.1, rel=0.06)
    # Without tails (df = inf) it is the pooled moment estimate.
    assert fit_scale(elections[:5], df=float("inf")) == calibrate_scale([x for e in elections[:5] for x in e])


@pytest.mark.parametrize("exponent", [0.5, 1.0])
def test_the_scale_is_recovered_for_either_error_shape(exponent):
    """Absolute SD k p^(1-g) (1-p)^g: g = 0.5 is binomial-like, g = 1 gives small candidates more room."""
    rng = np.random.default_rng(12)
    elections = []
    for _ in range(400):
        p = rng.uniform(2, 40, 6) / 100
        spread = p ** (1 - exponent) * (1 - p) ** exponent
        t = 0.08 * np.sqrt(2 / 4) * rng.standard_normal(6) / np.sqrt(rng.chisquare(4) / 4)
        elections.append(list(zip(100 * p, 100 * (p + t * spread), strict=True)))
    assert fit_scale(elections, df=4, exponent=exponent) == pytest.approx(0.08, rel=0.08)
    other = 1.5 - exponent  # the wrong shape fits a visibly different scale
    assert fit_scale(elections, df=4, exponent=other) != pytest.approx(0.08, rel=0.15)
    # ErrorModel uses the same shape: its log SD is k ((1-p)/p)^g (t-rescaled).
    model = ErrorModel(scale=0.08, df=float("inf"), exponent=exponent)
    assert model.log_sd(np.array([10.0]))[0] == pytest.approx(0.08 * (0.9 / 0.1) ** exponent)


def test_head_to_head_polls_replace_the_transfer_model():
    shares, names = np.array([40.0, 30.0, 5.0]), ["A", "B", "C"]
    rng = np.random.default_rng(0)
    sims = simulate_presidential(
        names, shares, 25.0, ErrorModel(scale=0.01), 2000, rng, head_to_head={frozenset("AB"): ("B", 60.0)}
    )
    pair = (sims.finalists == [0, 1]).all(axis=1)
    assert pair.mean() > 0.99
    assert np.mean(100 - sims.runoff_share[pair]) == pytest.approx(60.0, abs=0.5)
    assert np.mean(sims.winner[pair] == 1) > 0.99


def test_whole_pipeline_coverage_on_synthetic_elections():
    """Elections drawn from the model, polled by biased pollsters: fit, simulate, check the 90% intervals.

    Each synthetic result is one draw of the error model around the true poll level; four pollsters with
    known house effects (summing to zero) field four waves each with binomial noise; the average must
    remove the house effects and the simulation's intervals must then hold about 90% of the results.
    """
    from datetime import date, timedelta

    from curul.forecast import PollAverage, group_polls, parse_polls
    from curul.forecast._polls import COLUMNS

    level = {"A": 30.0, "B": 22.0, "C": 15.0, "D": 8.0, "E": 5.0}
    house = {
        "P1": [1.5, -1.0, 0.0, -0.5, 0.0],
        "P2": [-1.5, 1.0, 0.5, 0.0, 0.0],
        "P3": [0.5, 0.0, -1.0, 0.5, 0.0],
        "P4": [-0.5, 0.0, 0.5, 0.0, 0.0],
    }
    error = ErrorModel(scale=0.1, df=4)
    rng = np.random.default_rng(2024)
    cutoff = date(2030, 4, 1)
    inside, total = 0, 0
    for _ in range(150):
        result = draw_first_round(np.array(list(level.values())), 20.0, error, 1, rng)[0]
        lines = [",".join(COLUMNS)]
        for p, bias in house.items():
            for wave in range(4):
                day = cutoff - timedelta(days=3 + 6 * wave + int(p[1]))
                for (name, share), b in zip(level.items(), bias, strict=True):
                    value = rng.binomial(1500, (share + b) / 100) / 15
                    lines.append(
                        f"x,1,{p},simulated_ballot,,{day},,1500,,valid_votes,candidate,{name},,{value:.2f},s,"
                    )
        polls = group_polls(parse_polls("\n".join(lines) + "\n"))
        avg = PollAverage(trend_damping=0.0).fit(polls, cutoff)
        draws = draw_first_round(avg.shares_, avg.others_, error, 4000, rng, avg.se_)
        low, high = np.quantile(draws[:, :5], [0.05, 0.95], axis=0)
        order = [list(level).index(c.name) for c in avg.candidates_]
        truth = result[order]
        inside += int(np.sum((truth >= low) & (truth <= high)))
        total += len(order)
    coverage = inside / total
    assert coverage == pytest.approx(0.90, abs=0.05), coverage


def _t_elections(rng, scales, candidates=6, extra=None):
    """Elections drawn from the shared-divisor t (4 df) with SD-equivalent scale scales[e] and, when
    given, a known extra SD per candidate (points) added in quadrature."""
    out = []
    for k in scales:
        p = rng.uniform(3, 40, candidates)
        spread = 100 * np.sqrt(p / 100 * (1 - p / 100))
        m = np.zeros(candidates) if extra is None else extra(rng, candidates)
        sd = np.sqrt((k * spread) ** 2 + m**2)
        err = sd * np.sqrt(2 / 4) * rng.standard_normal(candidates) / np.sqrt(rng.chisquare(4) / 4)
        out.append(list(zip(p, p + err, m, strict=True)) if extra else list(zip(p, p + err, strict=True)))
    return out


def test_fit_scale_recovers_k_net_of_a_known_extra_error():
    """With each candidate's extra SD given, the fit returns the scale beyond it; ignoring it inflates k."""
    rng = np.random.default_rng(21)
    elections = _t_elections(rng, [0.08] * 600, extra=lambda r, n: r.uniform(0.5, 3.0, n))
    assert fit_scale(elections, df=4) == pytest.approx(0.08, rel=0.08)
    without = [[(p, a) for p, a, _ in e] for e in elections]
    assert fit_scale(without, df=4) > 0.08 * 1.15
    # A zero extra is the plain fit.
    zero = [[(p, a, 0.0) for p, a in e] for e in without]
    assert fit_scale(zero, df=4) == pytest.approx(fit_scale(without, df=4), rel=1e-9)


def test_undecided_fit_recovers_a_known_slope_and_prefers_the_true_form():
    """k_e = c u_e with c = 0.005: the proportional fit finds c and beats the constant scale; on
    elections with one scale whatever their u, the constant model is preferred (b = 0 or near it)."""
    from curul.forecast._model import fit_undecided_scale

    rng = np.random.default_rng(22)
    undecided = rng.uniform(8, 40, 500)
    elections = _t_elections(rng, 0.005 * undecided)
    fit = fit_undecided_scale(elections, undecided, df=4)
    assert fit.proportional[0] == pytest.approx(0.005, rel=0.08)
    assert fit.proportional[1] > fit.constant[1] + 10
    assert fit.scale_for("proportional", 30.0) == pytest.approx(0.15, rel=0.08)
    flat = _t_elections(rng, [0.1] * 500)
    fit = fit_undecided_scale(flat, undecided, df=4)
    assert fit.constant[1] > fit.proportional[1] + 10
    assert fit.linear[2] - fit.constant[1] < 3  # one extra parameter buys next to nothing
    assert fit.scale_for("constant", 30.0) == pytest.approx(0.1, rel=0.08)
