"""The event-file reader: ``[[events]]`` tables validated into typed :class:`Event` values, in date order.

The bundled history, scenario files and any other event file go through :func:`parse_events`; every
mistake is one ``file:line:column: field: problem`` line, found before anything is replayed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from curul.constitution._events import (
    BOARD_TARGETS,
    EXPECTS,
    FIELDS,
    OFFICE_TARGETS,
    RESULTS,
    Event,
)
from curul.constitution._regime import Regime
from curul.constitution._regime_file import RegimeSource, regime_for_date, regime_set
from curul.constitution.procedures import EVENT_TYPES
from curul.errors import InputError
from curul.inputs import TomlLocator, toml_date, toml_name, toml_text

_INT_FIELDS = ("yes", "no", "abstain", "present", "habiles", "blank", "null", "signatures", "round")
_STR_FIELDS = ("type", "target", "chamber", "winner", "runner_up", "result", "expect", "name", "first_vp",
               "second_vp", "third_vp", "note", "label", "label_es")  # fmt: skip
# Names of people and councils, read as names in a CSV (non-empty, at most 300 characters, no control
# characters); the other strings as text that may run over lines (a note), with no control characters.
_NAME_FIELDS = frozenset(
    ("winner", "runner_up", "name", "first_vp", "second_vp", "third_vp", "label", "label_es")
)


def as_date(value: Any) -> dt.date | None:
    """A TOML date or an ISO date string, in the documented range, as a date; None for anything else
    (a TOML date and time too: its time of day would be dropped without a word)."""
    try:
        return toml_date(value)
    except ValueError:
        return None


def parse_events(
    raw_events: Any,
    path: str | Path,
    locator: TomlLocator,
    *,
    table: str = "events",
    not_before: dt.date | None = None,
    require_sources: bool = False,
    regimes: Iterable[RegimeSource] | None = None,
) -> tuple[Event, ...]:
    """Validate ``[[events]]`` tables into typed events, in date order: types and fields, counts against
    the chambers of the regime in force on each date (bundled, or one of ``regimes`` in its place)."""
    given = regime_set(regimes)

    def regime_on(date: dt.date) -> Regime:
        return regime_for_date(date, given)

    if not isinstance(raw_events, list):
        line, column = locator.key("", 0, table)
        raise InputError(path, "must be an array of tables [[events]]", line=line, column=column, field=table)
    events: list[Event] = []
    previous = not_before
    for index, raw in enumerate(raw_events):

        def fail(problem: str, key: str | None = None, index: int = index) -> InputError:
            return locator.error(
                path, problem, table, index, key, f"{table}[{index}]" + (f".{key}" if key else "")
            )

        if not isinstance(raw, dict):
            raise fail("each event must be a table")
        unknown = sorted(set(raw) - FIELDS)
        if unknown:
            raise fail(f"unknown field (known: {', '.join(sorted(FIELDS))})", unknown[0])
        for key in ("date", "type"):
            if key not in raw:
                raise fail(f"missing field {key!r}")
        kind = raw["type"]
        if not isinstance(kind, str) or kind not in EVENT_TYPES:
            raise fail(f"unknown event type {kind!r} (known: {', '.join(EVENT_TYPES)})", "type")
        try:
            date = toml_date(raw["date"])
        except ValueError as exc:
            raise fail(str(exc), "date") from None
        if previous is not None and date < previous:
            raise fail(f"dates out of order: {date.isoformat()} comes before {previous.isoformat()}", "date")
        previous = date
        values: dict[str, Any] = {"date": date}
        for key in _INT_FIELDS:
            if key in raw:
                value = raw[key]
                if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                    raise fail(f"must be a non-negative integer, got {value!r}", key)
                values[key] = value
        for key in _STR_FIELDS:
            if key in raw:
                if not isinstance(raw[key], str):
                    raise fail(f"must be a string, got {raw[key]!r}", key)
                try:
                    values[key] = (toml_name if key in _NAME_FIELDS else toml_text)(raw[key])
                except ValueError as exc:
                    raise fail(str(exc), key) from None
        if "fast_track" in raw:
            value = raw["fast_track"]
            if not (isinstance(value, bool) or (isinstance(value, int) and value >= 0)):
                raise fail("must be true, false or a vote count", "fast_track")
            values["fast_track"] = value
        if "sworn" in raw:
            sworn = as_date(raw["sworn"])
            if sworn is None or sworn < date:
                raise fail("must be a date on or after the event's date", "sworn")
            values["sworn"] = sworn
        if "serves_until" in raw:
            last = as_date(raw["serves_until"])
            if kind != "board_election":
                raise fail("only a board_election has serves_until", "serves_until")
            if last is None or last < date:
                raise fail("must be a date on or after the event's date", "serves_until")
            values["serves_until"] = last
        if "sources" in raw:
            sources = raw["sources"]
            if not isinstance(sources, list) or not all(isinstance(s, str) and s for s in sources):
                raise fail("must be a list of URLs or citations", "sources")
            values["sources"] = tuple(sources)
        if require_sources and not values.get("sources"):
            raise fail("every event needs a source", "sources" if "sources" in raw else None)
        if "alternatives" in raw:
            alternatives = raw["alternatives"]
            if not isinstance(alternatives, list) or not all(
                isinstance(a, dict) and a.get("sources") for a in alternatives
            ):
                raise fail("must be a list of tables, each with its sources", "alternatives")
            values["alternatives"] = tuple(alternatives)
        for key, allowed in (("result", RESULTS), ("expect", EXPECTS)):
            if key in values and values[key] not in allowed:
                raise fail(f"must be one of {', '.join(allowed)}", key)
        if values.get("round") not in (None, 1, 2):
            raise fail("must be 1 or 2", "round")
        for need in EVENT_TYPES[kind]:
            if need == "vote":
                if not any(k in values for k in ("yes", "result")):
                    raise fail(f"{kind} needs a vote: yes (and no, abstain) counts or result = passed|failed")
            elif need not in values:
                raise fail(f"{kind} needs field {need!r}")
        target = values.get("target")
        if target is not None:
            if kind in ("resignation", "resignation_accepted", "death") and target not in OFFICE_TARGETS:
                raise fail(f"must be one of {', '.join(OFFICE_TARGETS)}", "target")
            if kind.startswith("board_") and target not in BOARD_TARGETS:
                raise fail(
                    f"must be a board post like president_of_congress (known: {', '.join(BOARD_TARGETS)})",
                    "target",
                )
            if (
                kind in ("vacancy_vote", "vacancy_admission", "vacancy_filing", "suspension")
                and target != "president"
            ):
                raise fail("must be 'president'", "target")
            if kind == "procedure_vote" and target not in regime_on(date).procedure_ids():
                known = ", ".join(regime_on(date).procedure_ids())
                raise fail(f"unknown procedure for {regime_on(date).id} (known: {known})", "target")
            if kind == "state_of_siege" and target not in ("on", "off"):
                raise fail("must be 'on' or 'off'", "target")
        regime = regime_on(date)
        chamber = values.get("chamber")
        names = [c.name for c in regime.chambers]
        if chamber is not None and chamber not in names:
            raise fail(f"{regime.id} has no chamber {chamber!r} (chambers: {', '.join(names)})", "chamber")
        size = regime.chamber(chamber or regime.default_chamber).legal_number
        if chamber is None and regime.bicameral:
            size = max(c.legal_number for c in regime.chambers)
        cast = sum(values.get(k, 0) for k in ("yes", "no", "abstain", "blank", "null"))
        if kind == "general_election":  # popular votes, not members' votes
            cast = 0
        if cast > size:
            key = next(k for k in ("yes", "no", "abstain", "blank", "null") if k in values)
            raise fail(f"more votes than members: {cast} cast, {size} members", key)
        for key in ("present", "habiles", "signatures"):
            if values.get(key, 0) > size:
                raise fail(f"more than the {size} members", key)
        if "present" in values and cast > values["present"]:
            raise fail(f"{cast} votes cast but only {values['present']} present", "present")
        line, _ = locator.key(table, index, "type")
        values.pop("type", None)
        events.append(Event(type=kind, line=line, **values))
    return tuple(events)
