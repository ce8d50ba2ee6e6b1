"""Loading datasets by name, bundled or from a user's file, with every catalog check applied."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from curul.data._catalog import DatasetSpec, catalog
from curul.data._checks import run_check
from curul.data._reader import read_rows
from curul.errors import CurulError

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
        against = None if check.against is None else _companion(check.against, dataset, companions_dir)
        run_check(check, subject, against)
