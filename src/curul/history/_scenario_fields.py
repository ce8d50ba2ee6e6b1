"""Scenarios from form fields: the same :class:`Scenario` a file gives, built from plain values.

A form (the dashboard's "what if" page, or a program) gives a starting date, the contested readings and
a list of events, each a mapping of field names to values — strings as a form sends them (``"90"``,
``"2026-12-15"``) or typed values. A blank value is a field not given, and an event whose every field is
blank is left out (a form's spare row). The events are validated by the same reader as an event file
(:func:`curul.constitution.parse_events`: types, required fields, counts against the chamber in force), so
a form and a file accept exactly the same scenarios; every mistake is an :class:`ArgumentError` naming
the argument and the event by its position in the list given (``events[2].yes``), which an interface
maps to its own field.

:func:`scenario_fields` goes the other way (a loaded scenario file as fields, to start a form from
one), and :func:`example_scenarios` lists the example files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from curul.constitution import READINGS, parse_events
from curul.errors import ArgumentError, CurulError, InputError
from curul.history._scenario import Scenario
from curul.inputs import TomlLocator, toml_date

#: The event fields a form may give, beyond which the event-file reader knows more (sources, notes…).
EVENT_FIELDS: tuple[str, ...] = (
    "date", "type", "target", "chamber", "yes", "no", "abstain", "present", "habiles", "signatures",
    "name", "winner", "first_vp", "second_vp", "round",
)  # fmt: skip
_COUNTS = frozenset({"yes", "no", "abstain", "present", "habiles", "signatures", "round"})

#: Events one scenario built from fields may have: each is replayed, so the work per request is bounded.
MAX_EVENTS = 20

_FORM = "<form>"


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _count(value: Any, name: str) -> int:
    """A vote count as an integer: a whole number, or its digits as text."""
    if isinstance(value, bool):
        raise ArgumentError(name, f"must be a whole number, got {value!r}")
    if isinstance(value, int):
        return value
    text = str(value).strip()
    if not text.isascii() or not text.isdigit():
        raise ArgumentError(name, f"must be a whole number, got {text!r}")
    if len(text) > 9:
        raise ArgumentError(name, f"too large: {text}")
    return int(text)


def _event(raw: Mapping[str, Any], index: int) -> dict[str, Any] | None:
    """One event's fields as the event-file reader takes them, or None for a row left blank."""
    unknown = sorted(set(raw) - set(EVENT_FIELDS))
    if unknown:
        raise ArgumentError(
            f"events[{index}].{unknown[0]}", f"unknown field (known: {', '.join(EVENT_FIELDS)})"
        )
    given = {key: value for key, value in raw.items() if not _blank(value)}
    if not given:
        return None
    out: dict[str, Any] = {}
    for key, value in given.items():
        name = f"events[{index}].{key}"
        if key in _COUNTS:
            out[key] = _count(value, name)
        elif key == "date":
            out[key] = value if isinstance(value, dt.date) else str(value).strip()
        else:
            out[key] = str(value).strip()
    return out


def _options(options: Mapping[str, str]) -> dict[str, str]:
    known = {r.name: r for r in READINGS}
    chosen: dict[str, str] = {}
    for name, value in options.items():
        if _blank(value):
            continue  # the default reading
        if name not in known:
            raise ArgumentError(f"options.{name}", f"unknown reading (known: {', '.join(known)})")
        values = [c.value for c in known[name].choices]
        if value not in values:
            raise ArgumentError(f"options.{name}", f"unknown value {value!r} (allowed: {', '.join(values)})")
        chosen[name] = value
    return chosen


def scenario_from_fields(
    *,
    until: str | dt.date | None = None,
    events: Sequence[Mapping[str, Any]] = (),
    options: Mapping[str, str] | None = None,
    base: str = "history",
    title: str = "",
) -> Scenario:
    """A scenario from form fields: the history replayed up to ``until`` (``base="history"``) or
    nothing (``"none"``), then ``events`` (mappings of :data:`EVENT_FIELDS`, in date order) under the
    readings ``options`` (blank: the default). With no events, the scenario reports the state on
    ``until``. Raises :class:`ArgumentError` naming ``until``, ``base``, ``options.NAME`` or
    ``events[i].FIELD`` (``i`` counts every row given, blank ones included)."""
    if base not in ("history", "none"):
        raise ArgumentError("base", f"must be 'history' or 'none', got {base!r}")
    start: dt.date | None = None
    if not _blank(until):
        try:
            start = toml_date(until)
        except ValueError as exc:
            raise ArgumentError("until", str(exc)) from None
        if base == "none":
            raise ArgumentError("until", "only applies to base = 'history'")
    chosen = _options(options or {})
    if len(events) > MAX_EVENTS:
        raise ArgumentError("events", f"at most {MAX_EVENTS} events, got {len(events)}")
    rows: list[tuple[int, dict[str, Any]]] = []
    for index, raw in enumerate(events):
        event = _event(raw, index)
        if event is not None:
            rows.append((index, event))
    if not rows and start is None:
        raise ArgumentError("events", "a scenario needs at least one event, or an until date")
    try:
        parsed = parse_events([event for _, event in rows], _FORM, TomlLocator(""), not_before=start)
    except InputError as exc:
        # the reader names events[k] by position among the rows kept; name the row as it was given
        field = exc.field or "events"
        position, _, rest = field.removeprefix("events[").partition("]")
        if field.startswith("events[") and position.isdigit() and int(position) < len(rows):
            field = f"events[{rows[int(position)][0]}]{rest}"
        raise ArgumentError(field, exc.problem) from None
    except CurulError as exc:  # a date no regime covers
        raise ArgumentError("events", str(exc)) from None
    return Scenario(path=title or _FORM, base=base, until=start, options=chosen, events=parsed, title=title)


def scenario_fields(scenario: Scenario) -> dict[str, Any]:
    """A scenario as the fields :func:`scenario_from_fields` takes (values as text), so a form can start
    from a scenario file. Fields a form does not give (sources, notes) are left out."""
    events = []
    for event in scenario.events:
        given = event.as_dict()
        events.append({key: str(given[key]) for key in EVENT_FIELDS if key in given})
    return {
        "base": scenario.base,
        "until": scenario.until.isoformat() if scenario.until else "",
        "title": scenario.title,
        "options": dict(scenario.options),
        "events": events,
    }


@cache
def example_scenarios() -> tuple[Path, ...]:
    """The example scenario files (``examples/scenarios/*.toml``), by name: shipped in the wheel as
    ``curul/history/examples``, read from the source tree in a development install."""
    shipped = resources.files("curul.history") / "examples"
    folder = Path(str(shipped))
    if not folder.is_dir():
        folder = Path(__file__).resolve().parents[3] / "examples" / "scenarios"
    if not folder.is_dir():
        return ()
    return tuple(sorted(folder.glob("*.toml")))
