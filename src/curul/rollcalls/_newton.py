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

from curul.rollcalls._ideal_math import _gram, _inverse_mills, _log_cdf


def _objective(
    x: np.ndarray, ab: np.ndarray, sign: np.ndarray, m: np.ndarray, prior_var: float
) -> tuple[float, np.ndarray, np.ndarray]:
    """Negative log posterior, and its first and second derivatives in μ = α + β·x (per member, vote)."""
    mu = ab[:, 0][None, :] + x @ ab[:, 1:].T
    z = sign * mu
    lc = _log_cdf(z)
    value = -float((m * lc).sum()) + 0.5 * float((x**2).sum()) + 0.5 * float((ab**2).sum()) / prior_var
    lam = _inverse_mills(z, lc)
    return value, -m * sign * lam, m * lam * (lam + z)


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
    sign = 2 * y - 1
    eye_x, eye_v = np.eye(d), np.eye(d + 1)
    value, g, h = _objective(x, ab, sign, m, prior_var)
    damping = 1e-3
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
        # cross blocks C[a][b][i, j] = h_ij β_ja x̃_ib + g_ij [b = a + 1]: member coordinate a, vote b
        hb = [h * beta[:, a][None, :] for a in range(d)]
        cross = [
            [hb[a] * xt[:, b][:, None] + (g if b == a + 1 else 0.0) for b in range(d + 1)] for a in range(d)
        ]
        # C K Cᵀ = (C L)(C L)ᵀ with K_j = L_j L_jᵀ: one symmetric product, rows ordered (a, i)
        f = np.vstack(
            [
                np.hstack(
                    [sum(cross[a][b] * low[:, b, c][None, :] for b in range(c, d + 1)) for c in range(d + 1)]
                )
                for a in range(d)
            ]
        )
        reduced = -(f @ f.T)
        for a in range(d):
            for c in range(d):
                reduced[a * n : (a + 1) * n, c * n : (c + 1) * n][np.diag_indices(n)] += h_xx[:, a, c]
        kg = np.einsum("jbc,jc->jb", k, grad_v)
        rhs = np.concatenate(
            [-grad_x[:, a] + sum(cross[a][b] @ kg[:, b] for b in range(d + 1)) for a in range(d)]
        )
        stepped = False
        while damping < 1e10:
            # damping on the member block only: the vote blocks are positive definite already
            try:
                chol = np.linalg.cholesky(reduced + damping * np.eye(n * d))
            except np.linalg.LinAlgError:
                damping *= 8
                continue
            step_x = np.linalg.solve(chol.T, np.linalg.solve(chol, rhs)).reshape(d, n).T
            back = np.column_stack(
                [sum(cross[a][b].T @ step_x[:, a] for a in range(d)) for b in range(d + 1)]
            )
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
