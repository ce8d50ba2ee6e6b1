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

TOPIC = Topic("Vacancy and resignation")

_VACANCY_ARTICLES = (
    "Const. Art. 113",
    "Reglamento del Congreso Art. 89-A",
    "Reglamento de la Cámara de Diputados Art. 193",
)


def _need_president(run: Run, state: State) -> str:
    president = state.president
    if president is None:
        run.refuse("", "Const. Art. 113", "there is no President in office to vacate")
    return president


def _days_between(start: dt.date, end: dt.date, unit: str) -> int:
    if unit == "natural":
        return (end - start).days
    return int(np.busday_count(start + dt.timedelta(days=1), end + dt.timedelta(days=1)))


@TOPIC.handler("vacancy_filing", articles=_VACANCY_ARTICLES)
def vacancy_filing(run: Run, state: State) -> State:
    """Art. 113.2: a vacancy motion for permanent moral incapacity is filed with the signatures of
    Reglamento del Congreso Art. 89-A(a) (Reglamento de la Cámara de Diputados Art. 193 from 2026)."""
    _need_president(run, state)
    chamber = run.chamber_for("deputies")
    ev = run.event
    passed = run.vote(
        "vacancy.filing", chamber, count=ev.signatures, what="Vacancy motion filed with signatures"
    )
    if passed:
        return replace(state, motion=Motion("filed", ev.date, "president"))
    return state


@TOPIC.handler("vacancy_admission", needs=("vote",), articles=_VACANCY_ARTICLES)
def vacancy_admission(run: Run, state: State) -> State:
    """Art. 113.2: the motion is admitted by the votes of Reglamento del Congreso Art. 89-A(b) (Reglamento
    de la Cámara de Diputados Art. 193 from 2026); admission opens the debate window."""
    _need_president(run, state)
    chamber = run.chamber_for("deputies")
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
    fast_track = ev.fast_track
    if fast_track is None or fast_track is False:
        run.refuse(
            rule.rule_id, rule.article,
            f"debate before the {low}rd day ({window}) needs the 4/5 agreement (fast_track)",
        )  # fmt: skip
    if isinstance(fast_track, bool):
        needed = required_votes(rule.threshold, run.regime.chamber(chamber).legal_number)
        run.step(
            "applied", rule.rule_id, rule.article,
            f"shorter term agreed as recorded (the {needed}-vote agreement was not reported) ({window})",
            reading="debate_window_days",
        )  # fmt: skip
        return
    if not run.vote("vacancy.fast_track", chamber, count=fast_track, what="Shorter term agreed"):
        run.refuse(rule.rule_id, rule.article, "without the 4/5 agreement the vote cannot be held yet")


def _vacancy_takes_effect(run: Run) -> None:
    """Reglamento del Congreso Art. 89-A(e): when the vacancy resolution takes effect."""
    rule = run.regime.rule("vacancy.approval", run.regime.rules_for("vacancy.approval")[-1].chamber)
    run.step(
        "applied",
        "R6" if not run.regime.bicameral else rule.rule_id,
        "Reglamento del Congreso Art. 89-A(e)",
        "the resolution takes effect when communicated to the President or the President of the Council "
        "of Ministers, or on publication, whichever comes first",
        sources=rule.sources,
    )


@TOPIC.handler(
    "vacancy_vote",
    needs=("vote",),
    articles=(*_VACANCY_ARTICLES, "Reglamento del Senado Art. 194"),
)
def vacancy_vote(run: Run, state: State) -> State:
    """Art. 113.2: Congress declares the vacancy by the votes of Reglamento del Congreso Art. 89-A(d),
    inside the debate window of Art. 89-A(c); from 2026 the Chamber of Deputies approves (Reglamento de la
    Cámara de Diputados Art. 193) and the Senate decides (Reglamento del Senado Art. 194). Succession
    follows (Art. 115)."""
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


@TOPIC.handler("resignation", needs=("target",), articles=("Const. Art. 113",))
def resignation(run: Run, state: State) -> State:
    """Art. 113.3: a resignation letter has no effect until Congress accepts it."""
    holder = _office_holder(run, state, run.event.target or "")
    run.step(
        "applied",
        "R7",
        "Const. Art. 113.3",
        f"{holder} resigns; this has no effect until Congress accepts it",
    )
    return state


@TOPIC.handler("resignation_accepted", needs=("target",), articles=("Const. Art. 113",))
def resignation_accepted(run: Run, state: State) -> State:
    """Art. 113.3: Congress accepts the resignation of the President (the presidency falls vacant; Art.
    115 follows) or of a Vice President."""
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
    return without_vice_president(state, target)


@TOPIC.handler("death", needs=("target",), articles=("Const. Art. 113",))
def death(run: Run, state: State) -> State:
    """Art. 113.1: death vacates the presidency (Art. 115 follows) or a Vice President's office."""
    target = run.event.target or ""
    holder = _office_holder(run, state, target)
    run.step("applied", "R20", "Const. Art. 113.1", f"Death of {holder}")
    if target == "president":
        return vacate_president(run, state, "died in office (Art. 113.1)")
    return without_vice_president(state, target)


@TOPIC.handler("suspension", needs=("vote",), articles=("Const. Art. 114",))
def suspension(run: Run, state: State) -> State:
    """Art. 114: Congress declares the President temporarily incapacitated; the successor of Art. 115
    exercises the presidency meanwhile."""
    name = _need_president(run, state)
    chamber = run.chamber_for("senate")
    dissolved_guard(run, state, chamber)
    if not run.vote("suspension", chamber, what=f"Temporary incapacity of {name} declared"):
        return state
    state = close_tenure(state, run.event.date, "suspended (Art. 114)")
    state = replace(state, suspended_president=name)
    return succeed(run, state, permanent=False)
