"""Reading the shared poll research files (``../shared/data/polls``) as they are written: CSV rows with
their line numbers, dates and counts in the forms found there, and the record of a row left out.

Shared by the importer of the poll files (``_importers``) and the reader of the 2026 waves file
(``_waves``), so both report a row at its own file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from curul.inputs import Col, CsvSchema, CsvTable, parse_date, read_csv


@dataclass(frozen=True)
class Dropped:
    """A row of a shared file left out of the import, and why."""

    file: str
    line: int
    candidate: str
    reason: str


_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:\s+\(.*\))?")
# A month without its day ("2026-01", in polls_2026_r1.csv): kept, and read as undated.
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_WHOLE = re.compile(r"[0-9]{1,12}(?:\.0+)?")


def iso_date(text: str | None) -> date | None:
    """A ``YYYY-MM-DD`` date, possibly followed by a remark in parentheses ("2026-05-31 (PDF timestamp
    260531)"), or None for anything else (empty, "2026-01", a free-text date). The reader has refused a
    date of that form that is not a real day in the documented range (:func:`_checked`)."""
    match = _DATE.fullmatch((text or "").strip())
    return date.fromisoformat(match.group(1)) if match else None


def whole_number(text: str | None) -> int | None:
    """A count written as an integer or a float ("1200", "1200.0"), or None when empty (the reader has
    refused any other form)."""
    text = (text or "").strip()
    return int(float(text)) if text else None


def _checked(table: CsvTable) -> None:
    """The cells the importer parses in the shared files' own forms: a date is empty, a real day in range
    (``2026-05-31``, possibly followed by a remark in parentheses) or a month (``2026-01``, read as
    undated); a sample size is a whole number (``1200`` or ``1200.0``)."""
    for index, row in enumerate(table.rows):
        for name in ("field_start", "field_end", "published"):
            text = (row.get(name) or "").strip()
            match = _DATE.fullmatch(text)
            try:
                if match:
                    parse_date(match.group(1))
                elif (month := _MONTH.fullmatch(text)) is not None:
                    parse_date(f"{month.group(0)}-01")
                elif text:
                    raise ValueError(
                        f"{text[:40]!r} is not a date (YYYY-MM-DD, optionally with a remark in "
                        "parentheses, or YYYY-MM)"
                    )
            except ValueError as exc:
                raise table.error(index, name, str(exc)) from None
        sample = (row.get("sample_n") or "").strip()
        if sample and not _WHOLE.fullmatch(sample):
            raise table.error(index, "sample_n", f"{sample!r} is not a whole number (1200 or 1200.0)")


def _text(*names: str) -> tuple[Col, ...]:
    return tuple(Col(name, "text", required=False) for name in names)


_KEY = ("candidate", "pollster", "poll_type", "election", "round", "field_start", "field_end",
        "published", "basis", "population", "note")  # fmt: skip
SHARED_POLLS = CsvSchema(
    "shared poll file",
    (
        Col("pollster"),
        Col("poll_type"),
        Col("candidate"),
        Col("pct", "percent"),
        Col("source", "source"),
        *_text("election", "round", "field_start", "field_end", "published", "sample_n", "population"),
        *_text("margin_error_pp", "party", "basis", "second_source", "verification", "note"),
    ),
    # One figure per answer of a published poll: the same answer twice is a copying mistake (the
    # undated 2026 IEP waves differ only in their notes, which name the wave).
    key=_KEY,
    checks=(_checked,),
)
"""A shared poll research file (``polls_2016_r1.csv`` …): the columns any of them has; the importer
maps the values (``docs/forecast.md``)."""
SHARED_WAVES = CsvSchema(
    "shared waves file",
    (
        Col("pollster"),
        Col("wave_label"),
        *_text("field_start", "field_end", "published", "sample_n", "population", "source", "note"),
    ),
    checks=(_checked,),
)
"""``polls_2026_r1_waves.csv``: the dates and sizes of the 2026 first-round waves."""


def read_rows(path: Path, schema: CsvSchema = SHARED_POLLS) -> list[tuple[int, dict[str, Any]]]:
    """Each row of a shared CSV file, read through :mod:`curul.inputs` against ``schema``, with the line
    it is on; a column the file leaves out reads as empty text."""
    table = read_csv(path, schema)
    return [
        (line, {k: "" if v is None else v for k, v in row.items()})
        for line, row in zip(table.lines, table.rows, strict=True)
    ]
