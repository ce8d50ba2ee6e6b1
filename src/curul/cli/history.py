"""CLI: ``curul history`` (the presidents table, or every event with its trace), ``curul state`` (who
holds power on a date) and ``curul scenario`` (a counterfactual run, and the contested readings it can
choose)."""

from pathlib import Path

import typer

from curul.cli._options import CSV_OPTION, JSON_OPTION, check_csv_file, options, parse_date
from curul.cli._output import emit


def history(
    events: bool = typer.Option(False, "--events", help="List every event with its trace."),
    csv: Path | None = CSV_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Presidents of Peru since 2016 replayed from the sourced event file."""
    check_csv_file(csv)
    from curul.history import history as replayed

    emit(replayed(events=events), as_json, csv)


def state_command(
    date: str | None = typer.Option(
        None, "--date", help="The day to ask about, YYYY-MM-DD (default: today)."
    ),
    csv: Path | None = CSV_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Who holds power on a date: offices with their sources, the regime, the chambers, the lines of
    succession and the people in two offices."""
    import datetime as dt

    from curul.history import state

    check_csv_file(csv)
    day = parse_date(date, "--date") or dt.date.today()
    with options(on="--date"):
        emit(state(day), as_json, csv)


def run_scenario_command(
    file: Path = typer.Argument(..., help="Scenario TOML file."),
    csv: Path | None = CSV_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Run a counterfactual: replay the history up to a date, then apply the file's events."""
    check_csv_file(csv)
    from curul.history import load_scenario, run_scenario

    emit(run_scenario(load_scenario(file)), as_json, csv)


def options_command(as_json: bool = JSON_OPTION) -> None:
    """The contested readings a scenario's [options] can choose, with the sources for each side."""
    from curul.constitution import readings

    emit(readings(), as_json)


def register(app: typer.Typer) -> None:
    app.command("history")(history)
    app.command("state")(state_command)
    scenario = typer.Typer(
        help="Counterfactual scenarios over the constitution engine.", no_args_is_help=True
    )
    scenario.command("run")(run_scenario_command)
    scenario.command("options")(options_command)
    app.add_typer(scenario, name="scenario")
