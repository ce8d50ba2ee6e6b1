"""Congress from the presidential draws: party list votes, their spread over districts, seats.

List votes and the parties' strength per district come from ``_list_votes``; districts are weighted by
their share of deputies (seats are apportioned by electorate). Seats: the batch engine of
``curul.elections`` applies each system's threshold and cifra repartidora. :func:`simulate_congress`
here is the reference engine, one chunk of draws at a time; ``_congress_fast`` is the fast engine that
gives the same seats from the same draws.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np

from curul.data import fold
from curul.elections import ElectoralSystem, allocate_system, allocate_system_batch, load_system
from curul.errors import ArgumentError
from curul.forecast._average import PollAverage
from curul.forecast._elections import Election
from curul.forecast._list_votes import OTHER_LISTS, national_shares, relative_strength
from curul.forecast._model import PresidentialDraws

# The seat engine: votes (draws x districts x lists) -> an object with ``seats`` and ``passed``.
Allocator = Callable[[ElectoralSystem, np.ndarray, Sequence[str]], Any]

DISTRICT_LOG_SD = 0.15  # per-draw noise on a party's relative strength in a district
CHUNK = 10_000
MAJORITY, TWO_THIRDS = 66, 87  # of 130 (Chamber of Deputies, or the 1993 unicameral Congress)


@dataclass(frozen=True)
class PartySeats:
    name: str
    chamber: str
    mean_seats: float
    p05: int
    p95: int
    p_threshold: float

    def as_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in ("name", "chamber", "mean_seats", "p05", "p95", "p_threshold")}


@dataclass(frozen=True)
class BlocResult:
    name: str
    chamber: str
    parties: tuple[str, ...]
    mean_seats: float
    p_majority: float
    p_two_thirds: float

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "chamber": self.chamber,
            "parties": list(self.parties),
            "mean_seats": self.mean_seats,
            "p_majority": self.p_majority,
            "p_two_thirds": self.p_two_thirds,
        }


class CongressSeats(NamedTuple):
    """What :func:`simulate_congress` returns: seats per list and chamber, the blocs' chances, the
    draws simulated, and the parts of a chamber that has a national district besides the others
    (the Senate's ``senate-national`` and ``senate-districts``)."""

    parties: tuple[PartySeats, ...]
    blocs: tuple[BlocResult, ...]
    draws: int
    parts: tuple[PartySeats, ...] = ()


@dataclass(frozen=True)
class LoopResult:
    seats: np.ndarray  # draws x districts x lists
    passed: np.ndarray  # draws x lists


def allocate_system_loop(system: ElectoralSystem, votes: np.ndarray, parties: Sequence[str]) -> LoopResult:
    """The reference the batch engine is tested against: one exact ``allocate_system`` per draw.

    Same arguments and result fields as ``curul.elections.allocate_system_batch`` (votes: draws x
    districts x lists), so either can be given to :func:`simulate_congress`; far slower, never a fallback.
    """
    draws, districts, lists = votes.shape
    seats = np.zeros(votes.shape, dtype=np.int64)
    passed = np.zeros((draws, lists), dtype=bool)
    for d in range(draws):
        table = {
            system.districts[i]: {parties[j]: int(votes[d, i, j]) for j in range(lists)}
            for i in range(districts)
        }
        result = allocate_system(system, table)
        for i, name in enumerate(system.districts):
            allocation = result.districts[name].seats
            seats[d, i] = [allocation.get(p, 0) for p in parties]
        passed[d] = [result.verdicts[p].passed for p in parties]
    return LoopResult(seats, passed)


def parse_blocs(specs: Iterable[str] | None) -> dict[str, list[str]]:
    """Blocs written ``NAME=PARTY[,PARTY...]`` (as ``curul forecast --bloc`` and a web form take them):
    name -> its lists, whose seats :func:`simulate_congress` adds up. A malformed spec is an error on
    the argument ``bloc``."""
    blocs: dict[str, list[str]] = {}
    for spec in specs or []:
        name, sep, parties = spec.partition("=")
        members = [p.strip() for p in parties.split(",") if p.strip()]
        if not sep or not name.strip() or not members:
            raise ArgumentError("bloc", f"{spec!r} is not NAME=PARTY[,PARTY...]")
        blocs[name.strip()] = members
    return blocs


class CongressLayout(NamedTuple):
    """What both seat engines share: the lists (tickets' lists, then the ten other lists), the
    chambers, the regular districts they share with their vote scale and the lists' strength there,
    and each chamber's districts as positions among the regular ones (-1: the national district)."""

    parties: tuple[str, ...]
    k: int  # lists with a ticket: the candidates running, then excluded tickets whose lists ran

    regular: tuple[str, ...]
    scale: np.ndarray  # float32 per regular district: its share of 1e7 votes
    strength: np.ndarray  # float32 regular districts x lists
    chambers: tuple[tuple[ElectoralSystem, np.ndarray], ...]
    # The share before its exit of each excluded ticket whose lists stayed on the ballot: it stands in
    # for the presidential share that list votes follow (APP's in 2016, after Acuña's exclusion).
    frozen: tuple[float, ...] = ()

    def ticket_shares(self, first: np.ndarray) -> np.ndarray:
        """Draws x ``k`` first-round shares the list votes follow: the running candidates' drawn
        shares, then the excluded tickets' frozen ones."""
        running = first[:, : self.k - len(self.frozen)]
        if not self.frozen:
            return running
        frozen = np.broadcast_to(np.array(self.frozen), (first.shape[0], len(self.frozen)))
        return np.concatenate([running, frozen], axis=1)


def congress_layout(election: Election, avg: PollAverage, draws: PresidentialDraws) -> CongressLayout:
    """The lists, districts and chambers of a Congress simulation (see :class:`CongressLayout`)."""
    exited = tuple(getattr(avg, "exited_lists_", ()))
    party_of = [c.party or f"list of {c.name}" for c in (*avg.candidates_, *(c for c, _ in exited))]
    parties = (*party_of, *(f"other list {i + 1}" for i in range(OTHER_LISTS)))
    systems = [load_system(name) for name in election.congress]
    # One vote per voter and district for every chamber: the district shares are drawn once and
    # shared by the Senate and the Chamber (their districts are the same departments).
    regular = list(dict.fromkeys(d for s_ in systems for d in s_.districts if fold(d) != "NACIONAL"))
    base = max(systems, key=lambda s_: sum(s_.magnitude(d) for d in s_.districts if fold(d) != "NACIONAL"))
    magnitudes = []  # districts are weighted by their seats, which are apportioned by electorate
    for d in regular:
        official = base.district(d)
        if official is None:
            raise ValueError(f"{d}: not a district of {base.name}; the chambers must share their districts")
        magnitudes.append(base.magnitude(official))
    weights = np.array(magnitudes, dtype=np.float64)
    scale = (weights / weights.sum() * 1e7).astype(np.float32)
    strength32 = relative_strength(parties, regular).astype(np.float32)
    chambers = []
    for system in systems:
        positions = [regular.index(d) if fold(d) != "NACIONAL" else -1 for d in system.districts]
        chambers.append((system, np.array(positions)))
    frozen = tuple(float(share) for _, share in exited)
    k = len(draws.names) + len(frozen)
    return CongressLayout(parties, k, tuple(regular), scale, strength32, tuple(chambers), frozen)


def simulate_congress(
    election: Election,
    avg: PollAverage,
    draws: PresidentialDraws,
    rng: np.random.Generator,
    blocs: Mapping[str, Sequence[str]],
    progress: Callable[[int], None] | None = None,
    allocate: Allocator = allocate_system_batch,
) -> CongressSeats:
    """Seats per party and chamber, the blocs' chances, the draws used and the chambers' parts: the
    reference engine, one chunk of draws at a time through a whole-system allocator.

    ``allocate`` is the seat engine: ``curul.elections.allocate_system_batch``, or the exact per-draw
    :func:`allocate_system_loop` it is tested against (same random stream, same seats). The fast
    engine, ``curul.forecast._congress_fast.simulate_congress_fast``, is tested against this one.
    """
    layout = congress_layout(election, avg, draws)
    parties, k, regular = list(layout.parties), layout.k, layout.regular
    scale, strength32 = layout.scale, layout.strength
    n = draws.first.shape[0]
    national = national_shares(layout.ticket_shares(draws.first), rng.standard_normal((n, k)))
    seats_all: list[list[np.ndarray]] = [[] for _ in layout.chambers]
    passed_all: list[list[np.ndarray]] = [[] for _ in layout.chambers]
    national_all: list[list[np.ndarray]] = [[] for _ in layout.chambers]  # the national district's seats
    for start in range(0, n, CHUNK):
        nat = national[start : start + CHUNK].astype(np.float32)
        share = rng.standard_normal((nat.shape[0], len(regular), len(parties)), dtype=np.float32)
        share *= np.float32(DISTRICT_LOG_SD)
        np.exp(share, out=share)
        share[:, :, k:] = 1.0  # other lists: no profile, no noise
        share *= strength32[None, :, :]
        share *= nat[:, None, :]
        share /= share.sum(axis=2, keepdims=True)
        share *= scale[None, :, None]
        regular_votes = np.rint(share).astype(np.int64)
        # Ties (the identical "other lists", or two rounded vote counts that happen to match) are broken
        # by lot as the law does, instead of leaving the seat unfilled: votes x L + a random rank 0..L-1
        # per draw keeps every strict order of votes and makes equal counts distinct.
        lot = rng.random((nat.shape[0], 1, len(parties))).argsort(axis=2)
        regular_votes = regular_votes * len(parties) + lot
        for s_i, (system, index) in enumerate(layout.chambers):
            if (index >= 0).all() and (index == np.arange(len(regular))).all():
                votes = regular_votes
            else:
                votes = regular_votes[:, np.maximum(index, 0), :]
                for i in np.flatnonzero(index < 0):  # the national constituency: every vote, national shares
                    national_votes = np.rint(nat * np.float32(1e5)).astype(np.int64)
                    votes[:, i, :] = national_votes * len(parties) + lot[:, 0]
            result = allocate(system, votes, parties)
            by_district = np.asarray(result.seats)
            seats_all[s_i].append(by_district.sum(axis=1))
            passed_all[s_i].append(np.asarray(result.passed))
            if 0 < (index < 0).sum() < len(index):
                national_all[s_i].append(by_district[:, index < 0, :].sum(axis=1))
            if progress:  # one step per draw and chamber, so the bar ends at sims x (1 + chambers)
                progress(nat.shape[0])
    return summarise_congress(
        layout,
        [np.concatenate(s) for s in seats_all],
        [np.concatenate(p) for p in passed_all],
        [np.concatenate(p) if p else None for p in national_all],
        blocs,
    )


def summarise_congress(
    layout: CongressLayout,
    seats_by_chamber: Sequence[np.ndarray],
    passed_by_chamber: Sequence[np.ndarray],
    national_by_chamber: Sequence[np.ndarray | None],
    blocs: Mapping[str, Sequence[str]],
) -> CongressSeats:
    """Per chamber, draws x lists seats, threshold verdicts and the national district's seats (None for
    a chamber without one) -> the summaries of :class:`CongressSeats`."""
    parties, k = layout.parties, layout.k
    results: list[PartySeats] = []
    bloc_results: list[BlocResult] = []
    parts: list[PartySeats] = []
    n = 0
    for (system, _), seats, passed, national in zip(
        layout.chambers, seats_by_chamber, passed_by_chamber, national_by_chamber, strict=True
    ):
        n = seats.shape[0]
        chamber = system.chamber
        totals = _by_list(seats, parties, k)
        thresholds: dict[str, np.ndarray] = {}
        for j, party in enumerate(parties):
            name = "other lists" if j >= k else party
            thresholds[name] = np.maximum(thresholds.get(name, 0), passed[:, j])
        results.extend(_summary(name, chamber, s, thresholds[name]) for name, s in totals.items())
        if national is not None:
            for part, part_seats in (("national", national), ("districts", seats - national)):
                for name, s in _by_list(part_seats, parties, k).items():
                    parts.append(_summary(name, f"{chamber}-{part}", s, thresholds[name]))
        if system.total_seats == 130:
            for bloc, members in blocs.items():
                keys = {fold(m) for m in members}
                total = sum((totals[p] for p in totals if fold(p) in keys), np.zeros(n))
                bloc_results.append(
                    BlocResult(
                        bloc,
                        chamber,
                        tuple(members),
                        float(total.mean()),
                        float(np.mean(total >= MAJORITY)),
                        float(np.mean(total >= TWO_THIRDS)),
                    )
                )
    results.sort(key=lambda p: (p.chamber, -p.mean_seats))
    parts.sort(key=lambda p: (p.chamber, -p.mean_seats))
    return CongressSeats(tuple(results), tuple(bloc_results), n, tuple(parts))


def _by_list(seats: np.ndarray, parties: Sequence[str], k: int) -> dict[str, np.ndarray]:
    """Draws x lists seats -> list name -> seats per draw (the identical other lists summed)."""
    totals: dict[str, np.ndarray] = {}
    for j, party in enumerate(parties):
        name = "other lists" if j >= k else party
        totals[name] = totals.get(name, 0) + seats[:, j]
    return totals


def _summary(name: str, chamber: str, seats: np.ndarray, passed: np.ndarray) -> PartySeats:
    return PartySeats(
        name,
        chamber,
        float(seats.mean()),
        int(np.quantile(seats, 0.05)),
        int(np.quantile(seats, 0.95)),
        float(np.mean(passed)),
    )
