"""How good the motion model is, out of sample: fit before a cut-off and score every later vote against
the baseline (each group voting as it did last time); and the presidential-vacancy votes, each
predicted from the votes before its day, with the threshold the constitution engine gives it.

Brier score of P(pass), mean absolute error of the yes count, and accuracy, for the model and the
baseline side by side. The results give ``as_dict()``, ``report()`` and ``to_frame()``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from curul.congress import resolve_threshold
from curul.errors import CurulError
from curul.report import Column, Presentable, Report, Span, Table
from curul.rollcalls._outcomes import MotionModel
from curul.rollcalls._predictions import Prediction, prediction_table
from curul.rollcalls._rollcalls import RollCalls
from curul.rollcalls._votes import motion_kind

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class Evaluation(Presentable):
    """Out-of-sample scores of the model and the baseline on the votes from ``cutoff`` on."""

    cutoff: dt.date
    votes: int
    brier_model: float
    brier_baseline: float
    mae_model: float
    mae_baseline: float
    accuracy_model: float
    accuracy_baseline: float
    predictions: tuple[Prediction, ...]

    def as_dict(self, with_votes: bool = True) -> dict[str, Any]:
        """The scores, and each vote's prediction unless ``with_votes`` is false."""
        out: dict[str, Any] = {k: getattr(self, k) for k in self.__dataclass_fields__ if k != "predictions"}
        if with_votes:
            out["predictions"] = [p.as_dict() for p in self.predictions]
        return out

    def to_frame(self) -> pd.DataFrame:
        """One row per vote predicted."""
        import pandas as pd

        return pd.DataFrame([p.as_dict() for p in self.predictions], columns=list(Prediction.json_keys))

    def report(self) -> Report:
        table = Table.build(
            [Column(c, align="right") for c in ("", "model", "baseline (previous vote)")],
            [
                ["Brier (pass/fail)", f"{self.brier_model:.4f}", f"{self.brier_baseline:.4f}"],
                ["MAE yes count", f"{self.mae_model:.2f}", f"{self.mae_baseline:.2f}"],
                ["accuracy", f"{self.accuracy_model:.1%}", f"{self.accuracy_baseline:.1%}"],
            ],
            title=f"Out of sample: fit before {self.cutoff}, {self.votes} later votes",
        )
        return Report.of(table)


def evaluate(
    rc: RollCalls,
    cutoff: dt.date,
    *,
    until: dt.date | None = None,
    model: MotionModel | None = None,
    progress: Callable[[float], object] | None = None,
    cache: bool = False,
) -> Evaluation:
    """Fit on the votes before ``cutoff``, predict every vote from ``cutoff`` (to ``until``, excluded);
    ``progress(fraction)`` hears how far the run has gone; ``cache`` as in :meth:`MotionModel.fit`."""
    model = model or MotionModel()
    later = rc.between(cutoff, until)
    if later.n_votes == 0:
        raise CurulError(f"no votes on or after {cutoff}")
    # the fit takes about a third of the run, the predictions the rest
    fit_share = 0.3
    report = (lambda f: progress(fit_share * f)) if progress is not None else None
    model.fit(rc, before=cutoff, progress=report, cache=cache)
    later_report = (lambda f: progress(fit_share + (1 - fit_share) * f)) if progress is not None else None
    preds = model.predict_votes(rc, list(later.votes["vote_id"]), progress=later_report)
    outcome = np.array([p.passed for p in preds], dtype=float)
    p_model = np.array([p.p_pass for p in preds])
    p_base = np.array([p.baseline_pass for p in preds], dtype=float)
    yes = np.array([p.recorded_yes for p in preds])
    return Evaluation(
        cutoff,
        len(preds),
        float(np.mean((p_model - outcome) ** 2)),
        float(np.mean((p_base - outcome) ** 2)),
        float(np.mean(np.abs(np.array([p.expected_yes for p in preds]) - yes))),
        float(np.mean(np.abs(np.array([p.baseline_yes for p in preds]) - yes))),
        float(np.mean((p_model >= 0.5) == outcome)),
        float(np.mean(p_base == outcome)),
        tuple(preds),
    )


@dataclass(frozen=True)
class VacancyVote:
    """A presidential-vacancy vote, the procedure it belongs to and the votes it needed."""

    vote_id: str
    procedure: str  # vacancy.admission or vacancy.approval
    habiles: int
    threshold: int
    arithmetic: str


def vacancy_votes(rc: RollCalls) -> tuple[VacancyVote, ...]:
    """Admissions and final votes on presidential vacancy in the data, with their thresholds."""
    out = []
    for _, row in rc.votes.iterrows():
        if motion_kind(row["subject"]) != "vacancy":
            continue
        procedure = "vacancy.admission" if row["subject"].upper().startswith("ADMISI") else "vacancy.approval"
        habiles = rc.habiles(row["vote_id"])
        quota = resolve_threshold(procedure, date=row["date"].date(), habiles=habiles)
        out.append(VacancyVote(row["vote_id"], procedure, habiles, quota.votes, quota.arithmetic))
    return tuple(out)


@dataclass(frozen=True)
class VacancyPredictions(Presentable):
    """Each presidential-vacancy vote, predicted by a model fitted on the votes before its day.

    Iterating gives the (vote, prediction) pairs.
    """

    items: tuple[tuple[VacancyVote, Prediction], ...]

    def __iter__(self) -> Iterator[tuple[VacancyVote, Prediction]]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def _rows(self) -> list[dict[str, Any]]:
        return [
            {"procedure": v.procedure, "habiles": v.habiles, "arithmetic": v.arithmetic} | p.as_dict()
            for v, p in self.items
        ]

    def as_dict(self) -> dict[str, Any]:
        return {"vacancies": self._rows()}

    def to_frame(self) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame(self._rows())

    def report(self) -> Report:
        title = "Presidential-vacancy votes, predicted by a model fitted on the votes before each day"
        notes = (
            Span(f"{v.vote_id}: {v.procedure}, {v.arithmetic} ({v.habiles} hábiles)", "dim")
            for v, _ in self.items
        )
        return Report.of(prediction_table([p for _, p in self.items], title), *notes)


def predict_vacancies(
    rc: RollCalls,
    *,
    dims: int = 1,
    anchor: str | None = None,
    basis: str = "ideal",
    progress: Callable[[float], object] | None = None,
    cache: bool = False,
) -> VacancyPredictions:
    """Each vacancy vote predicted by a model fitted on the votes before its day; ``progress(fraction)``
    after each day's fit and predictions."""
    votes = vacancy_votes(rc)
    dates = rc.votes.set_index("vote_id")["date"]
    days = sorted({dates[v.vote_id].date() for v in votes})
    out: list[tuple[VacancyVote, Prediction]] = []
    for k, day in enumerate(days):
        mine = [v for v in votes if dates[v.vote_id].date() == day]
        model = MotionModel(dims=dims, anchor=anchor, basis=basis).fit(rc, before=day, cache=cache)
        preds = model.predict_votes(rc, [v.vote_id for v in mine], [v.threshold for v in mine])
        out.extend(zip(mine, preds, strict=True))
        if progress is not None:
            progress((k + 1) / len(days))
    order = {v.vote_id: i for i, v in enumerate(votes)}
    return VacancyPredictions(tuple(sorted(out, key=lambda item: order[item[0].vote_id])))
