"""Succession (Const. Art. 115): who takes a vacant or suspended presidency, and the contested cases of a
President of Congress exercising it (rule R21; the title kept under Law 27375). The vacancy, board and
presidency handlers call these."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from curul.constitution._readings import reading as reading_named
from curul.constitution._run import CHAMBER_WORDS, ORDINAL, POST_WORDS, Run
from curul.constitution._state import State, Tenure
from curul.constitution.procedures._registry import Topic

# Succession has no event of its own: the vacancy, board and presidency handlers call it.
TOPIC = Topic("Succession", __name__, ("Const. Art. 115", "Law 27375"))


def close_tenure(state: State, on: dt.date, left: str) -> State:
    """The sitting President leaves office on ``on`` (``left`` says how); nothing if nobody sits."""
    tenure = state.tenure
    if tenure is None:
        return state
    closed = replace(tenure, until=on, left=left)
    return replace(state, presidents=(*state.presidents[:-1], closed), president_board_post=None)


def install(run: Run, state: State, name: str, via: str, board_post: str | None = None) -> State:
    """``name`` takes office (from the day sworn, if recorded); ``board_post`` is the Congress post kept."""
    since = run.event.sworn or run.event.date
    tenure = Tenure(name=name, since=since, via=via)
    return replace(
        state,
        presidents=(*state.presidents, tenure),
        president_board_post=board_post,
        pending_successor=None,
    )


def without_vice_president(state: State, office: str) -> State:
    """The state with the ``first_vp`` or ``second_vp`` office empty."""
    if office == "first_vp":
        return replace(state, first_vp=None)
    if office == "second_vp":
        return replace(state, second_vp=None)
    raise ValueError(f"not a Vice President's office: {office!r}")


def call_elections(run: Run, state: State, name: str) -> State:
    """Art. 115: a President of Congress who assumes calls elections at once, unless general elections are
    already convened (the practice of 2000, 2020 and 2025)."""
    provision = run.regime.succession_rule
    if state.elections_convened:
        run.provision_step(
            provision,
            f"{name} need not call elections: "
            f"general elections are already convened ({state.elections_convened})",
        )
        return state
    scope = run.options["election_call_scope"]
    called = f"{scope.replace('_', '-')} elections called by {name} on {run.event.date.isoformat()}"
    run.provision_step(
        provision, f"{name} must call elections at once: {called}", reading="election_call_scope"
    )
    return replace(state, elections_convened=called)


def succeed(run: Run, state: State, *, permanent: bool) -> State:
    """Art. 115, in the order the regime file lists: 1st VP, else 2nd VP, else the President of
    Congress (who calls elections if the vacancy is permanent)."""
    provision = run.regime.succession_rule
    for office in run.regime.succession:
        if office in ("first_vp", "second_vp"):
            name = getattr(state, office)
            if not name:
                continue
            how = "assumes the presidency" if permanent else "exercises the presidency temporarily"
            run.provision_step(provision, f"{ORDINAL[office]} {name} {how}")
            via = f"{ORDINAL[office]}, by succession (Art. 115)"
            if not permanent:
                via = f"{ORDINAL[office]}, during a suspension (Arts. 114, 115)"
            state = without_vice_president(state, office) if permanent else state
            if state.pcm == name:
                crisis = run.provision("cabinet_crisis")
                run.step(
                    "info", crisis,
                    f"{name} is also President of the Council of Ministers: the rules encoded do not say "
                    "whether that post falls vacant when its holder assumes the presidency; if it does, it "
                    f"is a total cabinet crisis ({crisis.article}) [UNCONFIRMED: not in the sources]",
                    evidence="rule",
                )  # fmt: skip
            return install(run, state, name, via)
        presiding = run.regime.presiding_chamber(run.event.date)
        board = state.board(presiding)
        if not board.president:
            continue
        name = board.president
        acting = board.acting_head(skip="president")
        run.provision_step(
            provision,
            f"No Vice President in office: President of {CHAMBER_WORDS[presiding]} "
            f"{name} assumes the presidency",
        )
        run.provision_step(
            run.provision("president_of_congress_keeps_title"),
            f"{name} keeps the title of President of Congress; "
            f"{acting[1] + ' (' + POST_WORDS[acting[0]] + ')' if acting else 'nobody'} presides Congress "
            "as acting head",
        )
        state = install(
            run,
            state,
            name,
            f"President of {CHAMBER_WORDS[presiding]}, by succession (Art. 115)",
            "president",
        )
        return call_elections(run, state, name) if permanent else state
    return await_board_election(run, state, "No Vice President and no President of Congress")


def await_board_election(run: Run, state: State, why: str) -> State:
    """No successor in office: the presidency waits for the next President of Congress (R21)."""
    presiding = run.regime.presiding_chamber(run.event.date)
    acting = state.board(presiding).acting_head()
    who = f"{acting[1]} ({POST_WORDS[acting[0]]})" if acting else "nobody (the whole board is vacant)"
    run.provision_step(
        run.provision("presidency_awaits_board_election"),
        f"{why}: the presidency stays vacant until a President of Congress is elected, who then assumes; "
        f"{who} presides Congress meanwhile and is at most de facto head of state [UNCONFIRMED]",
    )
    return replace(state, pending_successor="next_president_of_congress")


def vacate_president(run: Run, state: State, left: str) -> State:
    """The presidency falls vacant (vacancy, accepted resignation, death): close the tenure, then succeed."""
    post = state.president_board_post
    name = state.president
    state = close_tenure(state, run.event.date, left)
    state = replace(state, motion=None, suspended_president=None)
    if post is None:
        return succeed(run, state, permanent=True)
    # An officer of Congress exercising the presidency: the contested reading decides (R21).
    presiding = run.regime.presiding_chamber(run.event.date)
    board = state.board(presiding).with_post(post, None)
    state = state.with_board(board)
    choice = run.options["interim_vacancy_successor"]
    sources = reading_named("interim_vacancy_successor").choice(choice).sources
    provision = run.provision("interim_vacancy")
    if choice == "acting_head_of_congress":
        acting = board.acting_head()
        if acting:
            run.step(
                "applied", provision,
                f"{name} also leaves the board post; {acting[1]}, acting head of Congress "
                f"({POST_WORDS[acting[0]]}), succeeds at once",
                sources=sources, reading="interim_vacancy_successor",
            )  # fmt: skip
            state = install(
                run,
                state,
                acting[1],
                "acting head of Congress, by succession (Art. 115; contested)",
                acting[0],
            )
            return call_elections(run, state, acting[1])
    run.step(
        "applied", provision,
        f"{name} also leaves the post of {POST_WORDS[post]} of Congress; "
        "the next person elected President of "
        "Congress will assume",
        sources=sources, reading="interim_vacancy_successor",
    )  # fmt: skip
    return await_board_election(run, state, "The presidency is vacant")


def board_post_vacated(run: Run, state: State, chamber: str, post: str, how: str) -> State:
    """A board post falls vacant (Reglamento Art. 12); if its holder exercised the presidency, the
    presidency falls vacant with it (R21, the February 2026 precedent)."""
    board = state.board(chamber)
    holder = board.get(post)
    board = board.with_post(post, None)
    state = state.with_board(board)
    presiding = run.regime.presiding_chamber(run.event.date)
    if chamber == presiding and state.president_board_post == post and state.president == holder:
        state = close_tenure(state, run.event.date, f"{how} as {POST_WORDS[post]} of Congress")
        run.provision_step(
            run.provision("presidency_vacated_with_board_post"),
            f"{holder} exercised the presidency as {POST_WORDS[post]} of Congress: "
            "the presidency of Congress and of the Republic are declared vacant",
        )
        return await_board_election(run, state, "The presidency is vacant")
    acting = board.acting_head(skip=state.president_board_post if chamber == presiding else None)
    who = f"{acting[1]} ({POST_WORDS[acting[0]]})" if acting else "nobody"
    run.step(
        "applied",
        run.provision("board_post"),
        f"The post of {holder} is vacant; {who} presides until an election",
    )
    return state
