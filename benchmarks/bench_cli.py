"""Cold start of every ``curul`` command against the import of typer alone, run interleaved.

Run: ``.venv/bin/python benchmarks/bench_cli.py [--quick] [--no-runs]``. Each round starts a fresh
interpreter for the baseline (``python -c "import typer"``) and then for each command line in turn, so that
the machine's load falls on all of them alike; the script prints the median wall time of each and its ratio
to the baseline's median. Two sets are timed: ``curul --version``, ``curul --help`` and every command's
``--help`` (the start-up alone), then a cheap real run of each command (the start-up plus the imports and
work that command needs). The ratio is the figure to compare (absolute times depend on the machine).
The roll-call runs use a cache in a temporary folder (``CURUL_CACHE_DIR``), filled by the timed
``rollcalls import``; ``rollcalls ideal`` and ``rollcalls predict`` fit a model, and the folder of fitted
models is emptied before each of their runs, so every round times the fit (a second run with the model
cached is the instant case, not the one timed). ``polls import`` writes to a temporary folder too.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"
TARGET = 1.5  # curul --version against import typer
BASELINE = "python -c 'import typer'"
FITS = (["rollcalls", "ideal"], ["rollcalls", "predict"])  # commands that fit a model


def help_lines() -> list[tuple[str, list[str]]]:
    """``curul --version``, ``curul --help`` and ``curul ... --help`` for every command and group."""
    from curul.cli._app import command

    def paths(node, prefix=()):
        yield prefix
        for name, child in getattr(node, "commands", {}).items():
            yield from paths(child, (*prefix, name))

    lines = [("curul --version", ["--version"])]
    for path in paths(command()):
        args = [*path, "--help"]
        lines.append((f"curul {' '.join(args)}", args))
    return lines


def run_lines(scratch: Path) -> list[tuple[str, list[str]]]:
    """A cheap real run of each command (each exits 0 with the bundled or the shared data)."""
    rollcalls = SHARED / "rollcalls"
    polls = SHARED / "polls"
    scenario = REPO / "examples" / "scenarios" / "feb2026-vacancy-acting-head.toml"
    poll_file = REPO / "src" / "curul" / "forecast" / "polls" / "peru-2026-r1.csv"
    lines = [
        ["results", "2016"],
        ["seats", "--system", "peru-2016", "--official"],
        ["systems"],
        ["apportion", "--set", "TUMBES=170000", "--set", "UCAYALI=420000"],
        ["threshold", "vacancy.approval"],
        ["articles", "113"],
        ["history"],
        ["power", "-c", "2021-07", "-t", "vacancy.approval"],
        ["coalitions", "-c", "2021-07", "-t", "87", "--limit", "3"],
        ["compositions"],
        ["forecast", "--election", "peru-2026", "--sims", "200"],
        ["backtest", "--election", "peru-2016"],
        ["data", "list"],
        ["data", "show", "congress-2016-district-votes", "--limit", "5"],
        ["data", "check"],
        ["scenario", "run", str(scenario)],
        ["scenario", "options"],
        ["polls", "check", str(poll_file)],
    ]
    if polls.is_dir():
        (scratch / "polls").mkdir()
        lines.append(["polls", "import", str(polls), "--out", str(scratch / "polls")])
    if rollcalls.is_dir():  # import first: it fills the cache the others read
        lines += [
            ["rollcalls", "import", str(rollcalls)],
            ["rollcalls", "members"],
            ["rollcalls", "votes", "--kind", "vacancy"],
            ["rollcalls", "cohesion"],
            ["rollcalls", "ideal"],
            ["rollcalls", "predict", "--vote", "2022-03-28T23-19", "-t", "87"],
            ["rollcalls", "predict", "--kind", "vacancy"],
        ]
    return [(f"curul {' '.join(a)}".replace(str(REPO) + "/", "").replace(str(SHARED), "…"), a) for a in lines]


def _time(argv: list[str], env: dict[str, str]) -> float:
    if any(argv[i : i + 2] == fit for fit in FITS for i in range(len(argv))):
        shutil.rmtree(Path(env["CURUL_CACHE_DIR"]) / "models", ignore_errors=True)  # time the fit
    start = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, check=False, env=env, cwd=REPO)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed: {done.stderr.decode()[-500:]}")
    return elapsed


def measure(title: str, lines: list[tuple[str, list[str]]], rounds: int, env: dict[str, str]) -> dict:
    script = Path(sys.executable).with_name("curul")  # the console script a user runs
    entry = [str(script)] if script.exists() else [sys.executable, "-m", "curul"]
    runs: dict[str, list[float]] = {BASELINE: []} | {label: [] for label, _ in lines}
    for _ in range(rounds):
        runs[BASELINE].append(_time([sys.executable, "-c", "import typer"], env))
        for label, args in lines:
            runs[label].append(_time([*entry, *args], env))
    base = statistics.median(runs[BASELINE])
    print(f"\n{title}: {rounds} interleaved rounds, median wall time per cold start")
    width = max(len(label) for label in runs)
    for label, times in runs.items():
        median = statistics.median(times)
        print(f"  {label:<{width}} {median * 1e3:8.1f} ms   ratio to import typer {median / base:6.2f}")
    return {label: statistics.median(times) / base for label, times in runs.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 rounds of start-ups, 1 of runs (else 15, 3)")
    parser.add_argument("--no-runs", action="store_true", help="time the start-ups only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="curul-bench-") as tmp:
        scratch = Path(tmp)
        env = {**os.environ, "CURUL_CACHE_DIR": str(scratch / "cache"), "COLUMNS": "100"}
        ratios = measure("start-up (--version, --help)", help_lines(), 3 if args.quick else 15, env)
        if not args.no_runs:
            measure("a cheap real run of each command", run_lines(scratch), 1 if args.quick else 3, env)
    version = ratios["curul --version"]
    slowest = max((r, label) for label, r in ratios.items() if label != BASELINE)
    met = "met" if version <= TARGET else "not met"
    print(f"\ncurul --version / import typer: {version:.2f} (target ≤ {TARGET}: {met})")
    print(f"slowest start-up: {slowest[1]} at {slowest[0]:.2f}× import typer")


if __name__ == "__main__":
    main()
