"""CLI: ``curul forecast``, ``curul backtest`` and ``curul polls check|import``."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from curul._files import write_atomic
from curul.cli._options import JSON_OPTION, parse_date
from curul.cli._output import emit, progress
from curul.errors import CurulError

ELECTION_OPT = typer.Option("peru-2026", "--election", help="peru-2016, peru-2021 or peru-2026.")
CUTOFF_OPT = typer.Option(None, "--cutoff", help="Use polls published on or before this date (YYYY-MM-DD).")
SIMS_OPT = typer.Option(20_000, "--sims", help="Number of simulated elections.")
SEED_OPT = typer.Option(0, "--seed", help="Random seed (same seed, same result).")
CONGRESS_OPT = typer.Option(True, "--congress/--no-congress", help="Simulate Congress seats too.")

polls_app = typer.Typer(
    help="Poll files: validate one, or import the shared research files.", no_args_is_help=True
)


def _parse_blocs(specs: list[str] | None) -> dict[str, list[str]]:
    blocs: dict[str, list[str]] = {}
    for spec in specs or []:
        name, sep, parties = spec.partition("=")
        members = [p.strip() for p in parties.split(",") if p.strip()]
        if not sep or not name.strip() or not members:
            raise CurulError(f"--bloc: {spec!r} is not NAME=PARTY[,PARTY...]")
        blocs[name.strip()] = members
    return blocs


def forecast(
    election: str = ELECTION_OPT,
    polls: Path | None = typer.Option(None, "--polls", help="Poll CSV file (default: the bundled polls)."),
    cutoff: str | None = CUTOFF_OPT,
    sims: int = SIMS_OPT,
    seed: int = SEED_OPT,
    bloc: list[str] | None = typer.Option(None, "--bloc", help="NAME=PARTY,PARTY: report P(bloc ≥ 66 / 87)."),
    chart: Path | None = typer.Option(None, "--chart", help="Write the candidate distributions (.png/.svg)."),
    congress: bool = CONGRESS_OPT,
    as_json: bool = JSON_OPTION,
) -> None:
    """Forecast a general election from the polls: first round, runoff and Congress."""
    from curul.forecast._charts import candidate_chart
    from curul.forecast._forecast import run_forecast
    from curul.forecast._polls import read_polls

    rows = read_polls(polls) if polls is not None else None
    blocs = _parse_blocs(bloc)
    cutoff_date = parse_date(cutoff, "--cutoff")
    if chart is not None and chart.suffix.lower() not in (".png", ".svg"):
        raise CurulError(f"--chart: {chart} must end in .png or .svg")
    if sims < 100:
        raise CurulError(f"--sims: {sims} is too few (at least 100)")
    from curul.forecast._elections import get_election

    chambers = len(get_election(election).congress) if congress else 0
    with progress(sims * (1 + chambers), "simulating", not as_json) as advance:
        result = run_forecast(
            election,
            rows=rows,
            cutoff=cutoff_date,
            sims=sims,
            seed=seed,
            blocs=blocs,
            congress=congress,
            progress=advance,
        )
    if chart is not None:
        candidate_chart(result, chart)

    def render(console: Console) -> None:
        table = Table(
            title=f"{result.election}: polls published to {result.cutoff}, {result.sims:,} simulations"
        )
        for col in ("candidate", "party", "polls", "mean", "80% interval", "90% interval", "runoff", "win"):
            table.add_column(col, justify="left" if col in ("candidate", "party") else "right")
        for c in result.candidates:
            table.add_row(
                c.name,
                c.party or "-",
                f"{c.average:.1f}",
                f"{c.mean:.1f}",
                f"{c.p10:.1f}–{c.p90:.1f}",
                f"{c.p05:.1f}–{c.p95:.1f}",
                f"{c.p_runoff:.0%}",
                f"{c.p_win:.0%}",
            )
        console.print(table)
        pairs = Table(title="likeliest runoffs")
        pairs.add_column("pair")
        pairs.add_column("p", justify="right")
        for (a, b), p in result.runoff_pairs[:6]:
            pairs.add_row(f"{a} – {b}", f"{p:.0%}")
        console.print(pairs)
        if result.parties:
            seats = Table(title="Congress: seats per party (mean, 90% interval) and P(passes threshold)")
            for col in ("chamber", "party", "mean", "90% interval", "threshold"):
                seats.add_column(col, justify="left" if col in ("chamber", "party") else "right")
            for p in result.parties:
                if p.mean_seats >= 0.05 or p.p_threshold >= 0.05:
                    seats.add_row(
                        p.chamber, p.name, f"{p.mean_seats:.1f}", f"{p.p05}–{p.p95}", f"{p.p_threshold:.0%}"
                    )
            console.print(seats)
            console.print(f"Congress simulated on {result.congress_sims:,} draws")
        for b in result.blocs:
            console.print(
                f"{b.name} ({b.chamber}): P(≥ 66) = {b.p_majority:.0%}, P(≥ 87) = {b.p_two_thirds:.0%}"
            )
        cal = result.calibration
        console.print(
            f"error scale {cal.scale:.3f} (t, {cal.df:g} df) calibrated on "
            f"{', '.join(cal.elections) or 'the default'}" + (f"; chart written to {chart}" if chart else "")
        )

    emit(result.as_json(), as_json, render)


def backtest(
    election: str = typer.Option(..., "--election", help="peru-2016 or peru-2021."),
    cutoff: str | None = CUTOFF_OPT,
    sims: int = SIMS_OPT,
    seed: int = SEED_OPT,
    congress: bool = CONGRESS_OPT,
    round_: int = typer.Option(1, "--round", help="1: the first round (and Congress); 2: the runoff."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Score the forecast against an official first round, beside the plain average and the last polls."""
    from curul.forecast._backtest import run_backtest
    from curul.forecast._runoff import run_runoff_backtest

    if round_ not in (1, 2):
        raise CurulError(f"--round: {round_} is not 1 or 2")
    if round_ == 2:
        runoff = run_runoff_backtest(election, cutoff=parse_date(cutoff, "--cutoff"))

        def render_runoff(console: Console) -> None:
            data = runoff.as_json()
            a = runoff.finalists[0]
            table = Table(
                title=f"runoff backtest {runoff.election}: {runoff.polls} polls published to {runoff.cutoff}"
            )
            for col in ("method", f"{a} (% valid)", "error"):
                table.add_column(col, justify="left" if col == "method" else "right")
            table.add_row("model (house effects)", f"{runoff.predicted:.1f}", f"{data['error']:+.1f}")
            for name, value in (("plain average", runoff.plain_average), ("last polls", runoff.last_polls)):
                if value is not None:
                    table.add_row(name, f"{value:.1f}", f"{value - runoff.actual:+.1f}")
            table.add_row("official", f"{runoff.actual:.2f}", "", style="bold")
            console.print(table)
            low, high = runoff.interval90
            console.print(
                f"90% interval {low:.1f}–{high:.1f}; P({a} wins) = {runoff.p_first_wins:.0%}; "
                f"probability given to the actual winner: {data['p_actual_winner']:.0%}"
            )

        emit(runoff.as_json(), as_json, render_runoff)
        return
    from curul.forecast._elections import get_election

    cutoff_date = parse_date(cutoff, "--cutoff")
    chambers = len(get_election(election).congress) if congress else 0
    with progress(sims * (1 + chambers), "simulating", not as_json) as advance:
        result = run_backtest(
            election,
            cutoff=cutoff_date,
            sims=sims,
            seed=seed,
            progress=advance,
            congress=congress,
        )

    def render(console: Console) -> None:
        table = Table(title=f"backtest {result.election}: polls published to {result.cutoff}")
        for col in (
            "method",
            "MAE",
            "90% coverage",
            "Brier runoff",
            "log runoff",
            "winner rank",
            "winner in 90%",
        ):
            table.add_column(col, justify="left" if col == "method" else "right")

        def fmt(v, spec):
            return "-" if v is None else format(v, spec)

        for s in result.scores:
            table.add_row(
                s.method,
                f"{s.mae:.2f}",
                fmt(s.coverage90, ".0%"),
                fmt(s.brier_runoff, ".3f"),
                fmt(s.log_runoff, ".3f"),
                fmt(s.winner_rank, "d"),
                fmt(s.winner_in_90, ""),
            )
        if result.reference_mae is not None:
            table.add_row("reference (public model)", f"{result.reference_mae:.2f}", "-", "-", "-", "-", "-")
        console.print(table)
        detail = Table(title="model vs official (candidates ≥ 3%)")
        for col in ("candidate", "forecast", "official"):
            detail.add_column(col, justify="left" if col == "candidate" else "right")
        for name, p, a in result.scores[0].detail:
            detail.add_row(name, f"{p:.1f}", f"{a:.1f}")
        console.print(detail)
        cal = result.forecast.calibration
        console.print(
            f"error scale {cal.scale:.3f} calibrated on {', '.join(cal.elections) or 'the default'}"
        )
        if result.seats:
            seats = Table(title=f"Congress seats vs official (MAE {result.seats['mae']:.1f} seats)")
            for col in ("list", "forecast", "90% interval", "official"):
                seats.add_column(col, justify="left" if col == "list" else "right")
            for r in result.seats["parties"]:
                seats.add_row(r["name"], f"{r['mean_seats']:.1f}", f"{r['p05']}–{r['p95']}", str(r["actual"]))
            console.print(seats)
            console.print(f"Congress simulated on {result.forecast.congress_sims:,} draws")

    emit(result.as_json(), as_json, render)


