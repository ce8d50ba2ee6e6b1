"""For each office on a date: who would take it, in which order, by which rule and article — and what
the rules say when one person holds two offices.

Every line cites the rule of the regime in force (its id, article, sources and whether a source confirms
it). Where the regime files say nothing, the line says so; where the engine has a contested reading
(``curul scenario options``), the line names it with its choices and their sources.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from curul.constitution import READINGS, Provision, Regime, State, required_votes
from curul.history._people import Found, chamber_vice_presidents, member_of_congress, member_row, same_person
from curul.history._people import ministers_in_congress as ministers_of_congress

# Const. Arts. 90-102 (the Congress), the 1993 text the regime files cite for the unicameral chamber.
C_LEG = "https://github.com/jeqo/peru-constitucion/blob/4bfd3b259f57e7dda7387fb90425cac2fdf5935f/src/1993/titulo-iv/capitulo-i.md"
TITLES = {
    "president": "President of the Republic",
    "first_vp": "1st Vice President",
    "second_vp": "2nd Vice President",
    "pcm": "President of the Council of Ministers",
    "president_of_congress": "President of Congress",
    "president_of_senate": "President of the Senate",
    "president_of_deputies": "President of the Chamber of Deputies",
}
POSTS = {
    "first_vp": "1st Vice President",
    "second_vp": "2nd Vice President",
    "third_vp": "3rd Vice President",
}


@dataclass(frozen=True)
class Line:
    """One office's line of succession: the ordered steps (role, person), the rule that orders them."""

    office: str
    steps: tuple[tuple[str, str | None], ...]
    rule: str
    article: str
    confirmed: bool
    says: str
    sources: tuple[str, ...]
    readings: tuple[dict[str, Any], ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "office": self.office,
            "order": [{"role": role, "person": person} for role, person in self.steps],
            "rule": self.rule,
            "article": self.article,
            "confirmed": self.confirmed,
            "says": self.says,
            "sources": list(self.sources),
            "readings": list(self.readings),
        }


@dataclass(frozen=True)
class DualOffice:
    """One person in two offices, and what the rules say then (or that they are silent)."""

    person: str
    offices: tuple[str, ...]
    says: tuple[str, ...]
    rules: tuple[str, ...]
    sources: tuple[str, ...]
    evidence: tuple[Found, ...] = ()
    readings: tuple[dict[str, Any], ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "person": self.person,
            "offices": list(self.offices),
            "says": list(self.says),
            "rules": list(self.rules),
            "sources": list(self.sources),
            "evidence": [f.as_dict() for f in self.evidence],
            "readings": list(self.readings),
        }


def _reading(name: str) -> dict[str, Any]:
    reading = next(r for r in READINGS if r.name == name)
    return {
        "name": reading.name,
        "question": reading.question,
        "default": reading.default,
        "choices": [c.as_dict() for c in reading.choices],
    }


def _cite(p: Provision) -> tuple[str, str, bool, tuple[str, ...]]:
    return p.rule_id, p.article, p.confirmed, p.sources


def _president_line(state: State, regime: Regime, on: dt.date, head: str | None) -> Line:
    rule, article, confirmed, sources = _cite(regime.succession_rule)
    steps: list[tuple[str, str | None]] = []
    for office in regime.succession:
        if office == "president_of_congress":
            steps.append((TITLES["president_of_congress"], head))
        else:
            steps.append((TITLES[office], getattr(state, office)))
    says = (
        "Art. 115: on a temporary or permanent impediment of the President, the 1st Vice President assumes; "
        "failing him, the 2nd; failing both, the President of Congress, who calls elections at once if the "
        "impediment is permanent — unless general elections are already convened (practice of 2000, 2020 "
        "and 2025). Travel abroad makes the 1st (else 2nd) Vice President only encargado del despacho."
    )
    if state.elections_convened:
        says += f" Elections convened: {state.elections_convened}."
    if regime.presidency_of_congress is not None:
        p = regime.presidency_of_congress
        period = regime.annual_period_year(on)
        chamber = "the Senate" if regime.presiding_chamber(on) == "senate" else "the Chamber of Deputies"
        says += (
            f" The President of Congress is the President of {chamber} "
            f"in the annual period {period}-{str(period + 1)[2:]} "
            f"({p.rule_id}, {p.article}; {'confirmed' if p.confirmed else 'UNCONFIRMED: ' + p.note})."
        )
        sources = (*sources, *p.sources)
    says += (
        " If nobody in the line can assume, the presidency waits for a newly elected President of Congress "
        "(R21, UNCONFIRMED)."
    )
    readings = (_reading("election_call_scope"), _reading("interim_vacancy_successor"))
    return Line("president", tuple(steps), rule, article, confirmed, says, sources, readings)


