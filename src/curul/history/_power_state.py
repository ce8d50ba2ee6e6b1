"""Who holds power on a date: ``state(on=date)``, the result ``curul state`` prints.

The bundled history is replayed up to the date and moved to it by the calendar (the regime in force, the
terms that ended: :func:`curul.constitution.advance`); every office names its holder, since when and the
event and sources that put them there, with what the 2026 datasets (officers, cabinet, members) say of
the person. Each chamber's composition in force is the bundled one for that Congress; each office has its
line of succession with the rule and article that order it, and the people in two offices are listed with
what the rules say then (or that they are silent).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from curul.constitution import Regime, Trace, regime_for_date
from curul.history._people import (
    OFFICERS_PERIOD,
    Found,
    cabinet_rows,
    member_of_congress,
    member_row,
    officer_rows,
)
from curul.history._succession_lines import TITLES, DualOffice, Line, dual_offices, lines
from curul.history._tracking import OFFICES, Provenance, Tracked, history_on
from curul.report import Column, Presentable, Report, Span, Table
from curul.report import Line as Text

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class Office:
    """An office on the date: its holder (None: vacant or not in the sources), since when, how, sources.
    ``via_es`` says how in Spanish, or is empty where the record has no Spanish (a calendar step)."""

    office: str
    title: str
    person: str | None
    since: dt.date | None
    via: str
    sources: tuple[str, ...]
    note: str = ""
    records: tuple[Found, ...] = ()
    via_es: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "office": self.office,
            "title": self.title,
            "person": self.person,
            "full_name": next((f.full_name for f in self.records if f.full_name), self.person),
            "since": self.since,
            "via": self.via,
            "via_es": self.via_es,
            "note": self.note,
            "sources": list(self.sources),
            "records": [f.as_dict() for f in self.records],
        }


@dataclass(frozen=True)
class ChamberInForce:
    """The composition of a chamber in force on the date (None when no bundled one covers it)."""

    chamber: str
    composition: str | None
    legal_number: int
    seats: tuple[tuple[str, str, int], ...]
    date: dt.date | None
    source: str
    note: str

    @property
    def total(self) -> int:
        return sum(n for _, _, n in self.seats)

    def as_dict(self) -> dict[str, Any]:
        return {
            "chamber": self.chamber,
            "composition": self.composition,
            "legal_number": self.legal_number,
            "total": self.total,
            "seats": {code: n for code, _, n in self.seats},
            "groups": [{"code": c, "name": name, "seats": n} for c, name, n in self.seats],
            "date": self.date,
            "source": self.source,
            "note": self.note,
        }


@dataclass(frozen=True)
class PowerState(Presentable):
    """Who holds power on ``date``: offices, regime, chambers, lines of succession, dual offices."""

    date: dt.date
    regime: Regime
    offices: tuple[Office, ...]
    chambers: tuple[ChamberInForce, ...]
    succession: tuple[Line, ...]
    dual: tuple[DualOffice, ...]
    calendar: Trace = field(default_factory=Trace)
    last_event: dt.date | None = None
    pending_successor: str | None = None
    title: str = ""

    def office(self, name: str) -> Office:
        return next(o for o in self.offices if o.office == name)

    def as_dict(self) -> dict[str, Any]:
        return {
            "date": self.date,
            "regime": {"id": self.regime.id, "title": self.regime.title, "file": self.regime.path},
            "offices": {o.office: o.as_dict() for o in self.offices},
            "chambers": {c.chamber: c.as_dict() for c in self.chambers},
            "succession": {line.office: line.as_dict() for line in self.succession},
            "dual_offices": [d.as_dict() for d in self.dual],
            "pending_successor": self.pending_successor,
            "record_ends": self.last_event,
            "calendar": [s.as_dict() for s in self.calendar],
        }

    def to_frame(self) -> pd.DataFrame:
        """One row per office: holder, since, how, sources."""
        import pandas as pd

        rows = [{k: v for k, v in o.as_dict().items() if k != "records"} for o in self.offices]
        return pd.DataFrame(rows).set_index("office")

    def report(self) -> Report:
        heading = [Span("Who holds power", "bold"), f" on {self.date.isoformat()}"]
        if self.title:
            heading.append(f" — {self.title}")
        blocks: list[Any] = [heading, f"  regime {self.regime.id} ({self.regime.path})"]
        rows: list[list[str | Span]] = [
            [
                o.title,
                Span(o.person, "bold") if o.person else Span("vacant / not in the sources", "warn"),
                o.since.isoformat() if o.since else "",
                o.via,
            ]
            for o in self.offices
        ]
        blocks.append(Table.build(["office", "holder", Column("since", nowrap=True), "how"], rows))
        if self.pending_successor:
            blocks.append(f"  pending: {self.pending_successor}")
        for chamber in self.chambers:
            seats = ", ".join(f"{c} {n}" for c, _, n in chamber.seats)
            where = (
                f"{chamber.composition} ({chamber.total}/{chamber.legal_number})"
                if chamber.composition
                else "none"
            )
            blocks.append(f"  {chamber.chamber}: {where}: {seats or chamber.note}")
        blocks.append(Span("Lines of succession", "bold"))
        for line in self.succession:
            order = " → ".join(f"{role} {person or '(none)'}" for role, person in line.steps)
            flag = "" if line.confirmed else " [UNCONFIRMED]"
            head = f"  {TITLES[line.office]}: {line.rule or '-'} {line.article}{flag}"
            blocks.append(Text.of(head + (f": {order}" if order else "")))
            blocks.append(Text.of(f"    {line.says}"))
            for reading in line.readings:
                choices = " | ".join(c["value"] for c in reading["choices"])
                blocks.append(
                    Text.of(
                        f"    reading {reading['name']} (default {reading['default']}): {choices}", "soft"
                    )
                )
        if self.dual:
            blocks.append(Span("One person, two offices", "bold"))
            for dual in self.dual:
                blocks.append(Text.of(f"  {dual.person}: {', '.join(dual.offices)}"))
                blocks.extend(Text.of(f"    {text}") for text in dual.says)
        for step in self.calendar:
            blocks.append(Text.of(f"  {step.date} {step.rule}: {step.text}", "soft"))
        if self.last_event is not None and self.last_event < self.date:
            blocks.append(
                Text.of(
                    f"  The record ends on {self.last_event.isoformat()}: what happened since is not "
                    "in the sources (the calendar alone moved the state to this date).",
                    "soft",
                )
            )
        sources = dict.fromkeys(s for o in self.offices for s in o.sources)
        blocks.append(Text.of("Sources: " + "; ".join(sources), "fold"))
        return Report.of(*blocks)


def _records(office: str, person: str | None, on: dt.date) -> tuple[Found, ...]:
    if person is None:
        return ()
    found: list[Found] = []
    if OFFICERS_PERIOD[0] <= on <= OFFICERS_PERIOD[1]:
        found += officer_rows(person)
        found += cabinet_rows(person)
    member = member_of_congress(person, on)
    if member is not None:
        found.append(member_row(member))
    return tuple(found)


def _chambers(state_regime: Regime, on: dt.date, dissolved: tuple[str, ...]) -> tuple[ChamberInForce, ...]:
    from curul.congress import compositions

    out = []
    for chamber in state_regime.chambers:
        candidates = [c for c in compositions() if c.chamber == chamber.name]
        term_end = state_regime.congress_term_end(on)
        dated = [
            c
            for c in candidates
            if c.date is not None
            and c.date <= max(on, state_regime.valid_from + dt.timedelta(days=4))
            and state_regime.congress_term_end(c.date) == term_end
        ]
        chosen = dated[-1] if dated else None
        if chamber.name in dissolved:
            out.append(
                ChamberInForce(
                    chamber.name,
                    None,
                    chamber.legal_number,
                    (),
                    None,
                    "",
                    "dissolved: only its Comisión Permanente sits (Art. 134)",
                )
            )
        elif chosen is None:
            out.append(
                ChamberInForce(
                    chamber.name,
                    None,
                    chamber.legal_number,
                    (),
                    None,
                    "",
                    "no bundled composition covers this date (not in the sources)",
                )
            )
        else:
            seats = tuple((g.code, g.name, g.seats) for g in chosen.groups)
            out.append(
                ChamberInForce(
                    chamber.name,
                    chosen.id,
                    chosen.legal_number,
                    seats,
                    chosen.date,
                    chosen.source,
                    chosen.note,
                )
            )
    return tuple(out)


def power_state(
    tracked: Tracked, on: dt.date, regimes: tuple[Regime, ...] = (), title: str = ""
) -> PowerState:
    """The result for a tracked state already moved to ``on``."""
    state = tracked.state
    regime = regime_for_date(on, regimes)
    presiding = regime.presiding_chamber(on)
    head = state.board(presiding).president
    held: dict[str, str | None] = {}
    offices = []
    for name in OFFICES:
        if name in ("president_of_senate", "president_of_deputies") and not regime.bicameral:
            continue
        if name == "president_of_congress":
            person = head
            provenance: Provenance | None = tracked.offices.get(f"president_of_{presiding}")
        else:
            person = {
                "president": state.president,
                "first_vp": state.first_vp,
                "second_vp": state.second_vp,
                "pcm": state.pcm,
            }.get(name, state.board(name.removeprefix("president_of_")).president)
            provenance = tracked.offices.get(name)
        held[name] = person
        if provenance is None or provenance.holder != person:
            provenance = Provenance(person, on, "not in the sources", (), via_es="no consta en las fuentes")
        via, via_es = provenance.via, provenance.via_es
        if not person:
            via = f"vacant since {provenance.since.isoformat()}: {via}"
            via_es = f"vacante desde {provenance.since.isoformat()}: {via_es}" if via_es else ""
        office = Office(
            name,
            TITLES[name],
            person,
            provenance.since if person else None,
            via,
            provenance.sources,
            provenance.note,
            _records(name, person, on),
            via_es,
        )
        if name == "president_of_congress" and regime.bicameral and person:
            period = f"{regime.annual_period_year(on)}-{regime.annual_period_year(on) + 1}"
            office = Office(
                name,
                TITLES[name],
                person,
                office.since,
                f"President of the {'Senate' if presiding == 'senate' else 'Chamber of Deputies'} "
                f"in the annual period {period} (B8)",
                office.sources,
                office.note,
                office.records,
                f"Presidencia {'del Senado' if presiding == 'senate' else 'de la Cámara de Diputados'} "
                f"en el periodo anual {period} (B8)",
            )
        offices.append(office)
    return PowerState(
        date=on,
        regime=regime,
        offices=tuple(offices),
        chambers=_chambers(regime, on, state.dissolved),
        succession=lines(state, regime, on, head),
        dual=dual_offices(held, state, regime, on),
        calendar=tracked.calendar,
        last_event=tracked.last_event,
        pending_successor=state.pending_successor,
        title=title,
    )


def state(on: dt.date | str | None = None) -> PowerState:
    """Who holds power on ``on`` (default: today), from the bundled history moved to that date."""
    from curul.errors import ArgumentError

    if on is None:
        day = dt.date.today()
    elif isinstance(on, dt.date):
        day = on
    else:
        try:
            day = dt.date.fromisoformat(on)
        except ValueError:
            raise ArgumentError("on", f"not a date (YYYY-MM-DD): {on!r}") from None
    try:
        regime_for_date(day)
    except Exception as exc:
        raise ArgumentError("on", str(exc)) from None
    return power_state(history_on(day), day)
