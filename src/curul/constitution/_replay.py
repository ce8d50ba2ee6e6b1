"""A replay: events applied in order through the engine, with each event's trace and outcome.

As a result it shows who governed: the presidents table (``to_frame()``), and with ``show_events`` every
event with its outcome and trace (what ``curul history --events`` prints).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from curul.constitution._engine import apply, initial_state
from curul.constitution._events import Event
from curul.constitution._readings import resolve_options
from curul.constitution._regime_file import RegimeSource, regime_set
from curul.constitution._state import State
from curul.constitution._trace import Trace, outcome_span
from curul.errors import CurulError
from curul.report import Line, Presentable, Report, Span, Table

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class PresidentRow:
    """One row of the presidents table: who, from when to when, how they came and how they left."""

    number: int
    name: str
    since: str
    until: str | None
    took_office: str
    left_office: str | None

    def as_dict(self) -> dict[str, object]:
        return {
            "number": self.number,
            "name": self.name,
            "since": self.since,
            "until": self.until,
            "took_office": self.took_office,
            "left_office": self.left_office,
        }


@dataclass(frozen=True)
class Replay(Presentable):
    """The state after a sequence of events, the trace of each event and its outcome.

    ``title`` heads the presidents table; ``show_events`` adds every event to ``as_dict()`` and
    ``report()``. Neither takes part in comparisons.
    """

    state: State
    steps: tuple[tuple[Event, Trace, str], ...] = field(default=())
    title: str = field(default="Presidents (replayed)", compare=False)
    show_events: bool = field(default=True, compare=False)

    @property
    def trace(self) -> Trace:
        """Every step of every event, in order."""
        return Trace(tuple(step for _, trace, _ in self.steps for step in trace))

    @property
    def presidents(self) -> tuple[PresidentRow, ...]:
        """The presidents in order, as the replay produced them."""
        return tuple(
            PresidentRow(
                number=i,
                name=t.name,
                since=t.since.isoformat(),
                until=t.until.isoformat() if t.until else None,
                took_office=t.via,
                left_office=t.left,
            )
            for i, t in enumerate(self.state.presidents, start=1)
        )

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"presidents": [r.as_dict() for r in self.presidents]}
        if self.show_events:
            data["events"] = [
                {**event.as_dict(), "outcome": outcome, "trace": [s.as_dict() for s in trace]}
                for event, trace, outcome in self.steps
            ]
        return data

    def to_frame(self) -> pd.DataFrame:
        """The presidents table, indexed by number."""
        import pandas as pd

        return pd.DataFrame([r.as_dict() for r in self.presidents]).set_index("number")

    def report(self) -> Report:
        rows = [
            [str(r.number), r.name, r.since, r.until or "", r.took_office, r.left_office or ""]
            for r in self.presidents
        ]
        columns = ["#", "president", "in", "out", "took office", "left office"]
        report = Report.of(Table.build(columns, rows, title=self.title))
        if not self.show_events:
            return report
        blocks: list[Line] = []
        for event, trace, outcome in self.steps:
            blocks.append(Line.of(""))
            blocks.append(
                Line.of([Span(str(event.date), "bold"), f" {event.title} — ", outcome_span(outcome)])
            )
            blocks.extend(trace.lines())
        return report + Report(tuple(blocks))


def replay(
    events: tuple[Event, ...],
    options: Mapping[str, str] | None = None,
    state: State | None = None,
    regimes: Iterable[RegimeSource] | None = None,
) -> Replay:
    """Apply ``events`` in order, from ``state`` (default: empty on the first event's date), under the
    bundled regimes or the ``regimes`` given in their place over the dates they cover."""
    chosen = resolve_options(options)
    given = regime_set(regimes)
    if state is None:
        if not events:
            raise CurulError("nothing to replay")
        state = initial_state(events[0].date, given)
    steps = []
    for event in events:
        state, trace = apply(state, event, chosen, given)
        steps.append((event, trace, trace.outcome))
    return Replay(state=state, steps=tuple(steps))
