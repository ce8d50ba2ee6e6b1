"""Regimes: the offices, chambers, procedures, provisions and thresholds in force over a span of dates.

A regime is a TOML file (``regimes/*.toml``, read and validated by :mod:`._regime_file`); the engine only
interprets it. Every rule a trace can cite lives here: a *procedure* is a vote with its threshold, a
*provision* is any other step the engine takes (succession, dissolution, a board post falling vacant,
the day the President takes office...). Copying and editing a file is how a proposed reform is modelled.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from curul.constitution._thresholds import Threshold
from curul.errors import CurulError

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")  # fmt: skip


@dataclass(frozen=True)
class Rule:
    """One procedure in one chamber: the threshold, the rule id, the article and its sources."""

    procedure: str
    chamber: str
    rule_id: str
    article: str
    threshold: Threshold
    confirmed: bool
    description: str
    sources: tuple[str, ...]
    note: str = ""
    window_days: tuple[int, int] | None = None


@dataclass(frozen=True)
class Chamber:
    name: str
    legal_number: int
    article: str
    dissolvable: bool
    presides_congress: str  # "always", "even_start_years" or "odd_start_years"
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Provision:
    """A rule that is not a vote count (succession, dissolution...): id, article, sources, flag, and the
    parameters some provisions carry (``extra``: the dissolution's chamber and conditions). An empty
    ``rule_id`` is a precondition an article states that the reference gives no id of its own."""

    rule_id: str
    article: str
    confirmed: bool
    sources: tuple[str, ...]
    note: str = ""
    extra: tuple[tuple[str, Any], ...] = ()
    name: str = ""

    def get(self, key: str) -> Any:
        """A parameter of the provision; a missing one is the regime file's mistake, not a default."""
        for name, value in self.extra:
            if name == key:
                return value
        raise CurulError(f"provision {self.name or self.rule_id} has no parameter {key!r}")


@dataclass(frozen=True)
class Regime:
    id: str
    title: str
    valid_from: dt.date
    valid_until: dt.date | None
    congress_term_start: dt.date
    congress_term_years: int
    presidential_term_start: dt.date
    presidential_term_years: int
    offices: tuple[str, ...]
    board_posts: tuple[str, ...]
    succession: tuple[str, ...]
    chambers: tuple[Chamber, ...]
    procedures: tuple[Rule, ...]
    dissolution: Provision
    succession_rule: Provision
    annual_period_start: tuple[int, int]  # (month, day) the annual session period starts
    inauguration_day: tuple[int, int]  # (month, day) the President takes office
    default_chamber: str
    sources_constitution: tuple[str, ...]  # the constitutional text, cited by steps that name no rule
    provisions: tuple[Provision, ...]  # every provision by name, dissolution and succession_rule included
    presidency_of_congress: Provision | None = None
    path: str = field(default="", compare=False)

    @property
    def bicameral(self) -> bool:
        return len(self.chambers) > 1

    def covers(self, on: dt.date) -> bool:
        return self.valid_from <= on and (self.valid_until is None or on <= self.valid_until)

    def chamber(self, name: str) -> Chamber:
        for chamber in self.chambers:
            if chamber.name == name:
                return chamber
        names = ", ".join(c.name for c in self.chambers)
        raise CurulError(f"regime {self.id} has no chamber {name!r} (chambers: {names})")

    def procedure_ids(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for rule in self.procedures:
            seen.setdefault(rule.procedure, None)
        return tuple(seen)

    def rules_for(self, procedure: str) -> tuple[Rule, ...]:
        return tuple(r for r in self.procedures if r.procedure == procedure)

    def rule(self, procedure: str, chamber: str | None = None) -> Rule:
        """The rule for ``procedure`` in ``chamber`` (default: the first chamber that has it)."""
        rules = self.rules_for(procedure)
        if not rules:
            known = ", ".join(self.procedure_ids())
            raise CurulError(f"procedure {procedure!r} is not encoded in regime {self.id} (known: {known})")
        if chamber is None:
            return rules[0]
        for rule in rules:
            if rule.chamber == chamber:
                return rule
        where = ", ".join(r.chamber for r in rules)
        raise CurulError(f"procedure {procedure!r} in regime {self.id} is voted in {where}, not {chamber!r}")

    def provision(self, name: str) -> Provision:
        """The provision named ``name`` (``succession_rule``, ``dissolution``, ``vacancy_effect``...)."""
        for provision in self.provisions:
            if provision.name == name:
                return provision
        known = ", ".join(p.name for p in self.provisions)
        raise CurulError(f"provision {name!r} is not encoded in regime {self.id} (known: {known})")

    def sources_for(self, rule_id: str) -> tuple[str, ...]:
        """Sources of the first procedure or provision with this rule id; an unknown id is an error."""
        cited: tuple[Rule | Provision, ...] = (*self.procedures, *self.provisions)
        for entry in cited:
            if entry.rule_id == rule_id:
                return entry.sources
        raise CurulError(f"rule {rule_id!r} is not encoded in regime {self.id}")

    def congress_term_end(self, on: dt.date) -> dt.date:
        """Last day of the congressional term that contains ``on`` (terms run 27 Jul to 26 Jul)."""
        start = self.congress_term_start
        years = self.congress_term_years
        offset = (on.year - start.year) // years * years
        term_start = start.replace(year=start.year + offset)
        if on < term_start:
            term_start = term_start.replace(year=term_start.year - years)
        return term_start.replace(year=term_start.year + years) - dt.timedelta(days=1)

    def annual_period_year(self, on: dt.date) -> int:
        """The year in which the annual session period containing ``on`` started."""
        return on.year if (on.month, on.day) >= self.annual_period_start else on.year - 1

    def annual_period_end(self, on: dt.date) -> dt.date:
        """The last day of the annual session period containing ``on`` (26 July for a 27 July start)."""
        month, day = self.annual_period_start
        return dt.date(self.annual_period_year(on) + 1, month, day) - dt.timedelta(days=1)

    def presidential_term_end(self, since: dt.date) -> dt.date:
        """The day the five-year presidential term containing ``since`` ends: the next President takes
        office that day (Arts. 112, 116). A tenure that starts on an inauguration day starts a term."""
        start = self.presidential_term_start
        years = self.presidential_term_years
        offset = (since.year - start.year) // years * years
        term_start = start.replace(year=start.year + offset)
        if since < term_start:
            term_start = term_start.replace(year=term_start.year - years)
        return term_start.replace(year=term_start.year + years)

    def presiding_chamber(self, on: dt.date) -> str:
        """Which chamber's president is President of Congress on ``on`` (B8 alternation)."""
        if not self.bicameral:
            return self.chambers[0].name
        period_start_year = self.annual_period_year(on)
        parity = "even_start_years" if period_start_year % 2 == 0 else "odd_start_years"
        for chamber in self.chambers:
            if chamber.presides_congress == parity:
                return chamber.name
        raise CurulError(
            f"regime {self.id}: no chamber presides Congress in the period starting {period_start_year}"
        )

    def is_inauguration_day(self, on: dt.date) -> bool:
        return (on.month, on.day) == self.inauguration_day

    @property
    def inauguration_words(self) -> str:
        """The inauguration day in words, e.g. ``28 July``."""
        month, day = self.inauguration_day
        return f"{day} {MONTHS[month - 1]}"
