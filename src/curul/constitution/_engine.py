"""The engine: ``apply(state, event) -> (state, trace)``.

The engine knows the shape of Peru's procedures (who succeeds whom, what a censure does); every number
comes from the regime file in force on the event's date, and every step of the trace names its rule,
article, arithmetic and sources. A motion that fails changes nothing but is traced; an event the rules
forbid is refused with the reason and leaves the state as it was.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import replace

from curul.constitution._events import Event
from curul.constitution._readings import resolve_options
from curul.constitution._regime import regime_for_date
from curul.constitution._run import Refused, Run
from curul.constitution._state import State
from curul.constitution._trace import Trace
from curul.constitution.procedures import HANDLERS
from curul.errors import CurulError


def initial_state(date: dt.date) -> State:
    """An empty state (no office holders) under the regime in force on ``date``."""
    return State(date=date, regime=regime_for_date(date).id)


def apply(state: State, event: Event, options: Mapping[str, str] | None = None) -> tuple[State, Trace]:
    """Apply one event under the regime in force on its date; return the new state and the trace."""
    if event.type not in HANDLERS:
        raise CurulError(f"unknown event type {event.type!r} (known: {', '.join(HANDLERS)})")
    if event.date < state.date:
        raise CurulError(f"event {event.title} on {event.date} is before the state's date {state.date}")
    chosen = resolve_options(options)
    regime = regime_for_date(event.date)
    run = Run(regime, event, chosen)
    working = replace(state, date=event.date)
    if regime.id != state.regime:
        names = {c.name for c in regime.chambers}
        dropped = [b.chamber for b in working.boards if b.chamber not in names]
        working = replace(
            working,
            regime=regime.id,
            boards=tuple(b for b in working.boards if b.chamber in names),
            dissolved=tuple(c for c in working.dissolved if c in names),
            councils=tuple(c for c in working.councils if c.chamber in names),
            motion=None,
            president_board_post=None if dropped else working.president_board_post,
        )
        text = f"regime {regime.id} in force from {regime.valid_from.isoformat()}"
        if dropped:
            text += f"; the board of {', '.join(dropped)} ends with its chamber"
        run.step(
            "info", regime.succession_rule.rule_id, regime.title, text, sources=regime.chambers[0].sources
        )
    try:
        new_state = HANDLERS[event.type](run, working)
    except Refused:
        return replace(state, date=event.date), Trace(tuple(run.steps))
    return new_state, Trace(tuple(run.steps))
