"""The What-if form's fields and their mapping to ``curul.history.scenario_from_fields``.

Every control is one GET parameter, so a URL rebuilds the scenario and a saved scenario is a flat
mapping of strings: ``fecha`` (the day the scenario starts from), ``base`` (``history`` or ``none``),
the contested readings by their names, and for event ``i`` (1 to :data:`MAX_ROWS`) ``e{i}_tipo``,
``e{i}_fecha``, ``e{i}_si``… (:data:`FIELD_NAMES` gives the Spanish name of each library field).
``ejemplo`` starts from an example file instead. A mistake the library names (``events[2].yes``) is
turned back into the form's field (``e3_si``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from curul.constitution import READINGS
from curul.errors import ArgumentError
from curul.history import EVENT_FIELDS

#: Event rows the form has at most (each event is replayed: the work per request is bounded).
MAX_ROWS = 8

#: The form's name of each library event field.
FIELD_NAMES: dict[str, str] = {
    "date": "fecha", "type": "tipo", "target": "cargo", "chamber": "camara", "yes": "si", "no": "no",
    "abstain": "abst", "present": "presentes", "habiles": "habiles", "signatures": "firmas",
    "name": "nombre", "winner": "ganador", "first_vp": "vp1", "second_vp": "vp2", "round": "vuelta",
}  # fmt: skip
assert set(FIELD_NAMES) == set(EVENT_FIELDS), "every library event field has a form name"
LIBRARY_NAMES = {form: library for library, form in FIELD_NAMES.items()}

#: The fields shown in each row; the rest are under "more fields".
MAIN_FIELDS = ("tipo", "fecha", "cargo", "camara", "si", "no", "abst")
MORE_FIELDS = tuple(f for f in FIELD_NAMES.values() if f not in MAIN_FIELDS)

READING_NAMES = tuple(r.name for r in READINGS)
TOP_FIELDS = ("fecha", "base", *READING_NAMES)


def event_param(row: int, field: str) -> str:
    """The parameter of ``field`` (the form's name) in event row ``row`` (from 1)."""
    return f"e{row}_{field}"


#: Every parameter a scenario has, in a stable order (what a saved scenario keeps).
PARAMS: tuple[str, ...] = TOP_FIELDS + tuple(
    event_param(row, field) for row in range(1, MAX_ROWS + 1) for field in FIELD_NAMES.values()
)


@dataclass(frozen=True)
class FormError(Exception):
    """A mistake in one of the form's fields."""

    field: str
    message: str


def given(params: Mapping[str, str]) -> dict[str, str]:
    """The scenario's parameters that carry a value, in :data:`PARAMS` order."""
    return {name: params[name].strip() for name in PARAMS if (params.get(name) or "").strip()}


def rows(params: Mapping[str, str]) -> list[dict[str, str]]:
    """The event rows as submitted (the form's names), up to the last one with a value."""
    out = [
        {field: (params.get(event_param(row, field)) or "").strip() for field in FIELD_NAMES.values()}
        for row in range(1, MAX_ROWS + 1)
    ]
    while out and not any(out[-1].values()):
        out.pop()
    return out


def library_arguments(params: Mapping[str, str]) -> dict[str, Any]:
    """The keyword arguments of ``scenario_from_fields`` for the form's parameters."""
    events = [{LIBRARY_NAMES[f]: v for f, v in row.items() if v} for row in rows(params)]
    return {
        "until": (params.get("fecha") or "").strip(),
        "base": (params.get("base") or "history").strip(),
        "events": events,
        "options": {name: (params.get(name) or "").strip() for name in READING_NAMES},
    }


def form_field(argument: str) -> str:
    """The form's field for a library argument: ``until`` → ``fecha``, ``events[2].yes`` → ``e3_si``,
    ``events[0]`` → ``e1_tipo``, ``options.NAME`` → ``NAME``."""
    if argument == "until":
        return "fecha"
    if argument.startswith("options."):
        return argument.removeprefix("options.")
    if argument.startswith("events["):
        index, _, rest = argument.removeprefix("events[").partition("]")
        key = rest.removeprefix(".")
        if index.isdigit():
            return event_param(int(index) + 1, FIELD_NAMES.get(key, "tipo"))
    if argument == "events":
        return event_param(1, "tipo")
    return argument


def form_error(exc: ArgumentError) -> FormError:
    """The library's mistake under the form's field name (its message names that field)."""
    field = form_field(exc.argument)
    return FormError(field, exc.naming(field).removeprefix(f"{field}: "))


def example_params(fields: Mapping[str, Any]) -> dict[str, str]:
    """An example scenario's fields (``curul.history.scenario_fields``) as the form's parameters."""
    if len(fields["events"]) > MAX_ROWS:
        raise FormError("ejemplo", f"this example has more than {MAX_ROWS} events")
    out = {"fecha": fields["until"], "base": fields["base"]} | dict(fields["options"])
    for row, event in enumerate(fields["events"], start=1):
        out |= {event_param(row, FIELD_NAMES[key]): value for key, value in event.items()}
    return {k: v for k, v in out.items() if v}
