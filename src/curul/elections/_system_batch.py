"""A whole electoral system over many simulated elections: the threshold per draw, then the batch allocator.

The batch counterpart of :func:`curul.elections.allocate_system`, tested against it: the threshold rules
answer ``passes_batch`` (their batch half of the rule protocol), the preliminary allocation over all lists
is computed once and only when a rule asks for it (among some lists only, when a reading says so), and
the lists that passed share each district's seats.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from curul.elections._allocation import check_method
from curul.elections._batch import allocate_batch, allocate_batch_with_ties
from curul.elections._official import alliance_members
from curul.elections._systems import ElectoralSystem
from curul.elections._thresholds import BatchInput


@dataclass(frozen=True)
class BatchResult:
    """Outcome of many simulated elections under one system.

    ``seats``: draws × districts × lists; ``passed``: draws × lists (threshold); ``national``: draws ×
    lists seats summed over districts; ``preliminary``: the preliminary allocation over all lists, when
    the threshold needed one; ``ties`` (computed on first use): draws × districts, a last-seat tie that
    was settled by list order.
    """

    seats: np.ndarray
    passed: np.ndarray
    national: np.ndarray
    preliminary: np.ndarray | None = None
    method: str = "dhondt"
    votes: np.ndarray | None = field(default=None, repr=False)
    magnitudes: np.ndarray | None = field(default=None, repr=False)

    @cached_property
    def ties(self) -> np.ndarray:
        if self.votes is None or self.magnitudes is None:
            raise ValueError("this result was built without its votes")
        return allocate_batch_with_ties(self.votes, self.magnitudes, self.method, self.passed)[1]


def allocate_system_batch(
    system: ElectoralSystem,
    votes: np.ndarray,
    parties: Sequence[str],
    org_types: Sequence[str] | None = None,
    *,
    method: str | None = None,
) -> BatchResult:
    """Apply ``system`` to every draw: national threshold (with its preliminary allocation), then allocate.

    ``votes`` is draws × districts × lists with districts in ``system.districts`` order and lists in
    ``parties`` order; ``org_types`` (e.g. ``"ALIANZA ELECTORAL"``, ``"alliance:3"``) sizes alliances for
    the alliance surcharge. A draw in which no list passes gets no seats at all (the law is silent).
    """
    votes = np.asarray(votes)
    if votes.ndim != 3 or votes.shape[1] != len(system.districts):
        raise ValueError(
            f"votes must be draws × {len(system.districts)} districts × lists, got {votes.shape}"
        )
    if votes.shape[2] != len(parties):
        raise ValueError(f"{len(parties)} parties for {votes.shape[2]} lists")
    if org_types is not None and len(org_types) != len(parties):
        raise ValueError("org_types must have one entry per party")
    chosen = check_method(method or system.method)
    members = np.array([alliance_members(t) for t in org_types] if org_types else [1] * len(parties))
    prelim: list[np.ndarray] = []

    def preliminary() -> np.ndarray:
        if not prelim:
            prelim.append(allocate_batch(votes, system.magnitudes, chosen))
        return prelim[0]

    def preliminary_among(eligible: np.ndarray) -> np.ndarray:
        return allocate_batch(votes, system.magnitudes, chosen, eligible)

    data = BatchInput(votes, system.districts, members, preliminary, preliminary_among)
    passed = system.threshold.passes_batch(data)
    seats = allocate_batch(votes, system.magnitudes, chosen, passed)
    return BatchResult(
        seats, passed, seats.sum(axis=1), prelim[0] if prelim else None, chosen, votes, system.magnitudes
    )
