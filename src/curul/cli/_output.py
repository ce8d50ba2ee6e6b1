"""How the command line shows results: JSON for scripts, Rich for people, progress bars on stderr.

Rich is imported on first use, so ``curul --version`` and ``curul --help`` never pay for it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from typing import TYPE_CHECKING

from curul.report import Presentable, Report, to_json

if TYPE_CHECKING:
    from rich.console import Console


@cache
def console() -> Console:
    """The terminal (stdout)."""
    from rich.console import Console

    from curul.cli import _rich

    _rich.install()
    return Console()


@cache
def err_console() -> Console:
    """stderr, for errors and progress."""
    from rich.console import Console

    return Console(stderr=True)


def emit(result: Presentable | Report, as_json: bool) -> None:
    """Print ``result`` as JSON (its ``as_dict()``) when asked, otherwise its report for people."""
    if as_json:
        print(to_json(result))
    else:
        show(result)


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
