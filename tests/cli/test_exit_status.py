"""Exit statuses: 0 success, 2 a user mistake, 130 interrupted; errors as JSON with --json."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def _blocked_reading(pid: int, timeout: float = 120.0) -> bool:
    """Whether the process ``pid`` is (within ``timeout``) waiting to read a pipe: the point where it
    is surely running curul's own code, so an interrupt cannot land before Python's handlers exist."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if "pipe_read" in Path(f"/proc/{pid}/wchan").read_text():
                return True
        except OSError:
            return False
        time.sleep(0.1)
    return False


@pytest.mark.skipif(not Path("/proc/self/wchan").exists(), reason="needs Linux /proc to see the wait")
def test_ctrl_c_exits_130_with_aborted_on_stderr():
    # `--votes -` reads standard input, which this test holds open: the run waits there until interrupted
    process = subprocess.Popen(
        [sys.executable, "-m", "curul", "seats", "--system", "peru-2016", "--votes", "-", "--json"],
        cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert _blocked_reading(process.pid), "the run never reached its read of standard input"
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=60)
    finally:
        process.kill()
    assert process.returncode == 130
    assert err.strip().splitlines()[-1] == "aborted"
    assert "Traceback" not in err and out == ""


def test_errors_are_json_on_stderr_with_json(curul_cli):
    done = curul_cli(
        "data", "check", "tests/data/fixtures/negative_votes/congress_2016_district_votes.csv", "--json"
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1
    error = json.loads(done.stderr)["error"]
    assert (error["line"], error["column"], error["field"]) == (7, 4, "votes")
    assert error["problem"] == "-20 is negative" and error["file"].endswith(
        "congress_2016_district_votes.csv"
    )


def test_a_bad_option_names_the_option_in_json_too(curul_cli):
    done = curul_cli("forecast", "--election", "peru-1990", "--json")
    assert done.returncode == 2
    error = json.loads(done.stderr)["error"]
    assert error["option"] == "--election" and error["message"].startswith("--election: unknown election")
