"""The working context of one ``apply`` call: it writes the trace and decides votes and refusals.

Every step names its rule, article, arithmetic and sources; a vote is decided against the threshold of
the regime in force, and impossible counts are refused.
"""

from __future__ import annotations

from typing import NoReturn

from curul.constitution._events import Event
from curul.constitution._regime import Provision, Regime, Rule
from curul.constitution._thresholds import arithmetic, required_votes
from curul.constitution._trace import TraceStep
from curul.errors import CurulError

ORDINAL = {"first_vp": "1st Vice President", "second_vp": "2nd Vice President"}


POST_WORDS = {
    "president": "President",
    "first_vp": "1st Vice President",
    "second_vp": "2nd Vice President",
    "third_vp": "3rd Vice President",
}


CHAMBER_WORDS = {"congress": "Congress", "senate": "the Senate", "deputies": "the Chamber of Deputies"}


class Refused(Exception):
    """Raised by :meth:`Run.refuse` after the refusal is traced: the event leaves the state as it was."""


class Run:
    """The working context of one ``apply`` call."""

    def __init__(self, regime: Regime, event: Event, options: dict[str, str]) -> None:
        self.regime = regime
        self.event = event
        self.options = options
        self.steps: list[TraceStep] = []

    def step(
        self,
        outcome: str,
        rule: str,
        article: str,
        text: str,
        arithmetic: str = "",
        sources: tuple[str, ...] = (),
        reading: str | None = None,
    ) -> None:
        if reading is not None:
            text = f"{text} [reading {reading}={self.options[reading]}]"
        self.steps.append(
            TraceStep(
                date=self.event.date,
                event=self.event.title,
                type=self.event.type,
                outcome=outcome,
                rule=rule,
                article=article,
                text=text,
                arithmetic=arithmetic,
                sources=tuple(sources) or self.event.sources or self.regime.sources_for(rule),
                reading=f"{reading}={self.options[reading]}" if reading else None,
            )
        )

    def refuse(
        self, rule: str, article: str, text: str, arithmetic: str = "", sources: tuple[str, ...] = ()
    ) -> NoReturn:
        self.step("refused", rule, article, text, arithmetic, sources)
        raise Refused

    def provision_step(self, provision: Provision, text: str, reading: str | None = None) -> None:
        self.step(
            "applied", provision.rule_id, provision.article, text, sources=provision.sources, reading=reading
        )

    # -- votes ---------------------------------------------------------------------------------------

    def chamber_for(self, default_bicameral: str | None) -> str:
        chamber = self.event.chamber
        if not self.regime.bicameral:
            if chamber not in (None, self.regime.chambers[0].name):
                self.refuse("", "", f"{self.regime.id} has one chamber (congress), not {chamber!r}")
            return self.regime.chambers[0].name
        if chamber is None:
            if default_bicameral is None:
                names = " or ".join(c.name for c in self.regime.chambers)
                self.refuse("", "", f"under {self.regime.id} this event needs chamber = {names}")
            return default_bicameral
        if chamber not in {c.name for c in self.regime.chambers}:
            self.refuse("", "", f"{self.regime.id} has no chamber {chamber!r}")
        return chamber

    def check_counts(self, chamber: str) -> int | None:
        """Refuse impossible counts; return the number present (explicit, or the sum of the ballots)."""
        ev = self.event
        legal = self.regime.chamber(chamber).legal_number
        parts = [v for v in (ev.yes, ev.no, ev.abstain, ev.blank, ev.null) if v is not None]
        total = sum(parts)
        if total > legal:
            self.refuse(
                "", self.regime.chamber(chamber).article,
                f"{total} votes cast but {chamber} has {legal} members", f"{total} > {legal}",
            )  # fmt: skip
        for name, value in (("present", ev.present), ("habiles", ev.habiles)):
            if value is not None and value > legal:
                self.refuse(
                    "", "", f"{name} = {value} but {chamber} has {legal} members", f"{value} > {legal}"
                )
        if ev.present is not None:
            if total > ev.present:
                self.refuse("", "", f"{total} votes cast but only {ev.present} present")
            return ev.present
        return total if parts else None

    def vote(self, procedure: str, chamber: str, count: int | None = None, what: str = "") -> bool:
        """Decide a vote against ``procedure``'s threshold and trace it; ``count`` defaults to ``yes``."""
        ev = self.event
        try:
            rule: Rule = self.regime.rule(procedure, chamber)
        except CurulError as exc:  # the regime does not encode it: refuse rather than guess
            self.refuse("", "", str(exc))
        present = self.check_counts(chamber)
        legal = self.regime.chamber(chamber).legal_number
        yes = ev.yes if count is None else count
        base = rule.threshold.base
        if base == "legal_number":
            value: int | None = legal
        elif base == "habiles":
            value = ev.habiles if ev.habiles is not None else legal
        elif base == "present":
            value = present if present is not None else (ev.habiles if ev.habiles is not None else legal)
        else:
            value = None
        needed = required_votes(rule.threshold, value)
        formula = arithmetic(rule.threshold, value).rsplit(" = ", 1)[0]
        flag = "" if rule.confirmed else " [UNCONFIRMED threshold]"
        what = what or rule.description
        if yes is None:
            if ev.result not in ("passed", "failed"):
                self.refuse(
                    rule.rule_id, rule.article, f"{procedure}: the vote needs a yes count or a result"
                )
            passed = ev.result == "passed"
            self.step(
                "passed" if passed else "failed", rule.rule_id, rule.article,
                f"{what}: {ev.result} as recorded (counts not reported){flag}",
                f"needs {needed} = {formula}", rule.sources + ev.sources,
            )  # fmt: skip
            return passed
        passed = yes >= needed
        sign = "≥" if passed else "<"
        shown = ev.counts() if count is None else str(count)
        text = f"{what}: {'passed' if passed else 'failed'} ({shown}){flag}"
        if ev.result in ("passed", "failed") and (ev.result == "passed") != passed:
            text += f"; the record says {ev.result}"
        self.step(
            "passed" if passed else "failed", rule.rule_id, rule.article, text,
            f"{yes} {sign} {needed} = {formula}", rule.sources + ev.sources,
        )  # fmt: skip
        return passed
