"""Counterfactual scenarios: every procedure, both regimes, refusals and both readings of contested rules.

Expected holders come from the reference's rules (R1-R21, B1-B11) applied to the bundled history's
office holders on the scenario's date (e.g. on 2026-02-16 Jerí exercises the presidency as President of
Congress and Rospigliosi, 1st VP of the board, presides Congress).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from curul.errors import CurulError
from curul.history import load_scenario, run_scenario

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "scenarios"

FEB = 'base = "history"\nuntil = "2026-02-16"\n'
VACANCY_90 = """
[[events]]
date = "2026-02-17"
type = "vacancy_vote"
target = "president"
yes = {yes}
no = 20
abstain = 5
"""


def outcomes(result) -> list[str]:
    return [e["outcome"] for e in result.as_dict()["events"]]


def test_feb2026_vacancy_default_reading_waits_for_a_board_election(scenario) -> None:
    result = scenario(FEB + VACANCY_90.format(yes=90))
    data = result.as_dict()
    assert data["president"] is None
    assert data["pending_successor"] == "next_president_of_congress"
    assert data["acting_head_of_congress"] == "Fernando Rospigliosi"
    assert data["options_used"]["interim_vacancy_successor"] == "next_elected_board_president"
    assert any(
        s["reading"] == "interim_vacancy_successor=next_elected_board_president" for s in data["trace"]
    )
    assert any(s["arithmetic"] == "90 ≥ 87 = ⌈2/3 · 130⌉" for s in data["trace"])


def test_feb2026_vacancy_acting_head_reading_makes_rospigliosi_president(scenario) -> None:
    text = (
        FEB + '[options]\ninterim_vacancy_successor = "acting_head_of_congress"\n' + VACANCY_90.format(yes=90)
    )
    data = scenario(text).as_dict()
    assert data["president"]["name"] == "Fernando Rospigliosi"
    assert data["president"]["since"].isoformat() == "2026-02-17"
    assert data["acting_head_of_congress"] == "Waldemar Cerrón"  # 2nd VP of the 2025-26 board
    assert any("acting_head_of_congress" in (s["reading"] or "") for s in data["trace"])


def test_feb2026_vacancy_short_of_87_changes_nothing(scenario) -> None:
    result = scenario(FEB + VACANCY_90.format(yes=86))
    assert outcomes(result) == ["failed"]
    assert result.as_dict()["president"]["name"] == "José Jerí"


def test_censure_by_simple_majority_then_board_election_names_the_successor() -> None:
    result = run_scenario(load_scenario(EXAMPLES / "feb2026-censure-then-election.toml"))
    data = result.as_dict()
    assert outcomes(result) == ["passed", "passed"]
    assert data["president"]["name"] == "María del Carmen Alva"
    assert data["president_of_congress"] == "María del Carmen Alva"
    # 75 ≥ ⌊102/2⌋ + 1 = 52: a simple majority of those present, far below the 87 a vacancy needs.
    assert data["trace"][0]["arithmetic"] == "75 ≥ 52 = ⌊102/2⌋ + 1"


def test_board_election_without_majority_needs_a_runoff(scenario) -> None:
    text = (
        FEB
        + """
[[events]]
date = "2026-02-17"
type = "board_censure"
target = "president_of_congress"
yes = 60
no = 40

[[events]]
date = "2026-02-18"
type = "board_election"
winner = "Candidate X"
yes = 58
no = 50
present = 117
"""
    )
    result = scenario(text)
    assert outcomes(result) == ["passed", "failed"]  # 58 < ⌊117/2⌋ + 1 = 59
    assert result.as_dict()["president"] is None


def test_failed_board_censure_changes_nothing(scenario) -> None:
    text = (
        FEB
        + """
