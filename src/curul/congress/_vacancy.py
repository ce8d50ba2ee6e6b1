"""Who can remove a President today: the votes each step of a presidential vacancy needs in the
bicameral Congress, and the coalitions of parties that reach them in both chambers.

The steps are the regime's own (every ``vacancy.*`` procedure of the regime in force on the day, in the
regime file's order: filing, admission and approval in the Chamber of Deputies, approval in the
Senate), each with its rule id, article, sources and ``confirmed`` flag. The coalitions are those of the
joint game "the approval thresholds of both chambers", because a coalition that approves also has the
votes for the earlier steps whenever those need fewer votes, which the result checks rather than
assumes (``earlier_steps_covered``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from curul.congress._both_chambers import BicameralCoalitions, bicameral_coalitions
from curul.congress._bundled import resolve_composition
from curul.congress._chamber import composition_quota
from curul.congress._compositions import Composition
from curul.congress._thresholds import CHAMBER_NAMES, Quota
from curul.errors import ArgumentError
from curul.report import Column, Line, Presentable, Report, Span, Table

if TYPE_CHECKING:
    import pandas as pd

#: The procedure whose thresholds, in both chambers, decide the coalitions.
APPROVAL = "vacancy.approval"


@dataclass(frozen=True)
class VacancyStep:
    """One step of the procedure: the procedure id, what it is, and the votes it needs (a :class:`Quota`
    with its chamber, rule id, article, sources, ``confirmed`` flag and basis)."""

    procedure: str
    description: str
    composition: str
    quota: Quota

    def as_dict(self) -> dict[str, Any]:
        return {"step": self.procedure, "description": self.description, "composition": self.composition} | (
            self.quota.as_dict()
        )


@dataclass(frozen=True)
class VacancyArithmetic(Presentable):
    """The vacancy procedure on ``on``: its steps and the coalitions of parties that can carry it
    through both chambers (``approval``: minimal winning coalitions, veto and never-decisive parties, the
    joint game's Banzhaf and Shapley–Shubik indices). ``alternative``: the same with the seats a second
    source gives, where one differs (the 2026 Lambayeque deputy), so a reader sees what rests on it."""

    on: dt.date
    steps: tuple[VacancyStep, ...]
    approval: BicameralCoalitions
    habiles: bool = False
    alternative: BicameralCoalitions | None = None

    @property
    def earlier_steps_covered(self) -> bool:
        """Whether every step needs at most the approval votes of its own chamber, so that a coalition
        that approves in both chambers also files and admits the motion."""
        final = {self.approval.quota.chamber: self.approval.quota.votes}
        final[self.approval.senate_quota.chamber] = self.approval.senate_quota.votes
        return all(s.quota.votes <= final.get(s.quota.chamber, 0) for s in self.steps)

    def as_dict(self) -> dict[str, Any]:
        return (
            {
                "procedure": "vacancy",
                "on": self.on,
                "habiles_only": self.habiles,
                "steps": [s.as_dict() for s in self.steps],
                "earlier_steps_covered": self.earlier_steps_covered,
            }
            | self.approval.as_dict()
            | {"alternative": self._alternative_dict()}
        )

    def _alternative_dict(self) -> dict[str, Any] | None:
        alt = self.alternative
        if alt is None:
            return None
        data = alt.as_dict()
        keep = ("groups", "count", "minimal_winning", "veto", "dummies", "indices", "most_pivotal")
        return {
            "sources": [alt.composition.source, alt.senate.source],
            "same_minimal_winning": self.same_under_alternative,
        } | {k: data[k] for k in keep}

    @property
    def same_under_alternative(self) -> bool | None:
        """Whether the second source's seats give the same minimal winning coalitions (None: no
        second source)."""
        if self.alternative is None:
            return None
        mine = {c.groups for c in self.approval.coalitions.minimal}
        return mine == {c.groups for c in self.alternative.coalitions.minimal}

    def to_frame(self) -> pd.DataFrame:
        """One row per party: seats in each chamber, minimal winning coalitions it is in, veto, indices."""
        return self.approval.to_frame()

    def steps_frame(self) -> pd.DataFrame:
        """One row per step: chamber, votes, rule, article, arithmetic, confirmed."""
        import pandas as pd

        keys = ["step", "chamber", "votes", "rule_id", "article", "arithmetic", "confirmed", "basis"]
        return pd.DataFrame([{k: s.as_dict()[k] for k in keys} for s in self.steps])

    def report(self) -> Report:
        rows: list[list[str | Span]] = [
            [
                s.procedure,
                s.quota.chamber or "",
                s.quota.rule_id,
                str(s.quota.votes),
                s.quota.arithmetic,
                "yes" if s.quota.confirmed else Span("UNCONFIRMED", "warn"),
            ]
            for s in self.steps
        ]
        steps = Table.build(
            [Column("step", nowrap=True), "chamber", "rule", Column("votes", align="right"), "arithmetic",
             "confirmed"],
            rows,
            title=f"Presidential vacancy on {self.on.isoformat()}: the votes each step needs",
        )  # fmt: skip
        covered = (
            Line.of(
                "A coalition with the approval votes of a chamber also has the votes of its earlier steps."
            )
            if self.earlier_steps_covered
            else Line.of(Span("An earlier step needs more votes than the approval of its chamber.", "warn"))
        )
        where = [
            Line.of(f"  {s.procedure} ({s.quota.rule_id}, {CHAMBER_NAMES.get(s.quota.chamber or '', '')}): "
                    f"{s.quota.article}; {s.quota.basis}")
            for s in self.steps
        ]  # fmt: skip
        sources = [
            Line.of(Span(f"  {s.procedure} ({s.quota.rule_id}): {source}", "dim"), "soft")
            for s in self.steps
            for source in s.quota.sources
        ]
        known = [
            Line.of(
                f"Members as listed on {c.status_on.isoformat()}; no later change is recorded in the data."
            )
            for c in (self.approval.composition,)
            if c.status_on is not None
        ]
        head = Report.of(steps, *where, covered, *known)
        return head + self.approval.report(thresholds=False) + Report.of(*self._alternative_lines(), *sources)

    def _alternative_lines(self) -> list[Line]:
        alt = self.alternative
        if alt is None:
            return []
        changed = [
            f"{g.code} {g.seats}"
            for comp in (alt.composition, alt.senate)
            for g in comp.groups
            if g.alternative_seats is not None
        ]
        found = alt.coalitions
        dummies = ", ".join(found.dummies) or "none"
        listed = "; ".join(f"{' + '.join(c.groups)} ({c.seats[0]} / {c.seats[1]})" for c in found.minimal)
        verdict = (
            "the same minimal winning coalitions"
            if self.same_under_alternative
            else Span("other minimal winning coalitions", "warn")
        )
        return [
            Line.of([f"By {alt.composition.source} ({', '.join(changed)}): ", verdict, f": {listed}"]),
            Line.of(f"  veto: {', '.join(found.veto) or 'none'}; never decisive: {dummies}"),
        ]


def _day(on: dt.date | str | None, fallback: dt.date | None) -> dt.date:
    if isinstance(on, dt.date):
        return on
    if on is None:
        if fallback is None:
            raise ArgumentError("on", "{name} is needed: the compositions carry no date")
        return fallback
    try:
        return dt.date.fromisoformat(on)
    except ValueError:
        raise ArgumentError("on", f"not a date (YYYY-MM-DD): {on!r}") from None


def _habiles(composition: Composition) -> Composition:
    """Only the members able to vote: by the member list's status, or as already counted (roll calls)."""
    if composition.statuses_known or composition.habiles is None:
        return composition.habiles_only()  # refuses a composition that records no status
    return composition


