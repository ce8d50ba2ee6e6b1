"""Group cohesion, attendance and member–group agreement from the roll calls.

- Rice index of a group on a vote: |yes − no| / (yes + no) (Rice 1925; abstentions left out).
- Agreement index (Hix, Noury & Roland 2005): (max(Y,N,A) − ½·(Y+N+A − max)) / (Y+N+A), which counts
  abstention as a position, as the Peruvian record does.
- Attendance: share of the votes a member was present for (yes, no, abstain or no answer) among those
  where the member was *hábil* (not on leave, suspended or deceased).
- Agreement of a member with a group: share of votes where the member's position (yes/no/abstain)
  equals the plurality position of the group's other members. A group's codes over time are merged
  first (:func:`group_aliases`: APAIS, Avanza País in the first vote, is AP-PIS afterwards), and a group
  is named a member's closest only after ``MIN_SHARED_VOTES`` votes in common.

The frames are the library's; :class:`Cohesion` and :class:`MemberTable` are what the commands show.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from curul.data import fold
from curul.errors import ArgumentError, CurulError
from curul.report import Column, Presentable, Report, Table
from curul.rollcalls._codes import ballot_codes
from curul.rollcalls._rollcalls import CATEGORIES, POSITIONS, RollCalls

PRESENT = ("yes", "no", "abstain", "no_answer")
FREQUENCIES = {"month": "M", "quarter": "Q", "year": "Y"}
#: Votes a member and a group must both take a position in before that group can be the member's
#: closest: one vote (APAIS: 7 ballots, on 26 July 2021) would otherwise outrank 2,000.
MIN_SHARED_VOTES = 20


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
    """Per member: votes, present, absent, on leave/suspended, attendance rate, last group.

    Counted on the ballots' integer codes (one ``bincount`` of member × category): a motion forecast
    reads it on every run, where grouping 289,281 ballot rows by name cost more than the fit itself."""
    codes = ballot_codes(rc)
    n, k = len(codes.members), len(CATEGORIES)
    table = np.bincount(codes.member * k + codes.category, minlength=n * k).reshape(n, k)
    count = {c: table[:, i] for i, c in enumerate(CATEGORIES)}
    present = sum(count[c] for c in PRESENT)
    absent = count["absent"]
    with np.errstate(invalid="ignore", divide="ignore"):
        rate = np.where(present + absent > 0, present / (present + absent), np.nan)
    out = pd.DataFrame(
        {
            "member": codes.members.astype(str),
            "votes": table.sum(axis=1),
            "present": present,
            "absent": absent,
            "leave": count["leave"],
            "suspended": count["suspended"] + count["deceased"],
            "yes": count["yes"],
            "no": count["no"],
            "abstain": count["abstain"],
            "attendance": rate,
            "group": codes.groups[codes.group[codes.last_rows()]].astype(str),
        }
    )
    return out[out["votes"] > 0].reset_index(drop=True)


def group_aliases(rc: RollCalls) -> dict[str, str]:
    """Codes of one parliamentary group over time: alias → the code it is merged into.

    Read from the data: two codes are one group when their names in ``groups.csv`` are the same or one
    extends the other after a dash (``AVANZA PAÍS`` and ``AVANZA PAÍS - PARTIDO DE INTEGRACIÓN
    SOCIAL``), compared without accents or case, and no vote has ballots under both (one name at a
    time). The code in fewer votes is merged into the other. On 2021–2024: APAIS → AP-PIS, CD → CD-JPP,
    SP-PM → SP."""
    names = {code: fold(name) for code, name in rc.groups.items()}
    codes = ballot_codes(rc)
    in_vote = np.zeros((len(codes.groups), rc.n_votes), dtype=bool)  # group × vote: has a ballot
    in_vote[codes.group, codes.vote] = True
    votes_of = {str(g): in_vote[k] for k, g in enumerate(codes.groups) if str(g) in names}
    size = {g: int(v.sum()) for g, v in votes_of.items()}
    merged: dict[str, str] = {}
    for a, va in votes_of.items():
        for c, vc in votes_of.items():
            na, nc = names[a], names[c]
            related = na == nc or nc.startswith(na + " - ") or na.startswith(nc + " - ")
            if a != c and related and not (va & vc).any() and (size[a], a) < (size[c], c):
                merged[a] = c
    out = {}
    for alias in merged:
        target = merged[alias]
        while target in merged:
            target = merged[target]
        out[alias] = target
    return out


def _agreement(rc: RollCalls, aliases: dict[str, str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Members × groups (aliases merged): the agreement share, and the votes it is counted over."""
    codes = ballot_codes(rc)
    cast = codes.cast  # POSITIONS are the first categories: a cast ballot's category is its position
    vote_index, pos_index = codes.vote[cast], codes.category[cast].astype(np.int64)
    merged = np.array([aliases.get(str(g), str(g)) for g in codes.groups], dtype=object)
    groups, group_of_code = np.unique(merged.astype(str), return_inverse=True)
    group_index = group_of_code[codes.group[cast]]
    member_codes, member_index = np.unique(codes.member[cast], return_inverse=True)
    members = codes.members[member_codes].astype(str)
    n_groups, n_members = len(groups), len(members)
    cell = (vote_index * n_groups + group_index) * 3 + pos_index
    counts = np.bincount(cell, minlength=rc.n_votes * n_groups * 3).reshape(rc.n_votes, n_groups, 3)
    agree = np.zeros((n_members, n_groups))
    seen = np.zeros((n_members, n_groups))
    rows = np.arange(len(vote_index))
    for g in range(n_groups):
        c = counts[vote_index, g, :]  # that group's counts on each ballot's vote (a copy)
        own = group_index == g
        c[rows[own], pos_index[own]] -= 1  # the member's own ballot does not count for his group
        has = c.sum(axis=1) > 0
        top = c.max(axis=1)
        # ties: the member agrees if his position is one of the tied pluralities
        sided = (c[rows, pos_index] == top) & has
        agree[:, g] = np.bincount(member_index, weights=sided, minlength=n_members)
        seen[:, g] = np.bincount(member_index, weights=has, minlength=n_members)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = agree / seen
    index = pd.Index(members, name="member")
    return pd.DataFrame(share, index=index, columns=groups), pd.DataFrame(seen, index=index, columns=groups)


