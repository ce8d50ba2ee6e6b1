"""Reading the openpolitica layout through :mod:`curul.inputs`: three schemas declared as data, and the
checks across files (a ballot code the table below does not know, a ballot of a vote not in
``votes.csv``, a vote without ballots).

Every refusal is one :class:`curul.errors.InputError` at its file, line and column, before anything is
written: exact headers, rows as wide as the header, counts as whole non-negative ASCII numbers, dates
real and within 1900-01-01..2100-12-31, times ``HH:MM``, names without control characters, one row per
vote and per (vote, member), names compared case- and accent-insensitively (README, "Input files").
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from curul.errors import CurulError, InputError
from curul.inputs import Col, CsvSchema, CsvTable, read_csv
from curul.rollcalls._rollcalls import BALLOT_CODES, CATEGORIES, RollCalls, check_totals

_COUNTS = ("quorum", "legal_number", "yes", "no", "abstain", "no_answer", "absent", "on_leave")
_TIME = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")


def _times(table: CsvTable) -> None:
    """A vote's time is ``HH:MM`` (votes of a day are ordered by it)."""
    for index, row in enumerate(table.rows):
        if not _TIME.fullmatch(row["time"]):
            raise table.error(index, "time", f"{row['time']!r} is not a time of day (HH:MM)")


VOTES_FILE = CsvSchema(
    "roll-call votes file",
    (
        Col("vote_id"),
        Col("date", "date"),
        Col("time"),
        Col("subject", "prose"),  # may run over lines and past 300 characters
        Col("presiding", "text"),
        *(Col(c, "count") for c in _COUNTS),
        Col("annual_period", "text"),
        Col("legislature", "text"),
        Col("source_path", "text"),
    ),
    key=("vote_id",),
    checks=(_times,),
)
"""``votes.csv``: one row per vote (its id, date, subject and recorded totals)."""

BALLOTS_FILE = CsvSchema(
    "roll-call ballots file",
    (Col("vote_id"), Col("group"), Col("member"), Col("ballot")),
    key=("vote_id", "member"),
)
"""``ballots.csv``: one row per member per vote."""

GROUPS_FILE = CsvSchema("parliamentary groups file", (Col("group"), Col("name")), key=("group",))
"""``groups.csv`` (optional): the name of each group code."""


def _frame(table: CsvTable, columns: tuple[str, ...]) -> pd.DataFrame:
    return pd.DataFrame({c: [row[c] for row in table.rows] for c in columns})


def _check_ballots(ballots: CsvTable, vote_ids: set[str]) -> None:
    """Every ballot code is known and every ballot belongs to a vote of ``votes.csv``."""
    for index, row in enumerate(ballots.rows):
        if row["ballot"] not in BALLOT_CODES:
            raise ballots.error(index, "ballot", f"unknown ballot code {row['ballot']!r}")
        if row["vote_id"] not in vote_ids:
            raise ballots.error(index, "vote_id", f"vote {row['vote_id']!r} is not in votes.csv")


def import_rollcalls(folder: str | Path) -> RollCalls:
    """Read and check the openpolitica layout in ``folder`` (``votes.csv``, ``ballots.csv``, and
    ``groups.csv`` when present)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise CurulError(f"{folder}: not a folder with votes.csv and ballots.csv")
    vtable = read_csv(folder / "votes.csv", VOTES_FILE)
    if not vtable.rows:
        raise InputError(vtable.name, "no votes after the header", line=2, column=1)
    btable = read_csv(folder / "ballots.csv", BALLOTS_FILE)
    vote_ids = {row["vote_id"] for row in vtable.rows}
    _check_ballots(btable, vote_ids)
    voted = {row["vote_id"] for row in btable.rows}
    for index, row in enumerate(vtable.rows):
        if row["vote_id"] not in voted:
            raise vtable.error(index, "vote_id", f"vote {row['vote_id']!r} has no ballots in ballots.csv")
    groups: dict[str, str] = {}
    if (folder / "groups.csv").exists():
        gtable = read_csv(folder / "groups.csv", GROUPS_FILE)
        groups = {row["group"]: row["name"] for row in gtable.rows}

    votes = _frame(vtable, tuple(c.name for c in VOTES_FILE.columns))
    votes["date"] = pd.to_datetime(votes["date"])
    for column in _COUNTS:
        votes[column] = votes[column].astype("int64")
    ballots = _frame(btable, ("vote_id", "group", "member", "ballot"))
    ballots = ballots.assign(
        category=pd.Categorical(ballots["ballot"].map(BALLOT_CODES), categories=list(CATEGORIES)),
        group=ballots["group"].astype("category"),
    )
    votes = votes.sort_values(["date", "time", "vote_id"], kind="stable").reset_index(drop=True)
    rc = RollCalls(votes, ballots, groups, (), str(folder))
    return RollCalls(votes, ballots, groups, check_totals(rc), str(folder))
