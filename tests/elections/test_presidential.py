"""Presidential rounds against the official 2016 and 2021 results, and batch against exact."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from curul.data import load
from curul.elections import first_round, first_round_batch, runoff, runoff_batch


def _first_round(year):
    return {r.party: r.votes for r in load("presidential-first-rounds").rows if r.year == year}


def test_2016_and_2021_went_to_runoffs_between_the_official_pairs():
    r2016 = first_round(_first_round(2016))
    assert r2016.winner is None and r2016.runoff == ("FUERZA POPULAR", "PERUANOS POR EL KAMBIO")
    r2021 = first_round(_first_round(2021))
    assert r2021.winner is None and r2021.runoff == ("PERU LIBRE", "FUERZA POPULAR")
    assert "no ticket has more than half" in r2021.why


def test_runoffs_2016_and_2021():
    rows = load("presidential-runoffs").rows
    for year, winner in ((2016, "PERUANOS POR EL KAMBIO"), (2021, "PERU LIBRE")):
        for stage in {r.stage for r in rows if r.year == year}:
            assert runoff({r.party: r.votes for r in rows if r.year == year and r.stage == stage}) == winner


def test_majority_means_more_than_half():
    assert first_round({"A": 51, "B": 49}).winner == "A"
    exactly_half = first_round({"A": 50, "B": 30, "C": 20})
    assert exactly_half.winner is None and exactly_half.runoff == ("A", "B")
    assert first_round({"A": 40, "B": 30, "C": 30}).tied == ("B", "C")
    assert runoff({"A": 5, "B": 5}) is None


@settings(max_examples=150, deadline=None)
@given(votes=arrays(np.int64, st.tuples(st.integers(1, 20), st.integers(2, 6)), elements=st.integers(0, 20)))
def test_batch_first_round_and_runoff_equal_exact(votes):
    votes = votes[votes.sum(axis=1) > 0]
    if not len(votes):
        return
    winner, top_two = first_round_batch(votes)
    run = runoff_batch(votes, top_two)
    for i, row in enumerate(votes):
        exact = first_round({str(k): int(v) for k, v in enumerate(row)})
        assert winner[i] == (int(exact.winner) if exact.winner else -1)
        if exact.runoff:
            assert tuple(str(k) for k in top_two[i]) == exact.runoff
            final = runoff({c: int(row[int(c)]) for c in exact.runoff})
            assert run[i] == (int(final) if final else -1)
        # the batch settles a tie for second place by list order: the pair is still a valid one
        assert row[top_two[i, 0]] >= row[top_two[i, 1]] >= np.delete(row, top_two[i]).max(initial=0)


def test_runoff_batch_pairs():
    assert runoff_batch(np.array([[10, 5], [5, 10], [7, 7]])).tolist() == [0, 1, -1]
