"""Congress part of the forecast. The seat engine is ``curul.elections.allocate_system_batch``; the exact
per-draw ``allocate_system_loop`` (one ``allocate_system`` per draw) is the reference it is tested against,
allocator by allocator and over a whole simulation."""

from __future__ import annotations

import csv
from importlib import resources

import numpy as np
import pytest

from curul.elections import allocate_system_batch, load_system
from curul.errors import ArgumentError
from curul.forecast import get_election, parse_blocs, run_forecast
from curul.forecast._congress import (
    allocate_system_loop,
    list_factor_model,
    list_factors,
    relative_strength,
    simulate_congress,
)


def test_list_factors_come_from_the_official_results():
    factors = {(f.year, f.party): f for f in list_factors()}
    # reference/peru-elections.md §3: 2016 FP 36.34% of list votes, Keiko Fujimori 39.86% (JNE).
    fp = factors[(2016, "FUERZA POPULAR")]
    assert fp.list_share == pytest.approx(36.34, abs=0.01) and fp.presidential_share == pytest.approx(
        39.86, abs=0.01
    )
    # 2021 (Res. 0602-2021-JNE): Somos Peru 6.132% of list votes; Salaverry 286,447 of 14,400,630 valid.
    sp = factors[(2021, "SOMOS PERU")]
    assert sp.list_share == pytest.approx(6.132, abs=0.001)
    assert sp.presidential_share == pytest.approx(100 * 286_447 / 14_400_630, abs=0.001)
    # 2016: 6 lists won seats, APP without a ticket (Acuna excluded); 2021: 10 lists, all with tickets.
    assert sum(1 for f in list_factors() if f.year == 2016) == 5
    assert sum(1 for f in list_factors() if f.year == 2021) == 10
    a, b, sd = list_factor_model()
    x = np.array([f.presidential_share for f in list_factors()])
    y = np.array([f.list_share for f in list_factors()])
    assert np.sum(y - (a + b * x)) == pytest.approx(0.0, abs=1e-9)  # least-squares residuals sum to zero
    assert 0 < b < 1 and sd > 0


def test_relative_strength_is_the_department_share_over_the_national_share():
    path = resources.files("curul.forecast").joinpath("history", "presidential_2021_r1_by_department.csv")
    rows = list(csv.DictReader(path.read_text(encoding="utf-8").splitlines()))
    votes = {(r["department"], r["party"]): int(r["votes"]) for r in rows}
    party = next(p for _, p in votes if p.endswith("PERU LIBRE"))
    national = sum(v for (_, p), v in votes.items() if p == party) / sum(votes.values())
    dept = sum(v for (d, _), v in votes.items() if d == "CAJAMARCA")
    expected = votes[("CAJAMARCA", party)] / dept / national
    got = relative_strength(
        ["Peru Libre", "Nobody Known"], ["CAJAMARCA", "PERUANOS RESIDENTES EN EL EXTRANJERO"]
    )
    assert got[0, 0] == pytest.approx(expected)
    assert got[1, 0] == 1.0 and (got[:, 1] == 1.0).all()  # no history: flat


def test_batch_engine_matches_the_per_draw_reference():
    rng = np.random.default_rng(9)
    for name in ("peru-2016", "peru-2026-deputies", "peru-2026-senate"):
        system = load_system(name)
        parties = [f"p{i}" for i in range(8)]
        votes = rng.integers(0, 100_000, size=(30, len(system.districts), len(parties)))
        fast = allocate_system_batch(system, votes, parties)
        slow = allocate_system_loop(system, votes, parties)
        np.testing.assert_array_equal(np.asarray(fast.seats), slow.seats)
        np.testing.assert_array_equal(np.asarray(fast.passed), slow.passed)


BLOCS = {"FP+RP": ["Fuerza Popular", "Renovacion Popular"]}


def _check_seats_and_blocs(parties, blocs) -> None:
    chambers = {p.chamber for p in parties}
    assert chambers == {"senate", "deputies"}
    for chamber, seats in (("senate", 60), ("deputies", 130)):
        total = sum(p.mean_seats for p in parties if p.chamber == chamber)
        assert total == pytest.approx(seats)
        for p in parties:
            assert 0 <= p.p_threshold <= 1 and p.p05 <= p.p95
    (bloc,) = blocs
    assert bloc.chamber == "deputies" and 0 <= bloc.p_two_thirds <= bloc.p_majority <= 1