[[events]]
date = "2026-02-17"
type = "board_censure"
target = "president_of_congress"
yes = 40
no = 50
abstain = 5
"""
    )
    result = scenario(text)
    assert outcomes(result) == ["failed"]
    assert result.as_dict()["president"]["name"] == "José Jerí"


def test_dissolution_refused_in_last_year() -> None:
    result = run_scenario(load_scenario(EXAMPLES / "dissolution-last-year.toml"))
    assert outcomes(result) == ["passed", "passed", "refused"]
    assert "last year" in result.as_dict()["trace"][-1]["text"]


def test_dissolution_allowed_after_two_councils_and_refused_under_siege(scenario) -> None:
    censures = """
[[events]]
date = "2022-02-01"
type = "cabinet_censure"
yes = 70
no = 40

[[events]]
date = "2022-03-01"
type = "cabinet_censure"
yes = 66
no = 50
"""
    base = 'base = "history"\nuntil = "2022-01-31"\n'
    allowed = scenario(base + censures + '\n[[events]]\ndate = "2022-04-01"\ntype = "dissolution"\n')
    assert outcomes(allowed) == ["passed", "passed", "passed"]
    assert allowed.state.dissolved == ("congress",)
    siege = scenario(
        base + censures + '\n[[events]]\ndate = "2022-03-15"\ntype = "state_of_siege"\ntarget = "on"\n'
        '\n[[events]]\ndate = "2022-04-01"\ntype = "dissolution"\n'
    )
    assert outcomes(siege)[-1] == "refused"


def test_dissolution_count_scope_both_readings(scenario) -> None:
    events = """
[[events]]
date = "2019-09-30"
type = "confidence_denied"
name = "Salvador del Solar"

[[events]]
date = "2019-09-30"
type = "dissolution"
"""
    base = 'base = "history"\nuntil = "2019-09-29"\n'
    assert outcomes(scenario(base + events))[-1] == "passed"  # Zavala 2017 + Del Solar 2019
    narrow = base + '[options]\ndissolution_count_scope = "presidential_tenure"\n' + events
    assert outcomes(scenario(narrow))[-1] == "refused"  # only Del Solar under Vizcarra


def test_debate_window_readings(scenario) -> None:
    vote = """
[[events]]
date = "2022-03-28"
type = "vacancy_vote"
target = "president"
yes = 90
no = 30
"""
    base = 'base = "history"\nuntil = "2022-03-14"\n'
    working = scenario(base + vote).as_dict()
    assert working["president"]["name"] == "Dina Boluarte"  # 10th working day: in time
    natural = scenario(base + '[options]\ndebate_window_days = "natural"\n' + vote)
    assert outcomes(natural) == ["refused"]  # 14th natural day


def test_vacancy_before_third_day_needs_fast_track(scenario) -> None:
    base = 'base = "history"\nuntil = "2022-12-01"\n'
    early = '\n[[events]]\ndate = "2022-12-02"\ntype = "vacancy_vote"\ntarget = "president"\nyes = 101\n'
    assert outcomes(scenario(base + early)) == ["refused"]
    assert outcomes(scenario(base + early + "fast_track = 103\n")) == ["refused"]  # 103 < 104
    assert outcomes(scenario(base + early + "fast_track = 104\n")) == ["passed"]


def test_resignation_accepted_and_death_follow_art_115(scenario) -> None:
    base = 'base = "history"\nuntil = "2022-01-09"\n'
    death = scenario(base + '\n[[events]]\ndate = "2022-01-10"\ntype = "death"\ntarget = "president"\n')
    assert death.as_dict()["president"]["name"] == "Dina Boluarte"
    text = (
        base + '\n[[events]]\ndate = "2022-01-10"\ntype = "resignation_accepted"\ntarget = "president"\n'
        "yes = 100\nno = 10\n"
    )
    assert scenario(text).as_dict()["president"]["name"] == "Dina Boluarte"


def test_president_of_congress_succeeds_and_calls_elections_both_readings(scenario) -> None:
    base = 'base = "history"\nuntil = "2024-06-01"\n'  # Boluarte, no Vice Presidents; Soto heads Congress
    event = '\n[[events]]\ndate = "2024-06-02"\ntype = "death"\ntarget = "president"\n'
    default = scenario(base + event)
    assert default.as_dict()["president"]["name"] == "Alejandro Soto"
    assert default.state.elections_convened.startswith("presidential-only elections")
    general = scenario(base + '[options]\nelection_call_scope = "general"\n' + event)
    assert general.state.elections_convened.startswith("general elections")


def test_suspension_is_temporary_succession(scenario) -> None:
    base = 'base = "history"\nuntil = "2022-01-09"\n'
    text = (
        base
        + '\n[[events]]\ndate = "2022-01-10"\ntype = "suspension"\ntarget = "president"\nyes = 70\nno = 50\n'
    )
    data = scenario(text).as_dict()
    assert data["president"]["name"] == "Dina Boluarte"
    assert "suspension" in data["president"]["via"]


def test_bicameral_vacancy_needs_deputies_then_senate() -> None:
    result = run_scenario(load_scenario(EXAMPLES / "bicameral-vacancy.toml"))
    data = result.as_dict()
    assert data["regime"] == "peru-2026-bicameral"
    assert data["president"]["name"] == "Vice President B"
    assert [t["arithmetic"] for t in data["trace"] if t["rule"] in ("B4", "B5") and t["arithmetic"]] == [
        "90 ≥ 87 = ⌈2/3 · 130⌉",
        "41 ≥ 40 = ⌈2/3 · 60⌉",
    ]


BICAMERAL = """base = "none"

