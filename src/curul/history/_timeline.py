"""The bundled 2016-2026 event file, its replay, and the presidents table derived from it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from curul.constitution import Event, Replay, parse_events, parse_toml, replay

EVENTS_FILE = "events.toml"


@cache
def history_events() -> tuple[Event, ...]:
    """Every bundled event, validated (each must carry a source), in date order."""
    path = f"curul/history/{EVENTS_FILE}"
    raw, locator = parse_toml(
        (resources.files("curul.history") / EVENTS_FILE).read_text(encoding="utf-8"), path
    )
    return parse_events(raw["events"], path, locator, require_sources=True)


@cache
def replay_history() -> Replay:
    """The history replayed through the engine with the default readings."""
    return replay(history_events())


@dataclass(frozen=True)
class PresidentRow:
    """One row of the presidents table: who, from when to when, how they came and how they left."""

    number: int
    name: str
    since: str
    until: str | None
    took_office: str
    left_office: str | None

    def as_dict(self) -> dict[str, object]:
        return {
            "number": self.number,
            "name": self.name,
            "since": self.since,
            "until": self.until,
            "took_office": self.took_office,
            "left_office": self.left_office,
        }


def presidents() -> tuple[PresidentRow, ...]:
    """The presidents 2016-2026 in order, as the replay produces them."""
    return tuple(
        PresidentRow(
            number=i,
            name=t.name,
            since=t.since.isoformat(),
            until=t.until.isoformat() if t.until else None,
            took_office=t.via,
            left_office=t.left,
        )
        for i, t in enumerate(replay_history().state.presidents, start=1)
    )


def presidents_frame():  # -> pandas.DataFrame
    """The presidents table as a pandas DataFrame (for notebooks)."""
    import pandas as pd

    return pd.DataFrame([r.as_dict() for r in presidents()]).set_index("number")
