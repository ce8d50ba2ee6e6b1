"""The Council of Ministers and the dissolution of Congress (Const. Arts. 130-134).

Art. 130: a new President of the Council of Ministers seeks confidence; Art. 132: Congress censures
the Council; Art. 133: a censure or a denial of confidence to its President is a total cabinet crisis;
Art. 134: the President may dissolve Congress (from 2026 the Chamber of Deputies) after two Councils
fell, except in its last year or under a state of siege.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from curul.constitution._run import CHAMBER_WORDS, Run
from curul.constitution._state import Council, State
from curul.constitution.procedures._registry import Topic

TOPIC = Topic(
    "Cabinet and dissolution",
    __name__,
    ("Const. Art. 130", "Const. Art. 132", "Const. Art. 133", "Const. Art. 134"),
)


def dissolved_guard(run: Run, state: State, chamber: str) -> None:
    """Art. 134: a dissolved chamber votes nothing; only its Comisión Permanente remains."""
    if chamber in state.dissolved:
        run.refuse(
            run.regime.dissolution,
            f"{CHAMBER_WORDS.get(chamber, chamber)} is dissolved; only its Comisión Permanente remains",
            evidence="rule",
        )


@TOPIC.handler("cabinet_appointed", needs=("name",), articles=("Const. Art. 130",))
def cabinet_appointed(run: Run, state: State) -> State:
    """Art. 130: the new President of the Council of Ministers must seek confidence within 30 days."""
    run.step(
        "applied",
        run.provision("cabinet_appointed"),
        f"{run.event.name} appointed President of the Council of Ministers; "
        "must seek confidence within 30 days",
    )
    return replace(state, pcm=run.event.name, pcm_since=run.event.sworn or run.event.date)


@TOPIC.handler("policy_presentation", articles=("Const. Art. 130",))
def policy_presentation(run: Run, state: State) -> State:
    """Art. 130: within its window of days the President of the Council of Ministers presents the general
    policy to Congress (from 2026 the Chamber of Deputies); whether a confidence question must be posed is
    the regime's ``confidence_question_required``. The vote itself, if any, is a separate event."""
    ev = run.event
    provision = run.provision("policy_presentation")
    chamber = run.chamber_for(run.regime.default_chamber)
    dissolved_guard(run, state, chamber)
    pcm = ev.name or state.pcm
    if state.pcm is None:
        run.refuse(provision, "no President of the Council of Ministers in office to present the policy")
    within = int(provision.get("within_days"))
    arithmetic = ""
    if state.pcm_since is not None:
        days = (ev.date - state.pcm_since).days
        arithmetic = (
            f"{days} {'≤' if days <= within else '>'} {within} days from {state.pcm_since.isoformat()}"
        )
        if days > within:
            run.refuse(
                provision, f"{pcm} presents the policy after the {within} days of Art. 130", arithmetic
            )
    text = f"{pcm} presents the general policy to {CHAMBER_WORDS.get(chamber, chamber)}"
    if provision.get("confidence_question_required"):
        text += "; a confidence question must be posed with it (the vote is its own event)"
    else:
        text += "; no confidence question is required" + (
            " [UNCONFIRMED: the amended text was not retrieved]" if not provision.confirmed else ""
        )
    if ev.note:
        text += f" — {ev.note}"
    run.step("applied", provision, text, arithmetic)
    return state


def _council_falls(run: Run, state: State, chamber: str, how: str) -> State:
    """Art. 133: total cabinet crisis; the fallen Council counts towards a dissolution (Art. 134)."""
    council = Council(date=run.event.date, pcm=run.event.name or state.pcm, how=how, chamber=chamber)
    run.step(
        "applied", run.provision("cabinet_crisis"),
        f"Total cabinet crisis: the Council of Ministers ({council.pcm or 'unnamed'}) must resign",
    )  # fmt: skip
    return replace(state, councils=(*state.councils, council), pcm=None)


