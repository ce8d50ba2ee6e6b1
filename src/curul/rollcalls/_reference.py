"""The previous motion-model computations, kept as the reference the fast ones are tested against
(DESIGN: exact or plain references beside fast ones): every past vote's (α, β) by Newton steps on all
votes together, the yes-count laws by convolution, voter after voter, and the prediction of one vote at
a time with the baseline looked up per group.

:func:`curul.rollcalls._ideal_math.vote_modes`, :func:`curul.rollcalls._laws.batch_laws` and
:func:`curul.rollcalls._batch.predict_votes` must give the same numbers (tests/rollcalls/test_fast.py;
benchmarks/bench_rollcalls.py times both).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from curul.errors import ArgumentError
from curul.rollcalls._baseline import baseline
from curul.rollcalls._ideal_math import _inverse_mills
from curul.rollcalls._predictions import Prediction
from curul.rollcalls._rollcalls import RollCalls
from curul.rollcalls._votes import motion_kind

if TYPE_CHECKING:
    from curul.rollcalls._outcomes import MotionModel


def count_distributions(p_yes: np.ndarray, p_abstain: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Exact laws of the yes count and of yes − no for independent voters, by convolution.

    ``p_yes``: (mixture, voters) P(yes | not abstaining); ``p_abstain``: (voters,) abstention rates.
    Returns (yes: (mixture, n+1), margin: (mixture, 2n+1) with index n meaning yes = no).
    """
    k, n = p_yes.shape
    yes = np.zeros((k, n + 1))
    yes[:, 0] = 1.0
    margin = np.zeros((k, 2 * n + 1))
    margin[:, n] = 1.0
    for i in range(n):
        a = p_abstain[i]
        py = ((1 - a) * p_yes[:, i])[:, None]
        pn = ((1 - a) * (1 - p_yes[:, i]))[:, None]
        new_yes = yes * (1 - py)
        new_yes[:, 1:] += yes[:, :-1] * py
        yes = new_yes
        new_margin = margin * a
        new_margin[:, 1:] += margin[:, :-1] * py
        new_margin[:, :-1] += margin[:, 1:] * pn
        margin = new_margin
    return yes, margin


def reference_vote_params(
    position: dict[str, np.ndarray], rc: RollCalls, dims: int, prior_var: float
) -> np.ndarray:
    """(α_j, β_j) of every vote of ``rc`` given the members' positions, as the motion model fitted them
    before its votes' Newton steps were gathered: ridge probit by Newton steps on every vote together,
    all from 0, until the largest step of any vote is below 1e-8 (at most 30 steps). Votes × (1 + d)."""
    members = list(position)
    index = {m: i for i, m in enumerate(members)}
    b = rc.ballots[rc.ballots["category"].isin(("yes", "no")) & rc.ballots["member"].isin(index)]
    votes = rc.votes["vote_id"].to_numpy()
    vpos = {v: j for j, v in enumerate(votes)}
    n, n_votes = len(members), len(votes)
    y = np.zeros((n, n_votes))
    m = np.zeros((n, n_votes))
    ii = b["member"].map(index).to_numpy()
    jj = b["vote_id"].map(vpos).to_numpy()
    m[ii, jj] = 1
    y[ii, jj] = (b["category"] == "yes").to_numpy()
    xt = np.hstack([np.ones((n, 1)), np.array([position[k] for k in members])])
    ab = np.zeros((n_votes, dims + 1))
    sign = 2 * y - 1
    prior = np.eye(dims + 1) / prior_var
    for _ in range(30):
        z = sign * (xt @ ab.T)
        lam = _inverse_mills(z)
        g = m * sign * lam  # d loglik / d mu
        w = m * lam * (lam + z)  # -d² loglik / d mu² (> 0)
        grad = g.T @ xt - ab @ prior
        hess = np.einsum("ij,ik,il->jkl", w, xt, xt) + prior
        step = np.linalg.solve(hess, grad[..., None])[..., 0]
        ab = ab + step
        if np.abs(step).max() < 1e-8:
            break
    return ab


def reference_predict_vote(
    model: MotionModel, rc: RollCalls, vote_id: str, threshold: int | None = None
) -> Prediction:
    """Predicted versus recorded result of a recorded vote, given who voted in it (one vote at a time)."""
    self = model
    row = rc.votes[rc.votes["vote_id"] == vote_id]
    if row.empty:
        raise ArgumentError("vote_id", f"no vote {vote_id!r} in the roll calls")
    row = row.iloc[0]
    voters = rc.voters(vote_id)
    kind = motion_kind(row["subject"])
    p, a = self.p_yes(list(voters["member"]), list(voters["group"].astype(str)), kind)
    yes_law, margin_law = count_distributions(p, a)
    yes_marginal, margin = yes_law.mean(axis=0), margin_law.mean(axis=0)
    n = len(yes_marginal) - 1
    counts = np.arange(n + 1)
    tail = margin[n + 1 :] if threshold is None else yes_marginal[threshold:]
    p_pass = float(tail.sum())
    cdf = np.cumsum(yes_marginal)
    base_yes, base_pass = baseline(rc, vote_id, threshold)
    yes, no = int(row["yes"]), int(row["no"])
    passed = yes > no if threshold is None else yes >= threshold
    return Prediction(
        vote_id,
        row["date"].date(),
        kind,
        len(voters),
        threshold,
        float((counts * yes_marginal).sum()),
        int(np.searchsorted(cdf, 0.05)),
        int(np.searchsorted(cdf, 0.95)),
        min(max(p_pass, 0.0), 1.0),
        yes,
        no,
        int(row["abstain"]),
        bool(passed),
        base_yes,
        base_pass,
        self.cutoff_,
    )
