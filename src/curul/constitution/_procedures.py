"""One handler per event type: what each procedure does to the state under the regime in force."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import numpy as np

from curul.constitution._events import BOARD_TARGETS
from curul.constitution._run import CHAMBER_WORDS, ORDINAL, POST_WORDS, Run
from curul.constitution._state import Board, Council, Motion, State
from curul.constitution._succession import (
    board_post_vacated,
    call_elections,
    close_tenure,
    install,
    succeed,
    vacate_president,
)
from curul.constitution._thresholds import required_votes


def _board_target(run: Run, default_chamber: str | None) -> tuple[str, str]:
    ev = run.event
    target = ev.target
    if target is None:
        chamber = run.chamber_for(default_chamber)
        return chamber, "president"
    if target not in BOARD_TARGETS:
        run.refuse("", "", f"unknown board post {target!r}")
    post, body = target.split("_of_")
    if body == "congress":
        body = run.regime.presiding_chamber(ev.date) if run.regime.bicameral else "congress"
    if not run.regime.bicameral and body != "congress":
        run.refuse("", "", f"{run.regime.id} has no {body}: use {post}_of_congress")
    if ev.chamber is not None and ev.chamber != body:
        run.refuse("", "", f"target {target} does not belong to chamber {ev.chamber}")
    run.regime.chamber(body)
    return body, post


def _days_between(start: dt.date, end: dt.date, unit: str) -> int:
    if unit == "natural":
        return (end - start).days
    return int(np.busday_count(start + dt.timedelta(days=1), end + dt.timedelta(days=1)))


def _general_election(run: Run, state: State) -> State:
    ev = run.event
    if ev.yes is not None and ev.no is not None:
        valid = ev.yes + ev.no
        won = 2 * ev.yes > valid
        run.step(
            "passed" if won else "failed", "R19", "Const. Art. 111",
            f"{ev.winner} wins the runoff with more than half of the valid votes" if won
            else f"{ev.winner} does not reach more than half of the valid votes",
            f"{ev.yes:,} {'>' if won else '≤'} {valid:,}/2 = {valid / 2:,.1f}",
        )  # fmt: skip
        if not won:
            return state
    else:
        run.step("applied", "R19", "Const. Art. 111", f"{ev.winner} elected President (as recorded)")
    ticket = ", ".join(x for x in (ev.first_vp, ev.second_vp) if x) or "no Vice Presidents"
    run.step(
        "applied",
        "R19",
        "Const. Arts. 111, 116",
        f"President-elect {ev.winner} ({ticket}) takes office on 28 July",
    )
    return replace(state, president_elect=(ev.winner, ev.first_vp, ev.second_vp))  # type: ignore[arg-type]


def _inauguration(run: Run, state: State) -> State:
    ev = run.event
    elect = state.president_elect
    if ev.winner:
        elect = (ev.winner, ev.first_vp, ev.second_vp)
    if elect is None and ev.result == "passed":
        # The inauguration is recorded but the name of the President-elect is not in the sources.
        if (ev.date.month, ev.date.day) != (7, 28):
            msg = f"the President takes office on 28 July, not {ev.date.isoformat()}"
            run.refuse("R19", "Const. Art. 116", msg)
        outgoing = state.president
        state = close_tenure(state, ev.date, "end of term (Arts. 112, 116)")
        run.step(
            "applied", "R19", "Const. Arts. 112, 116",
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
        run.refuse("R19", "Const. Art. 116", "no President-elect on record to take office")
    assert elect is not None
    if (ev.date.month, ev.date.day) != (7, 28):
        run.refuse(
            "R19", "Const. Art. 116", f"the President takes office on 28 July, not {ev.date.isoformat()}"
        )
    outgoing = state.president
    if outgoing:
        state = close_tenure(state, ev.date, "end of term (Arts. 112, 116)")
        run.step("applied", "R19", "Const. Arts. 112, 116", f"{outgoing}'s term ends")
    run.step("applied", "R19", "Const. Art. 116", f"{elect[0]} takes office before Congress")
    state = replace(
        state,
        first_vp=elect[1],
        second_vp=elect[2],
        president_elect=None,
        elections_convened=None,
        motion=None,
        suspended_president=None,
        pending_successor=None,
    )
    return install(run, state, elect[0], "elected (Arts. 111, 116)")


def _need_president(run: Run, state: State) -> str:
    if state.president is None:
        run.refuse("", "Const. Art. 113", "there is no President in office to vacate")
    return state.president  # type: ignore[return-value]


def _vacancy_filing(run: Run, state: State) -> State:
    _need_president(run, state)
    chamber = run.chamber_for("deputies")
    ev = run.event
    passed = run.vote(
        "vacancy.filing", chamber, count=ev.signatures, what="Vacancy motion filed with signatures"
    )
    if passed:
        return replace(state, motion=Motion("filed", ev.date, "president"))
    return state


def _vacancy_admission(run: Run, state: State) -> State:
    _need_president(run, state)
    chamber = run.chamber_for("deputies")
    if run.vote("vacancy.admission", chamber, what="Vacancy motion admitted"):
        return replace(state, motion=Motion("admitted", run.event.date, "president"))
    return replace(state, motion=None)


def _check_debate_window(run: Run, state: State, chamber: str) -> None:
    ev = run.event
    motion = state.motion
    if motion is None or motion.stage != "admitted":
        admission = run.regime.rule("vacancy.admission", chamber)
        run.step(
            "info",
            admission.rule_id,
            admission.article,
            "no admission on record; the vote is evaluated on its own",
        )
        return
    procedure = "vacancy.fast_track" if not run.regime.bicameral else "vacancy.approval"
    rule = run.regime.rule(procedure, chamber)
    low, high = rule.window_days or (3, 10)
    unit = run.options["debate_window_days"]
    days = _days_between(motion.date, ev.date, unit)
    window = f"admitted {motion.date.isoformat()}, vote on {unit} day {days}; window {low}-{high}"
    if days > high:
        run.refuse(
            rule.rule_id, rule.article, f"the vote is after the {high}th {unit} day from admission ({window})"
        )
    if days >= low:
        run.step(
            "applied",
            rule.rule_id,
            rule.article,
            f"debate inside the window ({window})",
            reading="debate_window_days",
        )
        return
    if run.regime.bicameral:
        run.refuse(
            rule.rule_id,
            rule.article,
            f"debate before the {low}rd day ({window}); a 4/5 shortcut is UNCONFIRMED here",
        )
    if ev.fast_track is None or ev.fast_track is False:
        run.refuse(
            rule.rule_id, rule.article,
            f"debate before the {low}rd day ({window}) needs the 4/5 agreement (fast_track)",
        )  # fmt: skip
    if isinstance(ev.fast_track, bool):
        needed = required_votes(rule.threshold, run.regime.chamber(chamber).legal_number)
        run.step(
            "applied", rule.rule_id, rule.article,
            f"shorter term agreed as recorded (the {needed}-vote agreement was not reported) ({window})",
            reading="debate_window_days",
        )  # fmt: skip
        return
    if not run.vote("vacancy.fast_track", chamber, count=int(ev.fast_track), what="Shorter term agreed"):
        run.refuse(rule.rule_id, rule.article, "without the 4/5 agreement the vote cannot be held yet")


def _vacancy_vote(run: Run, state: State) -> State:
    name = _need_president(run, state)
    if run.regime.bicameral and run.event.chamber is None:
        run.refuse(
            "B4",
            "Reglamento de la Cámara de Diputados Art. 193",
            "under the bicameral regime say chamber = deputies or senate",
        )
    chamber = run.chamber_for(None)
    if chamber == "senate":
        if state.motion is None or state.motion.stage != "approved_by_deputies":
            run.refuse(
                "B5",
                "Reglamento del Senado Art. 194",
                "the Senate decides only a vacancy the Chamber of Deputies approved",
            )
        if not run.vote("vacancy.approval", chamber, what="Vacancy declared by the Senate"):
            return replace(state, motion=None)
        _vacancy_takes_effect(run)
        return vacate_president(run, state, "vacated for permanent moral incapacity (Art. 113.2)")
    _check_debate_window(run, state, chamber)
    if not run.vote("vacancy.approval", chamber, what=f"Vacancy of {name} for permanent moral incapacity"):
        return replace(state, motion=None)
    if run.regime.bicameral:
        run.step(
            "applied",
            "B4",
            "Reglamento de la Cámara de Diputados Art. 193",
            "sent the same day to the Senate, which decides",
        )
        return replace(state, motion=Motion("approved_by_deputies", run.event.date, "president"))
    _vacancy_takes_effect(run)
    return vacate_president(run, state, "vacated for permanent moral incapacity (Art. 113.2)")


def _office_holder(run: Run, state: State, target: str) -> str:
    if target == "president":
        return _need_president(run, state)
    if target in ("first_vp", "second_vp"):
        holder = getattr(state, target)
        if holder is None:
            run.refuse("", "Const. Art. 111", f"no {ORDINAL[target]} in office")
        return holder
    run.refuse("", "", f"unknown target {target!r} (president, first_vp or second_vp)")
    raise AssertionError


def _resignation(run: Run, state: State) -> State:
    holder = _office_holder(run, state, run.event.target or "")
    run.step(
        "applied",
        "R7",
        "Const. Art. 113.3",
        f"{holder} resigns; this has no effect until Congress accepts it",
    )
    return state


def _resignation_accepted(run: Run, state: State) -> State:
    ev = run.event
    target = ev.target or ""
    holder = _office_holder(run, state, target)
    chamber = run.chamber_for("senate")
    if ev.yes is None and ev.result is None:
        run.step("applied", "R7", "Const. Art. 113.3", f"Resignation of {holder} accepted (counts not given)")
    elif not run.vote("resignation.acceptance", chamber, what=f"Resignation of {holder} accepted"):
        return state
    if target == "president":
        return vacate_president(run, state, "resignation accepted by Congress (Art. 113.3)")
    return replace(state, **{target: None})


def _death(run: Run, state: State) -> State:
    target = run.event.target or ""
    holder = _office_holder(run, state, target)
    run.step("applied", "R20", "Const. Art. 113.1", f"Death of {holder}")
    if target == "president":
        return vacate_president(run, state, "died in office (Art. 113.1)")
    return replace(state, **{target: None})


def _dissolved_guard(run: Run, state: State, chamber: str) -> None:
    if chamber in state.dissolved:
        run.refuse(
            run.regime.dissolution.rule_id, run.regime.dissolution.article,
            f"{CHAMBER_WORDS.get(chamber, chamber)} is dissolved; only its Comisión Permanente remains",
            sources=run.regime.dissolution.sources,
        )  # fmt: skip


def _suspension(run: Run, state: State) -> State:
    name = _need_president(run, state)
    chamber = run.chamber_for("senate")
    _dissolved_guard(run, state, chamber)
    if not run.vote("suspension", chamber, what=f"Temporary incapacity of {name} declared"):
        return state
    state = close_tenure(state, run.event.date, "suspended (Art. 114)")
    state = replace(state, suspended_president=name)
    return succeed(run, state, permanent=False)


def _board_election(run: Run, state: State) -> State:
    ev = run.event
    chamber, post = _board_target(run, None if run.regime.bicameral else "congress")
    _dissolved_guard(run, state, chamber)
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
            run.step(
                "failed", rule.rule_id, rule.article, f"Runoff: {what} loses{tie}", f"{ev.yes} ≤ {ev.no}"
            )
            return state
        against = f" vs {ev.no}" + (f" ({ev.runner_up})" if ev.runner_up else "") if ev.no is not None else ""
        run.step(
            "passed", rule.rule_id, rule.article,
            f"Runoff between the two most voted lists: {what} wins with the most votes",
            f"{ev.yes if ev.yes is not None else '?'}{against}: most votes wins", rule.sources + ev.sources,
        )  # fmt: skip
    elif not run.vote("board.election", chamber, what=f"First round: {what}"):
        run.step(
            "info",
            rule.rule_id,
            rule.article,
            "no list reached a majority of those present: a runoff between the two most voted lists "
            "follows (a single list is simply rejected)",
        )
        return state
    board = state.board(chamber).with_post(post, ev.winner)
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
                "R21",
                "Law 27375 (as reported)",
                f"{acting[1]} ({POST_WORDS[acting[0]]}) presides Congress as acting head",
            )
        state = install(
            run, state, ev.winner or "", "elected President of Congress, then assumed (Art. 115)", "president"
        )
        return call_elections(run, state, ev.winner or "")
    return state


def _board_censure_admission(run: Run, state: State) -> State:
    chamber, post = _board_target(run, None)
    holder = state.board(chamber).get(post) or "(vacant)"
    run.vote("board.censure.admission", chamber, what=f"Censure motion against {holder} admitted")
    return state


def _board_censure(run: Run, state: State) -> State:
    chamber, post = _board_target(run, None)
    holder = state.board(chamber).get(post)
    if holder is None:
        run.refuse(
            "R15",
            "Reglamento del Congreso Art. 68",
            f"the post {post} of {chamber} is vacant: nobody to censure",
        )
    if not run.vote(
        "board.censure",
        chamber,
        what=f"Censure of {holder} as {POST_WORDS[post]} of {CHAMBER_WORDS[chamber]}",
    ):
        return state
    return board_post_vacated(run, state, chamber, post, "censured")


def _board_resignation(run: Run, state: State) -> State:
    chamber, post = _board_target(run, None)
    holder = state.board(chamber).get(post)
    if holder is None:
        run.refuse(
            "R15", "Reglamento del Congreso Art. 12", f"the post {post} of {chamber} is already vacant"
        )
    run.step(
        "applied",
        "R15",
        "Reglamento del Congreso Art. 12",
        f"{holder} resigns as {POST_WORDS[post]} of {CHAMBER_WORDS[chamber]}",
    )
    return board_post_vacated(run, state, chamber, post, "resigned")


def _board_vacancy(run: Run, state: State) -> State:
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
        "R15",
        "Reglamento del Congreso Art. 12",
        f"The whole board of {CHAMBER_WORDS[chamber]} is declared vacant",
    )
    if board.president is not None:
        return board_post_vacated(run, state, chamber, "president", "vacated")
    return state


def _cabinet_appointed(run: Run, state: State) -> State:
    run.step(
        "applied",
        "R11",
        "Const. Art. 130",
        f"{run.event.name} appointed President of the Council of Ministers; "
        "must seek confidence within 30 days",
    )
    return replace(state, pcm=run.event.name)


def _council_falls(run: Run, state: State, chamber: str, how: str) -> State:
    council = Council(date=run.event.date, pcm=run.event.name or state.pcm, how=how, chamber=chamber)
    run.step(
        "applied", "R11", "Const. Art. 133",
        f"Total cabinet crisis: the Council of Ministers ({council.pcm or 'unnamed'}) must resign",
    )  # fmt: skip
    return replace(state, councils=(*state.councils, council), pcm=None)


def _cabinet_censure(run: Run, state: State) -> State:
    chamber = run.chamber_for(run.regime.dissolution.get("chamber"))
    _dissolved_guard(run, state, chamber)
    if not run.vote("cabinet.censure", chamber, what="Censure of the Council of Ministers"):
        return state
    return _council_falls(run, state, chamber, "censured")


def _confidence_denied(run: Run, state: State) -> State:
    ev = run.event
    chamber = run.chamber_for(run.regime.dissolution.get("chamber"))
    _dissolved_guard(run, state, chamber)
    rule = run.regime.rule("confidence.vote", chamber)
    if ev.yes is not None:
        granted = run.vote("confidence.vote", chamber, what="Confidence vote")
        # The vote "passed" when confidence was granted; the event (a denial) then changes nothing.
        run.steps[-1] = replace(run.steps[-1], outcome="failed" if granted else "passed")
        if granted:
            return state
        return _council_falls(run, state, chamber, "denied confidence")
    text = "Confidence denied (as recorded)" + (f": {ev.note}" if ev.note else "")
    run.step("passed", rule.rule_id, rule.article, text)
    return _council_falls(run, state, chamber, "denied confidence")


def _dissolution(run: Run, state: State) -> State:
    ev = run.event
    provision = run.regime.dissolution
    chamber = provision.get("chamber")
    if ev.chamber is not None and ev.chamber != chamber:
        run.refuse(
            provision.rule_id,
            provision.article,
            f"only {CHAMBER_WORDS[chamber]} can be dissolved, not {ev.chamber}",
            sources=provision.sources,
        )
    if state.president is None:
        run.refuse(
            provision.rule_id,
            provision.article,
            "only a President in office may dissolve",
            sources=provision.sources,
        )
    _dissolved_guard(run, state, chamber)
    if state.state_of_siege and provision.get("no_dissolution_under_state_of_siege"):
        run.refuse(
            provision.rule_id,
            provision.article,
            "no dissolution under a state of siege",
            sources=provision.sources,
        )
    term_end = run.regime.congress_term_end(ev.date)
    last_year = (term_end + dt.timedelta(days=1)).replace(year=term_end.year - 1)
    if provision.get("no_dissolution_in_last_year") and ev.date >= last_year:
        run.refuse(
            provision.rule_id, provision.article,
            f"no dissolution in the last year of the term (term ends {term_end.isoformat()}; last year from "
            f"{last_year.isoformat()})",
            f"{ev.date.isoformat()} ≥ {last_year.isoformat()}",
            provision.sources,
        )  # fmt: skip
    scope = run.options["dissolution_count_scope"]
    term_start = (term_end + dt.timedelta(days=1)).replace(
        year=term_end.year - run.regime.congress_term_years
    )
    since = term_start
    if scope == "presidential_tenure" and state.tenure is not None:
        since = max(since, state.tenure.since)
    counted = [c for c in state.councils if c.chamber == chamber and c.date >= since]
    needed = int(provision.get("councils_needed", 2))
    listing = "; ".join(f"{c.pcm or 'unnamed'} {c.how} {c.date.isoformat()}" for c in counted) or "none"
    if len(counted) < needed:
        run.refuse(
            provision.rule_id, provision.article,
            f"dissolution needs {needed} Councils of Ministers censured or denied confidence; "
            f"counted: {listing} "
            f"[reading dissolution_count_scope={scope}]",
            f"{len(counted)} < {needed}", provision.sources,
        )  # fmt: skip
    run.step(
        "passed", provision.rule_id, provision.article,
        f"{state.president} dissolves {CHAMBER_WORDS[chamber]}: "
        "elections within four months, same electoral system; "
        f"the Comisión Permanente stays (counted: {listing})",
        f"{len(counted)} ≥ {needed}", provision.sources, reading="dissolution_count_scope",
    )  # fmt: skip
    return replace(state, dissolved=(*state.dissolved, chamber))


def _installation(run: Run, state: State) -> State:
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
            "applied", "B11" if run.regime.bicameral else "R17", "Reglamento del Congreso Art. 48",
            f"{CHAMBER_WORDS.get(chamber, chamber)} installed; its board is to be elected",
        )  # fmt: skip
    return state


def _elections_convened(run: Run, state: State) -> State:
    what = run.event.name or "general elections"
    run.step("applied", "R20", "Const. Art. 118", f"{what} convened")
    return replace(state, elections_convened=f"{what}, convened {run.event.date.isoformat()}")


def _state_of_siege(run: Run, state: State) -> State:
    on = run.event.target == "on"
    if run.event.target not in ("on", "off"):
        run.refuse("", "Const. Art. 137", "state_of_siege takes target = on | off")
    run.step("applied", "R12", "Const. Art. 137", f"state of siege {'declared' if on else 'lifted'}")
    return replace(state, state_of_siege=on)


def _order_question(run: Run, state: State) -> State:
    chamber = run.chamber_for(run.regime.presiding_chamber(run.event.date))
    run.vote("order_question", chamber, what=run.event.label or "Point of order")
    return state


def _procedure_vote(run: Run, state: State) -> State:
    """A vote decided only by its threshold (a constitutional reform, an organic law): traced, no office
    changes hands."""
    procedure = run.event.target or ""
    default = next((r.chamber for r in run.regime.rules_for(procedure)), None)
    chamber = run.chamber_for(default)
    run.vote(procedure, chamber, what=run.event.label or procedure)
    return state


def _vacancy_takes_effect(run: Run) -> None:
    rule = run.regime.rule("vacancy.approval", run.regime.rules_for("vacancy.approval")[-1].chamber)
    run.step(
        "applied",
        "R6" if not run.regime.bicameral else rule.rule_id,
        "Reglamento del Congreso Art. 89-A(e)",
        "the resolution takes effect when communicated to the President or the President of the Council "
        "of Ministers, or on publication, whichever comes first",
        sources=rule.sources,
    )


HANDLERS = {
    "general_election": _general_election,
    "inauguration": _inauguration,
    "elections_convened": _elections_convened,
    "vacancy_filing": _vacancy_filing,
    "vacancy_admission": _vacancy_admission,
    "vacancy_vote": _vacancy_vote,
    "resignation": _resignation,
    "resignation_accepted": _resignation_accepted,
    "death": _death,
    "suspension": _suspension,
    "board_election": _board_election,
    "board_censure_admission": _board_censure_admission,
    "board_censure": _board_censure,
    "board_resignation": _board_resignation,
    "board_vacancy": _board_vacancy,
    "cabinet_appointed": _cabinet_appointed,
    "cabinet_censure": _cabinet_censure,
    "confidence_denied": _confidence_denied,
    "dissolution": _dissolution,
    "installation": _installation,
    "state_of_siege": _state_of_siege,
    "order_question": _order_question,
    "procedure_vote": _procedure_vote,
}
