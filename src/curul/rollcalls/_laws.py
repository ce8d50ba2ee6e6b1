"""Exact laws of a motion's yes count and of yes − no, for many votes at once, through their Fourier
transforms.

Each voter u votes yes with probability q = (1 − a_u)·p_ku, no with (1 − a_u)·(1 − p_ku), and abstains
(or is absent) with a_u, independently, under mixture component k. The transform of a sum of
independent counts is the product of the voters' transforms, so its logarithm is a *sum* over the
voters: for every vote at once, that sum is one matrix product of the votes' 0/1 voter rows with the
logarithms of every voter's factors, computed once. The mixture average and one inverse FFT per vote
give the laws. The result equals the convolution of :func:`curul.rollcalls._reference.count_distributions`
(the previous, vote-by-vote computation, kept as the reference) to rounding (about 1e-14).
"""

from __future__ import annotations

import numpy as np

# log|factor| is floored here, so a factor that is exactly 0 (p = ½ at the frequency −1) stays finite
# and a voter absent from a vote (weight 0) contributes 0, not 0·(−∞)
_LOG_FLOOR = -700.0


def _log_factors(q_yes: np.ndarray, q_mid: np.ndarray, q_no: np.ndarray, size: int, steps: int) -> np.ndarray:
    """log of q_no + q_mid·ω + q_yes·ω^steps at the rfft frequencies ω = e^{−iθ} of ``size`` points
    (``steps``: 1 for the yes law, 2 for the margin's 0/1/2 steps), laid out (U, K·L·2): real and
    imaginary parts interleaved, as a complex (U, K·L) array would be.

    Computed in real arithmetic (log of the squared modulus, arctan2 of the parts): equal to NumPy's
    complex log to rounding and several times faster.
    """
    theta = 2 * np.pi * np.arange(size // 2 + 1) / size
    shape = (q_yes.shape[1], q_yes.shape[0], len(theta))  # U × K × L
    qy, qm, qn = (q.T[:, :, None] for q in (q_yes, q_mid, q_no))
    re = qn + qy * np.cos(steps * theta)
    im = qy * -np.sin(steps * theta)
    if steps == 2:
        re += qm * np.cos(theta)
        im -= qm * np.sin(theta)
    out = np.empty((*shape, 2))
    np.arctan2(im, re, out=out[..., 1])
    np.multiply(re, re, out=re)
    np.multiply(im, im, out=im)
    re += im
    with np.errstate(divide="ignore"):
        np.log(re, out=re)
    re *= 0.5
    np.maximum(re, _LOG_FLOOR, out=out[..., 0])
    return out.reshape(shape[0], -1)


def log_tables(
    p_yes: np.ndarray, p_abstain: np.ndarray, n: int, *, margin: bool = True
) -> tuple[np.ndarray, np.ndarray | None]:
    """The logarithms of every voter's factors, for the yes law (n + 1 points) and the margin law
    (2n + 1 points; left out without ``margin``), for votes of at most ``n`` voters: (U, K·L·2) real
    views, computed once per prior.

    ``p_yes``: (K, U) P(yes | voting) per component and voter; ``p_abstain``: (U,) the chance a voter
    takes no side (abstains or is absent)."""
    a = p_abstain[None, :]
    q_yes, q_no = (1 - a) * p_yes, (1 - a) * (1 - p_yes)
    log_yes = _log_factors(q_yes, q_yes, q_no + a, n + 1, 1)  # q_mid unused for one step
    if not margin:
        return log_yes, None
    return log_yes, _log_factors(q_yes, np.broadcast_to(a, q_yes.shape), q_no, 2 * n + 1, 2)


def laws(
    tables: tuple[np.ndarray, np.ndarray | None], voters: np.ndarray, components: int, n: int
) -> tuple[np.ndarray, np.ndarray | None]:
    """Mixture-averaged laws of the yes count (V, n + 1) and of S = yes − no + n_v (V, 2n + 1) for the
    votes whose voter rows (V, U; 1 where the voter takes part) are ``voters``.

    A vote of n_v < n voters has zeros past its own count; S = n_v is the tie yes = no."""
    out: list[np.ndarray | None] = []
    weights = np.ascontiguousarray(voters, dtype=np.float64)
    for logs, size in zip(tables, (n + 1, 2 * n + 1), strict=True):
        if logs is None:
            out.append(None)
            continue
        total = (weights @ logs).reshape(len(weights), components, -1, 2)
        modulus = np.exp(total[..., 0])  # exp of the complex sum, in real arithmetic (faster)
        mean = (modulus * np.cos(total[..., 1])).mean(axis=1) + 1j * (modulus * np.sin(total[..., 1])).mean(
            axis=1
        )
        out.append(np.fft.irfft(mean, n=size, axis=1))
    assert out[0] is not None
    return out[0], out[1]


def batch_laws(
    p_yes: np.ndarray, p_abstain: np.ndarray, voters: np.ndarray, *, chunk: int = 64
) -> tuple[np.ndarray, np.ndarray]:
    """:func:`laws` for votes sharing one prior, ``chunk`` votes at a time (bounded memory); ``n`` is the
    largest number of voters of a vote."""
    yes, margin = _batch(p_yes, p_abstain, voters, chunk, margin=True)
    assert margin is not None
    return yes, margin


def batch_yes_laws(
    p_yes: np.ndarray, p_abstain: np.ndarray, voters: np.ndarray, *, chunk: int = 64
) -> np.ndarray:
    """The yes-count laws of :func:`batch_laws` alone: a motion with a threshold needs no margin law,
    whose table (2n + 1 points, two steps per voter) costs more than the yes law's."""
    return _batch(p_yes, p_abstain, voters, chunk, margin=False)[0]


def _batch(
    p_yes: np.ndarray, p_abstain: np.ndarray, voters: np.ndarray, chunk: int, *, margin: bool
) -> tuple[np.ndarray, np.ndarray | None]:
    n = int(voters.sum(axis=1).max())
    tables = log_tables(p_yes, p_abstain, n, margin=margin)
    parts = [laws(tables, voters[i : i + chunk], len(p_yes), n) for i in range(0, len(voters), chunk)]
    margins = [m for _, m in parts if m is not None]
    return np.vstack([y for y, _ in parts]), np.vstack(margins) if margins else None
