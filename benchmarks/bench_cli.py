"""Cold start of the ``curul`` command against the import of typer alone, run interleaved.

Run: ``.venv/bin/python benchmarks/bench_cli.py [--quick]``. Each round starts a fresh interpreter for
the baseline (``python -c "import typer"``) and for each command, in turn, so that the machine's load
falls on all of them alike; the script prints the median wall time of each and its ratio to the
baseline's median. The ratio is the figure to compare (absolute times depend on the machine).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

BASELINE = ("python -c 'import typer'", [sys.executable, "-c", "import typer"])
COMMANDS = [
    ("curul --version", ["--version"]),
    ("curul --help", ["--help"]),
    ("curul threshold --help", ["threshold", "--help"]),
]


def _time(argv: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed: {done.stderr.decode()[-500:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5 rounds instead of 30")
    rounds = 5 if parser.parse_args().quick else 30
    runs: dict[str, list[float]] = {BASELINE[0]: []} | {label: [] for label, _ in COMMANDS}
    script = Path(sys.executable).with_name("curul")  # the console script a user runs
    entry = [str(script)] if script.exists() else [sys.executable, "-m", "curul"]
    for _ in range(rounds):
        runs[BASELINE[0]].append(_time(BASELINE[1]))
        for label, args in COMMANDS:
            runs[label].append(_time([*entry, *args]))
    base = statistics.median(runs[BASELINE[0]])
    print(f"{rounds} interleaved rounds, median wall time per cold start")
    for label, times in runs.items():
        median = statistics.median(times)
        print(f"  {label:<32} {median * 1e3:7.1f} ms   ratio to import typer {median / base:5.2f}")


if __name__ == "__main__":
    main()
