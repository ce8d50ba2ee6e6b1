"""The fast Congress engine against the reference engine (``_congress.simulate_congress``, the original
path): the same seats, verdicts, bloc chances and Senate parts for a seed, whatever the number of
workers. Chunks and blocks are made small so a CI-sized run crosses several of each."""

from __future__ import annotations

import numpy as np
import pytest

import curul.forecast._congress as reference_module
import curul.forecast._congress_fast as fast_module
from curul.errors import ArgumentError
from curul.forecast import get_election, run_forecast
from curul.forecast._congress import simulate_congress
from curul.forecast._congress_fast import check_workers, simulate_congress_fast

BLOCS = {"FP+RP": ["Fuerza Popular", "Renovacion Popular"]}


@pytest.fixture
def small_chunks(monkeypatch):
    """Chunks of 700 draws (part of the random stream, so both engines take them) and blocks of 160."""
    monkeypatch.setattr(reference_module, "CHUNK", 700)
    monkeypatch.setattr(fast_module, "CHUNK", 700)
    monkeypatch.setattr(fast_module, "BLOCK", 160)


def test_same_congress_as_the_reference_whatever_the_workers(small_chunks):
    presidential = run_forecast("peru-2026", sims=1_900, seed=11, congress=False)
    election = get_election("peru-2026")

    def run(engine, **options):
        rng = np.random.default_rng(123)
        return engine(election, presidential.average, presidential.draws, rng, BLOCS, **options)

    reference = run(simulate_congress)
    assert reference.draws == 1_900 and reference.parts
    for workers in (1, 2, 3):
        assert run(simulate_congress_fast, workers=workers, block=160) == reference


def test_whole_forecasts_are_identical_across_engines_and_workers(small_chunks):
    reference = run_forecast("peru-2026", sims=1_500, seed=5, blocs=BLOCS, engine="reference")
    for workers in (1, 2):
        fast = run_forecast("peru-2026", sims=1_500, seed=5, blocs=BLOCS, workers=workers)
        assert fast.as_dict() == reference.as_dict()
        assert fast.seat_parts == reference.seat_parts
        np.testing.assert_array_equal(fast.draws.first, reference.draws.first)


def test_progress_counts_every_draw_per_chamber(small_chunks):
    steps: list[int] = []
    run_forecast("peru-2026", sims=1_500, seed=1, progress=steps.append, workers=2)
    assert sum(steps) == get_election("peru-2026").simulation_steps(1_500)


def test_workers_and_engine_are_checked():
    assert check_workers(3) == 3 and check_workers(None) >= 1
    with pytest.raises(ArgumentError) as caught:
        run_forecast("peru-2026", sims=100, workers=0)
    assert caught.value.argument == "workers"
    with pytest.raises(ArgumentError) as caught:
        run_forecast("peru-2026", sims=100, engine="quick")  # type: ignore[arg-type]
    assert caught.value.argument == "engine"
