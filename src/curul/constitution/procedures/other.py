"""Events outside the four topics: the installation of a Congress (Reglamento del Congreso Art. 48), the
state of siege (Const. Art. 137), points of order, and any vote decided by its threshold alone (a
constitutional reform under Art. 206, an organic law under Art. 106...)."""

from __future__ import annotations

from dataclasses import replace

from curul.constitution._run import CHAMBER_WORDS, Run
from curul.constitution._state import Board, State
from curul.constitution.procedures._registry import Topic

TOPIC = Topic(
    "Other", __name__, ("Reglamento del Congreso Art. 48", "Const. Art. 137", "Reglamento del Congreso")
)


@TOPIC.handler("installation", articles=("Reglamento del Congreso Art. 48",))
def installation(run: Run, state: State) -> State:
    """Reglamento del Congreso Art. 48: a new Congress (or one chamber) is installed with an empty board;
    a dissolved chamber is renewed and its count of fallen Councils starts again."""
    ev = run.event
    chambers = [ev.chamber] if ev.chamber else [c.name for c in run.regime.chambers]
    for chamber in chambers:
        run.regime.chamber(chamber)
        state = state.with_board(Board(chamber=chamber))
        state = replace(
            state,
            dissolved=tuple(c for c in state.dissolved if c != chamber),
            councils=tuple(c for c in state.councils if c.chamber != chamber),
        )
        run.step(
            "applied",
            run.provision("installation"),
            f"{CHAMBER_WORDS.get(chamber, chamber)} installed; its board is to be elected",
        )
    return state


@TOPIC.handler("state_of_siege", needs=("target",), articles=("Const. Art. 137",))
def state_of_siege(run: Run, state: State) -> State:
    """Const. Art. 137: a state of siege declared or lifted; while it lasts Congress cannot be dissolved
    (Art. 134)."""
    on = run.event.target == "on"
    if run.event.target not in ("on", "off"):
        run.refuse(run.provision("state_of_siege_target"), "state_of_siege takes target = on | off")
    run.step("applied", run.provision("state_of_siege"), f"state of siege {'declared' if on else 'lifted'}")
    return replace(state, state_of_siege=on)


@TOPIC.handler(
    "order_question", needs=("vote",), articles=("Reglamento del Congreso",), votes=("order_question",)
)
def order_question(run: Run, state: State) -> State:
    """Reglamento del Congreso (cuestión de orden): a point of order, decided by its threshold."""
    chamber = run.chamber_for(run.regime.presiding_chamber(run.event.date))
    run.vote("order_question", chamber, what=run.event.label or "Point of order")
    return state


@TOPIC.handler("procedure_vote", needs=("target", "vote"), articles=())
def procedure_vote(run: Run, state: State) -> State:
    """A vote decided only by its threshold (a constitutional reform under Const. Art. 206, an organic law
    under Art. 106, any procedure the regime encodes): traced, no office changes hands."""
    procedure = run.event.target or ""
    default = next((r.chamber for r in run.regime.rules_for(procedure)), None)
    chamber = run.chamber_for(default)
    run.vote(procedure, chamber, what=run.event.label or procedure)
    return state
