"""The batch allocator against the exact one: random inputs with many ties, and the real 2016 election.

Both paths of the batch allocator are checked: the compiled kernel (numba) and the NumPy path."""

import importlib.util

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from curul.elections import (
    METHODS,
    allocate,
    allocate_batch,
    allocate_system,
    allocate_system_batch,
    load_system,
    official_votes,
)
from curul.elections._batch import _run

HAS_NUMBA = importlib.util.find_spec("numba") is not None
ENGINES = ["numpy", pytest.param("compiled", marks=pytest.mark.skipif(not HAS_NUMBA, reason="no numba"))]


def batch(votes, magnitudes, method="dhondt", eligible=None, *, engine, ties=False):
    """``allocate_batch`` (or, with ``ties``, ``allocate_batch_with_ties``) on one path of the allocator."""
    seats, tied = _run(votes, magnitudes, method, eligible, ties, engine)
    return (seats, tied) if ties else seats


def _exact(votes, magnitudes, method, eligible=None):
    draws, districts, lists = votes.shape
    seats = np.zeros_like(votes)
    ties = np.zeros((draws, districts), dtype=bool)
    order = [str(k) for k in range(lists)]
    for i in range(draws):
        for d in range(districts):
            row = {str(k): int(votes[i, d, k]) for k in range(lists) if eligible is None or eligible[i, k]}
            result = allocate(row, int(magnitudes[d]), method, tie_break=order)
            for name, s in result.seats.items():
                seats[i, d, int(name)] = s
            ties[i, d] = bool(result.ties)
    return seats, ties


@st.composite
def elections(draw, max_votes):
    draws = draw(st.integers(1, 4))
    districts = draw(st.integers(1, 4))
    lists = draw(st.integers(1, 6))
    votes = draw(arrays(np.int64, (draws, districts, lists), elements=st.integers(0, max_votes)))
    magnitudes = draw(arrays(np.int64, (districts,), elements=st.integers(0, 9)))
    return votes, magnitudes


@pytest.mark.parametrize("engine", ENGINES)
@settings(max_examples=100, deadline=None)
@given(case=elections(max_votes=12), method=st.sampled_from(METHODS))
def test_batch_equals_exact_small_votes_many_ties(case, method, engine):
    votes, magnitudes = case
    seats, ties = batch(votes, magnitudes, method, engine=engine, ties=True)
    exact_seats, exact_ties = _exact(votes, magnitudes, method)
    np.testing.assert_array_equal(seats, exact_seats)
    np.testing.assert_array_equal(ties, exact_ties)


@pytest.mark.parametrize("engine", ENGINES)
@settings(max_examples=50, deadline=None)
@given(case=elections(max_votes=10**7), method=st.sampled_from(METHODS), data=st.data())
def test_batch_equals_exact_large_votes_with_eligibility(case, method, data, engine):
    votes, magnitudes = case
    eligible = data.draw(arrays(bool, (votes.shape[0], votes.shape[2])))
    seats = batch(votes, magnitudes, method, eligible, engine=engine)
    np.testing.assert_array_equal(seats, _exact(votes, magnitudes, method, eligible)[0])


@settings(max_examples=60, deadline=None)
@given(case=elections(max_votes=10**6))
def test_batch_seats_sum_to_magnitudes(case):
    votes, magnitudes = case
    seats = allocate_batch(votes, magnitudes)
    has_votes = votes.sum(axis=2) > 0
    expected = np.broadcast_to(magnitudes, has_votes.shape)
    np.testing.assert_array_equal(seats.sum(axis=2)[has_votes], expected[has_votes])
    assert (seats.sum(axis=2)[~has_votes] == 0).all()


def test_realistic_batch_matches_exact():
    rng = np.random.default_rng(2021)
    system = load_system("peru-2021")
    shares = rng.dirichlet(np.ones(20), size=(40, 1)) * rng.uniform(0.5, 1.5, size=(40, 27, 20))
    votes = (shares * 40_000).astype(np.int64)
    for method in METHODS:
        np.testing.assert_array_equal(
            allocate_batch(votes, system.magnitudes, method), _exact(votes, system.magnitudes, method)[0]
        )


