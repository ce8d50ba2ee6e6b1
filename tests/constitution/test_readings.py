"""The contested readings are a validated data file with the sources for every side."""

from __future__ import annotations

from importlib import resources

import pytest

from curul.constitution import READINGS, parse_toml
from curul.constitution._readings import parse_readings
from curul.errors import InputError


def _bundled() -> str:
    return (resources.files("curul.constitution") / "readings.toml").read_text("utf-8")


def _parse(text: str):
    raw, locator = parse_toml(text, "readings.toml")
    return parse_readings(raw, "readings.toml", locator)


def test_the_bundled_file_is_the_readings() -> None:
    assert _parse(_bundled()) == READINGS
    assert [r.name for r in READINGS] == [
        "interim_vacancy_successor",
        "election_call_scope",
        "dissolution_count_scope",
        "debate_window_days",
    ]


def test_a_default_that_is_no_choice_is_refused_at_its_line() -> None:
    text = _bundled().replace('default = "presidential_only"', 'default = "both"')
    with pytest.raises(InputError) as caught:
        _parse(text)
    line = next(i for i, s in enumerate(text.splitlines(), 1) if s == 'default = "both"')
    assert (caught.value.line, caught.value.column) == (line, 1)
    assert str(caught.value).startswith(f"readings.toml:{line}:1: readings[1].default: must be one of")


def test_unknown_keys_and_missing_sources_are_refused() -> None:
    text = _bundled().replace('value = "general"', 'value = "general"\nweight = 2')
    with pytest.raises(InputError, match=r"readings\[1\]\.choices\[1\]\.weight: unknown key"):
        _parse(text)
    one_side = _bundled().replace(
        'sources = ["https://lpderecho.pe/articulo-134', 'links = ["https://lpderecho.pe/articulo-134'
    )
    with pytest.raises(InputError, match=r"readings\[2\]\.choices\[1\]\.links: unknown key"):
        _parse(one_side)
