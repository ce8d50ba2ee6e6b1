"""The baseline a motion model must beat: each group's voters vote as the group's plurality did in the
group's previous vote.

It gets the same knowledge as the model (who cast a ballot), so the comparison in the evaluation is
fair; it is the "previous vote" column of ``curul rollcalls predict``.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from curul.rollcalls._rollcalls import POSITIONS, RollCalls


def baseline(rc: RollCalls, vote_id: str, threshold: int | None = None) -> tuple[int, bool]:
    """Each group's voters vote as the group's plurality did in its previous vote; (yes, passes)."""
    votes = rc.votes["vote_id"].tolist()
    position = votes.index(vote_id)
    voters = rc.voters(vote_id)
    yes = no = 0
    for group, members in voters.groupby("group", observed=True):
        choice = _previous_plurality(rc, str(group), votes[:position])
        if choice == "yes":
            yes += len(members)
        elif choice == "no":
            no += len(members)
    passes = yes > no if threshold is None else yes >= threshold
    return yes, passes


def _previous_plurality(rc: RollCalls, group: str, earlier: list[str]) -> str | None:
    table = _group_history(rc)
    if group not in table:
        return None
    positions, choices = table[group]
    k = int(np.searchsorted(positions, len(earlier))) - 1  # last vote strictly before this one
    return choices[k] if k >= 0 else None


# the roll calls last seen and their group histories; holding the object keeps the match exact
_HISTORY: list[Any] = [None, None]


def _group_history(rc: RollCalls) -> dict[str, tuple[np.ndarray, list[str]]]:
    """Per group: the positions (in vote order) of the votes it took part in, and its plurality there.

    Ties between positions go to yes, then no, then abstain.
    """
    if _HISTORY[0] is rc:
        return _HISTORY[1]
    cast = rc.ballots[rc.ballots["category"].isin(POSITIONS)]
    counts = (
        cast.groupby(["group", "vote_id"], observed=True)["category"]
        .value_counts()
        .unstack(fill_value=0)
        .reindex(columns=list(POSITIONS), fill_value=0)
    )
    table = counts.idxmax(axis=1)
    order = {v: i for i, v in enumerate(rc.votes["vote_id"])}
    out: dict[str, tuple[np.ndarray, list[str]]] = {}
    for group in table.index.get_level_values(0).unique():
        mine = table.loc[group]
        pos = np.array([order[v] for v in mine.index])
        sort = np.argsort(pos)
        out[str(group)] = (pos[sort], [str(c) for c in mine.to_numpy()[sort]])
    _HISTORY[0], _HISTORY[1] = rc, out
    return out
