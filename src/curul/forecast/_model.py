"""Simulation of a presidential election: first-round valid-vote shares, the runoff, the winner.

First-round errors are Student-t on the log-share scale: each draw shares one chi-square divisor, so
a draw is a whole "polling year" that is good or bad for every candidate at once (a t copula, the
correlated part), and the renormalisation to 100% makes one candidate's gain the others' loss. The
error scale comes from Peru's own polling errors (see ``calibrate_scale``), the tails from ``df``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

# Absolute error SD of a final poll average, as a multiple of sqrt(p(1-p)) (p as a fraction). Used
# when no past election is available to calibrate on: about 3.5 points at 15%, 5 at 40%.
DEFAULT_SCALE = 0.10
DEFAULT_DF = 4.0
MAX_LOG_SD = 1.2
# Transfer model: how concentrated eliminated candidates' voters' choices are around the finalists'
# relative strength (Beta concentration; 4 allows anything from 10/90 to 90/10 splits).
TRANSFER_CONCENTRATION = 4.0
PRESIDENTIAL_CHUNK = 20_000  # draws per call of simulate_presidential in a forecast
RUNOFF_POLL_SD = 3.0  # points: error of a head-to-head poll average a few weeks out


# How the error grows as a candidate gets smaller: a log-scale SD k ((1-p)/p)^g, i.e. an absolute SD
# k p^(1-g) (1-p)^g. g = 0.5 (binomial-like) is used; the calibration elections do not pin g down (the
# likelihood is within about one unit for g = 0.5..1, see docs/forecast.md), and a larger g extrapolated
# to candidates below 3% gives them implausible ranges.
DEFAULT_EXPONENT = 0.5


@dataclass(frozen=True)
class ErrorModel:
    scale: float = DEFAULT_SCALE
    df: float = DEFAULT_DF
    max_log_sd: float = MAX_LOG_SD
    exponent: float = DEFAULT_EXPONENT

    def log_sd(self, shares: np.ndarray, se: np.ndarray | None = None) -> np.ndarray:
        """Log-scale SD per candidate: calibrated polling error plus the average's own sampling error."""
        p = np.clip(shares / 100.0, 1e-4, 1.0)
        var = (self.scale * ((1 - p) / p) ** self.exponent) ** 2
        if se is not None:
            var = var + (se / 100.0 / p) ** 2
        # A t variable has variance df/(df-2): rescale so the total variance matches the calibration.
        t_factor = math.sqrt((self.df - 2) / self.df) if 2 < self.df < math.inf else 1.0
        return np.minimum(np.sqrt(var) * t_factor, self.max_log_sd)


def _spread(p: float, exponent: float) -> float:
    """The error SD at share p (percent) per unit of k, in percentage points: p ((1-p)/p)^g."""
    q = p / 100.0
    return 100.0 * q * ((1 - q) / q) ** exponent


def calibrate_scale(pairs: Sequence[tuple[float, float]], exponent: float = DEFAULT_EXPONENT) -> float:
    """Scale k such that (actual - predicted)^2 ~ (k spread(p))^2, from (predicted, actual) in percent."""
    ratios = [((a - p) / _spread(p, exponent)) ** 2 for p, a in pairs if 0 < p < 100]
    if not ratios:
        return DEFAULT_SCALE
    return math.sqrt(sum(ratios) / len(ratios))


def _fit(
    elections, df: float, exponent: float, multipliers: Sequence[float] | None = None
) -> tuple[float, float]:
    """(SD-equivalent scale k, maximised log-likelihood) of the shared-divisor t at this exponent.

    A candidate given as (predicted, actual, extra) has a known extra error SD ``extra`` (points, SD
    equivalent) added in quadrature to k x spread: the projection uncertainty of the poll average's
    trend (``PollAverage.trend_se_``), which the simulation adds the same way. ``multipliers`` (one per
    election) make the scale of election e equal to k x multipliers[e] (``fit_undecided_scale``).
    """
    t_factor = math.sqrt((df - 2) / df)
    xs, spreads, extras, group = [], [], [], []
    for e, pairs in enumerate(elections):
        mult = 1.0 if multipliers is None else multipliers[e]
        for c in pairs:
            if 0 < c[0] < 100:
                xs.append(c[1] - c[0])
                spreads.append(mult * _spread(c[0], exponent))
                extras.append(((c[2] if len(c) > 2 else 0.0) * t_factor) ** 2)
                group.append(e)
    x, spread, extra = np.array(xs), np.array(spreads), np.array(extras)
    _, index = np.unique(np.array(group), return_inverse=True)
    n = np.bincount(index).astype(float)
    constant = float(
        np.sum([math.lgamma((df + k) / 2) - math.lgamma(df / 2) - k / 2 * math.log(df * math.pi) for k in n])
    )

    def loglik(s: float) -> float:
        scales = np.sqrt((s * spread) ** 2 + extra)
        quad = np.bincount(index, weights=(x / scales) ** 2)
        return constant - float(np.log(scales).sum()) - float(np.sum((df + n) / 2 * np.log1p(quad / df)))

    # The log-likelihood is unimodal in log s: golden-section search over 1e-4..10.
    lo, hi = math.log(1e-4), math.log(10.0)
    ratio = (math.sqrt(5) - 1) / 2
    for _ in range(100):
        a, b = hi - ratio * (hi - lo), lo + ratio * (hi - lo)
        if loglik(math.exp(a)) < loglik(math.exp(b)):
            lo = a
        else:
            hi = b
    s = math.exp((lo + hi) / 2)
    return s * math.sqrt(df / (df - 2)), loglik(s)