[[events]]
date = "2026-06-07"
type = "general_election"
winner = "President A"

[[events]]
date = "2026-07-27"
type = "installation"

[[events]]
date = "2026-07-27"
type = "board_election"
chamber = "senate"
winner = "Senator S"
yes = 40
no = 20

[[events]]
date = "2026-07-27"
type = "board_election"
chamber = "deputies"
winner = "Deputy D"
yes = 80
no = 50

[[events]]
date = "2026-07-28"
type = "inauguration"
"""


def test_bicameral_refusals(scenario) -> None:
    senate_first = (
        BICAMERAL + '\n[[events]]\ndate = "2026-09-01"\ntype = "vacancy_vote"\nchamber = "senate"\nyes = 50\n'
    )
    assert outcomes(scenario(senate_first))[-1] == "refused"
    no_chamber = BICAMERAL + '\n[[events]]\ndate = "2026-09-01"\ntype = "vacancy_vote"\nyes = 100\n'
    assert outcomes(scenario(no_chamber))[-1] == "refused"
    senate_dissolved = (
        BICAMERAL + '\n[[events]]\ndate = "2026-09-01"\ntype = "dissolution"\nchamber = "senate"\n'
    )
    assert outcomes(scenario(senate_dissolved))[-1] == "refused"
    senate_39 = (
        BICAMERAL
        + """
[[events]]
date = "2026-09-01"
type = "vacancy_vote"
chamber = "deputies"
yes = 87
[[events]]
date = "2026-09-02"
type = "vacancy_vote"
chamber = "senate"
yes = 39
"""
    )
    result = scenario(senate_39)
    assert outcomes(result)[-2:] == ["passed", "failed"]
    assert result.as_dict()["president"]["name"] == "President A"


def test_bicameral_president_of_congress_alternates(scenario) -> None:
    vacancy = """
[[events]]
date = "{date}"
type = "vacancy_vote"
chamber = "deputies"
yes = 100
[[events]]
date = "{date}"
type = "vacancy_vote"
chamber = "senate"
yes = 45
"""
    first = scenario(BICAMERAL + vacancy.format(date="2026-10-01")).as_dict()
    assert first["president"]["name"] == "Senator S"  # President of the Senate presides Congress in 2026-27
    # The boards of 2026-27 end on 26 Jul 2027 (one annual period, Reglamento Art. 12): in 2027-28 the
    # President of Congress is whoever the Chamber of Deputies elects for that period.
    reelected = """
