"""Party list votes from the presidential draws, and their strength per district.

List votes: a linear function of each candidate's simulated first-round share plus a normal error,
fitted on the 2016 and 2021 official results (``list_factors``: the tickets whose party won seats;
Somos Perú 2021 had 6.1% of list votes with a 2.0% presidential candidate, Avanza País 7.5% with
11.6%). The rest of the valid vote goes to ten equal "other lists". Districts: each party's relative
strength per district from the 2021 presidential vote by department, else its 2016 Congress vote by
district, else flat (``relative_strength``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np

from curul.data import fold, load
from curul.forecast._official import official_first_round

OTHER_LISTS = 10


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


def national_shares(first: np.ndarray, noise: np.ndarray) -> np.ndarray:
    """Draws x lists national list shares (percent) from draws x k first-round shares and as many
    standard normals: the ticket's list by :func:`list_factor_model`, the rest split among the others."""
    a, b, sd = list_factor_model()
    lists = np.maximum(a + b * first + sd * noise, 0.05)
    lists *= np.minimum(1.0, 97.0 / lists.sum(axis=1, keepdims=True))
    rest = 100.0 - lists.sum(axis=1, keepdims=True)
    return np.concatenate([lists, np.repeat(rest / OTHER_LISTS, OTHER_LISTS, axis=1)], axis=1)
