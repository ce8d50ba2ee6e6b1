"""Conversion of poll figures to shares of valid votes, the basis of every official result.

Official percentages exclude blank and null ballots (LOE; JNE Res. 0602-2021-JNE). A voting-intention
poll reports shares of all respondents, so its candidates are divided by the share that named a
candidate (undecided respondents are assumed to split like the decided ones); a simulated ballot of
emitted votes is divided by the non-blank, non-null share. When a poll omits those rows, the typical
share of its election and basis is used instead, and the conversion says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median

from curul.forecast._polls import NON_CHOICE, Poll

# Used only when no poll of the election reports its non-choice rows.
DEFAULT_NON_CHOICE = {"all_respondents": 30.0, "emitted_votes": 20.0, "valid_votes": 0.0}
DEFAULT_SAMPLE_N = 1200


@dataclass(frozen=True)
class ValidShares:
    """One poll's candidates as percentages of valid votes."""

    poll: Poll
    shares: dict[str, float]
    decided: float  # percent of the poll's base that named a candidate (the divisor)
    sample_n: int  # the wave's sample size (or the typical one when unknown)
    method: str

    @property
    def effective_n(self) -> float:
        """Respondents behind the valid shares: the decided part of the sample."""
        return self.sample_n * self.decided / 100.0


def non_choice_total(poll: Poll) -> float | None:
    """Sum of the blank/null, undecided, none and would-not-vote rows, or None if the poll has none."""
    values = [poll.option_total(o) for o in NON_CHOICE]
    present = [v for v in values if v is not None]
    return sum(present) if present else None


def typical_non_choice(polls: Sequence[Poll]) -> dict[str, float]:
    """Median non-choice share per basis among the polls that report it (defaults otherwise)."""
    result = dict(DEFAULT_NON_CHOICE)
    for basis in ("all_respondents", "emitted_votes"):
        values = [v for p in polls if p.basis == basis and (v := non_choice_total(p)) is not None]
        if values:
            result[basis] = median(values)
    return result


def typical_sample_n(polls: Sequence[Poll]) -> int:
    sizes = [p.sample_n for p in polls if p.sample_n]
    return int(median(sizes)) if sizes else DEFAULT_SAMPLE_N


def to_valid(poll: Poll, typical: dict[str, float], sample_n: int = DEFAULT_SAMPLE_N) -> ValidShares:
    """Convert one poll to percentages of valid votes."""
    candidates = poll.candidates()
    listed = sum(candidates.values()) + (poll.option_total("others") or 0.0)
    if poll.basis == "valid_votes":
        divisor, method = 100.0, "already valid votes"
    else:
        reported = non_choice_total(poll)
        if reported is not None:
            divisor, method = 100.0 - reported, f"divided by the {100 - reported:.1f}% naming a candidate"
        else:
            divisor = 100.0 - typical[poll.basis]
            method = f"non-choice not reported: typical {typical[poll.basis]:.1f}% of the election assumed"
    # A poll cannot have more valid votes than its listed answers, nor a divisor below them.
    divisor = max(divisor, listed, 1e-9)
    if poll.basis == "valid_votes":
        divisor = max(divisor, listed)
    shares = {name: 100.0 * value / divisor for name, value in candidates.items()}
    return ValidShares(poll, shares, min(divisor, 100.0), poll.sample_n or sample_n, method)
