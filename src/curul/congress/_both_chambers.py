"""Who can pass a motion that needs both chambers, as a result: the minimal winning coalitions of
parties voting as one bloc in each, their seats in both, each party's role, and the indices of that
joint game (``curul coalitions --senate``).

The single-chamber listing (:class:`curul.congress.ChamberCoalitions`) answers for one chamber; from
July 2026 a vacancy needs the Chamber of Deputies and then the Senate, and a coalition strong in one may
fall short in the other, which only the joint game shows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from curul.congress._bicameral import JointIndices, joint_indices
from curul.congress._bundled import resolve_composition
from curul.congress._chamber import composition_quota
from curul.congress._compositions import BICAMERAL_CHAMBERS, Composition
from curul.congress._joint_coalitions import JointCoalition, JointCoalitionReport, joint_coalitions
from curul.congress._thresholds import CHAMBER_NAMES, Quota
from curul.report import Column, Line, Presentable, Report, Span, Table

if TYPE_CHECKING:
    import pandas as pd

_NAMES = ("first", "second")


def _pct(x: Fraction) -> str:
    return f"{float(x) * 100:.2f}%"


def _top(labels: tuple[str, ...], values: tuple[Fraction, ...]) -> list[str]:
    best = max(values)
    return [g for g, v in zip(labels, values, strict=True) if v == best]


@dataclass(frozen=True)
class BicameralCoalitions(Presentable):
    """Coalitions of parties that reach ``quota`` in ``composition`` and ``senate_quota`` in ``senate``
    (the first and second chamber), and the Banzhaf and Shapley–Shubik indices of that joint game;
    ``limit`` minimal winning coalitions are listed (0: all)."""

    composition: Composition
    senate: Composition
    quota: Quota
    senate_quota: Quota
    coalitions: JointCoalitionReport
    indices: JointIndices
    limit: int = 0

    @property
    def listed(self) -> tuple[JointCoalition, ...]:
        found = self.coalitions.minimal
        return found[: self.limit] if self.limit else found

    @property
    def most_pivotal(self) -> dict[str, list[str]]:
        """The parties with the largest index (ties all listed)."""
        labels = self.indices.labels
        return {
            "banzhaf": _top(labels, self.indices.banzhaf),
            "shapley_shubik": _top(labels, self.indices.shapley_shubik),
        }

    def index_rows(self) -> list[dict[str, Any]]:
        """One row per party: seats in each chamber, the indices as floats and as exact fractions."""
        return self.indices.rows(_NAMES)

    def as_dict(self) -> dict[str, Any]:
        return (
            {
                "composition": self.composition.id,
                "senate": self.senate.id,
                "chambers": {"first": self.composition.chamber, "second": self.senate.chamber},
                "threshold": self.quota.as_dict(),
                "senate_threshold": self.senate_quota.as_dict(),
            }
            | self.coalitions.as_dict(self.limit or None, _NAMES)
            | {"indices": self.index_rows(), "most_pivotal": self.most_pivotal}
        )

    def to_frame(self) -> pd.DataFrame:
        """One row per party: seats in each chamber, minimal winning coalitions it is in, veto, indices."""
        import pandas as pd

        found, ix = self.coalitions, self.indices
        rows = [
            {
                "group": g,
                "seats_first": ix.seats[0][i],
                "seats_second": ix.seats[1][i],
                "in_minimal_winning": found.membership[g],
                "veto": g in found.veto,
                "banzhaf": float(ix.banzhaf[i]),
                "banzhaf_absolute": float(ix.banzhaf_absolute[i]),
                "shapley_shubik": float(ix.shapley_shubik[i]),
            }
            for i, g in enumerate(ix.labels)
        ]
        return pd.DataFrame(rows).set_index("group")

    def coalitions_frame(self) -> pd.DataFrame:
        """The listed minimal winning coalitions: parties, seats and surplus in each chamber."""
        import pandas as pd

        columns = ["groups", "seats_first", "seats_second", "surplus_first", "surplus_second"]
        return pd.DataFrame([c.as_dict(_NAMES) for c in self.listed], columns=columns)

    def _chamber(self, comp: Composition) -> str:
        return CHAMBER_NAMES[comp.chamber] if comp.chamber in BICAMERAL_CHAMBERS else comp.id

    def _sources(self, a: str, b: str) -> list[Line]:
        first, second = self.composition.source, self.senate.source
        if first == second:
            return [Line.of(Span(f"{a} and {b}: {first}", "dim"), "soft")]
        return [Line.of(Span(f"{a}: {first}", "dim"), "soft"), Line.of(Span(f"{b}: {second}", "dim"), "soft")]

    def _coalition_table(self, found: tuple[JointCoalition, ...], title: str) -> Table:
        a, b = self._chamber(self.composition), self._chamber(self.senate)
        return Table.build(
            ["parties", Column(a, align="right"), Column(b, align="right"), Column("surplus", align="right")],
            [[" + ".join(c.groups), str(c.seats[0]), str(c.seats[1]), f"{c.surplus[0]} / {c.surplus[1]}"]
             for c in found],
            title=title,
        )  # fmt: skip

    def report(self, *, thresholds: bool = True) -> Report:
        """The coalitions, the parties' roles and indices; ``thresholds``: also each threshold's rule,
        article and sources (a caller that lists them itself leaves them out)."""
        found, ix = self.coalitions, self.indices
        a, b = self._chamber(self.composition), self._chamber(self.senate)
        qa, qb = found.quotas
        ta, tb = (sum(s) for s in found.seats)
        powers = Table.build(
            ["party", Column(a, align="right"), Column(b, align="right"), Column("in MWC", align="right"),
             Column("Banzhaf", align="right"), Column("Shapley–Shubik", align="right")],
            [[g, str(ix.seats[0][i]), str(ix.seats[1][i]), str(found.membership[g]),
              f"{ix.banzhaf[i]} = {_pct(ix.banzhaf[i])}",
              f"{ix.shapley_shubik[i]} = {_pct(ix.shapley_shubik[i])}"]
             for i, g in enumerate(ix.labels)],
            title="Each party in the joint game (parties vote as one bloc in both chambers)",
        )  # fmt: skip
        fewest = found.fewest_groups
        top = self.most_pivotal
        short = [
            self._coalition_table(found.first_only, f"Reach the {a} ({qa}) but not the {b} ({qb})")
            if found.first_only
            else None,
            self._coalition_table(found.second_only, f"Reach the {b} ({qb}) but not the {a} ({qa})")
            if found.second_only
            else None,
        ]
        return Report.of(
            [Span(f"{self.composition.label} and {self.senate.label}", "bold"),
             f": {qa} of {ta} in the {a} and {qb} of {tb} in the {b}"],
            f"{len(found.minimal)} minimal winning coalitions (each party in one is needed in a chamber)",
            self._coalition_table(self.listed, "Minimal winning coalitions (fewest parties first)"),
            f"fewest parties: {len(fewest[0].groups)} ({'; '.join(' + '.join(c.groups) for c in fewest)})",
            f"fewest seats in the {a}: " + "; ".join(f"{' + '.join(c.groups)} ({c.seats[0]})"
                                                     for c in found.fewest_seats(0)),
            f"fewest seats in the {b}: " + "; ".join(f"{' + '.join(c.groups)} ({c.seats[1]})"
                                                     for c in found.fewest_seats(1)),
            powers,
            Line.of([Span("veto parties (in every winning coalition): ", "bold"), ", ".join(found.veto)])
            if found.veto else "no party is in every winning coalition",
            f"never decisive: {', '.join(found.dummies)}" if found.dummies else None,
            f"most pivotal: {', '.join(top['banzhaf'])} (Banzhaf), {', '.join(top['shapley_shubik'])} "
            "(Shapley–Shubik)",
            *short,
            *(self.quota.explained() if thresholds else []),
            *(self.senate_quota.explained() if thresholds else []),
            *self._sources(a, b),
        )  # fmt: skip


def _resolved(composition: Composition | str) -> Composition:
    return resolve_composition(composition) if isinstance(composition, str) else composition


def bicameral_coalitions(
    composition: Composition | str,
    threshold: str | int,
    senate: Composition | str,
    senate_threshold: str | int,
    *,
    limit: int = 0,
    unattached_bloc: bool = False,
    date: dt.date | None = None,
    chamber: str | None = None,
    present: int | None = None,
) -> BicameralCoalitions:
    """Coalitions of parties (matched by group code across the chambers) that reach ``threshold`` in
    ``composition`` and ``senate_threshold`` in ``senate``, ``limit`` of them listed, with the joint
    game's indices. Each threshold is evaluated in its composition's chamber (``chamber`` overrides the
    first; the second is the Senate)."""
    first, second = _resolved(composition), _resolved(senate)
    quota = composition_quota(threshold, first, date=date, chamber=chamber, present=present)
    senate_quota = composition_quota(senate_threshold, second, date=date, chamber="senate")
    split = not unattached_bloc
    game_a = first.game(quota.votes, split_unattached=split)
    game_b = second.game(senate_quota.votes, split_unattached=split)
    found = joint_coalitions(game_a, game_b)
    return BicameralCoalitions(
        first, second, quota, senate_quota, found, joint_indices(game_a, game_b), limit
    )
