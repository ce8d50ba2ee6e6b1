"""The public surface of curul.constitution, the regime files and the engine's invariants."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from functools import cache
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import curul.constitution
from curul.constitution import (
    READINGS,
    Event,
    apply,
    initial_state,
    load_regime,
    load_regime_file,
    outcome_of,
    regime_for_date,
    regimes,
)
from curul.constitution._votes import threshold_for
from curul.errors import CurulError
from curul.history import history_events, replay_history


def test_public_api() -> None:
    assert curul.constitution.__all__ == [
        "EVENT_TYPES", "READINGS", "ArticleEntry", "ArticleIndex", "Board", "Chamber", "Choice", "CitedRule",
        "Council", "Event", "PresidentRow", "Provision", "Reading", "ReadingListing", "Regime", "Replay",
        "Rule", "State", "Tenure", "Threshold", "ThresholdListing", "ThresholdResult", "TomlLocator",
        "Trace", "TraceStep", "advance", "apply", "article_keys", "articles", "initial_state", "load_regime",
        "load_regime_file", "outcome_of", "parse_events", "parse_toml", "read_toml",
        "readings", "regime_for_date", "regimes", "replay", "required_votes", "required_votes_array",
        "resolve_options", "rules", "thresholds", "votes_needed",
    ]  # fmt: skip
    for name in curul.constitution.__all__:
        assert hasattr(curul.constitution, name)


def test_regime_files_load_and_every_rule_has_sources_and_a_flag() -> None:
    ids = [r.id for r in regimes()]
    assert ids == ["peru-1993-unicameral", "peru-2026-bicameral"]
    for regime in regimes():
        assert regime.procedures
        for rule in regime.procedures:
            assert rule.sources and rule.article and rule.rule_id
            assert isinstance(rule.confirmed, bool)
    assert load_regime("peru-2026-bicameral").chamber("senate").legal_number == 60
    assert "president_of_council_of_ministers" in load_regime("peru-1993-unicameral").offices
    assert "president_of_senate" in load_regime("peru-2026-bicameral").offices
    assert load_regime("peru-1993-unicameral").chamber("congress").legal_number == 130


def test_regime_by_date_boundary() -> None:
    assert regime_for_date(dt.date(2026, 7, 26)).id == "peru-1993-unicameral"
    assert regime_for_date(dt.date(2026, 7, 27)).id == "peru-2026-bicameral"


def test_a_reform_is_a_copied_file(tmp_path) -> None:
    """Modelling a reform means editing a copy of the regime file, not code."""
    text = (resources.files("curul.constitution") / "regimes" / "peru-1993-unicameral.toml").read_text(
        "utf-8"
    )
    assert tomllib.loads(text)["procedures"]["vacancy.approval"]["congress"]["threshold"]["share"] == "2/3"
    old = 'share = "2/3", of = "legal_number", round = "up" }'
    reform = tmp_path / "reform.toml"
    reform.write_text(text.replace(old, old.replace("2/3", "4/5"), 1), encoding="utf-8")
    regime = load_regime_file(reform)
    assert threshold_for(regime.rule("vacancy.approval"), regime).arithmetic == "⌈4/5 · 130⌉ = 104"
    broken = tmp_path / "broken.toml"
    broken.write_text(text.replace('rule = "R5"\n', "", 1), encoding="utf-8")
    with pytest.raises(CurulError, match=r"vacancy\.approval\.congress: missing field 'rule'"):
        load_regime_file(broken)


def test_readings_name_sources_on_every_side() -> None:
    names = [r.name for r in READINGS]
    assert {"interim_vacancy_successor", "election_call_scope"} <= set(names)
    for reading in READINGS:
        assert reading.default in {c.value for c in reading.choices}
        assert len(reading.choices) >= 2
        assert all(c.sources for c in reading.choices)
        assert reading.why_default


VOTE_TYPES = ["vacancy_vote", "vacancy_admission", "board_censure", "cabinet_censure", "suspension"]


@cache
def _states() -> tuple:
    """The state after each history event (index i: after the first i events)."""
    states = [initial_state(history_events()[0].date)]
    for event in history_events():
        states.append(apply(states[-1], event)[0])
    return tuple(states)


@settings(max_examples=60, deadline=None)
@given(
    index=st.integers(min_value=1, max_value=len(history_events())),
    kind=st.sampled_from(VOTE_TYPES),
    yes=st.integers(min_value=0, max_value=40),
)
def test_a_failing_vote_never_changes_who_governs(index: int, kind: str, yes: int) -> None:
    """Forty votes pass none of these procedures (the lowest, a majority of present, needs 41 of 80)."""
    before = _states()[index]
    target = "president_of_congress" if kind == "board_censure" else "president"
    event = Event(date=history_events()[index - 1].date, type=kind, target=target, yes=yes, no=40)
    after, trace = apply(before, event)
    assert outcome_of(trace) in ("failed", "refused")
    assert after.presidents == before.presidents
    assert after.boards == before.boards


def test_replay_is_deterministic_and_matches_the_bundled_run() -> None:
    assert _states()[-1] == replay_history().state


def test_threshold_cli_json(curul_cli) -> None:
    result = curul_cli("threshold", "vacancy.admission", "--date", "2024-05-17", "--habiles", "117", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["votes"] == 47
    assert data["arithmetic"] == "⌈2/5 · 117⌉ = 47"
    assert {"procedure", "regime", "chamber", "rule_id", "article", "sources", "confirmed"} <= set(data)
    listing = json.loads(curul_cli("threshold", "--list", "--regime", "peru-2026-bicameral", "--json").stdout)
    assert ("vacancy.approval", "senate", 40) in {
        (p["procedure"], p["chamber"], p["votes"]) for p in listing["procedures"]
    }


def test_threshold_help_names_every_bundled_chamber(curul_cli) -> None:
    """The help is written out (no domain import at start-up); this keeps it in step with the regimes."""
    help_text = curul_cli("threshold", "--help").stdout
    for regime in regimes():
        for chamber in regime.chambers:
            assert chamber.name in help_text


def test_procedures_is_the_package_of_handlers() -> None:
    import curul.constitution.procedures as procedures

    assert curul.constitution.procedures is procedures
    assert procedures.HANDLERS["vacancy_vote"].module == "curul.constitution.procedures.vacancy"
    bicameral = curul.constitution.rules("peru-2026-bicameral")
    assert {(r.procedure, r.chamber) for r in bicameral} >= {("vacancy.approval", "senate")}
