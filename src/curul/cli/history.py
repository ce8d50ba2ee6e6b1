"""CLI: ``curul history`` (the presidents table, or every event with its trace) and ``curul scenario``
(a counterfactual run, and the contested readings it can choose)."""

from pathlib import Path

import typer

from curul.cli._options import JSON_OPTION
from curul.cli._output import emit


def history(
    events: bool = typer.Option(False, "--events", help="List every event with its trace."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Presidents of Peru 2016-2026 replayed from the sourced event file."""
    from curul.history import history as replayed

    emit(replayed(events=events), as_json)


def run_scenario_command(
    file: Path = typer.Argument(..., help="Scenario TOML file."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Run a counterfactual: replay the history up to a date, then apply the file's events."""
    from curul.history import load_scenario, run_scenario

    emit(run_scenario(load_scenario(file)), as_json)


def options_command(as_json: bool = JSON_OPTION) -> None:
    """The contested readings a scenario's [options] can choose, with the sources for each side."""
    from curul.constitution import readings

    emit(readings(), as_json)


def register(app: typer.Typer) -> None:
    app.command("history")(history)
    scenario = typer.Typer(
        help="Counterfactual scenarios over the constitution engine.", no_args_is_help=True
    )
    scenario.command("run")(run_scenario_command)
    scenario.command("options")(options_command)
    app.add_typer(scenario, name="scenario")
