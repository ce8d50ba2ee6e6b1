"""What the motion model says, as results: a recorded vote predicted beside its record, and a motion not
yet voted.

Each gives ``as_dict()`` (the ``--json`` keys), ``report()`` (``__rich__`` and ``_repr_html_`` come from
it) and ``to_frame()``: the prediction's row, or the law of a new motion's yes count.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from curul.report import Column, Presentable, Report, Table

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class Prediction(Presentable):
    """Predicted versus recorded result of one vote (``cutoff``: the model saw the votes before it)."""

    vote_id: str
    date: dt.date
    kind: str
    voters: int
    threshold: int | None  # None: simple majority (yes > no)
    expected_yes: float
    yes_low: int  # 5 % quantile of the yes count
    yes_high: int  # 95 % quantile
    p_pass: float
    recorded_yes: int
    recorded_no: int
    recorded_abstain: int
    passed: bool
    baseline_yes: int
    baseline_pass: bool
    cutoff: dt.date | None = None

    json_keys = (
        "vote_id", "date", "kind", "voters", "threshold", "expected_yes", "yes_low", "yes_high", "p_pass",
        "recorded_yes", "recorded_no", "recorded_abstain", "passed", "baseline_yes", "baseline_pass",
    )  # fmt: skip

    def as_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.json_keys}

    def to_frame(self) -> pd.DataFrame:
        """One row: the vote's prediction, the ``--json`` keys as columns."""
        import pandas as pd

        return pd.DataFrame([self.as_dict()], columns=list(self.json_keys))

    def report(self) -> Report:
        title = f"Vote {self.vote_id}"
        if self.cutoff is not None:
            title += f" (model fitted on votes before {self.cutoff})"
        return Report.of(prediction_table([self], title))


def prediction_table(predictions: Iterable[Prediction], title: str) -> Table:
    """Predicted E(yes) with its 90 % interval and P(pass), beside the record and the baseline."""
    columns = [
        Column(c, align="left" if c in ("vote", "kind") else "right")
        for c in ("vote", "kind", "needed", "E(yes) (90%)", "P(pass)", "recorded", "passed", "baseline yes")
    ]
    rows = [
        [
            p.vote_id, p.kind, "yes>no" if p.threshold is None else str(p.threshold),
            f"{p.expected_yes:.1f} ({p.yes_low}–{p.yes_high})", f"{p.p_pass:.2f}",
            f"{p.recorded_yes}-{p.recorded_no}-{p.recorded_abstain}", "yes" if p.passed else "no",
            f"{p.baseline_yes} ({'pass' if p.baseline_pass else 'fail'})",
        ]
        for p in predictions
    ]  # fmt: skip
    return Table.build(columns, rows, title=title)


@dataclass(frozen=True)
class MotionForecast(Presentable):
    """A motion that has not been voted: the law of its yes count among the hábiles of a date."""

    kind: str
    on: dt.date
    habiles: int
    threshold: int | None
    expected_yes: float
    yes_low: int
    yes_high: int
    p_pass: float
    yes_distribution: tuple[float, ...]

    def as_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}

    def to_frame(self) -> pd.DataFrame:
        """P(yes = k) for k = 0 … hábiles."""
        import pandas as pd

        return pd.DataFrame({"yes": range(len(self.yes_distribution)), "probability": self.yes_distribution})

    def report(self) -> Report:
        needed = "yes > no" if self.threshold is None else f"{self.threshold} yes"
        interval = f"90 %: {self.yes_low}–{self.yes_high}"
        return Report.of(
            f"A new {self.kind} motion on {self.on} among {self.habiles} hábiles (needs {needed}): "
            f"E(yes) {self.expected_yes:.1f} ({interval}), P(pass) {self.p_pass:.2f}"
        )