@TOPIC.handler(
    "cabinet_censure",
    needs=("vote",),
    articles=("Const. Art. 132", "Const. Art. 133"),
    votes=("cabinet.censure",),
)
def cabinet_censure(run: Run, state: State) -> State:
    """Art. 132: Congress censures the Council of Ministers; it must resign (Art. 133)."""
    chamber = run.chamber_for(run.voting_chamber("cabinet.censure"))
    dissolved_guard(run, state, chamber)
    if not run.vote("cabinet.censure", chamber, what="Censure of the Council of Ministers"):
        return state
    return _council_falls(run, state, chamber, "censured")


@TOPIC.handler(
    "confidence_denied",
    articles=("Const. Art. 130", "Const. Art. 132", "Const. Art. 133"),
    votes=("confidence.vote",),
)
def confidence_denied(run: Run, state: State) -> State:
    """Arts. 130, 132-133: confidence denied to the Council of Ministers (checked against the counts when
    given, else taken as recorded): total cabinet crisis."""
    ev = run.event
    chamber = run.chamber_for(run.voting_chamber("confidence.vote"))
    dissolved_guard(run, state, chamber)
    rule = run.regime.rule("confidence.vote", chamber)
    if ev.yes is not None:
        granted = run.vote("confidence.vote", chamber, what="Confidence vote")
        # The vote "passed" when confidence was granted; the event (a denial) then changes nothing.
        run.steps[-1] = replace(run.steps[-1], outcome="failed" if granted else "passed")
        if granted:
            return state
        return _council_falls(run, state, chamber, "denied confidence")
    text = "Confidence denied (as recorded)" + (f": {ev.note}" if ev.note else "")
    run.step("passed", rule, text)
    return _council_falls(run, state, chamber, "denied confidence")


@TOPIC.handler("dissolution", articles=("Const. Art. 134",))
def dissolution(run: Run, state: State) -> State:
    """Art. 134: the President dissolves Congress (from 2026 the Chamber of Deputies) after it censured or
    denied confidence to two Councils of Ministers; never in its last year, never under a state of siege."""
    ev = run.event
    provision = run.regime.dissolution
    chamber = provision.get("chamber")
    if ev.chamber is not None and ev.chamber != chamber:
        run.refuse(
            provision, f"only {CHAMBER_WORDS[chamber]} can be dissolved, not {ev.chamber}", evidence="rule"
        )
    if state.president is None:
        run.refuse(provision, "only a President in office may dissolve", evidence="rule")
    dissolved_guard(run, state, chamber)
    if state.state_of_siege and provision.get("no_dissolution_under_state_of_siege"):
        run.refuse(provision, "no dissolution under a state of siege", evidence="rule")
    term_end = run.regime.congress_term_end(ev.date)
    last_year = (term_end + dt.timedelta(days=1)).replace(year=term_end.year - 1)
    if provision.get("no_dissolution_in_last_year") and ev.date >= last_year:
        run.refuse(
            provision,
            f"no dissolution in the last year of the term (term ends {term_end.isoformat()}; last year from "
            f"{last_year.isoformat()})",
            f"{ev.date.isoformat()} ≥ {last_year.isoformat()}",
            evidence="rule",
        )
    scope = run.options["dissolution_count_scope"]
    term_start = (term_end + dt.timedelta(days=1)).replace(
        year=term_end.year - run.regime.congress_term_years
    )
    since = term_start
    if scope == "presidential_tenure" and state.tenure is not None:
        since = max(since, state.tenure.since)
    counted = [c for c in state.councils if c.chamber == chamber and c.date >= since]
    needed = int(provision.get("councils_needed"))
    listing = "; ".join(f"{c.pcm or 'unnamed'} {c.how} {c.date.isoformat()}" for c in counted) or "none"
    if len(counted) < needed:
        run.refuse(
            provision,
            f"dissolution needs {needed} Councils of Ministers censured or denied confidence; "
            f"counted: {listing} [reading dissolution_count_scope={scope}]",
            f"{len(counted)} < {needed}",
            evidence="rule",
        )
    run.step(
        "passed", provision,
        f"{state.president} dissolves {CHAMBER_WORDS[chamber]}: "
        "elections within four months, same electoral system; "
        f"the Comisión Permanente stays (counted: {listing})",
        f"{len(counted)} ≥ {needed}", reading="dissolution_count_scope", evidence="rule",
    )  # fmt: skip
    return replace(state, dissolved=(*state.dissolved, chamber))
