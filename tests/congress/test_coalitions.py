"""Minimal winning coalitions against enumeration of every coalition."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from curul.congress import WeightedGame, coalitions, composition, minimal_winning
from curul.congress._power_reference import all_coalitions


def _minimal_by_enumeration(game: WeightedGame) -> set[frozenset[int]]:
    winning = all_coalitions(game)
    return {c for c in winning if all(sum(game.weights[j] for j in c if j != i) < game.quota for i in c)}


@st.composite
def games(draw):
    weights = draw(st.lists(st.integers(0, 15), min_size=1, max_size=10))
    if sum(weights) == 0:
        weights[0] = 1
    quota = draw(st.integers(1, sum(weights)))
    return WeightedGame(tuple(f"g{i}" for i in range(len(weights))), tuple(weights), quota)


@settings(max_examples=60, deadline=None)
@given(games())
def test_minimal_winning_equals_enumeration(game):
    found = minimal_winning(game)
    assert len(found) == len(set(found))
    assert {frozenset(c) for c in found} == _minimal_by_enumeration(game)


@settings(max_examples=40, deadline=None)
@given(games())
def test_report_roles(game):
    report = coalitions(game)
    mwc = _minimal_by_enumeration(game)
    winning = all_coalitions(game)
    for g in report.veto:
        assert all(game.labels.index(g) in c for c in winning)
    for g in report.dummies:
        assert not any(game.labels.index(g) in c for c in mwc)
    assert min(c.seats for c in report.minimal) == report.fewest_seats[0].seats
    assert all(c.surplus == c.seats - game.quota >= 0 for c in report.minimal)


def test_2021_seats_vacancy_approval():
    # JNE 2021 seats, 87 votes: no coalition of 3 groups reaches 87 (37+24+16 = 77), so the
    # fewest-groups coalitions have 4, e.g. PL + FP + AP + APP = 92.
    report = coalitions(composition("2021-07").game(87))
    assert len(report.fewest_groups[0].groups) == 4
    assert ("PL", "FP", "AP", "APP") in {c.groups for c in report.fewest_groups}
    assert report.veto == ()
    assert {frozenset(c) for c in minimal_winning(report.game)} == _minimal_by_enumeration(report.game)


def test_2016_majority_has_a_dictator():
    # Fuerza Popular's 73 of 130 seats alone pass a 66-vote majority (El Comercio composition).
    report = coalitions(composition("2016").game(66))
    assert [c.groups for c in report.minimal] == [("FP",)]
    assert report.veto == ("FP",)
    assert set(report.dummies) == {"FA", "PPK", "APP", "AP", "APRA"}
