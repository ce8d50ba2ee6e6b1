"""The constitution's results follow the result protocol: as_dict keys, report, to_frame, HTML."""

from __future__ import annotations

import datetime as dt

import pytest

from curul.constitution import (
    Event,
    ReadingListing,
    Replay,
    ThresholdListing,
    ThresholdResult,
    Trace,
    TraceStep,
    apply,
    initial_state,
    readings,
    replay,
    thresholds,
    votes_needed,
)
from curul.errors import ArgumentError
from curul.report import Presentable

THRESHOLD_KEYS = {
    "procedure", "votes", "regime", "chamber", "rule_id", "article", "arithmetic", "rule", "base",
    "base_value", "confirmed", "description", "note", "chamber_choice", "sources",
}  # fmt: skip


def test_threshold_result_is_a_result() -> None:
    result = votes_needed("vacancy.approval", date=dt.date(2026, 2, 17))
    assert isinstance(result, Presentable)
    assert set(result.as_dict()) == THRESHOLD_KEYS
    text = result.report().to_text()
    assert text.splitlines()[0] == "vacancy.approval in congress (peru-1993-unicameral): 87 votes"
    assert "⌈2/3 · 130⌉ = 87" in text
    assert "<p>" in result._repr_html_() and "87" in result._repr_html_()
    unconfirmed = votes_needed("board.censure", date=dt.date(2026, 2, 17), present=102)
    assert unconfirmed.report().to_text().splitlines()[0].endswith("52 votes (UNCONFIRMED)")


def test_threshold_listing() -> None:
    listing = thresholds("peru-2026-bicameral")
    assert isinstance(listing, ThresholdListing)
    assert set(listing.as_dict()) == {"regime", "procedures"}
    assert all(isinstance(p, ThresholdResult) for p in listing.procedures)
    frame = listing.to_frame()
    assert frame.loc[("vacancy.approval", "senate"), "votes"] == 40
    assert "Procedures of peru-2026-bicameral" in listing._repr_html_()
    assert listing.as_dict()["regime"] == thresholds(date=dt.date(2026, 8, 1)).regime


def test_bad_attendance_names_the_argument_not_a_flag() -> None:
    with pytest.raises(ArgumentError) as caught:
        votes_needed("vacancy.admission", date=dt.date(2026, 2, 17), habiles=131)
    assert caught.value.argument == "habiles"
    assert str(caught.value) == "habiles must be between 0 and 130 (the legal number of congress)"


def test_readings_listing() -> None:
    listing = readings()
    assert isinstance(listing, ReadingListing)
    option = listing.as_dict()["options"][0]
    assert set(option) == {"name", "question", "default", "why_default", "choices"}
    assert set(option["choices"][0]) == {"value", "summary", "sources"}
    assert "interim_vacancy_successor (default: next_elected_board_president)" in listing.report().to_text()
    assert "curul-info" in listing._repr_html_()


def test_a_trace_is_a_result_and_a_sequence() -> None:
    state = initial_state(dt.date(2021, 6, 6))
    _, trace = apply(state, Event(date=dt.date(2021, 6, 6), type="general_election", winner="A"))
    assert isinstance(trace, Trace) and len(trace) == 2
    assert isinstance(trace[0], TraceStep) and [s.rule for s in trace] == ["R19", "R19"]
    assert trace.outcome == "applied"
    assert set(trace.as_dict()) == {"trace"}
    assert set(trace[0].as_dict()) == {
        "date", "event", "type", "outcome", "rule", "article", "text", "arithmetic", "sources", "reading",
    }  # fmt: skip
    frame = trace.to_frame()
    assert list(frame["rule"]) == ["R19", "R19"] and "article" in frame.columns
    html = trace._repr_html_()
    assert "<table" in html and "A elected President (as recorded)" in html
    assert trace[0].report().to_text() == "applied R19: A elected President (as recorded)"


def test_a_replay_shows_the_presidents_and_its_events() -> None:
    events = (
        Event(date=dt.date(2021, 6, 6), type="general_election", winner="A", first_vp="B"),
        Event(date=dt.date(2021, 7, 28), type="inauguration"),
        Event(date=dt.date(2022, 1, 10), type="death", target="president"),
    )
    run = replay(events)
    assert isinstance(run, Replay)
    assert [p.name for p in run.presidents] == ["A", "B"]
    assert set(run.as_dict()) == {"presidents", "events"}
    assert set(run.as_dict()["events"][0]) >= {"date", "type", "outcome", "trace"}
    frame = run.to_frame()
    assert frame.index.name == "number" and list(frame["name"]) == ["A", "B"]
    text = run.report().to_text()
    assert "2022-01-10 death president — applied" in text
    assert "<caption>Presidents (replayed)</caption>" in run._repr_html_()
    assert len(run.trace) == sum(len(t) for _, t, _ in run.steps)
