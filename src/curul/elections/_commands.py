"""CLI commands of the elections package."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.table import Table

from curul.elections._results import congress_results
from curul.output import emit

JSON_OPT = typer.Option(False, "--json", help="Print JSON instead of a table.")


def results(
    year: int = typer.Argument(..., help="Election year: 2001, 2006, 2011, 2016 or 2021."),
    as_json: bool = JSON_OPT,
) -> None:
    """Official Congress results of an election, summed nationally: votes, share of valid votes, seats."""
    res = congress_results(year)
    payload = {
        "year": res.year,
        "chamber": "congress",
        "level": res.level,
        "districts": res.districts,
        "seats": res.seats,
        "electors": res.electors,
        "emitted": res.emitted,
        "valid": res.valid,
        "blank": res.blank,
        "null": res.null,
        "parties": [
            {
                "party": p.party,
                "votes": p.votes,
                "pct_valid": round(float(p.share) * 100, 3),
                "seats": p.seats,
            }
            for p in res.parties
        ],
        "sources": list(res.sources),
    }

    def render(console: Console) -> None:
        where = f"{res.districts} districts" if res.districts else "national figures only"
        table = Table(title=f"Congress {res.year}: official results ({where})")
        table.add_column("list")
        table.add_column("votes", justify="right")
        table.add_column("% valid", justify="right")
        table.add_column("seats", justify="right")
        for p in res.parties:
            if p.seats or p.share >= 0.01:
                table.add_row(p.party, f"{p.votes:,}", f"{float(p.share) * 100:.2f}", str(p.seats))
        hidden = [p for p in res.parties if not p.seats and p.share < 0.01]
        if hidden:
            votes = sum(p.votes for p in hidden)
            table.add_row(f"{len(hidden)} other lists (< 1% each)", f"{votes:,}",
                          f"{votes / res.valid * 100:.2f}", "0")
        table.add_section()
        table.add_row("total", f"{res.valid:,}", "100.00", str(res.seats), style="bold")
        console.print(table)
        console.print(
            f"valid {res.valid:,} + blank {res.blank:,} + null {res.null:,} = emitted {res.emitted:,}"
            + (f" of {res.electors:,} electors" if res.electors else "")
        )

    emit(payload, as_json, render)


def register(app: typer.Typer) -> None:
    app.command("results")(results)
