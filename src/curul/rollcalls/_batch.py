"""Many recorded votes predicted at once: the voters of every vote read in one pass over the ballots,
the yes-count laws of all votes of a kind from one table of logarithms (:mod:`curul.rollcalls._laws`),
and the baseline looked up for every (vote, group) together.

The numbers are those of :func:`curul.rollcalls._reference.reference_predict_vote`, the previous
vote-by-vote computation (tested in tests/rollcalls/test_fast.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from curul.errors import ArgumentError
from curul.rollcalls._baseline import _group_history
from curul.rollcalls._laws import laws, log_tables
from curul.rollcalls._predictions import Prediction
from curul.rollcalls._rollcalls import POSITIONS, RollCalls
from curul.rollcalls._votes import motion_kind

if TYPE_CHECKING:
    from curul.rollcalls._outcomes import MotionModel

CHUNK = 64  # votes per matrix product: bounds memory (about 40 MB at 130 voters and 300 components)


def _baselines(rc: RollCalls, order: np.ndarray, cast: pd.DataFrame, rows: np.ndarray) -> np.ndarray:
    """Per vote (row of ``rows``) the baseline's (yes, no): each group's voters vote as the group's
    plurality did in the group's last vote before it."""
    history = _group_history(rc)
    out = np.zeros((len(order), 2), dtype=np.int64)
    groups = cast["group"].astype(str).to_numpy()
    for group in np.unique(groups):
        mine = groups == group
        if group not in history:
            continue
        positions, choices = history[group]
        codes = np.array([{"yes": 0, "no": 1}.get(c, 2) for c in choices] + [2])  # index -1: no history
        per_vote = np.bincount(rows[mine], minlength=len(order))
        k = np.searchsorted(positions, order) - 1
        choice = codes[np.where(k >= 0, k, len(codes) - 1)]
        for side in (0, 1):
            out[:, side] += np.where(choice == side, per_vote, 0)
    return out


def predict_votes(
    model: MotionModel,
    rc: RollCalls,
    vote_ids: list[str],
    thresholds: list[int | None] | None = None,
    progress: Callable[[float], object] | None = None,
) -> list[Prediction]:
    """Predicted versus recorded results of recorded votes, given who voted in each (see
    :meth:`MotionModel.predict_vote`); ``progress(fraction)`` after each block of votes."""
    thresholds = list(thresholds) if thresholds is not None else [None] * len(vote_ids)
    position = pd.Series(np.arange(rc.n_votes), index=rc.votes["vote_id"].to_numpy())
    missing = [v for v in vote_ids if v not in position.index]
    if missing:
        raise ArgumentError("vote_id", f"no vote {missing[0]!r} in the roll calls")
    order = position[vote_ids].to_numpy()
    rows = rc.votes.iloc[order]
    b = rc.ballots
    cast = b[b["category"].isin(POSITIONS) & b["vote_id"].isin(set(vote_ids))]
    row_of = pd.Series(np.arange(len(vote_ids)), index=vote_ids)
    at = row_of.reindex(cast["vote_id"].to_numpy()).to_numpy()
    keys = pd.MultiIndex.from_arrays([cast["member"].astype(str), cast["group"].astype(str)])
    codes, uniques = keys.factorize()
    members = [str(m) for m, _ in uniques]
    groups = [str(g) for _, g in uniques]
    voters = np.zeros((len(vote_ids), len(uniques)))
    voters[at, codes] = 1.0
    count = voters.sum(axis=1).astype(int)
    base = _baselines(rc, order, cast, at)
    kinds = np.array([motion_kind(s) for s in rows["subject"]])
    yes_laws: list[np.ndarray] = [np.empty(0)] * len(vote_ids)
    margin_laws: list[np.ndarray] = [np.empty(0)] * len(vote_ids)
    done = 0
    for kind in dict.fromkeys(kinds):
        mine = np.nonzero(kinds == kind)[0]
        used = np.nonzero(voters[mine].any(axis=0))[0]
        p, a = model.p_yes([members[u] for u in used], [groups[u] for u in used], str(kind))
        n = int(count[mine].max())
        need_margin = any(thresholds[v] is None for v in mine)
        tables = log_tables(p, a, n, margin=need_margin)
        for start in range(0, len(mine), CHUNK):
            block = mine[start : start + CHUNK]
            yes, margin = laws(tables, voters[np.ix_(block, used)], len(p), n)
            for i, v in enumerate(block):
                yes_laws[v] = yes[i, : count[v] + 1]
                if margin is not None:
                    margin_laws[v] = margin[i, : 2 * count[v] + 1]
            done += len(block)
            if progress is not None:
                progress(done / len(vote_ids))
    out = []
    for v, (vid, threshold) in enumerate(zip(vote_ids, thresholds, strict=True)):
        row = rows.iloc[v]
        n, yes_law = int(count[v]), yes_laws[v]
        tail = margin_laws[v][n + 1 :] if threshold is None else yes_law[threshold:]
        cdf = np.cumsum(yes_law)
        recorded_yes, recorded_no = int(row["yes"]), int(row["no"])
        base_yes, base_no = int(base[v, 0]), int(base[v, 1])
        out.append(
            Prediction(
                vid,
                row["date"].date(),
                str(kinds[v]),
                n,
                threshold,
                float((np.arange(n + 1) * yes_law).sum()),
                int(np.searchsorted(cdf, 0.05)),
                int(np.searchsorted(cdf, 0.95)),
                min(max(float(tail.sum()), 0.0), 1.0),
                recorded_yes,
                recorded_no,
                int(row["abstain"]),
                recorded_yes > recorded_no if threshold is None else recorded_yes >= threshold,
                base_yes,
                base_yes > base_no if threshold is None else base_yes >= threshold,
                model.cutoff_,
            )
        )
    return out
