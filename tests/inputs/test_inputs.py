"""The one reader for user files: what it refuses, where it says the problem is, and what it accepts."""

from __future__ import annotations

import io
import os
import sys
import threading

import pytest
from hypothesis import given
from hypothesis import strategies as st

from curul.errors import InputError
from curul.inputs import KINDS, Col, CsvSchema, Limits, fold, read_csv, read_text

VOTES = CsvSchema(
    "votes file",
    (Col("district"), Col("party"), Col("votes", "count")),
    key=("district", "party"),
)


def write(tmp_path, text: str | bytes, name: str = "votes.csv"):
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def error(path, schema=VOTES, **kwargs) -> InputError:
    with pytest.raises(InputError) as info:
        read_csv(path, schema, **kwargs)
    return info.value


def test_a_good_file_gives_typed_rows_with_their_lines(tmp_path):
    path = write(tmp_path, "\ufeffDistrict,party,votes\nLIMA,A,10\n\nCUSCO,B,007\n")
    table = read_csv(path, VOTES)
    assert table.rows == (
        {"district": "LIMA", "party": "A", "votes": 10},
        {"district": "CUSCO", "party": "B", "votes": 7},
    )
    assert table.lines == (2, 4) and table.columns["votes"] == 3


@pytest.mark.parametrize(
    ("text", "line", "column", "words"),
    [
        ("district,party\nLIMA,A\n", 1, 3, "header lacks column 'votes'"),
        ("district,party,votes,extra\nLIMA,A,1,x\n", 1, 4, "unknown column 'extra'"),
        ("district,party,votes,Votes\n", 1, 4, "column 'votes' appears twice"),
        ("district,party,votes\nLIMA,A\n", 2, 3, "expected 3 fields as in the header, found 2"),
        ("district,party,votes\nLIMA,A,1,2\n", 2, 4, "expected 3 fields as in the header, found 4"),
        ("district,party,votes\nLIMA,A,1_0\n", 2, 3, "'1_0' is not a whole number"),
        ("district,party,votes\nLIMA,A,-3\n", 2, 3, "-3 is negative"),
        ("district,party,votes\nLIMA,A,١٢\n", 2, 3, "is not a whole number"),  # Arabic-Indic digits
        ("district,party,votes\nLIMA,A,１２\n", 2, 3, "is not a whole number"),  # fullwidth digits
        ("district,party,votes\nLIMA,A,1e3\n", 2, 3, "is not a whole number"),
        ("district,party,votes\nLIMA,A,2.5\n", 2, 3, "is not a whole number"),
        ("district,party,votes\nLIMA,A,10000000000000\n", 2, 3, "is larger than 1,000,000,000,000"),
        ("district,party,votes\nLIMA,,3\n", 2, 2, "is empty"),
        ("district,party,votes\nLIMA,A\x1b[31m,3\n", 2, 2, "control or formatting character (U+001B"),
        ("district,party,votes\nLIMA,A\u202eB,3\n", 2, 2, "U+202E"),
        ("district,party,votes\nLima,Perú Posible,3\nLIMA,PERU POSIBLE,4\n", 3, 1, "duplicate row"),
        ('district,party,votes\nLIMA,"A,3\n', 2, 1, "malformed CSV"),
        ("", 1, 1, "empty file"),
    ],
)
def test_each_mistake_is_one_located_error(tmp_path, text, line, column, words):
    exc = error(write(tmp_path, text))
    assert (exc.line, exc.column) == (line, column)
    assert words in exc.problem
    assert str(exc).startswith(str(tmp_path / "votes.csv"))
    assert "\n" not in str(exc)


def test_a_bad_byte_is_reported_at_its_line_and_column(tmp_path):
    exc = error(write(tmp_path, b"district,party,votes\nLIMA,P\xc3\xa9ru,1\nCUSCO,\xff,2\n"))
    assert (exc.line, exc.column) == (3, 7) and "byte 0xff" in exc.problem


def test_huge_cells_and_files_are_bounded(tmp_path):
    exc = error(write(tmp_path, "district,party,votes\nLIMA," + "x" * 200_000 + ",1\n"))
    assert (exc.line, exc.column, exc.field) == (2, 2, "party") and "longer than 4,096" in exc.problem
    exc = error(write(tmp_path, "district,party,votes\n" + "LIMA,A,1\n" * 10), limits=Limits(max_bytes=50))
    assert "file too large" in exc.problem
    exc = error(write(tmp_path, "district,party,votes\nLIMA,A,1\nLIMA,B,1\n"), limits=Limits(max_rows=1))
    assert exc.line == 3 and "more than 1 rows" in exc.problem


def test_directories_missing_files_and_fifos_are_refused_without_waiting(tmp_path):
    assert "no such file" in error(tmp_path / "nope.csv").problem
    assert "is a directory" in error(tmp_path).problem
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    done: list[InputError] = []
    reader = threading.Thread(target=lambda: done.append(error(fifo)), daemon=True)
    reader.start()
    reader.join(timeout=10)
    assert done and "not a regular file" in done[0].problem  # no writer: a blocking open would hang


def test_dash_reads_standard_input(monkeypatch):
    fake = io.TextIOWrapper(io.BytesIO(b"district,party,votes\nLIMA,A,5\n"), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    table = read_csv("-", VOTES)
    assert table.name == "<stdin>" and table.rows[0]["votes"] == 5


def test_cross_row_checks_are_declared_in_the_schema(tmp_path):
    def at_most_two_lists(table):
        if len(table) > 2:
            raise table.error(2, "party", "a district file holds at most two lists")

    schema = CsvSchema("votes file", VOTES.columns, VOTES.key, checks=(at_most_two_lists,))
    exc = error(write(tmp_path, "district,party,votes\nL,A,1\nL,B,1\nL,C,1\n"), schema)
    assert (exc.line, exc.column, exc.field) == (4, 2, "party")


def test_dates_shares_and_optional_cells(tmp_path):
    schema = CsvSchema(
        "poll file", (Col("day", "date"), Col("pct", "percent"), Col("n", "count?", required=False))
    )
    table = read_csv(write(tmp_path, "day,pct,n\n2026-05-31,51.4,\n2026-04-01,0,1200\n"), schema)
    assert [r["n"] for r in table.rows] == [None, 1200] and table.rows[0]["pct"] == 51.4
    for cell, words in (("2026-02-30", "not a date"), ("1850-01-01", "outside"), ("2026-5-1", "not a date")):
        assert words in error(write(tmp_path, f"day,pct\n{cell},1\n"), schema).problem
    for cell in ("101", "-1", "inf", "nan", "1e1", "5%"):
        assert "between 0 and 100" in error(write(tmp_path, f"day,pct\n2026-01-01,{cell}\n"), schema).problem


@given(st.integers(min_value=0, max_value=10**12))
def test_every_count_in_range_reads_back(number):
    assert KINDS["count"](str(number), Limits()) == number


@given(st.text(min_size=1, max_size=12))
def test_a_count_is_ascii_digits_or_refused(text):
    stripped = text.strip()
    if stripped and all("0" <= c <= "9" for c in stripped) and int(stripped) <= 10**12:
        assert KINDS["count"](text, Limits()) == int(stripped)
    else:
        with pytest.raises(ValueError):
            KINDS["count"](text, Limits())


def test_read_text_and_fold():
    assert fold("Perú  Posible ") == "PERU POSIBLE"
    assert read_text.__module__ == "curul.inputs._text"
