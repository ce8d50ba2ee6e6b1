"""curul.history's results: the replayed history and a scenario run (as_dict keys, report, frame, HTML)."""

from __future__ import annotations

from curul.history import ScenarioResult, history, load_scenario, run_scenario
from curul.report import Presentable

from .conftest import EXAMPLES


def test_history_view_with_and_without_events() -> None:
    short = history()
    assert set(short.as_dict()) == {"presidents"}
    assert set(history(events=True).as_dict()) == {"presidents", "events"}
    assert short.to_frame().loc[1, "name"] == "Pedro Pablo Kuczynski"
    assert "Presidents of Peru since 2016" in short._repr_html_()
    assert "2026-02-17" in history(events=True).report().to_text()


def test_scenario_result_is_a_result() -> None:
    result = run_scenario(load_scenario(EXAMPLES / "feb2026-vacancy-acting-head.toml"))
    assert isinstance(result, ScenarioResult) and isinstance(result, Presentable)
    assert set(result.as_dict()) == {
        "file", "date", "regime", "president", "president_of_congress", "acting_head_of_congress",
        "pending_successor", "options_used", "base", "until", "history_events_replayed", "events", "trace",
        "state", "power",
    }  # fmt: skip
    power = result.as_dict()["power"]  # who holds power on the scenario's last date
    assert (
        power["date"] == result.state.date
        and power["offices"]["president"]["person"] == "Fernando Rospigliosi"
    )
    lines = result.report().to_text().splitlines()
    assert lines[0] == "Scenario Jerí vacated instead of censured (acting head of Congress succeeds)"
    assert lines[2].startswith("  President: Fernando Rospigliosi since 2026-02-17")
    frame = result.to_frame()
    assert list(frame["rule"][:3]) == ["R2", "R5", "R6"]  # the admission on record, the vote, its effect
    assert "<table" in result._repr_html_()
