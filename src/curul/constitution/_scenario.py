"""Scenario and event files: TOML read with line numbers, validated, then replayed through the engine.

A scenario starts from the bundled history replayed up to ``until`` (with the default readings: the
record as it happened) and applies its own events under the ``[options]`` it names. Every mistake in the
file is reported as one ``file:line:column: field: problem`` line.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from curul.constitution._engine import apply, initial_state
from curul.constitution._events import (
    BOARD_TARGETS,
    EVENT_TYPES,
    EXPECTS,
    FIELDS,
    OFFICE_TARGETS,
    RESULTS,
    Event,
)
from curul.constitution._readings import READINGS, resolve_options
from curul.constitution._regime import regime_for_date
from curul.constitution._state import State
from curul.constitution._trace import TraceStep, outcome_of
from curul.errors import CurulError, InputError

_INT_FIELDS = ("yes", "no", "abstain", "present", "habiles", "blank", "null", "signatures", "round")
_STR_FIELDS = ("type", "target", "chamber", "winner", "runner_up", "result", "expect", "name", "first_vp",
               "second_vp", "third_vp", "note", "label")  # fmt: skip
_KEY = re.compile(r'^\s*("?)([A-Za-z0-9_\-. ]+?)\1\s*=')
_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-]+)\s*\]\]?")


class _Locator:
    """Where each key of a simple TOML file is: ``(table, index, key) -> (line, column)``."""

    def __init__(self, text: str) -> None:
        self.keys: dict[tuple[str, int, str], tuple[int, int]] = {}
        self.headers: dict[tuple[str, int], int] = {}
        counts: dict[str, int] = {}
        table, index = "", 0
        for number, line in enumerate(text.splitlines(), start=1):
            header = _HEADER.match(line)
            if header:
                table = header.group(2)
                if header.group(1) == "[[":
                    index = counts.get(table, -1) + 1
                    counts[table] = index
                else:
                    index = 0
                self.headers[(table, index)] = number
                continue
            key = _KEY.match(line)
            if key:
                name = key.group(2).strip()
                self.keys.setdefault((table, index, name), (number, line.index(name) + 1))

    def key(self, table: str, index: int, name: str) -> tuple[int | None, int | None]:
        if (table, index, name) in self.keys:
            return self.keys[(table, index, name)]
        return self.headers.get((table, index)), 1 if (table, index) in self.headers else None


def read_toml(path: str | Path) -> tuple[dict[str, Any], _Locator]:
    """Parse a TOML file; a syntax error becomes an ``InputError`` at its line and column."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise InputError(path, "no such file") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read: {exc}") from exc
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        where = re.search(r"\(at line (\d+), column (\d+)\)", message)
        problem = re.sub(r"\s*\(at line \d+, column \d+\)", "", message)
        if where:
            raise InputError(
                path, f"invalid TOML: {problem}", line=int(where.group(1)), column=int(where.group(2))
            ) from exc
        raise InputError(path, f"invalid TOML: {problem}") from exc
    return raw, _Locator(text)


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def parse_events(
    raw_events: Any,
    path: str | Path,
    locator: _Locator,
    *,
    table: str = "events",
    not_before: dt.date | None = None,
    require_sources: bool = False,
) -> tuple[Event, ...]:
    """Validate ``[[events]]`` tables into typed events, in date order."""
    if not isinstance(raw_events, list):
        line, column = locator.key("", 0, table)
        raise InputError(path, "must be an array of tables [[events]]", line=line, column=column, field=table)
    events: list[Event] = []
    previous = not_before
    for index, raw in enumerate(raw_events):

        def fail(problem: str, key: str | None = None, index: int = index) -> InputError:
            line, column = locator.key(table, index, key) if key else (locator.headers.get((table, index)), 1)
            return InputError(
                path,
                problem,
                line=line,
                column=column,
                field=f"{table}[{index}]" + (f".{key}" if key else ""),
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
        if kind not in EVENT_TYPES:
            raise fail(f"unknown event type {kind!r} (known: {', '.join(EVENT_TYPES)})", "type")
        date = _as_date(raw["date"])
        if date is None:
            raise fail(f"not a date (YYYY-MM-DD): {raw['date']!r}", "date")
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
                values[key] = raw[key]
        if "fast_track" in raw:
            value = raw["fast_track"]
            if not (isinstance(value, bool) or (isinstance(value, int) and value >= 0)):
                raise fail("must be true, false or a vote count", "fast_track")
            values["fast_track"] = value
        if "sworn" in raw:
            sworn = _as_date(raw["sworn"])
            if sworn is None or sworn < date:
                raise fail("must be a date on or after the event's date", "sworn")
            values["sworn"] = sworn
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
            if kind == "procedure_vote" and target not in {
                r.procedure for r in regime_for_date(date).procedures
            }:
                known = ", ".join(regime_for_date(date).procedure_ids())
                raise fail(f"unknown procedure for {regime_for_date(date).id} (known: {known})", "target")
            if kind == "state_of_siege" and target not in ("on", "off"):
                raise fail("must be 'on' or 'off'", "target")
        regime = regime_for_date(date)
        chamber = values.get("chamber")
        names = [c.name for c in regime.chambers]
        if chamber is not None and chamber not in names:
            raise fail(f"{regime.id} has no chamber {chamber!r} (chambers: {', '.join(names)})", "chamber")
        size = regime.chamber(chamber or ("deputies" if regime.bicameral else names[0])).legal_number
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


@dataclass(frozen=True)
class Scenario:
    path: str
    base: str
    until: dt.date | None
    options: dict[str, str]
    events: tuple[Event, ...]
    title: str = ""


def load_scenario(path: str | Path) -> Scenario:
    """Read and validate a scenario file (see docs/constitution.md for the format)."""
    raw, locator = read_toml(path)

    def fail(problem: str, key: str, table: str = "") -> InputError:
        line, column = locator.key(table, 0, key)
        return InputError(
            path, problem, line=line, column=column, field=key if not table else f"{table}.{key}"
        )

    allowed = {"base", "until", "options", "events", "title", "description"}
    for key in raw:
        if key not in allowed:
            raise fail(f"unknown top-level key (known: {', '.join(sorted(allowed))})", key)
    base = raw.get("base", "history")
    if base not in ("history", "none"):
        raise fail("base must be 'history' or 'none'", "base")
    until = None
    if "until" in raw:
        until = _as_date(raw["until"])
        if until is None:
            raise fail(f"not a date (YYYY-MM-DD): {raw['until']!r}", "until")
        if base == "none":
            raise fail("until only applies to base = 'history'", "until")
    options = raw.get("options", {})
    if not isinstance(options, dict):
        raise fail("options must be a table", "options")
    known = {r.name: r for r in READINGS}
    for name, value in options.items():
        if name not in known:
            raise fail(f"unknown option (known: {', '.join(known)})", name, "options")
        values = [c.value for c in known[name].choices]
        if value not in values:
            raise fail(f"unknown value {value!r} (allowed: {', '.join(values)})", name, "options")
    if "events" not in raw:
        raise InputError(path, "missing [[events]]: a scenario needs at least one event", line=1, column=1)
    events = parse_events(raw["events"], path, locator, not_before=until)
    if not events:
        raise InputError(path, "a scenario needs at least one event", line=1, column=1)
    return Scenario(
        path=str(path),
        base=base,
        until=until,
        options=dict(options),
        events=events,
        title=str(raw.get("title", "")),
    )


@dataclass(frozen=True)
class Replay:
    """The state after a sequence of events, the trace of each event and its outcome."""

    state: State
    steps: tuple[tuple[Event, tuple[TraceStep, ...], str], ...] = field(default=())

    @property
    def trace(self) -> tuple[TraceStep, ...]:
        return tuple(step for _, trace, _ in self.steps for step in trace)


def replay(
    events: tuple[Event, ...], options: Mapping[str, str] | None = None, state: State | None = None
) -> Replay:
    """Apply ``events`` in order, from ``state`` (default: empty on the first event's date)."""
    chosen = resolve_options(options)
    if state is None:
        if not events:
            raise CurulError("nothing to replay")
        state = initial_state(events[0].date)
    steps = []
    for event in events:
        state, trace = apply(state, event, chosen)
        steps.append((event, trace, outcome_of(trace)))
    return Replay(state=state, steps=tuple(steps))


@dataclass(frozen=True)
class ScenarioResult:
    scenario: Scenario
    base_replay: Replay | None
    run: Replay
    options_used: dict[str, str]

    @property
    def state(self) -> State:
        return self.run.state

    def as_dict(self) -> dict[str, Any]:
        state = self.state
        regime = regime_for_date(state.date)
        presiding = regime.presiding_chamber(state.date)
        board = state.board(presiding)
        acting = board.acting_head(skip=state.president_board_post)
        tenure = state.tenure
        return {
            "file": self.scenario.path,
            "date": state.date,
            "regime": state.regime,
            "president": {"name": tenure.name, "since": tenure.since, "via": tenure.via} if tenure else None,
            "president_of_congress": board.president,
            "acting_head_of_congress": acting[1] if acting else None,
            "pending_successor": state.pending_successor,
            "options_used": self.options_used,
            "base": self.scenario.base,
            "until": self.scenario.until,
            "history_events_replayed": len(self.base_replay.steps) if self.base_replay else 0,
            "events": [
                {"date": e.date, "type": e.type, "title": e.title, "outcome": outcome}
                for e, _, outcome in self.run.steps
            ],
            "trace": [
                {
                    "date": s.date,
                    "event": s.event,
                    "outcome": s.outcome,
                    "rule": s.rule,
                    "article": s.article,
                    "text": s.text,
                    "arithmetic": s.arithmetic,
                    "sources": list(s.sources),
                    "reading": s.reading,
                }
                for s in self.run.trace
            ],
            "state": state.as_dict(presiding),
        }


def run_scenario(scenario: Scenario) -> ScenarioResult:
    """Replay the base, then the scenario's events with its options."""
    options = resolve_options(scenario.options)
    base_replay = None
    start: State | None = None
    if scenario.base == "history":
        from curul.history import history_events

        past = tuple(e for e in history_events() if scenario.until is None or e.date <= scenario.until)
        if past:
            base_replay = replay(past)
            start = base_replay.state
    run = replay(scenario.events, options, start)
    return ScenarioResult(scenario=scenario, base_replay=base_replay, run=run, options_used=options)
