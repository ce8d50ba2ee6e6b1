"""The bundled event file (2016 to the present), its replay, and the presidents table derived from it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from curul.constitution import Event, PresidentRow, Regime, Replay, parse_events, parse_toml, replay

if TYPE_CHECKING:
    import pandas as pd

RegimeSource = Regime | str | Path
EVENTS_FILE = "events.toml"
TITLE = f"Presidents of Peru since 2016 (replayed from curul/history/{EVENTS_FILE})"


@cache
def history_events() -> tuple[Event, ...]:
    """Every bundled event, validated (each must carry a source), in date order."""
    path = f"curul/history/{EVENTS_FILE}"
    text = (resources.files("curul.history") / EVENTS_FILE).read_text(encoding="utf-8")
    raw, locator = parse_toml(text, path)
    return parse_events(raw["events"], path, locator, require_sources=True)


def replay_history(regimes: Iterable[RegimeSource] | None = None) -> Replay:
    """The history replayed through the engine with the default readings, under the bundled regimes or
    the ``regimes`` given in their place over the dates they cover (regime objects or files)."""
    if not regimes:
        return _bundled_replay()
    return replace(replay(history_events(), regimes=regimes), title=TITLE)


@cache
def _bundled_replay() -> Replay:
    return replace(replay(history_events()), title=TITLE)


def history(*, events: bool = False) -> Replay:
    """The history replayed, as ``curul history`` shows it: the presidents, and every event with its
    trace when ``events`` is true."""
    return replace(replay_history(), show_events=events)


def presidents() -> tuple[PresidentRow, ...]:
    """The presidents since 2016 in order, as the replay produces them."""
    return replay_history().presidents


def presidents_frame() -> pd.DataFrame:
    """The presidents table as a pandas DataFrame (for notebooks)."""
    return replay_history().to_frame()
