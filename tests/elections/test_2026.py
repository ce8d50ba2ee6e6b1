"""Oracle tests on 2026: the partial count of 11 May 2026 against the official seats.

Expected figures come from ``../shared/reference/peru-2026-record.md`` §3 (the official seats, the
record's D'Hondt check on the 86% data) or, where the record gives none (a reading it does not discuss),
from a plain D'Hondt written here, independent of the code under test.
"""

from __future__ import annotations

from collections import Counter
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from curul.data import fold
from curul.elections import (
    allocate,
    allocate_partial,
    load_system,
    official_seats,
    partial_votes,
    votes_to_pass,
)
from curul.elections._margins import last_seat

FP, JPP, RP, PBG, OBRAS, AN, PPT = (
    "FUERZA POPULAR",
    "JUNTOS POR EL PERÚ",
    "RENOVACIÓN POPULAR",
    "PARTIDO DEL BUEN GOBIERNO",
    "PARTIDO CÍVICO OBRAS",
    "AHORA NACIÓN - AN",
    "PARTIDO PAÍS PARA TODOS",
)
SIX = {FP, JPP, RP, PBG, OBRAS, AN}


def dhondt(votes: dict[str, int], seats: int) -> Counter:
    """Plain D'Hondt, written out: the ``seats`` largest quotients votes / k (no tie handling needed
    for these data: the test asserts there is none)."""
    quotients = sorted(
        ((Fraction(v, k), p) for p, v in votes.items() if v for k in range(1, seats + 1)), reverse=True
    )
    assert seats == 0 or len(quotients) <= seats or quotients[seats - 1][0] != quotients[seats][0]
    return Counter(p for _, p in quotients[:seats])


def _votes(system_name: str) -> dict[str, dict[str, int]]:
    votes, stage = partial_votes(load_system(system_name))
    assert stage.partial
    return votes


def _national(votes: dict[str, dict[str, int]], districts=None) -> Counter:
    total = Counter()
    for district, row in votes.items():
        if districts is None or district in districts:
            total.update(row)
    return total


# -- the Senate ---------------------------------------------------------------------------------------


def test_the_senate_split_is_reproduced_from_the_partial_count():
    result = allocate_partial("peru-2026-senate")
    parts = result.component_seats()
    # record §3.1 / §3.3: national list 7/5/5/5/4/4, districts 15/9/3/2/1
    assert parts["national"] == {FP: 7, JPP: 5, PBG: 5, RP: 5, AN: 4, OBRAS: 4}
    assert parts["districts"] == {FP: 15, JPP: 9, RP: 3, PBG: 2, OBRAS: 1}
    assert result.official.matches and result.official.districts_matching == 28
    assert result.official.swaps == ()
    # record §3.3: Lima Metropolitana's four senators by D'Hondt: RP, PBG, FP, RP
    lima = result.districts["LIMA METROPOLITANA"]
    assert lima.seats[RP] == 2 and lima.seats[PBG] == 1 and lima.seats[FP] == 1
    assert set(result.passed) == SIX


def test_the_senate_check_by_hand():
    votes = _votes("peru-2026-senate")
    national = dhondt({p: v for p, v in votes["NACIONAL"].items() if p in SIX}, 30)
    assert dict(national) == {FP: 7, JPP: 5, RP: 5, PBG: 5, OBRAS: 4, AN: 4}


# -- the Chamber of Deputies ----------------------------------------------------------------------------


def test_deputies_districts_match_or_are_listed_with_their_margin():
    system = load_system("peru-2026-deputies")
    votes = _votes("peru-2026-deputies")
    official = {d: {fold(p): n for p, n in row.items()} for d, row in official_seats(system).items()}
    # which districts differ, derived here: plain D'Hondt over the six lists that passed, per district
    by_hand = {
        d: {
            fold(p): n
            for p, n in dhondt({p: v for p, v in votes[d].items() if p in SIX}, system.magnitude(d)).items()
        }
        for d in system.districts
    }
    differing = {d for d in system.districts if by_hand[d] != official.get(d, {})}
    assert differing == {"LAMBAYEQUE", "PASCO"}  # as the record (§3.1, §3.3) expects

    result = allocate_partial(system)
    comparison = result.official
    assert set(comparison.differing_districts) == differing
    assert comparison.districts_matching == len(system.districts) - len(differing) == 25
    swaps = {s.district: s for s in comparison.swaps}
    assert set(swaps) == differing
    # record §3.1: the partial count had RP's quotient 41,335 vs FP's 40,069 for Lambayeque's 5th seat
    lambayeque = swaps["LAMBAYEQUE"]
    assert (lambayeque.holder.party, lambayeque.challenger.party) == (RP, FP)
    assert lambayeque.holder.value == 41335 and int(lambayeque.challenger.value) == 40069
    assert lambayeque.margin == Fraction(41335) - Fraction(votes["LAMBAYEQUE"][FP], 3)
    # record §3.3: Pasco AN 7,198 vs FP 7,146
    pasco = swaps["PASCO"]
    assert (pasco.holder.party, pasco.challenger.party) == (AN, FP)
    assert (pasco.holder.value, pasco.challenger.value) == (7198, 7146) and pasco.margin == 52
    assert pasco.votes_needed == 2 * 7198 + 1 - votes["PASCO"][FP]
    # every district has its last seat, and the two that differ are exactly those swaps
    last = {s.district: s for s in result.last_seats()}
    assert set(last) == set(system.districts)
    assert last["PASCO"].holder == pasco.holder and last["PASCO"].challenger == pasco.challenger


