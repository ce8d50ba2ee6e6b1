"""Shared helpers for the elections tests: where the reference data lives."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "elections"


@pytest.fixture
def shared_elections(absent_shared) -> Path:
    if not SHARED.is_dir():
        absent_shared(f"reference data not found at {SHARED} (it lives beside the repository)")
    return SHARED
