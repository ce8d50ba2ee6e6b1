"""Option values several command groups share, and their parsing (errors name the option)."""

from __future__ import annotations

import datetime as dt

import typer

from curul.errors import CurulError

# ``--json`` on every command: the machine-readable view of what the command prints.
JSON_OPTION = typer.Option(False, "--json", help="Print JSON instead of the human view.")


def parse_date(value: str | None, option: str) -> dt.date | None:
    """An ISO date given to ``option``, or None when the option was not given."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CurulError(f"{option}: not a date (YYYY-MM-DD): {value!r}") from None