def fit_scale(
    elections: Sequence[Sequence[tuple[float, ...]]],
    df: float = DEFAULT_DF,
    exponent: float = DEFAULT_EXPONENT,
) -> float:
    """Maximum-likelihood scale k of the model that is simulated, from past (predicted, actual) pairs.

    Within one election the standardised errors (actual - predicted) / spread(p) share one chi-square
    divisor (``draw_first_round``), so each election is one draw of a multivariate t with ``df`` degrees
    of freedom, not a set of independent candidates. The fitted t scale is returned as the SD-equivalent
    k that ``ErrorModel`` expects (t scale x sqrt(df / (df - 2))). A third element per candidate is a
    known extra error SD in points (see ``_fit``). Falls back to ``calibrate_scale`` (which ignores the
    extra) for an infinite or too small ``df``.
    """
    if not any(0 < c[0] < 100 for pairs in elections for c in pairs):
        return DEFAULT_SCALE
    if not math.isfinite(df) or df <= 2:
        return calibrate_scale([(c[0], c[1]) for pairs in elections for c in pairs], exponent)
    return _fit(elections, df, exponent)[0]


@dataclass(frozen=True)
class UndecidedFit:
    """Scale fits that let the error grow with the final polls' non-choice share u (percent)."""

    constant: tuple[float, float]  # (k, log-likelihood): k the same for every election
    proportional: tuple[float, float]  # (c, log-likelihood): k_e = c u_e, as many parameters
    linear: tuple[float, float, float]  # (a, b, log-likelihood): k_e^2 = a + b u_e, one more

    def scale_for(self, model: str, undecided: float) -> float:
        if model == "proportional":
            return self.proportional[0] * undecided
        if model == "linear":
            return math.sqrt(self.linear[0] + self.linear[1] * undecided)
        return self.constant[0]


def fit_undecided_scale(
    elections: Sequence[Sequence[tuple[float, ...]]],
    undecided: Sequence[float],
    df: float = DEFAULT_DF,
    exponent: float = DEFAULT_EXPONENT,
) -> UndecidedFit:
    """Maximum likelihood of the error scale as a function of each election's non-choice share.

    Same likelihood as ``fit_scale``; the linear-variance form is profiled over r = b / a on a grid
    (r = 0 is the constant model), which is enough to see whether the data want b > 0.
    """
    constant = _fit(elections, df, exponent)
    proportional = _fit(elections, df, exponent, [u for u in undecided])
    best = (constant[0] ** 2, 0.0, constant[1])
    for r in np.logspace(-3, 3, 61):
        k, ll = _fit(elections, df, exponent, [math.sqrt(1 + r * u) for u in undecided])
        if ll > best[2]:
            best = (k**2, k**2 * float(r), ll)
    return UndecidedFit(constant, proportional, best)


def draw_first_round(
    shares: np.ndarray,
    others: float,
    error: ErrorModel,
    draws: int,
    rng: np.random.Generator,
    se: np.ndarray | None = None,
) -> np.ndarray:
    """Draws x (candidates + 1) valid-vote shares in percent; the last column is the other candidates."""
    base = np.append(shares, max(others, 0.05))
    sd = error.log_sd(base, None if se is None else np.append(se, 0.0))
    z = rng.standard_normal((draws, base.size))
    if error.df and math.isfinite(error.df):
        z = z / np.sqrt(rng.chisquare(error.df, size=(draws, 1)) / error.df)
    z = np.clip(z, -8.0, 8.0)
    logs = np.log(base) + sd * z - 0.5 * sd**2  # centre on the mean, not the median
    logs -= logs.max(axis=1, keepdims=True)
    out = np.exp(logs)
    out *= 100.0 / out.sum(axis=1, keepdims=True)
    return out


def draw_first_round_loop(
    shares: np.ndarray, others: float, error: ErrorModel, draws: int, rng: np.random.Generator
) -> np.ndarray:
    """Reference implementation: one draw at a time, same random stream as :func:`draw_first_round`."""
    base = np.append(shares, max(others, 0.05))
    sd = error.log_sd(base)
    z_all = rng.standard_normal((draws, base.size))
    chi = rng.chisquare(error.df, size=(draws, 1))
    out = np.empty_like(z_all)
    for d in range(draws):
        row = []
        for c in range(base.size):
            z = min(max(z_all[d, c] / math.sqrt(chi[d, 0] / error.df), -8.0), 8.0)
            row.append(math.log(base[c]) + sd[c] * z - 0.5 * sd[c] ** 2)
        top = max(row)
        values = [math.exp(v - top) for v in row]
        total = sum(values)
        out[d] = [100.0 * v / total for v in values]
    return out


