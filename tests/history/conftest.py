"""Helpers: write a scenario file and run it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from curul.history import ScenarioResult, load_scenario, run_scenario

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "scenarios"


@pytest.fixture
def scenario(tmp_path: Path) -> Callable[[str], ScenarioResult]:
    def run(text: str) -> ScenarioResult:
        path = tmp_path / "scenario.toml"
        path.write_text(text, encoding="utf-8")
        return run_scenario(load_scenario(path))

    return run
