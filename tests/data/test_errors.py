"""Malformed data files: each gives one line ``file:line:column: problem``, exit status 2, no traceback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from curul.data import load
from curul.errors import InputError

FIXTURES = Path(__file__).parent / "fixtures"
VOTES = "congress_2016_district_votes.csv"
TOTALS = "congress_2016_district_totals.csv"

# (fixture folder, file, line, column, words the message must contain)
CASES = [
    ("non_integer_votes", VOTES, 5, 4, "votes: '12a45' is not a whole number"),
    ("negative_votes", VOTES, 7, 4, "votes: -20 is negative"),
    (
        "duplicate_row",
        VOTES,
        9,
        1,
        "year: duplicate row (year=2016, district=AMAZONAS, party=PERUANOS POR EL KAMBIO) already on line 4",
    ),
    (
        "votes_not_summing",
        VOTES,
        11,
        4,
        "district AMAZONAS: votes sum to 119942, but congress_2016_district_totals.csv:2 has valid = 118942",
    ),
    (
        "totals_not_adding_up",
        TOTALS,
        3,
        4,
        "valid 77632 + blank 15227 + null 23002 = 115861, but emitted is 115862",
    ),
    ("bad_header", VOTES, 1, 3, "unknown column 'list'"),
    ("missing_column", VOTES, 1, 5, "header lacks column 'votes'"),
    ("empty_file", VOTES, 1, 1, "empty file"),
    ("missing_source", VOTES, 6, 6, "source: is empty"),
    ("ragged_row", VOTES, 7, 7, "expected 6 fields as in the header, found 7"),
]


@pytest.mark.parametrize(("case", "file", "line", "column", "words"), CASES, ids=[c[0] for c in CASES])
def test_malformed_file_gives_one_line_error_and_exit_2(curul_cli, case, file, line, column, words):
    path = FIXTURES / case / file
    result = curul_cli("data", "check", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1
    assert re.match(rf"error: {re.escape(str(path))}:{line}:{column}: ", result.stderr), result.stderr
    assert words in result.stderr


def test_show_with_a_malformed_file_also_fails_cleanly(curul_cli):
    path = FIXTURES / "negative_votes" / VOTES
    result = curul_cli("data", "show", "congress-2016-district-votes", "--file", str(path), "--json")
    assert result.returncode == 2
    assert result.stdout == ""
    assert f"{path}:7:4: votes: -20 is negative" in result.stderr


def test_missing_file(curul_cli, tmp_path):
    path = tmp_path / VOTES
    result = curul_cli("data", "check", str(path))
    assert result.returncode == 2
    assert result.stderr.strip() == f"error: {path}: no such file"


def test_unrecognised_file_name_asks_for_as(curul_cli, tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("x\n1\n")
    result = curul_cli("data", "check", str(path))
    assert result.returncode == 2
    assert "name one with --as" in result.stderr


def test_good_fixture_passes_with_its_companion_totals():
    dataset = load("congress-2016-district-votes", FIXTURES / "good" / VOTES)
    assert {row.district for row in dataset.rows} == {"AMAZONAS", "MOQUEGUA"}
    assert dataset.lines[0] == 2


def test_input_error_fields():
    with pytest.raises(InputError) as info:
        load("congress-2016-district-votes", FIXTURES / "non_integer_votes" / VOTES)
    error = info.value
    assert (error.line, error.column, error.field) == (5, 4, "votes")
