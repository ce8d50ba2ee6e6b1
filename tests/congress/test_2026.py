"""The Congress that sits from July 2026: the two chambers built from the member lists, and the
thresholds each step of a vacancy needs in each chamber.

Expected figures come from the reference, not from the code: seats per party from
``shared/reference/peru-2026-record.md`` §3.1 (official member lists of 31 July 2026) and the
``congress-2026-seats`` dataset; thresholds from ``peru-rules.md`` §2.3 / §6 (B1 39 signatures, B2 40%
of hábil deputies, B4 2/3 of 130 deputies, B5 2/3 of 60 senators).
"""

from __future__ import annotations

from math import ceil

import pytest

from curul.congress import chamber_coalitions, chamber_power, composition, composition_quota
from curul.data import fold, load
from curul.errors import CurulError

# peru-2026-record.md §3.1: Senate (60) and Deputies (130) by party, official member lists.
OFFICIAL = {
    "FP": (22, 41),
    "JPP": (14, 32),
    "RP": (8, 15),
    "PBG": (7, 18),
    "Obras": (5, 14),
    "AN": (4, 10),
}


def test_the_chambers_sum_to_60_and_130_and_match_the_record():
    senate, deputies = composition("2026-07-senate"), composition("2026-07-deputies")
    assert (senate.chamber, senate.total, senate.legal_number) == ("senate", 60, 60)
    assert (deputies.chamber, deputies.total, deputies.legal_number) == ("deputies", 130, 130)
    assert senate.seats == {p: s for p, (s, _) in OFFICIAL.items()}
    assert deputies.seats == {p: d for p, (_, d) in OFFICIAL.items()}
    # groups in order of seats, most first
    assert list(deputies.seats) == ["FP", "JPP", "PBG", "RP", "Obras", "AN"]


def test_the_chambers_match_the_official_seats_dataset_party_by_party():
    rows = load("congress-2026-seats").rows
    for comp in (composition("2026-07-senate"), composition("2026-07-deputies")):
        official = {fold(r.party): r.seats for r in rows if r.chamber == comp.chamber}
        assert {fold(g.name): g.seats for g in comp.groups} == official
        second = {fold(r.party): r.second_source_seats for r in rows if r.chamber == comp.chamber}
        assert {fold(g.name): g.alternative_seats or g.seats for g in comp.groups} == second


def test_legal_numbers_are_the_regimes():
    from curul.constitution import load_regime

    regime = load_regime("peru-2026-bicameral")
    for comp in (composition("2026-07-senate"), composition("2026-07-deputies")):
        assert comp.legal_number == regime.chamber(comp.chamber).legal_number


def test_each_composition_names_its_source_the_lambayeque_seat_and_the_unsworn():
    senate, deputies = composition("2026-07-senate"), composition("2026-07-deputies")
    for comp in (senate, deputies):
        assert comp.date.isoformat() == "2026-07-31"
        assert "scraped 2026-07-31" in comp.source and "senado.congreso.gob.pe" in comp.source
        assert comp.status_on == comp.date and len(comp.members) == comp.total
    # record §3.1: the second source gives Lambayeque's fifth deputy to RP (FP 40, RP 16)
    alternatives = {g.code: g.alternative_seats for g in deputies.groups if g.alternative_seats is not None}
    assert alternatives == {"FP": 40, "RP": 16}
    assert "Lambayeque" in deputies.note and "Takayama" in deputies.note and "Córdova" in deputies.note
    assert not any(g.alternative_seats for g in senate.groups)  # the second source agrees on the Senate
    # record §3.1: Albañil (Obras, Piura) and García Huby (PBG, Callao) still "Electo" on 31 July
    assert sorted((g, status) for _, g, status in deputies.unable_to_vote) == [
        ("Obras", "Electo"),
        ("PBG", "Electo"),
    ]
    assert senate.unable_to_vote == ()
    data = deputies.as_dict()
    assert data["status_on"] == deputies.date and len(data["unable_to_vote"]) == 2
    assert "status_on" not in composition("2021-07").as_dict()  # older compositions keep their keys