def member_group_agreement(rc: RollCalls, *, aliases: dict[str, str] | None = None) -> pd.DataFrame:
    """Members × groups: share of votes where the member sided with the group's (other members')
    plurality; ``aliases`` (see :func:`group_aliases`) merges codes of one group first."""
    return _agreement(rc, aliases or {})[0]


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
    """Attendance of members and their agreement with each group, over ``votes`` votes; each row's
    ``closest_group`` is the other group it agrees with most among those it shared at least
    ``min_shared_votes`` votes with (null when none did)."""

    votes: int
    rows: tuple[dict[str, Any], ...]
    min_shared_votes: int = MIN_SHARED_VOTES
    aliases: dict[str, str] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "members": list(self.rows),
            "min_shared_votes": self.min_shared_votes,
            "aliases": self.aliases,
        }

    def to_frame(self) -> pd.DataFrame:
        """One row per member; the agreement with each group in ``agreement_<GROUP>`` columns."""
        flat = []
        for r in self.rows:
            row = {k: v for k, v in r.items() if k not in ("agreement", "shared_votes")}
            row.update({f"agreement_{g}": v for g, v in sorted(r["agreement"].items())})
            flat.append(row)
        return pd.DataFrame(flat).set_index("member")

    def report(self) -> Report:
        columns = [
            Column(c, align="left" if c in ("member", "group") else "right")
            for c in ("member", "group", "votes", "attendance", "with own group", "closest other group")
        ]
        rows = []
        for r in self.rows:
            best = r["closest_group"]
            rows.append(
                [
                    r["member"], r["group"], str(r["votes"]), f"{r['attendance']:.1%}",
                    f"{r['agreement_own_group']:.1%}",
                    f"{best} {r['closest_group_agreement']:.1%}" if best is not None else "-",
                ]
            )  # fmt: skip
        merged = ", ".join(f"{a} → {c}" for a, c in sorted(self.aliases.items()))
        note = f"closest other group: at least {self.min_shared_votes} votes in common, NA left out"
        return Report.of(
            Table.build(columns, rows, title=f"Members over {self.votes} votes"),
            note + (f"; one group under two codes merged: {merged}" if merged else ""),
        )


def _closest(row: dict[str, Any], minimum: int) -> tuple[str | None, float | None]:
    """The other group (not the member's own, not the non-attached) the member agrees with most, among
    those with ``minimum`` shared votes; ties to the first code alphabetically."""
    others = [
        (g, v) for g, v in row["agreement"].items()
        if g not in (row["group"], "NA") and row["shared_votes"].get(g, 0) >= minimum
    ]  # fmt: skip
    if not others:
        return None, None
    group, share = min(others, key=lambda item: (-item[1], item[0]))
    return group, share


def member_table(
    rc: RollCalls,
    *,
    group: str | None = None,
    member: str | None = None,
    min_shared_votes: int = MIN_SHARED_VOTES,
    merge_aliases: bool = True,
) -> MemberTable:
    """Each member's attendance and agreement with every group; only members whose last group is
    ``group`` (a code or one of its aliases), or whose name contains ``member`` (accents and case
    ignored), when given. The codes of one group over time are merged (:func:`group_aliases`) unless
    ``merge_aliases`` is false; the closest other group needs ``min_shared_votes`` votes in common."""
    if min_shared_votes < 0:
        raise ArgumentError("min_shared_votes", "{name} must be 0 or more")
    aliases = group_aliases(rc) if merge_aliases else {}
    att = attendance(rc)
    att["group"] = att["group"].map(lambda g: aliases.get(g, g))
    agree, seen = _agreement(rc, aliases)
    if group:
        att = att[att["group"] == aliases.get(group, group)]
    if member:
        needle = fold(member)
        att = att[att["member"].map(lambda m: needle in fold(m))]
    if att.empty:
        raise ArgumentError("group/member", "no member matches {name}")
    rows = []
    for r in att.to_dict("records"):
        known = r["member"] in agree.index
        shares = agree.loc[r["member"]] if known else pd.Series(dtype=float)
        counts = seen.loc[r["member"]] if known else pd.Series(dtype=float)
        r["agreement_own_group"] = float(shares.get(r["group"], float("nan")))
        r["agreement"] = {g: round(float(v), 4) for g, v in shares.dropna().items()}
        r["shared_votes"] = {g: int(counts[g]) for g in r["agreement"]}
        r["closest_group"], r["closest_group_agreement"] = _closest(r, min_shared_votes)
        rows.append(r)
    rows.sort(key=lambda r: (r["group"], r["member"]))
    return MemberTable(rc.n_votes, tuple(rows), min_shared_votes, aliases)
