"""The engine: ``apply(state, event) -> (state, trace)``.

The engine knows the shape of Peru's procedures (who succeeds whom, what a censure does); every number,
rule id, article and source comes from the regime in force on the event's date (a bundled regime, or one
of the ``regimes`` given in its place), and every step of the trace names them. A motion that fails
changes nothing but is traced; an event the rules forbid is refused with the reason and leaves the state
as it was — on the event's date: what the calendar changed by then (the regime in force, the terms that
ended, :mod:`._calendar`) stands whatever the event's fate.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from curul.constitution._calendar import advance
from curul.constitution._events import Event
from curul.constitution._readings import resolve_options
from curul.constitution._regime_file import RegimeSource, regime_for_date, regime_set
from curul.constitution._run import Refused, Run
from curul.constitution._state import State
from curul.constitution._trace import Trace
from curul.constitution.procedures import HANDLERS
from curul.errors import CurulError


def initial_state(date: dt.date, regimes: Iterable[RegimeSource] | None = None) -> State:
    """An empty state (no office holders) under the regime in force on ``date``."""
    return State(date=date, regime=regime_for_date(date, regime_set(regimes)).id)


def apply(
    state: State,
    event: Event,
    options: Mapping[str, str] | None = None,
    regimes: Iterable[RegimeSource] | None = None,
) -> tuple[State, Trace]:
    """Apply one event under the regime in force on its date; return the new state and the trace.

    ``regimes`` (regime objects or paths of regime files) replace the bundled regimes over the dates they
    cover: a copied and edited regime file is a reform.
    """
    if event.type not in HANDLERS:
        raise CurulError(f"unknown event type {event.type!r} (known: {', '.join(HANDLERS)})")
    if event.date < state.date:
        raise CurulError(f"event {event.title} on {event.date} is before the state's date {state.date}")
    chosen = resolve_options(options)
    given = regime_set(regimes)
    regime = regime_for_date(event.date, given)
    run = Run(regime, event, chosen)
    # The date alone changes the state first (regime in force, ended terms): a refused event keeps that.
    working, calendar = advance(state, event.date, given, leave=event.type, label=event.title)
    run.steps.extend(calendar.steps)
    try:
        new_state = HANDLERS[event.type](run, working)
    except Refused:
        return working, Trace(tuple(run.steps))
    return new_state, Trace(tuple(run.steps))
