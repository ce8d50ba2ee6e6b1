"""Contested readings in a system file: loaded, chosen, shown, and refused when malformed."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from curul.elections import allocate_system, allocate_system_batch, load_system, parse_reading_args
from curul.errors import ArgumentError, CurulError

SENATE = Path(load_system.__code__.co_filename).parent / "systems" / "peru-2026-senate.toml"


def _copy(tmp_path, change=None):
    text = SENATE.read_text(encoding="utf-8")
    if change:
        old, new = change
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / "reform.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_copied_file_keeps_its_readings_and_a_reading_changes_the_rules(tmp_path):
    system = load_system(_copy(tmp_path))
    assert [r.name for r in system.readings] == [
        "seat_test",
        "senate_seat_scope",
        "senate_vote",
        "combination",
    ]
    changed = system.with_readings({"senate_vote": "district_lists", "seat_test": "vote_share_lists"})
    share, seats = changed.threshold.rules
    assert share.districts == () and share.except_districts == ("NACIONAL",)
    assert seats.among_id == "valid-votes" and seats.among is share
    assert changed.chosen["senate_vote"] == "district_lists" and changed.chosen["combination"] == "both"
    assert system.with_readings(None) is system
    listing = system.as_dict()
    assert listing["components"] == {"national": ["NACIONAL"], "districts": list(system.districts[1:])}
    assert [r["default"] for r in listing["readings"]] == [
        "all_lists",
        "national_and_districts",
        "national_list",
        "both",
    ]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ('default = "all_lists"', 'default = "some_lists"'),
            r":\d+: readings\[0\]\.default: 'some_lists' is not one",
        ),
        (
            ('set.senators.among = ""', 'set.senate.among = ""'),
            r"set\.senate: no threshold rule has id 'senate'",
        ),
        (('set.senators.among = ""', 'set.senators.colour = "red"'), r"unknown key\(s\) colour"),
        (
            ('set.senators.districts = ["NACIONAL"]', 'set.senators.districts = ["ATLANTIDA"]'),
            "unknown district",
        ),
        (
            ('set.senators.among = "valid-votes"', 'set.senators.among = "votes"'),
            r"among: no rule 'votes' beside it",
        ),
        (
            ('value = "vote_share_lists"', 'value = "all_lists"'),
            r"readings\[0\]\.choices: a value is given twice",
        ),
        (('set.senators.among = ""', 'set.senators.among = "valid-votes"'), "the default readings must give"),
        (
            ('set.valid-votes.districts = ["NACIONAL"]\n', 'set.senators.among = ""\n'),
            "both set senators.among",
        ),
        (
            ('why_default = "3 is 5%', 'colour = "red"\nwhy_default = "3 is 5%'),
            r":\d+: readings\[1\]: unknown key",
        ),
        (('districts = "*"', 'districts = ["LIMA METROPOLITANA"]'), "components must hold every district"),
    ],
)
def test_malformed_readings_are_refused_with_file_line_and_key(tmp_path, change, message):
    with pytest.raises(CurulError) as caught:
        load_system(_copy(tmp_path, change))
    text = str(caught.value)
    assert re.search(message, text), text
    assert text.startswith(str(tmp_path / "reform.toml")) and "\n" not in text


def test_a_reading_error_names_the_line_of_its_table(tmp_path):
    path = _copy(tmp_path, ('default = "national_list"', 'default = "everyone"'))
    with pytest.raises(CurulError) as caught:
        load_system(path)
    line = int(str(caught.value).split(":")[1])
    assert Path(path).read_text(encoding="utf-8").splitlines()[line - 1] == "[[readings]]"
    assert 'default = "everyone"' in "\n".join(
        Path(path).read_text(encoding="utf-8").splitlines()[line : line + 4]
    )


@pytest.mark.parametrize(
    ("choices", "message"),
    [
        ({"seat_test": "coin"}, "seat_test: unknown value 'coin' (choices: all_lists, vote_share_lists)"),
        ({"colour": "red"}, "peru-2026-senate has no reading 'colour' (readings: seat_test, "),
    ],
)
def test_unknown_readings_name_the_argument(choices, message):
    with pytest.raises(ArgumentError) as caught:
        load_system("peru-2026-senate").with_readings(choices)
    assert caught.value.argument == "readings" and message in str(caught.value)


def test_reading_arguments_parse_name_value():
    assert parse_reading_args(["seat_test=vote_share_lists", " combination = either "]) == {
        "seat_test": "vote_share_lists",
        "combination": "either",
    }
    for bad in (["seat_test"], ["=x"], ["a=1", "a=2"]):
        with pytest.raises(ArgumentError):
            parse_reading_args(bad)
    with pytest.raises(ArgumentError, match="has no reading"):
        load_system("peru-2016").with_readings({"seat_test": "all_lists"})


_CHOICES = [
    (name, reading.name, choice.value)
    for name in ("peru-2026-deputies", "peru-2026-senate")
    for reading in load_system(name).readings
    for choice in reading.choices
]


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), case=st.sampled_from(_CHOICES))
def test_batch_equals_exact_under_every_reading(seed, case):
    """The batch engine follows a reading (a seat test among some lists, other districts counted) as the
    exact allocator does."""
    name, reading, value = case
    system = load_system(name).with_readings({reading: value})
    rng = np.random.default_rng(seed)
    # a few large lists, two near the 5% line and several small ones that win seats only when every
    # list takes part in the preliminary allocation: where the readings part ways
    base = np.array([0.22, 0.17, 0.13, 0.1, 0.062, 0.048] + [0.03] * 9)
    lists = len(base)
    shares = base * rng.uniform(0.6, 1.4, size=(2, len(system.districts), lists))
    votes = (shares * 40_000).astype(np.int64)
    parties = [f"P{k}" for k in range(lists)]
    batch = allocate_system_batch(system, votes, parties)
    for i in range(votes.shape[0]):
        table = {
            d: dict(zip(parties, votes[i, j].tolist(), strict=True)) for j, d in enumerate(system.districts)
        }
        passed = [p for k, p in enumerate(parties) if batch.passed[i, k]]
        if not passed:
            continue
        exact = allocate_system(system, table, tie_break=parties)
        assert exact.passed == passed
        assert list(exact.seats.values()) == batch.national[i].tolist()
