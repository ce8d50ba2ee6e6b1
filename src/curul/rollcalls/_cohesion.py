"""Group cohesion, attendance and member–group agreement from the roll calls.

- Rice index of a group on a vote: |yes − no| / (yes + no) (Rice 1925; abstentions left out).
- Agreement index (Hix, Noury & Roland 2005): (max(Y,N,A) − ½·(Y+N+A − max)) / (Y+N+A), which counts
  abstention as a position, as the Peruvian record does.
- Attendance: share of the votes a member was present for (yes, no, abstain or no answer) among those
  where the member was *hábil* (not on leave, suspended or deceased).
- Agreement of a member with a group: share of votes where the member's position (yes/no/abstain)
  equals the plurality position of the group's other members.

The frames are the library's; :class:`Cohesion` and :class:`MemberTable` are what the commands show.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from curul.data import fold
from curul.errors import ArgumentError, CurulError
from curul.report import Column, Presentable, Report, Table
from curul.rollcalls._rollcalls import POSITIONS, RollCalls

PRESENT = ("yes", "no", "abstain", "no_answer")
FREQUENCIES = {"month": "M", "quarter": "Q", "year": "Y"}


def group_vote_counts(rc: RollCalls) -> pd.DataFrame:
    """yes/no/abstain counts per (vote_id, group)."""
    b = rc.ballots[rc.ballots["category"].isin(POSITIONS)]
    counts = (
        b.groupby(["vote_id", "group", "category"], observed=True)
        .size()
        .unstack("category", fill_value=0)
        .reindex(columns=list(POSITIONS), fill_value=0)
    )
    return counts


def cohesion_by_vote(rc: RollCalls, *, min_voters: int = 2) -> pd.DataFrame:
    """Rice and agreement index per group and vote (groups with ≥ ``min_voters`` taking a position)."""
    c = group_vote_counts(rc).reset_index()
    y, n, a = c["yes"], c["no"], c["abstain"]
    total = y + n + a
    c = c[total >= min_voters].copy()
    y, n, a = c["yes"], c["no"], c["abstain"]
    yn = (y + n).replace(0, np.nan)
    c["rice"] = (y - n).abs() / yn
    top = c[list(POSITIONS)].max(axis=1)
    t = y + n + a
    c["agreement"] = (top - 0.5 * (t - top)) / t
    dates = rc.votes.set_index("vote_id")["date"]
    c["date"] = c["vote_id"].map(dates)
    c["group"] = c["group"].astype(str)
    return c


def cohesion_over_time(rc: RollCalls, *, freq: str = "quarter", min_votes: int = 5) -> pd.DataFrame:
    """Mean Rice and agreement index per group and period (month, quarter or year)."""
    per_vote = cohesion_by_vote(rc)
    period = per_vote["date"].dt.to_period(FREQUENCIES[freq])
    grouped = per_vote.groupby([period.rename("period"), "group"])
    out = grouped.agg(rice=("rice", "mean"), agreement=("agreement", "mean"), votes=("vote_id", "size"))
    out = out[out["votes"] >= min_votes].reset_index()
    out["period"] = out["period"].astype(str)
    return out


def cohesion_summary(rc: RollCalls) -> pd.DataFrame:
    """Mean Rice and agreement index per group over the whole window, largest groups first."""
    per_vote = cohesion_by_vote(rc)
    size = rc.ballots.groupby("group", observed=True)["member"].nunique()
    out = per_vote.groupby("group").agg(
        rice=("rice", "mean"), agreement=("agreement", "mean"), votes=("vote_id", "size")
    )
    out["members"] = size.reindex(out.index.astype(str)).fillna(0).astype(int).to_numpy()
    return out.sort_values("votes", ascending=False).reset_index()


def attendance(rc: RollCalls) -> pd.DataFrame:
    """Per member: votes, present, absent, on leave/suspended, attendance rate, last group."""
    b = rc.ballots
    table = b.groupby(["member", "category"], observed=False).size().unstack("category", fill_value=0)
    present = table[list(PRESENT)].sum(axis=1)
    absent = table["absent"]
    out = pd.DataFrame(
        {
            "votes": table.sum(axis=1),
            "present": present,
            "absent": absent,
            "leave": table["leave"],
            "suspended": table["suspended"] + table["deceased"],
            "yes": table["yes"],
            "no": table["no"],
            "abstain": table["abstain"],
        }
    )
    out["attendance"] = present / (present + absent).replace(0, np.nan)
    order = rc.votes[["vote_id", "date"]].reset_index().set_index("vote_id")["index"]
    last = b.assign(order=b["vote_id"].map(order)).sort_values("order").groupby("member").tail(1)
    out["group"] = last.set_index("member")["group"].astype(str).reindex(out.index)
    return out[out["votes"] > 0].reset_index()


def member_group_agreement(rc: RollCalls) -> pd.DataFrame:
    """Members × groups: share of votes where the member sided with the group's (other members') plurality."""
    b = rc.ballots[rc.ballots["category"].isin(POSITIONS)]
    vote_codes, vote_index = np.unique(b["vote_id"].to_numpy(), return_inverse=True)
    groups = np.array(sorted(b["group"].astype(str).unique()))
    group_index = np.searchsorted(groups, b["group"].astype(str).to_numpy())
    pos_index = b["category"].map({p: k for k, p in enumerate(POSITIONS)}).to_numpy().astype(int)
    counts = np.zeros((len(vote_codes), len(groups), 3), dtype=np.int32)
    np.add.at(counts, (vote_index, group_index, pos_index), 1)
    members = np.array(sorted(b["member"].unique()))
    member_index = np.searchsorted(members, b["member"].to_numpy())
    agree = np.zeros((len(members), len(groups)))
    seen = np.zeros((len(members), len(groups)))
    rows = np.arange(len(b))
    for g in range(len(groups)):
        c = counts[vote_index, g, :].copy()  # that group's counts on each ballot's vote
        own = group_index == g
        c[rows[own], pos_index[own]] -= 1  # the member's own ballot does not count for his group
        has = c.sum(axis=1) > 0
        top = c.max(axis=1)
        # ties: the member agrees if his position is one of the tied pluralities
        sided = (c[rows, pos_index] == top) & has
        np.add.at(agree[:, g], member_index[has], sided[has])
        np.add.at(seen[:, g], member_index[has], 1)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = agree / seen
    return pd.DataFrame(share, index=pd.Index(members, name="member"), columns=groups)


@dataclass(frozen=True, eq=False)
class Cohesion(Presentable):
    """Cohesion of every group over a window of votes: ``summary`` per group, ``over_time`` per period
    (``freq``); ``plot`` is the chart file written from it, if any."""

    votes: int
    summary: pd.DataFrame
    over_time: pd.DataFrame
    freq: str = "quarter"
    plot: str | None = None

    def with_plot(self, path: str | Path) -> Cohesion:
        """The same result, naming the chart written from it."""
        return replace(self, plot=str(path))

    def as_dict(self) -> dict[str, Any]:
        return {
            "votes": self.votes,
            "summary": self.summary.to_dict("records"),
            "over_time": self.over_time.to_dict("records"),
            "plot": self.plot,
        }

    def to_frame(self) -> pd.DataFrame:
        """The summary: one row per group (``over_time`` holds the periods)."""
        return self.summary.copy()

    def report(self) -> Report:
        rows = [
            [r.group, str(r.members), str(r.votes), f"{r.rice:.3f}", f"{r.agreement:.3f}"]
            for r in self.summary.itertuples()
        ]
        columns = [Column(c, align="left" if c == "group" else "right") for c in _COHESION_COLUMNS]
        title = f"Cohesion over {self.votes} votes (NA = non-attached, not a group)"
        return Report.of(
            Table.build(columns, rows, title=title), f"chart: {self.plot}" if self.plot else None
        )


_COHESION_COLUMNS = ("group", "members", "votes", "Rice", "agreement")


def cohesion(rc: RollCalls, *, freq: str = "quarter") -> Cohesion:
    """Rice and agreement indices of every group, over the whole window and per ``freq`` period."""
    if freq not in FREQUENCIES:
        raise ArgumentError("freq", f"use one of {', '.join(FREQUENCIES)}, not {freq!r}")
    if rc.n_votes == 0:
        raise CurulError("no votes in that date range")
    return Cohesion(rc.n_votes, cohesion_summary(rc), cohesion_over_time(rc, freq=freq), freq)


@dataclass(frozen=True)
class MemberTable(Presentable):
    """Attendance of members and their agreement with each group, over ``votes`` votes."""

    votes: int
    rows: tuple[dict[str, Any], ...]

    def as_dict(self) -> dict[str, Any]:
        return {"members": list(self.rows)}

    def to_frame(self) -> pd.DataFrame:
        """One row per member; ``agreement`` holds the share with each group."""
        return pd.DataFrame(list(self.rows)).set_index("member")

    def report(self) -> Report:
        columns = [
            Column(c, align="left" if c in ("member", "group") else "right")
            for c in ("member", "group", "votes", "attendance", "with own group", "closest other group")
        ]
        rows = []
        for r in self.rows:
            others = {g: v for g, v in r["agreement"].items() if g not in (r["group"], "NA")}
            best = max(others, key=lambda g: others[g]) if others else "-"
            rows.append(
                [
                    r["member"], r["group"], str(r["votes"]), f"{r['attendance']:.1%}",
                    f"{r['agreement_own_group']:.1%}", f"{best} {others.get(best, 0):.1%}" if others else "-",
                ]
            )  # fmt: skip
        return Report.of(Table.build(columns, rows, title=f"Members over {self.votes} votes"))


def member_table(rc: RollCalls, *, group: str | None = None, member: str | None = None) -> MemberTable:
    """Each member's attendance and agreement with every group; only members whose last group is
    ``group``, or whose name contains ``member`` (accents and case ignored), when given."""
    att = attendance(rc)
    agree = member_group_agreement(rc)
    if group:
        att = att[att["group"] == group]
    if member:
        needle = fold(member)
        att = att[att["member"].map(lambda m: needle in fold(m))]
    if att.empty:
        raise ArgumentError("group/member", "no member matches {name}")
    rows = []
    for r in att.to_dict("records"):
        shares = agree.loc[r["member"]] if r["member"] in agree.index else pd.Series(dtype=float)
        r["agreement_own_group"] = float(shares.get(r["group"], float("nan")))
        r["agreement"] = {g: round(float(v), 4) for g, v in shares.dropna().items()}
        rows.append(r)
    rows.sort(key=lambda r: (r["group"], r["member"]))
    return MemberTable(rc.n_votes, tuple(rows))
