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


def _gram(weights: np.ndarray, z: np.ndarray) -> np.ndarray:
    """out[r] = Σ_c weights[r, c] · z_c z_cᵀ, by one matrix product per pair of columns."""
    k = z.shape[1]
    out = np.empty((weights.shape[0], k, k))
    for a in range(k):
        for b in range(a, k):
            out[:, a, b] = out[:, b, a] = weights @ (z[:, a] * z[:, b])
    return out
