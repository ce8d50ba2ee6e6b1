"""The TOML reader locates keys under quoted and dotted headers, past multi-line values."""

from __future__ import annotations

from pathlib import Path

import pytest

from curul.constitution import TomlLocator, parse_toml, read_toml
from curul.errors import InputError

TEXT = '''title = "x"
sources = [
  "https://example.org/?a=1",
  ["not", "a header"],
]
note = """
fake = 1
"""

[procedures."vacancy.approval".congress]
rule = "R5"
  threshold = { share = "2/3", of = "legal_number" }

[[events]]
date = 2020-01-01

[[events]]
'type' = "death"
'''


def test_keys_are_found_where_they_are() -> None:
    raw, locator = parse_toml(TEXT, "x.toml")
    assert raw["procedures"]["vacancy.approval"]["congress"]["rule"] == "R5"
    assert isinstance(locator, TomlLocator)
    assert locator.key("", 0, "note") == (6, 1)
    assert locator.key("", 0, "fake") == (None, None)  # inside a multi-line string
    assert locator.key(("procedures", "vacancy.approval", "congress"), 0, "threshold") == (12, 3)
    assert locator.key(("procedures", "vacancy.approval", "congress"), 0, "missing") == (10, 1)
    assert locator.key("events", 1, "type") == (18, 1)
    assert locator.header("events", 0) == (14, 1)
    assert ("not",) not in {table for table, _ in locator.headers}


def test_syntax_errors_and_missing_files_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        parse_toml("a = \n", "bad.toml")
    assert caught.value.line == 1 and "invalid TOML" in caught.value.problem
    with pytest.raises(InputError, match="no such file"):
        read_toml(tmp_path / "nope.toml")
