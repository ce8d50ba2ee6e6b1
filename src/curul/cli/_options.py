"""Option values several command groups share, and their parsing (errors name the option)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import typer

from curul.errors import ArgumentError, CurulError

# Bounds of the numeric options (README, "Input files and options"): a simulation count beyond
# MAX_SIMS would take minutes and gigabytes without changing an answer that 20,000 already settles;
# seeds are what NumPy's generators take; member counts far above any chamber (130, 60 + 130).
MAX_SIMS = 200_000
MAX_SEED = 2**32 - 1
MAX_MEMBERS = 1_000

# ``--json`` on every command: the machine-readable view of what the command prints.
JSON_OPTION = typer.Option(False, "--json", help="Print JSON instead of the human view.")
# ``--csv FILE`` on every command whose result is a table: the table's data as CSV (``-``: standard output).
CSV_OPTION = typer.Option(
    None,
    "--csv",
    metavar="FILE",
    help="Also write the result's table as CSV to FILE (- for standard output).",
)


def parse_date(value: str | None, option: str) -> dt.date | None:
    """An ISO date given to ``option`` (in the documented range, 1900-01-01..2100-12-31), or None when
    the option was not given."""
    if value is None:
        return None
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise CurulError(f"{option}: not a date (YYYY-MM-DD): {value!r}") from None
    from curul.inputs import LIMITS  # the readers load with the first command that reads input

    if not LIMITS.first_date <= day <= LIMITS.last_date:
        raise CurulError(f"{option}: {day.isoformat()} is outside {LIMITS.first_date}..{LIMITS.last_date}")
    return day


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


NAME_MAX = 255  # bytes in one path component on the file systems curul runs on


def output_file(path: Path | None, option: str, suffixes: tuple[str, ...]) -> Path | None:
    """Check a file a command will write, before any work starts: a valid name ending in one of
    ``suffixes``, in a folder that exists and can be written, and not itself a folder or a special
    file. No folder is created; the write itself is atomic, so a failed run leaves nothing behind."""
    if path is None:
        return None
    name = path.name
    if not name or name in (".", ".."):
        raise CurulError(f"{option}: {str(path)!r} is not a file name")
    if "\x00" in str(path) or len(name.encode("utf-8", "surrogateescape")) > NAME_MAX:
        raise CurulError(f"{option}: the file name is not valid (at most {NAME_MAX} bytes, no NUL)")
    if suffixes and path.suffix.lower() not in suffixes:
        raise CurulError(f"{option}: {path}: the name must end in {' or '.join(suffixes)}")
    parent = path.parent
    if not parent.is_dir():
        raise CurulError(f"{option}: {path}: the folder {parent} does not exist")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise CurulError(f"{option}: {path}: the folder {parent} cannot be written")
    if path.exists() and not path.is_file():
        what = "a folder" if path.is_dir() else "not a regular file"
        raise CurulError(f"{option}: {path} is {what}")
    return path


def output_folder(path: Path, option: str) -> Path:
    """Check a folder a command will write files into: it exists and can be written (none is created)."""
    if "\x00" in str(path) or any(len(p.encode("utf-8", "surrogateescape")) > NAME_MAX for p in path.parts):
        raise CurulError(f"{option}: the folder name is not valid (at most {NAME_MAX} bytes a part, no NUL)")
    if not path.is_dir():
        raise CurulError(f"{option}: {path}: no such folder (create it first)")
    if not os.access(path, os.W_OK | os.X_OK):
        raise CurulError(f"{option}: {path}: the folder cannot be written")
    return path


def check_csv_file(path: Path | None) -> None:
    """Check ``--csv FILE`` before any work starts (``-``, standard output, needs no check)."""
    if path is not None and str(path) != "-":
        output_file(path, "--csv", (".csv",))
