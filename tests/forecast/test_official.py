"""Official results the backtests score against: the 2026 first round (nine tickets, the valid total
their percentages imply) and the 2026 seats per chamber, and the matching of poll names to tickets."""

from __future__ import annotations

import csv

import pytest

from curul.data import load
from curul.forecast._official import (
    OfficialResult,
    match_official,
    official_first_round,
    official_seats_2026,
)


def _shared_rows(shared_data, name):
    with (shared_data / "elections" / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_2026_first_round_is_nine_tickets_over_the_implied_valid_total():
    rows = sorted(load("presidential-2026-first-round").rows, key=lambda r: r.rank)
    official = official_first_round(2026)
    assert len(official) == len(rows) == 9
    total = rows[0].implied_total_valid  # the first row's: the most significant digits
    assert total == 16_738_471
    by_name = {r.candidate: r for r in official}
    for row in rows:
        result = by_name[row.candidate]
        assert result.share == pytest.approx(100 * row.votes / total)
        assert abs(result.share - row.pct_valid) < 0.001  # the published, rounded percentage
    assert official[0].candidate == "Keiko Sofia Fujimori Higuchi" and official[0].share == pytest.approx(
        17.192
    )
    assert official[1].candidate == "Roberto Helbert Sanchez Palomino"
    assert all(r.share >= 3 for r in official)
    # The other tickets' votes were not found: together they are the rest of the valid votes.
    assert 100 - sum(r.share for r in official) == pytest.approx(15.745, abs=0.001)


def test_the_2026_seats_are_the_official_member_lists():
    seats = official_seats_2026()
    assert set(seats) == {"senate", "senate-national", "senate-districts", "deputies"}
    # reference/peru-2026-record.md §3.1 (official member lists, 31 July 2026).
    assert seats["senate"] == {
        "Fuerza Popular": 22,
        "Juntos por el Perú": 14,
        "Renovación Popular": 8,
        "Partido del Buen Gobierno": 7,
        "Partido Cívico Obras": 5,
        "Ahora Nación": 4,
    }
    assert list(seats["deputies"].values()) == [41, 32, 15, 18, 14, 10]
    assert list(seats["senate-national"].values()) == [7, 5, 5, 5, 4, 4]
    assert list(seats["senate-districts"].values()) == [15, 9, 3, 2, 1, 0]
    assert {c: sum(s.values()) for c, s in seats.items()} == {
        "senate": 60,
        "senate-national": 30,
        "senate-districts": 30,
        "deputies": 130,
    }


def test_the_bundled_2026_figures_are_the_reference_files(shared_data):
    """The datasets read are the curated copies of ../shared/data/elections: same votes and seats."""
    first = {
        r["candidate"]: int(r["votes"])
        for r in _shared_rows(shared_data, "presidential_2026_r1_national.csv")
    }
    assert {r.candidate: r.votes for r in load("presidential-2026-first-round").rows} == first
    parts = {"national list (30)": "senate-national", "districts (30)": "senate-districts"}
    parts |= {"total (60)": "senate", "total (130)": "deputies"}
    shared: dict[str, dict[str, int]] = {}
    for row in _shared_rows(shared_data, "congress_2026_seats_by_party.csv"):
        shared.setdefault(parts[row["component"]], {})[row["party"]] = int(row["seats"])
    assert official_seats_2026() == shared


def test_poll_names_match_official_tickets():
    tickets = (
        OfficialResult("Maria Soledad Perez Tello", "PRIMERO LA GENTE", 3.4),
        OfficialResult("Alfonso Carlos Espa y Garces-Alvear", "SICREO", 3.3),
        OfficialResult("Pedro Castillo Terrones", "PARTIDO POLITICO NACIONAL PERU LIBRE", 18.9),
    )
    assert match_official("Pedro Castillo", "", tickets) is tickets[2]  # every word of the poll's name
    assert match_official("Carlos Espa", "", tickets) is tickets[1]
    assert match_official("Someone Else", "Primero la Gente", tickets) is tickets[0]  # the party
    assert match_official("Marisol Perez Tello", "", tickets) is tickets[0]  # the surnames, unique
    assert match_official("Rosa Castillo", "", tickets) is None  # one surname is not enough
    twins = (*tickets, OfficialResult("Juan Perez Tello", "X", 1.0))
    assert match_official("Marisol Perez Tello", "", twins) is None  # two tickets have them
