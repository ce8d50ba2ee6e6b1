"""Who can vacate a President in the bicameral Congress: the coalitions of parties that reach the
approval thresholds of both chambers, against enumeration and against cases checked by hand from the
official seats (``shared/reference/peru-2026-record.md`` §3.1) and thresholds (``peru-rules.md`` §2.3:
87 of 130 deputies, 40 of 60 senators)."""

from __future__ import annotations

from fractions import Fraction
from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from curul.congress import (
    BicameralCoalitions,
    VacancyArithmetic,
    WeightedGame,
    bicameral_coalitions,
    joint_coalitions,
    joint_indices,
    vacancy_arithmetic,
)
from curul.congress._power_reference import brute_force_simple
from curul.errors import ArgumentError

# peru-2026-record.md §3.1, official member lists of 31 July 2026: (senators, deputies).
OFFICIAL = {"FP": (22, 41), "JPP": (14, 32), "RP": (8, 15), "PBG": (7, 18), "Obras": (5, 14), "AN": (4, 10)}
DEPUTIES_NEEDED, SENATORS_NEEDED = 87, 40  # ⌈2/3 · 130⌉, ⌈2/3 · 60⌉ (B4, B5)


def _reaches(parties) -> tuple[bool, bool]:
    deputies = sum(OFFICIAL[p][1] for p in parties)
    senators = sum(OFFICIAL[p][0] for p in parties)
    return deputies >= DEPUTIES_NEEDED, senators >= SENATORS_NEEDED


def _by_hand_minimal() -> set[frozenset[str]]:
    """Every set of parties that reaches both and needs each of its parties (plain enumeration)."""
    out = set()
    for k in range(1, len(OFFICIAL) + 1):
        for parties in combinations(OFFICIAL, k):
            if all(_reaches(parties)) and all(not all(_reaches(set(parties) - {p})) for p in parties):
                out.add(frozenset(parties))
    return out


def test_a_coalition_that_reaches_both_chambers():
    # FP + JPP + RP: 41 + 32 + 15 = 88 ≥ 87 deputies, 22 + 14 + 8 = 44 ≥ 40 senators; without RP
    # 73 deputies, without JPP 56, without FP 47: each party is needed.
    assert 41 + 32 + 15 == 88 and 22 + 14 + 8 == 44
    result = vacancy_arithmetic()
    coalition = {c.groups: c for c in result.approval.coalitions.minimal}[("FP", "JPP", "RP")]
    assert coalition.seats == (88, 44) and coalition.surplus == (1, 4)
    # FP + JPP + Obras has exactly the 87 deputies (41 + 32 + 14) and 41 senators (22 + 14 + 5)
    tight = {c.groups: c for c in result.approval.coalitions.minimal}[("FP", "JPP", "Obras")]
    assert tight.seats == (87, 41) and tight.surplus == (0, 1)


def test_a_coalition_with_87_deputies_that_the_senate_stops():
    # Every party but FP: 32 + 15 + 18 + 14 + 10 = 89 deputies, but 14 + 8 + 7 + 5 + 4 = 38 < 40 senators.
    assert 32 + 15 + 18 + 14 + 10 == 89 and 14 + 8 + 7 + 5 + 4 == 38
    found = vacancy_arithmetic().approval.coalitions
    stopped = {c.groups: c for c in found.first_only}
    assert stopped[("JPP", "PBG", "RP", "Obras", "AN")].seats == (89, 38)
    assert stopped[("JPP", "PBG", "RP", "Obras", "AN")].surplus == (2, -2)
    # and so FP, the only party whose absence leaves the Senate short, is in every winning coalition
    assert found.veto == ("FP",)
    # the reverse: FP + JPP + AN has 22 + 14 + 4 = 40 senators but 41 + 32 + 10 = 83 deputies
    assert ("FP", "JPP", "AN") in {c.groups for c in found.second_only}


def test_the_minimal_winning_coalitions_are_those_found_by_hand():
    found = vacancy_arithmetic().approval.coalitions
    assert {frozenset(c.groups) for c in found.minimal} == _by_hand_minimal()
    by_hand = _by_hand_minimal()
    in_none = {p for p in OFFICIAL if not any(p in c for c in by_hand)}
    assert set(found.dummies) == in_none == {"AN"}
    assert {len(c.groups) for c in found.fewest_groups} == {min(len(c) for c in by_hand)}


