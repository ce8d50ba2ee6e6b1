"""Motion outcomes: the distribution of yes votes and the chance of reaching a threshold.

Model (fit on the votes before a cut-off date):

1. members' positions x_i from the probit ideal-point model (``IdealPoints``), members without enough
   votes take their group's mean;
2. every past vote j gets its own (α_j, β_j) given those positions (ridge probit, lopsided votes
   included), and a *kind* read from its subject (vacancy, control motion, procedural, bill…);
3. a new motion of kind c is, a priori, like one of the last ``window`` past votes of kind c: its yes
   count is the mixture, over those (α, β), of Poisson-binomial counts among the members who vote,
   with P(yes) = (1 − r_i)·Φ(α + β·x_i) and P(abstain) = r_i (member i's past abstention rate).

The outcome is predicted *given attendance*: the members who cast a ballot (yes, no or abstain) are
taken as known, as the quorum call precedes the vote. The baseline gets the same knowledge: each
group votes as its plurality did in the group's previous vote.

A motion passes when yes ≥ threshold if a threshold is given (procedures), otherwise when yes > no
(simple majority of the votes cast; the data has no result column, so this rule defines "passed").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from scipy.special import ndtr, ndtri

from curul.congress import resolve_threshold
from curul.errors import ArgumentError, CurulError
from curul.rollcalls._cohesion import attendance as attendance_table
from curul.rollcalls._ideal import IdealPoints
from curul.rollcalls._ideal_math import vote_modes
from curul.rollcalls._laws import batch_laws, batch_yes_laws
from curul.rollcalls._predictions import MotionForecast, Prediction
from curul.rollcalls._rollcalls import NOT_HABIL, RollCalls, vote_on
from curul.rollcalls._votes import MOTION_KINDS, motion_kind

# a vacancy motion is a control motion: its prior pools both kinds (a handful of vacancy votes alone
# would make an overconfident prior)
POOLS = {"vacancy": ("vacancy", "control")}
#: The procedure a new motion of a kind needs when no threshold is given (a vacancy is carried by two
#: thirds of the legal number, Const. Art. 113; the constitution engine gives the count).
KIND_PROCEDURES = {"vacancy": "vacancy.approval"}


@dataclass
class MotionModel:
    """Yes-count model of a motion; ``fit(rc, before=date)`` learns from the votes before ``date``."""

    dims: int = 1
    anchor: str | None = None
    window: int = 300
    tol: float = 1e-7
    basis: str = "ideal"  # "ideal": members' positions; "groups": group yes shares (cohesion)
    # "newton", or "lbfgs": the previous fit, kept as the reference (positions by L-BFGS, the votes'
    # (α, β) by Newton steps on all votes together from 0, curul.rollcalls._reference)
    method: str = "newton"
    ideal_: IdealPoints = field(init=False, repr=False)
    position_: dict[str, np.ndarray] = field(init=False, repr=False)
    group_position_: dict[str, np.ndarray] = field(init=False, repr=False)
    abstain_: dict[str, float] = field(init=False, repr=False)
    params_: pd.DataFrame = field(init=False, repr=False)
    cutoff_: dt.date | None = field(init=False, default=None)

    def settings(self, before: dt.date | None) -> dict[str, Any]:
        """What a fit depends on besides the data (the key of the model cache)."""
        return {"dims": self.dims, "anchor": self.anchor, "window": self.window, "basis": self.basis,
                "method": self.method, "before": before.isoformat() if before else None}  # fmt: skip

    def fit(
        self,
        rc: RollCalls,
        before: dt.date | None = None,
        *,
        progress: Callable[[float], object] | None = None,
        cache: bool = False,
    ) -> MotionModel:
        """Learn from the votes before ``before``; with ``cache``, reuse a model fitted on the same roll
        calls (by checksum) with the same settings, or keep this one for next time."""
        if self.basis not in ("ideal", "groups"):
            raise ArgumentError("basis", f"use ideal or groups, not {self.basis!r}")
        from curul.rollcalls._codes import ballot_codes

        ballot_codes(rc)  # kept on rc: every window of it (each fit's past) reuses them
        past = rc.between(None, before) if before is not None else rc
        if past.n_votes < 50:
            raise CurulError(f"only {past.n_votes} votes before {before}: too few to fit the model")
        self.cutoff_ = before
        if cache:
            from curul.rollcalls._models import load_model, save_model

            arrays = load_model("motion", rc.checksum(), self.settings(before))
            if arrays is not None:
                from curul.rollcalls._model_arrays import motion_from_arrays

                motion_from_arrays(self, arrays)
                return self
        self._fit(past, progress)
        if cache:
            from curul.rollcalls._model_arrays import motion_arrays

            save_model("motion", rc.checksum(), self.settings(before), motion_arrays(self))
        return self

    def _fit(self, past: RollCalls, progress: Callable[[float], object] | None) -> None:
        from curul.rollcalls._codes import ABSTAIN, ballot_codes
        from curul.rollcalls._ideal import last_groups

        codes = ballot_codes(past)
        cast = codes.cast
        votes = np.bincount(codes.member[cast], minlength=len(codes.members))
        abstained = np.bincount(codes.member[codes.category == ABSTAIN], minlength=len(codes.members))
        self.abstain_ = {
            str(m): float(a / v) for m, a, v in zip(codes.members, abstained, votes, strict=True) if v
        }  # each member's share of abstentions among the positions taken
        if self.basis == "groups":
            self.params_ = self._group_shares(past)
            return
        ideal = IdealPoints(dims=self.dims, anchor=self.anchor, tol=self.tol, method=self.method)
        ideal.fit(past, progress=progress)
        self.ideal_ = ideal
        self.position_ = {str(m): ideal.x_[i] for i, m in enumerate(ideal.members_)}
        last_group = last_groups(past)
        by_group: dict[str, list[np.ndarray]] = {}
        for member, x in self.position_.items():
            by_group.setdefault(last_group.get(member, ""), []).append(x)
        self.group_position_ = {g: np.mean(xs, axis=0) for g, xs in by_group.items()}
        self.params_ = self._vote_params(past)

    def _group_shares(self, rc: RollCalls) -> pd.DataFrame:
        """Per past vote: each group's yes share among its yes/no voters, and the chamber's (``*``)."""
        b = rc.ballots[rc.ballots["category"].isin(("yes", "no"))]
        yes = (b["category"] == "yes").astype(float)
        by_group = yes.groupby([b["vote_id"], b["group"].astype(str)]).mean().unstack()
        overall = yes.groupby(b["vote_id"]).mean()
        shares = by_group.reindex(rc.votes["vote_id"])
        shares["*"] = overall.reindex(rc.votes["vote_id"]).fillna(0.5).to_numpy()
        shares = shares.reset_index()
        shares["kind"] = [motion_kind(s) for s in rc.votes["subject"]]
        shares["date"] = rc.votes["date"].to_numpy()
        return shares

    def _vote_params(self, rc: RollCalls) -> pd.DataFrame:
        """(α_j, β_j) of every past vote given the members' positions: ridge probit by Newton steps,
        each vote iterated until its own step is below 1e-8 (at most 30 steps)."""
        from curul.rollcalls._codes import NO, YES, ballot_codes

        d = self.dims
        if self.method == "lbfgs":
            from curul.rollcalls._reference import reference_vote_params

            ab = reference_vote_params(self.position_, rc, d, self.ideal_.prior_var)
            return self._params_frame(rc, ab)
        codes = ballot_codes(rc)
        members = list(self.position_)
        n, J = len(members), rc.n_votes
        row_of = np.full(len(codes.members), -1)
        row_of[np.searchsorted(codes.members.astype(str), np.array(members, dtype=str))] = np.arange(n)
        rows = row_of[codes.member]
        keep = ((codes.category == YES) | (codes.category == NO)) & (rows >= 0)
        # votes × members: the votes still moving are rows, gathered contiguously
        sign = np.zeros((J, n))  # +1 yes, -1 no, 0 not observed
        sign[codes.vote[keep], rows[keep]] = np.where(codes.category[keep] == YES, 1.0, -1.0)
        xt = np.hstack([np.ones((n, 1)), np.array([self.position_[k] for k in members])])
        ab = np.zeros((J, d + 1))
        # Start the contested votes at the ideal-point fit's own (α, β): at the joint mode they are
        # already the mode given the positions, so they take a step or two; the lopsided ones from 0.
        ideal = self.ideal_
        fitted = pd.Index(rc.votes["vote_id"].to_numpy()).get_indexer(ideal.votes_)
        ab[fitted[fitted >= 0], 0] = ideal.alpha_[fitted >= 0]
        ab[fitted[fitted >= 0], 1:] = ideal.beta_[fitted >= 0]
        # the lopsided ones (left out of that fit) at the probit of their yes share, β = 0: a quarter
        # fewer steps than from 0, to the same mode (the objective is strictly concave)
        lopsided = np.ones(J, dtype=bool)
        lopsided[fitted[fitted >= 0]] = False
        share = ((sign[lopsided] > 0).sum(axis=1) + 0.5) / ((sign[lopsided] != 0).sum(axis=1) + 1)
        ab[lopsided, 0] = ndtri(share)
        return self._params_frame(rc, vote_modes(sign, xt, ab, np.eye(d + 1) / ideal.prior_var))

    def _params_frame(self, rc: RollCalls, ab: np.ndarray) -> pd.DataFrame:
        """The votes' (α, β) as the table the priors are drawn from, with each vote's kind and date."""
        d = self.dims
        out = pd.DataFrame({"vote_id": rc.votes["vote_id"].to_numpy(), "alpha": ab[:, 0]})
        for k in range(d):
            out[f"beta{k + 1}"] = ab[:, k + 1]
        out["kind"] = [motion_kind(s) for s in rc.votes["subject"]]
        out["date"] = rc.votes["date"].to_numpy()
        return out

    def _prior(self, kind: str) -> pd.DataFrame:
        pool = self.params_[self.params_["kind"].isin(POOLS.get(kind, (kind,)))]
        if pool.empty:
            pool = self.params_
        return pool.tail(self.window)

    def p_yes(
        self, members: list[str], groups: list[str], kind: str, *, attendance: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """(P(yes | voting) per prior component and member: K × U, abstention per member: U) for a
        motion of ``kind``; ``attendance`` (per member, optional) is the chance each one votes at all
        (an absent member, like an abstainer, adds to neither yes nor no)."""
        if not members:
            raise CurulError("no voters")
        mean_abstain = float(np.mean(list(self.abstain_.values()))) if self.abstain_ else 0.0
        a = np.array([self.abstain_.get(m, mean_abstain) for m in members])
        if attendance is not None:
            a = 1 - attendance * (1 - a)
        prior = self._prior(kind)
        if self.basis == "groups":
            chamber = prior["*"].to_numpy()[:, None]
            columns = [prior[g].to_numpy() if g in prior else np.full(len(prior), np.nan) for g in groups]
            p = np.column_stack(columns) if columns else np.empty((len(prior), 0))
            return np.where(np.isnan(p), chamber, p), a
        fallback = np.zeros(self.dims)
        x = np.array(
            [
                self.position_.get(m, self.group_position_.get(g, fallback))
                for m, g in zip(members, groups, strict=True)
            ]
        )
        beta = prior[[f"beta{k + 1}" for k in range(self.dims)]].to_numpy()
        return ndtr(prior["alpha"].to_numpy()[:, None] + beta @ x.T), a

    def distribution(
        self, members: list[str], groups: list[str], kind: str, *, attendance: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Mixture-averaged laws of the yes count and of yes − no among ``members`` (motion of ``kind``);
        ``attendance`` as in :meth:`p_yes`."""
        p, a = self.p_yes(members, groups, kind, attendance=attendance)
        yes, margin = batch_laws(p, a, np.ones((1, len(members))))
        return yes[0], margin[0]

    def yes_law(
        self, members: list[str], groups: list[str], kind: str, *, attendance: np.ndarray | None = None
    ) -> np.ndarray:
        """The yes-count law of :meth:`distribution` alone (a motion with a threshold needs no margin)."""
        p, a = self.p_yes(members, groups, kind, attendance=attendance)
        return batch_yes_laws(p, a, np.ones((1, len(members))))[0]

    def predict_vote(self, rc: RollCalls, vote_id: str, threshold: int | None = None) -> Prediction:
        """Predicted versus recorded result of a recorded vote, given who voted in it."""
        return self.predict_votes(rc, [vote_id], [threshold])[0]

    def predict_votes(
        self,
        rc: RollCalls,
        vote_ids: list[str],
        thresholds: list[int | None] | None = None,
        progress: Callable[[float], object] | None = None,
    ) -> list[Prediction]:
        """:meth:`predict_vote` for many votes at once (one threshold per vote, default yes > no)."""
        from curul.rollcalls._batch import predict_votes

        return predict_votes(self, rc, vote_ids, thresholds, progress)


