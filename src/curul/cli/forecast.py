"""``curul forecast``, ``curul backtest`` and ``curul polls check|import``: parse the options, call
:mod:`curul.forecast`, and print the result (its ``as_dict()`` with ``--json``, else its report)."""

from pathlib import Path

import typer

from curul.cli._options import (
    CSV_OPTION,
    JSON_OPTION,
    MAX_SEED,
    MAX_SIMS,
    check_csv_file,
    options,
    parse_date,
)
from curul.cli._output import emit, progress, write_csv
from curul.errors import CurulError

# Written out, not read from curul.forecast (so --help imports no domain module); a test keeps them in
# step with the elections the library knows.
ELECTION_OPT = typer.Option("peru-2026", "--election", help="peru-2016, peru-2021 or peru-2026.")
CUTOFF_OPT = typer.Option(None, "--cutoff", help="Use polls published on or before this date (YYYY-MM-DD).")
SIMS_OPT = typer.Option(
    20_000, "--sims", max=MAX_SIMS, help=f"Number of simulated elections (at most {MAX_SIMS:,})."
)
SEED_OPT = typer.Option(0, "--seed", min=0, max=MAX_SEED, help="Random seed (same seed, same result).")
CONGRESS_OPT = typer.Option(True, "--congress/--no-congress", help="Simulate Congress seats too.")

polls_app = typer.Typer(
    help="Poll files: validate one, or import the shared research files.", no_args_is_help=True
)


def forecast(
    election: str = ELECTION_OPT,
    polls: Path | None = typer.Option(None, "--polls", help="Poll CSV file (default: the bundled polls)."),
    cutoff: str | None = CUTOFF_OPT,
    sims: int = SIMS_OPT,
    seed: int = SEED_OPT,
    bloc: list[str] | None = typer.Option(None, "--bloc", help="NAME=PARTY,PARTY: report P(bloc ≥ 66 / 87)."),
    chart: Path | None = typer.Option(None, "--chart", help="Write the candidate distributions (.png/.svg)."),
    congress: bool = CONGRESS_OPT,
    round_: int = typer.Option(
        1, "--round", help="1: the first round, its runoff and Congress; 2: the runoff from its own polls."
    ),
    include_unconfirmed: bool = typer.Option(
        False, "--include-unconfirmed", help="Round 2: also use the poll waves listed as unconfirmed."
    ),
    csv: Path | None = CSV_OPTION,
    workers: int | None = typer.Option(
        None, "--workers", help="Threads to simulate on (default: every core); the result is the same."
    ),
    sweep: Path | None = typer.Option(
        None, "--sweep", metavar="FILE", help="Run a grid of variants from a sweep file (.toml)."
    ),
    scheduler: str | None = typer.Option(
        None, "--scheduler", metavar="ADDRESS", help="With --sweep: run on this Dask scheduler."
    ),
    as_json: bool = JSON_OPTION,
) -> None:
    """Forecast a general election from the polls: first round, runoff and Congress."""
    check_csv_file(csv)
    from curul._files import write_atomic
    from curul.cli._options import output_file
    from curul.forecast import check_sims, get_election, parse_blocs, read_polls, run_forecast

    if round_ not in (1, 2):
        raise CurulError(f"--round: {round_} is not 1 or 2")
    if scheduler is not None and sweep is None:
        raise CurulError("--scheduler: only a sweep (--sweep FILE) runs on a scheduler")
    if sweep is not None:
        if round_ == 2 or bloc or chart is not None or include_unconfirmed or not congress:
            raise CurulError(
                "--sweep: the file gives the variants (and blocs, congress); "
                "no --round 2, --bloc, --chart, --no-congress or --include-unconfirmed"
            )
        _sweep(sweep, election, polls, cutoff, sims, seed, scheduler, workers, as_json)
        return
    rows = read_polls(polls) if polls is not None else None
    cutoff_date = parse_date(cutoff, "--cutoff")
    if round_ == 2:
        if bloc or chart is not None:
            raise CurulError("--round: the runoff forecast takes no --bloc or --chart")
        from curul.forecast import run_runoff_forecast

        runoff = run_runoff_forecast(
            election,
            rows=rows,
            cutoff=cutoff_date,
            sims=sims,
            seed=seed,
            include_unconfirmed=include_unconfirmed,
        )
        emit(runoff, as_json, csv)
        return
    if include_unconfirmed:
        raise CurulError(
            "--include-unconfirmed: only the runoff forecast (--round 2) lists unconfirmed polls"
        )
    from curul.viz import chart_format

    blocs = parse_blocs(bloc)
    with options(path="--chart"):
        fmt = chart_format(chart) if chart is not None else None
    output_file(chart, "--chart", ())
    check_sims(sims)
    steps = get_election(election).simulation_steps(sims, congress)
    with progress(steps, "simulating", not as_json) as advance:
        result = run_forecast(
            election,
            rows=rows,
            cutoff=cutoff_date,
            sims=sims,
            seed=seed,
            blocs=blocs,
            congress=congress,
            progress=advance,
            workers=workers,
        )
    if chart is not None and fmt is not None:
        write_atomic(chart, result.chart(fmt))
    if csv is not None:  # the table, beside (or, for -, instead of) the view with its chart
        write_csv(result, csv)
        if str(csv) == "-":
            return
    emit(result if as_json else result.report(chart=chart), as_json)


