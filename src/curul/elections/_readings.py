"""Contested readings of an electoral system's rules, as named options in its file.

Where the law's text leaves a computation open (how the 2026 "7 deputies / 3 senators" test is counted,
which Senate vote the 5% refers to), the system file keeps each reading as a choice with its sources
and says which one is the default and why. A choice is data: ``set`` gives new values for keys of the
``[threshold]`` rules, by rule id, so a reading changes the rules through the same validated parser as
the file itself. The rules as written are the default reading (checked when the file loads).

```toml
[[readings]]
name = "seat_test"
question = "How is the '7 deputies' condition counted?"
default = "all_lists"
why_default = "..."

[[readings.choices]]
value = "all_lists"
summary = "..."
sources = ["https://..."]
set.deputies.among = ""
```
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from curul.errors import ArgumentError, CurulError

_READING_KEYS = {"name", "question", "default", "why_default", "choices"}
_CHOICE_KEYS = {"value", "summary", "sources", "set"}


@dataclass(frozen=True)
class ReadingChoice:
    """One reading: its name, what it says, its sources (empty when none was found), and the rule keys
    it sets (rule id → key → value)."""

    value: str
    summary: str
    sources: tuple[str, ...]
    sets: Mapping[str, Mapping[str, Any]]

    def as_dict(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "summary": self.summary,
            "sources": list(self.sources),
            "set": {rule: dict(keys) for rule, keys in self.sets.items()},
        }


@dataclass(frozen=True)
class Reading:
    """A contested point of a system's rules: the question, the choices, the default and why."""

    name: str
    question: str
    choices: tuple[ReadingChoice, ...]
    default: str
    why_default: str

    def choice(self, value: str) -> ReadingChoice:
        for choice in self.choices:
            if choice.value == value:
                return choice
        allowed = ", ".join(c.value for c in self.choices)
        raise ArgumentError("readings", f"{self.name}: unknown value {value!r} (choices: {allowed})")

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "question": self.question,
            "default": self.default,
            "why_default": self.why_default,
            "choices": [c.as_dict() for c in self.choices],
        }


@dataclass(frozen=True)
class ChosenReading:
    """A reading as a result used it: the choice made and whether it is the default."""

    reading: Reading
    choice: ReadingChoice

    @property
    def is_default(self) -> bool:
        return self.choice.value == self.reading.default

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.reading.name,
            "question": self.reading.question,
            "value": self.choice.value,
            "default": self.reading.default,
            "is_default": self.is_default,
            "summary": self.choice.summary,
            "sources": list(self.choice.sources),
            "why_default": self.reading.why_default,
        }

    def text(self) -> str:
        how = "default" if self.is_default else f"chosen; default {self.reading.default}"
        return f"reading {self.reading.name} = {self.choice.value} ({how}): {self.choice.summary}"


def _line_of(text: str, header: str, index: int) -> int | None:
    """The line of the ``index``-th ``header`` (``[[readings]]``) in the file, counting from 0."""
    seen = -1
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() == header:
            seen += 1
            if seen == index:
                return number
    return None


def _place(where: str, line: int | None, key: str) -> str:
    return f"{where}:{line}: {key}" if line else f"{where}: {key}"


