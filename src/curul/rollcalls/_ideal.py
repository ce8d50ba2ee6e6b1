"""Ideal points from roll calls: the posterior mode of a probit item-response model (Imai, Lo & Olmsted
2016), reached by damped Newton steps (:mod:`curul.rollcalls._newton`); the previous fit (EM, then
L-BFGS: ``method="lbfgs"``) is kept as the reference the Newton fit is tested against.

Model: member i votes yes on vote j iff  α_j + β_j·x_i + ε_ij > 0,  ε ~ N(0, 1), with priors
x_i ~ N(0, I) and (α_j, β_j) ~ N(0, 25·I). Only yes and no are data; abstentions, absences and leave are
missing. Votes where the minority is under 2.5 % (lopsided) and members with few votes are left out, as
is standard (Poole & Rosenthal). The EM's E-step takes the mean of the truncated normal latent utility;
the M-step solves small ridge regressions, vectorised over members and votes.

Positions are centred, turned to their principal axes (two dimensions, ordered by variance) and scaled
to unit variance. The sign of each axis is arbitrary; it is fixed so the named ``anchor`` member is
positive, or by default so the *pole* — the largest parliamentary group (see :func:`pole_group`) — has a
positive mean on every axis: one and two dimensions point the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy.special import ndtr

from curul.errors import ArgumentError, CurulError
from curul.rollcalls._ideal_math import _gram, _inverse_mills, _log_cdf
from curul.rollcalls._rollcalls import RollCalls


def vote_matrix(rc: RollCalls) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(Y, members, vote_ids): Y[i, j] = 1 yes, 0 no, NaN otherwise."""
    b = rc.ballots[rc.ballots["category"].isin(("yes", "no"))]
    members = np.array(sorted(rc.ballots["member"].unique()))
    votes = rc.votes["vote_id"].to_numpy()
    vpos = pd.Series(np.arange(len(votes)), index=votes)
    y = np.full((len(members), len(votes)), np.nan)
    i = np.searchsorted(members, b["member"].to_numpy())
    j = vpos.reindex(b["vote_id"].to_numpy()).to_numpy()
    y[i, j] = (b["category"] == "yes").to_numpy().astype(float)
    return y, members, votes


def _start(y: np.ndarray, m: np.ndarray, d: int) -> np.ndarray:
    """Principal components of the centred yes/no matrix, standardised: a standard, deterministic start."""
    centred = np.where(m > 0, y - (y * m).sum(0) / np.maximum(m.sum(0), 1), 0.0)
    u = np.linalg.svd(centred, full_matrices=False)[0]
    x = u[:, :d] * np.sqrt(len(y))
    return np.asarray((x - x.mean(0)) / x.std(0))


#: Members of no parliamentary group: never the pole.
NON_ATTACHED = "NA"


def last_groups(rc: RollCalls) -> dict[str, str]:
    """Each member's group on the last vote (in date order) the member has a ballot in."""
    order = pd.Series(np.arange(rc.n_votes), index=rc.votes["vote_id"].to_numpy())
    b = rc.ballots
    at = order.reindex(b["vote_id"].to_numpy()).to_numpy()
    last = b.iloc[np.lexsort((np.arange(len(b)), at))].drop_duplicates("member", keep="last")
    return dict(zip(last["member"].astype(str), last["group"].astype(str), strict=True))


def pole_group(groups: dict[str, str], members: np.ndarray) -> str:
    """The pole the axes point to by default: the group with the most of ``members`` (by their last
    group; the non-attached are not a group), ties to the first code alphabetically. On the 2021–2026
    roll calls it is Fuerza Popular (FP), so "positive" reads the same in one and two dimensions."""
    counts: dict[str, int] = {}
    for m in members:
        g = groups.get(str(m))
        if g is not None and g != NON_ATTACHED:
            counts[g] = counts.get(g, 0) + 1
    if not counts:
        raise CurulError("no parliamentary group among the estimated members to orient the axes by")
    return min(counts, key=lambda g: (-counts[g], g))