def _resolved(composition: Composition | str) -> Composition:
    return resolve_composition(composition) if isinstance(composition, str) else composition


def vacancy_arithmetic(
    on: dt.date | str | None = None,
    *,
    deputies: Composition | str = "2026-07-deputies",
    senate: Composition | str = "2026-07-senate",
    habiles: bool = False,
    limit: int = 0,
) -> VacancyArithmetic:
    """The steps of a presidential vacancy on ``on`` (default: the date of the ``deputies``
    composition) and the coalitions of parties of ``deputies`` and ``senate`` (bundled ids, CSV paths or
    compositions) that reach the approval thresholds of both chambers, ``limit`` of them listed.

    ``habiles``: only members able to vote by the member lists' status (a member not yet sworn is not),
    which changes the shares of the hábiles and the seats each party can bring.
    """
    from curul.constitution import regime_for_date

    first, second = _resolved(deputies), _resolved(senate)
    if habiles:
        first, second = _habiles(first), _habiles(second)
    day = _day(on, first.date)
    if on is not None:
        from curul.data import members  # the member lists say which days of the term they cover

        for comp in (first, second):
            if comp.status_on is not None:
                members(comp.chamber, on=day)
    regime = regime_for_date(day)
    rules = [r for r in regime.procedures if r.procedure.startswith("vacancy.")]
    chambers = {r.chamber for r in rules if r.procedure == APPROVAL}
    if not {"deputies", "senate"} <= chambers:
        where = ", ".join(sorted(chambers)) or "no chamber"
        raise ArgumentError(
            "on",
            f"{{name}} {day.isoformat()}: the regime in force, {regime.id}, approves a vacancy in {where}; "
            "the arithmetic of both chambers needs the bicameral regime",
        )
    steps = tuple(
        VacancyStep(
            r.procedure,
            r.description,
            (first if r.chamber == "deputies" else second).id,
            composition_quota(r.procedure, first if r.chamber == "deputies" else second, date=day,
                              chamber=r.chamber),
        )
        for r in rules
    )  # fmt: skip
    approval = bicameral_coalitions(
        first, APPROVAL, second, APPROVAL, limit=limit, date=day, chamber="deputies"
    )
    # where another source gives other seats (the 2026 Lambayeque deputy), the same game on its figures
    alt_first, alt_second = first.with_alternative_seats(), second.with_alternative_seats()
    alternative = None
    if alt_first is not None or alt_second is not None:
        alternative = bicameral_coalitions(
            alt_first or first, APPROVAL, alt_second or second, APPROVAL, date=day, chamber="deputies"
        )
    return VacancyArithmetic(day, steps, approval, habiles, alternative)
