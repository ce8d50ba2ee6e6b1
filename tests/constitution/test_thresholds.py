"""Threshold arithmetic: the exact reference against its definition and against the vectorised twin."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from curul.constitution import Threshold, regimes, required_votes, required_votes_array
from curul.errors import CurulError

shares = st.fractions(min_value=Fraction(1, 100), max_value=1).filter(lambda f: f.denominator <= 100)
bases = st.integers(min_value=0, max_value=1000)


@settings(max_examples=200, deadline=None)
@given(share=shares, base=bases)
def test_round_up_is_the_least_count_reaching_the_share(share: Fraction, base: int) -> None:
    votes = required_votes(Threshold(kind="share", base="legal_number", share=share), base)
    assert votes >= share * base
    assert votes - 1 < share * base


@settings(max_examples=200, deadline=None)
@given(share=shares, base=bases)
def test_above_is_the_least_count_exceeding_the_share(share: Fraction, base: int) -> None:
    votes = required_votes(Threshold(kind="share", base="legal_number", share=share, round="above"), base)
    assert votes > share * base
    assert votes - 1 <= share * base


@settings(max_examples=200, deadline=None)
@given(base=bases)
def test_majority_is_more_than_half(base: int) -> None:
    votes = required_votes(Threshold(kind="majority", base="present"), base)
    assert 2 * votes > base
    assert 2 * (votes - 1) <= base


@settings(max_examples=100, deadline=None)
@given(
    share=shares, rounding=st.sampled_from(["up", "above"]), values=st.lists(bases, min_size=1, max_size=50)
)
def test_vectorised_matches_exact(share: Fraction, rounding: str, values: list[int]) -> None:
    threshold = Threshold(kind="share", base="habiles", share=share, round=rounding)
    fast = required_votes_array(threshold, np.array(values))
    assert fast.tolist() == [required_votes(threshold, v) for v in values]


def test_vectorised_matches_exact_for_every_bundled_rule() -> None:
    sizes = np.arange(0, 201)
    for regime in regimes():
        for rule in regime.procedures:
            exact = [required_votes(rule.threshold, int(n)) for n in sizes]
            assert required_votes_array(rule.threshold, sizes).tolist() == exact, rule.procedure


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ({"share": "2/3"}, "expected"),
        ({"share": "3/2", "of": "legal_number"}, "share must be in"),
        ({"share": "two thirds", "of": "legal_number"}, "fraction"),
        ({"share": "2/3", "of": "everyone"}, "of must be one of"),
        ({"share": "2/3", "of": "present", "round": "nearest"}, "round must be one of"),
        ({"majority_of": "senators"}, "majority_of must be one of"),
        ({"votes": -1}, "non-negative"),
    ],
)
def test_malformed_thresholds_are_refused(raw: dict, problem: str) -> None:
    with pytest.raises(CurulError, match=problem):
        Threshold.from_mapping(raw)
