"""CLI: ``curul history`` — the presidents table, or every event with its trace."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from curul.cli._options import JSON_OPTION
from curul.cli._output import emit

_COLOURS = {"passed": "green", "failed": "yellow", "refused": "red", "applied": "cyan", "info": "dim"}


def history(
    events: bool = typer.Option(False, "--events", help="List every event with its trace."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Presidents of Peru 2016-2026 replayed from the sourced event file."""
    from curul.history import presidents, replay_history

    rows = presidents()
    run = replay_history()
    data: dict[str, object] = {"presidents": [r.as_dict() for r in rows]}
    if events:
        data["events"] = [
            {**event.as_dict(), "outcome": outcome, "trace": [s.as_dict() for s in trace]}
            for event, trace, outcome in run.steps
        ]

    def render(console: Console) -> None:
        table = Table(title="Presidents of Peru 2016-2026 (replayed from curul/history/events.toml)")
        for column in ("#", "president", "in", "out", "took office", "left office"):
            table.add_column(column)
        for r in rows:
            table.add_row(str(r.number), r.name, r.since, r.until or "", r.took_office, r.left_office or "")
        console.print(table)
        if not events:
            return
        for event, trace, outcome in run.steps:
            colour = _COLOURS.get(outcome, "white")
            console.print(f"\n[bold]{event.date}[/] {escape(event.title)} — [{colour}]{outcome}[/]")
            for step in trace:
                arithmetic = f"  ({step.arithmetic})" if step.arithmetic else ""
                console.print(escape(f"   {step.rule or '-'}: {step.text}{arithmetic}"), soft_wrap=True)

    emit(data, as_json, render)


def register(app: typer.Typer) -> None:
    app.command("history")(history)
