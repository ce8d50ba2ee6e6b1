"""Counterfactual scenarios: the bundled history replayed up to a date, then the scenario's own events.

A scenario file names its starting point (``base``, ``until``), the regime files to use instead of the
bundled ones (``regimes``, paths relative to the scenario: a reform), the contested readings it chooses
(``[options]``) and its ``[[events]]``; it is read with :func:`curul.constitution.read_toml`, so every
mistake is one ``file:line:column: field: problem`` line. The history up to ``until`` is replayed with the
default readings (the record as it happened) under the scenario's regimes, so a reform runs through the
whole history.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from curul.constitution import (
    READINGS,
    Event,
    Regime,
    Replay,
    State,
    advance,
    initial_state,
    load_regime_file,
    parse_events,
    read_toml,
    regime_for_date,
    replay,
    resolve_options,
)
from curul.errors import InputError
from curul.history._power_state import PowerState, power_state
from curul.history._timeline import history_events
from curul.history._tracking import Tracked, on_date, track
from curul.inputs import LIMITS, toml_date, toml_text
from curul.report import Presentable, Report, Span

#: The longest scenario title (as a name in a CSV file).
MAX_TITLE = 300

if TYPE_CHECKING:
    import pandas as pd


def _date(value: Any) -> dt.date | None:
    """A date as a TOML file must give it (a date and time is not one), or None."""
    try:
        return toml_date(value)
    except ValueError:
        return None


@dataclass(frozen=True)
class Scenario:
    """A validated scenario file: where it starts, the readings it chooses and its events."""

    path: str
    base: str
    until: dt.date | None
    options: dict[str, str]
    events: tuple[Event, ...]
    title: str = ""
    regimes: tuple[Regime, ...] = ()  # used instead of the bundled regimes over the dates they cover


def _regimes(raw: Any, path: Path, fail: Any) -> tuple[Regime, ...]:
    """The ``regimes`` a scenario lists: regime files, relative to the scenario's folder."""
    if not isinstance(raw, list) or not all(isinstance(entry, str) and entry for entry in raw):
        raise fail("must be a list of regime file paths", "regimes")
    loaded = []
    for entry in raw:
        file = path.parent / entry
        if not file.is_file():
            raise fail(f"no such regime file: {file}", "regimes")
        loaded.append(load_regime_file(file))  # a mistake in the file is reported at its own place
    for i, first in enumerate(loaded):
        for second in loaded[i + 1 :]:
            if first.covers(second.valid_from) or second.covers(first.valid_from):
                raise fail(f"regimes {first.id} and {second.id} are in force on the same days", "regimes")
    return tuple(loaded)


def load_scenario(path: str | Path, *, regimes: Iterable[Regime | str | Path] | None = None) -> Scenario:
    """Read and validate a scenario file (see docs/constitution.md for the format). ``regimes`` (regime
    objects or files) replace the ones the file lists."""
    raw, locator = read_toml(path)

    def fail(problem: str, key: str, table: str = "") -> InputError:
        line, column = locator.key(table, 0, key)
        return InputError(
            path, problem, line=line, column=column, field=key if not table else f"{table}.{key}"
        )

    allowed = {"base", "until", "regimes", "options", "events", "title", "description"}
    for key in raw:
        if key not in allowed:
            raise fail(f"unknown top-level key (known: {', '.join(sorted(allowed))})", key)
    for key, limit in (("title", MAX_TITLE), ("description", LIMITS.max_field)):
        if key in raw:
            try:
                toml_text(raw[key], limit=limit)
            except ValueError as exc:
                raise fail(str(exc), key) from None
    base = raw.get("base", "history")
    if base not in ("history", "none"):
        raise fail("base must be 'history' or 'none'", "base")
    until = None
    if "until" in raw:
        until = dt.date.today() if raw["until"] == "today" else _date(raw["until"])
        if until is None:
            raise fail(f"not a date (YYYY-MM-DD or today): {raw['until']!r}", "until")
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
    if regimes is not None:
        chosen = tuple(r if isinstance(r, Regime) else load_regime_file(r) for r in regimes)
    else:
        chosen = _regimes(raw.get("regimes", []), Path(path), fail)
    if "events" not in raw and until is None:
        raise InputError(
            path, "missing [[events]]: a scenario needs events, or an until date to report the state on",
            line=1, column=1,
        )  # fmt: skip
    events = parse_events(raw.get("events", []), path, locator, not_before=until, regimes=chosen)
    if not events and until is None:
        raise InputError(path, "a scenario needs at least one event, or an until date", line=1, column=1)
    return Scenario(
        path=str(path),
        base=base,
        until=until,
        options=dict(options),
        events=events,
        title=str(raw.get("title", "")),
        regimes=chosen,
    )


