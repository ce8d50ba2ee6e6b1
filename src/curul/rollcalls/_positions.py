"""Members' ideal points as a result: their fitted positions, each group's mean, and what the fit left
out (lopsided votes, members with few votes).

:class:`IdealPoints` is the estimator (settings, ``fit``, learned attributes); :func:`ideal_points` fits
it on a window of roll calls and gives what ``curul rollcalls ideal`` shows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pandas as pd

from curul.report import Column, Presentable, Report, Table
from curul.rollcalls._cohesion import attendance
from curul.rollcalls._ideal import IdealPoints
from curul.rollcalls._rollcalls import RollCalls, find_member


@dataclass(frozen=True, eq=False)
class IdealPointsFit(Presentable):
    """Every member's position (``members``: member, dim1[, dim2], group) and the ``group_means``; the
    positive side of each dimension is the ``anchor``'s: a member given, else the pole group. ``plot``
    is the chart written from it, if any."""

    dims: int
    anchor: str
    votes_used: int
    lopsided_excluded: int
    iterations: int
    members: pd.DataFrame
    group_means: pd.DataFrame
    model: IdealPoints = field(repr=False)
    plot: str | None = None

    def with_plot(self, path: str | Path) -> IdealPointsFit:
        """The same result, naming the chart written from it."""
        return replace(self, plot=str(path))

    def as_dict(self) -> dict[str, Any]:
        return {
            "dims": self.dims,
            "anchor": self.anchor,
            "votes_used": self.votes_used,
            "lopsided_excluded": self.lopsided_excluded,
            "iterations": self.iterations,
            "members": self.members.to_dict("records"),
            "group_means": {g: [float(v) for v in row] for g, row in self.group_means.iterrows()},
            "plot": self.plot,
        }

    def to_frame(self) -> pd.DataFrame:
        """The members and their positions, by the first dimension."""
        return self.members.copy()

    def report(self) -> Report:
        columns = [Column("group"), *(Column(str(c), align="right") for c in self.group_means.columns)]
        rows = [[str(g), *(f"{v:+.2f}" for v in row)] for g, row in self.group_means.iterrows()]
        return Report.of(
            f"{len(self.model.members_)} members, {self.votes_used} contested votes "
            f"({self.lopsided_excluded} lopsided excluded); positive = side of {self.anchor}",
            Table.build(columns, rows, title="Group means"),
            f"chart: {self.plot}" if self.plot else None,
        )


def ideal_points(
    rc: RollCalls,
    *,
    dims: int = 1,
    anchor: str | None = None,
    progress: Callable[[float], object] | None = None,
    cache: bool = False,
) -> IdealPointsFit:
    """Ideal points of every member (probit IRT, lopsided votes left out) in ``dims`` dimensions.

    ``anchor``: a member's name, or part of it (accents and case ignored), placed on the positive side;
    by default every axis points to the pole, the largest parliamentary group (FP on the 2021–2026
    roll calls; see :func:`curul.rollcalls._ideal.pole_group`). ``progress(fraction)`` hears how far the
    fit has converged; with ``cache``, a fit of the same roll calls (by checksum) and settings is
    reused, or this one kept for next time (see :mod:`curul.rollcalls._models`).
    """
    if anchor is not None:
        anchor = find_member(rc, anchor, argument="anchor")
    model = IdealPoints(dims=dims, anchor=anchor)
    settings = {"dims": dims, "anchor": anchor, "method": model.method}
    arrays = None
    if cache:
        from curul.rollcalls._models import load_model

        arrays = load_model("ideal", rc.checksum(), settings)
    if arrays is not None:
        from curul.rollcalls._model_arrays import ideal_from_arrays

        ideal_from_arrays(model, arrays)
    else:
        model.fit(rc, progress=progress)
        if cache:
            from curul.rollcalls._model_arrays import ideal_arrays
            from curul.rollcalls._models import save_model

            save_model("ideal", rc.checksum(), settings, ideal_arrays(model))
    frame = model.frame(attendance(rc).set_index("member")["group"])
    means = frame.groupby("group")[[f"dim{k + 1}" for k in range(dims)]].mean().sort_values("dim1")
    return IdealPointsFit(
        dims, model.pole_, len(model.votes_), model.excluded_lopsided_, model.n_iter_, frame, means, model
    )
