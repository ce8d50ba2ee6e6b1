"""The board of Congress, the Mesa Directiva (Reglamento del Congreso Arts. 12 and 68).

Art. 12: the board is elected by list (more than half of those present, else a runoff between the two most
voted lists) and a vacant post is filled by a new election, the next officer presiding meanwhile; Art. 68:
a board member is censured by a motion of the order of the day. When the President of Congress exercises
the presidency of the Republic (keeping the title, Law 27375), what happens to the board decides who
governs (Const. Art. 115, rule R21).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from curul.constitution._events import BOARD_TARGETS
from curul.constitution._run import CHAMBER_WORDS, POST_WORDS, Run
from curul.constitution._state import State
from curul.constitution.procedures._registry import Topic
from curul.constitution.procedures.cabinet import dissolved_guard
from curul.constitution.procedures.succession import board_post_vacated, call_elections, install

TOPIC = Topic(
    "Board of Congress",
    __name__,
    ("Reglamento del Congreso Art. 12", "Reglamento del Congreso Art. 68", "Law 27375"),
)


def _board_target(run: Run, default_chamber: str | None) -> tuple[str, str]:
    """The chamber and post an event's ``target`` names (``first_vp_of_senate``); ``..._of_congress`` is
    the chamber that presides Congress that year."""
    ev = run.event
    target = ev.target
    if target is None:
        chamber = run.chamber_for(default_chamber)
        return chamber, "president"
    if target not in BOARD_TARGETS:
        run.reject(f"unknown board post {target!r}")
    post, body = target.split("_of_")
    if body == "congress":
        body = run.regime.presiding_chamber(ev.date) if run.regime.bicameral else "congress"
    if not run.regime.bicameral and body != "congress":
        run.reject(f"{run.regime.id} has no {body}: use {post}_of_congress")
    if ev.chamber is not None and ev.chamber != body:
        run.reject(f"target {target} does not belong to chamber {ev.chamber}")
    run.regime.chamber(body)
    return body, post


@TOPIC.handler(
    "board_election",
    needs=("winner",),
    articles=("Reglamento del Congreso Art. 12", "Const. Art. 115", "Law 27375"),
    votes=("board.election",),
)
def board_election(run: Run, state: State) -> State:
    """Reglamento del Congreso Art. 12: a list wins the first round with more than half of those present,
    else the runoff with the most votes. A President of Congress elected while the presidency waits for
    one assumes it (Const. Art. 115, R21), keeping the title under Law 27375, and calls elections."""
    ev = run.event
    if not ev.winner:
        run.reject("board_election needs the winner")
    chamber, post = _board_target(run, None)
    dissolved_guard(run, state, chamber)
    what = f"{ev.winner} for {POST_WORDS[post]} of {CHAMBER_WORDS[chamber]}"
    rule = run.regime.rule("board.election", chamber)
    if (ev.round or 1) == 2:
        run.check_counts(chamber)
        if ev.yes is not None and ev.no is not None and ev.yes <= ev.no:
            tie = (
                " (tie: the presiding officer's casting vote decides, not modelled)"
                if ev.yes == ev.no
                else ""
            )
            run.step("failed", rule, f"Runoff: {what} loses{tie}", f"{ev.yes} ≤ {ev.no}")
            return state
        against = f" vs {ev.no}" + (f" ({ev.runner_up})" if ev.runner_up else "") if ev.no is not None else ""
        run.step(
            "passed", rule,
            f"Runoff between the two most voted lists: {what} wins with the most votes",
            f"{ev.yes if ev.yes is not None else '?'}{against}: most votes wins",
            sources=rule.sources + ev.sources,
        )  # fmt: skip
    elif not run.vote("board.election", chamber, what=f"First round: {what}"):
        run.step(
            "info",
            rule,
            "no list reached a majority of those present: a runoff between the two most voted lists "
            "follows (a single list is simply rejected)",
        )
        return state
    before = state.board(chamber)
    # Art. 12: a board serves one annual period; one elected on the last day of a period (the 26 July
    # preparatory sessions) serves the next, and a post filled mid-period completes its board's period.
    if ev.serves_until is not None:
        until = ev.serves_until
    elif before.until is not None and before.until > ev.date:
        until = before.until
    else:
        until = run.regime.annual_period_end(ev.date + dt.timedelta(days=1))
    board = replace(before.with_post(post, ev.winner), until=until)
    if post == "president":
        for vp in ("first_vp", "second_vp", "third_vp"):
            if getattr(ev, vp):
                board = board.with_post(vp, getattr(ev, vp))
    state = state.with_board(board)
    presiding = run.regime.presiding_chamber(ev.date)
    if (
        post == "president"
        and chamber == presiding
        and state.pending_successor == "next_president_of_congress"
    ):
        run.provision_step(
            run.regime.succession_rule,
            f"The presidency is vacant: the new President of Congress {ev.winner} "
            "assumes it and keeps the congressional title",
        )
        acting = board.acting_head(skip="president")
        if acting:
            run.step(
                "applied",
                run.provision("acting_head_of_congress"),
                f"{acting[1]} ({POST_WORDS[acting[0]]}) presides Congress as acting head",
            )
        state = install(
            run, state, ev.winner, "elected President of Congress, then assumed (Art. 115)", "president"
        )
        return call_elections(run, state, ev.winner)
    return state


_CENSURE_ARTICLES = ("Reglamento del Congreso Art. 12", "Reglamento del Congreso Art. 68")


@TOPIC.handler(
    "board_censure_admission",
    needs=("target", "vote"),
    articles=_CENSURE_ARTICLES,
    votes=("board.censure.admission",),
)
def board_censure_admission(run: Run, state: State) -> State:
    """Reglamento del Congreso Arts. 12, 68: a censure motion against a board member is admitted."""
    chamber, post = _board_target(run, None)
    holder = state.board(chamber).get(post) or "(vacant)"
    run.vote("board.censure.admission", chamber, what=f"Censure motion against {holder} admitted")
    return state


@TOPIC.handler(
    "board_censure",
    needs=("target", "vote"),
    articles=(*_CENSURE_ARTICLES, "Const. Art. 115"),
    votes=("board.censure",),
)
def board_censure(run: Run, state: State) -> State:
    """Reglamento del Congreso Arts. 12, 68: a censured board member's post falls vacant; a censured
    President of Congress who exercises the presidency leaves both (Const. Art. 115, R21)."""
    chamber, post = _board_target(run, None)
    holder = state.board(chamber).get(post)
    if holder is None:
        run.refuse(
            run.provision("board_censure_target"),
            f"the post {post} of {chamber} is vacant: nobody to censure",
        )
    if not run.vote(
        "board.censure",
        chamber,
        what=f"Censure of {holder} as {POST_WORDS[post]} of {CHAMBER_WORDS[chamber]}",
    ):
        return state
    return board_post_vacated(run, state, chamber, post, "censured")


@TOPIC.handler("board_resignation", needs=("target",), articles=("Reglamento del Congreso Art. 12",))
def board_resignation(run: Run, state: State) -> State:
    """Reglamento del Congreso Art. 12: a board member resigns the post, which falls vacant."""
    chamber, post = _board_target(run, None)
    holder = state.board(chamber).get(post)
    if holder is None:
        run.refuse(run.provision("board_post"), f"the post {post} of {chamber} is already vacant")
    run.step(
        "applied",
        run.provision("board_post"),
        f"{holder} resigns as {POST_WORDS[post]} of {CHAMBER_WORDS[chamber]}",
    )
    return board_post_vacated(run, state, chamber, post, "resigned")


@TOPIC.handler("board_vacancy", articles=("Reglamento del Congreso Art. 12",))
def board_vacancy(run: Run, state: State) -> State:
    """Reglamento del Congreso Art. 12: the whole board of a chamber is declared vacant (a President of
    Congress exercising the presidency keeps the post until it is vacated as such)."""
    chamber = run.chamber_for(run.regime.presiding_chamber(run.event.date))
    board = state.board(chamber)
    for post in ("third_vp", "second_vp", "first_vp", "president"):
        if board.get(post) is not None and not (
            state.president_board_post == post and state.president == board.get(post)
        ):
            board = board.with_post(post, None)
    state = state.with_board(board)
    run.step(
        "applied",
        run.provision("board_post"),
        f"The whole board of {CHAMBER_WORDS[chamber]} is declared vacant",
    )
    if board.president is not None:
        return board_post_vacated(run, state, chamber, "president", "vacated")
    return state
