"""Rich views of a scenario run: the outcome first, then each traced step."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from curul.history import ScenarioResult

_COLOURS = {"passed": "green", "failed": "yellow", "refused": "red", "applied": "cyan", "info": "dim"}


def render_scenario(console: Console, result: ScenarioResult) -> None:
    data = result.as_dict()
    president = data["president"]
    console.print(f"[bold]Scenario[/] {escape(result.scenario.title or result.scenario.path)}")
    console.print(f"  on {data['date']} under {data['regime']}")
    if president:
        console.print(
            f"  President: [bold]{president['name']}[/] since {president['since']} — {president['via']}"
        )
    else:
        console.print(f"  President: [bold red]vacant[/] (pending: {data['pending_successor']})")
    console.print(f"  President of Congress: {data['president_of_congress'] or 'vacant'}; "
                  f"acting head: {data['acting_head_of_congress'] or 'nobody'}")  # fmt: skip
    console.print("  options: " + ", ".join(f"{k}={v}" for k, v in data["options_used"].items()))
    table = Table(show_lines=False)
    for column in ("date", "outcome", "rule", "what happened", "arithmetic"):
        table.add_column(column)
    for step in result.run.trace:
        colour = _COLOURS.get(step.outcome, "white")
        table.add_row(
            str(step.date),
            f"[{colour}]{step.outcome}[/]",
            step.rule,
            escape(step.text),
            escape(step.arithmetic),
        )
    console.print(table)
