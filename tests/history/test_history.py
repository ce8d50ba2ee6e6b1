"""The replay since 2016 against the reference: the nine presidents and every recorded motion."""

from __future__ import annotations

import dataclasses
import json

import pytest

import curul.history
from curul.constitution import replay
from curul.history import history_events, presidents, replay_history

# shared/reference/peru-rules.md §3.1 (In/Out columns; Vizcarra's "9/10 Nov 2020" is the vote of the
# 9th, Merino sworn on the 10th; Sagasti sworn 17 Nov; Balcázar "due 28 Jul 2026", and he left then:
# peru-2026-record.md §2, Keiko Fujimori sworn in on 28 Jul 2026, term 2026-2031, still in office).
PRESIDENTS = [
    ("Pedro Pablo Kuczynski", "2016-07-28", "2018-03-23", "elected", "resignation accepted"),
    ("Martín Vizcarra", "2018-03-23", "2020-11-09", "1st Vice President", "vacated"),
    ("Manuel Merino", "2020-11-10", "2020-11-15", "President of Congress", "resignation accepted"),
    ("Francisco Sagasti", "2020-11-17", "2021-07-28", "elected President of Congress", "end of term"),
    ("Pedro Castillo", "2021-07-28", "2022-12-07", "elected", "vacated"),
    ("Dina Boluarte", "2022-12-07", "2025-10-10", "1st Vice President", "vacated"),
    ("José Jerí", "2025-10-10", "2026-02-17", "President of Congress", "censured as President of Congress"),
    ("José María Balcázar", "2026-02-18", "2026-07-28", "elected President of Congress", "end of term"),
    ("Keiko Fujimori", "2026-07-28", None, "elected", None),
]

# §3.2: every motion with counts and the recorded result (date, label fragment, expected outcome).
RECORDED_MOTIONS = [
    ("2017-12-15", "admission", "passed"),
    ("2017-12-21", "final vote", "failed"),
    ("2018-03-15", "admission", "passed"),
    ("2018-03-23", "resignation accepted", "passed"),
    ("2019-09-30", "suspends", "refused"),
    ("2020-09-11", "admission", "passed"),
    ("2020-09-18", "final vote", "failed"),
    ("2020-11-02", "admission", "passed"),
    ("2020-11-09", "vacated", "passed"),
    ("2020-11-15", "resignation accepted", "passed"),
    ("2021-12-07", "admission", "failed"),
    ("2022-03-14", "admission", "passed"),
    ("2022-03-28", "final vote", "failed"),
    ("2022-12-01", "admission", "passed"),
    ("2022-12-07", "vacated", "passed"),
    ("2023-04-04", "admission", "failed"),
    ("2023-04-04", "reconsideration", "failed"),
    ("2023-10-12", "archived", "failed"),
    ("2024-03-01", "admission", "failed"),
    ("2024-04-04", "Perú Libre", "failed"),
    ("2024-04-04", "Cambio Democrático", "failed"),
    ("2024-05-17", "11507", "failed"),
    ("2024-05-17", "11508", "failed"),
    ("2024-05-17", "11512", "failed"),
    ("2025-10-09", "19769", "passed"),
    ("2025-10-09", "19772", "passed"),
    ("2025-10-10", "vacated", "passed"),
    ("2025-10-10", "Censure of the board", "failed"),
    ("2025-10-16", "2nd attempt", "failed"),
    ("2026-02-17", "1st censure motion", "passed"),
    ("2026-02-17", "2nd censure motion", "passed"),
    ("2026-02-17", "3rd censure motion", "passed"),
    ("2026-02-17", "Point of order", "failed"),
    ("2026-02-17", "censured as President of Congress", "passed"),
    # §1.11 and §2.2: a constitutional reform and the three Reglamentos
    ("2024-03-06", "Law 31988", "passed"),
    ("2025-10-24", "Reglamento del Congreso", "passed"),
    ("2025-10-24", "Cámara de Diputados", "passed"),
    ("2025-10-24", "Reglamento del Senado", "passed"),
]


def test_nine_presidents_in_order_with_dates_and_how() -> None:
    rows = presidents()
    assert [r.name for r in rows] == [p[0] for p in PRESIDENTS]
    for row, (name, since, until, took, left) in zip(rows, PRESIDENTS, strict=True):
        assert (row.since, row.until) == (since, until), name
        assert row.took_office.startswith(took), (name, row.took_office)
        if left is None:
            assert row.left_office is None, (name, row.left_office)
        else:
            assert row.left_office is not None and left in row.left_office, (name, row.left_office)


@pytest.mark.parametrize(("date", "fragment", "expected"), RECORDED_MOTIONS)
def test_every_recorded_motion_passes_or_fails_as_recorded(date: str, fragment: str, expected: str) -> None:
    matches = [
        outcome
        for event, _, outcome in replay_history().steps
        if event.date.isoformat() == date and fragment in event.title
    ]
    assert matches, f"no event {fragment!r} on {date}"
    assert all(outcome == expected for outcome in matches)


def test_every_event_has_a_source_and_its_recorded_outcome() -> None:
    events = history_events()
    assert len(events) >= 70
    for event, trace, outcome in replay_history().steps:
        assert event.sources, event.title
        assert event.expect == outcome, (event.date, event.title, [s.text for s in trace])