@dataclass(frozen=True)
class ScenarioResult(Presentable):
    """A scenario run: the base history replayed (if any), the scenario's replay and the readings used.

    ``report()`` gives the outcome first (who is President, who heads Congress, the readings), then each
    traced step; ``to_frame()`` the trace of the scenario's events.
    """

    scenario: Scenario
    base_replay: Replay | None
    run: Replay
    options_used: dict[str, str]
    power: PowerState | None = None

    @property
    def state(self) -> State:
        return self.run.state

    def as_dict(self) -> dict[str, Any]:
        state = self.state
        regime = regime_for_date(state.date, self.scenario.regimes)
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
            "power": self.power.as_dict() if self.power else None,
        } | ({"regimes": [r.path for r in self.scenario.regimes]} if self.scenario.regimes else {})

    def to_frame(self) -> pd.DataFrame:
        """The trace of the scenario's own events, one row per step."""
        return self.run.trace.to_frame()

    def report(self) -> Report:
        data = self.as_dict()
        president = data["president"]
        if president:
            who: list[str | Span] = [
                "  President: ",
                Span(president["name"], "bold"),
                f" since {president['since']} — {president['via']}",
            ]
        else:
            who = ["  President: ", Span("vacant", "bad"), f" (pending: {data['pending_successor']})"]
        return Report.of(
            [Span("Scenario", "bold"), f" {self.scenario.title or self.scenario.path}"],
            f"  on {data['date']} under {data['regime']}",
            who,
            f"  President of Congress: {data['president_of_congress'] or 'vacant'}; "
            f"acting head: {data['acting_head_of_congress'] or 'nobody'}",
            "  options: " + ", ".join(f"{k}={v}" for k, v in data["options_used"].items()),
            "  regimes: " + ", ".join(f"{r.id} ({r.path})" for r in self.scenario.regimes)
            if self.scenario.regimes
            else None,
            self.run.trace.table() if len(self.run.trace) else "  no events: the state on the until date",
        ) + (self.power.report() if self.power else Report(()))


def run_scenario(scenario: Scenario) -> ScenarioResult:
    """Replay the base, then the scenario's events with its options, under the scenario's regimes; the
    state is reported on the last event's date (or on ``until`` when the file has no events)."""
    options = resolve_options(scenario.options)
    base_replay = None
    start: State | None = None
    tracked: Tracked | None = None
    if scenario.base == "history":
        past = tuple(e for e in history_events() if scenario.until is None or e.date <= scenario.until)
        if past:
            base_replay = replay(past, regimes=scenario.regimes)
            start = base_replay.state
            tracked = track(past, regimes=scenario.regimes)
    if scenario.events:
        run = replay(scenario.events, options, start, regimes=scenario.regimes)
        tracked = track(scenario.events, options=options, regimes=scenario.regimes, start=tracked)
        on = run.state.date
    else:
        on = scenario.until or dt.date.today()
        moved, _ = advance(start or initial_state(on, scenario.regimes), on, scenario.regimes)
        run = Replay(state=moved, steps=())
    power = None
    if tracked is not None:
        power = power_state(on_date(tracked, on, scenario.regimes), on, scenario.regimes,
                            scenario.title or scenario.path)  # fmt: skip
    return ScenarioResult(
        scenario=scenario, base_replay=base_replay, run=run, options_used=options, power=power
    )