def _strings(value: object, place: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CurulError(f"{place}: expected a list of strings, got {value!r}")
    return tuple(value)


def _text(table: Mapping[str, Any], key: str, place: str) -> str:
    value = table.get(key)
    if not isinstance(value, str) or not value.strip():
        raise CurulError(f"{place}.{key}: expected non-empty text")
    return value


def parse_readings(items: object, where: str, text: str) -> tuple[Reading, ...]:
    """The ``[[readings]]`` of a system file, each problem named with the file, line and key."""
    if not isinstance(items, list):
        raise CurulError(f"{where}: readings must be an array of tables ([[readings]])")
    readings: list[Reading] = []
    flat = 0  # [[readings.choices]] headers are numbered through the whole file
    for i, item in enumerate(items):
        place = _place(where, _line_of(text, "[[readings]]", i), f"readings[{i}]")
        if not isinstance(item, Mapping):
            raise CurulError(f"{place}: expected a table")
        extra = set(item) - _READING_KEYS
        if extra:
            raise CurulError(f"{place}: unknown key(s) {', '.join(sorted(extra))}")
        name, question = _text(item, "name", place), _text(item, "question", place)
        default, why = _text(item, "default", place), _text(item, "why_default", place)
        raw = item.get("choices")
        if not isinstance(raw, list) or len(raw) < 2:
            raise CurulError(f"{place}.choices: a reading needs at least two choices")
        choices = []
        for j, entry in enumerate(raw):
            at = _place(where, _line_of(text, "[[readings.choices]]", flat), f"readings[{i}].choices[{j}]")
            flat += 1
            if not isinstance(entry, Mapping):
                raise CurulError(f"{at}: expected a table")
            extra = set(entry) - _CHOICE_KEYS
            if extra:
                raise CurulError(f"{at}: unknown key(s) {', '.join(sorted(extra))}")
            sets = entry.get("set", {})
            if (
                not isinstance(sets, Mapping)
                or not sets
                or not all(isinstance(v, Mapping) for v in sets.values())
            ):
                raise CurulError(f"{at}.set: expected rule ids with the keys they set (set.ID.KEY = VALUE)")
            choices.append(
                ReadingChoice(
                    _text(entry, "value", at),
                    _text(entry, "summary", at),
                    _strings(entry.get("sources", []), f"{at}.sources"),
                    {str(rule): dict(keys) for rule, keys in sets.items()},
                )
            )
        values = [c.value for c in choices]
        if len(set(values)) != len(values):
            raise CurulError(f"{place}.choices: a value is given twice")
        if default not in values:
            raise CurulError(f"{place}.default: {default!r} is not one of the choices ({', '.join(values)})")
        readings.append(Reading(name, question, tuple(choices), default, why))
    names = [r.name for r in readings]
    if len(set(names)) != len(names):
        raise CurulError(f"{where}: a reading name is given twice")
    return tuple(readings)


def apply_choices(table: Mapping[str, Any], choices: Iterable[ReadingChoice], where: str) -> dict[str, Any]:
    """A copy of the ``[threshold]`` table with the keys the ``choices`` set (rule ids must exist)."""
    out = copy.deepcopy(dict(table))
    by_id: dict[str, dict[str, Any]] = {}

    def index(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("id"), str):
                by_id[node["id"]] = node
            for child in node.get("rules", []) or []:
                index(child)

    index(out)
    for choice in choices:
        for rule, keys in choice.sets.items():
            if rule not in by_id:
                known = ", ".join(by_id) or "none"
                raise CurulError(f"{where}: set.{rule}: no threshold rule has id {rule!r} (ids: {known})")
            by_id[rule].update(copy.deepcopy(dict(keys)))
    return out


def resolve(readings: Sequence[Reading], chosen: Mapping[str, str] | None, system: str) -> dict[str, str]:
    """Each reading's value: the default, or the one ``chosen`` names (unknown names are refused)."""
    values = {r.name: r.default for r in readings}
    for name, value in (chosen or {}).items():
        if name not in values:
            known = ", ".join(values) or "none"
            raise ArgumentError("readings", f"{system} has no reading {name!r} (readings: {known})")
        next(r for r in readings if r.name == name).choice(value)
        values[name] = value
    return values


def parse_reading_args(items: Iterable[str]) -> dict[str, str]:
    """``["seat_test=vote_share_lists", ...]`` (the command line's form) as ``{name: value}``."""
    out: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip() or not value.strip():
            raise ArgumentError("readings", f"expected NAME=VALUE, got {item!r}")
        if name.strip() in out:
            raise ArgumentError("readings", f"{name.strip()} is given twice")
        out[name.strip()] = value.strip()
    return out
