"""Roll-call model speed: the Newton ideal-point fit and the batched Fourier predictions against the
previous implementation (EM + L-BFGS fit, vote-by-vote convolution), run in the same process.

Run: ``.venv/bin/python benchmarks/bench_rollcalls.py [--quick]`` (needs ../shared/data/rollcalls).
Prints wall times, their ratio (goal ≥ 10×) and the largest difference in the estimates: positions (unit
variance), P(yes) of every fitted (member, vote), and the evaluation's P(pass) and E(yes); then the
commands ``predict --vacancies``, ``--vote`` and ``--kind`` (fit and prediction) both ways. No model
cache is used. The ballots' integer codes (``_codes.py``, kept on the imported roll calls) are computed
before any timing: both paths use them. ``--quick`` scores one month instead of every vote from
2023-01-01 on. Run with ``OPENBLAS_NUM_THREADS=1`` (one BLAS thread, as measured in the README).
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

import numpy as np

from curul.rollcalls import IdealPoints, MotionModel, forecast_motion, import_rollcalls, vacancy_votes
from curul.rollcalls._codes import ballot_codes
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
    ballot_codes(rc)
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

    commands(rc)


def commands(rc) -> None:
    """``predict --vacancies``, ``--vote`` and ``--kind`` as the command runs them, new against previous."""
    print("\n== commands (fit on the votes before each day, then predict) ==")
    votes = vacancy_votes(rc)
    dates = rc.votes.set_index("vote_id")["date"]
    days = sorted({dates[v.vote_id].date() for v in votes})

    def vacancies(method: str) -> list:
        out = []
        for day in days:
            mine = [v for v in votes if dates[v.vote_id].date() == day]
            model = MotionModel(method=method).fit(rc, before=day)
            if method == "lbfgs":
                out += [reference_predict_vote(model, rc, v.vote_id, v.threshold) for v in mine]
            else:
                out += model.predict_votes(rc, [v.vote_id for v in mine], [v.threshold for v in mine])
        return out

    ref, t_ref = timed(lambda: vacancies("lbfgs"))
    new, t_new = timed(lambda: vacancies("newton"))
    dp = max(abs(a.p_pass - b.p_pass) for a, b in zip(new, ref, strict=True))
    row(f"--vacancies ({len(days)} fits, {len(votes)} votes)", t_new, t_ref, f"max |ΔP(pass)| {dp:.1e}")
    vid, day = "2022-03-28T23-19", dt.date(2022, 3, 28)  # the final Castillo vacancy vote, 87 needed
    ref, t_ref = timed(
        lambda: reference_predict_vote(MotionModel(method="lbfgs").fit(rc, before=day), rc, vid, 87)
    )
    new, t_new = timed(lambda: MotionModel().fit(rc, before=day).predict_vote(rc, vid, 87))
    row(f"--vote {vid} -t 87", t_new, t_ref, f"|ΔP(pass)| {abs(new.p_pass - ref.p_pass):.1e}")
    ref, t_ref = timed(lambda: forecast_motion(rc, "vacancy", model=MotionModel(method="lbfgs")))
    new, t_new = timed(lambda: forecast_motion(rc, "vacancy", model=MotionModel()))
    row("--kind vacancy (all 2,226 votes)", t_new, t_ref,
        f"P(pass) {new.p_pass:.3f} vs {ref.p_pass:.3f}, threshold {new.threshold}")  # fmt: skip


if __name__ == "__main__":
    main()