def test_the_joint_games_indices_equal_brute_force():
    result = vacancy_arithmetic().approval
    labels = result.indices.labels
    n = len(labels)

    def wins(members):
        return all(_reaches([labels[i] for i in members]))

    swings, ss = brute_force_simple(n, wins)
    assert result.indices.swings == swings
    assert result.indices.shapley_shubik == ss
    assert sum(result.indices.banzhaf) == 1 == sum(result.indices.shapley_shubik)
    total = sum(swings)
    assert result.indices.banzhaf == tuple(Fraction(s, total) for s in swings)
    # the party with the most swings is the one the result calls most pivotal
    best = max(swings)
    assert result.most_pivotal["banzhaf"] == [labels[i] for i in range(n) if swings[i] == best]


def test_the_disputed_lambayeque_seat_changes_the_coalitions():
    # record §3.1: the second source gives that deputy to RP, so FP 40 and RP 16. Then FP + JPP + Obras
    # has 40 + 32 + 14 = 86 < 87 deputies and needs AN: 96 deputies, 22 + 14 + 5 + 4 = 45 senators.
    result = vacancy_arithmetic()
    alt = result.alternative
    assert alt is not None and alt.composition.seats["FP"] == 40 and alt.composition.seats["RP"] == 16
    groups = {c.groups: c.seats for c in alt.coalitions.minimal}
    assert ("FP", "JPP", "Obras") not in groups and groups[("FP", "JPP", "Obras", "AN")] == (96, 45)
    assert result.same_under_alternative is False and alt.coalitions.veto == ("FP",)
    data = result.as_dict()["alternative"]
    assert data["same_minimal_winning"] is False and data["sources"][0].startswith("GitHub oprbguitar")
    assert "other minimal winning coalitions" in result.report().to_text()
    assert vacancy_arithmetic(habiles=True).alternative is None  # hábiles: the official list's members


def test_habiles_only_counts_the_sworn():
    # Without Albañil (Obras) and García Huby (PBG), not yet sworn on 31 July: FP + JPP + Obras has
    # 41 + 32 + 13 = 86 < 87 deputies, so it no longer wins; the 87 of B4 is still of the legal number.
    result = vacancy_arithmetic(habiles=True)
    assert result.habiles and result.approval.quota.votes == 87
    groups = {c.groups for c in result.approval.coalitions.minimal}
    assert ("FP", "JPP", "Obras") not in groups and ("FP", "JPP", "RP") in groups
    admission = next(s for s in result.steps if s.procedure == "vacancy.admission")
    assert admission.quota.arithmetic == "⌈2/5 · 128⌉ = 52"


def test_steps_come_from_the_regime_with_rule_ids_and_sources():
    result = vacancy_arithmetic("2026-09-01")
    assert result.on.isoformat() == "2026-09-01"
    steps = [(s.procedure, s.quota.chamber, s.quota.rule_id, s.quota.votes) for s in result.steps]
    assert steps == [
        ("vacancy.filing", "deputies", "B1", 39),
        ("vacancy.admission", "deputies", "B2", 52),
        ("vacancy.approval", "deputies", "B4", 87),
        ("vacancy.approval", "senate", "B5", 40),
    ]
    assert all(s.quota.sources and s.quota.confirmed is True for s in result.steps)
    assert result.earlier_steps_covered  # 39 ≤ 87 and 52 ≤ 87


@pytest.mark.parametrize(
    ("on", "message"), [("2026-01-15", "outside the 2026-2031 term"), ("soon", "not a date")]
)
def test_dates_outside_the_bicameral_term_are_refused(on, message):
    with pytest.raises(ArgumentError, match=message) as info:
        vacancy_arithmetic(on)
    assert info.value.argument == "on"


def test_compositions_without_a_date_before_the_bicameral_regime_are_refused(tmp_path):
    deputies = tmp_path / "d.csv"
    deputies.write_text("group,seats\nA,90\nB,40\n", encoding="utf-8")
    senate = tmp_path / "s.csv"
    senate.write_text("group,seats\nA,30\nB,30\n", encoding="utf-8")
    with pytest.raises(ArgumentError, match="needs the bicameral regime"):
        vacancy_arithmetic("2025-01-01", deputies=str(deputies), senate=str(senate))
    with pytest.raises(ArgumentError, match="carry no date"):
        vacancy_arithmetic(deputies=str(deputies), senate=str(senate))
    # a hypothetical Congress, on a day of the bicameral regime: A alone has 90 ≥ 87 but 30 < 40
    result = vacancy_arithmetic("2027-01-01", deputies=str(deputies), senate=str(senate))
    assert [c.groups for c in result.approval.coalitions.minimal] == [("A", "B")]
    assert [c.groups for c in result.approval.coalitions.first_only] == [("A",)]


