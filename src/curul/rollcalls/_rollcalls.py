"""Roll calls of the Peruvian Congress: import the openpolitica layout, normalise, check, cache.

Layout read (openpolitica/congreso-pleno-asistencia-votacion, folder ``data/2021-2026``, flattened):

- ``votes.csv``: vote_id, date, time, subject, presiding, quorum, legal_number, yes, no, abstain,
  no_answer, absent, on_leave, annual_period, legislature, source_path — one row per vote;
- ``ballots.csv``: vote_id, group, member, ballot — one row per member per vote;
- ``groups.csv``: group, name — parliamentary group codes.

Ballot codes are normalised to eight categories (``BALLOT_CODES``). The recorded totals of every vote
are compared with the sums of its ballots; disagreements are kept in ``contradictions`` — listed, never
corrected.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from curul.congress import Composition, GroupSeats
from curul.data import fold
from curul.errors import ArgumentError, CurulError, InputError

#: Source ballot code → normalised category. "FALTO" (missed) is read as absent.
BALLOT_CODES: dict[str, str] = {
    "SI": "yes",
    "NO": "no",
    "ABSTENCION": "abstain",
    "ABST": "abstain",
    "AUSENTE": "absent",
    "AUS": "absent",
    "FALTO": "absent",
    "SIN_RESPONDER": "no_answer",
    "SINRES": "no_answer",
    "LICENCIA_OFICIAL": "leave",
    "LICENCIA_POR_ENFERMEDAD": "leave",
    "LICENCIA_PERSONAL": "leave",
    "LO": "leave",
    "LE": "leave",
    "LP": "leave",
    "SUSPENDIDO": "suspended",
    "FALLECIDO": "deceased",
}
CATEGORIES = ("yes", "no", "abstain", "no_answer", "absent", "leave", "suspended", "deceased")
#: The positions a member can take on a motion (the others did not vote).
POSITIONS = ("yes", "no", "abstain")
#: Members in these categories are not *hábiles* (able to vote) on that vote.
NOT_HABIL = frozenset({"leave", "suspended", "deceased"})
#: Recorded total column of votes.csv → the ballot category it counts.
TOTALS = {
    "yes": "yes",
    "no": "no",
    "abstain": "abstain",
    "no_answer": "no_answer",
    "absent": "absent",
    "on_leave": "leave",
}
VOTE_COLUMNS = (
    "vote_id", "date", "time", "subject", "presiding", "quorum", "legal_number", "yes", "no",
    "abstain", "no_answer", "absent", "on_leave", "annual_period", "legislature", "source_path",
)  # fmt: skip
BALLOT_COLUMNS = ("vote_id", "group", "member", "ballot")


@dataclass(frozen=True)
class Contradiction:
    """A vote whose recorded total disagrees with the sum of its member ballots."""

    vote_id: str
    field: str
    recorded: int
    from_ballots: int

    def as_dict(self) -> dict[str, object]:
        return {
            "vote_id": self.vote_id,
            "field": self.field,
            "recorded": self.recorded,
            "from_ballots": self.from_ballots,
        }


@dataclass(frozen=True)
class RollCalls:
    """Normalised roll calls: ``votes`` (one row per vote, by date) and ``ballots`` (``category``)."""

    votes: pd.DataFrame
    ballots: pd.DataFrame
    groups: dict[str, str]
    contradictions: tuple[Contradiction, ...]
    source: str

    @property
    def n_votes(self) -> int:
        return len(self.votes)

    def checksum(self) -> str:
        """SHA-256 of the normalised content (votes: id, date, subject; ballots: vote, group, member,
        category): what a fitted model depends on, whatever file it was read from. Computed once."""
        known = self.__dict__.get("_checksum")
        if known is not None:
            return str(known)
        digest = hashlib.sha256()
        for frame, columns in ((self.votes, ["vote_id", "date", "subject"]),
                               (self.ballots, ["vote_id", "group", "member", "category"])):  # fmt: skip
            digest.update(str(len(frame)).encode())
            hashed = pd.util.hash_pandas_object(frame[columns].astype(str), index=False)
            digest.update(hashed.to_numpy().tobytes())
        value = digest.hexdigest()
        object.__setattr__(self, "_checksum", value)
        return value

    def between(self, start: dt.date | None = None, end: dt.date | None = None) -> RollCalls:
        """The votes dated in [start, end) and their ballots."""
        mask = pd.Series(True, index=self.votes.index)
        if start is not None:
            mask &= self.votes["date"] >= pd.Timestamp(start)
        if end is not None:
            mask &= self.votes["date"] < pd.Timestamp(end)
        votes = self.votes[mask]
        ballots = self.ballots[self.ballots["vote_id"].isin(votes["vote_id"])]
        keep = set(votes["vote_id"])
        return RollCalls(
            votes,
            ballots,
            self.groups,
            tuple(c for c in self.contradictions if c.vote_id in keep),
            self.source,
        )

    def voters(self, vote_id: str) -> pd.DataFrame:
        """The ballots of vote ``vote_id`` that took a position (yes, no or abstain)."""
        rows = self.ballots[self.ballots["vote_id"] == vote_id]
        return rows[rows["category"].isin(POSITIONS)]

    def habiles(self, vote_id: str) -> int:
        """Members able to vote (not on leave, suspended or deceased) in vote ``vote_id``."""
        ballots = self.ballots[self.ballots["vote_id"] == vote_id]
        return int((~ballots["category"].isin(list(NOT_HABIL))).sum())

    def counts(self) -> pd.DataFrame:
        """Ballots per vote and category, from the member rows (vote_id × category)."""
        return (
            self.ballots.groupby(["vote_id", "category"], observed=False)
            .size()
            .unstack("category", fill_value=0)
            .reindex(columns=list(CATEGORIES), fill_value=0)
        )


def _read_csv(path: Path, columns: tuple[str, ...]) -> pd.DataFrame:
    if not path.is_file():
        raise CurulError(f"{path}: no such file (expected the openpolitica layout: votes.csv, ballots.csv)")
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, UnicodeDecodeError, OSError) as exc:
        raise InputError(path, f"cannot parse CSV: {str(exc).splitlines()[0]}") from None
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise InputError(path, f"missing column(s): {', '.join(missing)}", line=1, column=1)
    return frame


def _int_column(frame: pd.DataFrame, column: str, path: Path) -> pd.Series:
    values = pd.to_numeric(frame[column], errors="coerce")
    bad = values.isna()
    if bad.any():
        i = int(bad.to_numpy().nonzero()[0][0])
        raise InputError(
            path,
            f"not a whole number: {frame[column].iloc[i]!r} (vote {frame['vote_id'].iloc[i]})",
            column=frame.columns.get_loc(column) + 1,
            field=column,
        )
    return values.astype(int)


def import_rollcalls(folder: str | Path) -> RollCalls:
    """Read and check the openpolitica layout in ``folder``."""
    folder = Path(folder)
    if not folder.is_dir():
        raise CurulError(f"{folder}: not a folder with votes.csv and ballots.csv")
    vpath, bpath = folder / "votes.csv", folder / "ballots.csv"
    votes = _read_csv(vpath, VOTE_COLUMNS)
    ballots = _read_csv(bpath, BALLOT_COLUMNS)
    groups: dict[str, str] = {}
    gpath = folder / "groups.csv"
    if gpath.is_file():
        gframe = _read_csv(gpath, ("group", "name"))
        groups = dict(zip(gframe["group"], gframe["name"], strict=True))

    dup = votes["vote_id"].duplicated()
    if dup.any():
        raise InputError(vpath, f"vote_id {votes['vote_id'][dup].iloc[0]!r} appears twice", field="vote_id")
    dates = pd.to_datetime(votes["date"], format="%Y-%m-%d", errors="coerce")
    if dates.isna().any():
        i = int(dates.isna().to_numpy().nonzero()[0][0])
        raise InputError(vpath, f"not a date: {votes['date'].iloc[i]!r}", field="date")
    votes = votes.assign(date=dates)
    for column in ("quorum", "legal_number", *TOTALS):
        votes[column] = _int_column(votes, column, vpath)

    unknown = ~ballots["ballot"].isin(list(BALLOT_CODES))
    if unknown.any():
        i = int(unknown.to_numpy().nonzero()[0][0])
        raise InputError(
            bpath, f"unknown ballot code {ballots['ballot'].iloc[i]!r}", line=i + 2, column=4, field="ballot"
        )
    orphan = ~ballots["vote_id"].isin(votes["vote_id"])
    if orphan.any():
        i = int(orphan.to_numpy().nonzero()[0][0])
        raise InputError(
            bpath, f"vote {ballots['vote_id'].iloc[i]!r} is not in votes.csv", line=i + 2, column=1
        )
    twice = ballots.duplicated(["vote_id", "member"])
    if twice.any():
        i = int(twice.to_numpy().nonzero()[0][0])
        raise InputError(
            bpath,
            f"member {ballots['member'].iloc[i]!r} has two ballots in vote {ballots['vote_id'].iloc[i]}",
            line=i + 2,
            column=3,
        )
    ballots = ballots.assign(
        category=pd.Categorical(ballots["ballot"].map(BALLOT_CODES), categories=list(CATEGORIES)),
        group=ballots["group"].astype("category"),
    )
    votes = votes.sort_values(["date", "time", "vote_id"], kind="stable").reset_index(drop=True)
    rc = RollCalls(votes, ballots.reset_index(drop=True), groups, (), str(folder))
    return RollCalls(votes, rc.ballots, groups, check_totals(rc), str(folder))


def check_totals(rc: RollCalls) -> tuple[Contradiction, ...]:
    """Every (vote, total) where the recorded figure differs from the count of member ballots.

    Also checks that each vote has one ballot per seat of its legal number.
    """
    counts = rc.counts().reindex(rc.votes["vote_id"], fill_value=0)
    found: list[Contradiction] = []
    votes = rc.votes.set_index("vote_id")
    for column, category in TOTALS.items():
        diff = counts[category] != votes[column]
        for vid in counts.index[diff.to_numpy()]:
            found.append(
                Contradiction(vid, column, int(votes.at[vid, column]), int(counts.at[vid, category]))
            )
    members = counts.sum(axis=1)
    diff = members != votes["legal_number"]
    for vid in counts.index[diff.to_numpy()]:
        found.append(
            Contradiction(vid, "legal_number", int(votes.at[vid, "legal_number"]), int(members[vid]))
        )
    return tuple(sorted(found, key=lambda c: (c.vote_id, c.field)))


def vote_on(rc: RollCalls, date: dt.date) -> str:
    """The id of the last vote on or before ``date``."""
    earlier = rc.votes[rc.votes["date"] <= pd.Timestamp(date)]
    if earlier.empty:
        first = rc.votes["date"].min().date()
        raise CurulError(f"no roll call on or before {date} (the data starts on {first})")
    return str(earlier["vote_id"].iloc[-1])


def composition_on(rc: RollCalls, date: dt.date, *, habiles_only: bool = False) -> Composition:
    """Seats per group as recorded in the last roll call on or before ``date``, as a composition of
    :mod:`curul.congress` (its games, power indices and coalitions apply).

    With ``habiles_only``, members on leave, suspended or deceased on that vote are left out.
    """
    vid = vote_on(rc, date)
    rows = rc.ballots[rc.ballots["vote_id"] == vid]
    habil = ~rows["category"].isin(list(NOT_HABIL))
    chosen = rows[habil] if habiles_only else rows
    seats = chosen.groupby("group", observed=True).size().sort_values(ascending=False, kind="stable")
    groups = tuple(GroupSeats(str(g), rc.groups.get(str(g), str(g)), int(n)) for g, n in seats.items())
    vote = rc.votes[rc.votes["vote_id"] == vid].iloc[0]
    return Composition(
        f"rollcalls:{date.isoformat()}",
        vote["date"].date(),
        f"As recorded in roll call {vid}" + (" (hábiles only)" if habiles_only else ""),
        "congress",
        int(vote["legal_number"]),
        groups,
        f"{rc.source} ({vote['source_path']})",
        members=tuple(zip(chosen["member"], chosen["group"].astype(str), strict=True)),
        habiles=int(habil.sum()),
    )


def find_member(rc: RollCalls, text: str, *, argument: str = "member") -> str:
    """The member named ``text``: the exact name, or the one name containing it (accents and case
    ignored). ``argument`` names the argument in the error when none or several match."""
    names = sorted(rc.ballots["member"].unique())
    exact = [n for n in names if fold(n) == fold(text)]
    if exact:
        return str(exact[0])
    hits = [str(n) for n in names if fold(text) in fold(n)]
    if len(hits) == 1:
        return hits[0]
    if not hits:
        raise ArgumentError(argument, f"no member matches {text!r}")
    raise ArgumentError(argument, f"{text!r} matches {len(hits)} members: {'; '.join(hits[:5])}")
