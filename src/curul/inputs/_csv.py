"""CSV files a user gives, read against a schema declared as data: exact headers (missing, unknown and
duplicate columns refused), every row as wide as the header, bounded cells, typed values, one row per
key (names folded), and the schema's own cross-row checks. Every problem is one
:class:`curul.errors.InputError` with the file, line, column and field.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from curul.errors import InputError
from curul.inputs._cells import KINDS
from curul.inputs._limits import LIMITS, Limits
from curul.inputs._names import fold
from curul.inputs._text import UserText, read_text


@dataclass(frozen=True)
class Col:
    """A column: its name, the kind of its cells (see ``KINDS``; a trailing ``?`` allows empty cells),
    whether a file may leave it out, and other spellings accepted in a header."""

    name: str
    kind: str = "name"
    required: bool = True
    aliases: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"column {self.name}: unknown kind {self.kind!r} (known: {', '.join(KINDS)})")


@dataclass(frozen=True)
class CsvSchema:
    """What a file holds: its columns, the key that makes a row unique (compared case- and
    accent-insensitively), and checks across rows (each takes the table and raises InputError)."""

    what: str
    columns: tuple[Col, ...]
    key: tuple[str, ...] = ()
    checks: tuple[Callable[[CsvTable], None], ...] = field(default=(), compare=False)

    def column(self, name: str) -> Col:
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(name)


@dataclass(frozen=True)
class CsvTable:
    """The typed rows of a file (a dict per row, the schema's column names as keys; a column left out of
    the file reads as ``None``), the line of each row, and the column (1-based) of each field."""

    name: str
    rows: tuple[dict[str, Any], ...]
    lines: tuple[int, ...]
    columns: Mapping[str, int]

    def error(self, index: int, field: str | None, problem: str) -> InputError:
        """An error at row ``index`` (and at ``field``'s column, when given)."""
        column = self.columns.get(field) if field else None
        return InputError(self.name, problem, line=self.lines[index], column=column, field=field)

    def __len__(self) -> int:
        return len(self.rows)


def _header(schema: CsvSchema, name: str, cells: Sequence[str]) -> dict[str, int]:
    spellings = {}
    for col in schema.columns:
        for spelling in (col.name, *col.aliases):
            spellings[spelling.strip().casefold()] = col.name
    expected = ", ".join(c.name for c in schema.columns if c.required)
    optional = [c.name for c in schema.columns if not c.required]
    if optional:
        expected += "; optional: " + ", ".join(optional)
    positions: dict[str, int] = {}
    for index, raw in enumerate(cells):
        cell = raw.strip()
        column = spellings.get(cell.casefold())
        if column is None:
            raise InputError(
                name, f"unknown column {cell!r} (expected: {expected})", line=1, column=index + 1
            )
        if column in positions:
            raise InputError(name, f"column {column!r} appears twice in the header", line=1, column=index + 1)
        positions[column] = index
    missing = [c.name for c in schema.columns if c.required and c.name not in positions]
    if missing:
        listed = ", ".join(repr(m) for m in missing)
        raise InputError(
            name, f"header lacks column {listed} (expected: {expected})", line=1, column=len(cells) + 1
        )
    return positions


def parse_csv(source: UserText, schema: CsvSchema, *, limits: Limits = LIMITS) -> CsvTable:
    """Read the text of a CSV file against ``schema``."""
    name = source.name
    csv.field_size_limit(max(csv.field_size_limit(), limits.max_bytes))  # cells are bounded below
    reader = csv.reader(source.text.splitlines(keepends=True), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise InputError(
            name, f"empty file: expected a header line for a {schema.what}", line=1, column=1
        ) from None
    except csv.Error as exc:
        raise InputError(name, f"malformed CSV: {exc}", line=1, column=1) from None
    positions = _header(schema, name, header)
    parsers = {col.name: KINDS[col.kind] for col in schema.columns}
    rows: list[dict[str, Any]] = []
    lines: list[int] = []
    seen: dict[tuple[Any, ...], int] = {}
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise InputError(name, f"malformed CSV: {exc}", line=reader.line_num, column=1) from None
        line = reader.line_num
        if not row or all(not cell.strip() for cell in row):
            continue
        if len(rows) >= limits.max_rows:
            raise InputError(name, f"more than {limits.max_rows:,} rows", line=line, column=1)
        if len(row) != len(header):
            raise InputError(
                name,
                f"expected {len(header)} fields as in the header, found {len(row)}",
                line=line,
                column=min(len(row), len(header)) + 1,
            )
        values: dict[str, Any] = {}
        for col in schema.columns:
            index = positions.get(col.name)
            if index is None:
                values[col.name] = None
                continue
            cell = row[index]
            if len(cell) > limits.max_field:
                raise InputError(
                    name, f"cell longer than {limits.max_field:,} characters", line=line, column=index + 1,
                    field=col.name,
                )  # fmt: skip
            try:
                values[col.name] = parsers[col.name](cell, limits)
            except ValueError as exc:
                raise InputError(name, str(exc), line=line, column=index + 1, field=col.name) from None
        if schema.key:
            key = tuple(fold(v) if isinstance(v, str) else v for v in (values[k] for k in schema.key))
            if key in seen:
                shown = ", ".join(f"{k}={values[k]}" for k in schema.key)
                raise InputError(
                    name, f"duplicate row ({shown}) already on line {seen[key]}", line=line,
                    column=positions.get(schema.key[0], 0) + 1, field=schema.key[0],
                )  # fmt: skip
            seen[key] = line
        rows.append(values)
        lines.append(line)
    table = CsvTable(name, tuple(rows), tuple(lines), {k: v + 1 for k, v in positions.items()})
    for check in schema.checks:
        check(table)
    return table


def read_csv(path: str | Path, schema: CsvSchema, *, limits: Limits = LIMITS) -> CsvTable:
    """Read a user's CSV file (``-``: standard input) against ``schema``."""
    return parse_csv(read_text(path, limits=limits), schema, limits=limits)
