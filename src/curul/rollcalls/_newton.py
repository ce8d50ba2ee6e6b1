"""The ideal-point posterior mode by damped Newton steps on all parameters at once.

The log posterior of the probit model (see :mod:`curul.rollcalls._ideal`) couples each member's
position x_i with every vote's (α_j, β_j) only through the products β_j·x_i, so its Hessian has two
block-diagonal parts (one small block per member, one per vote) and a dense cross part. Eliminating the
vote blocks (a Schur complement, one matrix product) leaves a system the size of the members (135 × d)
per step: a Newton step costs about as much as an EM iteration, and a few dozen reach the mode that EM
and L-BFGS approach in hundreds. The steps are damped (Levenberg–Marquardt) so each one lowers the
objective: far from the mode the Hessian need not be positive definite.

The reference these are tested against is :meth:`IdealPoints._lbfgs` (the previous fit, kept).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from scipy.linalg import cho_factor, cho_solve

from curul.rollcalls._ideal_math import _gram, _log_cdf, log_cdf_and_mills


def _objective(
    x: np.ndarray, ab: np.ndarray, sign: np.ndarray, m: np.ndarray, prior_var: float
) -> tuple[float, np.ndarray, np.ndarray]:
    """Negative log posterior, and its first and second derivatives in μ = α + β·x (per member, vote).

    In place on the members × votes arrays where it can be: a fit evaluates it once per step, and
    each pass over the 300,000 cells is a measurable part of a step.
    """
    z = x @ ab[:, 1:].T
    z += ab[:, 0][None, :]
    z *= sign
    lc, lam = log_cdf_and_mills(z)
    value = -float(np.vdot(m, lc)) + 0.5 * float(np.vdot(x, x)) + 0.5 * float(np.vdot(ab, ab)) / prior_var
    h = lam + z
    h *= lam
    h *= m
    lam *= m
    lam *= sign
    np.negative(lam, out=lam)
    return value, lam, h


def newton_mode(
    y: np.ndarray,
    m: np.ndarray,
    x: np.ndarray,
    ab: np.ndarray,
    *,
    prior_var: float,
    gtol: float = 1e-7,
    max_iter: int = 200,
    progress: Callable[[float], object] | None = None,
) -> tuple[np.ndarray, np.ndarray, int, float]:
    """(x, ab, iterations, log-likelihood) at the posterior mode, starting from ``x``, ``ab``.

    ``y``: yes (1) / no (0); ``m``: 1 where observed. Stops when the largest gradient component is
    below ``gtol`` (or no step lowers the objective any more). ``progress(fraction)`` hears how far the
    gradient has fallen, on a log scale, towards ``gtol``.
    """
    n, d = x.shape
    J = ab.shape[0]
    sign = 2 * y - 1
    eye_x, eye_v, eye_n = np.eye(d), np.eye(d + 1), np.eye(n * d)
    f = np.empty((d * n, (d + 1) * J))  # the step's cross blocks times the vote blocks' factors
    scratch = np.empty((n, J))
    value, g, h = _objective(x, ab, sign, m, prior_var)
    damping = 1e-2  # a first step this damped is accepted on the 2021-2024 votes; 1e-3 overshoots
    first_norm = None
    it = 0
    for _ in range(max_iter):
        it += 1
        xt = np.hstack([np.ones((n, 1)), x])
        beta = ab[:, 1:]
        grad_x = g @ beta + x
        grad_v = g.T @ xt + ab / prior_var
        norm = max(float(np.abs(grad_x).max()), float(np.abs(grad_v).max()))
        if first_norm is None:
            first_norm = max(norm, gtol * 10)
        if progress is not None:
            done = np.log(first_norm / max(norm, gtol)) / np.log(first_norm / gtol)
            progress(float(min(max(done, 0.0), 1.0)))
        if norm < gtol:
            break
        h_xx = _gram(h, beta) + eye_x  # n × d × d
        k = np.linalg.inv(_gram(h.T, xt) + eye_v / prior_var)  # J × (d+1) × (d+1), vote blocks inverted
        low = np.linalg.cholesky(k)
        # The cross blocks C[a][b][i, j] = h_ij β_ja x̃_ib + g_ij [b = a + 1] (member coordinate a, vote
        # parameter b) are never formed: with K_j = L_j L_jᵀ, the block (a, c) of F = C L is
        # (h β_a) ∘ W_c + g ∘ L[:, a+1, c] where W_c = x̃ L[:, :, c]ᵀ (one small product), and
        # C K Cᵀ = F Fᵀ is one symmetric product, rows ordered (a, i).
        hb = [h * beta[:, a][None, :] for a in range(d)]
        for c in range(d + 1):
            w = xt @ low[:, :, c].T  # n × J
            for a in range(d):
                block = f[a * n : (a + 1) * n, c * J : (c + 1) * J]
                np.multiply(hb[a], w, out=block)
                if a + 1 >= c:
                    np.multiply(g, low[:, a + 1, c][None, :], out=scratch)
                    block += scratch
        reduced = -(f @ f.T)
        for a in range(d):
            for c in range(d):
                reduced[a * n : (a + 1) * n, c * n : (c + 1) * n][np.diag_indices(n)] += h_xx[:, a, c]
        kg = np.einsum("jbc,jc->jb", k, grad_v)
        # Σ_b C[a][b] kg_b = ((h β_a) ∘ x̃ kgᵀ) 1 + g kg_{a+1}
        xkg = xt @ kg.T
        rhs = np.concatenate([-grad_x[:, a] + (hb[a] * xkg).sum(axis=1) + g @ kg[:, a + 1] for a in range(d)])
        stepped = False
        while damping < 1e10:
            # damping on the member block only: the vote blocks are positive definite already
            try:
                chol = cho_factor(reduced + damping * eye_n, lower=True, check_finite=False)
            except np.linalg.LinAlgError:
                damping *= 8
                continue
            step_x = cho_solve(chol, rhs, check_finite=False).reshape(d, n).T
            # Σ_a C[a][b]ᵀ s_a = (h ∘ s βᵀ)ᵀ x̃_b + gᵀ s_{b-1}
            back = (h * (step_x @ beta.T)).T @ xt
            back[:, 1:] += g.T @ step_x
            step_v = -np.einsum("jab,jb->ja", k, grad_v + back)
            new = _objective(x + step_x, ab + step_v, sign, m, prior_var)
            if new[0] <= value:
                x, ab = x + step_x, ab + step_v
                value, g, h = new
                damping = max(damping / 4, 1e-12)
                stepped = True
                break
            damping *= 8
        if not stepped:  # no step lowers the objective: at the mode to rounding
            break
    mu = ab[:, 0][None, :] + x @ ab[:, 1:].T
    loglik = float((m * _log_cdf(sign * mu)).sum())
    return x, ab, it, loglik
