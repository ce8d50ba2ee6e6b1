"""The probit arithmetic the ideal-point fits share: log Φ and the inverse Mills ratio, stable in the
tails, and the weighted Gram matrices the Newton and EM steps solve with."""

from __future__ import annotations

import numpy as np
from scipy.special import log_ndtr, ndtr

_LOG_SQRT_2PI = 0.5 * np.log(2 * np.pi)


def _log_cdf(z: np.ndarray) -> np.ndarray:
    """log Φ(z): plain log of ndtr where that is accurate, log_ndtr in the far left tail."""
    out = np.log(np.maximum(ndtr(z), 1e-300))
    tail = z < -5
    if tail.any():
        out[tail] = log_ndtr(z[tail])
    return out


def _inverse_mills(z: np.ndarray, log_cdf: np.ndarray | None = None) -> np.ndarray:
    """φ(z)/Φ(z), stable in the tails."""
    if log_cdf is None:
        log_cdf = _log_cdf(z)
    return np.exp(-0.5 * z * z - _LOG_SQRT_2PI - log_cdf)


def log_cdf_and_mills(z: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(log Φ(z), φ(z)/Φ(z)): :func:`_log_cdf` and :func:`_inverse_mills` in two new arrays and in
    place otherwise. The Newton fits evaluate them on every member × vote cell each step, where each
    extra pass over the cells is a measurable part of the step; the reference fits keep the two
    helpers as they were."""
    lc = ndtr(z)
    np.maximum(lc, 1e-300, out=lc)
    np.log(lc, out=lc)
    tail = z < -5
    if tail.any():
        lc[tail] = log_ndtr(z[tail])
    lam = np.multiply(z, z)
    lam *= -0.5
    lam -= _LOG_SQRT_2PI
    lam -= lc
    np.exp(lam, out=lam)
    return lc, lam


def _gram(weights: np.ndarray, z: np.ndarray) -> np.ndarray:
    """out[r] = Σ_c weights[r, c] · z_c z_cᵀ, by one matrix product per pair of columns."""
    k = z.shape[1]
    out = np.empty((weights.shape[0], k, k))
    for a in range(k):
        for b in range(a, k):
            out[:, a, b] = out[:, b, a] = weights @ (z[:, a] * z[:, b])
    return out


def vote_modes(
    sign: np.ndarray,
    xt: np.ndarray,
    ab: np.ndarray,
    prior: np.ndarray,
    *,
    max_iter: int = 30,
    tol: float = 1e-8,
) -> np.ndarray:
    """Each vote's ridge-probit mode (α_j, β_j) given the members' positions ``xt`` = [1, x].

    ``sign``: votes × members, +1 yes, −1 no, 0 not observed; ``ab``: the start (votes × (d+1));
    ``prior``: the prior precision. Newton steps on every vote at once, each vote until its own step is
    below ``tol`` (the votes still moving are gathered as rows), at most ``max_iter``.
    """
    ab = ab.copy()
    seen = sign != 0
    active = np.arange(len(ab))
    for _ in range(max_iter):
        sa = sign[active]
        z = ab[active] @ xt.T
        z *= sa
        lam = log_cdf_and_mills(z)[1]
        g = sa * lam  # d loglik / d mu (0 where not observed)
        w = lam + z
        w *= lam
        w *= seen[active]  # -d² loglik / d mu² (> 0), 0 where not observed
        grad = g @ xt - ab[active] @ prior
        hess = _gram(w, xt) + prior
        step = np.linalg.solve(hess, grad[..., None])[..., 0]
        ab[active] += step
        active = active[np.abs(step).max(axis=1) >= tol]
        if not len(active):
            break
    return ab
