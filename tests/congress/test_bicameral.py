"""The bicameral game "pass both chambers" against enumeration of the combined game."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from curul.congress import WeightedGame, bicameral_indices, power_indices
from curul.congress._power_reference import brute_force_simple


@st.composite
def chamber(draw, prefix: str):
    weights = draw(st.lists(st.integers(1, 9), min_size=1, max_size=6))
    quota = draw(st.integers(1, sum(weights)))
    return WeightedGame(tuple(f"{prefix}{i}" for i in range(len(weights))), tuple(weights), quota)


@settings(max_examples=40, deadline=None)
@given(chamber("d"), chamber("s"))
def test_product_game_equals_enumeration(first, second):
    result = bicameral_indices(first, second)
    n1 = first.n

    def wins(members):
        a = sum(first.weights[i] for i in members if i < n1)
        b = sum(second.weights[i - n1] for i in members if i >= n1)
        return a >= first.quota and b >= second.quota

    swings, ss = brute_force_simple(first.n + second.n, wins)
    assert result.swings[0] + result.swings[1] == swings
    assert result.shapley_shubik[0] + result.shapley_shubik[1] == ss
    assert sum(result.shapley_shubik[0] + result.shapley_shubik[1]) == 1


def test_bicameral_2026_members_each_chamber_symmetric():
    # 130 deputies (87 = ⌈2/3·130⌉) and 60 senators (40 = ⌈2/3·60⌉), as in the 2026 vacancy rules.
    deputies = WeightedGame.members([f"d{i}" for i in range(130)], 87)
    senate = WeightedGame.members([f"s{i}" for i in range(60)], 40)
    result = bicameral_indices(deputies, senate)
    assert len(set(result.shapley_shubik[0])) == 1
    assert len(set(result.shapley_shubik[1])) == 1
    assert sum(result.chamber_share(), Fraction(0)) == 1
    # a senator weighs more than a deputy in the joint game
    assert result.shapley_shubik[1][0] > result.shapley_shubik[0][0]


def test_trivial_second_chamber_leaves_first_unchanged():
    first = WeightedGame.of({"a": 5, "b": 3, "c": 2}, 6)
    rubber_stamp = WeightedGame.of({"x": 1}, 1)  # the other chamber's single member always needed
    result = bicameral_indices(first, rubber_stamp)
    alone = power_indices(first)
    # in the product each first-chamber swing survives only when x joins: same counts
    assert result.swings[0] == alone.swings


@st.composite
def party_seats(draw):
    n = draw(st.integers(1, 7))
    first = draw(st.lists(st.integers(0, 12), min_size=n, max_size=n))
    second = draw(st.lists(st.integers(0, 6), min_size=n, max_size=n))
    first[0] = max(first[0], 1)
    second[0] = max(second[0], 1)
    qa = draw(st.integers(1, sum(first)))
    qb = draw(st.integers(1, sum(second)))
    labels = tuple(f"p{i}" for i in range(n))
    return WeightedGame(labels, tuple(first), qa), WeightedGame(labels, tuple(second), qb)


@settings(max_examples=40, deadline=None)
@given(party_seats())
def test_joint_party_game_equals_enumeration(games):
    from curul.congress import joint_indices

    first, second = games
    result = joint_indices(first, second)

    def wins(members):
        a = sum(first.weights[i] for i in members)
        b = sum(second.weights[i] for i in members)
        return a >= first.quota and b >= second.quota

    swings, ss = brute_force_simple(first.n, wins)
    assert result.swings == swings
    assert result.shapley_shubik == ss
    assert sum(result.shapley_shubik) == 1


def test_joint_game_is_not_the_product_game():
    # the same parties as one bloc in both chambers are fewer players than two separate chambers
    from curul.congress import joint_indices

    first = WeightedGame.of({"A": 70, "B": 60}, 87)
    second = WeightedGame.of({"A": 25, "B": 35}, 40)
    assert joint_indices(first, second).shapley_shubik == (Fraction(1, 2), Fraction(1, 2))
