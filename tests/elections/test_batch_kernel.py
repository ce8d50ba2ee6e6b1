"""The compiled batch kernel (numba) against the NumPy path and the exact allocator.

The districts here are larger than in test_batch.py, so that the kernel's second way of filling a district
(an exact top-set estimate, then a few moves) is exercised besides seat-by-seat filling; the votes come in
other integer types and memory layouts, as a forecast may hand them over.
"""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from curul.elections import METHODS, allocate, allocate_batch, allocate_batch_with_ties, load_system
from curul.elections._batch import _compiled, _run

pytest.importorskip("numba")
from curul.elections._batch_kernel import GREEDY_UP_TO


def _exact(votes, magnitudes, method, eligible=None):
    """Seats and tie flags from the exact allocator, one district at a time (lowest index first)."""
    draws, districts, lists = votes.shape
    seats = np.zeros(votes.shape, dtype=np.int64)
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
def large_districts(draw):
    draws = draw(st.integers(1, 3))
    districts = draw(st.integers(1, 3))
    lists = draw(st.integers(1, 7))
    top = draw(st.sampled_from([6, 300, 10**6, 2**40 - 1]))  # few distinct values: many ties
    votes = draw(arrays(np.int64, (draws, districts, lists), elements=st.integers(0, top)))
    magnitudes = draw(arrays(np.int64, (districts,), elements=st.integers(0, 45)))
    eligible = draw(st.none() | arrays(bool, (draws, lists)))
    return votes, magnitudes, eligible


@settings(max_examples=120, deadline=None)
@given(case=large_districts(), method=st.sampled_from(METHODS))
def test_kernel_equals_exact_and_numpy_in_large_districts(case, method):
    votes, magnitudes, eligible = case
    seats, ties = _run(votes, magnitudes, method, eligible, True, "compiled")
    exact_seats, exact_ties = _exact(votes, magnitudes, method, eligible)
    np.testing.assert_array_equal(seats, exact_seats)
    np.testing.assert_array_equal(ties, exact_ties)
    reference = _run(votes, magnitudes, method, eligible, True, "numpy")
    np.testing.assert_array_equal(seats, reference[0])
    np.testing.assert_array_equal(ties, reference[1])


def _simulated(draws, lists, magnitudes, seed):
    """2021-style votes (national Dirichlet shares, district noise), as in benchmarks/bench_allocation.py."""
    rng = np.random.default_rng(seed)
    national = rng.dirichlet(np.full(lists, 0.8), size=(draws, 1))
    local = national * rng.lognormal(0.0, 0.35, size=(draws, len(magnitudes), lists))
    local /= local.sum(axis=2, keepdims=True)
    return np.floor(local * (np.asarray(magnitudes) * 99_000)[None, :, None]).astype(np.int64)


@pytest.mark.parametrize("method", METHODS)
def test_kernel_equals_numpy_on_simulated_elections(method):
    """Many realistic districts (2021 magnitudes, 1 to 33 seats, and 60- and 130-seat ones) on both paths."""
    magnitudes = np.array([*load_system("peru-2021").magnitudes, 60, 130])
    votes = _simulated(300, 20, magnitudes, seed=13)
    eligible = np.random.default_rng(14).random((300, 20)) < 0.8
    for mask in (None, eligible):
        compiled = _run(votes, magnitudes, method, mask, True, "compiled")
        numpy = _run(votes, magnitudes, method, mask, True, "numpy")
        np.testing.assert_array_equal(compiled[0], numpy[0])
        np.testing.assert_array_equal(compiled[1], numpy[1])
    assert magnitudes.max() > GREEDY_UP_TO >= magnitudes.min()  # both ways of filling a district


def test_other_integer_types_and_layouts_give_the_same_seats():
    magnitudes = np.array([1, 4, 9, 33])
    votes = _simulated(50, 12, magnitudes, seed=7)
    expected, expected_ties = allocate_batch_with_ties(votes, magnitudes)
    strided = np.empty((50, 8, 12), dtype=np.int32)[:, ::2, :]  # every other district: not contiguous
    strided[...] = votes
    for same in (strided, votes.astype(np.uint32), votes.astype(np.float64), votes.astype(">i8")):
        seats, ties = allocate_batch_with_ties(same, magnitudes)
        np.testing.assert_array_equal(seats, expected)
        np.testing.assert_array_equal(ties, expected_ties)


def test_numpy_path_can_be_chosen(monkeypatch):
    assert _compiled() is not None
    monkeypatch.setenv("CURUL_ALLOCATOR", "numpy")
    assert _compiled() is None
    votes = _simulated(5, 6, [3, 8], seed=1)
    np.testing.assert_array_equal(allocate_batch(votes, [3, 8]), _exact(votes, [3, 8], "dhondt")[0])


def test_importing_the_elections_package_does_not_import_numba():
    """numba (a few hundred ms) loads on the first batch, not with the package."""
    code = "import sys, curul.elections; print('numba' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


@pytest.mark.parametrize("numpy_path", [False, True])
def test_seats_in_a_narrow_type_equal_the_wide_ones(monkeypatch, numpy_path):
    if numpy_path:
        monkeypatch.setenv("CURUL_ALLOCATOR", "numpy")
    magnitudes = [1, 4, 36]  # a one-seat district (the kernel's shortcut), a greedy one, a large one
    votes = _simulated(7, 6, magnitudes, seed=4)
    wide = allocate_batch(votes, magnitudes)
    for dtype in (np.uint8, np.int16):
        narrow = allocate_batch(votes, magnitudes, dtype=dtype)
        assert narrow.dtype == dtype
        np.testing.assert_array_equal(narrow, wide)
    np.testing.assert_array_equal(wide, _exact(votes, magnitudes, "dhondt")[0])
    with pytest.raises(ValueError, match="cannot hold a magnitude of 300"):
        allocate_batch(votes[:, :1], [300], dtype=np.uint8)
