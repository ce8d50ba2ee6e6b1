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


def _parse_date(text: str, path: Path | str, line: int, column: int, name: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(
            path, f"{text!r} is not a date (use YYYY-MM-DD)", line=line, column=column, field=name
        ) from None


def parse_polls(text: str, path: Path | str = "<polls>") -> tuple[PollRow, ...]:
    """Parse and validate poll CSV text; raise :class:`InputError` at the first problem."""
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except StopIteration:
        raise InputError(path, "empty file: expected a header row", line=1) from None
    header = [h.strip() for h in header]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise InputError(path, f"missing column(s): {', '.join(missing)}", line=1)
    for i, name in enumerate(header):
        if name not in COLUMNS:
            raise InputError(path, f"unknown column {name!r}", line=1, column=i + 1)
    index = {name: i for i, name in enumerate(header)}
    rows: list[PollRow] = []
    for record in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in record):
            continue
        if len(record) != len(header):
            raise InputError(path, f"expected {len(header)} fields, found {len(record)}", line=line, column=1)
        rows.append(_parse_row(record, index, path, line))
    if not rows:
        raise InputError(path, "no poll rows", line=2)
    _check_waves(rows, path, index)
    return tuple(rows)


def _parse_row(record: Sequence[str], index: dict[str, int], path: Path | str, line: int) -> PollRow:
    def cell(name: str) -> str:
        return record[index[name]].strip() if name in index else ""

    def col(name: str) -> int:
        return index[name] + 1

    def fail(name: str, problem: str) -> InputError:
        return InputError(path, problem, line=line, column=col(name), field=name)

    for name in REQUIRED:
        if not cell(name):
            raise fail(name, "is required")
    try:
        round_ = int(cell("round"))
    except ValueError:
        raise fail("round", f"{cell('round')!r} is not 1 or 2") from None
    if round_ not in (1, 2):
        raise fail("round", f"{round_} is not 1 or 2")
    for name, allowed in (("poll_type", POLL_TYPES), ("basis", BASES), ("option", OPTIONS)):
        if cell(name) not in allowed:
            raise fail(name, f"{cell(name)!r} is not one of {', '.join(allowed)}")
    dates = {
        name: _parse_date(cell(name), path, line, col(name) if name in index else 0, name)
        for name in ("field_start", "field_end", "published")
    }
    if dates["field_end"] is None and dates["published"] is None:
        raise fail("published", "a poll needs a publication date or an end of fieldwork")
    if dates["field_start"] and dates["field_end"] and dates["field_start"] > dates["field_end"]:
        raise fail("field_end", "fieldwork ends before it starts")
    if dates["field_end"] and dates["published"] and dates["published"] < dates["field_end"]:
        raise fail("published", "published before fieldwork ended")
    sample_n: int | None = None
    if cell("sample_n"):
        try:
            value = float(cell("sample_n"))
        except ValueError:
            raise fail("sample_n", f"{cell('sample_n')!r} is not a number") from None
        if value != int(value) or value < 1:
            raise fail("sample_n", f"{cell('sample_n')} is not a positive whole number")
        sample_n = int(value)
    try:
        share = float(cell("share"))
    except ValueError:
        raise fail("share", f"{cell('share')!r} is not a number") from None
    if not 0 <= share <= 100:
        raise fail("share", f"{share} is outside 0..100 (shares are percentages)")
    return PollRow(
        election=cell("election"),
        round=round_,
        pollster=cell("pollster"),
        poll_type=cell("poll_type"),
        field_start=dates["field_start"],
        field_end=dates["field_end"],
        published=dates["published"],
        sample_n=sample_n,
        population=cell("population"),
        basis=cell("basis"),
        option=cell("option"),
        candidate=cell("candidate"),
        party=cell("party"),
        share=share,
        source=cell("source"),
        note=cell("note"),
        line=line,
    )


def _check_waves(rows: Sequence[PollRow], path: Path | str, index: dict[str, int]) -> None:
    """Checks across the rows of one wave: no answer twice, shares that add up to at most 100."""
    seen: dict[tuple, dict[str, PollRow]] = {}
    totals: dict[tuple, float] = {}
    for row in rows:
        options = seen.setdefault(row.wave_key, {})
        key = f"{row.option}:{row.candidate.casefold()}"
        if key in options:
            raise InputError(
                path,
                f"{row.candidate!r} appears twice in the same poll (first on line {options[key].line})",
                line=row.line,
                column=index["candidate"] + 1,
                field="candidate",
            )
        options[key] = row
        totals[row.wave_key] = totals.get(row.wave_key, 0.0) + row.share
        if totals[row.wave_key] > 100 + SUM_TOLERANCE:
            raise InputError(
                path,
                f"the shares of this poll add up to {totals[row.wave_key]:.1f} > 100",
                line=row.line,
                column=index["share"] + 1,
                field="share",
            )


def read_polls(path: str | Path) -> tuple[PollRow, ...]:
    """Read and validate a poll CSV file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not UTF-8 text ({exc.reason})") from None
    except OSError as exc:
        raise InputError(path, exc.strerror or "cannot read file") from None
    return parse_polls(text, path)


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
                f"{r.share:g}",
                r.source,
                r.note,
            ]
        )
    return out.getvalue()
