"""Peru's older first rounds (2001, 2006, 2011): the last published polls against the official result.

They only calibrate the error scale (``calibrate``): the bundled poll files start in 2016, and one or two
elections are too little evidence for the size of Peru's polling misses. Each row of
``history/final_polls_2001_2011.csv`` carries its source; the curated file holds only what those sources
print (the last poll each pollster published before the blackout, in valid votes or with the share of
respondents who named no candidate, and the official share of valid votes).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache
from importlib import resources

from curul.data import fold
from curul.errors import InputError

HISTORY_FILE = "final_polls_2001_2011.csv"
NON_CHOICE_FILE = "non_choice_2001_2011.csv"
_REQUIRED = ("election", "first_round", "row", "candidate", "share", "basis", "source")


@dataclass(frozen=True)
class HistoricalError:
    election: str
    candidate: str
    predicted: float  # mean of the final published polls, percent of valid votes
    actual: float  # official share of valid votes


def _valid_share(row: dict, line: int) -> float:
    share = float(row["share"])
    if row["basis"] == "valid_votes":
        return share
    if row["basis"] == "all_respondents":
        non_choice = float(row["non_choice"] or "nan")
        if not 0 <= non_choice < 100:
            raise InputError(
                HISTORY_FILE, "all_respondents rows need non_choice in 0..100", line=line, field="non_choice"
            )
        return 100.0 * share / (100.0 - non_choice)
    raise InputError(HISTORY_FILE, f"unknown basis {row['basis']!r}", line=line, field="basis")


def parse_history(text: str) -> tuple[HistoricalError, ...]:
    """Errors of the final-poll mean per candidate named by both a final poll and the result."""
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in _REQUIRED if c not in (reader.fieldnames or [])]
    if missing:
        raise InputError(HISTORY_FILE, f"missing columns: {', '.join(missing)}", line=1)
    polls: dict[tuple[str, str], list[float]] = {}
    results: dict[tuple[str, str], float] = {}
    names: dict[tuple[str, str], str] = {}
    for line, row in enumerate(reader, start=2):
        if not row["source"].strip():
            raise InputError(HISTORY_FILE, "every row needs a source", line=line, field="source")
        key = (row["election"], fold(row["candidate"]))
        names[key] = row["candidate"]
        if row["row"] == "final_poll":
            polls.setdefault(key, []).append(_valid_share(row, line))
        elif row["row"] == "result":
            results[key] = float(row["share"])
        else:
            raise InputError(
                HISTORY_FILE, f"row must be final_poll or result, not {row['row']!r}", line=line, field="row"
            )
    return tuple(
        HistoricalError(key[0], names[key], sum(values) / len(values), results[key])
        for key, values in polls.items()
        if key in results
    )


@cache
def historical_errors() -> tuple[HistoricalError, ...]:
    text = resources.files("curul.forecast").joinpath("history", HISTORY_FILE).read_text(encoding="utf-8")
    return parse_history(text)


def parse_non_choice(text: str) -> dict[str, float]:
    """Election -> share of all respondents naming no candidate (undecided, blank, null) late in the race."""
    reader = csv.DictReader(io.StringIO(text))
    out = {}
    for line, row in enumerate(reader, start=2):
        if not (row.get("source") or "").strip():
            raise InputError(NON_CHOICE_FILE, "every row needs a source", line=line, field="source")
        try:
            value = float(row["non_choice"])
        except (TypeError, ValueError):
            raise InputError(
                NON_CHOICE_FILE, "non_choice must be a number", line=line, field="non_choice"
            ) from None
        if not 0 <= value < 100:
            raise InputError(NON_CHOICE_FILE, "non_choice must be in 0..100", line=line, field="non_choice")
        out[row["election"]] = value
    return out


@cache
def historical_non_choice() -> dict[str, float]:
    """Late non-choice shares of 2001-2011 (sources in ``history/non_choice_2001_2011.csv``)."""
    text = resources.files("curul.forecast").joinpath("history", NON_CHOICE_FILE).read_text(encoding="utf-8")
    return parse_non_choice(text)