[[events]]
date = "2027-07-26"
type = "board_election"
chamber = "deputies"
winner = "Deputy D"
yes = 80
no = 50
"""
    second = scenario(BICAMERAL + reelected + vacancy.format(date="2027-10-01")).as_dict()
    assert second["president"]["name"] == "Deputy D"  # the Chamber of Deputies' president in 2027-28
    unelected = scenario(BICAMERAL + vacancy.format(date="2027-10-01")).as_dict()
    assert unelected["president"] is None  # no board elected for 2027-28: the presidency waits for one
    assert unelected["pending_successor"] == "next_president_of_congress"


def test_inauguration_only_on_28_july(scenario) -> None:
    text = 'base = "none"\n[[events]]\ndate = "2026-06-07"\ntype = "general_election"\nwinner = "A"\n'
    text += '[[events]]\ndate = "2026-07-29"\ntype = "inauguration"\n'
    assert outcomes(scenario(text)) == ["applied", "refused"]


def test_procedure_not_encoded_in_the_regime_is_refused_not_guessed(scenario) -> None:
    text = (
        BICAMERAL
        + """
[[events]]
date = "2026-09-01"
type = "board_censure_admission"
target = "president_of_senate"
yes = 40
"""
    )
    result = scenario(text)
    assert outcomes(result)[-1] == "refused"
    assert "not encoded" in result.as_dict()["trace"][-1]["text"]


def test_every_trace_step_names_a_rule_article_or_sources() -> None:
    for path in sorted(EXAMPLES.glob("*.toml")):
        for step in run_scenario(load_scenario(path)).run.trace:
            assert step.sources, (path.name, step.text)
            assert step.article or step.rule, (path.name, step.text)


def test_constitutional_reform_paths_and_refusal_under_the_bicameral_regime(scenario) -> None:
    reform = """
[[events]]
date = "{date}"
type = "procedure_vote"
target = "constitutional_reform.{path}"
yes = {yes}
"""
    base = 'base = "history"\nuntil = "2024-03-05"\n'
    # Art. 206: 66 (then a referendum) or more than 2/3 (87) in each of two legislatures.
    assert outcomes(scenario(base + reform.format(date="2024-03-06", path="single_legislature", yes=66))) == [
        "passed"
    ]
    assert outcomes(scenario(base + reform.format(date="2024-03-06", path="two_legislatures", yes=86))) == [
        "failed"
    ]
    later = 'base = "none"\n' + reform.format(date="2026-09-01", path="two_legislatures", yes=120)
    with pytest.raises(CurulError, match="unknown procedure for peru-2026-bicameral"):
        scenario(later)


def test_a_scenario_after_july_2026_follows_its_date_even_when_its_event_is_refused(scenario) -> None:
    """The base stops in February 2026 (Balcázar in office); the event, dated December 2026, is refused
    (nobody to vacate): the state is still that of its date — bicameral regime, Balcázar's term over."""
    result = scenario(
        'base = "history"\nuntil = "2026-02-20"\n[[events]]\ndate = "2026-12-01"\n'
        'type = "vacancy_admission"\nchamber = "deputies"\nyes = 60\nno = 50\n'
    )
    data = result.as_dict()
    assert data["regime"] == data["state"]["regime"] == "peru-2026-bicameral"
    assert data["president"] is None
    assert [s["outcome"] for s in data["trace"]][-1] == "refused"
    ended = result.state.presidents[-1]
    assert (ended.name, ended.until) == ("José María Balcázar", dt.date(2026, 7, 28))


# -- the bicameral scenarios from the state of 2 December 2026 (examples/scenarios/*-2026.toml) ---------


def _power(name: str) -> dict:
    return run_scenario(load_scenario(EXAMPLES / name)).as_dict()


