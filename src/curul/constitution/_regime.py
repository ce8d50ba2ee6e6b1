"""Regimes: the offices, chambers, procedures and thresholds in force over a span of dates.

Each regime is a TOML file under ``regimes/``, validated on load; the engine only interprets it. Copying
and editing a file is how a proposed reform is modelled.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from curul.constitution._thresholds import Threshold
from curul.errors import CurulError

_REGIME_DIR = "regimes"


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
    """A rule that is not a vote count (succession, dissolution): id, article, sources, flag."""

    rule_id: str
    article: str
    confirmed: bool
    sources: tuple[str, ...]
    note: str = ""
    extra: tuple[tuple[str, Any], ...] = ()

    def get(self, key: str, default: Any = None) -> Any:
        return dict(self.extra).get(key, default)


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
    presidency_of_congress: Provision | None = None
    path: str = field(default="", compare=False)

    @property
    def bicameral(self) -> bool:
        return len(self.chambers) > 1

    def chamber(self, name: str) -> Chamber:
        for chamber in self.chambers:
            if chamber.name == name:
                return chamber
        names = ", ".join(c.name for c in self.chambers)
        raise CurulError(f"regime {self.id} has no chamber {name!r} (chambers: {names})")

    @property
    def default_chamber(self) -> str:
        return self.chambers[0].name if not self.bicameral else "deputies"

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

    def sources_for(self, rule_id: str) -> tuple[str, ...]:
        """Sources of the rule with this id (a procedure or provision); else the Constitution's text."""
        for rule in self.procedures:
            if rule.rule_id == rule_id:
                return rule.sources
        for provision in (self.dissolution, self.succession_rule, self.presidency_of_congress):
            if provision is not None and provision.rule_id == rule_id:
                return provision.sources
        return self.succession_rule.sources

    def congress_term_end(self, on: dt.date) -> dt.date:
        """Last day of the congressional term that contains ``on`` (terms run 27 Jul to 26 Jul)."""
        start = self.congress_term_start
        years = self.congress_term_years
        offset = (on.year - start.year) // years * years
        term_start = start.replace(year=start.year + offset)
        if on < term_start:
            term_start = term_start.replace(year=term_start.year - years)
        return term_start.replace(year=term_start.year + years) - dt.timedelta(days=1)

    def presiding_chamber(self, on: dt.date) -> str:
        """Which chamber's president is President of Congress on ``on`` (B8 alternation)."""
        if not self.bicameral:
            return self.chambers[0].name
        period_start_year = on.year if (on.month, on.day) >= (7, 27) else on.year - 1
        parity = "even_start_years" if period_start_year % 2 == 0 else "odd_start_years"
        for chamber in self.chambers:
            if chamber.presides_congress == parity:
                return chamber.name
        raise CurulError(
            f"regime {self.id}: no chamber presides Congress in the period starting {period_start_year}"
        )


def _date(raw: Any, where: str) -> dt.date:
    if isinstance(raw, dt.date):
        return raw
    try:
        return dt.date.fromisoformat(str(raw))
    except ValueError as exc:
        raise CurulError(f"{where}: not a date: {raw!r}") from exc


def _need(table: dict[str, Any], key: str, where: str, kind: type | tuple[type, ...]) -> Any:
    if key not in table:
        raise CurulError(f"{where}: missing field {key!r}")
    value = table[key]
    if not isinstance(value, kind):
        raise CurulError(f"{where}: field {key!r} has the wrong type ({type(value).__name__})")
    return value


def _sources(table: dict[str, Any], where: str) -> tuple[str, ...]:
    sources = _need(table, "sources", where, list)
    if not sources or not all(isinstance(s, str) and s for s in sources):
        raise CurulError(f"{where}: every rule needs at least one source")
    return tuple(sources)


def _provision(table: dict[str, Any], where: str, skip: set[str]) -> Provision:
    extra = tuple(
        (k, v)
        for k, v in table.items()
        if k not in {"rule", "article", "confirmed", "sources", "note"} | skip
    )
    return Provision(
        rule_id=_need(table, "rule", where, str),
        article=_need(table, "article", where, str),
        confirmed=_need(table, "confirmed", where, bool),
        sources=_sources(table, where),
        note=str(table.get("note", "")),
        extra=extra,
    )


