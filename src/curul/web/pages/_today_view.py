"""What the Today page shows, as data: who holds each office (``curul.history.state``), the chambers in
force with their parties, what a vacancy or a censure needs in each chamber (``curul.constitution``'s
thresholds of the regime in force) and which coalitions of parties reach it (``curul.congress``,
bicameral when the vacancy needs both chambers, the list capped), and the latest events of the record
with their outcome and sources (``curul.history.replay_history``). No arithmetic is done here: every
figure is the library's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from curul.congress import BicameralCoalitions, ChamberCoalitions
from curul.history import PowerState
from curul.web._negotiation import CsvTable

#: The procedures the page lists, in this order: the vacancy's stages, then the censures.
PROCEDURES = ("vacancy.filing", "vacancy.admission", "vacancy.approval", "cabinet.censure", "board.censure")
#: Coalitions listed for each question (the count of all of them is always given).
COALITIONS_LISTED = 6
#: Events of the record shown, latest first.
LATEST_EVENTS = 8


@dataclass(frozen=True)
class Question:
    """One question the page answers with coalitions: which parties can carry ``procedure``."""

    key: str  # "vacancy" or "censure"
    procedure: str
    chambers: tuple[str, ...]
    result: BicameralCoalitions | ChamberCoalitions | None
    note: str = ""  # why there is no result (no composition in force for a chamber)

    def as_dict(self) -> dict[str, Any]:
        return {
            "question": self.key,
            "procedure": self.procedure,
            "chambers": list(self.chambers),
            "coalitions": self.result.as_dict() if self.result else None,
            "note": self.note,
        }

    @property
    def listed(self) -> list[dict[str, Any]]:
        """The listed minimal winning coalitions: parties, seats in each chamber, surplus."""
        if self.result is None:
            return []
        if isinstance(self.result, BicameralCoalitions):
            return [
                {"groups": c.groups, "seats": list(c.seats), "surplus": list(c.surplus)}
                for c in self.result.listed
            ]
        return [{"groups": c.groups, "seats": [c.seats], "surplus": [c.surplus]} for c in self.result.listed]

    @property
    def count(self) -> int:
        return len(self.result.coalitions.minimal) if self.result else 0

    @property
    def veto(self) -> tuple[str, ...]:
        return tuple(self.result.coalitions.veto) if self.result else ()


@dataclass(frozen=True)
class Today:
    """The page's data for one date."""

    power: PowerState
    thresholds: tuple[dict[str, Any], ...]
    questions: tuple[Question, ...]
    events: tuple[dict[str, Any], ...]

    def as_dict(self) -> dict[str, Any]:
        return self.power.as_dict() | {
            "thresholds": list(self.thresholds),
            "coalitions": [q.as_dict() for q in self.questions],
            "latest_events": list(self.events),
        }

    def tables(self) -> dict[str, CsvTable]:
        offices = CsvTable(
            ("office", "title", "person", "since", "via", "via_es", "sources"),
            [
                (o.office, o.title, o.person, o.since, o.via, o.via_es, " ".join(o.sources))
                for o in self.power.offices
            ],
        )
        seats = CsvTable(
            ("chamber", "composition", "group", "name", "seats"),
            [
                (c.chamber, c.composition, code, name, n)
                for c in self.power.chambers
                for code, name, n in c.seats
            ],
        )  # fmt: skip
        needs = CsvTable(
            ("procedure", "chamber", "votes", "of", "rule", "article", "arithmetic", "confirmed", "sources"),
            [(t["procedure"], t["chamber"], t["votes"], t["of"], t["rule_id"], t["article"], t["arithmetic"],
              t["confirmed"], " ".join(t["sources"])) for t in self.thresholds],
        )  # fmt: skip
        coalitions = CsvTable(
            ("question", "procedure", "groups", "seats", "surplus"),
            [(q.key, q.procedure, " + ".join(c["groups"]), " / ".join(map(str, c["seats"])),
              " / ".join(map(str, c["surplus"]))) for q in self.questions for c in q.listed],
        )  # fmt: skip
        events = CsvTable(
            ("date", "type", "event", "event_es", "outcome", "votes", "sources"),
            [(e["date"], e["type"], e["title"], e["title_es"], e["outcome"], e["votes"],
              " ".join(e["sources"])) for e in self.events],
        )  # fmt: skip
        return {
            "offices": offices,
            "seats": seats,
            "thresholds": needs,
            "coalitions": coalitions,
            "events": events,
        }


def _thresholds(power: PowerState) -> tuple[dict[str, Any], ...]:
    from curul.constitution import thresholds

    sizes = {c.name: c.legal_number for c in power.regime.chambers}
    listing = thresholds(power.regime.id)
    rows = []
    for procedure in PROCEDURES:
        for found in listing.procedures:
            if found.procedure == procedure:
                rows.append(found.as_dict() | {"of": sizes.get(found.chamber)})
    return tuple(rows)


def _questions(power: PowerState, on: dt.date) -> tuple[Question, ...]:
    from curul.congress import bicameral_coalitions, chamber_coalitions, composition

    chambers = {c.chamber: c.composition for c in power.chambers}
    procedures = {(t["procedure"], t["chamber"]) for t in _thresholds(power)}
    out = []
    vacancy = tuple(ch for p, ch in sorted(procedures, key=lambda x: x[1]) if p == "vacancy.approval")
    vacancy = tuple(sorted(vacancy, key=lambda ch: ch != "deputies"))  # the Deputies vote first (B4, B5)
    censure = tuple(ch for p, ch in procedures if p == "cabinet.censure")
    for key, procedure, where in (
        ("vacancy", "vacancy.approval", vacancy),
        ("censure", "cabinet.censure", censure),
    ):
        if not where:
            continue
        ids = [chambers.get(ch) for ch in where]
        if not all(ids):
            missing = [ch for ch, found in zip(where, ids, strict=True) if not found]
            out.append(
                Question(key, procedure, where, None, "no composition in force: " + ", ".join(missing))
            )
            continue
        first, *rest = [composition(i) for i in ids if i]
        result: BicameralCoalitions | ChamberCoalitions
        if len(where) == 2:
            result = bicameral_coalitions(
                first, procedure, rest[0], procedure,
                limit=COALITIONS_LISTED, date=on,
            )  # fmt: skip
        else:
            result = chamber_coalitions(
                first, procedure, limit=COALITIONS_LISTED, date=on,
                chamber=where[0] if where[0] != "congress" else None,
            )  # fmt: skip
        out.append(Question(key, procedure, where, result))
    return tuple(out)


def _events(on: dt.date) -> tuple[dict[str, Any], ...]:
    from curul.history import replay_history

    steps = [s for s in replay_history().steps if s[0].date <= on][-LATEST_EVENTS:]
    out = []
    for event, _trace, outcome in reversed(steps):
        out.append(
            {
                "date": event.date,
                "type": event.type,
                "title": event.title,
                "title_es": event.title_es,
                "outcome": outcome,
                "votes": event.counts() if event.yes is not None else "",
                "note": event.note,
                "sources": list(event.sources),
            }
        )
    return tuple(out)


@lru_cache(maxsize=64)
def today(on: dt.date) -> Today:
    """The page's data on ``on`` (the bundled record never changes while the server runs: cached)."""
    from curul.history import state

    power = state(on=on)
    return Today(power, _thresholds(power), _questions(power, on), _events(on))
