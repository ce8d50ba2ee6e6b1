"""How the command line shows results: JSON for scripts, Rich for people, progress bars on stderr.

Rich, ``curul.report`` and ``curul._files`` are imported on first use, so ``curul --version`` and
``curul --help`` never pay for them (nor for the ``fractions``, ``json`` and ``tempfile`` they load).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from curul.cli._options import output_file
from curul.errors import CurulError

if TYPE_CHECKING:
    from rich.console import Console

    from curul.report import Presentable, Report


# Piped or redirected output is read by programs and searched by people: it is never cut to a width.
UNBOUNDED = 10_000


@cache
def console() -> Console:
    """Standard output: a terminal's own width, or (piped, with no ``COLUMNS`` set) wide enough that no
    table cell or identifier is cut or wrapped."""
    import os

    from rich.console import Console

    from curul.cli import _rich

    _rich.install()
    piped = not sys.stdout.isatty() and not os.environ.get("COLUMNS")
    return Console(width=UNBOUNDED if piped else None)


@cache
def err_console() -> Console:
    """stderr, for errors and progress."""
    from rich.console import Console

    return Console(stderr=True)


def emit(result: Presentable | Report, as_json: bool, csv: Path | None = None) -> None:
    """Print ``result`` as JSON (its ``as_dict()``) when asked, otherwise its report for people; with
    ``csv``, write its table (``to_frame()``) as CSV there, or to standard output for ``-`` (then
    instead of the view)."""
    if csv is not None:
        write_csv(result, csv)
        if str(csv) == "-":
            return
    if as_json:
        from curul.report import to_json

        print(to_json(result))
    else:
        show(result)


def check_csv(result: object, csv: Path | None) -> None:
    """Refuse ``--csv`` for a result with no table, or a bad output path, before any output."""
    if csv is None:
        return
    if not hasattr(result, "to_frame"):
        raise CurulError(f"--csv: {type(result).__name__} has no table to write")
    if str(csv) != "-":
        output_file(csv, "--csv", (".csv",))


def write_csv(result: object, csv: Path) -> None:
    """The result's table as CSV (UTF-8, one header line), written atomically."""
    check_csv(result, csv)
    frame = result.to_frame()  # type: ignore[attr-defined]
    frame = frame.map(lambda v: "; ".join(map(str, v)) if isinstance(v, list | tuple) else v)
    text = frame.to_csv(index=frame.index.name is not None or frame.index.names[0] is not None)
    if str(csv) == "-":
        sys.stdout.write(text)
    else:
        from curul._files import write_atomic

        write_atomic(csv, text)


def show(result: Presentable | Report) -> None:
    """Print a result's report; long lines marked ``soft`` are kept whole, so the print must not crop."""
    console().print(result, crop=False)


@contextmanager
def progress(total: int, label: str, show: bool) -> Iterator[Callable[..., None]]:
    """A progress bar on stderr for a long run, hidden when ``show`` is false (``--json`` keeps stdout
    clean and needs no bar); yields ``advance(n=1)``, the callback the library's long runs accept."""
    if not show:
        yield lambda n=1: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err_console(), transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda n=1: bar.advance(task, n)
