"""What ``curul data`` shows, as results: the listing of datasets, one dataset's rows, a check's verdict.

Each result gives ``as_dict()`` (the ``--json`` keys), ``report()`` (tables for people; ``__rich__`` and
``_repr_html_`` come from it) and, where tabular, ``to_frame()``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from curul.data._catalog import catalog
from curul.data._dataset import Dataset, load, spec_of
from curul.errors import ArgumentError, CurulError
from curul.report import Column, Line, Presentable, Report, Span, Table

if TYPE_CHECKING:
    import pandas as pd


def summary(dataset: Dataset) -> dict[str, Any]:
    """A dataset described: name, rows, description, file, columns and sources."""
    return {
        "name": dataset.name,
        "rows": len(dataset),
        "description": dataset.spec.description,
        "file": dataset.spec.file,
        "columns": list(dataset.spec.column_names),
        "sources": list(dataset.sources),
    }


def _short(source: str, width: int = 40) -> str:
    return source if len(source) <= width else source[: width - 1] + "…"


@dataclass(frozen=True)
class Listing(Presentable):
    """Every bundled dataset with its size, description and sources."""

    datasets: tuple[Dataset, ...]

    def as_dict(self) -> dict[str, Any]:
        return {"datasets": [summary(d) for d in self.datasets]}

    def to_frame(self) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame([summary(d) for d in self.datasets]).set_index("name")

    def report(self) -> Report:
        rows = []
        for d in self.datasets:
            sources = d.sources
            shown = _short(sources[0]) + ("" if len(sources) == 1 else f" (+{len(sources) - 1} more)")
            rows.append([d.name, str(len(d)), d.spec.description, shown])
        columns: list[str | Column] = [
            Column("name", style="bold", nowrap=True),
            Column("rows", align="right"),
            "description",
        ]
        return Report.of(Table.build([*columns, "sources"], rows, title="Bundled datasets"))


def listing() -> Listing:
    """Every bundled dataset, loaded (and so validated)."""
    return Listing(tuple(load(spec.name) for spec in catalog().dataset))


@dataclass(frozen=True)
class DatasetView(Presentable):
    """One dataset's rows (at most ``limit`` of them; 0 shows all), with its description and sources."""

    dataset: Dataset
    limit: int = 0

    @property
    def rows(self) -> tuple[Any, ...]:
        return self.dataset.rows[: self.limit] if self.limit else self.dataset.rows

    def as_dict(self) -> dict[str, Any]:
        columns = self.dataset.spec.column_names
        return summary(self.dataset) | {
            "count": len(self.dataset),
            "rows": [{c: getattr(r, c) for c in columns} for r in self.rows],
        }

    def to_frame(self) -> pd.DataFrame:
        frame = self.dataset.to_frame()
        return frame.head(self.limit) if self.limit else frame

    def report(self) -> Report:
        d = self.dataset
        shown = [c for c in d.spec.column_names if c not in ("source", "second_source")]
        table = Table.build(
            [Column(c, fold=True) for c in shown],
            [[str(getattr(row, c)) for c in shown] for row in self.rows],
            title=f"{d.name} ({len(d)} rows)",
            caption=d.spec.description,
        )
        return Report.of(table, Line.of("Sources: " + "; ".join(d.sources), "fold"))


def show(name: str, path: str | Path | None = None, *, limit: int = 0) -> DatasetView:
    """Dataset ``name`` (bundled, or read from ``path`` and checked), for showing ``limit`` rows."""
    if limit < 0:
        raise ArgumentError("limit", f"must be 0 (all rows) or more, got {limit}")
    return DatasetView(load(name, path), limit)


@dataclass(frozen=True)
class Checked(Presentable):
    """Files (or the bundle) that passed every catalog check: the dataset each holds and its rows."""

    checked: tuple[tuple[str, str, int], ...]  # (dataset name, file, rows)

    def as_dict(self) -> dict[str, Any]:
        return {"ok": True, "checked": [{"name": n, "file": f, "rows": r} for n, f, r in self.checked]}

    def report(self) -> Report:
        lines: list[list[str | Span]] = [
            [Span("ok", "ok"), f" {f} ({n}, {r} rows)"] for n, f, r in self.checked
        ]
        return Report.of(*lines)


def check(paths: tuple[str | Path, ...] = (), *, name: str | None = None) -> Checked:
    """Validate files against the catalog (types, keys, cross-file sums), or every bundled dataset when
    no file is given. The dataset a file holds is recognised by its file name unless ``name`` says it."""
    checked: list[tuple[str, str, int]] = []
    if not paths:
        checked += [(s.name, s.file, len(load(s.name))) for s in catalog().dataset]
    for raw in paths:
        path = Path(raw)
        if name is not None:
            spec = spec_of(name)
        else:
            found = catalog().spec_for_file(path.name)
            if found is None:
                raise ArgumentError("name", f"{path}: file name matches no dataset; name one with {{name}}")
            spec = found
        checked.append((spec.name, str(path), len(load(spec.name, path))))
    if not checked:
        raise CurulError("nothing to check")
    return Checked(tuple(checked))
