"""Regime files read and validated: every key known, every field present and of its type, every mistake
reported at its ``file:line:column`` like an event file's; and the regimes in force on a date.

The bundled regimes live in ``regimes/``; ``load_regime_file`` reads a copy (a reform), and the engine,
replays and scenarios accept such copies in place of the bundled regimes over the dates they cover.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from curul.constitution._regime import Chamber, Provision, Regime, Rule
from curul.constitution._thresholds import Threshold
from curul.errors import CurulError, InputError
from curul.inputs import TablePath, TomlLocator, parse_toml, read_toml, toml_date, toml_name

_REGIME_DIR = "regimes"

_TOP = {
    "id", "title", "valid_from", "valid_until", "congress_term_start", "congress_term_years",
    "presidential_term_start", "presidential_term_years", "annual_period_start", "inauguration_day",
    "default_chamber", "offices", "board_posts", "succession", "sources_constitution", "chambers",
    "dissolution", "succession_rule", "presidency_of_congress", "procedures", "provisions",
}  # fmt: skip
_CHAMBER = {"legal_number", "article", "sources", "dissolvable", "presides_congress"}
_PROCEDURE = {"rule", "article", "threshold", "confirmed", "description", "sources", "note", "window_days"}
_PROVISION = {"rule", "article", "confirmed", "sources", "note"}
# Provisions that carry parameters the engine reads, and those parameters' types.
_PARAMETERS: dict[str, dict[str, type]] = {
    "dissolution": {
        "chamber": str,
        "councils_needed": int,
        "no_dissolution_in_last_year": bool,
        "no_dissolution_under_state_of_siege": bool,
    },
    "policy_presentation": {"within_days": int, "confidence_question_required": bool},
}
_TOP_PROVISIONS = ("dissolution", "succession_rule", "presidency_of_congress")
_SUCCESSION = ("first_vp", "second_vp", "president_of_congress")
_PRESIDES = ("always", "even_start_years", "odd_start_years")
# Bounds a regime's numbers must keep so dates and counts stay in range (a term of 10^40 years would
# overflow the calendar; no chamber has had more than a few thousand members).
MAX_TERM_YEARS = 20
MAX_MEMBERS = 10_000


class _Table:
    """One table of a regime file, with where each of its keys is, for errors at their place."""

    def __init__(self, path: str, locator: TomlLocator, raw: Any, table: TablePath, field: str) -> None:
        self.path, self.locator, self.table, self.field = path, locator, table, field
        if not isinstance(raw, dict):
            raise self.error(f"must be a table, got {type(raw).__name__}")
        self.raw: dict[str, Any] = raw

    def error(self, problem: str, key: str | None = None) -> InputError:
        field = ".".join(p for p in (self.field, key) if p)
        if key is None and not self.table:  # the top level has no header: point at the start
            return InputError(self.path, problem, line=1, column=1, field=field or None)
        return self.locator.error(self.path, problem, self.table, 0, key, field)

    def known(self, keys: set[str]) -> None:
        for key in self.raw:
            if key not in keys:
                raise self.error(f"unknown key (known: {', '.join(sorted(keys))})", key)

    def need(self, key: str, kind: type | tuple[type, ...]) -> Any:
        if key not in self.raw:
            raise self.error(f"missing field {key!r}")
        return self.get(key, kind)

    def get(self, key: str, kind: type | tuple[type, ...], default: Any = None) -> Any:
        if key not in self.raw:
            return default
        value = self.raw[key]
        wrong_bool = isinstance(value, bool) and kind in (int, (int,))
        if wrong_bool or not isinstance(value, kind):
            raise self.error(f"has the wrong type ({type(value).__name__})", key)
        return value

    def sub(self, key: str) -> _Table:
        return _Table(
            self.path, self.locator, self.raw[key], (*self.table, key), f"{self.field}.{key}".strip(".")
        )

    def date(self, key: str, *, required: bool = True) -> dt.date | None:
        raw = self.need(key, (str, dt.date)) if required else self.get(key, (str, dt.date))
        if raw is None:
            return None
        try:
            return toml_date(raw)
        except ValueError as exc:
            raise self.error(str(exc), key) from None

    def month_day(self, key: str) -> tuple[int, int]:
        raw = self.need(key, str)
        try:
            month, day = (int(part) for part in raw.split("-"))
            dt.date(2000, month, day)  # a leap year, so 02-29 is a day
        except ValueError:
            raise self.error(f"not a day of the year (MM-DD): {raw!r}", key) from None
        return month, day

    def positive(self, key: str, *, at_most: int | None = None) -> int:
        value = self.need(key, int)
        if value <= 0:
            raise self.error(f"must be positive, got {value}", key)
        if at_most is not None and value > at_most:
            shown = f"{value:,}" if value < 10**18 else f"{value:.3g}"
            raise self.error(f"must be at most {at_most:,}, got {shown}", key)
        return value

    def name(self, key: str) -> str:
        """A name or title: non-empty, at most 300 characters, no control characters (as in a CSV)."""
        value = self.need(key, str)
        try:
            return toml_name(value)
        except ValueError as exc:
            raise self.error(str(exc), key) from None

    def strings(self, key: str, *, every: str = "must be a list of non-empty strings") -> tuple[str, ...]:
        value = self.need(key, list)
        if not all(isinstance(v, str) and v for v in value):
            raise self.error(every, key)
        return tuple(value)

    def sources(self) -> tuple[str, ...]:
        sources = self.strings("sources", every="every rule needs at least one source")
        if not sources:
            raise self.error("every rule needs at least one source", "sources")
        return sources


def _chamber(name: str, table: _Table) -> Chamber:
    table.known(_CHAMBER)
    presides = table.need("presides_congress", str)
    if presides not in _PRESIDES:
        raise table.error(f"presides_congress must be {', '.join(_PRESIDES)}", "presides_congress")
    return Chamber(
        name=name,
        legal_number=table.positive("legal_number", at_most=MAX_MEMBERS),
        article=table.need("article", str),
        dissolvable=table.need("dissolvable", bool),
        presides_congress=presides,
        sources=table.sources(),
    )


def _rule(procedure: str, chamber: str, table: _Table) -> Rule:
    table.known(_PROCEDURE)
    where = table.field + ".threshold"
    try:
        threshold = Threshold.from_mapping(table.need("threshold", dict), where)
    except InputError:
        raise
    except CurulError as exc:
        raise table.error(str(exc).removeprefix(f"{where}: "), "threshold") from None
    window = table.get("window_days", list)
    if window is not None and not (
        len(window) == 2 and all(isinstance(d, int) and not isinstance(d, bool) for d in window)
        and 0 <= window[0] <= window[1]
    ):  # fmt: skip
        raise table.error("window_days must be [first, last] days, first ≤ last", "window_days")
    return Rule(
        procedure=procedure,
        chamber=chamber,
        rule_id=table.need("rule", str),
        article=table.need("article", str),
        threshold=threshold,
        confirmed=table.need("confirmed", bool),
        description=table.need("description", str),
        sources=table.sources(),
        note=table.get("note", str, ""),
        window_days=(window[0], window[1]) if window else None,
    )


def _provision(name: str, table: _Table, chambers: set[str]) -> Provision:
    parameters = _PARAMETERS.get(name, {})
    table.known(_PROVISION | set(parameters))
    extra = tuple((key, table.need(key, kind)) for key, kind in parameters.items())
    if name == "dissolution":
        if dict(extra)["chamber"] not in chambers:
            raise table.error(f"must name a chamber ({', '.join(sorted(chambers))})", "chamber")
        if dict(extra)["councils_needed"] < 1:
            raise table.error("must be at least 1", "councils_needed")
    return Provision(
        rule_id=table.need("rule", str),
        article=table.need("article", str),
        confirmed=table.need("confirmed", bool),
        sources=table.sources(),
        note=table.get("note", str, ""),
        extra=extra,
        name=name,
    )


def parse_regime(raw: dict[str, Any], path: str, locator: TomlLocator | None = None) -> Regime:
    """Validate one regime file's data; every problem names the file, the place and the table."""
    top = _Table(path, locator or TomlLocator(""), raw, (), "")
    top.known(_TOP)
    rid = top.name("id")
    top.need("chambers", dict)
    chambers_table = top.sub("chambers")
    chambers = tuple(_chamber(name, chambers_table.sub(name)) for name in chambers_table.raw)
    if not chambers:
        raise chambers_table.error("a regime needs at least one chamber")
    names = {c.name for c in chambers}
    succession = top.strings("succession")
    if not set(succession) <= set(_SUCCESSION):
        raise top.error("succession may list first_vp, second_vp, president_of_congress only", "succession")
    rules = []
    top.need("procedures", dict)
    procedures = top.sub("procedures")
    for procedure in procedures.raw:
        per_chamber = procedures.sub(procedure)
        for chamber in per_chamber.raw:
            if chamber not in names:
                raise per_chamber.sub(chamber).error(f"unknown chamber {chamber!r}")
            rules.append(_rule(procedure, chamber, per_chamber.sub(chamber)))
    provisions: dict[str, Provision] = {}
    for name in _TOP_PROVISIONS:
        if name in raw:
            top.need(name, dict)
            provisions[name] = _provision(name, top.sub(name), names)
        elif name != "presidency_of_congress":
            top.need(name, dict)
    top.need("provisions", dict)
    named = top.sub("provisions")
    for name in named.raw:
        if name in provisions or name in _TOP_PROVISIONS:
            raise named.error(f"{name} is a table of its own: [{name}]", name)
        provisions[name] = _provision(name, named.sub(name), names)
    default_chamber = top.need("default_chamber", str)
    if default_chamber not in names:
        raise top.error(f"must name a chamber ({', '.join(sorted(names))})", "default_chamber")
    valid_from = top.date("valid_from")
    valid_until = top.date("valid_until", required=False)
    assert valid_from is not None
    if valid_until is not None and valid_until < valid_from:
        raise top.error("valid_until is before valid_from", "valid_until")
    congress_start, presidential_start = top.date("congress_term_start"), top.date("presidential_term_start")
    assert congress_start is not None and presidential_start is not None
    return Regime(
        id=rid,
        title=top.name("title"),
        valid_from=valid_from,
        valid_until=valid_until,
        congress_term_start=congress_start,
        congress_term_years=top.positive("congress_term_years", at_most=MAX_TERM_YEARS),
        presidential_term_start=presidential_start,
        presidential_term_years=top.positive("presidential_term_years", at_most=MAX_TERM_YEARS),
        offices=top.strings("offices"),
        board_posts=top.strings("board_posts"),
        succession=succession,
        chambers=chambers,
        procedures=tuple(rules),
        dissolution=provisions["dissolution"],
        succession_rule=provisions["succession_rule"],
        annual_period_start=top.month_day("annual_period_start"),
        inauguration_day=top.month_day("inauguration_day"),
        default_chamber=default_chamber,
        sources_constitution=_constitution_sources(top),
        provisions=tuple(provisions.values()),
        presidency_of_congress=provisions.get("presidency_of_congress"),
        path=path,
    )


