"""Shared fixtures: the roll calls of ../shared/data (skipped when that folder is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROLLCALLS = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "rollcalls"


@pytest.fixture(scope="session")
def rollcalls_dir() -> Path:
    if not (ROLLCALLS / "votes.csv").is_file():
        pytest.skip(f"roll-call data not found at {ROLLCALLS} (shared data folder absent)")
    return ROLLCALLS


@pytest.fixture(scope="session")
def rollcalls(rollcalls_dir):
    from curul.congress import import_rollcalls

    return import_rollcalls(rollcalls_dir)


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    """Keep `rollcalls import` from writing into the user's real cache."""
    monkeypatch.setenv("CURUL_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "curul-cache"))
