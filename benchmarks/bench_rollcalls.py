"""Roll-call model speed: the Newton ideal-point fit and the batched Fourier predictions against the
previous implementation (EM + L-BFGS fit, vote-by-vote convolution), run in the same process.

Run: ``.venv/bin/python benchmarks/bench_rollcalls.py [--quick]`` (needs ../shared/data/rollcalls).
Prints wall times, their ratio (goal ≥ 10×) and the largest difference in the estimates: positions (unit
variance), P(yes) of every fitted (member, vote), and the evaluation's P(pass) and E(yes). No model
cache is used. ``--quick`` scores one month instead of every vote from 2023-01-01 on.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

import numpy as np

from curul.rollcalls import IdealPoints, MotionModel, import_rollcalls
from curul.rollcalls._reference import reference_predict_vote

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "rollcalls"


def timed(fn):
    start = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - start


def row(label: str, fast: float, ref: float, diff: str) -> None:
    print(f"{label:<44} new {fast:8.2f} s   previous {ref:8.2f} s   ratio {ref / fast:6.1f}x   {diff}")


def main() -> None:
    quick = "--quick" in sys.argv
    rc = import_rollcalls(DATA)
    print(f"{rc.n_votes} votes, {len(rc.ballots)} ballots\n")
    print("== ideal points (all votes) ==")
    for dims in (1, 2):
        ref, t_ref = timed(lambda d=dims: IdealPoints(dims=d, method="lbfgs").fit(rc))
        new, t_new = timed(lambda d=dims: IdealPoints(dims=d).fit(rc))
        dx = np.abs(new.x_ - ref.x_).max()
        dp = np.abs(new.probabilities() - ref.probabilities()).max()
        row(f"{dims}-D fit ({new.n_iter_} vs {ref.n_iter_} iterations)", t_new, t_ref,
            f"max |Δx| {dx:.1e}, max |ΔP(yes)| {dp:.1e}")  # fmt: skip

    cutoff = dt.date(2023, 1, 1)
    until = dt.date(2023, 2, 1) if quick else None
    votes = list(rc.between(cutoff, until).votes["vote_id"])
    print(f"\n== evaluation: fit before {cutoff}, predict {len(votes)} later votes ==")
    ref_model, t_fit_ref = timed(lambda: MotionModel(method="lbfgs").fit(rc, before=cutoff))
    new_model, t_fit_new = timed(lambda: MotionModel().fit(rc, before=cutoff))
    row("motion-model fit", t_fit_new, t_fit_ref, "")
    ref_preds, t_ref = timed(lambda: [reference_predict_vote(ref_model, rc, v) for v in votes])
    new_preds, t_new = timed(lambda: new_model.predict_votes(rc, votes))
    row(f"{len(votes)} predictions", t_new, t_ref, "")
    same, _ = timed(lambda: ref_model.predict_votes(rc, votes))
    dp = max(abs(a.p_pass - b.p_pass) for a, b in zip(same, ref_preds, strict=True))
    dy = max(abs(a.expected_yes - b.expected_yes) for a, b in zip(same, ref_preds, strict=True))
    print(f"{'  same fitted model, laws only':<44} max |ΔP(pass)| {dp:.1e}, max |ΔE(yes)| {dy:.1e}")
    row("whole evaluation (fit + predictions)", t_fit_new + t_new, t_fit_ref + t_ref, "")
    dp = max(abs(a.p_pass - b.p_pass) for a, b in zip(new_preds, ref_preds, strict=True))
    dy = max(abs(a.expected_yes - b.expected_yes) for a, b in zip(new_preds, ref_preds, strict=True))
    print(f"{'  new fit against previous fit':<44} max |ΔP(pass)| {dp:.1e}, max |ΔE(yes)| {dy:.2f}")


if __name__ == "__main__":
    main()
