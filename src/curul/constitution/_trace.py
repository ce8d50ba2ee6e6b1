"""The trace an engine step writes: what happened, under which rule and article, with which numbers.

A :class:`TraceStep` is one explained step; a :class:`Trace` is the steps of one event (what ``apply``
returns) or of a whole replay. Both are results: ``as_dict()``, ``report()`` and, for a trace,
``to_frame()``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, overload

from curul.report import Line, Presentable, Report, Span, Table

if TYPE_CHECKING:
    import pandas as pd

# How an outcome is shown: passed, failed, refused, applied, info.
OUTCOME_STYLES = {"passed": "ok", "failed": "warn", "refused": "bad", "applied": "info", "info": "dim"}


def outcome_span(outcome: str) -> Span:
    """An outcome word in its style."""
    return Span(outcome, OUTCOME_STYLES.get(outcome, ""))


@dataclass(frozen=True)
class TraceStep(Presentable):
    """One explained step: what happened, under which rule and article, with which numbers and sources."""

    date: dt.date
    event: str
    type: str
    outcome: str  # passed | failed | refused | applied | info
    rule: str
    article: str
    text: str
    arithmetic: str = ""
    sources: tuple[str, ...] = ()
    reading: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "date": self.date,
            "event": self.event,
            "type": self.type,
            "outcome": self.outcome,
            "rule": self.rule,
            "article": self.article,
            "text": self.text,
            "arithmetic": self.arithmetic,
            "sources": list(self.sources),
            "reading": self.reading,
        }

    def summary(self) -> str:
        """``rule: text (arithmetic)`` on one line (``-`` for a step that names no rule)."""
        arithmetic = f"  ({self.arithmetic})" if self.arithmetic else ""
        return f"{self.rule or '-'}: {self.text}{arithmetic}"

    def report(self) -> Report:
        return Report.of([outcome_span(self.outcome), f" {self.summary()}"])


@dataclass(frozen=True)
class Trace(Presentable):
    """Trace steps in order; iterates, indexes and measures like the tuple of its steps."""

    steps: tuple[TraceStep, ...] = ()

    def __iter__(self) -> Iterator[TraceStep]:
        return iter(self.steps)

    def __len__(self) -> int:
        return len(self.steps)

    @overload
    def __getitem__(self, index: int) -> TraceStep: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[TraceStep, ...]: ...
    def __getitem__(self, index: int | slice) -> TraceStep | tuple[TraceStep, ...]:
        return self.steps[index]

    @property
    def outcome(self) -> str:
        return outcome_of(self.steps)

    def as_dict(self) -> dict[str, Any]:
        return {"trace": [step.as_dict() for step in self.steps]}

    def to_frame(self) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame([step.as_dict() for step in self.steps], columns=list(_COLUMNS))

    def table(self) -> Table:
        """The steps as a table: date, outcome, rule, what happened, arithmetic."""
        rows: list[list[str | Span]] = [
            [str(s.date), outcome_span(s.outcome), s.rule, s.text, s.arithmetic] for s in self.steps
        ]
        return Table.build(["date", "outcome", "rule", "what happened", "arithmetic"], rows)

    def report(self) -> Report:
        return Report.of(self.table())

    def lines(self, indent: str = "   ") -> tuple[Line, ...]:
        """Each step on one unwrapped line, ``rule: text (arithmetic)``."""
        return tuple(Line.of(f"{indent}{step.summary()}", "soft") for step in self.steps)


_COLUMNS = TraceStep.__dataclass_fields__.keys()


def outcome_of(trace: Iterable[TraceStep]) -> str:
    """An event's outcome: refused if any step refused it, else its vote's result, else ``applied``."""
    outcomes = [s.outcome for s in trace]
    if "refused" in outcomes:
        return "refused"
    for value in outcomes:
        if value in ("passed", "failed"):
            return value
    return "applied"