def test_deputies_national_seats_from_the_partial_count():
    result = allocate_partial("peru-2026-deputies")
    # record §3.3: FP 39, JPP 32, PBG 18, RP 16, Obras 14, AN 11 (official 41/32/18/15/14/10)
    assert {p: n for p, n in result.seats.items() if n} == {
        FP: 39,
        JPP: 32,
        PBG: 18,
        RP: 16,
        OBRAS: 14,
        AN: 11,
    }
    assert result.official.official_seats(FP) == 41 and result.official.official_seats(AN) == 10


# -- the threshold under each reading -------------------------------------------------------------------


def _preliminary(votes, system, among=None, districts=None) -> Counter:
    won = Counter()
    for d in system.districts:
        if districts is not None and d not in districts:
            continue
        row = {p: v for p, v in votes[d].items() if among is None or p in among}
        won.update(dhondt(row, system.magnitude(d)))
    return won


def _share_passers(votes, districts) -> set[str]:
    national = _national(votes, districts)
    valid = sum(national.values())
    return {p for p, v in national.items() if 20 * v >= valid}


def test_pais_para_todos_passes_the_vote_share_and_fails_the_seat_test():
    deputies = allocate_partial("peru-2026-deputies")
    tests = dict(deputies.verdicts[PPT].parts)
    # record §3.2 / §3.3: ≈5.8% of valid votes; 5 deputies < 7 in the preliminary allocation
    assert tests["valid-votes"].passed and round(tests["valid-votes"].figures["pct_valid"], 2) == 5.79
    assert not tests["deputies"].passed and tests["deputies"].figures["seats"] == 5
    assert not deputies.verdicts[PPT].passed
    senate = allocate_partial("peru-2026-senate")
    tests = dict(senate.verdicts[PPT].parts)
    assert tests["valid-votes"].passed and round(tests["valid-votes"].figures["pct_valid"], 2) == 5.78
    # record §3.3: 2 national senators < 3
    assert tests["senators"].figures["by_district"] == {"NACIONAL": 2} and not tests["senators"].passed
    text = senate.report().to_text()
    assert (
        "PARTIDO PAÍS PARA TODOS: 5.781% of valid votes ≥ 5% (votes of NACIONAL), but 2 preliminary" in text
    )


@pytest.mark.parametrize("name", ["peru-2026-deputies", "peru-2026-senate"])
def test_threshold_verdicts_under_each_reading(name):
    system = load_system(name)
    votes = _votes(name)
    chamber_seats = 7 if system.chamber == "deputies" else 3
    national_only = {"NACIONAL"} if system.chamber == "senate" else None
    share_districts = {"NACIONAL"} if system.chamber == "senate" else None
    rest = set(system.districts) - {"NACIONAL"}
    for reading in system.readings:
        for choice in reading.choices:
            result = allocate_partial(name, readings={reading.name: choice.value})
            assert [
                r.choice.value for r in result.system.chosen_readings() if r.reading.name == reading.name
            ] == [choice.value]
            # the verdicts recomputed by hand under the same reading
            districts = share_districts
            if (reading.name, choice.value) == ("senate_vote", "district_lists"):
                districts = rest
            share = _share_passers(votes, districts)
            among = share if (reading.name, choice.value) == ("seat_test", "vote_share_lists") else None
            scope = (
                national_only
                if (reading.name, choice.value) == ("senate_seat_scope", "national_list")
                else None
            )
            won = _preliminary(votes, system, among, scope)
            seat = {p for p, n in won.items() if n >= chamber_seats}
            either = (reading.name, choice.value) == ("combination", "either")
            expected = (share | seat) if either else (share & seat)
            assert set(result.passed) == expected, (reading.name, choice.value)
            # the record's expectation: the six, except where a reading lets País para Todos in
            lets_in = either or (name, reading.name, choice.value) == (
                "peru-2026-deputies",
                "seat_test",
                "vote_share_lists",
            )
            assert set(result.passed) == (SIX | {PPT} if lets_in else SIX), (reading.name, choice.value)
            assert result.official.matches == (not lets_in and system.chamber == "senate")


def test_the_rules_as_written_are_the_default_readings():
    for name in ("peru-2026-deputies", "peru-2026-senate"):
        system = load_system(name)
        defaults = {r.name: r.default for r in system.readings}
        assert system.with_readings(defaults).threshold.to_dict() == system.threshold.to_dict()
        assert all(r.is_default for r in system.chosen_readings())
        for reading in system.readings:
            assert len(reading.choices) >= 2 and reading.why_default
            assert reading.choice(reading.default).sources  # the default always cites something


# -- margins: the votes named are exactly the votes that move the seat ----------------------------------


@given(
    votes=st.dictionaries(st.sampled_from("ABCDE"), st.integers(1, 5000), min_size=2, max_size=5),
    seats=st.integers(1, 8),
)
def test_votes_needed_take_the_last_seat_and_one_fewer_does_not(votes, seats):
    allocation = allocate(votes, seats)
    seat = last_seat(allocation, "X")
    if seat is None or seat.tied:
        return
    holder, challenger = seat.holder.party, seat.challenger.party
    assert seat.margin > 0 and seat.votes_needed >= 1
    more = allocate(votes | {challenger: votes[challenger] + seat.votes_needed}, seats)
    if more.undecided:  # another list's quotient equalled the one that lost: a seat is drawn by lot
        assert more.ties and holder in more.ties[0].lists
    else:
        assert more.seats[challenger] == allocation.seats[challenger] + 1
    fewer = allocate(votes | {challenger: votes[challenger] + seat.votes_needed - 1}, seats)
    assert fewer.seats[challenger] == allocation.seats[challenger]
    assert votes_to_pass(seat.challenger, seat.holder) == seat.votes_needed
