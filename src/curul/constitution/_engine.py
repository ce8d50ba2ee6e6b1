"""The engine: ``apply(state, event) -> (state, trace)``.

The engine knows the shape of Peru's procedures (who succeeds whom, what a censure does); every number,
rule id, article and source comes from the regime in force on the event's date (a bundled regime, or one
of the ``regimes`` given in its place), and every step of the trace names them. A motion that fails
changes nothing but is traced; an event the rules forbid is refused with the reason and leaves the state
as it was.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import replace

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
    regime = regime_for_date(event.date, regime_set(regimes))
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
        run.step("info", regime.provision("in_force"), text, evidence="rule")
    try:
        new_state = HANDLERS[event.type](run, working)
    except Refused:
        return replace(state, date=event.date), Trace(tuple(run.steps))
    return new_state, Trace(tuple(run.steps))