def _constitution_sources(top: _Table) -> tuple[str, ...]:
    sources = top.strings("sources_constitution", every="must be a list of URLs or citations")
    if not sources:
        raise top.error("needs at least one source", "sources_constitution")
    return sources


def load_regime_file(path: str | Path) -> Regime:
    """Load and validate a regime file from disk (for modelling a reform in a copy)."""
    raw, locator = read_toml(path)
    return parse_regime(raw, str(path), locator)


@cache
def _bundled() -> tuple[Regime, ...]:
    folder = resources.files("curul.constitution") / _REGIME_DIR
    found = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            path = f"curul/constitution/regimes/{entry.name}"
            raw, locator = parse_toml(entry.read_text(encoding="utf-8"), path)
            found.append(parse_regime(raw, path, locator))
    return tuple(sorted(found, key=lambda r: r.valid_from))


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


RegimeSource = Regime | str | Path


def regime_set(given: Iterable[RegimeSource] | None) -> tuple[Regime, ...]:
    """Regimes to use in place of the bundled ones over the dates they cover: regime objects, or paths of
    regime files. Two of them may not cover the same day."""
    chosen = tuple(r if isinstance(r, Regime) else load_regime_file(r) for r in given or ())
    for i, first in enumerate(chosen):
        for second in chosen[i + 1 :]:
            start = max(first.valid_from, second.valid_from)
            ends = [r.valid_until for r in (first, second) if r.valid_until is not None]
            if not ends or start <= min(ends):
                raise CurulError(
                    f"regimes {first.id} and {second.id} are both in force on {start.isoformat()}"
                )
    return chosen


def regime_for_date(on: dt.date, regimes: Iterable[RegimeSource] | None = None) -> Regime:
    """The regime in force on ``on``: one of ``regimes`` that covers the day, else the bundled one (the
    unicameral Congress until 26 Jul 2026, bicameral from 27 Jul)."""
    for regime in regime_set(regimes):
        if regime.covers(on):
            return regime
    for regime in reversed(_bundled()):
        if regime.covers(on):
            return regime
    raise CurulError(f"no bundled regime covers {on.isoformat()}")