def _vice_president_line(office: str, regime: Regime) -> Line:
    rule, article, confirmed, sources = _cite(regime.provision("vice_president_in_office"))
    says = (
        "Nobody replaces a Vice President: both are elected on the President's ticket (Art. 111) and a "
        "vacant "
        "Vice Presidency stays vacant to the end of the term (Aráoz's resignation, accepted on 7 May 2020, "
        "left the 2nd Vice Presidency empty)."
    )
    return Line(office, (), rule, article, confirmed, says, sources)


def _pcm_line(state: State, regime: Regime, on: dt.date) -> Line:
    rule, article, confirmed, sources = _cite(regime.provision("cabinet_crisis"))
    chamber = regime.rules_for("cabinet.censure")[0].chamber if regime.rules_for("cabinet.censure") else None
    says = (
        "The President appoints the President of the Council of Ministers. His censure (Art. 132), a "
        "denial of confidence (Arts. 130, 133) or his resignation is a total cabinet crisis (Art. 133): "
        "the whole Council "
        "resigns and the President appoints a new one; who acts meanwhile is not in the sources."
    )
    if chamber is not None:
        censure = regime.rule("cabinet.censure", chamber)
        legal = regime.chamber(chamber).legal_number
        flag = "" if censure.confirmed else " [UNCONFIRMED]"
        says += (
            f" Censure is voted in {chamber}: {required_votes(censure.threshold, legal)} of {legal} "
            f"({censure.rule_id}, {censure.article}){flag}."
        )
        sources = (*sources, *censure.sources)
    presentation = regime.provision("policy_presentation")
    if not presentation.get("confidence_question_required"):
        says += (
            f" Under {regime.id} the general policy is presented without a confidence question "
            f"({presentation.rule_id}, {presentation.article}; UNCONFIRMED: {presentation.note})"
        )
        sources = (*sources, *presentation.sources)
    dissolution = regime.dissolution
    fallen = [c for c in state.councils if c.chamber == dissolution.get("chamber")]
    term_end = regime.congress_term_end(on)
    last_year = term_end.replace(year=term_end.year - 1) + dt.timedelta(days=1)
    says += (
        f" Dissolution ({dissolution.rule_id}, {dissolution.article}): the President may dissolve "
        f"{dissolution.get('chamber')} after {dissolution.get('councils_needed')} Councils censured or "
        f"denied confidence, never in its last year (from {last_year}) "
        f"nor under a state of siege; Councils fallen this term: {len(fallen)}."
    )
    if not presentation.get("confidence_question_required"):
        says += (
            " Whether a Council never asked for confidence can be denied it, and so count towards a "
            "dissolution, is not in the sources."
        )
    return Line(
        "pcm",
        (),
        rule,
        article,
        confirmed,
        says,
        (*sources, *dissolution.sources),
        (_reading("dissolution_count_scope"),),
    )


def _board_line(office: str, chamber: str, state: State, regime: Regime, on: dt.date) -> Line:
    rule, article, confirmed, sources = _cite(regime.provision("board_post"))
    board = state.board(chamber)
    steps: list[tuple[str, str | None]] = [(f"{POSTS[p]} of the board", board.get(p)) for p in POSTS]
    says = (
        f"A vacant presidency of the board is filled by a new election (Art. 12); meanwhile the next "
        f"officer in order presides as encargado ({rule})."
    )
    if any(person is None for _, person in steps):
        says += " Board members shown as (none) are not in the sources."
    if regime.bicameral and chamber in ("senate", "deputies"):
        mentioned = [f.says for f in chamber_vice_presidents(chamber) if not f.full_name]
        if mentioned:
            says += " The officers dataset mentions: " + "; ".join(mentioned) + "."
        try:
            censure = regime.rule("board.censure", chamber)
            says += (
                f" Censure of a board member: {censure.threshold.describe()} ({censure.rule_id}, "
                f"{censure.article}{'' if censure.confirmed else ', UNCONFIRMED'})."
            )
        except Exception:
            pass
    if board.until is not None:
        says += f" This board's annual period ends on {board.until.isoformat()} (board_term)."
    return Line(office, tuple(steps), rule, article, confirmed, says, sources)


def lines(state: State, regime: Regime, on: dt.date, head: str | None) -> tuple[Line, ...]:
    """The line of succession of every office on ``on``."""
    out = [
        _president_line(state, regime, on, head),
        _vice_president_line("first_vp", regime),
        _vice_president_line("second_vp", regime),
        _pcm_line(state, regime, on),
    ]
    if regime.bicameral:
        presiding = regime.presiding_chamber(on)
        p = regime.presidency_of_congress
        assert p is not None
        other = "deputies" if presiding == "senate" else "senate"
        says = (
            f"The presidency of Congress alternates each annual period between the presidents of the two "
            f"chambers: {presiding} in {regime.annual_period_year(on)}-{regime.annual_period_year(on) + 1}, "
            f"{other} in the next, from {regime.annual_period_end(on) + dt.timedelta(days=1)}."
        )
        steps = ((f"President of the {'Senate' if presiding == 'senate' else 'Chamber of Deputies'}", head),)
        out.append(Line("president_of_congress", steps, p.rule_id, p.article, p.confirmed, says, p.sources))
        out.append(_board_line("president_of_senate", "senate", state, regime, on))
        out.append(_board_line("president_of_deputies", "deputies", state, regime, on))
    else:
        out.append(_board_line("president_of_congress", "congress", state, regime, on))
    return tuple(out)


