"""One CSV file read against its spec; problems are reported as ``file:line:column: field: problem``."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import math
from functools import cache
from pathlib import Path
from typing import Any

from curul.data._catalog import DatasetSpec
from curul.data._names import fold
from curul.errors import InputError

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


def _convert(kind: str, raw: str) -> Any:
    """Turn one cell into its typed value or raise ValueError with the reason."""
    text = raw.strip()
    if kind in ("name", "source"):
        if not text:
            raise ValueError("is empty")
        return text
    if kind == "text":
        return text
    if kind in ("year", "count"):
        if not text:
            raise ValueError("is empty, expected a whole number")
        try:
            value = int(text)
        except ValueError:
            raise ValueError(f"{raw!r} is not a whole number") from None
        if kind == "count" and value < 0:
            raise ValueError(f"{value} is negative")
        if kind == "year" and not 1900 <= value <= 2100:
            raise ValueError(f"{value} is not a plausible year")
        return value
    if kind == "date":
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"{raw!r} is not a date (YYYY-MM-DD)") from None
    # percent
    try:
        number = float(text)
    except ValueError:
        raise ValueError(f"{raw!r} is not a number") from None
    if not math.isfinite(number) or not 0 <= number <= 100:
        raise ValueError(f"{number} is not a percentage between 0 and 100")
    return number


def read_rows(spec: DatasetSpec, path: Path) -> tuple[tuple[Any, ...], tuple[int, ...]]:
    """The typed records of ``path`` and the file line each came from."""
    if not path.is_file():
        raise InputError(path, "no such file" if not path.exists() else "not a regular file")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not UTF-8 text (byte {exc.start})") from None
    reader = csv.reader(text.splitlines(keepends=True), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise InputError(path, "empty file: expected a header line", line=1, column=1) from None
    except csv.Error as exc:
        raise InputError(path, f"malformed CSV: {exc}", line=1, column=1) from None
    header = [h.strip() for h in header]
    positions = _check_header(spec, path, header)
    make = record_type(spec)
    key_names = spec.key
    seen: dict[tuple[Any, ...], int] = {}
    records: list[Any] = []
    lines: list[int] = []
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise InputError(path, f"malformed CSV: {exc}", line=reader.line_num, column=1) from None
        line = reader.line_num
        if not row or all(not cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise InputError(
                path,
                f"expected {len(header)} fields as in the header, found {len(row)}",
                line=line,
                column=min(len(row), len(header)) + 1,
            )
        values: dict[str, Any] = {}
        for column in spec.columns:
            index = positions.get(column.name)
            if index is None:
                values[column.name] = ""
                continue
            try:
                values[column.name] = _convert(column.type, row[index])
            except ValueError as exc:
                raise InputError(path, str(exc), line=line, column=index + 1, field=column.name) from None
        key = tuple(_fold_key(values[k]) for k in key_names)
        if key in seen:
            shown = ", ".join(f"{k}={values[k]}" for k in key_names)
            raise InputError(
                path,
                f"duplicate row ({shown}) already on line {seen[key]}",
                line=line,
                column=positions[key_names[0]] + 1,
            )
        seen[key] = line
        records.append(make(**values))
        lines.append(line)
    return tuple(records), tuple(lines)


def _fold_key(value: Any) -> Any:
    return fold(value) if isinstance(value, str) else value


def _check_header(spec: DatasetSpec, path: Path, header: list[str]) -> dict[str, int]:
    expected = spec.column_names
    positions: dict[str, int] = {}
    for index, name in enumerate(header):
        if name in positions:
            raise InputError(path, f"column {name!r} appears twice in the header", line=1, column=index + 1)
        if name not in expected:
            raise InputError(
                path, f"unknown column {name!r} (expected: {', '.join(expected)})", line=1, column=index + 1
            )
        positions[name] = index
    missing = [c.name for c in spec.columns if c.required and c.name not in positions]
    if missing:
        raise InputError(
            path,
            f"header lacks column {', '.join(repr(m) for m in missing)} (expected: {', '.join(expected)})",
            line=1,
            column=len(header) + 1,
        )
    return positions