def _sweep(
    path: Path,
    election: str,
    polls: Path | None,
    cutoff: str | None,
    sims: int,
    seed: int,
    scheduler: str | None,
    workers: int | None,
    as_json: bool,
) -> None:
    """``curul forecast --sweep FILE``: the file's settings win over --election, --cutoff, --sims and
    --seed, which stand in for what it leaves out."""
    from dataclasses import replace

    from curul.forecast import get_election, read_polls, read_sweep, run_sweep

    spec = read_sweep(path)
    if spec.cutoff is None and cutoff is not None:
        spec = replace(spec, cutoff=parse_date(cutoff, "--cutoff"))
    rows = read_polls(polls) if polls is not None else None
    name = spec.election or election
    n = spec.sims if spec.sims is not None else sims
    chambers = len(get_election(name).congress) if spec.congress else 0
    steps = n * (1 + chambers) * len(spec.shifts) * len(spec.error_scales)
    with progress(steps, "simulating", not as_json) as advance:
        result = run_sweep(
            spec, name, rows, sims, seed, scheduler=scheduler, workers=workers, progress=advance
        )
    emit(result, as_json)


def backtest(
    election: str = typer.Option(..., "--election", help="peru-2016, peru-2021 or peru-2026."),
    cutoff: str | None = CUTOFF_OPT,
    sims: int = SIMS_OPT,
    seed: int = SEED_OPT,
    congress: bool = CONGRESS_OPT,
    round_: int = typer.Option(1, "--round", help="1: the first round (and Congress); 2: the runoff."),
    csv: Path | None = CSV_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Score the forecast against an official first round, beside the plain average and the last polls."""
    check_csv_file(csv)
    from curul.forecast import check_sims, get_election, run_backtest, run_runoff_backtest

    if round_ not in (1, 2):
        raise CurulError(f"--round: {round_} is not 1 or 2")
    cutoff_date = parse_date(cutoff, "--cutoff")
    if round_ == 2:
        emit(run_runoff_backtest(election, cutoff=cutoff_date), as_json, csv)
        return
    check_sims(sims)  # before the progress bar, which would leave a blank line above the error
    steps = get_election(election).simulation_steps(sims, congress)
    with progress(steps, "simulating", not as_json) as advance:
        result = run_backtest(
            election,
            cutoff=cutoff_date,
            sims=sims,
            seed=seed,
            progress=advance,
            congress=congress,
        )
    emit(result, as_json, csv)


@polls_app.command("check")
def polls_check(
    path: Path = typer.Argument(..., help="Poll CSV file."),
    csv: Path | None = CSV_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Validate a poll file and list its waves with their valid-vote conversion."""
    check_csv_file(csv)
    from curul.forecast import check_polls

    emit(check_polls(path), as_json, csv)


@polls_app.command("import")
def polls_import(
    source: Path = typer.Argument(..., help="Folder with the shared poll files (polls_2016_r1.csv, …)."),
    out: Path = typer.Option(..., "--out", help="Folder for the converted files."),
    csv: Path | None = CSV_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Convert the shared poll research files to the poll format (what the bundled files are)."""
    check_csv_file(csv)
    from curul.cli._options import output_folder
    from curul.forecast import import_shared_polls

    output_folder(out, "--out")
    result = import_shared_polls(source)  # everything is validated before anything is written
    result.write(out)
    if csv is not None:  # the rows left out
        write_csv(result, csv)
        if str(csv) == "-":
            return
    emit(result if as_json else result.report(folder=out), as_json)


def register(app: typer.Typer) -> None:
    app.command("forecast")(forecast)
    app.command("backtest")(backtest)
    app.add_typer(polls_app, name="polls")