@dataclass(frozen=True)
class PresidentialDraws:
    """Simulated first and second rounds; candidate index ``len(names)`` is "other candidates"."""

    names: tuple[str, ...]
    first: np.ndarray  # draws x (candidates + 1), percent of valid votes
    finalists: np.ndarray  # draws x 2, candidate indices (runoff pair; -1 when won outright)
    runoff_share: np.ndarray  # draws, percent of valid votes of finalists[:, 0]
    winner: np.ndarray  # draws, candidate index


def simulate_presidential(
    names: Sequence[str],
    shares: np.ndarray,
    others: float,
    error: ErrorModel,
    draws: int,
    rng: np.random.Generator,
    se: np.ndarray | None = None,
    head_to_head: dict[frozenset[str], tuple[str, float]] | None = None,
) -> PresidentialDraws:
    """First round, then the runoff between the top two (LOE arts. 17-18: >50% of valid votes wins)."""
    first = draw_first_round(shares, others, error, draws, rng, se)
    k = len(names)
    candidates = first[:, :k]
    order = np.argsort(-candidates, axis=1)
    top = order[:, :2]
    rows = np.arange(draws)
    s_a, s_b = candidates[rows, top[:, 0]], candidates[rows, top[:, 1]]
    # Transfer model: each eliminated candidate's voters split with a Beta-distributed fraction whose
    # mean is the finalists' relative strength; the "others" column transfers the same way.
    mean_a = s_a / (s_a + s_b)
    alpha = np.maximum(mean_a * TRANSFER_CONCENTRATION, 1e-3)[:, None]
    beta = np.maximum((1 - mean_a) * TRANSFER_CONCENTRATION, 1e-3)[:, None]
    fractions = rng.beta(np.broadcast_to(alpha, first.shape), np.broadcast_to(beta, first.shape))
    eliminated = first.copy()
    eliminated[rows, top[:, 0]] = 0.0
    eliminated[rows, top[:, 1]] = 0.0
    gained_a = (eliminated * fractions).sum(axis=1)
    runoff = 100.0 * (s_a + gained_a) / (s_a + s_b + eliminated.sum(axis=1))
    if head_to_head:
        index = {n: i for i, n in enumerate(names)}
        noise = rng.standard_normal(draws) * RUNOFF_POLL_SD
        for pair, (name_a, share_a) in head_to_head.items():
            if name_a not in index or len(pair) != 2:
                continue
            (name_b,) = pair - {name_a}
            ia, ib = index[name_a], index.get(name_b, -1)
            hit_ab = (top[:, 0] == ia) & (top[:, 1] == ib)
            hit_ba = (top[:, 0] == ib) & (top[:, 1] == ia)
            runoff = np.where(hit_ab, share_a + noise, runoff)
            runoff = np.where(hit_ba, 100.0 - share_a - noise, runoff)
    outright = s_a > 50.0
    winner = np.where(outright | (runoff > 50.0), top[:, 0], top[:, 1])
    finalists = np.where(outright[:, None], -1, top)
    return PresidentialDraws(tuple(names), first, finalists, runoff, winner)


def simulate_presidential_chunks(
    names: Sequence[str],
    shares: np.ndarray,
    others: float,
    error: ErrorModel,
    draws: int,
    rng: np.random.Generator,
    se: np.ndarray | None = None,
    head_to_head: dict[frozenset[str], tuple[str, float]] | None = None,
    *,
    progress: Callable[[int], None] | None = None,
    preallocate: bool = True,
) -> PresidentialDraws:
    """:func:`simulate_presidential` ``PRESIDENTIAL_CHUNK`` draws at a time (the chunks are part of the
    random stream), ``progress(n)`` after each. ``preallocate`` writes them into arrays allocated once;
    without it the chunks are joined at the end, as the reference engine always did (same values)."""
    parts: list[PresidentialDraws] = []
    if preallocate:
        first = np.empty((draws, len(names) + 1))
        finalists = np.empty((draws, 2), dtype=np.int64)
        runoff, winner = np.empty(draws), np.empty(draws, dtype=np.int64)
    for start in range(0, draws, PRESIDENTIAL_CHUNK):
        n = min(PRESIDENTIAL_CHUNK, draws - start)
        part = simulate_presidential(names, shares, others, error, n, rng, se, head_to_head)
        if preallocate:
            rows = slice(start, start + n)
            first[rows], finalists[rows] = part.first, part.finalists
            runoff[rows], winner[rows] = part.runoff_share, part.winner
        else:
            parts.append(part)
        if progress:
            progress(n)
    if preallocate:
        return PresidentialDraws(tuple(names), first, finalists, runoff, winner)
    return PresidentialDraws(
        tuple(names),
        np.concatenate([p.first for p in parts]),
        np.concatenate([p.finalists for p in parts]),
        np.concatenate([p.runoff_share for p in parts]),
        np.concatenate([p.winner for p in parts]),
    )


def quantiles(values: np.ndarray, qs: Sequence[float]) -> list[float]:
    return [float(v) for v in np.quantile(values, qs, axis=0)]
