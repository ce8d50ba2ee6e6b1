from __future__ import annotations

import json
from pathlib import Path

import pytest

from curul.cli import main

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"


def run_cli(args: list[str], capsys) -> tuple[int, str, str]:
    """Run ``curul`` in-process: (exit code, stdout, stderr)."""
    code = 0
    try:
        main(args)
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def cli(capsys):
    def call(*args: str) -> tuple[int, str, str]:
        return run_cli(list(args), capsys)

    return call


@pytest.fixture
def cli_json(cli):
    def call(*args: str) -> dict:
        code, out, err = cli(*args, "--json")
        assert code == 0, err
        return json.loads(out)

    return call


@pytest.fixture
def shared_polls(absent_shared) -> Path:
    path = SHARED / "polls"
    if not path.is_dir():
        absent_shared(f"shared poll files not found at {path}")
    return path