def test_habiles_only_drops_the_unsworn():
    deputies = composition("2026-07-deputies").habiles_only()
    assert deputies.habiles == deputies.total == 128
    assert deputies.seats["PBG"] == 17 and deputies.seats["Obras"] == 13 and deputies.seats["FP"] == 41
    assert composition("2026-07-senate").habiles_only().habiles == 60
    with pytest.raises(CurulError, match="records no member's status"):
        composition("2021-07").habiles_only()


@pytest.mark.parametrize(
    ("name", "procedure", "chamber", "rule", "votes"),
    [
        ("2026-07-deputies", "vacancy.filing", "deputies", "B1", 39),
        ("2026-07-deputies", "vacancy.admission", "deputies", "B2", ceil(2 * 130 / 5)),  # 52
        ("2026-07-deputies", "vacancy.approval", "deputies", "B4", ceil(2 * 130 / 3)),  # 87
        ("2026-07-senate", "vacancy.approval", "senate", "B5", ceil(2 * 60 / 3)),  # 40
    ],
)
def test_each_vacancy_step_is_evaluated_in_the_compositions_chamber(name, procedure, chamber, rule, votes):
    quota = composition_quota(procedure, composition(name))
    assert (quota.votes, quota.chamber, quota.rule_id, quota.confirmed) == (votes, chamber, rule, True)
    assert quota.regime == "peru-2026-bicameral" and quota.sources and quota.article
    assert set(quota.as_dict()) == {
        "votes", "procedure", "arithmetic", "rule_id", "article", "sources",
        "chamber", "regime", "confirmed", "base", "base_value", "basis",
    }  # fmt: skip
    explained = " ".join(line.text for line in quota.explained())
    assert rule in explained and "confirmed" in explained and quota.sources[0] in explained


def test_admission_counts_the_legal_number_or_the_sworn_and_says_which():
    legal = composition_quota("vacancy.admission", composition("2026-07-deputies"))
    assert legal.arithmetic == "⌈2/5 · 130⌉ = 52" and "the legal number, 130" in legal.basis
    sworn = composition_quota("vacancy.admission", composition("2026-07-deputies").habiles_only())
    # 128 sworn deputies on 31 July: ⌈0.4 · 128⌉ = ⌈51.2⌉ = 52
    assert sworn.votes == ceil(2 * 128 / 5) == 52 and sworn.arithmetic == "⌈2/5 · 128⌉ = 52"
    assert "128 members able to vote on 2026-07-31" in sworn.basis and "Albañil" in sworn.basis


def test_a_step_the_senate_does_not_vote_is_refused():
    with pytest.raises(CurulError, match="voted in deputies, not 'senate'"):
        chamber_power("2026-07-senate", "vacancy.filing")


def test_unicameral_thresholds_keep_their_keys():
    quota = composition_quota("vacancy.approval", composition("2021-07"))
    assert list(quota.as_dict()) == ["votes", "procedure", "arithmetic", "rule_id", "article", "sources"]
    assert quota.explained() == []


def test_member_games_have_one_player_per_member():
    power = chamber_power("2026-07-deputies", "vacancy.approval", members=True)
    assert power.players == 130 and len(set(power.indices.shapley_shubik)) == 1
    both = chamber_power(
        "2026-07-deputies", "vacancy.approval", members=True, senate="2026-07-senate",
        senate_threshold="vacancy.approval",
    )  # fmt: skip
    assert both.players == 190 and both.senate_quota.votes == 40 and both.senate_quota.rule_id == "B5"


def test_single_chamber_coalitions_on_the_2026_deputies():
    # record §3.1 deputies: FP 41 + JPP 32 + Obras 14 = 87, exactly the 87 of B4
    found = chamber_coalitions("2026-07-deputies", "vacancy.approval", limit=0)
    assert ("FP", "JPP", "Obras") in {c.groups for c in found.coalitions.minimal}
    assert found.as_dict()["threshold"]["rule_id"] == "B4"
