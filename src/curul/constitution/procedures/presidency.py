"""The presidency: election (Const. Art. 111), term (Art. 112), taking office (Art. 116) and the
convening of general elections (Art. 118)."""

from __future__ import annotations

from dataclasses import replace

from curul.constitution._run import Run
from curul.constitution._state import State
from curul.constitution.procedures._registry import Topic
from curul.constitution.procedures.succession import close_tenure, install

TOPIC = Topic(
    "Presidency", __name__, ("Const. Art. 111", "Const. Art. 112", "Const. Art. 116", "Const. Art. 118")
)


@TOPIC.handler("general_election", needs=("winner",), articles=("Const. Art. 111", "Const. Art. 116"))
def general_election(run: Run, state: State) -> State:
    """Art. 111: the President is elected by more than half of the valid votes (with runoff counts the
    majority is checked); the President-elect takes office under Art. 116."""
    ev = run.event
    if not ev.winner:
        run.reject("general_election needs the winner")
    if ev.yes is not None and ev.no is not None:
        valid = ev.yes + ev.no
        won = 2 * ev.yes > valid
        run.step(
            "passed" if won else "failed", run.provision("presidential_election"),
            f"{ev.winner} wins the runoff with more than half of the valid votes" if won
            else f"{ev.winner} does not reach more than half of the valid votes",
            f"{ev.yes:,} {'>' if won else '≤'} {valid:,}/2 = {valid / 2:,.1f}",
        )  # fmt: skip
        if not won:
            return state
    else:
        run.step(
            "applied", run.provision("presidential_election"), f"{ev.winner} elected President (as recorded)"
        )
    ticket = ", ".join(x for x in (ev.first_vp, ev.second_vp) if x) or "no Vice Presidents"
    run.step(
        "applied",
        run.provision("president_elect"),
        f"President-elect {ev.winner} ({ticket}) takes office on {run.regime.inauguration_words}",
    )
    return replace(state, president_elect=(ev.winner, ev.first_vp, ev.second_vp))


@TOPIC.handler("inauguration", articles=("Const. Art. 112", "Const. Art. 116"))
def inauguration(run: Run, state: State) -> State:
    """Art. 116: the President-elect takes office on the regime's inauguration day (28 July); the
    outgoing President's five-year term (Art. 112) ends that day."""
    ev = run.event
    taking_office = run.provision("inauguration")
    wrong_day = f"the President takes office on {run.regime.inauguration_words}, not {ev.date.isoformat()}"
    elect = state.president_elect
    if ev.winner:
        elect = (ev.winner, ev.first_vp, ev.second_vp)
    if elect is None and ev.result == "passed":
        # The inauguration is recorded but the name of the President-elect is not in the sources.
        if not run.regime.is_inauguration_day(ev.date):
            run.refuse(taking_office, wrong_day)
        outgoing = state.president
        state = close_tenure(state, ev.date, "end of term (Arts. 112, 116)")
        run.step(
            "applied", run.provision("end_of_term"),
            f"{outgoing or 'the outgoing President'}'s term ends; "
            f"the President elected in {ev.date.year} takes "
            "office (the name is not in the bundled sources)",
        )  # fmt: skip
        return replace(
            state,
            first_vp=None,
            second_vp=None,
            pending_successor="president-elect (name not recorded)",
            elections_convened=None,
            motion=None,
        )
    if elect is None:
        run.refuse(taking_office, "no President-elect on record to take office")
    if not run.regime.is_inauguration_day(ev.date):
        run.refuse(taking_office, wrong_day)
    outgoing = state.president
    if outgoing:
        state = close_tenure(state, ev.date, "end of term (Arts. 112, 116)")
        run.step("applied", run.provision("end_of_term"), f"{outgoing}'s term ends")
    run.step("applied", taking_office, f"{elect[0]} takes office before Congress")
    state = replace(
        state,
        first_vp=elect[1],
        second_vp=elect[2],
        pcm=None,
        pcm_since=None,
        president_elect=None,
        elections_convened=None,
        motion=None,
        suspended_president=None,
        pending_successor=None,
    )
    return install(run, state, elect[0], "elected (Arts. 111, 116)")


@TOPIC.handler("elections_convened", articles=("Const. Art. 118",))
def elections_convened(run: Run, state: State) -> State:
    """Art. 118: the President convenes the elections; a President of Congress who assumes afterwards
    need not call new ones (Art. 115, as practised)."""
    what = run.event.name or "general elections"
    run.step("applied", run.provision("elections_convened"), f"{what} convened")
    return replace(state, elections_convened=f"{what}, convened {run.event.date.isoformat()}")
