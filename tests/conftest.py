"""Shared test fixtures: the reference data folder and a runner for the real ``curul`` command."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

import pytest
from hypothesis import settings

# No per-example deadline: the 2-core CI machine is shared and timing is not what these tests check.
# In CI (CI=true) the examples are derived from each test's name, so a run can be repeated exactly.
settings.register_profile("dev", deadline=None, print_blob=True)
settings.register_profile("ci", deadline=None, print_blob=True, derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") == "true" else "dev")

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"

# CI sets CURUL_REQUIRE_SHARED=1: there the reference data must be present, and a test that would skip
# for want of it fails instead, so a missing folder cannot pass as a green run.
REQUIRE_SHARED = os.environ.get("CURUL_REQUIRE_SHARED") == "1"


def absent(reason: str) -> NoReturn:
    """Skip for want of ``../shared/data``, or fail when ``CURUL_REQUIRE_SHARED=1``."""
    if REQUIRE_SHARED:
        pytest.fail(f"{reason} (CURUL_REQUIRE_SHARED=1: the reference data is required)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def absent_shared() -> Callable[[str], NoReturn]:
    """:func:`absent` for the conftest files below this one."""
    return absent


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """``../shared/data`` beside the checkout: the reference files the bundled data was curated from."""
    if not SHARED_DATA.is_dir():
        absent("../shared/data is not beside this checkout")
    return SHARED_DATA


@pytest.fixture(scope="session")
def curul_cli():
    """Run ``curul ARGS...`` as a user would (a separate process), returning the completed process."""

    def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "curul", *args],
            capture_output=True,
            text=True,
            cwd=cwd or REPO,
            timeout=300,
        )

    return run
