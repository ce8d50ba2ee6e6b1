"""Loading datasets by name, bundled or from a user's file, with every catalog check applied."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from curul.data._catalog import Check, DatasetSpec, catalog
from curul.data._names import fold
from curul.data._reader import read_rows
from curul.errors import CurulError, InputError

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class Dataset:
    """A validated dataset: its spec, the file it came from, its typed rows and their file lines."""

    spec: DatasetSpec
    path: Path
    rows: tuple[Any, ...]
    lines: tuple[int, ...]

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def sources(self) -> tuple[str, ...]:
        """The distinct sources cited by the rows, in order of first appearance."""
        return tuple(dict.fromkeys(row.source for row in self.rows))

    def to_frame(self) -> pd.DataFrame:
        """The rows as a pandas DataFrame with the catalog's column order."""
        import pandas as pd

        columns = self.spec.column_names
        return pd.DataFrame([[getattr(r, c) for c in columns] for r in self.rows], columns=list(columns))

    def __len__(self) -> int:
        return len(self.rows)


def bundled_dir() -> Path:
    """Folder of the bundled CSV files inside the installed package."""
    return Path(str(resources.files("curul.data").joinpath("files")))


def names() -> tuple[str, ...]:
    """Names of every bundled dataset, in catalog order."""
    return tuple(spec.name for spec in catalog().dataset)


def spec_of(name: str) -> DatasetSpec:
    try:
        return catalog().spec(name)
    except KeyError:
        raise CurulError(f"unknown dataset {name!r}; known: {', '.join(names())}") from None


def load(name: str, path: str | Path | None = None) -> Dataset:
    """Load dataset ``name``; with ``path``, read that file instead and check it against its companions.

    Companion datasets that a check needs (the district totals for a votes file, say) are read from the
    same folder as ``path`` when a file of the catalog's name is there, otherwise from the bundle.
    """
    spec = spec_of(name)
    if path is None:
        return _load_bundled(name)
    path = Path(path)
    dataset = _read(spec, path)
    _run_checks(dataset, companions_dir=path.parent)
    return dataset


@cache
def _load_bundled(name: str) -> Dataset:
    spec = spec_of(name)
    dataset = _read(spec, bundled_dir() / spec.file)
    _run_checks(dataset, companions_dir=None)
    return dataset


def _read(spec: DatasetSpec, path: Path) -> Dataset:
    rows, lines = read_rows(spec, path)
    return Dataset(spec=spec, path=path, rows=rows, lines=lines)


def _companion(name: str, loaded: Dataset, companions_dir: Path | None) -> Dataset:
    if name == loaded.name:
        return loaded
    spec = spec_of(name)
    if companions_dir is not None and (companions_dir / spec.file).is_file():
        return _read(spec, companions_dir / spec.file)
    return _read(spec, bundled_dir() / spec.file)


def _run_checks(dataset: Dataset, companions_dir: Path | None) -> None:
    for check in catalog().checks_involving(dataset.name):
        subject = _companion(check.dataset, dataset, companions_dir)
        if check.kind == "parts_sum":
            _check_parts_sum(check, subject)
        else:
            assert check.against is not None
            against = _companion(check.against, dataset, companions_dir)
            _check_group_sum(check, subject, against)


def _check_parts_sum(check: Check, data: Dataset) -> None:
    columns = data.spec.column_names
    for row, line in zip(data.rows, data.lines, strict=True):
        parts = [getattr(row, p) for p in check.parts]
        total = getattr(row, check.total)
        if sum(parts) != total:
            arithmetic = " + ".join(f"{p} {v}" for p, v in zip(check.parts, parts, strict=True))
            raise InputError(
                data.path,
                f"{arithmetic} = {sum(parts)}, but {check.total} is {total}",
                line=line,
                column=columns.index(check.total) + 1,
                field=check.total,
            )


def _group_key(row: Any, on: tuple[str, ...]) -> tuple[Any, ...]:
    return tuple(fold(v) if isinstance(v, str) else v for v in (getattr(row, k) for k in on))


def _check_group_sum(check: Check, data: Dataset, against: Dataset) -> None:
    assert check.value is not None
    sums: dict[tuple[Any, ...], int] = defaultdict(int)
    first_line: dict[tuple[Any, ...], int] = {}
    last_line: dict[tuple[Any, ...], int] = {}
    for row, line in zip(data.rows, data.lines, strict=True):
        key = _group_key(row, check.on)
        sums[key] += getattr(row, check.value)
        first_line.setdefault(key, line)
        last_line[key] = line
    totals: dict[tuple[Any, ...], tuple[int, int]] = {}
    for row, line in zip(against.rows, against.lines, strict=True):
        if all(fold(str(getattr(row, col))) == fold(val) for col, val in check.where.items()):
            totals[_group_key(row, check.on)] = (getattr(row, check.total), line)
    value_col = data.spec.column_names.index(check.value) + 1
    for key, total in sums.items():
        label = ", ".join(f"{k} {v}" for k, v in zip(check.on, key, strict=True))
        if key not in totals:
            if check.optional:
                continue
            raise InputError(
                data.path,
                f"{label} has no row in {against.path.name}",
                line=first_line[key],
                column=value_col,
                field=check.value,
            )
        expected, line = totals[key]
        if total != expected:
            raise InputError(
                data.path,
                f"{label}: {check.value} sum to {total}, but {against.path.name}:{line} has "
                f"{check.total} = {expected}",
                line=last_line[key],
                column=value_col,
                field=check.value,
            )
