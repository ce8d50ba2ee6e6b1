"""The ballots as integer codes, computed once per set of roll calls: who (an index into the sorted
member names), on which vote (its position in date order), in which group and with which category.

The models index arrays with these instead of looking names up row by row (a pandas ``map`` or
``searchsorted`` over 289,281 strings cost more than a Newton step); :func:`ballot_codes` keeps them
on the :class:`RollCalls` object, whose frames do not change.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from curul.errors import CurulError
from curul.rollcalls._rollcalls import CATEGORIES, RollCalls

YES, NO, ABSTAIN = (CATEGORIES.index(c) for c in ("yes", "no", "abstain"))


@dataclass(frozen=True)
class BallotCodes:
    """Per ballot (row of ``rc.ballots``): ``member`` into ``members`` (sorted names), ``vote`` (the
    position in ``rc.votes``), ``group`` into ``groups`` (sorted codes), ``category`` into
    ``CATEGORIES``."""

    members: np.ndarray
    groups: np.ndarray
    member: np.ndarray
    vote: np.ndarray
    group: np.ndarray
    category: np.ndarray

    @property
    def cast(self) -> np.ndarray:
        """Ballots that took a position (yes, no or abstain)."""
        return self.category <= ABSTAIN

    def subset(self, rows: np.ndarray, votes: np.ndarray) -> BallotCodes:
        """The codes of the ballots ``rows`` (a mask) when only the votes ``votes`` (a mask over the
        votes, in order) are kept: members and groups without a ballot left are dropped."""
        member, group = self.member[rows], self.group[rows]
        position = np.cumsum(votes) - 1
        members, member = _compress(self.members, member)
        groups, group = _compress(self.groups, group)
        return BallotCodes(members, groups, member, position[self.vote[rows]], group, self.category[rows])

    def last_rows(self) -> np.ndarray:
        """Per member (in ``members`` order), the row of its ballot in the last vote (date order) it
        has a ballot in; ties (none in a valid file) to the later row."""
        rows = np.arange(len(self.member), dtype=np.int64)
        key = self.vote.astype(np.int64) * (len(rows) + 1) + rows
        best = np.full(len(self.members), -1, dtype=np.int64)
        np.maximum.at(best, self.member, key)
        return best % (len(rows) + 1)


def _compress(names: np.ndarray, codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The names still used by ``codes``, and the codes renumbered among them (order kept)."""
    used = np.zeros(len(names), dtype=bool)
    used[codes] = True
    return names[used], (np.cumsum(used) - 1)[codes]


def _sorted_codes(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """(sorted distinct values as str, the index of each value among them)."""
    codes, uniques = pd.factorize(values.astype(object).to_numpy())
    names = np.array([str(u) for u in uniques], dtype=object)
    order = np.argsort(names.astype(str), kind="stable")
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order))
    return names[order], rank[codes]


def ballot_codes(rc: RollCalls) -> BallotCodes:
    """The codes of ``rc``'s ballots, computed on first use and kept on ``rc``."""
    known = rc.__dict__.get("_codes")
    if known is not None:
        return known
    b = rc.ballots
    members, member = _sorted_codes(b["member"])
    groups, group = _sorted_codes(b["group"].astype(str))
    vote = pd.Index(rc.votes["vote_id"].astype(object)).get_indexer(b["vote_id"].astype(object))
    column = b["category"]
    if not (
        isinstance(column.dtype, pd.CategoricalDtype) and list(column.cat.categories) == list(CATEGORIES)
    ):
        column = pd.Series(pd.Categorical(column, categories=list(CATEGORIES)))  # another order, or text
    category = column.cat.codes.to_numpy().astype(np.int8)
    if (category < 0).any():  # the reader refuses unknown ballots; a frame built by hand may not
        row = int(np.argmax(category < 0))
        raise CurulError(
            f"ballot row {row}: category {b['category'].iloc[row]!r} is not one of {', '.join(CATEGORIES)}"
        )
    codes = BallotCodes(members, groups, member, vote.astype(np.int64), group, category)
    object.__setattr__(rc, "_codes", codes)
    return codes
