"""``curul data``: list the bundled datasets, show one, or check files against the catalog."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from curul.cli._options import JSON_OPTION
from curul.cli._output import emit
from curul.data._catalog import catalog
from curul.data._dataset import Dataset, load, spec_of
from curul.errors import CurulError

data_app = typer.Typer(help="Bundled official datasets: list, show, check.", no_args_is_help=True)


def _summary(dataset: Dataset) -> dict[str, object]:
    return {
        "name": dataset.name,
        "rows": len(dataset),
        "description": dataset.spec.description,
        "file": dataset.spec.file,
        "columns": list(dataset.spec.column_names),
        "sources": list(dataset.sources),
    }


@data_app.command("list")
def list_datasets(as_json: bool = JSON_OPTION) -> None:
    """Every bundled dataset with its row count, description and sources."""
    summaries = [_summary(load(spec.name)) for spec in catalog().dataset]

    def render(console: Console) -> None:
        table = Table(title="Bundled datasets", show_lines=False)
        table.add_column("name", style="bold", no_wrap=True)
        table.add_column("rows", justify="right")
        table.add_column("description")
        table.add_column("sources")
        for item in summaries:
            sources = item["sources"]
            assert isinstance(sources, list)
            first = sources[0] if len(sources[0]) <= 40 else sources[0][:39] + "…"
            shown = first if len(sources) == 1 else f"{first} (+{len(sources) - 1} more)"
            table.add_row(str(item["name"]), str(item["rows"]), str(item["description"]), shown)
        console.print(table)

    emit({"datasets": summaries}, as_json, render)


@data_app.command("show")
def show(
    name: str = typer.Argument(..., help="Dataset name, as listed by `curul data list`."),
    file: Path | None = typer.Option(None, "--file", help="Read this CSV instead of the bundled one."),
    limit: int = typer.Option(0, "--limit", min=0, help="Show at most this many rows (0: all)."),
    as_json: bool = JSON_OPTION,
) -> None:
    """The rows of one dataset (validated), as a table or JSON."""
    dataset = load(name, file)
    columns = dataset.spec.column_names
    rows = dataset.rows[:limit] if limit else dataset.rows
    payload = _summary(dataset) | {
        "count": len(dataset),
        "rows": [{c: getattr(r, c) for c in columns} for r in rows],
    }

    def render(console: Console) -> None:
        table = Table(title=f"{name} ({len(dataset)} rows)", caption=dataset.spec.description)
        shown = [c for c in columns if c not in ("source", "second_source")]
        for column in shown:
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(*(str(getattr(row, c)) for c in shown))
        console.print(table)
        console.print("Sources: " + "; ".join(dataset.sources), overflow="fold")

    emit(payload, as_json, render)


@data_app.command("check")
def check(
    files: list[Path] = typer.Argument(None, help="CSV files to check; none: every bundled dataset."),
    as_name: str | None = typer.Option(None, "--as", help="Dataset the files hold (default: by file name)."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Validate files against the catalog: types, keys, and the cross-file sums."""
    checked: list[dict[str, object]] = []
    if not files:
        for spec in catalog().dataset:
            checked.append({"name": spec.name, "file": spec.file, "rows": len(load(spec.name))})
    for path in files or []:
        if as_name is not None:
            spec = spec_of(as_name)
        else:
            found = catalog().spec_for_file(path.name)
            if found is None:
                raise CurulError(f"{path}: file name matches no dataset; name one with --as")
            spec = found
        checked.append({"name": spec.name, "file": str(path), "rows": len(load(spec.name, path))})

    def render(console: Console) -> None:
        for item in checked:
            console.print(f"[green]ok[/] {item['file']} ({item['name']}, {item['rows']} rows)")

    emit({"ok": True, "checked": checked}, as_json, render)


def register(app: typer.Typer) -> None:
    app.add_typer(data_app, name="data")
