"""Presidential rounds: a ticket wins outright with more than half of the valid votes, else a runoff.

Constitution art. 111 and LOE arts. 17-18: blank and null votes are not valid votes; without an
absolute majority the two most-voted tickets go to a runoff. Exact functions report ties (for second
place, or in a runoff) instead of choosing; the batch versions settle them by list order and say so.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from curul.errors import CurulError

LAW = "Constitution art. 111; LOE (Ley 26859) arts. 17-18"


@dataclass(frozen=True)
class FirstRound:
    """Outcome of a first round: a winner, or the two tickets that go to a runoff (or a reported tie)."""

    valid: int
    shares: Mapping[str, Fraction]
    winner: str | None
    runoff: tuple[str, str] | None
    tied: tuple[str, ...] = ()  # tickets tied for a runoff place, when the count alone cannot decide
    law: str = LAW

    @property
    def why(self) -> str:
        if self.winner:
            return f"{self.winner} has {float(self.shares[self.winner]) * 100:.2f}% > 50% of valid votes"
        if self.runoff:
            a, b = self.runoff
            return (
                f"no ticket has more than half of the valid votes; runoff between {a} "
                f"({float(self.shares[a]) * 100:.2f}%) and {b} ({float(self.shares[b]) * 100:.2f}%)"
            )
        return f"no majority, and {', '.join(self.tied)} are tied for a runoff place"


def _check(votes: Mapping[str, int]) -> int:
    if not votes:
        raise CurulError("no tickets given")
    for name, v in votes.items():
        if not isinstance(v, int) or isinstance(v, bool) or v < 0:
            raise CurulError(f"votes of {name!r} must be a non-negative integer, not {v!r}")
    valid = sum(votes.values())
    if valid == 0:
        raise CurulError("no valid votes")
    return valid


def first_round(votes: Mapping[str, int]) -> FirstRound:
    """Apply art. 111 to the valid votes of each ticket (blank and null votes must not be included)."""
    valid = _check(votes)
    shares = {k: Fraction(v, valid) for k, v in votes.items()}
    ranked = sorted(votes, key=lambda k: votes[k], reverse=True)
    top = ranked[0]
    if 2 * votes[top] > valid:
        return FirstRound(valid, shares, top, None)
    if len(ranked) < 2:
        raise CurulError("a runoff needs two tickets")
    second = votes[ranked[1]]
    tied_top = [k for k in ranked if votes[k] == votes[top]]
    if len(tied_top) > 2:
        return FirstRound(valid, shares, None, None, tuple(sorted(tied_top)))
    if len(tied_top) == 2:
        return FirstRound(valid, shares, None, (tied_top[0], tied_top[1]))
    tied_second = [k for k in ranked[1:] if votes[k] == second]
    if len(tied_second) > 1:
        return FirstRound(valid, shares, None, None, tuple(sorted(tied_second)))
    return FirstRound(valid, shares, None, (top, ranked[1]))


def runoff(votes: Mapping[str, int]) -> str | None:
    """The runoff winner (more valid votes), or None on an exact tie (the law found gives no rule)."""
    _check(votes)
    if len(votes) != 2:
        raise CurulError(f"a runoff has two tickets, got {len(votes)}")
    (a, va), (b, vb) = votes.items()
    return a if va > vb else b if vb > va else None


def first_round_batch(votes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """First rounds of many draws: votes (draws × candidates) of valid votes.

    Returns ``winner`` (draws,), the index of a candidate with more than half of the valid votes or -1,
    and ``top_two`` (draws × 2), the two most-voted candidates (ties by lower index), which go to the
    runoff where ``winner`` is -1.
    """
    votes = np.asarray(votes)
    if votes.ndim != 2 or votes.shape[1] < 2:
        raise ValueError(f"votes must be draws × candidates (at least 2), got {votes.shape}")
    order = np.argsort(-votes, axis=1, kind="stable")
    top_two = order[:, :2]
    best = np.take_along_axis(votes, top_two[:, :1], axis=1)[:, 0]
    valid = votes.sum(axis=1)
    winner = np.where(2 * best > valid, top_two[:, 0], -1)
    return winner, top_two


def runoff_batch(votes: np.ndarray, top_two: np.ndarray | None = None) -> np.ndarray:
    """Runoff winners of many draws; -1 where the two tickets tie exactly.

    ``votes`` is draws × 2 (then the result is 0 or 1), or draws × candidates together with ``top_two``
    (draws × 2 candidate indices, as returned by :func:`first_round_batch`; the result is a candidate index).
    """
    votes = np.asarray(votes)
    if top_two is None:
        if votes.ndim != 2 or votes.shape[1] != 2:
            raise ValueError(f"votes must be draws × 2 without top_two, got {votes.shape}")
        pair = np.broadcast_to(np.arange(2), votes.shape)
    else:
        pair = np.asarray(top_two)
        if pair.shape != (votes.shape[0], 2):
            raise ValueError(f"top_two must be draws × 2, got {pair.shape}")
        votes = np.take_along_axis(votes, pair, axis=1)
    first = votes[:, 0] > votes[:, 1]
    second = votes[:, 1] > votes[:, 0]
    return np.where(first, pair[:, 0], np.where(second, pair[:, 1], -1))