def test_a_file_without_events_reports_the_state_on_its_until_date() -> None:
    data = _power("today.toml")
    assert data["events"] == [] and data["date"] == dt.date(2026, 12, 2)
    assert data["power"]["offices"]["president"]["person"] == "Keiko Fujimori"
    assert data["power"]["chambers"]["senate"]["total"] == 60


def test_bicameral_vacancy_of_fujimori_names_galarreta() -> None:
    data = _power("bicameral-vacancy-2026.toml")
    steps = [(s["outcome"], s["rule"], s["arithmetic"]) for s in data["trace"]]
    # peru-rules.md §2.3: 39 signatures (B1), 40% of hábiles (B2), 87 of 130 (B4), 40 of 60 (B5).
    assert ("passed", "B1", "45 ≥ 39 = 39 (fixed number)") in steps
    assert ("passed", "B2", "70 ≥ 52 = ⌈2/5 · 128⌉") in steps
    assert ("passed", "B4", "90 ≥ 87 = ⌈2/3 · 130⌉") in steps
    assert ("passed", "B5", "41 ≥ 40 = ⌈2/3 · 60⌉") in steps
    assert all(s["sources"] for s in data["trace"])
    assert any("[UNCONFIRMED rule]" in s["text"] for s in data["trace"])  # B8 succession is an inference
    assert data["president"]["name"] == "Luis Galarreta"
    assert data["power"]["offices"]["president"]["person"] == "Luis Galarreta"
    assert any("also President of the Council of Ministers" in s["text"] for s in data["trace"])


def test_resignation_death_and_suspension_of_fujimori() -> None:
    resigned = _power("resignation-2026.toml")
    assert resigned["president"]["name"] == "Luis Galarreta"
    assert [s["outcome"] for s in resigned["trace"]][:2] == ["applied", "passed"]
    died = _power("death-2026.toml")
    assert died["president"]["via"] == "1st Vice President, by succession (Art. 115)"
    suspended = _power("suspension-2026.toml")
    assert suspended["president"]["via"] == "1st Vice President, during a suspension (Arts. 114, 115)"
    assert (
        suspended["power"]["offices"]["first_vp"]["person"] == "Luis Galarreta"
    )  # temporary: keeps the office


def test_both_vice_presidents_gone_the_president_of_congress_assumes_and_calls_elections() -> None:
    data = _power("both-vice-presidents-2026.toml")
    assert data["president"]["name"] == "Miguel Torres"
    assert data["president"]["via"] == "President of the Senate, by succession (Art. 115)"
    assert (
        "presidential-only elections called by Miguel Torres on 2026-12-05"
        in data["state"]["elections_convened"]
    )
    assert any(s["reading"] == "election_call_scope=presidential_only" for s in data["trace"])


def test_board_censures_in_both_chambers() -> None:
    data = _power("board-censures-2026.toml")
    offices = data["power"]["offices"]
    assert (
        offices["president_of_deputies"]["person"] is None
        and offices["president_of_senate"]["person"] is None
    )
    assert offices["president_of_congress"]["person"] is None
    assert offices["second_vp"]["person"] == "Miguel Torres"  # the censure touches his board post only
    assert [s["arithmetic"] for s in data["trace"] if s["outcome"] == "passed"] == [
        "70 ≥ 63 = ⌊125/2⌋ + 1",
        "33 ≥ 31 = ⌊60/2⌋ + 1",
    ]


def test_cabinet_censure_then_no_dissolution_with_one_council() -> None:
    data = _power("cabinet-censure-2026.toml")
    assert [s["outcome"] for s in data["trace"]] == ["passed", "applied", "refused"]
    assert data["trace"][0]["arithmetic"] == "70 ≥ 66 = ⌊130/2⌋ + 1" and data["trace"][0]["rule"] == "B6"
    assert data["trace"][-1]["rule"] == "B7" and data["trace"][-1]["arithmetic"] == "1 < 2"
    assert data["power"]["offices"]["pcm"]["person"] is None
    assert "Councils fallen this term: 1" in data["power"]["succession"]["pcm"]["says"]