def forecast_motion(
    rc: RollCalls,
    kind: str,
    *,
    on: dt.date | None = None,
    threshold: int | str | None = None,
    model: MotionModel | None = None,
    progress: Callable[[float], object] | None = None,
    cache: bool = False,
) -> MotionForecast:
    """A new motion of ``kind`` on date ``on`` (default: the day after the data ends).

    The chamber is the hábiles of the last roll call before ``on``; each votes with his attendance
    rate over the fitted votes (absent and abstaining members add to neither side). ``threshold``:
    the yes votes needed, or a procedure id counted on those hábiles; by default the kind's own
    procedure (:data:`KIND_PROCEDURES`: a vacancy needs ``vacancy.approval``, 87 of 130), else yes > no.
    ``progress(fraction)`` hears how far the fit has gone; ``cache`` as in :meth:`MotionModel.fit`.
    """
    last = rc.votes["date"].max().date()
    on = on or last + dt.timedelta(days=1)
    day_before = on - dt.timedelta(days=1)
    if threshold is None:
        threshold = KIND_PROCEDURES.get(kind)
    if isinstance(threshold, str):  # counted on the hábiles the motion would meet
        threshold = resolve_threshold(threshold, date=on, habiles=rc.habiles(vote_on(rc, day_before))).votes
    if kind not in MOTION_KINDS:
        raise ArgumentError("kind", f"use one of {', '.join(sorted(MOTION_KINDS))}, not {kind!r}")
    model = model or MotionModel()
    model.fit(rc, before=on, progress=progress, cache=cache)
    vid = vote_on(rc, day_before)
    rows = rc.ballots[rc.ballots["vote_id"] == vid]
    rows = rows[~rows["category"].isin(list(NOT_HABIL))]
    past = rc.between(None, on)
    rates = attendance_table(past).set_index("member")["attendance"]
    att = rates.reindex(rows["member"]).fillna(rates.mean()).to_numpy()
    members, groups = list(rows["member"]), list(rows["group"].astype(str))
    if threshold is None:  # yes > no: the margin's law decides
        yes, margin = model.distribution(members, groups, kind, attendance=att)
        tail = margin[len(yes) :]
    else:  # yes ≥ threshold: the yes law alone
        yes = model.yes_law(members, groups, kind, attendance=att)
        tail = yes[threshold:]
    n = len(yes) - 1
    cdf = np.cumsum(yes)
    return MotionForecast(
        kind,
        on,
        n,
        threshold,
        float((np.arange(n + 1) * yes).sum()),
        int(np.searchsorted(cdf, 0.05)),
        int(np.searchsorted(cdf, 0.95)),
        min(max(float(tail.sum()), 0.0), 1.0),
        tuple(max(float(p), 0.0) for p in yes),  # Fourier rounding leaves -1e-17 where the law is 0
    )


def predict_vote(
    rc: RollCalls,
    vote_id: str,
    *,
    threshold: int | str | None = None,
    model: MotionModel | None = None,
    progress: Callable[[float], object] | None = None,
    cache: bool = False,
) -> Prediction:
    """A recorded vote predicted by ``model`` fitted on the days before it, beside what was recorded.

    ``threshold``: the yes votes needed (default: yes > no), or a procedure id counted on that vote's
    hábiles. ``progress(fraction)`` hears how far the fit has gone; ``cache`` as in
    :meth:`MotionModel.fit`.
    """
    rows = rc.votes[rc.votes["vote_id"] == vote_id]
    if rows.empty:
        raise ArgumentError("vote_id", f"no vote {vote_id!r} in the roll calls (see `curul rollcalls votes`)")
    day = rows["date"].iloc[0].date()
    quota = None
    if threshold is not None:
        quota = resolve_threshold(str(threshold), date=day, habiles=rc.habiles(vote_id)).votes
    model = model or MotionModel()
    return model.fit(rc, before=day, progress=progress, cache=cache).predict_vote(rc, vote_id, quota)
