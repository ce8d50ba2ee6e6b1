"""Contested readings of the rules as named options, each with the sources on every side.

The readings are data (``readings.toml``, validated on import like a regime file). The default of each
option is the reading the reference material marks as better supported; the engine writes into the
trace which reading it used whenever one mattered.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

from curul.errors import CurulError, InputError
from curul.inputs import TomlLocator, parse_toml
from curul.report import Line, Presentable, Report, Span


@dataclass(frozen=True)
class Choice:
    """One side of a contested reading: its value, what it means, and the sources that argue for it."""

    value: str
    summary: str
    sources: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        return {"value": self.value, "summary": self.summary, "sources": list(self.sources)}


@dataclass(frozen=True)
class Reading:
    """A contested point: its name, the question, the choices with sources, the default and why."""

    name: str
    question: str
    choices: tuple[Choice, ...]
    default: str
    why_default: str

    def choice(self, value: str) -> Choice:
        for choice in self.choices:
            if choice.value == value:
                return choice
        raise KeyError(value)


_READINGS_FILE = "readings.toml"
_READING_KEYS = {"name", "question", "default", "why_default", "choices"}
_CHOICE_KEYS = {"value", "summary", "sources"}


def _choice(raw: Any, path: str, locator: TomlLocator, at: int, where: str) -> Choice:
    """One ``[[readings.choices]]`` table (the ``at``-th in the file)."""

    def fail(problem: str, key: str) -> InputError:
        return locator.error(path, problem, "readings.choices", at, key, f"{where}.{key}")

    for key in raw:
        if key not in _CHOICE_KEYS:
            raise fail(f"unknown key (known: {', '.join(sorted(_CHOICE_KEYS))})", key)
    for key in ("value", "summary"):
        if not isinstance(raw.get(key), str) or not raw[key]:
            raise fail("must be a non-empty string", key)
    sources = raw.get("sources")
    if not isinstance(sources, list) or not sources or not all(isinstance(u, str) and u for u in sources):
        raise fail("every choice needs its sources", "sources")
    return Choice(raw["value"], raw["summary"], tuple(sources))


def parse_readings(raw: dict[str, Any], path: str, locator: TomlLocator) -> tuple[Reading, ...]:
    """Validate a readings file: known keys, every field a non-empty string, at least two choices each
    with its sources, a default among them, no name or value twice."""
    if set(raw) != {"readings"} or not isinstance(raw["readings"], list):
        unknown = sorted(set(raw) - {"readings"})
        line, column = locator.key("", 0, unknown[0]) if unknown else (1, 1)
        raise InputError(path, "expected [[readings]] tables only", line=line, column=column)
    readings: list[Reading] = []
    first_choice = 0  # [[readings.choices]] tables are counted across the whole file
    for index, table in enumerate(raw["readings"]):

        def fail(problem: str, key: str | None = None, index: int = index) -> InputError:
            where = f"readings[{index}]" + (f".{key}" if key else "")
            return locator.error(path, problem, "readings", index, key, where)

        if not isinstance(table, dict):
            raise fail("each reading must be a table")
        for key in table:
            if key not in _READING_KEYS:
                raise fail(f"unknown key (known: {', '.join(sorted(_READING_KEYS))})", key)
        text: dict[str, str] = {}
        for key in ("name", "question", "default", "why_default"):
            if key not in table:
                raise fail(f"missing field {key!r}")
            if not isinstance(table[key], str) or not table[key]:
                raise fail("must be a non-empty string", key)
            text[key] = table[key]
        raw_choices = table.get("choices", [])
        if not isinstance(raw_choices, list) or len(raw_choices) < 2:
            raise fail("a contested reading needs at least two [[readings.choices]]")
        choices = [
            _choice(choice, path, locator, first_choice + offset, f"readings[{index}].choices[{offset}]")
            for offset, choice in enumerate(raw_choices)
        ]
        first_choice += len(raw_choices)
        values = [c.value for c in choices]
        if len(set(values)) != len(values):
            raise fail("two choices have the same value", "choices")
        if text["default"] not in values:
            raise fail(f"must be one of the choices ({', '.join(values)})", "default")
        if any(r.name == text["name"] for r in readings):
            raise fail(f"reading {text['name']!r} is defined twice", "name")
        readings.append(
            Reading(text["name"], text["question"], tuple(choices), text["default"], text["why_default"])
        )
    return tuple(readings)


def _bundled_readings() -> tuple[Reading, ...]:
    path = f"curul/constitution/{_READINGS_FILE}"
    text = (resources.files("curul.constitution") / _READINGS_FILE).read_text(encoding="utf-8")
    raw, locator = parse_toml(text, path)
    return parse_readings(raw, path, locator)


# The bundled readings, validated when the package is imported.
READINGS: tuple[Reading, ...] = _bundled_readings()


@dataclass(frozen=True)
class ReadingListing(Presentable):
    """The contested readings a scenario's ``[options]`` can choose, with the sources for each side."""

    readings: tuple[Reading, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "options": [
                {
                    "name": r.name,
                    "question": r.question,
                    "default": r.default,
                    "why_default": r.why_default,
                    "choices": [
                        {"value": c.value, "summary": c.summary, "sources": list(c.sources)}
                        for c in r.choices
                    ],
                }
                for r in self.readings
            ]
        }

    def report(self) -> Report:
        blocks: list[Line] = []
        for r in self.readings:
            blocks.append(Line.of([Span(r.name, "bold"), f" (default: {r.default})"]))
            blocks.append(Line.of(f"  {r.question}"))
            for c in r.choices:
                blocks.append(Line.of(["  • ", Span(c.value, "info"), f": {c.summary}"]))
                blocks.extend(Line.of(f"      {source}", "soft") for source in c.sources)
            blocks.append(Line.of(f"  why the default: {r.why_default}\n"))
        return Report(tuple(blocks))


def readings() -> ReadingListing:
    """Every contested reading, its choices with their sources, the default and why."""
    return ReadingListing(READINGS)


def reading(name: str) -> Reading:
    for item in READINGS:
        if item.name == name:
            return item
    known = ", ".join(r.name for r in READINGS)
    raise CurulError(f"unknown option {name!r} (known: {known})")


def resolve_options(options: Mapping[str, str] | None) -> dict[str, str]:
    """Defaults overlaid with ``options``; unknown names or values are the user's mistake."""
    chosen = {r.name: r.default for r in READINGS}
    for name, value in (options or {}).items():
        item = reading(name)
        if value not in {c.value for c in item.choices}:
            allowed = ", ".join(c.value for c in item.choices)
            raise CurulError(f"option {name}: unknown value {value!r} (allowed: {allowed})")
        chosen[name] = value
    return chosen