@dataclass
class IdealPoints:
    """EM probit IRT; settings in ``__init__``, ``fit`` returns ``self``, learned attributes end in ``_``."""

    dims: int = 1
    anchor: str | None = None
    lopsided: float = 0.025
    min_votes: int = 20
    max_iter: int = 500
    tol: float = 1e-7
    prior_var: float = 25.0
    method: str = "newton"
    em_warmup: int = 20
    members_: np.ndarray = field(init=False, repr=False)
    votes_: np.ndarray = field(init=False, repr=False)
    x_: np.ndarray = field(init=False, repr=False)
    alpha_: np.ndarray = field(init=False, repr=False)
    beta_: np.ndarray = field(init=False, repr=False)
    n_iter_: int = field(init=False, default=0)
    excluded_lopsided_: int = field(init=False, default=0)
    pole_: str = field(init=False, default="")

    def fit(self, rc: RollCalls, progress: Callable[[float], object] | None = None) -> IdealPoints:
        if self.dims not in (1, 2):
            raise ArgumentError("dims", "{name} must be 1 or 2")
        y, members, votes = vote_matrix(rc)
        observed = ~np.isnan(y)
        yes = np.nansum(y, axis=0)
        cast = observed.sum(axis=0)
        with np.errstate(invalid="ignore", divide="ignore"):
            minority = np.minimum(yes, cast - yes) / cast
        keep_votes = (cast > 0) & (minority >= self.lopsided)
        self.excluded_lopsided_ = int(((cast > 0) & ~keep_votes).sum())
        y, observed = y[:, keep_votes], observed[:, keep_votes]
        keep_members = observed.sum(axis=1) >= self.min_votes
        y, observed = y[keep_members], observed[keep_members]
        members, votes = members[keep_members], votes[keep_votes]
        if y.shape[1] < 2 * self.dims or y.shape[0] < 3:
            raise CurulError("too few contested votes or members to estimate ideal points")
        self.members_, self.votes_ = members, votes
        y0, m = np.nan_to_num(y), observed.astype(float)
        if self.method == "newton":
            from curul.rollcalls._newton import newton_mode

            x0 = _start(y0, m, self.dims)
            x, ab, self.n_iter_, self.loglik_ = newton_mode(
                y0, m, x0, np.zeros((y0.shape[1], self.dims + 1)), prior_var=self.prior_var,
                progress=progress,
            )  # fmt: skip
            self.x_, self.alpha_, self.beta_ = x, ab[:, 0], ab[:, 1:]
        elif self.method == "em":
            self._em(y0, m)
        elif self.method == "lbfgs":
            self._em(y0, m, max_iter=self.em_warmup)
            self._lbfgs(y0, m)
        else:
            raise CurulError(f"unknown method {self.method!r}: use newton, em or lbfgs")
        self._orient(last_groups(rc))
        return self

    def _lbfgs(self, y: np.ndarray, m: np.ndarray) -> None:
        """The same posterior mode as EM, reached by L-BFGS on the exact log posterior and its gradient."""
        from scipy.optimize import minimize

        n, J = y.shape
        d = self.dims
        sign = 2 * y - 1

        def unpack(theta: np.ndarray):
            x = theta[: n * d].reshape(n, d)
            ab = theta[n * d :].reshape(J, d + 1)
            return x, ab

        def objective(theta: np.ndarray):
            x, ab = unpack(theta)
            mu = ab[:, 0][None, :] + x @ ab[:, 1:].T
            z = sign * mu
            lc = _log_cdf(z)
            value = -float((m * lc).sum())
            value += 0.5 * float((x**2).sum()) + 0.5 * float((ab**2).sum()) / self.prior_var
            g = -m * sign * _inverse_mills(z, lc)  # d(value)/d(mu)
            gx = g @ ab[:, 1:] + x
            ga = g.sum(0)[:, None]
            gb = g.T @ x
            gab = np.hstack([ga, gb]) + ab / self.prior_var
            return value, np.concatenate([gx.ravel(), gab.ravel()])

        theta0 = np.concatenate([self.x_.ravel(), np.hstack([self.alpha_[:, None], self.beta_]).ravel()])
        res = minimize(
            objective,
            theta0,
            jac=True,
            method="L-BFGS-B",
            options={"maxiter": self.max_iter * 10, "ftol": self.tol * 1e-2, "gtol": 1e-5},
        )
        x, ab = unpack(res.x)
        self.x_, self.alpha_, self.beta_ = x, ab[:, 0], ab[:, 1:]
        self.n_iter_ += int(res.nit)
        self.loglik_ = -float(res.fun)

    def _em(self, y: np.ndarray, m: np.ndarray, max_iter: int | None = None) -> None:
        n, J = y.shape
        d = self.dims
        x = _start(y, m, d)
        ab = np.zeros((J, d + 1))
        sign = 2 * y - 1
        prev = np.inf
        for it in range(1, (max_iter or self.max_iter) + 1):
            xt = np.hstack([np.ones((n, 1)), x])  # n × (d+1)
            # M-step for votes given x (with the E-step using the current parameters)
            mu = xt @ ab.T if it > 1 else np.zeros((n, J))
            ystar = mu + sign * _inverse_mills(sign * mu)
            a = _gram(m.T, xt) + np.eye(d + 1) / self.prior_var
            rhs = (m * ystar).T @ xt
            ab = np.linalg.solve(a, rhs[..., None])[..., 0]
            # E-step again and M-step for members given the votes
            mu = xt @ ab.T
            ystar = mu + sign * _inverse_mills(sign * mu)
            beta = ab[:, 1:]
            resid = (ystar - ab[:, :1].T) * m
            a = _gram(m, beta) + np.eye(d)
            rhs = resid @ beta
            x = np.linalg.solve(a, rhs[..., None])[..., 0]
            loglik = float((m * _log_cdf(sign * mu)).sum())
            if abs(prev - loglik) < self.tol * abs(loglik):
                break
            prev = loglik
        self.n_iter_ = it
        self.x_, self.alpha_, self.beta_ = x, ab[:, 0], ab[:, 1:]
        self.loglik_ = loglik

    def _orient(self, groups: dict[str, str]) -> None:
        """Centre, turn to the principal axes (two dimensions, by variance), scale each axis to unit
        variance, then fix the signs: ``anchor`` (a member) positive, else the pole group's mean.

        Every step depends on the positions only, not on where an optimiser stopped along the
        posterior's rotational ridge (in two dimensions the prior and likelihood are unchanged by a
        rotation), so any two fits reaching the mode give the same axes.
        """
        x = self.x_
        mean = x.mean(0)
        x = x - mean
        self.alpha_ = self.alpha_ + self.beta_ @ mean  # α + β·x unchanged by the affine map of x
        vals, vecs = np.linalg.eigh(x.T @ x / len(x))
        order = np.argsort(vals)[::-1]
        vecs, scale = vecs[:, order], np.sqrt(vals[order])
        x = (x @ vecs) / scale
        self.beta_ = (self.beta_ @ vecs) * scale
        if self.anchor is not None:
            hits = np.nonzero(self.members_ == self.anchor)[0]
            if not len(hits):
                raise ArgumentError("anchor", f"member {self.anchor!r} is not among the estimated members")
            side = x[hits[0]]
            self.pole_ = self.anchor
        else:
            self.pole_ = pole_group(groups, self.members_)
            mine = np.array([groups.get(str(m)) == self.pole_ for m in self.members_])
            side = x[mine].mean(0)
        flip = np.where(side < 0, -1.0, 1.0)
        self.x_ = x * flip
        self.beta_ = self.beta_ * flip

    def probabilities(self) -> np.ndarray:
        """P(yes) for every (member, fitted vote)."""
        return ndtr(self.alpha_[None, :] + self.x_ @ self.beta_.T)

    def frame(self, groups: pd.Series | None = None) -> pd.DataFrame:
        """Members and their positions (``dim1``, ``dim2``), with their last group when given."""
        out = pd.DataFrame({"member": self.members_})
        for k in range(self.dims):
            out[f"dim{k + 1}"] = self.x_[:, k]
        if groups is not None:
            out["group"] = out["member"].map(groups)
        return out.sort_values("dim1").reset_index(drop=True)
