"""Congress from the presidential draws: party list votes, their spread over districts, seats.

List votes: a linear function of each candidate's simulated first-round share plus a normal error,
fitted on the 2016 and 2021 official results (``list_factors``: the tickets whose party won seats;
Somos Perú 2021 had 6.1% of list votes with a 2.0% presidential candidate, Avanza País 7.5% with
11.6%). The rest of the valid vote goes to ten equal "other lists". Districts: each party's relative
strength per district from the 2021 presidential vote by department, else its 2016 Congress vote by
district, else flat; districts are weighted by their share of deputies (seats are apportioned by
electorate). Seats: the batch engine of ``curul.elections`` applies each system's threshold and
cifra repartidora.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple

import numpy as np

from curul.data import fold, load
from curul.elections import ElectoralSystem, allocate_system, allocate_system_batch, load_system
from curul.errors import ArgumentError
from curul.forecast._average import PollAverage
from curul.forecast._elections import Election
from curul.forecast._model import PresidentialDraws
from curul.forecast._official import official_first_round

# The seat engine: votes (draws x districts x lists) -> an object with ``seats`` and ``passed``.
Allocator = Callable[[ElectoralSystem, np.ndarray, Sequence[str]], Any]

DISTRICT_LOG_SD = 0.15  # per-draw noise on a party's relative strength in a district
OTHER_LISTS = 10
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
class ListFactor:
    party: str
    year: int
    list_share: float  # percent of valid Congress votes
    presidential_share: float  # percent of valid presidential votes

    @property
    def ratio(self) -> float:
        return self.list_share / self.presidential_share


@cache
def list_factors() -> tuple[ListFactor, ...]:
    """List share / presidential share of every party that won seats in 2016 or 2021 and ran a ticket."""
    out = []
    lists: dict[int, dict[str, float]] = {2016: {}, 2021: {}}
    for r in load("congress-2016-district-votes").rows:
        lists[2016][r.party] = lists[2016].get(r.party, 0) + r.votes
    for r in load("congress-2021-national-votes").rows:
        lists[2021][r.party] = r.votes
    winners = {2016: {r.party for r in load("congress-2016-district-seats").rows if r.seats > 0}}
    winners[2021] = {r.party for r in load("congress-2021-national-seats").rows if r.seats > 0}
    for year, votes in lists.items():
        total = sum(votes.values())
        tickets = official_first_round(year)
        for party, v in votes.items():
            if party not in winners[year]:
                continue
            ticket = next(
                (t for t in tickets if fold(t.party) in fold(party) or fold(party) in fold(t.party)), None
            )
            if ticket is not None:
                out.append(ListFactor(party, year, 100.0 * v / total, ticket.share))
    return tuple(out)


@cache
def list_factor_model() -> tuple[float, float, float]:
    """list share = a + b x presidential share + e, e ~ N(0, sd), in points of valid votes: least squares
    over ``list_factors()``. Returns (a, b, sd); every ticket's list gets a base plus most of its
    candidate's vote, which lets weak tickets' lists pass the threshold as Somos Peru's did in 2021."""
    factors = list_factors()
    x = np.array([f.presidential_share for f in factors])
    y = np.array([f.list_share for f in factors])
    b, a = np.polyfit(x, y, 1)
    resid = y - (a + b * x)
    return float(a), float(b), float(np.sqrt(np.sum(resid**2) / (len(y) - 2)))


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


@cache
def _profiles_2021() -> dict[str, dict[str, float]]:
    """Relative strength (department share / national share) of each party, 2021 presidential vote."""
    import csv
    import io
    from importlib import resources

    text = resources.files("curul.forecast").joinpath("history", "presidential_2021_r1_by_department.csv")
    rows = list(csv.DictReader(io.StringIO(text.read_text(encoding="utf-8"))))
    return _relative((r["department"], r["party"], int(r["votes"])) for r in rows)


@cache
def _profiles_2016() -> dict[str, dict[str, float]]:
    rows = load("congress-2016-district-votes").rows
    return _relative((r.district, r.party, r.votes) for r in rows)


def _relative(rows) -> dict[str, dict[str, float]]:
    votes: dict[str, dict[str, int]] = {}
    for district, party, v in rows:
        votes.setdefault(fold(party), {}).setdefault(fold(district), 0)
        votes[fold(party)][fold(district)] += v
    totals: dict[str, int] = {}
    for by_district in votes.values():
        for d, v in by_district.items():
            totals[d] = totals.get(d, 0) + v
    national = sum(totals.values())
    out = {}
    for party, by_district in votes.items():
        share = sum(by_district.values()) / national
        out[party] = {d: (v / totals[d]) / share for d, v in by_district.items() if share > 0}
    return out


