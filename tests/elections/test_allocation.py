"""The exact allocator against textbook cases, an independent package, and its own invariants."""

import json
from fractions import Fraction

import apportionment.methods as ap
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from curul.elections import METHODS, allocate
from curul.errors import CurulError
from curul.report import to_json

# The standard example (A 100,000, B 80,000, C 30,000, D 20,000; 8 seats) used to explain divisor methods.
EXAMPLE = {"A": 100_000, "B": 80_000, "C": 30_000, "D": 20_000}


def test_dhondt_textbook_example_and_cifra():
    result = allocate(EXAMPLE, 8)
    assert dict(result.seats) == {"A": 4, "B": 3, "C": 1, "D": 0}
    # 8th largest quotient: 25,000 (A/4); 26,666 (B/3) and 30,000 (C/1) are above it
    assert result.cifra == Fraction(25_000)
    assert result.ties == ()


@pytest.mark.parametrize(
    ("method", "package_name"),
    [("dhondt", "dhondt"), ("sainte-lague", "saintelague"), ("hare", "largest_remainder")],
)
def test_example_matches_apportionment_package(method, package_name):
    expected = ap.compute(package_name, list(EXAMPLE.values()), 8, verbose=False)
    assert [allocate(EXAMPLE, 8, method).seats[k] for k in EXAMPLE] == list(expected)


def test_modified_sainte_lague_example_has_a_real_tie():
    # A/7 = 100,000/7 and D/1.4 = 20,000·5/7 = 100,000/7: the 8th seat is a tie the package settles silently
    result = allocate(EXAMPLE, 8, "modified-sainte-lague")
    assert result.ties[0].lists == ("A", "D") and result.undecided == 1
    settled = allocate(EXAMPLE, 8, "modified-sainte-lague", tie_break=["A", "B", "C", "D"])
    expected = ap.compute("modified_saintelague", list(EXAMPLE.values()), 8, verbose=False)
    assert [settled.seats[k] for k in EXAMPLE] == list(expected)


def test_droop_by_hand():
    # quota ⌊230,000 / 9⌋ + 1 = 25,556: whole seats A 3, B 3, C 1; remainders A 23,332 > D 20,000 > C > B
    assert dict(allocate(EXAMPLE, 8, "droop").seats) == {"A": 4, "B": 3, "C": 1, "D": 0}


def test_tie_for_last_seat_is_reported_not_hidden():
    result = allocate({"A": 300, "B": 200, "C": 200}, 2)
    assert dict(result.seats) == {"A": 1, "B": 0, "C": 0}
    assert result.undecided == 1
    (tie,) = result.ties
    assert tie.lists == ("B", "C") and tie.seats == 1 and tie.value == 200 and tie.winners == ()


def test_tie_resolved_by_reproducible_lot():
    votes = {"A": 300, "B": 200, "C": 200}
    first = allocate(votes, 2, tie_break=7, district="X")
    again = allocate(votes, 2, tie_break=7, district="X")
    assert first.seats == again.seats and first.undecided == 0
    assert first.ties[0].resolved_by == "lot (seed 7)"
    assert sum(first.seats.values()) == 2
    winners = {allocate(votes, 2, tie_break=seed, district="X").ties[0].winners for seed in range(40)}
    assert winners == {("B",), ("C",)}  # the draw really draws


def test_lists_without_votes_never_win():
    result = allocate({"A": 0, "B": 0}, 3)
    assert result.undecided == 3 and sum(result.seats.values()) == 0


def test_bad_input_is_a_user_error():
    with pytest.raises(CurulError):
        allocate({"A": -1}, 1)
    with pytest.raises(CurulError):
        allocate({"A": 1}, 1, "bogus")


votes_st = st.dictionaries(st.sampled_from("ABCDEFG"), st.integers(0, 60), min_size=1, max_size=7).filter(
    lambda v: sum(v.values()) > 0
)


@settings(max_examples=150, deadline=None)
@given(votes=votes_st, seats=st.integers(1, 12), method=st.sampled_from(METHODS))
def test_seats_sum_to_magnitude_with_ties_settled(votes, seats, method):
    result = allocate(votes, seats, method, tie_break=sorted(votes))
    assert sum(result.seats.values()) == seats and result.undecided == 0
    undecided = allocate(votes, seats, method)
    assert sum(undecided.seats.values()) + undecided.undecided == seats


@settings(max_examples=150, deadline=None)
@given(votes=votes_st, seats=st.integers(1, 12), extra=st.integers(1, 40), data=st.data())
def test_dhondt_more_votes_never_fewer_seats(votes, seats, extra, data):
    name = data.draw(st.sampled_from(sorted(votes)))
    order = sorted(votes)
    before = allocate(votes, seats, tie_break=order).seats[name]
    after = allocate({**votes, name: votes[name] + extra}, seats, tie_break=order).seats[name]
    assert after >= before


@settings(max_examples=150, deadline=None)
@given(votes=st.lists(st.integers(1, 10**6), min_size=2, max_size=8), seats=st.integers(1, 40))
def test_dhondt_agrees_with_apportionment_package(votes, seats):
    names = [f"L{i}" for i in range(len(votes))]
    ours = allocate(dict(zip(names, votes, strict=True)), seats)
    if ours.ties:  # the package settles ties silently; compare only untied cases
        return
    assert [ours.seats[n] for n in names] == list(ap.compute("dhondt", votes, seats, verbose=False))


def test_an_allocation_is_a_result_a_notebook_shows():
    result = allocate(EXAMPLE, 8)
    assert set(result.as_dict()) == {
        "method",
        "magnitude",
        "seats",
        "votes",
        "cifra",
        "quota",
        "ties",
        "undecided",
    }
    assert result.as_dict()["cifra"] == 25_000 and result.as_dict()["quota"] is None
    frame = result.to_frame()
    assert list(frame.columns) == ["votes", "seats"] and frame.index.name == "list"
    assert frame["seats"].to_dict() == {"A": 4, "B": 3, "C": 1, "D": 0}
    assert frame.loc["A", "votes"] == 100_000
    html = result._repr_html_()
    assert "<table" in html and "<td" in html and "100,000" in html and "cifra repartidora" in html
    assert json.loads(to_json(result))["seats"] == {"A": 4, "B": 3, "C": 1, "D": 0}


def test_a_tie_shows_itself_undecided_or_settled():
    undecided = allocate({"A": 300, "B": 200, "C": 200}, 2, district="X")
    (tie,) = undecided.ties
    assert set(tie.as_dict()) == {"district", "seats", "lists", "value", "winners", "resolved_by"}
    assert "tie in X for 1 seat(s) among B, C: undecided" in tie.report().to_text()
    assert "1 seat(s) undecided" in undecided.report().to_text()
    settled = allocate({"A": 300, "B": 200, "C": 200}, 2, tie_break=["C"], district="X").ties[0]
    assert settled.report().to_text().endswith("settled by priority order: C")
    hare = allocate(EXAMPLE, 8, "hare").as_dict()
    assert hare["quota"] == 230_000 / 8 and hare["cifra"] is None


def test_a_bool_is_no_tie_break():
    with pytest.raises(CurulError, match="tie_break"):
        allocate({"A": 1, "B": 1}, 1, tie_break=True)
