"""The TOML reader: the same file rules as every user file, bounded nesting, and dates that are dates.

Each message below is the one the README's "Input files" section lists for TOML files.
"""

from __future__ import annotations

import datetime as dt
import os

import pytest

from curul.errors import InputError
from curul.inputs import Limits, parse_toml, read_toml, toml_date


def error(path, **kwargs) -> InputError:
    with pytest.raises(InputError) as info:
        read_toml(path, **kwargs)
    return info.value


def test_a_file_reads_with_its_locator(tmp_path):
    path = tmp_path / "s.toml"
    path.write_text('\ufefftitle = "x"\n[options]\nvacancy = "strict"\n', encoding="utf-8")
    raw, locator = read_toml(path)
    assert raw == {"title": "x", "options": {"vacancy": "strict"}}
    assert locator.key("options", 0, "vacancy") == (3, 1)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a = " + "[" * 40 + "]" * 40 + "\n", "s.toml:1:21: nested more than 16 levels deep"),
        ("a = " + "{b = " * 30 + "1" + "}" * 30 + "\n", "s.toml:1:85: nested more than 16 levels deep"),
        ("[" + ".".join("a" * 20) + "]\n", "s.toml:1:1: keys nested more than 16 levels deep"),
        ("x = 1\n" + ".".join("k" * 17) + " = 1\n", "s.toml:2:1: keys nested more than 16 levels deep"),
        ('a = "[[[[[[[[[[[[[[[[[[[[" # [[[[[[[[[[[[[[[[[[\n', None),  # brackets in strings do not nest
        ("a = [\n1,\n", "s.toml:3:1: invalid TOML: Invalid value at the end of the file"),
        ('x = "\xff"\n', "s.toml:1:6: not UTF-8 text: byte 0xff cannot be read"),
    ],
)
def test_each_toml_mistake_is_one_located_line(tmp_path, text, message):
    path = tmp_path / "s.toml"
    path.write_bytes(text.encode("utf-8") if "\xff" not in text else text.encode("latin-1"))
    if message is None:
        read_toml(path)
        return
    assert str(error(path)) == f"{tmp_path}/{message}"


def test_files_that_are_not_regular_or_too_large_are_refused(tmp_path):
    assert str(error(tmp_path / "none.toml")) == f"{tmp_path}/none.toml: no such file"
    os.mkfifo(tmp_path / "pipe.toml")
    assert str(error(tmp_path / "pipe.toml")) == (
        f"{tmp_path}/pipe.toml: is not a regular file (a FIFO, device or socket); give a file, "
        "or - for standard input"
    )
    (tmp_path / "big.toml").write_text("a = 1\n" * 20, encoding="utf-8")
    assert str(error(tmp_path / "big.toml", limits=Limits(max_bytes=100))) == (
        f"{tmp_path}/big.toml: file too large (more than 100 bytes)"
    )


def test_parse_toml_keeps_its_two_argument_form():
    raw, _ = parse_toml("a = 1\n", "x.toml")
    assert raw == {"a": 1}


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (dt.datetime(2026, 7, 28, 10, 0), "2026-07-28T10:00:00 is a date and time; give a date (YYYY-MM-DD)"),
        (dt.date(1850, 1, 1), "1850-01-01 is outside 1900-01-01..2100-12-31"),
        ("2026-02-30", "'2026-02-30' is not a date (YYYY-MM-DD)"),
        ("28/07/2026", "not a date (YYYY-MM-DD): '28/07/2026'"),
        (dt.time(10, 0), "not a date (YYYY-MM-DD): datetime.time(10, 0)"),
        ({}, "not a date (YYYY-MM-DD): {}"),
    ],
)
def test_a_date_must_be_a_date_in_range(value, message):
    with pytest.raises(ValueError) as info:
        toml_date(value)
    assert str(info.value) == message


def test_dates_in_range_read_back():
    assert toml_date(dt.date(2026, 7, 28)) == toml_date("2026-07-28") == dt.date(2026, 7, 28)


def test_names_and_free_text_of_a_toml_file():
    """What the scenario, event, regime and system readers check their strings with."""
    from curul.inputs import toml_name, toml_text

    assert toml_name("  Luis Galarreta ") == "Luis Galarreta"
    assert toml_text("") == "" and toml_text("two\nlines\twith a tab") == "two\nlines\twith a tab"
    for value, message in (
        ({}, "must be a string, got dict"),
        ("", "is empty"),
        ("x" * 301, "is longer than 300 characters"),
        ("FP\x1b[31m", "has a control or formatting character (U+001B at position 3)"),
    ):
        with pytest.raises(ValueError) as caught:
            toml_name(value)
        assert str(caught.value) == message
    for value, limit, message in (
        (3, None, "must be a string, got int"),
        ("x" * 11, 10, "is longer than 10 characters"),
        ("a\x07b", None, "has a control or formatting character (U+0007 at position 2)"),
    ):
        with pytest.raises(ValueError) as caught:
            toml_text(value, limit=limit)
        assert str(caught.value) == message