def parse_regime(raw: dict[str, Any], path: str) -> Regime:
    """Validate one regime file's data; every problem names the file and the table."""
    rid = _need(raw, "id", path, str)
    chambers = []
    for name, table in _need(raw, "chambers", path, dict).items():
        where = f"{path}: chambers.{name}"
        legal = _need(table, "legal_number", where, int)
        if legal <= 0:
            raise CurulError(f"{where}: legal_number must be positive")
        presides = _need(table, "presides_congress", where, str)
        if presides not in ("always", "even_start_years", "odd_start_years"):
            raise CurulError(
                f"{where}: presides_congress must be always, even_start_years or odd_start_years"
            )
        chambers.append(
            Chamber(
                name=name,
                legal_number=legal,
                article=_need(table, "article", where, str),
                dissolvable=_need(table, "dissolvable", where, bool),
                presides_congress=presides,
                sources=_sources(table, where),
            )
        )
    chamber_names = {c.name for c in chambers}
    succession = _need(raw, "succession", path, list)
    if not set(succession) <= {"first_vp", "second_vp", "president_of_congress"}:
        raise CurulError(f"{path}: succession may list first_vp, second_vp, president_of_congress only")
    rules = []
    for procedure, per_chamber in _need(raw, "procedures", path, dict).items():
        for chamber, table in per_chamber.items():
            where = f"{path}: procedures.{procedure}.{chamber}"
            if chamber not in chamber_names:
                raise CurulError(f"{where}: unknown chamber {chamber!r}")
            window = table.get("window_days")
            rules.append(
                Rule(
                    procedure=procedure,
                    chamber=chamber,
                    rule_id=_need(table, "rule", where, str),
                    article=_need(table, "article", where, str),
                    threshold=Threshold.from_mapping(_need(table, "threshold", where, dict), where),
                    confirmed=_need(table, "confirmed", where, bool),
                    description=_need(table, "description", where, str),
                    sources=_sources(table, where),
                    note=str(table.get("note", "")),
                    window_days=tuple(window) if window else None,
                )
            )
    valid_until = raw.get("valid_until")
    presidency = raw.get("presidency_of_congress")
    dissolution = _provision(_need(raw, "dissolution", path, dict), f"{path}: dissolution", set())
    if dissolution.get("chamber") not in chamber_names:
        raise CurulError(f"{path}: dissolution.chamber must name a chamber")
    return Regime(
        id=rid,
        title=_need(raw, "title", path, str),
        valid_from=_date(_need(raw, "valid_from", path, (str, dt.date)), f"{path}: valid_from"),
        valid_until=_date(valid_until, f"{path}: valid_until") if valid_until else None,
        congress_term_start=_date(raw["congress_term_start"], f"{path}: congress_term_start"),
        congress_term_years=_need(raw, "congress_term_years", path, int),
        presidential_term_start=_date(raw["presidential_term_start"], f"{path}: presidential_term_start"),
        presidential_term_years=_need(raw, "presidential_term_years", path, int),
        offices=tuple(_need(raw, "offices", path, list)),
        board_posts=tuple(_need(raw, "board_posts", path, list)),
        succession=tuple(_need(raw, "succession", path, list)),
        chambers=tuple(chambers),
        procedures=tuple(rules),
        dissolution=dissolution,
        succession_rule=_provision(
            _need(raw, "succession_rule", path, dict), f"{path}: succession_rule", set()
        ),
        presidency_of_congress=(
            _provision(presidency, f"{path}: presidency_of_congress", set()) if presidency else None
        ),
        path=path,
    )


def load_regime_file(path: str | Path) -> Regime:
    """Load and validate a regime file from disk (for modelling a reform in a copy)."""
    path = Path(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise CurulError(f"{path}: no such regime file") from exc
    except tomllib.TOMLDecodeError as exc:
        raise CurulError(f"{path}: {exc}") from exc
    return parse_regime(raw, str(path))


@cache
def _bundled() -> tuple[Regime, ...]:
    folder = resources.files("curul.constitution") / _REGIME_DIR
    regimes = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            raw = tomllib.loads(entry.read_text(encoding="utf-8"))
            regimes.append(parse_regime(raw, f"curul/constitution/regimes/{entry.name}"))
    return tuple(sorted(regimes, key=lambda r: r.valid_from))


def regimes() -> tuple[Regime, ...]:
    """The bundled regimes, oldest first."""
    return _bundled()


def load_regime(regime_id: str) -> Regime:
    """A bundled regime by id, e.g. ``peru-2026-bicameral``."""
    for regime in _bundled():
        if regime.id == regime_id:
            return regime
    known = ", ".join(r.id for r in _bundled())
    raise CurulError(f"unknown regime {regime_id!r} (known: {known})")


def regime_for_date(on: dt.date) -> Regime:
    """The regime in force on ``on``: the unicameral Congress until 26 Jul 2026, bicameral from 27 Jul."""
    for regime in reversed(_bundled()):
        if regime.valid_from <= on and (regime.valid_until is None or on <= regime.valid_until):
            return regime
    raise CurulError(f"no bundled regime covers {on.isoformat()}")
