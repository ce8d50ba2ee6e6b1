"""Ideal points recover known positions from simulated votes; EM and L-BFGS reach the same mode."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from curul.errors import CurulError
from curul.rollcalls import IdealPoints, RollCalls


def simulated(n_members=60, n_votes=250, dims=1, seed=3):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n_members, dims))
    alpha = rng.normal(scale=0.7, size=n_votes)
    beta = rng.normal(scale=1.5, size=(n_votes, dims))
    p = 1 / 2 * (1 + np.vectorize(__import__("math").erf)((alpha + x @ beta.T) / np.sqrt(2)))
    yes = rng.random(p.shape) < p
    absent = rng.random(p.shape) < 0.1
    members = [f"m{i:03d}" for i in range(n_members)]
    vote_ids = [f"v{j:04d}" for j in range(n_votes)]
    cat = np.where(absent, "absent", np.where(yes, "yes", "no"))
    ballots = pd.DataFrame(
        {
            "vote_id": np.repeat(vote_ids, n_members),
            "group": "G",
            "member": members * n_votes,
            "ballot": "X",
            "category": pd.Categorical(cat.T.ravel()),
        }
    )
    votes = pd.DataFrame({"vote_id": vote_ids, "date": pd.Timestamp("2022-01-01"), "subject": "S"})
    return RollCalls(votes, ballots, {}, (), "simulated"), x


def test_recovers_simulated_positions():
    rc, truth = simulated()
    model = IdealPoints(anchor="m000").fit(rc)
    est = model.x_[:, 0]
    assert abs(np.corrcoef(est, truth[:, 0])[0, 1]) > 0.95
    assert est[0] > 0  # the anchor is on the positive side


def test_two_dimensions_recover_the_plane():
    rc, truth = simulated(dims=2, n_votes=400, seed=8)
    model = IdealPoints(dims=2, anchor="m000").fit(rc)
    # each true axis is well explained by a linear map of the two estimated axes
    design = np.hstack([np.ones((len(truth), 1)), model.x_])
    for k in range(2):
        coef, *_ = np.linalg.lstsq(design, truth[:, k], rcond=None)
        r2 = 1 - ((design @ coef - truth[:, k]) ** 2).sum() / ((truth[:, k] - truth[:, k].mean()) ** 2).sum()
        assert r2 > 0.85


def test_em_and_lbfgs_find_the_same_mode():
    rc, _ = simulated(n_members=40, n_votes=120, seed=5)
    fast = IdealPoints(anchor="m000").fit(rc)
    em = IdealPoints(anchor="m000", method="em", max_iter=5000, tol=1e-10).fit(rc)
    assert np.corrcoef(fast.x_[:, 0], em.x_[:, 0])[0, 1] > 0.999


def test_lopsided_votes_are_excluded():
    rc, _ = simulated(n_members=40, n_votes=100)
    # make the first 10 votes unanimous
    first = rc.ballots["vote_id"].isin([f"v{j:04d}" for j in range(10)])
    cats = rc.ballots["category"].astype(str).where(~first, "yes")
    rc = RollCalls(rc.votes, rc.ballots.assign(category=pd.Categorical(cats)), {}, (), "s")
    model = IdealPoints().fit(rc)
    assert model.excluded_lopsided_ >= 10
    assert not set(model.votes_) & {f"v{j:04d}" for j in range(10)}


def test_unknown_anchor_is_a_user_error():
    rc, _ = simulated(n_members=20, n_votes=60)
    with pytest.raises(CurulError, match="anchor"):
        IdealPoints(anchor="nobody").fit(rc)


def test_real_data_window_runs(rollcalls):
    import datetime as dt

    window = rollcalls.between(dt.date(2021, 7, 1), dt.date(2021, 12, 31))
    model = IdealPoints(anchor="AGÜERO GUTIÉRREZ, MARÍA ANTONIETA").fit(window)
    assert np.isfinite(model.x_).all()
    assert 0 < len(model.votes_) < window.n_votes
