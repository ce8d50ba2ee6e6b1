"""The calendar: what the date alone changes, with no event to record it.

A state moved to a later date must be the state *of that date*: the regime in force on it (a regime
file's ``valid_from``), the boards whose annual period ended (Reglamento del Congreso Art. 12: a board is
elected for one annual session period), and the President whose five-year term ended (Arts. 112, 116),
the President-elect taking office that day if an election is on record. :func:`advance` applies these
in date order and traces each one with the provision of the regime that orders it; the engine calls it
before every event, and ``curul state`` after the last event up to the date asked for.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace

from curul.constitution._regime import Provision, Regime
from curul.constitution._regime_file import RegimeSource, regime_for_date, regime_set, regimes
from curul.constitution._run import CHAMBER_WORDS
from curul.constitution._state import Board, State, Tenure
from curul.constitution._trace import Trace, TraceStep

CALENDAR = "calendar"


class _Steps:
    """The trace of the calendar's transitions, each dated on the day it takes effect."""

    def __init__(self, label: str, kind: str) -> None:
        self.label = label
        self.kind = kind
        self.steps: list[TraceStep] = []

    def add(self, on: dt.date, outcome: str, cite: Provision, text: str) -> None:
        self.steps.append(
            TraceStep(
                date=on,
                event=self.label,
                type=self.kind,
                outcome=outcome,
                rule=cite.rule_id,
                article=cite.article,
                text=text,
                sources=cite.sources,
            )
        )


def presidential_term_end(tenure: Tenure, given: Iterable[RegimeSource] | None = None) -> dt.date:
    """The day the term of the President in ``tenure`` ends, under the regime in force when it began."""
    return regime_for_date(tenure.since, given).presidential_term_end(tenure.since)


def _next(state: State, on: dt.date, given: tuple[Regime, ...], leave: str | None) -> dt.date | None:
    """The first day after ``state.date`` and no later than ``on`` on which the calendar changes it."""
    days: list[dt.date] = []
    bounds = {r.valid_from for r in (*given, *regimes())}
    bounds |= {r.valid_until + dt.timedelta(days=1) for r in (*given, *regimes()) if r.valid_until}
    for day in sorted(bounds):
        if state.date < day <= on and regime_for_date(day, given).id != state.regime:
            days.append(day)
            break
    days += [b.until + dt.timedelta(days=1) for b in state.boards if b.until and b.until < on and not b.empty]
    tenure = state.tenure
    if tenure is not None:
        end = presidential_term_end(tenure, given)
        if end < on or (end == on and leave != "inauguration"):
            days.append(max(end, state.date))
    return max(min(days), state.date) if days else None


def _expire_boards(state: State, day: dt.date, regime: Regime, out: _Steps) -> State:
    for board in state.boards:
        if board.until is None or board.until >= day or board.empty:
            continue
        presiding = regime.presiding_chamber(board.until)
        names = ", ".join(b for b in (board.president, board.first_vp, board.second_vp, board.third_vp) if b)
        text = (
            f"The board of {CHAMBER_WORDS.get(board.chamber, board.chamber)} ({names}) was elected for the "
            f"annual period that ended {board.until.isoformat()}: its posts are vacant until the next board "
            "election"
        )
        if (
            state.president_board_post
            and board.chamber == presiding
            and state.president == board.get(state.president_board_post)
        ):
            text += f"; {state.president} goes on exercising the presidency of the Republic"
            state = replace(state, president_board_post=None)
        state = state.with_board(Board(chamber=board.chamber))
        out.add(day, "info", regime.provision("board_term"), text)
    return state


def _switch_regime(state: State, day: dt.date, regime: Regime, out: _Steps) -> State:
    names = {c.name for c in regime.chambers}
    dropped = [b.chamber for b in state.boards if b.chamber not in names]
    state = replace(
        state,
        regime=regime.id,
        boards=tuple(b for b in state.boards if b.chamber in names),
        dissolved=tuple(c for c in state.dissolved if c in names),
        councils=tuple(c for c in state.councils if c.chamber in names),
        motion=None,
        president_board_post=None if dropped else state.president_board_post,
    )
    text = f"regime {regime.id} in force from {regime.valid_from.isoformat()}"
    if dropped:
        text += f"; the board of {', '.join(dropped)} ends with its chamber"
    out.add(day, "info", regime.provision("in_force"), text)
    return state


def _end_term(state: State, day: dt.date, regime: Regime, out: _Steps) -> State:
    tenure = state.tenure
    assert tenure is not None
    closed = replace(tenure, until=day, left="end of term (Arts. 112, 116)")
    outgoing = f"{tenure.name}'s term ends on {day.isoformat()}; the Vice Presidents' terms end with it" + (
        f", and the Council of Ministers of {state.pcm} leaves with the outgoing government"
        if state.pcm
        else ""
    )
    out.add(day, "applied", regime.provision("end_of_term"), outgoing)
    state = replace(
        state,
        presidents=(*state.presidents[:-1], closed),
        first_vp=None,
        second_vp=None,
        pcm=None,
        pcm_since=None,
        president_board_post=None,
        suspended_president=None,
        elections_convened=None,
        motion=None,
    )
    elect = state.president_elect
    if elect is None:
        out.add(
            day,
            "info",
            regime.provision("inauguration"),
            f"the President elected for the term from {day.isoformat()} takes office on "
            f"{regime.inauguration_words}; no election for it is on record, so who holds the presidency is "
            "not in the sources",
        )
        return replace(state, pending_successor="president-elect (not in the sources)")
    out.add(
        day,
        "applied",
        regime.provision("inauguration"),
        f"{elect[0]} takes office on {regime.inauguration_words} (no inauguration event recorded)",
    )
    return replace(
        state,
        presidents=(*state.presidents, Tenure(name=elect[0], since=day, via="elected (Arts. 111, 116)")),
        first_vp=elect[1],
        second_vp=elect[2],
        president_elect=None,
        pending_successor=None,
    )


def advance(
    state: State,
    on: dt.date,
    given_regimes: Iterable[RegimeSource] | None = None,
    *,
    leave: str | None = None,
    label: str = CALENDAR,
) -> tuple[State, Trace]:
    """Move ``state`` to the date ``on``, applying in date order what the calendar changes by then: the
    regime in force, the boards whose annual period ended, the presidential term that ended. ``leave``
    names the event about to be applied on ``on`` that makes its own transition (an ``inauguration`` ends
    the outgoing term itself); ``label`` names the steps in the trace."""
    if on < state.date:
        raise ValueError(f"cannot move a state of {state.date} back to {on}")
    given = regime_set(given_regimes)
    out = _Steps(label, CALENDAR)
    while (day := _next(state, on, given, leave)) is not None:
        state = replace(state, date=day)
        regime = regime_for_date(day, given)
        if regime.id != state.regime:
            state = _switch_regime(state, day, regime, out)
        state = _expire_boards(state, day, regime, out)
        tenure = state.tenure
        if tenure is not None:
            end = presidential_term_end(tenure, given)
            if end <= day and not (end == on and leave == "inauguration"):
                state = _end_term(state, day, regime, out)
    return replace(state, date=on), Trace(tuple(out.steps))
