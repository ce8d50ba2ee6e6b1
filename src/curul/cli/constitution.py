"""CLI: ``curul threshold`` (votes a procedure needs, or every procedure of a regime) and ``curul
articles`` (each article with the rules that cite it and the code that applies it)."""

from __future__ import annotations

from pathlib import Path

import typer

from curul.cli._options import CSV_OPTION, JSON_OPTION, MAX_MEMBERS, check_csv_file, parse_date
from curul.cli._output import emit


def threshold(
    procedure: str = typer.Argument(None, help="Procedure id, e.g. vacancy.approval (see --list)."),
    date: str = typer.Option(
        None, "--date", help="Date (YYYY-MM-DD); the regime in force that day. Default today."
    ),
    regime: str = typer.Option(
        None, "--regime", help="Regime id instead of a date, e.g. peru-2026-bicameral."
    ),
    chamber: str = typer.Option(
        None,
        "--chamber",
        help="congress | deputies | senate (default: the regime's default chamber, named in the output).",
    ),
    habiles: int = typer.Option(
        None, "--habiles", min=0, max=MAX_MEMBERS, help="Members able to vote (default: the legal number)."
    ),
    present: int = typer.Option(
        None, "--present", min=0, max=MAX_MEMBERS, help="Members present (default: full attendance)."
    ),
    list_: bool = typer.Option(False, "--list", help="List every procedure of the regime."),
    csv: Path | None = CSV_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Votes a procedure needs, with the rule, the article, the arithmetic and the sources."""
    check_csv_file(csv)
    from curul.constitution import thresholds, votes_needed

    when = parse_date(date, "--date")
    if list_ or procedure is None:
        emit(thresholds(regime, date=when), as_json, csv)
        return
    result = votes_needed(
        procedure, date=when, regime=regime, chamber=chamber, habiles=habiles, present=present
    )
    emit(result, as_json, csv)


def articles(
    article: str = typer.Argument(
        None, help="An article, e.g. 113, 'Art. 12', 'Const. Art. 134', 89-A or 'Law 27375' (default: all)."
    ),
    csv: Path | None = CSV_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Every article the engine cites, with its rules, thresholds, sources and the code that applies it."""
    check_csv_file(csv)
    from curul.constitution import articles as index

    emit(index(article), as_json, csv)


def register(app: typer.Typer) -> None:
    app.command("threshold")(threshold)
    app.command("articles")(articles)