@polls_app.command("check")
def polls_check(path: Path = typer.Argument(..., help="Poll CSV file."), as_json: bool = JSON_OPTION) -> None:
    """Validate a poll file and list its waves with their valid-vote conversion."""
    from curul.forecast._polls import group_polls, read_polls
    from curul.forecast._valid import to_valid, typical_non_choice

    polls = group_polls(read_polls(path))
    typical = typical_non_choice(polls)
    waves = [
        {
            "pollster": p.pollster,
            "election": p.election,
            "round": p.round,
            "poll_type": p.poll_type,
            "basis": p.basis,
            "field_date": p.field_date,
            "published": p.publication_date,
            "sample_n": p.sample_n,
            "candidates": len(p.candidates()),
            "conversion": to_valid(p, typical).method,
        }
        for p in polls
    ]

    def render(console: Console) -> None:
        table = Table(title=f"{path}: {len(waves)} waves")
        for col in ("pollster", "field date", "published", "type", "basis", "n", "candidates", "conversion"):
            table.add_column(col)
        for w in waves:
            table.add_row(
                w["pollster"],
                str(w["field_date"]),
                str(w["published"]),
                w["poll_type"],
                w["basis"],
                str(w["sample_n"] or "-"),
                str(w["candidates"]),
                w["conversion"],
            )
        console.print(table)

    emit({"file": str(path), "waves": waves}, as_json, render)


@polls_app.command("import")
def polls_import(
    source: Path = typer.Argument(..., help="Folder with the shared poll files (polls_2016_r1.csv, …)."),
    out: Path = typer.Option(..., "--out", help="Folder for the converted files."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Convert the shared poll research files to the poll format (what the bundled files are)."""
    from curul.forecast._importers import import_shared_polls
    from curul.forecast._polls import format_polls

    result = import_shared_polls(source)  # everything is validated before anything is written
    for name, rows in result.files.items():
        write_atomic(out / name, format_polls(rows))
    payload = {
        "files": {name: len(rows) for name, rows in result.files.items()},
        "dropped": [
            {"file": d.file, "line": d.line, "candidate": d.candidate, "reason": d.reason}
            for d in result.dropped
        ],
    }

    def render(console: Console) -> None:
        for name, count in payload["files"].items():
            console.print(f"{out / name}: {count} rows")
        console.print(f"{len(result.dropped)} rows left out (use --json to list them)")

    emit(payload, as_json, render)


def register(app: typer.Typer) -> None:
    app.command("forecast")(forecast)
    app.command("backtest")(backtest)
    app.add_typer(polls_app, name="polls")