def test_every_board_election_since_2016_names_its_winner() -> None:
    elected = [
        (e.date.isoformat(), e.winner)
        for e, _, outcome in replay_history().steps
        if e.type == "board_election" and outcome == "passed"
    ]
    assert elected == [
        ("2016-07-26", "Luz Salgado"),
        ("2017-07-26", "Luis Galarreta"),
        ("2018-07-26", "Daniel Salaverry"),
        ("2019-07-27", "Pedro Olaechea"),
        ("2020-03-16", "Manuel Merino"),
        ("2020-11-16", "Francisco Sagasti"),
        ("2021-07-26", "María del Carmen Alva"),
        ("2022-07-26", "Lady Camones"),
        ("2022-09-12", "José Williams"),
        ("2023-07-26", "Alejandro Soto"),
        ("2024-07-26", "Eduardo Salhuana"),
        ("2025-07-26", "José Jerí"),
        ("2026-02-18", "José María Balcázar"),
        # peru-2026-record.md §4.1: first dated mentions; the election dates and counts are not found
        ("2026-07-29", "Miguel Torres"),
        ("2026-07-30", "Oscar Reto"),
    ]


def test_alternative_counts_give_the_same_outcomes() -> None:
    """Where sources disagree (e.g. Balcázar 60 vs 64-46, PPK 105-12-4 vs 105-11-4) the result holds."""
    events = history_events()
    base = replay_history()
    checked = 0
    for index, event in enumerate(events):
        for alternative in event.alternatives:
            counts = {k: v for k, v in alternative.items() if k != "sources"}
            changed = dataclasses.replace(event, **counts)
            run = replay((*events[:index], changed, *events[index + 1 :]))
            assert run.steps[index][2] == base.steps[index][2], (event.title, counts)
            assert [t.name for t in run.state.presidents] == [t.name for t in base.state.presidents]
            checked += 1
    assert checked >= 10


def test_balcazar_conflict_is_recorded_with_both_sources() -> None:
    runoff = next(e for e in history_events() if e.date.isoformat() == "2026-02-18" and e.round == 2)
    assert runoff.yes == 60
    assert runoff.alternatives[0]["yes"] == 64 and runoff.alternatives[0]["no"] == 46
    assert any("gestion.pe" in s for s in runoff.sources)
    assert any("recentlyheard.com" in s for s in runoff.alternatives[0]["sources"])


def test_traces_explain_the_february_2026_succession() -> None:
    steps = {e.title: t for e, t, _ in replay_history().steps}
    censure = steps["Jerí censured as President of Congress"]
    assert censure[0].arithmetic == "75 ≥ 52 = ⌊102/2⌋ + 1"
    assert any("Fernando Rospigliosi" in s.text for s in censure)
    first_round = steps["Election of the President of Congress: first round"]
    assert first_round[0].arithmetic == "46 < 59 = ⌊117/2⌋ + 1"
    boluarte = steps["Boluarte vacated (vote just after midnight)"]
    assert any(s.arithmetic == "122 ≥ 87 = ⌈2/3 · 130⌉" for s in boluarte)


def test_history_cli_json(curul_cli) -> None:
    result = curul_cli("history", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [p["name"] for p in data["presidents"]] == [p[0] for p in PRESIDENTS]
    assert len(data["presidents"]) == 9
    assert data["presidents"][-1] | {} == {
        "number": 9, "name": "Keiko Fujimori", "since": "2026-07-28", "until": None,
        "took_office": "elected (Arts. 111, 116)", "left_office": None,
    }  # fmt: skip
    assert set(data["presidents"][0]) == {"number", "name", "since", "until", "took_office", "left_office"}
    events = json.loads(curul_cli("history", "--events", "--json").stdout)["events"]
    assert len(events) == len(history_events())
    assert {"date", "type", "outcome", "trace", "sources"} <= set(events[0])
    assert {"rule", "article", "text", "arithmetic", "sources"} <= set(events[0]["trace"][0])


def test_public_api() -> None:
    assert curul.history.__all__ == [
        "EVENT_FIELDS",
        "MAX_EVENTS",
        "Office",
        "PowerState",
        "PresidentRow",
        "Scenario",
        "ScenarioResult",
        "Transition",
        "TransitionEvent",
        "Transitions",
        "example_scenarios",
        "history",
        "history_events",
        "load_scenario",
        "presidents",
        "presidents_frame",
        "replay_history",
        "run_scenario",
        "scenario_fields",
        "scenario_from_fields",
        "state",
        "transitions",
    ]
    frame = curul.history.presidents_frame()
    assert list(frame["name"]) == [p[0] for p in PRESIDENTS]


def test_the_2026_events_are_sourced_and_invent_no_count() -> None:
    """peru-2026-record.md: the runoff count and the board elections' dates and counts were not found, so
    the events carry none and say so; the policy presentation of 20 Aug had no confidence vote."""
    steps = {
        e.title: (e, t) for e, t, _ in replay_history().steps if e.date.year == 2026 and e.date.month >= 6
    }
    runoff, trace = steps["2026 runoff: Keiko Fujimori vs Roberto Sánchez"]
    assert (runoff.yes, runoff.no) == (None, None) and "not in the sources" in runoff.note
    assert (runoff.first_vp, runoff.second_vp) == ("Luis Galarreta", "Miguel Torres")
    for title in (t for t in steps if "first dated mention" in t):
        event, trace = steps[title]
        assert event.yes is None and "not in the sources" in event.note
        assert "counts not reported" in trace[-1].text and "UNCONFIRMED" in trace[-1].text
    _, trace = steps[
        "Galarreta presents the general policy to the Chamber of Deputies, without a confidence vote"
    ]
    assert trace[-1].rule == "B6" and trace[-1].arithmetic == "23 ≤ 30 days from 2026-07-28"
    assert "no confidence question is required [UNCONFIRMED" in trace[-1].text
    state = replay_history().state
    assert (state.president, state.first_vp, state.second_vp, state.pcm) == (
        "Keiko Fujimori",
        "Luis Galarreta",
        "Miguel Torres",
        "Luis Galarreta",
    )
    assert state.board("senate").president == "Miguel Torres"
    assert state.board("deputies").president == "Oscar Reto"
