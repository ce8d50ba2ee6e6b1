"""A replay: events applied in order through the engine, with each event's trace and outcome."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from curul.constitution._engine import apply, initial_state
from curul.constitution._events import Event
from curul.constitution._readings import resolve_options
from curul.constitution._state import State
from curul.constitution._trace import TraceStep, outcome_of
from curul.errors import CurulError


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