def _district_keys(district: str) -> tuple[str, ...]:
    """Names a district has in the historical files (2021 departments, 2016 districts)."""
    key = fold(district)
    if key in ("LIMA METROPOLITANA", "LIMA PROVINCIAS"):
        return ("LIMA", "LIMA + RESIDENTES EN EL EXTRANJERO" if key == "LIMA METROPOLITANA" else key)
    if key == "LIMA + RESIDENTES EN EL EXTRANJERO":
        return ("LIMA", key)
    return (key, key)


def _find(party: str, profiles: dict[str, dict[str, float]]) -> dict[str, float] | None:
    key = fold(party)
    if not key:
        return None
    for name, profile in profiles.items():
        if name == key or name.endswith(" " + key) or key in name:
            return profile
    return None


def relative_strength(parties: Sequence[str], districts: Sequence[str]) -> np.ndarray:
    """districts x parties relative strength (1 = as strong as nationally)."""
    out = np.ones((len(districts), len(parties)))
    for j, party in enumerate(parties):
        p21, p16 = _find(party, _profiles_2021()), _find(party, _profiles_2016())
        for i, district in enumerate(districts):
            k21, k16 = _district_keys(district)
            if p21 is not None and k21 in p21:
                out[i, j] = p21[k21]
            elif p16 is not None and k16 in p16:
                out[i, j] = p16[k16]
    return out


def simulate_congress(
    election: Election,
    avg: PollAverage,
    draws: PresidentialDraws,
    rng: np.random.Generator,
    blocs: Mapping[str, Sequence[str]],
    progress: Callable[[int], None] | None = None,
    allocate: Allocator = allocate_system_batch,
) -> CongressSeats:
    """Seats per party and chamber, the blocs' chances, the draws used and the chambers' parts.

    ``allocate`` is the seat engine: ``curul.elections.allocate_system_batch``, or the exact per-draw
    :func:`allocate_system_loop` it is tested against (same random stream, same seats).
    """
    names = list(draws.names)
    # The lists of the candidates running, then those of excluded tickets whose lists stayed on the
    # ballot (their share before the exit stands in for the presidential one).
    exited = getattr(avg, "exited_lists_", ())
    party_of = [c.party or f"list of {c.name}" for c in (*avg.candidates_, *(c for c, _ in exited))]
    parties = [*party_of, *(f"other list {i + 1}" for i in range(OTHER_LISTS))]
    n = draws.first.shape[0]
    first = draws.first[:, : len(names)]
    if exited:
        frozen = np.array([share for _, share in exited])
        first = np.concatenate([first, np.broadcast_to(frozen, (n, len(exited)))], axis=1)
    k = len(party_of)
    a, b, sd = list_factor_model()
    lists = np.maximum(a + b * first + sd * rng.standard_normal((n, k)), 0.05)
    lists *= np.minimum(1.0, 97.0 / lists.sum(axis=1, keepdims=True))
    rest = 100.0 - lists.sum(axis=1, keepdims=True)
    national = np.concatenate([lists, np.repeat(rest / OTHER_LISTS, OTHER_LISTS, axis=1)], axis=1)
    results: list[PartySeats] = []
    bloc_results: list[BlocResult] = []
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
    layout = []
    for system in systems:
        positions = [regular.index(d) if fold(d) != "NACIONAL" else -1 for d in system.districts]
        layout.append((system, np.array(positions)))
    seats_all: list[list[np.ndarray]] = [[] for _ in systems]
    passed_all: list[list[np.ndarray]] = [[] for _ in systems]
    national_all: list[list[np.ndarray]] = [[] for _ in systems]  # the national district's seats
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
        for s_i, (system, index) in enumerate(layout):
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
    parts: list[PartySeats] = []
    for s_i, (system, _) in enumerate(layout):
        seats = np.concatenate(seats_all[s_i])
        passed = np.concatenate(passed_all[s_i])
        chamber = system.chamber
        totals = _by_list(seats, parties, k)
        thresholds: dict[str, np.ndarray] = {}
        for j, party in enumerate(parties):
            name = "other lists" if j >= k else party
            thresholds[name] = np.maximum(thresholds.get(name, 0), passed[:, j])
        results.extend(_summary(name, chamber, s, thresholds[name]) for name, s in totals.items())
        if national_all[s_i]:
            national = np.concatenate(national_all[s_i])
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
