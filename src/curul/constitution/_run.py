"""The working context of one ``apply`` call: it writes the trace and decides votes and refusals.

Every step cites a procedure or provision of the regime in force (its rule id, article and sources come
from the regime file); a vote is decided against the procedure's threshold, and impossible counts are
refused. A step's sources are the event's (what happened, as recorded) with the cited rule's as the
fallback, or the rule's alone (``evidence="rule"``) when the step is a consequence the rule itself draws.
"""

from __future__ import annotations

from typing import Literal, NoReturn, Protocol

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


class Citable(Protocol):
    """What a step cites: a procedure's :class:`Rule` or a :class:`Provision`."""

    @property
    def rule_id(self) -> str: ...
    @property
    def article(self) -> str: ...
    @property
    def sources(self) -> tuple[str, ...]: ...


Evidence = Literal["event", "rule"]


class Refused(Exception):
    """Raised by :meth:`Run.refuse` after the refusal is traced: the event leaves the state as it was."""


class Run:
    """The working context of one ``apply`` call."""

    def __init__(self, regime: Regime, event: Event, options: dict[str, str]) -> None:
        self.regime = regime
        self.event = event
        self.options = options
        self.steps: list[TraceStep] = []

    def provision(self, name: str) -> Provision:
        """The regime's provision ``name``; one it does not encode is an error, never a guess."""
        return self.regime.provision(name)

    def step(
        self,
        outcome: str,
        cite: Citable,
        text: str,
        arithmetic: str = "",
        *,
        sources: tuple[str, ...] = (),
        reading: str | None = None,
        evidence: Evidence = "event",
    ) -> None:
        """Trace one step citing ``cite``; ``sources`` given explicitly replace the cited ones."""
        if not sources:
            sources = cite.sources if evidence == "rule" else (self.event.sources or cite.sources)
        if isinstance(cite, Provision) and not cite.confirmed and "UNCONFIRMED" not in text:
            text += " [UNCONFIRMED rule]"
        self._append(outcome, cite.rule_id, cite.article, text, arithmetic, sources, reading)

    def refuse(
        self,
        cite: Citable,
        text: str,
        arithmetic: str = "",
        *,
        sources: tuple[str, ...] = (),
        evidence: Evidence = "event",
    ) -> NoReturn:
        """Trace the refusal and stop: the event leaves the state as it was."""
        self.step("refused", cite, text, arithmetic, sources=sources, evidence=evidence)
        raise Refused

    def reject(self, text: str, arithmetic: str = "", *, article: str = "") -> NoReturn:
        """Refuse an event this regime cannot apply (a chamber it lacks, impossible counts): no rule is
        cited; the sources are the event's, else the constitutional text in force."""
        sources = self.event.sources or self.regime.sources_constitution
        self._append("refused", "", article, text, arithmetic, sources, None)
        raise Refused

    def provision_step(self, provision: Provision, text: str, reading: str | None = None) -> None:
        """An ``applied`` step that is the provision's own consequence (its sources, not the event's)."""
        self.step("applied", provision, text, reading=reading, evidence="rule")

    def _append(
        self,
        outcome: str,
        rule: str,
        article: str,
        text: str,
        arithmetic: str,
        sources: tuple[str, ...],
        reading: str | None,
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
                sources=tuple(sources),
                reading=f"{reading}={self.options[reading]}" if reading else None,
            )
        )

    # -- votes ---------------------------------------------------------------------------------------

    def encoded(self, procedure: str) -> tuple[Rule, ...]:
        """The procedure's rules, one per chamber that votes it; refused if the regime does not encode it."""
        try:
            self.regime.rule(procedure)
        except CurulError as exc:
            self.reject(str(exc))
        return self.regime.rules_for(procedure)

    def voting_chamber(self, procedure: str) -> str | None:
        """The chamber that votes ``procedure`` when it is encoded in one chamber only; None when several
        do (the event must say which); the regime's default chamber when none does (the vote is then
        refused as not encoded)."""
        chambers = {r.chamber for r in self.regime.rules_for(procedure)}
        if len(chambers) == 1:
            return chambers.pop()
        return None if chambers else self.regime.default_chamber

    def chamber_for(self, default_bicameral: str | None) -> str:
        """The event's chamber, checked against the regime; ``default_bicameral`` when it names none."""
        chamber = self.event.chamber
        only = self.regime.chambers[0].name
        if not self.regime.bicameral:
            if chamber not in (None, only):
                self.reject(f"{self.regime.id} has one chamber ({only}), not {chamber!r}")
            return only
        if chamber is None:
            if default_bicameral is None:
                names = " or ".join(c.name for c in self.regime.chambers)
                self.reject(f"under {self.regime.id} this event needs chamber = {names}")
            return default_bicameral
        if chamber not in {c.name for c in self.regime.chambers}:
            self.reject(f"{self.regime.id} has no chamber {chamber!r}")
        return chamber

    def check_counts(self, chamber: str) -> int | None:
        """Refuse impossible counts; return the number present (explicit, or the sum of the ballots)."""
        ev = self.event
        legal = self.regime.chamber(chamber).legal_number
        parts = [v for v in (ev.yes, ev.no, ev.abstain, ev.blank, ev.null) if v is not None]
        total = sum(parts)
        if total > legal:
            self.reject(
                f"{total} votes cast but {chamber} has {legal} members",
                f"{total} > {legal}",
                article=self.regime.chamber(chamber).article,
            )
        for name, value in (("present", ev.present), ("habiles", ev.habiles)):
            if value is not None and value > legal:
                self.reject(f"{name} = {value} but {chamber} has {legal} members", f"{value} > {legal}")
        if ev.present is not None:
            if total > ev.present:
                self.reject(f"{total} votes cast but only {ev.present} present")
            return ev.present
        return total if parts else None

    def vote(self, procedure: str, chamber: str, count: int | None = None, what: str = "") -> bool:
        """Decide a vote against ``procedure``'s threshold and trace it; ``count`` defaults to ``yes``."""
        ev = self.event
        try:
            rule: Rule = self.regime.rule(procedure, chamber)
        except CurulError as exc:  # the regime does not encode it: refuse rather than guess
            self.reject(str(exc))
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
                self.refuse(rule, f"{procedure}: the vote needs a yes count or a result")
            passed = ev.result == "passed"
            self.step(
                "passed" if passed else "failed", rule,
                f"{what}: {ev.result} as recorded (counts not reported){flag}",
                f"needs {needed} = {formula}", sources=rule.sources + ev.sources,
            )  # fmt: skip
            return passed
        passed = yes >= needed
        sign = "≥" if passed else "<"
        shown = ev.counts() if count is None else str(count)
        text = f"{what}: {'passed' if passed else 'failed'} ({shown}){flag}"
        if ev.result in ("passed", "failed") and (ev.result == "passed") != passed:
            text += f"; the record says {ev.result}"
        self.step(
            "passed" if passed else "failed", rule, text,
            f"{yes} {sign} {needed} = {formula}", sources=rule.sources + ev.sources,
        )  # fmt: skip
        return passed
