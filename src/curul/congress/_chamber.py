"""What a chamber needs and who can deliver it, as results: the power of each group (or legislator) at
a threshold, and the coalitions that reach it.

Each result gives ``as_dict()`` (the ``--json`` keys), ``report()`` (tables for people; ``__rich__``
and ``_repr_html_`` come from it) and ``to_frame()``. The indices stay exact fractions in
:class:`PowerIndices`; the rows give them as floats, as the JSON always has.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from curul.congress._bicameral import BicameralIndices, JointIndices, bicameral_indices, joint_indices
from curul.congress._bundled import resolve_composition
from curul.congress._coalitions import CoalitionReport, coalitions
from curul.congress._compositions import BICAMERAL_CHAMBERS, Composition
from curul.congress._games import WeightedGame
from curul.congress._power import PowerIndices, power_indices
from curul.congress._thresholds import CHAMBER_NAMES, Quota, resolve_threshold
from curul.errors import ArgumentError
from curul.report import Column, Presentable, Report, Span, Table

if TYPE_CHECKING:
    import pandas as pd


def composition_quota(
    threshold: str | int,
    composition: Composition,
    *,
    date: dt.date | None = None,
    chamber: str | None = None,
    present: int | None = None,
) -> Quota:
    """Votes ``threshold`` means in ``composition``: a number as given, or a procedure id of the
    constitution engine evaluated on ``date`` (default: the composition's date) and on the
    composition's hábiles when they are known (compositions read off the roll calls, or a member
    list's :meth:`~Composition.habiles_only`).

    The chamber is ``chamber`` if given, else the composition's own when it is one of the bicameral
    Congress (``senate``, ``deputies``): ``vacancy.approval`` on ``2026-07-senate`` is the Senate's rule.
    A procedure of a named chamber also says what its share was counted on (``basis``).
    """
    named = chamber or (composition.chamber if composition.chamber in BICAMERAL_CHAMBERS else None)
    quota = resolve_threshold(
        str(threshold),
        date=date or composition.date,
        chamber=named,
        habiles=composition.habiles,
        present=present,
    )
    if quota.chamber is None:
        return quota
    return replace(quota, basis=_basis(quota, composition, present))


def _basis(quota: Quota, composition: Composition, present: int | None) -> str:
    value = quota.base_value
    if quota.base is None or value is None:
        return "a fixed number, not a share of the chamber"
    if quota.base == "habiles":
        return composition.habiles_basis(value)
    if quota.base == "present":
        given = "given" if present is not None else "everyone able to vote taken as present"
        return f"counted on those present: {value} ({given})"
    chamber = quota.chamber or ""
    return f"counted on the legal number of the {CHAMBER_NAMES.get(chamber, chamber)}: {value}"


def _resolved(composition: Composition | str) -> Composition:
    return resolve_composition(composition) if isinstance(composition, str) else composition


def _game(composition: Composition, quota: Quota, members: bool, unattached_bloc: bool) -> WeightedGame:
    if members:
        return composition.member_game(quota.votes)
    return composition.game(quota.votes, split_unattached=not unattached_bloc)


def _pct(x: Any) -> str:
    return f"{float(x) * 100:6.2f}%"


def _needed(quota: Quota) -> str:
    return f" ({quota.procedure}: {quota.arithmetic})" if quota.procedure else ""


@dataclass(frozen=True)
class ChamberPower(Presentable):
    """Banzhaf and Shapley–Shubik power of every player of a composition at a threshold.

    With a ``senate``, of the game "pass both chambers" (:class:`BicameralIndices`), or, when the
    indices are :class:`JointIndices`, of parties voting as one bloc in both. ``members``: one player
    per legislator; ``by_group``: the members' indices summed per group.
    """

    composition: Composition
    quota: Quota
    indices: PowerIndices | BicameralIndices | JointIndices
    members: bool = False
    by_group: bool = False
    senate: Composition | None = None
    senate_quota: Quota | None = None

    @property
    def joint(self) -> bool:
        return isinstance(self.indices, JointIndices)

    @property
    def key(self) -> str:
        """The players' column: ``member`` for legislators, else ``group``."""
        if self.senate is None and self.by_group:
            return "group"
        return "member" if self.members else "group"

    @property
    def players(self) -> int:
        indices = self.indices
        if isinstance(indices, JointIndices):
            return len(indices.labels)
        if isinstance(indices, BicameralIndices):
            return indices.games[0].n + indices.games[1].n
        return indices.game.n

    def rows(self) -> list[dict[str, Any]]:
        """One row per player (or group): its seats and indices as floats."""
        indices = self.indices
        if isinstance(indices, JointIndices):
            return indices.rows(("first", "second"))
        if isinstance(indices, BicameralIndices):
            return indices.rows(self.key)
        group_of = dict(self.composition.members)
        if self.members and self.by_group:
            return indices.grouped(group_of)
        rows: list[dict[str, Any]] = indices.rows(self.key)
        if self.members:
            for row in rows:
                row["group"] = group_of[row["member"]]
        return rows

    def as_dict(self) -> dict[str, Any]:
        if self.senate is None or self.senate_quota is None:
            return {
                "composition": self.composition.id,
                "threshold": self.quota.as_dict(),
                "players": self.players,
                "rows": self.rows(),
            }
        return {
            "composition": self.composition.id,
            "senate": self.senate.id,
            "threshold": self.quota.as_dict(),
            "senate_threshold": self.senate_quota.as_dict(),
            "players": self.players,
            "joint": self.joint,
            "rows": self.rows(),
        }

    def to_frame(self) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame(self.rows())

    def report(self) -> Report:
        comp, key, joint = self.composition, self.key, self.joint
        bicameral = self.senate is not None and not joint
        title = f"Power in {comp.label} — {self.quota.votes} votes needed" + _needed(self.quota)
        seats = ["seats (first)", "seats (second)"] if joint else ["seats"]
        columns = [
            *([Column("chamber")] if bicameral else []),
            Column(key, style="bold"),
            *(Column(s, align="right") for s in [*seats, "Banzhaf", "Banzhaf abs.", "Shapley–Shubik"]),
        ]
        rows = []
        for row in self.rows():
            counts = [str(row["seats_first"]), str(row["seats_second"])] if joint else [str(row["seats"])]
            rows.append(
                [
                    *([str(row["chamber"])] if bicameral else []),
                    str(row[key]),
                    *counts,
                    _pct(row["banzhaf"]),
                    f"{row['banzhaf_absolute']:.4g}",
                    _pct(row["shapley_shubik"]),
                ]
            )
        senate_lines = self.senate_quota.explained() if self.senate_quota is not None else []
        return Report.of(
            Table.build(columns, rows, title=title),
            Span(f"source: {comp.source}", "dim"),
            *self.quota.explained(),
            *senate_lines,
        )


def chamber_power(
    composition: Composition | str,
    threshold: str | int,
    *,
    members: bool = False,
    by_group: bool = False,
    unattached_bloc: bool = False,
    date: dt.date | None = None,
    chamber: str | None = None,
    present: int | None = None,
    senate: Composition | str | None = None,
    senate_threshold: str | int | None = None,
    joint: bool = False,
) -> ChamberPower:
    """Exact power of each group of ``composition`` (each legislator with ``members``) at ``threshold``.

    A composition is given as one, or by bundled id or CSV path. Non-attached members are one player
    each unless ``unattached_bloc``. With ``senate`` (and its ``senate_threshold``, evaluated for the
    Senate) a motion must pass both chambers; ``joint`` makes each party one player holding its seats
    in both.
    """
    composition = _resolved(composition)
    quota = composition_quota(threshold, composition, date=date, chamber=chamber, present=present)
    game = _game(composition, quota, members, unattached_bloc)
    if senate is None:
        return ChamberPower(composition, quota, power_indices(game), members, by_group)
    if senate_threshold is None:
        raise ArgumentError("senate_threshold", "{name} is needed with a senate")
    senate = _resolved(senate)
    senate_quota = composition_quota(senate_threshold, senate, date=date, chamber="senate")
    senate_game = _game(senate, senate_quota, members, unattached_bloc)
    indices: BicameralIndices | JointIndices
    if joint:
        if members:
            raise ArgumentError(
                "joint", "{name} joins groups across chambers; it cannot be used with members"
            )
        indices = joint_indices(game, senate_game)
    else:
        indices = bicameral_indices(game, senate_game, names=(composition.id, senate.id))
    return ChamberPower(composition, quota, indices, members, by_group, senate, senate_quota)


@dataclass(frozen=True)
class ChamberCoalitions(Presentable):
    """The minimal winning coalitions of a composition's groups at a threshold, the smallest ones, and
    each group's role; ``limit`` coalitions are listed (0: all)."""

    composition: Composition
    quota: Quota
    coalitions: CoalitionReport
    limit: int = 0

    @property
    def listed(self) -> tuple[Any, ...]:
        found = self.coalitions.minimal
        return found[: self.limit] if self.limit else found

    def as_dict(self) -> dict[str, Any]:
        return (
            {"composition": self.composition.id}
            | self.coalitions.as_dict(self.limit or None)
            | {"threshold": self.quota.as_dict()}
        )

    def to_frame(self) -> pd.DataFrame:
        """The listed minimal winning coalitions: groups, seats and surplus over the threshold."""
        import pandas as pd

        return pd.DataFrame([c.as_dict() for c in self.listed], columns=["groups", "seats", "surplus"])

    def report(self) -> Report:
        comp, found = self.composition, self.coalitions
        smallest = Table.build(
            ["groups", Column("seats", align="right"), Column("surplus", align="right")],
            [[" + ".join(c.groups), str(c.seats), str(c.surplus)] for c in self.listed],
            title="Smallest (fewest seats, then fewest groups)",
        )
        fewest = found.fewest_groups[0]
        pivotal = Table.build(
            ["group", Column("seats", align="right"), Column("in MWC", align="right")],
            [
                [g, str(comp.seats.get(g, 1)), str(found.membership[g])]
                for g in sorted(found.membership, key=lambda g: -found.membership[g])
            ],
            title="Pivotal groups (decisive in how many minimal winning coalitions)",
        )
        return Report.of(
            [
                Span(comp.label, "bold"),
                f": {found.game.total} seats, {self.quota.votes} needed" + _needed(self.quota),
            ],
            f"{len(found.minimal)} minimal winning coalitions",
            smallest,
            f"fewest groups: {len(fewest.groups)} (e.g. {' + '.join(fewest.groups)})",
            pivotal,
            f"veto groups (in every winning coalition): {', '.join(found.veto)}" if found.veto else None,
            f"never decisive: {', '.join(found.dummies)}" if found.dummies else None,
            *self.quota.explained(),
        )


def chamber_coalitions(
    composition: Composition | str,
    threshold: str | int,
    *,
    limit: int = 0,
    unattached_bloc: bool = False,
    date: dt.date | None = None,
    chamber: str | None = None,
    present: int | None = None,
) -> ChamberCoalitions:
    """Minimal winning coalitions of the groups of ``composition`` (or of the bundled id or CSV path)
    at ``threshold``, ``limit`` of them listed."""
    composition = _resolved(composition)
    quota = composition_quota(threshold, composition, date=date, chamber=chamber, present=present)
    found = coalitions(composition.game(quota.votes, split_unattached=not unattached_bloc))
    return ChamberCoalitions(composition, quota, found, limit)