def test_seats_per_chamber_add_up_and_blocs_are_reported():
    # Seed 4 draws an exact tie for Apurimac's one Senate seat: it is broken by lot, no seat is left empty.
    forecast = run_forecast("peru-2026", sims=120, seed=4, blocs=BLOCS)
    _check_seats_and_blocs(forecast.parties, forecast.blocs)
    assert forecast.congress_sims == 120
    json = forecast.as_json()
    assert {"name", "chamber", "mean_seats", "p05", "p95", "p_threshold"} == set(json["parties"][0])


def test_the_reference_path_simulates_the_same_congress():
    """The whole Congress simulation through the exact per-draw allocator: same random stream, same
    seats, thresholds and bloc chances as through the batch engine."""
    forecast = run_forecast("peru-2026", sims=120, seed=4, congress=False)
    election = get_election("peru-2026")

    def simulate(allocate):
        rng = np.random.default_rng(4)
        return simulate_congress(election, forecast.average, forecast.draws, rng, BLOCS, allocate=allocate)

    reference = simulate(allocate_system_loop)
    _check_seats_and_blocs(reference[0], reference[1])
    assert reference[2] == 120
    assert simulate(allocate_system_batch) == reference


def test_blocs_are_parsed_from_name_equals_lists():
    assert parse_blocs(["FP+RP= Fuerza Popular, Renovacion Popular", "X=A,"]) == {
        "FP+RP": ["Fuerza Popular", "Renovacion Popular"],
        "X": ["A"],
    }
    assert parse_blocs(None) == {}
    for bad in ("nobody", "=A", "X=", "X= , "):
        with pytest.raises(ArgumentError) as caught:
            parse_blocs([bad])
        assert caught.value.argument == "bloc"
        assert caught.value.naming("bloc") == f"bloc: {bad!r} is not NAME=PARTY[,PARTY...]"


def test_backtest_systems_are_unicameral():
    forecast = run_forecast("peru-2021", sims=100, seed=2)
    assert {p.chamber for p in forecast.parties} == {"congress"}
    assert sum(p.mean_seats for p in forecast.parties) == pytest.approx(130)


def test_backtest_scores_seats_against_the_official_result():
    from curul.forecast import run_backtest

    result = run_backtest("peru-2016", sims=100, seed=5)
    rows = {r["name"]: r for r in result.seats["parties"]}
    # 2016 official seats (reference/peru-elections.md §3.2): FP 73, FA 20, PPK 18, APP 9, APRA-PPC 5, AP 5.
    actual = sorted(r["actual"] for r in rows.values() if r["actual"])
    assert actual == [5, 5, 9, 18, 20, 73]
    # APP ran no presidential ticket after Acuna's exclusion, but its lists ran: the forecast has one.
    assert rows["Alianza para el Progreso"]["party"] == "ALIANZA PARA EL PROGRESO DEL PERU"
    assert rows["Alianza para el Progreso"]["mean_seats"] > 0
    errors = [abs(r["mean_seats"] - r["actual"]) for r in rows.values()]
    assert result.seats["mae"] == pytest.approx(sum(errors) / len(errors))


def test_the_senate_parts_add_up_to_the_senate():
    """The Senate's national list (30) and districts (30), per list, from the same draws as the chamber."""
    forecast = run_forecast("peru-2026", sims=200, seed=3)
    senate = {p.name: p for p in forecast.parties if p.chamber == "senate"}
    parts: dict[str, dict[str, float]] = {}
    for p in forecast.seat_parts:
        parts.setdefault(p.chamber, {})[p.name] = p.mean_seats
        assert p.p_threshold == senate[p.name].p_threshold
    assert set(parts) == {"senate-national", "senate-districts"}
    assert sum(parts["senate-national"].values()) == pytest.approx(30)
    assert sum(parts["senate-districts"].values()) == pytest.approx(30)
    for name, seats in senate.items():
        assert parts["senate-national"][name] + parts["senate-districts"][name] == pytest.approx(
            seats.mean_seats
        )
    assert "seat_parts" not in forecast.as_dict()  # the forecast's JSON is unchanged
    assert not run_forecast("peru-2021", sims=100, seed=2).seat_parts  # a unicameral Congress has none
    assert run_forecast("peru-2026", sims=100, seed=2, congress=False).seat_parts == ()
