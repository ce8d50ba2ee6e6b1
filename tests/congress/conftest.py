"""Shared fixtures of the chamber-arithmetic tests."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    """Keep the commands from reading or writing the user's real roll-call cache."""
    monkeypatch.setenv("CURUL_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "curul-cache"))
