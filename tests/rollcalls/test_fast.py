"""The fast roll-call models against the previous implementation, kept as the reference: the Newton
ideal-point fit against EM + L-BFGS, the batched Fourier count laws against the voter-by-voter
convolution, the batched predictions against the one-vote-at-a-time path; and the model cache."""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from curul.rollcalls import IdealPoints, MotionModel
from curul.rollcalls._laws import batch_laws
from curul.rollcalls._reference import count_distributions, reference_predict_vote, reference_vote_params

# Stated tolerance: positions (unit variance) within 0.002 and P(yes) within 0.005 of the reference;
# predictions from the same fitted model within 1e-9 (the laws are exact to rounding).
POSITION_TOL, PROBABILITY_TOL, PREDICTION_TOL = 2e-3, 5e-3, 1e-9


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.tuples(st.floats(0, 1), st.floats(0, 1)), min_size=1, max_size=12),
    st.integers(1, 3),
    st.randoms(use_true_random=False),
)
def test_fourier_laws_equal_the_convolution(voters, components, rnd):
    p = np.array([[rnd.random() if k else q for q, _ in voters] for k in range(components)])
    a = np.array([b for _, b in voters])
    yes, margin = count_distributions(p, a)
    fast_yes, fast_margin = batch_laws(p, a, np.ones((1, len(voters))))
    assert fast_yes[0] == pytest.approx(yes.mean(axis=0), abs=1e-12)
    assert fast_margin[0] == pytest.approx(margin.mean(axis=0), abs=1e-12)


def test_newton_fit_equals_the_reference_on_real_votes(rollcalls):
    # the first half-year of the 2021-2026 Congress (232 votes, 135 members)
    window = rollcalls.between(dt.date(2021, 7, 1), dt.date(2022, 1, 1))
    ref = IdealPoints(method="lbfgs").fit(window)
    fast = IdealPoints().fit(window)
    assert list(fast.members_) == list(ref.members_) and fast.pole_ == ref.pole_
    assert np.abs(fast.x_ - ref.x_).max() < POSITION_TOL
    assert np.abs(fast.probabilities() - ref.probabilities()).max() < PROBABILITY_TOL


def _log_posterior(model: IdealPoints, rc) -> float:
    from curul.rollcalls._ideal import vote_matrix

    y, members, votes = vote_matrix(rc)
    rows = np.searchsorted(members, model.members_)
    cols = [list(votes).index(v) for v in model.votes_]
    y = y[np.ix_(rows, cols)]
    seen, p = ~np.isnan(y), model.probabilities()
    return float(np.log(np.where(y[seen] == 1, p[seen], 1 - p[seen])).sum())


def test_two_dimensions_reach_at_least_the_reference_likelihood(rollcalls):
    window = rollcalls.between(dt.date(2021, 7, 1), dt.date(2022, 1, 1))
    ref = IdealPoints(dims=2, method="lbfgs").fit(window)
    fast = IdealPoints(dims=2).fit(window)
    # L-BFGS stops on its iteration limit here; the Newton fit converges to a higher likelihood
    assert _log_posterior(fast, window) >= _log_posterior(ref, window) - 1e-6