def dual_offices(
    held: dict[str, str | None], state: State, regime: Regime, on: dt.date
) -> tuple[DualOffice, ...]:
    """Every person in two offices (or in an office and a seat of Congress), and what the rules say."""
    by_person: dict[str, list[str]] = {}
    for office, person in held.items():
        if person:
            by_person.setdefault(person, []).append(office)
    out: list[DualOffice] = []
    succession = regime.succession_rule
    for person, offices in by_person.items():
        member = member_of_congress(person, on)
        evidence = (member_row(member),) if member else ()
        says: list[str] = []
        rules: list[str] = []
        sources: list[str] = []
        readings: list[dict[str, Any]] = []
        if member is not None:
            seat = "senator" if member.chamber == "senate" else "deputy"
            offices = [*offices, seat]
            if {"first_vp", "second_vp"} & set(offices):
                says.append(
                    f"A Vice President who is also a {seat}: Art. 90 lets Vice-Presidential candidates "
                    "run for Congress."
                )
                rules.append("Const. Art. 90")
                sources.append(C_LEG)
        executive = {"president", "first_vp", "second_vp", "pcm"} & set(offices)
        if len(offices) < 2 or (not executive and len(offices) == 2 and member is not None):
            continue  # a member of Congress who presides over a board holds no second office
        if "pcm" in offices and {"first_vp", "second_vp"} & set(offices):
            crisis = regime.provision("cabinet_crisis")
            says.append(
                "A Vice President who presides over the Council of Ministers: the regime files neither bar "
                "nor regulate it. If he assumes the presidency (Art. 115), the rules are silent on whether "
                "his post "
                f"at the head of the Council falls vacant; if it does, that is a total cabinet crisis "
                f"({crisis.rule_id}, {crisis.article}: the PCM's resignation or removal) — not in the "
                "sources."
            )
            rules += [f"{succession.rule_id} {succession.article}", f"{crisis.rule_id} {crisis.article}"]
            sources += [*succession.sources, *crisis.sources]
        heads = {"president_of_congress", "president_of_senate", "president_of_deputies"} & set(offices)
        if heads and {"first_vp", "second_vp"} & set(offices):
            keeps = regime.provision("president_of_congress_keeps_title")
            says.append(
                "A Vice President who presides over Congress is twice in the line of Art. 115: he succeeds "
                "as "
                "Vice President (serving out the term, no elections called) before his turn as President of "
                "Congress comes; if he cannot, Art. 115 names nobody after him and the presidency waits for "
                "another President of Congress (R21, UNCONFIRMED). Whether a Vice President who assumes "
                "keeps "
                f"his seat and the presidency of Congress is not in the sources; the unicameral rule for a "
                f"President of Congress exercising the presidency is that he keeps both ({keeps.rule_id}, "
                f"{keeps.article}{'' if keeps.confirmed else ', UNCONFIRMED'})."
            )
            rules += [f"{succession.rule_id} {succession.article}", f"{keeps.rule_id} {keeps.article}"]
            sources += [*succession.sources, *keeps.sources]
            readings.append(_reading("interim_vacancy_successor"))
        if "president_of_congress" in offices and (
            "president_of_senate" in offices or "president_of_deputies" in offices
        ):
            p = regime.presidency_of_congress
            if p is not None:
                says.append(
                    "President of Congress because President of his chamber this annual period "
                    f"({p.rule_id}, {p.article})."
                )
                rules.append(f"{p.rule_id} {p.article}")
                sources += list(p.sources)
        out.append(
            DualOffice(
                person,
                tuple(offices),
                tuple(says),
                tuple(dict.fromkeys(rules)),
                tuple(dict.fromkeys(sources)),
                evidence,
                tuple(readings),
            )
        )
    if held.get("pcm"):
        for found, member in ministers_of_congress(on):
            if any(same_person(d.person, found.full_name) for d in out):
                continue
            seat = "senator" if member.chamber == "senate" else "deputy"
            told = (
                f"A {seat} who is a minister: Art. 92 allows members of Congress to be ministers. If the "
                "Chamber of Deputies censures the minister (B6, UNCONFIRMED thresholds) the minister resigns "
                f"(Art. 132); the rules say nothing of the seat. Whether a {seat}-minister is hábil "
                "(counts towards 40% of hábiles or votes) in the chamber is not in the sources.",
            )
            out.append(
                DualOffice(
                    found.full_name,
                    ("minister", seat),
                    told,
                    ("Const. Art. 92", "Const. Art. 132"),
                    (C_LEG, found.source),
                    (found, member_row(member)),
                )
            )
    return tuple(out)
