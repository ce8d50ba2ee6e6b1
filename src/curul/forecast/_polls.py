"""The poll CSV format: one row per answer option per poll wave, validated on load.

A poll wave is identified by election, round, pollster, poll type, basis and its dates. Rows that are
not candidates (undecided, blank/null, none, would not vote, other candidates) are kept, because the
conversion to valid-vote shares needs them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from curul.errors import InputError
from curul.inputs import Col, CsvSchema, CsvTable, UserText, fold, parse_csv, read_text

COLUMNS = (
    "election",
    "round",
    "pollster",
    "poll_type",
    "field_start",
    "field_end",
    "published",
    "sample_n",
    "population",
    "basis",
    "option",
    "candidate",
    "party",
    "share",
    "source",
    "note",
)
REQUIRED = ("election", "round", "pollster", "poll_type", "basis", "option", "candidate", "share", "source")

POLL_TYPES = ("intention", "simulated_ballot")
BASES = ("all_respondents", "emitted_votes", "valid_votes")
OPTIONS = ("candidate", "others", "blank_null", "undecided", "none", "no_vote")
NON_CHOICE = ("blank_null", "undecided", "none", "no_vote")

# Days between the end of fieldwork and publication when a wave's publication date is unknown.
PUBLICATION_LAG_DAYS = 2
# A wave's shares may exceed 100 only by rounding (published figures are rounded to 0.1 or 1 point).
SUM_TOLERANCE = 1.5


@dataclass(frozen=True)
class PollRow:
    """One answer option of one poll wave, as in the CSV file."""

    election: str
    round: int
    pollster: str
    poll_type: str
    field_start: date | None
    field_end: date | None
    published: date | None
    sample_n: int | None
    population: str
    basis: str
    option: str
    candidate: str
    party: str
    share: float
    source: str
    note: str = ""
    line: int = field(default=0, compare=False)

    @property
    def wave_key(self) -> tuple:
        return (
            self.election,
            self.round,
            self.pollster,
            self.poll_type,
            self.basis,
            self.field_start,
            self.field_end,
            self.published,
        )


@dataclass(frozen=True)
class Poll:
    """One poll wave: its rows share pollster, type, basis and dates."""

    rows: tuple[PollRow, ...]

    @property
    def first(self) -> PollRow:
        return self.rows[0]

    @property
    def pollster(self) -> str:
        return self.first.pollster

    @property
    def election(self) -> str:
        return self.first.election

    @property
    def round(self) -> int:
        return self.first.round

    @property
    def basis(self) -> str:
        return self.first.basis

    @property
    def poll_type(self) -> str:
        return self.first.poll_type

    @property
    def sample_n(self) -> int | None:
        return self.first.sample_n

    @property
    def publication_date(self) -> date:
        """The publication date, or the end of fieldwork plus a typical lag when it is not known."""
        row = self.first
        if row.published is not None:
            return row.published
        assert row.field_end is not None  # validation guarantees one date
        return row.field_end + timedelta(days=PUBLICATION_LAG_DAYS)

    @property
    def field_date(self) -> date:
        """The middle of fieldwork: the date the opinions were measured."""
        row = self.first
        if row.field_start is not None and row.field_end is not None:
            return row.field_start + (row.field_end - row.field_start) / 2
        if row.field_end is not None:
            return row.field_end
        assert row.published is not None
        return row.published - timedelta(days=PUBLICATION_LAG_DAYS + 1)

    @property
    def label(self) -> str:
        return f"{self.pollster} {self.field_date.isoformat()} {self.poll_type} ({self.basis})"

    def candidates(self) -> dict[str, float]:
        return {r.candidate: r.share for r in self.rows if r.option == "candidate"}

    def option_total(self, option: str) -> float | None:
        values = [r.share for r in self.rows if r.option == option]
        return sum(values) if values else None


POLL_FILE = CsvSchema(
    "poll file",
    (
        Col("election"),
        Col("round", "count"),
        Col("pollster"),
        Col("poll_type"),
        Col("field_start", "date?", required=False),
        Col("field_end", "date?", required=False),
        Col("published", "date?", required=False),
        Col("sample_n", "count?", required=False),
        Col("population", "text", required=False),
        Col("basis"),
        Col("option"),
        Col("candidate"),
        Col("party", "text", required=False),
        Col("share", "percent"),
        Col("source", "source"),
        Col("note", "text", required=False),
    ),
)
"""The poll format (docs/forecast.md): one row per answer option per wave; the cell kinds of
:mod:`curul.inputs` (dates ``YYYY-MM-DD`` in range, shares plain decimals in [0, 100], counts in ASCII
digits), the allowed values below, and the checks across rows of :func:`_check_waves`."""
assert tuple(c.name for c in POLL_FILE.columns) == COLUMNS


def parse_polls(text: str | UserText, path: Path | str = "<polls>") -> tuple[PollRow, ...]:
    """Parse and validate poll CSV text against :data:`POLL_FILE`; raise :class:`InputError` at the first
    problem (file, line, column, field)."""
    source = text if isinstance(text, UserText) else UserText(str(path), text)
    table = parse_csv(source, POLL_FILE)
    if not table.rows:
        raise InputError(table.name, "no poll rows", line=2, column=1)
    rows = tuple(_row(table, index) for index in range(len(table)))
    _check_waves(rows, table)
    return rows


def _row(table: CsvTable, index: int) -> PollRow:
    """One typed row, checked against the allowed values and the order of its dates."""
    cells = table.rows[index]

    def fail(name: str, problem: str) -> InputError:
        return table.error(index, name if name in table.columns else None, problem)

    if cells["round"] not in (1, 2):
        raise fail("round", f"{cells['round']} is not 1 or 2")
    for name, allowed in (("poll_type", POLL_TYPES), ("basis", BASES), ("option", OPTIONS)):
        if cells[name] not in allowed:
            raise fail(name, f"{cells[name]!r} is not one of {', '.join(allowed)}")
    start, end, published = cells["field_start"], cells["field_end"], cells["published"]
    if end is None and published is None:
        raise fail("published", "a poll needs a publication date or an end of fieldwork")
    if start and end and start > end:
        raise fail("field_end", "fieldwork ends before it starts")
    if end and published and published < end:
        raise fail("published", "published before fieldwork ended")
    if cells["sample_n"] == 0:
        raise fail("sample_n", "0 is not a positive whole number")
    return PollRow(
        election=cells["election"],
        round=cells["round"],
        pollster=cells["pollster"],
        poll_type=cells["poll_type"],
        field_start=start,
        field_end=end,
        published=published,
        sample_n=cells["sample_n"],
        population=cells["population"] or "",
        basis=cells["basis"],
        option=cells["option"],
        candidate=cells["candidate"],
        party=cells["party"] or "",
        share=cells["share"],
        source=cells["source"],
        note=cells["note"] or "",
        line=table.lines[index],
    )


def _check_waves(rows: Sequence[PollRow], table: CsvTable) -> None:
    """Checks across the rows of one wave: no answer twice, shares that add up to at most 100."""
    seen: dict[tuple, dict[str, int]] = {}
    totals: dict[tuple, float] = {}
    for index, row in enumerate(rows):
        options = seen.setdefault(row.wave_key, {})
        key = f"{row.option}:{fold(row.candidate)}"
        if key in options:
            raise table.error(
                index,
                "candidate",
                f"{row.candidate!r} appears twice in the same poll (first on line {options[key]})",
            )
        options[key] = row.line
        totals[row.wave_key] = totals.get(row.wave_key, 0.0) + row.share
        if totals[row.wave_key] > 100 + SUM_TOLERANCE:
            raise table.error(
                index, "share", f"the shares of this poll add up to {totals[row.wave_key]:.1f} > 100"
            )


def read_polls(path: str | Path) -> tuple[PollRow, ...]:
    """Read and validate a poll CSV file (``-``: standard input) through :mod:`curul.inputs`."""
    return parse_polls(read_text(path))


def _share(value: float) -> str:
    """A share as the poll format writes it: shortest form, never an exponent (which it refuses)."""
    text = f"{value:g}"
    return f"{value:.6f}".rstrip("0").rstrip(".") if "e" in text else text


def group_polls(rows: Iterable[PollRow]) -> tuple[Poll, ...]:
    """Group rows into waves, in order of field date."""
    waves: dict[tuple, list[PollRow]] = {}
    for row in rows:
        waves.setdefault(row.wave_key, []).append(row)
    polls = [Poll(tuple(v)) for v in waves.values()]
    return tuple(sorted(polls, key=lambda p: (p.field_date, p.pollster, p.poll_type, p.basis)))


def format_polls(rows: Iterable[PollRow]) -> str:
    """Write rows in the documented CSV format (the inverse of :func:`parse_polls`)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for r in rows:
        writer.writerow(
            [
                r.election,
                r.round,
                r.pollster,
                r.poll_type,
                r.field_start.isoformat() if r.field_start else "",
                r.field_end.isoformat() if r.field_end else "",
                r.published.isoformat() if r.published else "",
                r.sample_n if r.sample_n is not None else "",
                r.population,
                r.basis,
                r.option,
                r.candidate,
                r.party,
                _share(r.share),
                r.source,
                r.note,
            ]
        )
    return out.getvalue()
