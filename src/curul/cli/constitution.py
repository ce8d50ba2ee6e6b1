"""CLI: ``curul threshold`` (votes a procedure needs) and ``curul scenario run`` (a counterfactual)."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from curul.cli._options import JSON_OPTION, parse_date
from curul.cli._output import emit


def threshold(
    procedure: str = typer.Argument(None, help="Procedure id, e.g. vacancy.approval (see --list)."),
    date: str = typer.Option(
        None, "--date", help="Date (YYYY-MM-DD); the regime in force that day. Default today."
    ),
    regime: str = typer.Option(
        None, "--regime", help="Regime id instead of a date, e.g. peru-2026-bicameral."
    ),
    chamber: str = typer.Option(None, "--chamber", help="congress | deputies | senate (default: the first)."),
    habiles: int = typer.Option(None, "--habiles", help="Members able to vote (default: the legal number)."),
    present: int = typer.Option(None, "--present", help="Members present (default: full attendance)."),
    list_: bool = typer.Option(False, "--list", help="List every procedure of the regime."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Votes a procedure needs, with the rule, the article, the arithmetic and the sources."""
    from curul.constitution._votes import _pick_regime, threshold_for, votes_needed

    when = parse_date(date, "--date")
    if list_ or procedure is None:
        chosen = _pick_regime(when, regime)
        rows = [threshold_for(rule, chosen) for rule in chosen.procedures]
        data = {"regime": chosen.id, "procedures": [r.as_dict() for r in rows]}

        def render_list(console: Console) -> None:
            table = Table(title=f"Procedures of {chosen.id}")
            table.add_column("procedure", no_wrap=True)
            for column in ("chamber", "rule", "votes", "arithmetic", "confirmed"):
                table.add_column(column)
            for r in rows:
                table.add_row(
                    r.procedure,
                    r.chamber,
                    r.rule_id,
                    str(r.votes),
                    r.arithmetic,
                    "yes" if r.confirmed else "[yellow]UNCONFIRMED[/]",
                )
            console.print(table)

        emit(data, as_json, render_list)
        return
    result = votes_needed(
        procedure, date=when, regime=regime, chamber=chamber, habiles=habiles, present=present
    )

    def render(console: Console) -> None:
        flag = "" if result.confirmed else " [yellow](UNCONFIRMED)[/]"
        console.print(
            f"[bold]{result.procedure}[/] in {result.chamber} ({result.regime}): "
            f"[bold green]{result.votes}[/] votes{flag}"
        )
        console.print(f"  rule {result.rule_id}, {result.article}: {result.rule}")
        console.print(f"  {result.arithmetic}")
        console.print(f"  {result.description}")
        if result.note:
            console.print(f"  note: {result.note}")
        for source in result.sources:
            console.print(f"  source: {source}", soft_wrap=True)

    emit(result.as_dict(), as_json, render)


def run_scenario_command(
    file: Path = typer.Argument(..., help="Scenario TOML file."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Run a counterfactual: replay the history up to a date, then apply the file's events."""
    from curul.cli._scenario_view import render_scenario
    from curul.history import load_scenario, run_scenario

    result = run_scenario(load_scenario(file))
    emit(result.as_dict(), as_json, lambda console: render_scenario(console, result))


def options_command(as_json: bool = JSON_OPTION) -> None:
    """The contested readings a scenario's [options] can choose, with the sources for each side."""
    from curul.constitution import READINGS

    data = {
        "options": [
            {
                "name": r.name,
                "question": r.question,
                "default": r.default,
                "why_default": r.why_default,
                "choices": [
                    {"value": c.value, "summary": c.summary, "sources": list(c.sources)} for c in r.choices
                ],
            }
            for r in READINGS
        ]
    }

    def render(console: Console) -> None:
        for r in READINGS:
            console.print(f"[bold]{r.name}[/] (default: {r.default})")
            console.print(f"  {r.question}")
            for c in r.choices:
                console.print(f"  • [cyan]{c.value}[/]: {c.summary}")
                for source in c.sources:
                    console.print(f"      {source}", soft_wrap=True)
            console.print(f"  why the default: {r.why_default}\n")

    emit(data, as_json, render)


def register(app: typer.Typer) -> None:
    app.command("threshold")(threshold)
    scenario = typer.Typer(
        help="Counterfactual scenarios over the constitution engine.", no_args_is_help=True
    )
    scenario.command("run")(run_scenario_command)
    scenario.command("options")(options_command)
    app.add_typer(scenario, name="scenario")
