"""Exact power indices: packed generating functions against enumeration, a plain DP and `powerindex`."""

from __future__ import annotations

import random
from fractions import Fraction
from itertools import pairwise

import powerindex
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from curul.congress import WeightedGame, power_indices
from curul.congress._power import swing_profiles, winning_by_size
from curul.congress._power_reference import (
    all_coalitions,
    brute_force,
    dynamic_programming,
    shapley_shubik_by_orderings,
)
from curul.errors import CurulError


@st.composite
def games(draw, max_players: int = 15, max_weight: int = 20):
    weights = draw(st.lists(st.integers(0, max_weight), min_size=1, max_size=max_players))
    total = sum(weights)
    if total == 0:
        weights[0] = 1
        total = 1
    quota = draw(st.integers(1, total))
    return WeightedGame(tuple(f"p{i}" for i in range(len(weights))), tuple(weights), quota)


@settings(max_examples=60, deadline=None)
@given(games())
def test_indices_equal_brute_force_up_to_15_players(game):
    fast = power_indices(game)
    swings, ss = brute_force(game)
    assert fast.swings == swings
    assert fast.shapley_shubik == ss
    assert sum(fast.banzhaf) == 1
    assert sum(fast.shapley_shubik) == 1
    assert fast.banzhaf_absolute == tuple(Fraction(s, 2 ** (game.n - 1)) for s in swings)


@settings(max_examples=30, deadline=None)
@given(games(max_players=7, max_weight=9))
def test_shapley_shubik_equals_share_of_orderings(game):
    assert power_indices(game).shapley_shubik == shapley_shubik_by_orderings(game)


@settings(max_examples=40, deadline=None)
@given(games(max_players=10, max_weight=12))
def test_size_counts_match_enumeration(game):
    winning = all_coalitions(game)
    by_size = [0] * (game.n + 1)
    for c in winning:
        by_size[len(c)] += 1
    assert list(winning_by_size(game)) == by_size
    profiles = swing_profiles(game)
    for i in range(game.n):
        expected = [0] * game.n
        for c in winning:
            if i in c and sum(game.weights[j] for j in c) - game.weights[i] < game.quota:
                expected[len(c) - 1] += 1
        assert list(profiles[i]) == expected


@settings(max_examples=25, deadline=None)
@given(st.integers(1, 130))
def test_130_single_members_get_one_130th_each(quota):
    result = power_indices(WeightedGame.members([f"m{i}" for i in range(130)], quota))
    assert set(result.banzhaf) == {Fraction(1, 130)}
    assert set(result.shapley_shubik) == {Fraction(1, 130)}


@settings(max_examples=40, deadline=None)
@given(games(max_players=12, max_weight=30))
def test_more_weight_never_means_less_power(game):
    result = power_indices(game)
    order = sorted(range(game.n), key=lambda i: game.weights[i])
    for a, b in pairwise(order):
        assert result.swings[a] <= result.swings[b]
        assert result.shapley_shubik[a] <= result.shapley_shubik[b]
        if game.weights[a] == game.weights[b]:
            assert result.shapley_shubik[a] == result.shapley_shubik[b]


def test_medium_games_match_plain_dynamic_programming():
    rng = random.Random(5)
    for _ in range(4):
        n = rng.randint(20, 40)
        weights = tuple(rng.randint(1, 15) for _ in range(n))
        game = WeightedGame(tuple(map(str, range(n))), weights, rng.randint(1, sum(weights)))
        swings, ss = dynamic_programming(game)
        fast = power_indices(game)
        assert fast.swings == swings
        assert fast.shapley_shubik == ss


def test_counts_beyond_64_bits_stay_exact():
    # 100 unit players, quota 51: each swing count is C(99, 50), far above 2^64.
    from math import comb

    result = power_indices(WeightedGame.members([f"m{i}" for i in range(100)], 51))
    assert result.swings[0] == comb(99, 50) > 2**64
    assert result.banzhaf_absolute[0] == Fraction(comb(99, 50), 2**99)


def test_medium_games_match_powerindex_package():
    rng = random.Random(11)
    for _ in range(5):
        n = rng.randint(8, 30)
        weights = [rng.randint(1, 30) for _ in range(n)]
        total = sum(weights)
        quota = rng.randint(max(weights) + 1, total)  # powerindex special-cases a player ≥ quota
        theirs = powerindex.Game(quota, weights=weights)
        theirs.calc()
        ours = power_indices(WeightedGame(tuple(map(str, range(n))), tuple(weights), quota))
        assert [float(x) for x in ours.banzhaf] == pytest.approx(theirs.banzhaf, abs=1e-12)
        assert [float(x) for x in ours.shapley_shubik] == pytest.approx(theirs.shapley_shubik, abs=1e-12)


def test_peru_2021_groups_for_87_votes_match_powerindex():
    # JNE Res. 0602-2021-JNE seats; an independent implementation gives the same indices.
    seats = [37, 24, 16, 15, 13, 7, 5, 5, 5, 3]
    theirs = powerindex.Game(87, weights=seats)
    theirs.calc()
    ours = power_indices(WeightedGame(tuple(map(str, range(10))), tuple(seats), 87))
    assert [float(x) for x in ours.shapley_shubik] == pytest.approx(theirs.shapley_shubik, abs=1e-12)


def test_dummy_and_dictator():
    game = WeightedGame.of({"a": 66, "b": 40, "c": 24}, 66)
    result = power_indices(game)
    assert result.shapley_shubik == (1, 0, 0)
    assert result.swings == (4, 0, 0)


@pytest.mark.parametrize(
    ("labels", "weights", "quota", "message"),
    [
        (("a", "b"), (3, 4), 8, "exceeds"),
        (("a", "b"), (3, -1), 2, "whole number"),
        (("a", "a"), (3, 4), 2, "duplicate"),
        (("a", "b"), (3, 4), 0, "threshold"),
    ],
)
def test_bad_games_are_user_errors(labels, weights, quota, message):
    with pytest.raises(CurulError, match=message):
        WeightedGame(labels, weights, quota)
