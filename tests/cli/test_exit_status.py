"""Exit statuses: 0 success, 2 a user mistake, 130 interrupted; errors as JSON with --json."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_ctrl_c_exits_130_with_aborted_on_stderr():
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "curul", "forecast", "--election", "peru-2026", "--sims", "200000", "--json"],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    time.sleep(4)  # well into the simulation (200,000, the most --sims takes, run for about 20 s)
    assert process.poll() is None, "the run ended before it could be interrupted"
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
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
