"""``curul data``: list the bundled datasets, show one, or check files against the catalog."""

from pathlib import Path

import typer

from curul.cli._options import CSV_OPTION, JSON_OPTION, options
from curul.cli._output import emit

data_app = typer.Typer(help="Bundled official datasets: list, show, check.", no_args_is_help=True)


@data_app.command("list")
def list_datasets(csv: Path | None = CSV_OPTION, as_json: bool = JSON_OPTION) -> None:
    """Every bundled dataset with its row count, description and sources."""
    from curul.cli._output import check_csv
    from curul.data import Listing, listing

    check_csv(Listing, csv)
    emit(listing(), as_json, csv)


@data_app.command("show")
def show(
    name: str = typer.Argument(..., help="Dataset name, as listed by `curul data list`."),
    file: Path | None = typer.Option(None, "--file", help="Read this CSV instead of the bundled one."),
    limit: int = typer.Option(0, "--limit", min=0, help="Show at most this many rows (0: all)."),
    csv: Path | None = CSV_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """The rows of one dataset (validated), as a table, CSV or JSON."""
    from curul.cli._output import check_csv
    from curul.data import DatasetView
    from curul.data import show as show_dataset

    check_csv(DatasetView, csv)
    with options(path="--file"):
        emit(show_dataset(name, file, limit=limit), as_json, csv)


@data_app.command("check")
def check(
    files: list[Path] = typer.Argument(None, help="CSV files to check; none: every bundled dataset."),
    as_name: str | None = typer.Option(None, "--as", help="Dataset the files hold (default: by file name)."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Validate files against the catalog: types, keys, and the cross-file sums."""
    from curul.data import check as check_files

    with options(name="--as"):
        emit(check_files(tuple(files or ()), name=as_name), as_json)


def register(app: typer.Typer) -> None:
    app.add_typer(data_app, name="data")
