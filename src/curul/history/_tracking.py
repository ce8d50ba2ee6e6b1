"""Who holds each office, since when and on what evidence: a replay that remembers, for every office,
the event (or the calendar step) that put its holder there.

The engine's state says who holds an office; this says why we know it — the date, the event's title and
its sources — so that ``curul state`` can cite the record for every name it gives.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from curul.constitution import Event, Regime, State, Trace, advance, apply, initial_state

RegimeSource = Regime | str | Path

# The offices a state names, in the order ``curul state`` lists them.
OFFICES: tuple[str, ...] = (
    "president",
    "first_vp",
    "second_vp",
    "pcm",
    "president_of_congress",
    "president_of_senate",
    "president_of_deputies",
)


@dataclass(frozen=True)
class Provenance:
    """How the holder of an office got there: from ``since``, by the event ``via``, on ``sources``.
    ``via_es`` is the event's Spanish title (empty for a calendar step, which the engine words in English
    only), so the Spanish pages can say how without translating."""

    holder: str | None
    since: dt.date
    via: str
    sources: tuple[str, ...]
    note: str = ""
    via_es: str = ""


def holders(state: State) -> dict[str, str | None]:
    """Each office's holder in ``state`` (boards by chamber; the President of Congress is the president
    of the unicameral Congress, or of whichever chamber presides it, filled in by the caller)."""
    return {
        "president": state.president,
        "first_vp": state.first_vp,
        "second_vp": state.second_vp,
        "pcm": state.pcm,
        "president_of_congress": state.board("congress").president,
        "president_of_senate": state.board("senate").president,
        "president_of_deputies": state.board("deputies").president,
    }


def _update(
    known: dict[str, Provenance],
    before: State,
    after: State,
    when: dt.date,
    via: str,
    sources: tuple[str, ...],
    note: str = "",
    via_es: str = "",
) -> None:
    old, new = holders(before), holders(after)
    for office in OFFICES:
        if new[office] != old[office] or office not in known:
            since = when
            if office == "president" and after.tenure is not None:
                since = after.tenure.since
            known[office] = Provenance(new[office], since, via, sources, note, via_es)


@dataclass(frozen=True)
class Tracked:
    """A replayed state with the provenance of every office, and the trace of the calendar's steps."""

    state: State
    offices: Mapping[str, Provenance]
    calendar: Trace = field(default_factory=Trace)
    last_event: dt.date | None = None


def track(
    events: Iterable[Event],
    *,
    options: Mapping[str, str] | None = None,
    regimes: Iterable[RegimeSource] | None = None,
    start: Tracked | None = None,
) -> Tracked:
    """Apply ``events`` in order (from ``start``, else an empty state), remembering for each office the
    event that last changed its holder."""
    chosen = tuple(regimes or ())
    known: dict[str, Provenance] = dict(start.offices) if start else {}
    state = start.state if start else None
    last = start.last_event if start else None
    for event in events:
        if state is None:
            state = initial_state(event.date, chosen)
        after, trace = apply(state, event, options, chosen)
        moved = [s for s in trace if s.type == "calendar"]
        if moved:
            stepped, _ = advance(state, event.date, chosen, leave=event.type)
            _update(known, state, stepped, moved[-1].date, moved[-1].text, moved[-1].sources)
            state = stepped
        when = event.sworn or event.date
        _update(known, state, after, when, event.title, event.sources, event.note, event.title_es)
        state, last = after, event.date
    if state is None:
        raise ValueError("nothing to track: no events and no start")
    return Tracked(state, known, Trace(), last)


def on_date(tracked: Tracked, on: dt.date, regimes: Iterable[RegimeSource] | None = None) -> Tracked:
    """The tracked state moved to ``on`` by the calendar alone (nothing recorded after the last event)."""
    state, calendar = advance(tracked.state, on, tuple(regimes or ()))
    known = dict(tracked.offices)
    before = tracked.state
    for step in calendar:
        stepped, _ = advance(before, step.date, tuple(regimes or ()))
        _update(known, before, stepped, step.date, step.text, step.sources)
        before = stepped
    return Tracked(state, known, calendar, tracked.last_event)


@cache
def tracked_history() -> Tracked:
    """The bundled history, tracked (computed once)."""
    from curul.history._timeline import history_events

    return track(history_events())


def history_on(on: dt.date) -> Tracked:
    """The bundled history up to ``on`` (events dated after it are left out), moved to ``on``."""
    from curul.history._timeline import history_events

    events = tuple(e for e in history_events() if e.date <= on)
    if len(events) == len(history_events()):
        base = tracked_history()
    elif events:
        base = _tracked_prefix(len(events))
    else:
        return Tracked(initial_state(on), {}, Trace(), None)
    return on_date(base, on)


@cache
def _tracked_prefix(count: int) -> Tracked:
    from curul.history._timeline import history_events

    return track(history_events()[:count])