def test_batched_predictions_equal_the_reference(rollcalls):
    model = MotionModel(basis="groups").fit(rollcalls, before=dt.date(2023, 1, 1))
    votes = list(rollcalls.between(dt.date(2023, 1, 1), dt.date(2023, 2, 1)).votes["vote_id"])[:16]
    thresholds = [None, 66] * (len(votes) // 2)
    fast = model.predict_votes(rollcalls, votes, thresholds)
    for vid, threshold, got in zip(votes, thresholds, fast, strict=True):
        want = reference_predict_vote(model, rollcalls, vid, threshold).as_dict()
        for key, value in got.as_dict().items():
            if isinstance(value, float):
                assert value == pytest.approx(want[key], abs=PREDICTION_TOL), key
            else:
                assert value == want[key], key


def test_one_and_two_dimensions_point_the_same_way(rollcalls):
    one = IdealPoints().fit(rollcalls)
    two = IdealPoints(dims=2).fit(rollcalls)
    assert one.pole_ == two.pole_ == "FP"  # Fuerza Popular: the largest group of 2021-2026
    assert np.corrcoef(one.x_[:, 0], two.x_[:, 0])[0, 1] > 0.9


def test_a_fitted_model_is_kept_and_reused(rollcalls, tmp_path, monkeypatch):
    monkeypatch.setenv("CURUL_CACHE_DIR", str(tmp_path))
    day = dt.date(2022, 3, 14)
    first = MotionModel().fit(rollcalls, before=day, cache=True)
    [manifest] = (tmp_path / "models").glob("*.json")
    meta = json.loads(manifest.read_text())
    assert meta["format"] == 1 and meta["checksum"] == rollcalls.checksum()
    calls: list[float] = []
    again = MotionModel().fit(rollcalls, before=day, cache=True, progress=calls.append)
    assert calls == []  # read, not fitted
    vid = "2022-03-14T12-38"
    assert again.predict_vote(rollcalls, vid, 50) == first.predict_vote(rollcalls, vid, 50)
    # a tampered array file no longer matches its manifest: the model is fitted again
    blob = manifest.with_suffix(".npz")
    blob.write_bytes(blob.read_bytes()[:-10])
    MotionModel().fit(rollcalls, before=day, cache=True, progress=calls.append)
    assert calls and calls[-1] == pytest.approx(1.0)


def test_ballot_codes_equal_the_name_lookups(rollcalls):
    import pandas as pd

    from curul.rollcalls._codes import ballot_codes
    from curul.rollcalls._ideal import last_groups, vote_matrix

    # the previous computation: names sorted, looked up row by row (pandas), last ballot by date
    window = rollcalls.between(None, dt.date(2023, 1, 1))
    for rc in (rollcalls, window):
        b = rc.ballots[rc.ballots["category"].isin(("yes", "no"))]
        members = np.array(sorted(rc.ballots["member"].unique()))
        y = np.full((len(members), rc.n_votes), np.nan)
        at = pd.Series(np.arange(rc.n_votes), index=rc.votes["vote_id"].to_numpy())
        y[
            np.searchsorted(members, b["member"].to_numpy()), at.reindex(b["vote_id"].to_numpy()).to_numpy()
        ] = (b["category"] == "yes").to_numpy()
        got, got_members, _ = vote_matrix(rc)
        assert np.array_equal(got, y, equal_nan=True) and list(got_members) == list(members)
        order = at.reindex(rc.ballots["vote_id"].to_numpy()).to_numpy()
        last = rc.ballots.iloc[np.lexsort((np.arange(len(rc.ballots)), order))].drop_duplicates(
            "member", keep="last"
        )
        assert last_groups(rc) == dict(zip(last["member"], last["group"].astype(str), strict=True))
    # a window's codes, derived from its parent's, equal the codes computed afresh
    fresh = ballot_codes(rollcalls.between(None, dt.date(2023, 1, 1)).__class__(*[
        getattr(window, f) for f in ("votes", "ballots", "groups", "contradictions", "source")
    ]))  # fmt: skip
    derived = ballot_codes(window)
    for name in ("members", "groups", "member", "vote", "group", "category"):
        assert np.array_equal(getattr(fresh, name), getattr(derived, name)), name


@pytest.mark.parametrize("dims", [1, 2])
def test_vote_parameters_equal_the_all_votes_newton_steps(rollcalls, dims):
    # the same positions: the votes' modes, each iterated on its own from the ideal fit's (α, β),
    # equal the previous steps on every vote together from 0, on every vote of a real year
    window = rollcalls.between(dt.date(2021, 7, 1), dt.date(2022, 7, 1))
    fast = MotionModel(dims=dims).fit(window)
    ref = reference_vote_params(fast.position_, window, dims, fast.ideal_.prior_var)
    columns = ["alpha"] + [f"beta{k + 1}" for k in range(dims)]
    got = fast.params_[columns].to_numpy()
    assert got.shape == ref.shape == (window.n_votes, dims + 1)
    assert np.abs(got - ref).max() < 1e-6
    assert (np.abs(ref[:, 0]) > 1).any()  # lopsided votes are among them, not only contested ones


def test_motion_fit_equals_the_reference(rollcalls):
    window = rollcalls.between(dt.date(2021, 7, 1), dt.date(2022, 1, 1))
    day = dt.date(2021, 12, 1)
    ref = MotionModel(method="lbfgs").fit(window, before=day)
    fast = MotionModel().fit(window, before=day)
    assert fast.abstain_ == ref.abstain_
    members = list(fast.position_)
    groups = ["" for _ in members]
    for kind in ("bill", "procedural", "control"):
        p_fast, _ = fast.p_yes(members, groups, kind)
        p_ref, _ = ref.p_yes(members, groups, kind)
        assert np.abs(p_fast - p_ref).max() < PROBABILITY_TOL, kind


def test_a_ballot_without_a_category_is_refused_not_counted(rollcalls):
    from curul.errors import CurulError
    from curul.rollcalls._codes import ballot_codes

    window = rollcalls.between(None, dt.date(2021, 9, 1))
    ballots = window.ballots.copy()
    ballots.loc[ballots.index[5], "category"] = np.nan  # a frame built by hand, not by the reader
    fields = {f: getattr(window, f) for f in ("votes", "groups", "contradictions", "source")}
    broken = window.__class__(
        fields["votes"], ballots, fields["groups"], fields["contradictions"], fields["source"]
    )
    with pytest.raises(CurulError, match="ballot row 5: category nan is not one of yes, no"):
        ballot_codes(broken)
