"""Fixtures of the dashboard's tests: an app over a fresh SQLite file, and the databases the store is
tested against (SQLite always; a throwaway PostgreSQL started by the test run when its binaries are
there — in CI, CURUL_REQUIRE_SHARED=1, their absence fails instead of skipping)."""

from __future__ import annotations

import glob
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from curul.web import create_app

REPO = Path(__file__).resolve().parents[2]
REQUIRE = os.environ.get("CURUL_REQUIRE_SHARED") == "1"


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    app = create_app(f"sqlite:///{tmp_path / 'scenarios.sqlite3'}")
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A PostgreSQL database of a cluster started for this run (scripts/pg_test_cluster.sh)."""
    given = os.environ.get("CURUL_TEST_DATABASE_URL")
    if given:
        yield given
        return
    if not glob.glob("/usr/lib/postgresql/*/bin/initdb") and not os.environ.get("PGBIN"):
        if REQUIRE:
            pytest.fail("PostgreSQL binaries are absent (CURUL_REQUIRE_SHARED=1: they are required)")
        pytest.skip("PostgreSQL binaries are absent")
    script = REPO / "scripts" / "pg_test_cluster.sh"
    started = subprocess.run([str(script), "start"], capture_output=True, text=True, timeout=120)
    if started.returncode != 0:
        pytest.fail(f"could not start PostgreSQL: {started.stderr[-2000:]}")
    url, folder = started.stdout.split()
    try:
        yield url
    finally:
        subprocess.run([str(script), "stop", folder], capture_output=True, timeout=120)


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.sqlite3'}"
    return request.getfixturevalue("postgres_url")
