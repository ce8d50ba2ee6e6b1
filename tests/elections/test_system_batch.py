"""``allocate_system_seats``, the simulation-scale form of ``allocate_system_batch``: the same seats and
verdicts (tested against it, which recomputes the final allocation in full) for every system, every
reading, votes with many ties and draws where nobody passes, whatever the tile size; and its shortcut
for one-seat districts against the batch allocator."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from curul.elections import (
    METHODS,
    allocate_batch,
    allocate_system_batch,
    allocate_system_seats,
    load_system,
    systems,
)
from curul.elections._system_batch import allocate_rows, seat_dtype

NAMES = sorted(systems())
READINGS = [
    (name, reading.name, choice.value)
    for name in NAMES
    for reading in load_system(name).readings
    for choice in reading.choices
]


def _check(system, votes, numpy_path=False, **options):
    """The simulation-scale seats equal the batch engine's; ``numpy_path``: computed without the kernel
    (``CURUL_ALLOCATOR=numpy``), which takes tiles of rows where the kernel takes the whole batch."""
    parties = [f"P{k}" for k in range(votes.shape[2])]
    expected = allocate_system_batch(system, votes, parties)
    with pytest.MonkeyPatch.context() as patch:
        if numpy_path:
            patch.setenv("CURUL_ALLOCATOR", "numpy")
        got = allocate_system_seats(system, votes.astype(np.int32), **options)
    np.testing.assert_array_equal(got.passed, expected.passed)
    np.testing.assert_array_equal(got.seats, expected.seats)
    assert got.seats.dtype == seat_dtype(system.magnitudes)


@settings(max_examples=40, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    name=st.sampled_from(NAMES),
    tile=st.sampled_from([24, 500, 1 << 16]),
    numpy_path=st.booleans(),
)
def test_same_seats_as_the_batch_engine_on_random_elections(seed, name, tile, numpy_path):
    system = load_system(name)
    rng = np.random.default_rng(seed)
    # large lists, lists near the vote threshold, small lists that win preliminary seats only
    base = np.array([0.22, 0.17, 0.13, 0.1, 0.062, 0.048] + [0.03] * 9)
    shares = base * rng.uniform(0.6, 1.4, size=(6, len(system.districts), len(base)))
    votes = (shares * rng.choice([40, 40_000])).astype(np.int64)
    _check(system, votes, numpy_path, tile_cells=tile)


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), case=st.sampled_from(READINGS))
def test_same_seats_under_every_reading(seed, case):
    name, reading, value = case
    system = load_system(name).with_readings({reading: value})
    rng = np.random.default_rng(seed)
    base = np.array([0.22, 0.17, 0.13, 0.1, 0.062, 0.048] + [0.03] * 9)
    shares = base * rng.uniform(0.6, 1.4, size=(4, len(system.districts), len(base)))
    _check(system, (shares * 40_000).astype(np.int64))


@pytest.mark.parametrize("name", ["peru-2026-senate", "peru-2026-deputies", "peru-2016"])
def test_ties_empty_districts_and_draws_where_nobody_passes(name):
    system = load_system(name)
    rng = np.random.default_rng(7)
    votes = rng.integers(0, 4, size=(40, len(system.districts), 5))  # ties everywhere
    votes[3] = 0  # a draw without votes
    votes[5, :, 1:] = 0  # one list takes every vote
    votes[8, 2] = 0  # a district without votes
    _check(system, votes)


@settings(max_examples=80, deadline=None)
@given(
    votes=arrays(np.int64, (12, 5), elements=st.integers(0, 6)),
    magnitudes=arrays(np.int64, (12,), elements=st.integers(0, 3)),
    eligible=arrays(bool, (12, 5)),
    method=st.sampled_from(METHODS),
)
def test_rows_equal_the_batch_allocator_one_seat_districts_included(votes, magnitudes, eligible, method):
    expected = allocate_batch(votes[None], magnitudes, method, None)[0]
    np.testing.assert_array_equal(allocate_rows(votes, magnitudes, method), expected)
    masked = allocate_batch((votes * eligible)[None], magnitudes, method)[0]
    np.testing.assert_array_equal(allocate_rows(votes, magnitudes, method, eligible, tile_cells=10), masked)


def test_bad_votes_are_refused():
    system = load_system("peru-2026-senate")
    with pytest.raises(ValueError, match="districts"):
        allocate_system_seats(system, np.zeros((2, 3, 4), dtype=np.int32))
    with pytest.raises(ValueError, match="votes must be integers"):
        allocate_system_seats(system, -np.ones((1, len(system.districts), 2), dtype=np.int32))
