"""``votes_needed``: how many votes a procedure needs in a chamber on a date, with the formula shown;
``thresholds``: every procedure of a regime with its votes (``curul threshold --list``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from curul.constitution._regime import Regime, Rule
from curul.constitution._regime_file import load_regime, regime_for_date
from curul.constitution._thresholds import arithmetic, required_votes
from curul.errors import ArgumentError, CurulError
from curul.report import Column, Line, Presentable, Report, Span, Table

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class ThresholdResult(Presentable):
    """The vote count a procedure needs and how it was computed (``arithmetic`` like ``⌈2/3 · 130⌉ = 87``)."""

    votes: int
    procedure: str
    regime: str
    chamber: str
    rule_id: str
    article: str
    arithmetic: str
    sources: tuple[str, ...]
    base: str | None
    base_value: int | None
    rule: str
    confirmed: bool
    description: str
    note: str = ""
    # How the chamber was chosen when none was asked for in a regime of several chambers ("" otherwise).
    chamber_choice: str = ""

    def as_dict(self) -> dict[str, object]:
        return {
            "procedure": self.procedure,
            "votes": self.votes,
            "regime": self.regime,
            "chamber": self.chamber,
            "rule_id": self.rule_id,
            "article": self.article,
            "arithmetic": self.arithmetic,
            "rule": self.rule,
            "base": self.base,
            "base_value": self.base_value,
            "confirmed": self.confirmed,
            "description": self.description,
            "note": self.note,
            "chamber_choice": self.chamber_choice,
            "sources": list(self.sources),
        }

    def report(self) -> Report:
        flag = [] if self.confirmed else [Span(" (UNCONFIRMED)", "warn")]
        return Report.of(
            [
                Span(self.procedure, "bold"),
                f" in {self.chamber} ({self.regime}): ",
                Span(str(self.votes), "accent"),
                " votes",
                *flag,
            ],
            f"  rule {self.rule_id}, {self.article}: {self.rule}",
            f"  {self.arithmetic}",
            f"  {self.description}",
            f"  note: {self.note}" if self.note else None,
            f"  chamber: {self.chamber_choice}" if self.chamber_choice else None,
            *(Line.of(f"  source: {source}", "soft") for source in self.sources),
        )


@dataclass(frozen=True)
class ThresholdListing(Presentable):
    """Every encoded procedure of a regime, per chamber, with the votes it needs at full strength."""

    regime: str
    procedures: tuple[ThresholdResult, ...]

    def as_dict(self) -> dict[str, Any]:
        return {"regime": self.regime, "procedures": [r.as_dict() for r in self.procedures]}

    def to_frame(self) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame([r.as_dict() for r in self.procedures]).set_index(["procedure", "chamber"])

    def report(self) -> Report:
        rows: list[list[str | Span]] = [
            [
                r.procedure,
                r.chamber,
                r.rule_id,
                str(r.votes),
                r.arithmetic,
                "yes" if r.confirmed else Span("UNCONFIRMED", "warn"),
            ]
            for r in self.procedures
        ]
        columns: list[str | Column] = [Column("procedure", nowrap=True), "chamber", "rule", "votes"]
        columns += ["arithmetic", "confirmed"]
        return Report.of(Table.build(columns, rows, title=f"Procedures of {self.regime}"))


def _pick_regime(date: dt.date | None, regime: str | None) -> Regime:
    if date is not None and regime is not None:
        chosen = load_regime(regime)
        if chosen.valid_from > date or (chosen.valid_until is not None and date > chosen.valid_until):
            raise CurulError(f"regime {regime} is not in force on {date.isoformat()}")
        return chosen
    if regime is not None:
        return load_regime(regime)
    return regime_for_date(date or dt.date.today())


def base_value_for(
    rule: Rule, regime: Regime, *, habiles: int | None = None, present: int | None = None
) -> int | None:
    """The number the threshold is a share of: legal number, hábiles (default: legal number) or present."""
    legal = regime.chamber(rule.chamber).legal_number
    for name, value in (("habiles", habiles), ("present", present)):
        if value is not None and not 0 <= value <= legal:
            raise ArgumentError(
                name, f"{{name}} must be between 0 and {legal} (the legal number of {rule.chamber})"
            )
    base = rule.threshold.base
    if base == "legal_number":
        return legal
    if base == "habiles":
        return legal if habiles is None else habiles
    if base == "present":
        if present is None:
            if habiles is not None:
                return habiles
            return legal
        return present
    return None


def threshold_for(
    rule: Rule, regime: Regime, *, habiles: int | None = None, present: int | None = None
) -> ThresholdResult:
    """Apply ``rule``'s threshold to the chamber's numbers."""
    value = base_value_for(rule, regime, habiles=habiles, present=present)
    return ThresholdResult(
        votes=required_votes(rule.threshold, value),
        procedure=rule.procedure,
        regime=regime.id,
        chamber=rule.chamber,
        rule_id=rule.rule_id,
        article=rule.article,
        arithmetic=arithmetic(rule.threshold, value),
        sources=rule.sources,
        base=rule.threshold.base,
        base_value=value,
        rule=rule.threshold.describe(),
        confirmed=rule.confirmed,
        description=rule.description,
        note=rule.note,
    )


def votes_needed(
    procedure: str,
    *,
    date: dt.date | None = None,
    regime: str | None = None,
    chamber: str | None = None,
    habiles: int | None = None,
    present: int | None = None,
) -> ThresholdResult:
    """Votes ``procedure`` needs. The regime is the one in force on ``date`` (default today) unless named.

    Without ``habiles`` every member is taken as able to vote; without ``present`` a majority "of those
    present" is computed on the hábiles (or the legal number), i.e. full attendance.
    """
    chosen = _pick_regime(date, regime)
    choice = ""
    if chamber is None and len(chosen.chambers) > 1:
        chamber, choice = _default_chamber(chosen, procedure)
    rule = chosen.rule(procedure, chamber)
    return replace(threshold_for(rule, chosen, habiles=habiles, present=present), chamber_choice=choice)


def _default_chamber(regime: Regime, procedure: str) -> tuple[str | None, str]:
    """The chamber a procedure is counted in when none is named, and why: the regime's
    ``default_chamber`` where the procedure is voted there, else the one chamber that votes it."""
    voted = [r.chamber for r in regime.rules_for(procedure)]
    if not voted:
        return None, ""  # not encoded: ``Regime.rule`` says so
    others = [c for c in voted if c != regime.default_chamber]
    if regime.default_chamber in voted:
        also = f"; also voted in the {', '.join(others)} (name the chamber to count there)" if others else ""
        return regime.default_chamber, (
            f"not given: {regime.default_chamber}, the default chamber of {regime.id}{also}"
        )
    also = f"; also voted in the {', '.join(voted[1:])}" if len(voted) > 1 else ""
    return voted[0], f"not given: {voted[0]}, where {regime.id} has this procedure voted{also}"


def rules(regime: str | None = None, *, date: dt.date | None = None) -> tuple[Rule, ...]:
    """Every encoded procedure and chamber of a regime (default: the regime in force today)."""
    return _pick_regime(date, regime).procedures


def thresholds(regime: str | None = None, *, date: dt.date | None = None) -> ThresholdListing:
    """Every encoded procedure of a regime (default: the one in force on ``date``, or today) with the
    votes each needs when every member is able to vote and present."""
    chosen = _pick_regime(date, regime)
    return ThresholdListing(chosen.id, tuple(threshold_for(rule, chosen) for rule in chosen.procedures))
