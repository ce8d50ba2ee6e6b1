"""The transitions of the presidency 2016-2026: who left, who came in, and the events that did it.

A transition is the change from one president to the next. Its events are read off the replay by one
stated rule, so a reader can check which steps are shown:

* the *deciding* events: every event dated from the day the outgoing president left office up to the
  day the successor took office (the vacancy vote, the accepted resignation, the censure and board
  election, the inauguration...);
* the *lead-up*: the earlier events of the procedure that ended the tenure, within
  :data:`LEAD_UP_DAYS` days before the outgoing president left and after they took office — the
  admission of the vacancy motion that was carried (only those after the last vacancy vote that
  failed), the resignation letter, the runoff that elected the successor at the end of a term.

Each event keeps its full trace: procedure (event type), votes, threshold arithmetic, rule, article and
sources, exactly as ``curul history --events`` prints them.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from curul.constitution import Event, PresidentRow, Replay, Trace
from curul.history._timeline import replay_history
from curul.report import Line, Presentable, Report, Span, Table

if TYPE_CHECKING:
    import pandas as pd

LEAD_UP_DAYS = 60
# The event types that can open the procedure ending a tenure.
LEAD_UP_TYPES = frozenset(
    {"vacancy_filing", "vacancy_admission", "resignation", "general_election", "suspension"}
)


@dataclass(frozen=True)
class TransitionEvent:
    """One event of a transition with its outcome and trace; ``deciding`` is false for the lead-up."""

    event: Event
    outcome: str
    trace: Trace
    deciding: bool

    def as_dict(self) -> dict[str, Any]:
        return {
            **self.event.as_dict(),
            "outcome": self.outcome,
            "deciding": self.deciding,
            "trace": [s.as_dict() for s in self.trace],
        }


@dataclass(frozen=True)
class Transition:
    """President ``outgoing`` left office on ``left`` and ``incoming`` took it on ``took``."""

    number: int
    outgoing: PresidentRow
    incoming: PresidentRow
    events: tuple[TransitionEvent, ...]

    @property
    def left(self) -> dt.date:
        return dt.date.fromisoformat(self.outgoing.until or self.incoming.since)

    @property
    def took(self) -> dt.date:
        return dt.date.fromisoformat(self.incoming.since)

    def as_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "outgoing": self.outgoing.name,
            "incoming": self.incoming.name,
            "left": self.left,
            "took": self.took,
            "left_office": self.outgoing.left_office,
            "took_office": self.incoming.took_office,
            "events": [e.as_dict() for e in self.events],
        }


def _is_presidential(event: Event) -> bool:
    return event.type not in ("vacancy_filing", "vacancy_admission", "suspension") or (
        event.target in (None, "president")
    )


def _events_of(
    replayed: Replay, outgoing: PresidentRow, incoming: PresidentRow
) -> tuple[TransitionEvent, ...]:
    since = dt.date.fromisoformat(outgoing.since)
    left = dt.date.fromisoformat(outgoing.until or incoming.since)
    took = dt.date.fromisoformat(incoming.since)
    earliest = max(since, left - dt.timedelta(days=LEAD_UP_DAYS))
    steps = replayed.steps
    failed_votes = [
        e.date
        for e, _, outcome in steps
        if e.type == "vacancy_vote" and outcome == "failed" and e.date < left
    ]
    if failed_votes:
        earliest = max(earliest, failed_votes[-1] + dt.timedelta(days=1))
    chosen = []
    for event, trace, outcome in steps:
        if left <= event.date <= took:
            chosen.append(TransitionEvent(event, outcome, trace, deciding=True))
        elif earliest < event.date < left and event.type in LEAD_UP_TYPES and _is_presidential(event):
            chosen.append(TransitionEvent(event, outcome, trace, deciding=False))
    return tuple(chosen)


@dataclass(frozen=True)
class Transitions(Presentable):
    """Every transition of the presidency in the bundled history, in order."""

    presidents: tuple[PresidentRow, ...]
    transitions: tuple[Transition, ...]

    def get(self, number: int) -> Transition | None:
        """Transition ``number`` (1 is the first change of president), or ``None``."""
        return next((t for t in self.transitions if t.number == number), None)

    def as_dict(self) -> dict[str, Any]:
        return {
            "presidents": [p.as_dict() for p in self.presidents],
            "transitions": [t.as_dict() for t in self.transitions],
        }

    def to_frame(self) -> pd.DataFrame:
        """One row per transition: who left and came in, on which dates, how, and how many events."""
        import pandas as pd

        rows = [
            {
                "number": t.number,
                "outgoing": t.outgoing.name,
                "incoming": t.incoming.name,
                "left": t.left,
                "took": t.took,
                "left_office": t.outgoing.left_office,
                "took_office": t.incoming.took_office,
                "events": len(t.events),
            }
            for t in self.transitions
        ]
        return pd.DataFrame(rows).set_index("number")

    def report(self) -> Report:
        rows = [
            [
                str(t.number),
                t.left.isoformat(),
                t.outgoing.name,
                t.incoming.name,
                t.outgoing.left_office or "",
            ]
            for t in self.transitions
        ]
        blocks: list[Line | Table] = [
            Table.build(["#", "date", "outgoing", "incoming", "how"], rows, title="Transitions 2016-2026")
        ]
        for t in self.transitions:
            blocks.append(Line.of([Span(f"{t.number}. {t.outgoing.name} → {t.incoming.name}", "bold")]))
            for item in t.events:
                blocks.append(Line.of(f"{item.event.date} {item.event.title} — {item.outcome}"))
                blocks.extend(item.trace.lines())
        return Report(tuple(blocks))


def transitions() -> Transitions:
    """The transitions of the bundled history (see the module docstring for which events each shows)."""
    replayed = replay_history()
    rows = replayed.presidents
    found = tuple(
        Transition(i, outgoing, incoming, _events_of(replayed, outgoing, incoming))
        for i, (outgoing, incoming) in enumerate(itertools.pairwise(rows), start=1)
    )
    return Transitions(rows, found)
