"""Official results a backtest scores against, and matching of poll names to official tickets.

2016 and 2021: every ticket's votes (``presidential-first-rounds`` in ``curul.data``) and the Congress
seats (``curul.elections.congress_results``). 2026: only the nine tickets with at least 3% of valid
votes are known, with the valid-vote total their percentages imply, and the seats of each chamber per
party; both are read from ``curul.data`` when it bundles them, else from the reference files beside
the checkout (``../shared/data/elections``).
"""

from __future__ import annotations

import csv
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

from curul.data import fold, load, names
from curul.errors import InputError

# The reference data folder beside a checkout (``../shared/data``), read when curul.data lacks a file.
SHARED_DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data"
PARTIAL_FIRST_ROUNDS = {
    2026: ("presidential-2026-first-round", "elections/presidential_2026_r1_national.csv")
}
SEATS_2026 = ("congress-2026-seats", "elections/congress_2026_seats_by_party.csv")
# Chambers (and the Senate's two parts) as the seat files name them -> the forecast's names.
_CHAMBERS = {
    ("senado", "national list (30)"): "senate-national",
    ("senado", "districts (30)"): "senate-districts",
    ("senado", "total (60)"): "senate",
    ("camara de diputados", "total (130)"): "deputies",
    ("senate_national", ""): "senate-national",
    ("senate_district", ""): "senate-districts",
    ("senate", ""): "senate",
    ("deputies", ""): "deputies",
}


@dataclass(frozen=True)
class OfficialResult:
    candidate: str
    party: str
    share: float  # percent of valid votes


def _rows(dataset: str, shared_file: str) -> list[dict[str, str]]:
    """A dataset's rows as text, from ``curul.data`` if it bundles it, else from ``../shared/data``."""
    if dataset in names():
        return [{k: str(v) for k, v in asdict(r).items()} for r in load(dataset).rows]
    path = SHARED_DATA / shared_file
    if not path.is_file():
        raise InputError(
            path, f"no such file: curul.data has no dataset {dataset!r} and ../shared/data lacks it"
        )
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@cache
def official_first_round(year: int) -> tuple[OfficialResult, ...]:
    """Valid-vote shares of the tickets, by votes: each ticket's votes over the valid votes.

    Where every ticket is known (2016, 2021) the valid votes are the tickets' sum. 2026 lists only the
    tickets with at least 3%: the valid total is the one its first row's percentage implies (the
    most significant digits; every row's rounding allows 16,737,985-16,738,785, and it is inside).
    """
    if year in PARTIAL_FIRST_ROUNDS:
        rows = sorted(_rows(*PARTIAL_FIRST_ROUNDS[year]), key=lambda r: -int(r["votes"]))
        total = int(rows[0]["implied_total_valid"])
        return tuple(
            OfficialResult(r["candidate"], r["party"], 100.0 * int(r["votes"]) / total) for r in rows
        )
    known = [r for r in load("presidential-first-rounds").rows if r.year == year]
    valid = sum(r.votes for r in known)
    return tuple(
        OfficialResult(r.candidate, r.party, 100.0 * r.votes / valid)
        for r in sorted(known, key=lambda r: -r.votes)
    )


@cache
def official_seats_2026() -> dict[str, dict[str, int]]:
    """Seats per party of the 2026 Congress: ``senate`` (60) and its parts ``senate-national`` (30) and
    ``senate-districts`` (30), and ``deputies`` (130), from the official member lists (31 July 2026)."""
    out: dict[str, dict[str, int]] = {}
    for row in _rows(*SEATS_2026):
        key = (row["chamber"].strip().casefold(), (row.get("component") or "").strip().casefold())
        if key not in _CHAMBERS:
            raise InputError(
                SEATS_2026[1], f"unknown chamber {row['chamber']!r} {row.get('component', '')!r}"
            )
        out.setdefault(_CHAMBERS[key], {})[row["party"].strip()] = int(row["seats"])
    return out


def _tokens(name: str) -> set[str]:
    return set(fold(name).replace("-", " ").split())


def match_official(name: str, party: str, results: tuple[OfficialResult, ...]) -> OfficialResult | None:
    """The official ticket of a poll candidate: every word of the poll's name in the official name
    (polls drop second surnames: 'Pedro Castillo' ~ 'Pedro Castillo Terrones'), else the same party,
    else the only ticket with all the poll name's surnames (polls shorten given names: 'Marisol Perez
    Tello' ~ 'Maria Soledad Perez Tello')."""
    words = _tokens(name)
    for r in results:
        if words and words <= _tokens(r.candidate):
            return r
    if party:
        for r in results:
            if fold(party).startswith(fold(r.party)):
                return r
    surnames = set(fold(name).replace("-", " ").split()[1:])
    if len(surnames) >= 2:
        found = [r for r in results if surnames <= _tokens(r.candidate)]
        if len(found) == 1:
            return found[0]
    return None
