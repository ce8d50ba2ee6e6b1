"""What the date alone changes (curul.constitution.advance): the regime in force, the boards whose annual
period ended, the presidential term that ended — and a refused event keeps all of it."""

from __future__ import annotations

import datetime as dt

from curul.constitution import Event, advance, apply, initial_state, replay

D = dt.date


def _elected(on: str = "2026-06-07", winner: str = "A", first_vp: str | None = "B") -> Event:
    return Event(date=D.fromisoformat(on), type="general_election", winner=winner, first_vp=first_vp)


def test_the_regime_follows_the_date_even_when_the_event_is_refused() -> None:
    # peru-1993-unicameral ends on 26 Jul 2026, peru-2026-bicameral starts on 27 Jul (the regime files).
    start = initial_state(D(2026, 1, 1))
    assert start.regime == "peru-1993-unicameral"
    refused = Event(date=D(2026, 12, 1), type="vacancy_admission", chamber="deputies", yes=60)
    state, trace = apply(start, refused)
    assert trace.outcome == "refused"  # nobody in office to vacate
    assert (state.date, state.regime) == (D(2026, 12, 1), "peru-2026-bicameral")
    assert trace[0].rule == "B8" and "in force from 2026-07-27" in trace[0].text


def test_the_presidential_term_ends_on_28_july_of_its_fifth_year() -> None:
    # Arts. 112, 116: five years from 28 July 2026 is 28 July 2031 (presidential_term_start, _years).
    run = replay((_elected(), Event(date=D(2026, 7, 28), type="inauguration")))
    assert run.state.president == "A"
    later, trace = advance(run.state, D(2031, 7, 27))
    assert later.president == "A" and not trace.steps
    after, trace = advance(run.state, D(2031, 7, 28))
    assert after.president is None and after.first_vp is None
    assert after.presidents[-1].until == D(2031, 7, 28)
    assert after.pending_successor == "president-elect (not in the sources)"
    assert [s.rule for s in trace] == ["R19", "R19"]


def test_a_recorded_president_elect_takes_office_without_an_inauguration_event() -> None:
    state = replay((_elected("2021-06-06", "X"), Event(date=D(2021, 7, 28), type="inauguration"))).state
    state, _ = apply(state, _elected("2026-06-07", "Y", "Z"))
    after, trace = advance(state, D(2026, 8, 1))
    assert [t.name for t in after.presidents] == ["X", "Y"]
    assert after.presidents[0].until == D(2026, 7, 28) and after.presidents[1].since == D(2026, 7, 28)
    assert after.first_vp == "Z" and after.regime == "peru-2026-bicameral"
    assert "no inauguration event recorded" in trace[-1].text


def test_a_board_serves_one_annual_period() -> None:
    # Reglamento del Congreso Art. 12: elected on 26 Jul 2024 for 2024-25, its posts are vacant from
    # 27 Jul 2025 unless a new board is elected.
    board = Event(date=D(2024, 7, 26), type="board_election", winner="P", first_vp="V", yes=80, no=40)
    state = replay((board,)).state
    assert state.board("congress").until == D(2025, 7, 26)
    kept, _ = advance(state, D(2025, 7, 26))
    assert kept.board("congress").president == "P"
    gone, trace = advance(state, D(2025, 7, 27))
    assert gone.board("congress").president is None and gone.board("congress").first_vp is None
    assert trace[0].rule == "R14" and "annual period that ended 2025-07-26" in trace[0].text


def test_a_post_filled_mid_period_completes_its_board_period() -> None:
    july = Event(date=D(2022, 7, 26), type="board_election", winner="P", yes=80, no=40)
    censure = Event(date=D(2022, 9, 5), type="board_censure", target="president_of_congress", yes=70, no=40)
    filled = Event(
        date=D(2022, 9, 12), type="board_election", target="president_of_congress", winner="Q", yes=70, no=40
    )
    state = replay((july, censure, filled)).state
    assert state.board("congress").president == "Q" and state.board("congress").until == D(2023, 7, 26)
