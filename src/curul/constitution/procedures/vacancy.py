"""Vacancy, resignation, death and suspension of the President (Const. Arts. 113-114).

Art. 113: the presidency falls vacant by death (113.1), permanent moral incapacity declared by Congress
(113.2: filing, admission and vote under Reglamento del Congreso Art. 89-A, or Arts. 193-194 of the
Reglamentos of the Chamber of Deputies and the Senate from July 2026) or a resignation Congress accepts
(113.3). Art. 114: Congress may declare a temporary incapacity (suspension). Succession is Art. 115
(:mod:`curul.constitution.procedures.succession`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import numpy as np

from curul.constitution._run import ORDINAL, Run
from curul.constitution._state import Motion, State
from curul.constitution._thresholds import required_votes
from curul.constitution.procedures._registry import Topic
from curul.constitution.procedures.cabinet import dissolved_guard
from curul.constitution.procedures.succession import (
    close_tenure,
    succeed,
    vacate_president,
    without_vice_president,
)

_VACANCY_ARTICLES = (
    "Const. Art. 113",
    "Reglamento del Congreso Art. 89-A",
    "Reglamento de la Cámara de Diputados Art. 193",
)

TOPIC = Topic(
    "Vacancy and resignation",
    __name__,
    (*_VACANCY_ARTICLES, "Reglamento del Senado Art. 194", "Const. Art. 114"),
)


def _need_president(run: Run, state: State) -> str:
    president = state.president
    if president is None:
        run.refuse(run.provision("president_in_office"), "there is no President in office to vacate")
    return president


def _nth(day: int) -> str:
    """``3rd``, ``10th``, ``21st``."""
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def _days_between(start: dt.date, end: dt.date, unit: str) -> int:
    if unit == "natural":
        return (end - start).days
    return int(np.busday_count(start + dt.timedelta(days=1), end + dt.timedelta(days=1)))


@TOPIC.handler("vacancy_filing", articles=_VACANCY_ARTICLES, votes=("vacancy.filing",))
def vacancy_filing(run: Run, state: State) -> State:
    """Art. 113.2: a vacancy motion for permanent moral incapacity is filed with the signatures of
    Reglamento del Congreso Art. 89-A(a) (Reglamento de la Cámara de Diputados Art. 193 from 2026)."""
    _need_president(run, state)
    chamber = run.chamber_for(run.voting_chamber("vacancy.filing"))
    ev = run.event
    passed = run.vote(
        "vacancy.filing", chamber, count=ev.signatures, what="Vacancy motion filed with signatures"
    )
    if passed:
        return replace(state, motion=Motion("filed", ev.date, "president"))
    return state


@TOPIC.handler("vacancy_admission", needs=("vote",), articles=_VACANCY_ARTICLES, votes=("vacancy.admission",))
def vacancy_admission(run: Run, state: State) -> State:
    """Art. 113.2: the motion is admitted by the votes of Reglamento del Congreso Art. 89-A(b) (Reglamento
    de la Cámara de Diputados Art. 193 from 2026); admission opens the debate window."""
    _need_president(run, state)
    chamber = run.chamber_for(run.voting_chamber("vacancy.admission"))
    if run.vote("vacancy.admission", chamber, what="Vacancy motion admitted"):
        return replace(state, motion=Motion("admitted", run.event.date, "president"))
    return replace(state, motion=None)


def _check_debate_window(run: Run, state: State, chamber: str) -> None:
    """Reglamento del Congreso Art. 89-A(c): the vote falls between the 3rd and the 10th day after
    admission, sooner only with the 4/5 agreement (``vacancy.fast_track``)."""
    ev = run.event
    motion = state.motion
    if motion is None or motion.stage != "admitted":
        admission = run.regime.rule("vacancy.admission", chamber)
        run.step("info", admission, "no admission on record; the vote is evaluated on its own")
        return
    # The window is the shortcut's rule where the regime encodes one (R3), else the approval's (B3-B4).
    shortcut = bool(run.regime.rules_for("vacancy.fast_track"))
    rule = run.regime.rule("vacancy.fast_track" if shortcut else "vacancy.approval", chamber)
    if rule.window_days is None:
        run.refuse(rule, f"{rule.procedure} in {chamber} encodes no debate window (window_days)")
    low, high = rule.window_days
    unit = run.options["debate_window_days"]
    days = _days_between(motion.date, ev.date, unit)
    window = f"admitted {motion.date.isoformat()}, vote on {unit} day {days}; window {low}-{high}"
    if days > high:
        run.refuse(rule, f"the vote is after the {_nth(high)} {unit} day from admission ({window})")
    if days >= low:
        run.step("applied", rule, f"debate inside the window ({window})", reading="debate_window_days")
        return
    if not shortcut:
        run.refuse(rule, f"debate before the {_nth(low)} day ({window}); a 4/5 shortcut is UNCONFIRMED here")
    fast_track = ev.fast_track
    if fast_track is None or fast_track is False:
        run.refuse(rule, f"debate before the {_nth(low)} day ({window}) needs the 4/5 agreement (fast_track)")
    if isinstance(fast_track, bool):
        needed = required_votes(rule.threshold, run.regime.chamber(chamber).legal_number)
        run.step(
            "applied", rule,
            f"shorter term agreed as recorded (the {needed}-vote agreement was not reported) ({window})",
            reading="debate_window_days",
        )  # fmt: skip
        return
    if not run.vote("vacancy.fast_track", chamber, count=fast_track, what="Shorter term agreed"):
        run.refuse(rule, "without the 4/5 agreement the vote cannot be held yet")


def _vacancy_takes_effect(run: Run) -> None:
    """Reglamento del Congreso Art. 89-A(e): when the vacancy resolution takes effect."""
    run.provision_step(
        run.provision("vacancy_effect"),
        "the resolution takes effect when communicated to the President or the President of the Council "
        "of Ministers, or on publication, whichever comes first",
    )


@TOPIC.handler(
    "vacancy_vote",
    needs=("vote",),
    articles=(*_VACANCY_ARTICLES, "Reglamento del Senado Art. 194", "Const. Art. 115"),
    votes=("vacancy.approval", "vacancy.fast_track"),
)
def vacancy_vote(run: Run, state: State) -> State:
    """Art. 113.2: Congress declares the vacancy by the votes of Reglamento del Congreso Art. 89-A(d),
    inside the debate window of Art. 89-A(c); from 2026 the Chamber of Deputies approves (Reglamento de la
    Cámara de Diputados Art. 193) and the Senate decides (Reglamento del Senado Art. 194). Succession
    follows (Art. 115)."""
    name = _need_president(run, state)
    # Under two chambers the first that encodes the approval votes first and the last decides (B4, B5).
    rules = run.encoded("vacancy.approval")
    first, last = rules[0], rules[-1]
    if run.regime.bicameral and run.event.chamber is None:
        run.refuse(first, "under the bicameral regime say chamber = deputies or senate")
    chamber = run.chamber_for(None)
    if run.regime.bicameral and chamber == last.chamber:
        if state.motion is None or state.motion.stage != "approved_by_deputies":
            run.refuse(
                run.provision("senate_decides_vacancy"),
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
        run.step("applied", first, "sent the same day to the Senate, which decides")
        return replace(state, motion=Motion("approved_by_deputies", run.event.date, "president"))
    _vacancy_takes_effect(run)
    return vacate_president(run, state, "vacated for permanent moral incapacity (Art. 113.2)")


def _office_holder(run: Run, state: State, target: str) -> str:
    if target == "president":
        return _need_president(run, state)
    if target in ("first_vp", "second_vp"):
        holder = getattr(state, target)
        if holder is None:
            run.refuse(run.provision("vice_president_in_office"), f"no {ORDINAL[target]} in office")
        return holder
    run.reject(f"unknown target {target!r} (president, first_vp or second_vp)")


@TOPIC.handler("resignation", needs=("target",), articles=("Const. Art. 113",))
def resignation(run: Run, state: State) -> State:
    """Art. 113.3: a resignation letter has no effect until Congress accepts it."""
    holder = _office_holder(run, state, run.event.target or "")
    run.step(
        "applied",
        run.provision("resignation"),
        f"{holder} resigns; this has no effect until Congress accepts it",
    )
    return state


@TOPIC.handler(
    "resignation_accepted",
    needs=("target",),
    articles=("Const. Art. 113", "Const. Art. 115"),
    votes=("resignation.acceptance",),
)
def resignation_accepted(run: Run, state: State) -> State:
    """Art. 113.3: Congress accepts the resignation of the President (the presidency falls vacant; Art.
    115 follows) or of a Vice President."""
    ev = run.event
    target = ev.target or ""
    holder = _office_holder(run, state, target)
    chamber = run.chamber_for(run.voting_chamber("resignation.acceptance"))
    if ev.yes is None and ev.result is None:
        run.step(
            "applied", run.provision("resignation"), f"Resignation of {holder} accepted (counts not given)"
        )
    elif not run.vote("resignation.acceptance", chamber, what=f"Resignation of {holder} accepted"):
        return state
    if target == "president":
        return vacate_president(run, state, "resignation accepted by Congress (Art. 113.3)")
    return without_vice_president(state, target)


@TOPIC.handler("death", needs=("target",), articles=("Const. Art. 113", "Const. Art. 115"))
def death(run: Run, state: State) -> State:
    """Art. 113.1: death vacates the presidency (Art. 115 follows) or a Vice President's office."""
    target = run.event.target or ""
    holder = _office_holder(run, state, target)
    run.step("applied", run.provision("death"), f"Death of {holder}")
    if target == "president":
        return vacate_president(run, state, "died in office (Art. 113.1)")
    return without_vice_president(state, target)


@TOPIC.handler(
    "suspension", needs=("vote",), articles=("Const. Art. 114", "Const. Art. 115"), votes=("suspension",)
)
def suspension(run: Run, state: State) -> State:
    """Art. 114: Congress declares the President temporarily incapacitated; the successor of Art. 115
    exercises the presidency meanwhile."""
    name = _need_president(run, state)
    chamber = run.chamber_for(run.voting_chamber("suspension"))
    dissolved_guard(run, state, chamber)
    if not run.vote("suspension", chamber, what=f"Temporary incapacity of {name} declared"):
        return state
    state = close_tenure(state, run.event.date, "suspended (Art. 114)")
    state = replace(state, suspended_president=name)
    return succeed(run, state, permanent=False)
