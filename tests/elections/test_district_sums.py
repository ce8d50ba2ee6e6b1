"""Reductions over districts: the compiled kernel against plain Python sums and against the NumPy path,
in every integer type and layout a simulation may hand over."""

from __future__ import annotations

from contextlib import contextmanager

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from curul.elections import district_totals, over_districts
from curul.elections._batch import _compiled
from curul.elections._district_sums import rows_holding

pytest.importorskip("numba")

DTYPES = [np.uint8, np.int32, np.uint32, np.int64]


@st.composite
def batches(draw):
    draws, districts, lists = draw(st.integers(0, 4)), draw(st.integers(1, 5)), draw(st.integers(1, 6))
    dtype = draw(st.sampled_from(DTYPES))
    top = int(min(np.iinfo(dtype).max, 2**40 - 1))
    a = draw(arrays(dtype, (draws, districts, lists), elements=st.integers(0, top)))
    index = draw(st.none() | st.lists(st.integers(0, districts - 1), max_size=6))
    return a, None if index is None else np.array(index, dtype=np.int64)


def _by_hand(a, index):
    """Sums and positive counts with Python integers, one cell at a time."""
    draws, districts, lists = a.shape
    picked = range(districts) if index is None else index
    sums = np.zeros((draws, lists), dtype=np.int64)
    counts = np.zeros((draws, lists), dtype=np.int64)
    for i in range(draws):
        for k in range(lists):
            sums[i, k] = sum(int(a[i, d, k]) for d in picked)
            counts[i, k] = sum(int(a[i, d, k]) > 0 for d in picked)
    return sums, counts


@contextmanager
def _path(numpy_path: bool):
    """The compiled kernel or the NumPy path (``CURUL_ALLOCATOR``), for one block of a test."""
    with pytest.MonkeyPatch.context() as patch:
        if numpy_path:
            patch.setenv("CURUL_ALLOCATOR", "numpy")
        else:
            patch.delenv("CURUL_ALLOCATOR", raising=False)
        assert (_compiled() is None) == numpy_path
        yield


@settings(max_examples=150, deadline=None)
@given(case=batches())
def test_compiled_and_numpy_sums_equal_sums_by_hand(case):
    a, index = case
    expected = _by_hand(a, index)
    for numpy_path in (False, True):
        with _path(numpy_path):
            sums, counts = over_districts(a, index)
            assert sums.dtype == counts.dtype == np.int64
            np.testing.assert_array_equal(sums, expected[0])
            np.testing.assert_array_equal(counts, expected[1])
            np.testing.assert_array_equal(district_totals(a, index), expected[0])


def test_votes_beyond_int32_sum_exactly_in_int64():
    # 27 districts of a list's 10**8 votes each: the total overflows int32 but not int64
    a = np.full((2, 27, 3), 10**8, dtype=np.int32)
    assert district_totals(a)[0, 0] == 27 * 10**8


def test_strided_and_foreign_byte_order_give_the_same_sums():
    rng = np.random.default_rng(3)
    a = rng.integers(0, 10**6, (5, 7, 4)).astype(np.int64)
    expected = _by_hand(a, None)
    wide = np.zeros((5, 7, 8), dtype=np.int64)
    wide[:, :, ::2] = a
    for same in (wide[:, :, ::2], a.astype(">i8"), a.astype(np.float64)):
        sums, counts = over_districts(same)
        np.testing.assert_array_equal(sums, expected[0])
        np.testing.assert_array_equal(counts, expected[1])


@settings(max_examples=100, deadline=None)
@given(
    seats=arrays(
        np.uint8,
        st.tuples(st.integers(0, 4), st.integers(1, 5), st.integers(1, 6)),
        elements=st.integers(0, 3),
    ),
    data=st.data(),
)
def test_rows_holding_marks_exactly_the_rows_where_a_failed_list_holds_a_seat(seats, data):
    passed = data.draw(arrays(bool, (seats.shape[0], seats.shape[2])))
    for numpy_path in (False, True):
        with _path(numpy_path):
            out = rows_holding(seats, passed)
        for i in range(seats.shape[0]):
            for d in range(seats.shape[1]):
                expected = any(seats[i, d, k] > 0 and not passed[i, k] for k in range(seats.shape[2]))
                assert out[i, d] == expected


def test_mismatched_shapes_are_refused():
    with pytest.raises(ValueError, match="do not match"):
        rows_holding(np.zeros((2, 3, 4), dtype=np.uint8), np.zeros((2, 5), dtype=bool))
    with pytest.raises(ValueError, match="draws × districts × lists"):
        over_districts(np.zeros((2, 3), dtype=np.int64))
