"""Option values several command groups share, and their parsing (errors name the option)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

import typer

from curul.errors import ArgumentError, CurulError

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


def option_name(argument: str) -> str:
    """The option a library argument is given with, by default: ``tie_break`` → ``--tie-break``."""
    return "--" + argument.replace("_", "-")


@contextmanager
def options(**names: str) -> Iterator[None]:
    """Name a library call's bad arguments by this command's options where they differ from
    :func:`option_name` (``options(name="--as")``)."""
    try:
        yield
    except ArgumentError as exc:
        raise CurulError(exc.naming(names.get(exc.argument) or option_name(exc.argument))) from None
