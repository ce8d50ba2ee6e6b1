"""Typed events: what may happen to the state, with the fields each kind needs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

OFFICE_TARGETS = ("president", "first_vp", "second_vp")
BOARD_BODIES = ("congress", "senate", "deputies")
BOARD_TARGETS = tuple(
    f"{post}_of_{body}"
    for body in BOARD_BODIES
    for post in ("president", "first_vp", "second_vp", "third_vp")
)
RESULTS = ("passed", "failed")
EXPECTS = ("passed", "failed", "refused", "applied")

FIELDS = {
    "date", "type", "target", "yes", "no", "abstain", "present", "habiles", "chamber", "winner", "runner_up",
    "round", "blank", "null", "signatures", "fast_track", "result", "expect", "name", "first_vp", "second_vp",
    "third_vp", "sworn", "serves_until", "note", "sources", "alternatives", "label", "label_es",
}  # fmt: skip


@dataclass(frozen=True)
class Event:
    """One dated event. Vote counts are optional where only the outcome was reported (``result``)."""

    date: dt.date
    type: str
    target: str | None = None
    yes: int | None = None
    no: int | None = None
    abstain: int | None = None
    present: int | None = None
    habiles: int | None = None
    chamber: str | None = None
    winner: str | None = None
    runner_up: str | None = None
    round: int | None = None
    blank: int | None = None
    null: int | None = None
    signatures: int | None = None
    fast_track: bool | int | None = None
    result: str | None = None
    expect: str | None = None
    name: str | None = None
    first_vp: str | None = None
    second_vp: str | None = None
    third_vp: str | None = None
    sworn: dt.date | None = None
    serves_until: dt.date | None = None  # a board's last day where the sources show another than its period's
    note: str = ""
    label: str = ""
    label_es: str = ""  # the title in Spanish, for the dashboard's Spanish pages
    sources: tuple[str, ...] = ()
    alternatives: tuple[dict[str, Any], ...] = ()
    line: int | None = field(default=None, compare=False)

    @property
    def title(self) -> str:
        if self.label:
            return self.label
        who = self.target or self.winner or self.name or ""
        return f"{self.type} {who}".strip()

    @property
    def title_es(self) -> str:
        """The Spanish title (``label_es``), or "" when the file gives none: a reader then shows
        :attr:`title` in English rather than a Spanish guess built from the type."""
        return self.label_es

    def counts(self) -> str:
        """``yes-no-abstain`` as reported, e.g. ``75-24-3``."""
        parts = [self.yes, self.no, self.abstain]
        while parts and parts[-1] is None:
            parts.pop()
        return "-".join("?" if p is None else str(p) for p in parts)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"date": self.date, "type": self.type}
        for key in sorted(FIELDS - {"date", "type"}):
            value = getattr(self, key)
            if value not in (None, "", ()):
                out[key] = list(value) if isinstance(value, tuple) else value
        return out