def test_results_follow_the_protocol():
    result = vacancy_arithmetic(limit=2)
    assert isinstance(result, VacancyArithmetic) and isinstance(result.approval, BicameralCoalitions)
    data = result.as_dict()
    assert list(data) == [
        "procedure", "on", "habiles_only", "steps", "earlier_steps_covered", "composition", "senate",
        "chambers", "threshold", "senate_threshold", "thresholds", "total_seats", "groups", "count",
        "minimal_winning", "fewest_groups", "fewest_seats_first", "fewest_seats_second", "pivotal", "veto",
        "dummies", "first_only", "second_only", "indices", "most_pivotal", "alternative",
    ]  # fmt: skip
    assert data["count"] == 4 and len(data["minimal_winning"]) == 2
    assert data["chambers"] == {"first": "deputies", "second": "senate"}
    assert set(data["steps"][0]) >= {"step", "description", "composition", "votes", "rule_id", "confirmed"}
    assert set(data["indices"][0]) == {
        "group", "seats_first", "seats_second", "banzhaf", "banzhaf_absolute", "shapley_shubik",
        "banzhaf_exact", "banzhaf_absolute_exact", "shapley_shubik_exact",
    }  # fmt: skip
    assert set(data["minimal_winning"][0]) == {
        "groups", "seats_first", "seats_second", "surplus_first", "surplus_second",
    }  # fmt: skip
    frame = result.to_frame()
    assert list(frame.index) == ["FP", "JPP", "PBG", "RP", "Obras", "AN"]
    assert frame.loc["FP", "veto"] and frame["shapley_shubik"].sum() == pytest.approx(1)
    assert list(result.steps_frame()["votes"]) == [39, 52, 87, 40]
    assert len(result.approval.coalitions_frame()) == 2
    html = result._repr_html_()
    assert "<table" in html and "B5" in html and "veto parties" in html and "FP + JPP + RP" in html
    text = result.report().to_text()
    assert "UNCONFIRMED" not in text  # all four rules are confirmed


def test_bicameral_coalitions_by_name_equal_the_vacancy_view():
    both = bicameral_coalitions("2026-07-deputies", "vacancy.approval", "2026-07-senate", "vacancy.approval")
    assert both.as_dict() == vacancy_arithmetic().approval.as_dict()
    assert "<table" in both._repr_html_() and "rule B4" in both.report().to_text()


@st.composite
def party_games(draw):
    n = draw(st.integers(1, 7))
    first = draw(st.lists(st.integers(0, 12), min_size=n, max_size=n))
    second = draw(st.lists(st.integers(0, 6), min_size=n, max_size=n))
    first[0], second[0] = max(first[0], 1), max(second[0], 1)
    labels = tuple(f"p{i}" for i in range(n))
    return (
        WeightedGame(labels, tuple(first), draw(st.integers(1, sum(first)))),
        WeightedGame(labels, tuple(second), draw(st.integers(1, sum(second)))),
    )


@settings(max_examples=60, deadline=None)
@given(party_games())
def test_joint_coalitions_equal_enumeration(games):
    first, second = games
    n = first.n

    def reach(members, game):
        return sum(game.weights[i] for i in members) >= game.quota

    def wins(members):
        return reach(members, first) and reach(members, second)

    def minimal(test):
        return {
            frozenset(c)
            for k in range(1, n + 1)
            for c in combinations(range(n), k)
            if test(c) and all(not test(set(c) - {i}) for i in c)
        }

    found = joint_coalitions(first, second)
    name = {frozenset(first.labels.index(g) for g in c.groups) for c in found.minimal}
    assert name == minimal(wins)
    assert {frozenset(first.labels.index(g) for g in c.groups) for c in found.first_only} == {
        c for c in minimal(lambda m: reach(m, first)) if not reach(c, second)
    }
    everyone = set(range(n))
    assert set(found.veto) == {first.labels[i] for i in range(n) if not wins(everyone - {i})}
    assert all(c.surplus == (c.seats[0] - first.quota, c.seats[1] - second.quota) for c in found.minimal)
    # the joint indices are zero exactly for the parties in no minimal winning coalition
    indices = joint_indices(first, second)
    assert {g for g, s in zip(indices.labels, indices.swings, strict=True) if s == 0} == set(found.dummies)