@pytest.mark.parametrize("engine", ENGINES)
def test_bad_shapes_are_refused(engine):
    with pytest.raises(ValueError, match="draws × districts × lists"):
        batch(np.zeros((2, 3)), np.ones(3), engine=engine)
    with pytest.raises(ValueError, match="magnitudes"):
        batch(np.zeros((2, 3, 4), dtype=np.int64), np.ones(2), engine=engine)
    with pytest.raises(ValueError, match="votes must be integers"):
        batch(-np.ones((1, 1, 2), dtype=np.int64), np.ones(1), engine=engine)


@pytest.mark.parametrize("name", ["peru-2006", "peru-2011", "peru-2016"])
def test_system_batch_equals_exact_on_official_results(name):
    system = load_system(name)
    votes, members = official_votes(system)
    parties = list(dict.fromkeys(p for row in votes.values() for p in row))
    array = np.array([[[votes.get(d, {}).get(p, 0) for p in parties] for d in system.districts]])
    batch = allocate_system_batch(system, array, parties)
    exact = allocate_system(system, votes, members=members)
    assert [parties[k] for k in np.nonzero(batch.passed[0])[0]] == exact.passed
    assert dict(zip(parties, batch.national[0].tolist(), strict=True)) == exact.seats
    for d, district in enumerate(system.districts):
        expected = {p: exact.districts[district].seats.get(p, 0) for p in parties}
        assert dict(zip(parties, batch.seats[0, d].tolist(), strict=True)) == expected
    assert not batch.ties.any()


@settings(max_examples=25, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    name=st.sampled_from(["peru-2016", "peru-2021", "peru-2026-deputies", "peru-2026-senate"]),
)
def test_system_batch_equals_exact_on_random_elections(seed, name):
    system = load_system(name)
    rng = np.random.default_rng(seed)
    lists = 8
    org_types = ["alliance:3" if k == 0 else "PARTIDO POLÍTICO" for k in range(lists)]
    noise = rng.uniform(0.3, 1.7, size=(3, len(system.districts), lists))
    shares = rng.dirichlet(np.full(lists, 0.6), size=(3, 1)) * noise
    votes = (shares * 20_000).astype(np.int64)
    parties = [f"P{k}" for k in range(lists)]
    batch = allocate_system_batch(system, votes, parties, org_types)
    for i in range(votes.shape[0]):
        table = {
            d: dict(zip(parties, votes[i, j].tolist(), strict=True)) for j, d in enumerate(system.districts)
        }
        members = {"P0": 3}
        passed = [p for k, p in enumerate(parties) if batch.passed[i, k]]
        if not passed:
            assert batch.seats[i].sum() == 0
            continue
        exact = allocate_system(system, table, members=members, tie_break=parties)
        assert exact.passed == passed
        assert list(exact.seats.values()) == batch.national[i].tolist()


@pytest.mark.parametrize("engine", ENGINES)
@settings(max_examples=40, deadline=None)
@given(case=elections(max_votes=2**40 - 1), method=st.sampled_from(METHODS))
def test_batch_is_exact_up_to_its_vote_limit(case, method, engine):
    votes, magnitudes = case
    seats, ties = batch(votes, magnitudes, method, engine=engine, ties=True)
    exact_seats, exact_ties = _exact(votes, magnitudes, method)
    np.testing.assert_array_equal(seats, exact_seats)
    np.testing.assert_array_equal(ties, exact_ties)


@pytest.mark.parametrize("engine", ENGINES)
def test_votes_beyond_the_limit_are_refused(engine):
    with pytest.raises(ValueError, match="2\\*\\*40"):
        batch(np.full((1, 1, 2), 2**40, dtype=np.int64), np.ones(1, dtype=np.int64), engine=engine)
    with pytest.raises(ValueError, match="2\\*\\*50"):  # 1,025 lists of 2**40 - 1 votes each
        batch(np.full((1, 1, 1025), 2**40 - 1, dtype=np.int64), np.ones(1, dtype=np.int64), engine=engine)
    with pytest.raises(ValueError, match="whole numbers"):
        batch(np.full((1, 2, 2), 2.5), np.ones(2, dtype=np.int64), engine=engine)


@settings(max_examples=60, deadline=None)
@given(case=elections(max_votes=10**5), extra=st.integers(1, 10**4), data=st.data())
def test_batch_dhondt_more_votes_never_fewer_seats(case, extra, data):
    votes, magnitudes = case
    lst = data.draw(st.integers(0, votes.shape[2] - 1))
    more = votes.copy()
    more[:, :, lst] += extra
    assert (allocate_batch(more, magnitudes)[:, :, lst] >= allocate_batch(votes, magnitudes)[:, :, lst]).all()
