"""One CSV file read against its spec, through the reader every user file goes through
(:mod:`curul.inputs`): problems are reported as ``file:line:column: field: problem``."""

from __future__ import annotations

import dataclasses
import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any

from curul.data._catalog import DatasetSpec
from curul.inputs import Col, CsvSchema, read_csv

_PYTHON_TYPES = {
    "year": int,
    "count": int,
    "percent": float,
    "name": str,
    "text": str,
    "source": str,
    "date": dt.date,
}


@cache
def record_type(spec: DatasetSpec) -> type:
    """A frozen dataclass for the rows of ``spec`` (attribute access, typed fields, hashable)."""
    fields = [(c.name, _PYTHON_TYPES[c.type]) for c in spec.columns]
    class_name = "".join(part.capitalize() for part in spec.name.replace("-", "_").split("_")) + "Row"
    return dataclasses.make_dataclass(class_name, fields, frozen=True, slots=True)


@cache
def schema_of(spec: DatasetSpec) -> CsvSchema:
    """The catalog's description of a dataset as the input reader's schema."""
    columns = tuple(Col(c.name, c.type, required=c.required) for c in spec.columns)
    return CsvSchema(f"{spec.name} file", columns, key=spec.key)


def read_rows(spec: DatasetSpec, path: Path) -> tuple[tuple[Any, ...], tuple[int, ...]]:
    """The typed records of ``path`` and the file line each came from (a column a file may leave out
    reads as empty text)."""
    table = read_csv(path, schema_of(spec))
    make = record_type(spec)
    records = tuple(make(**{k: "" if v is None else v for k, v in row.items()}) for row in table.rows)
    return records, table.lines
