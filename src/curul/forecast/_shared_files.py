"""Reading the shared poll research files (``../shared/data/polls``) as they are written: CSV rows with
their line numbers, dates and counts in the forms found there, and the record of a row left out.

Shared by the importer of the poll files (``_importers``) and the reader of the 2026 waves file
(``_waves``), so both report a row at its own file and line.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from curul.errors import InputError


@dataclass(frozen=True)
class Dropped:
    """A row of a shared file left out of the import, and why."""

    file: str
    line: int
    candidate: str
    reason: str


def iso_date(text: str) -> date | None:
    """A ``YYYY-MM-DD`` date, possibly followed by a remark in parentheses ("2026-05-31 (PDF timestamp
    260531)"), or None for anything else (empty, "2026-01", a free-text date)."""
    text = (text or "").strip()
    match = re.fullmatch(r"(\d{4}-\d{2}-\d{2})(?:\s+\(.*\))?", text)
    return date.fromisoformat(match.group(1)) if match else None


def whole_number(text: str) -> int | None:
    """A count written as an integer or a float ("1200", "1200.0"), or None when empty."""
    text = (text or "").strip()
    return int(float(text)) if text else None


def read_rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    """Each row of a CSV file with the line it ends on."""
    if not path.is_file():
        raise InputError(path, "no such file")
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return [(reader.line_num, row) for row in reader]
