"""Scenarios built from form fields: the same scenarios, and the same mistakes, as scenario files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from curul.errors import ArgumentError
from curul.history import (
    MAX_EVENTS,
    example_scenarios,
    load_scenario,
    run_scenario,
    scenario_fields,
    scenario_from_fields,
)

from .conftest import EXAMPLES


def _without_file(data: dict) -> dict:
    return {k: v for k, v in data.items() if k != "file"}


def test_the_examples_are_listed():
    assert [p.name for p in example_scenarios()] == sorted(p.name for p in EXAMPLES.glob("*.toml"))


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*-2026.toml")), ids=lambda p: p.stem)
def test_every_2026_example_through_its_fields_runs_as_its_file(path: Path):
    # the independent computation is the file reader: a form built from the file must give the same run
    from_file = load_scenario(path)
    fields = scenario_fields(from_file)
    assert all(isinstance(v, str) for event in fields["events"] for v in event.values())
    from_fields = scenario_from_fields(
        until=fields["until"], events=fields["events"], options=fields["options"], title=fields["title"]
    )
    assert from_fields.events == from_file.events
    assert _without_file(run_scenario(from_fields).as_dict()) == _without_file(
        run_scenario(from_file).as_dict()
    )


def test_every_example_round_trips_through_its_fields():
    for path in example_scenarios():
        scenario = load_scenario(path)
        fields = scenario_fields(scenario)
        rebuilt = scenario_from_fields(
            base=fields["base"], until=fields["until"], events=fields["events"], options=fields["options"]
        )
        assert (rebuilt.events, rebuilt.options, rebuilt.until) == (
            scenario.events,
            scenario.options,
            scenario.until,
        ), path.name


def test_the_bicameral_vacancy_from_fields():
    # docs/history.md: 90 >= 87 deputies (B4), 41 >= 40 senators (B5); Galarreta assumes (Art. 115)
    result = run_scenario(
        scenario_from_fields(
            until="2026-12-14",
            events=[
                {"date": "2026-12-15", "type": "vacancy_vote", "target": "president", "chamber": "deputies",
                 "yes": "90", "no": "35"},
                {"date": "", "type": "", "yes": ""},  # a form's spare row
                {"date": "2026-12-16", "type": "vacancy_vote", "target": "president", "chamber": "senate",
                 "yes": "41", "no": "17"},
            ],
        )
    )  # fmt: skip
    data = result.as_dict()
    assert data["president"]["name"] == "Luis Galarreta"
    assert [s["arithmetic"] for s in data["trace"] if s["arithmetic"]] == [
        "90 ≥ 87 = ⌈2/3 · 130⌉",
        "41 ≥ 40 = ⌈2/3 · 60⌉",
    ]


def test_no_events_reports_the_state_on_the_date():
    data = run_scenario(scenario_from_fields(until="2026-12-02")).as_dict()
    assert data["events"] == [] and data["power"]["date"] == dt.date(2026, 12, 2)
    assert data["president"]["name"] == "Keiko Fujimori"


VOTE = {"date": "2026-12-15", "type": "vacancy_vote", "target": "president", "chamber": "deputies"}

# (case, keyword arguments, the argument named, words of the message)
ERRORS = [
    ("bad_date", {"until": "2026-02-30"}, "until", "2026-02-30"),
    ("not_a_count", {"events": [{}, {**VOTE, "yes": "noventa"}]}, "events[1].yes", "whole number"),
    ("negative", {"events": [{**VOTE, "yes": "-3"}]}, "events[0].yes", "whole number"),
    ("over_members", {"events": [{**VOTE, "yes": "100", "no": "40"}]}, "events[0].yes", "130 members"),
    ("senate_size", {"events": [{**VOTE, "chamber": "senate", "yes": "61"}]}, "events[0].yes", "60 members"),
    ("unknown_type", {"events": [{**VOTE, "type": "impeachment"}]}, "events[0].type", "unknown event type"),
    ("no_vote", {"events": [VOTE]}, "events[0]", "needs a vote"),
    ("before_until", {"events": [{**VOTE, "date": "2026-12-01", "yes": "90"}]}, "events[0].date",
     "comes before 2026-12-02"),
    ("unknown_chamber", {"events": [{**VOTE, "chamber": "congress", "yes": "9"}]}, "events[0].chamber",
     "no chamber 'congress'"),
    ("unknown_field", {"events": [{**VOTE, "sources": "x"}]}, "events[0].sources", "unknown field"),
    ("unknown_reading", {"options": {"who": "me"}}, "options.who", "unknown reading"),
    ("reading_value", {"options": {"election_call_scope": "all"}}, "options.election_call_scope",
     "allowed: presidential_only, general"),
    ("base", {"base": "future"}, "base", "'history' or 'none'"),
    ("until_without_base", {"base": "none", "until": "2026-12-02"}, "until", "only applies"),
    ("nothing", {"until": ""}, "events", "at least one event"),
    ("too_many", {"events": [VOTE] * (MAX_EVENTS + 1)}, "events", f"at most {MAX_EVENTS}"),
]  # fmt: skip


@pytest.mark.parametrize(("case", "kwargs", "argument", "words"), ERRORS, ids=[e[0] for e in ERRORS])
def test_mistakes_name_the_argument(case, kwargs, argument, words):
    kwargs = {"until": "2026-12-02", **kwargs}
    with pytest.raises(ArgumentError) as caught:
        scenario_from_fields(**kwargs)
    assert caught.value.argument == argument
    assert words in str(caught.value)
    assert str(caught.value).startswith(f"{argument}: ")


@settings(max_examples=25, deadline=None)
@given(
    yes=st.integers(0, 130),
    no=st.integers(0, 130),
    day=st.integers(3, 31),
    chamber=st.sampled_from(["deputies", "senate"]),
)
def test_fields_and_files_accept_the_same_votes(tmp_path_factory, yes, no, day, chamber):
    # the same vote as a file and as fields: the same events, or the same problem at the same field
    text = (
        'base = "history"\nuntil = "2026-12-02"\n\n[[events]]\n'
        f'date = "2026-12-{day:02d}"\ntype = "vacancy_vote"\ntarget = "president"\n'
        f'chamber = "{chamber}"\nyes = {yes}\nno = {no}\n'
    )
    path = tmp_path_factory.mktemp("s") / "s.toml"
    path.write_text(text, encoding="utf-8")
    fields = {**VOTE, "date": f"2026-12-{day:02d}", "chamber": chamber, "yes": str(yes), "no": str(no)}
    try:
        expected = load_scenario(path).events
    except Exception as exc:
        with pytest.raises(ArgumentError) as caught:
            scenario_from_fields(until="2026-12-02", events=[fields])
        assert getattr(exc, "field", None) == caught.value.argument
        assert getattr(exc, "problem", None) in str(caught.value)
    else:
        assert scenario_from_fields(until="2026-12-02", events=[fields]).events == expected
