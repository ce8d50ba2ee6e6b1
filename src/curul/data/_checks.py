"""The catalog's cross-checks, run on every load: each failure is one ``file:line:column: field`` error.

A check compares figures that sources give twice (list votes and the valid total, seats per district and
the magnitudes, members and seats per party, a percentage and the counts it comes from), so a copying or
curation slip cannot reach a result unnoticed. The kinds are described on :class:`Check`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from curul.data._catalog import Check, Selection
from curul.errors import InputError
from curul.inputs import fold

if TYPE_CHECKING:
    from curul.data._dataset import Dataset

Key = tuple[Any, ...]


def run_check(check: Check, data: Dataset, against: Dataset | None) -> None:
    """Apply ``check`` to ``data`` (and ``against`` where the kind compares two datasets)."""
    if check.kind == "parts_sum":
        _parts_sum(check, data)
    elif check.kind == "percent_of":
        _percent_of(check, data)
    else:
        assert against is not None
        if check.kind == "lookup":
            _lookup(check, data, against)
        else:
            _group_total(check, data, against)


def _selected(row: Any, selection: Selection) -> bool:
    for column, wanted in selection.items():
        value = fold(str(getattr(row, column)))
        choices = (wanted,) if isinstance(wanted, str) else wanted
        if value not in {fold(c) for c in choices}:
            return False
    return True


def _rows(data: Dataset, selection: Selection) -> Iterator[tuple[Any, int]]:
    for row, line in zip(data.rows, data.lines, strict=True):
        if _selected(row, selection):
            yield row, line


def _key(row: Any, on: tuple[str, ...], replace: dict[str, str] | None = None) -> Key:
    values = []
    for column in on:
        value = getattr(row, column)
        substitute = (replace or {}).get(column)
        if substitute and getattr(row, substitute):
            value = getattr(row, substitute)
        values.append(fold(value) if isinstance(value, str) else value)
    return tuple(values)


def _label(row: Any, on: tuple[str, ...], replace: dict[str, str] | None = None) -> str:
    """The group of ``row`` as its file spells it (``district Áncash, party Fuerza Popular``)."""
    parts = []
    for column in on:
        substitute = (replace or {}).get(column)
        value = getattr(row, substitute) if substitute and getattr(row, substitute) else getattr(row, column)
        parts.append(f"{column} {value}")
    return ", ".join(parts)


def _column(data: Dataset, name: str) -> int:
    return data.spec.column_names.index(name) + 1


def _parts_sum(check: Check, data: Dataset) -> None:
    for row, line in _rows(data, check.filter):
        parts = [getattr(row, p) for p in check.parts]
        total = getattr(row, check.total)
        if sum(parts) != total:
            arithmetic = " + ".join(f"{p} {v}" for p, v in zip(check.parts, parts, strict=True))
            raise InputError(
                data.path,
                f"{arithmetic} = {sum(parts)}, but {check.total} is {total}",
                line=line,
                column=_column(data, check.total),
                field=check.total,
            )


def _against_totals(check: Check, against: Dataset) -> dict[Key, tuple[int, int, Any]]:
    """Per ``on`` key of the selected ``against`` rows: the total, its line, the row."""
    return {
        _key(row, check.on): (getattr(row, check.total), line, row)
        for row, line in _rows(against, check.where)
    }


def _group_total(check: Check, data: Dataset, against: Dataset) -> None:
    counting = check.kind == "group_count"
    sums: dict[Key, int] = defaultdict(int)
    last_line: dict[Key, int] = {}
    first_line: dict[Key, int] = {}
    labels: dict[Key, str] = {}
    for row, line in _rows(data, check.filter):
        key = _key(row, check.on, check.replace)
        sums[key] += 1 if counting else getattr(row, check.value or "")
        first_line.setdefault(key, line)
        labels.setdefault(key, _label(row, check.on, check.replace))
        last_line[key] = line
    field = check.on[-1] if counting else (check.value or "")
    column = _column(data, field)
    totals = _against_totals(check, against)
    for key in sums:  # a group without a counterpart first: its totals cannot be compared
        if key not in totals and not check.optional:
            raise InputError(
                data.path,
                f"{labels[key]} has no row in {against.path.name}",
                line=first_line[key],
                column=column,
                field=field,
            )
    for key, total in sums.items():
        if key not in totals:
            continue
        label = labels[key]
        measured = f"{total} rows" if counting else f"{check.value} sum to {total}"
        expected, line, _ = totals[key]
        if total != expected:
            raise InputError(
                data.path,
                f"{label}: {measured}, but {against.path.name}:{line} has {check.total} = {expected}",
                line=last_line[key],
                column=column,
                field=field,
            )
    if check.complete:
        for key, (expected, line, row) in totals.items():
            if key not in sums and expected != 0:
                raise InputError(
                    against.path,
                    f"{_label(row, check.on)}: {check.total} = {expected}, but {data.path.name} has no "
                    "row for it",
                    line=line,
                    column=_column(against, check.total),
                    field=check.total,
                )


def _lookup(check: Check, data: Dataset, against: Dataset) -> None:
    totals = _against_totals(check, against)
    value = check.value or ""
    for row, line in _rows(data, check.filter):
        key = _key(row, check.on)
        label = _label(row, check.on)
        if key not in totals:
            raise InputError(
                data.path,
                f"{label} has no row in {against.path.name}",
                line=line,
                column=_column(data, check.on[0]),
                field=check.on[0],
            )
        expected, at, _ = totals[key]
        if getattr(row, value) != expected:
            raise InputError(
                data.path,
                f"{label}: {value} is {getattr(row, value)}, but {against.path.name}:{at} has "
                f"{check.total} = {expected}",
                line=line,
                column=_column(data, value),
                field=value,
            )


def exact(number: float) -> Fraction:
    """The decimal a percentage was written as (``17.192`` → 17192/1000), not its binary neighbour."""
    return Fraction(Decimal(repr(number)))


def _percent_of(check: Check, data: Dataset) -> None:
    tolerance = Fraction(check.tolerance or "0")
    percent, value = check.percent or "", check.value or ""
    for row, line in _rows(data, check.filter):
        count, total, shown = getattr(row, value), getattr(row, check.total), getattr(row, percent)
        if total == 0:
            raise InputError(
                data.path,
                f"{check.total} is 0, so no percentage can come from it",
                line=line,
                column=_column(data, check.total),
                field=check.total,
            )
        share = Fraction(count * 100, total)
        if abs(share - exact(shown)) > tolerance:
            raise InputError(
                data.path,
                f"{shown} is not {value} {count} / {check.total} {total} = {float(share):.4f}% "
                f"(within {check.tolerance})",
                line=line,
                column=_column(data, percent),
                field=percent,
            )
