"""Typed cells of user files. Each parser takes the cell's text and returns its value or raises
``ValueError`` with the reason, which the CSV reader places at the cell's line and column.

The rules are strict on purpose: a count is ASCII digits and nothing else (no sign, no ``1_0``, no
fullwidth or Arabic-Indic digits, no exponent), a share is a plain decimal between 0 and 100, a date is
``YYYY-MM-DD`` in the documented range, and a name is non-empty text without control or bidirectional
formatting characters (which could disguise what a terminal shows).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from typing import Any

from curul.inputs._limits import LIMITS, Limits

_DIGITS = re.compile(r"[0-9]+")
_DECIMAL = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Bidirectional overrides and isolates, and marks that reorder or hide text.
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
MAX_NAME = 300


def _no_controls(text: str) -> None:
    if text.isprintable():  # no Cc, Cf (every bidirectional mark is Cf), Cs, Co or Cn: the common case, in C
        return
    for index, char in enumerate(text):
        if char in _BIDI or unicodedata.category(char) in ("Cc", "Cs", "Co", "Cn"):
            raise ValueError(
                f"has a control or formatting character (U+{ord(char):04X} at position {index + 1})"
            )


def parse_name(text: str, limits: Limits = LIMITS) -> str:
    """Non-empty text (surrounding spaces removed) with no control characters."""
    value = text.strip()
    if not value:
        raise ValueError("is empty")
    if len(value) > MAX_NAME:
        raise ValueError(f"is longer than {MAX_NAME} characters")
    _no_controls(value)
    return value


def parse_source(text: str, limits: Limits = LIMITS) -> str:
    """Where a figure comes from: non-empty text without control characters (citations may be long)."""
    value = text.strip()
    if not value:
        raise ValueError("is empty")
    _no_controls(value)
    return value


def parse_prose(text: str, limits: Limits = LIMITS) -> str:
    """Non-empty text that may run over lines (a quoted cell with line breaks, as a vote's subject):
    each run of white space, line breaks and tabs included, read as one space; no other control
    characters."""
    value = " ".join(text.split())
    if not value:
        raise ValueError("is empty")
    _no_controls(value)
    return value


def parse_text(text: str, limits: Limits = LIMITS) -> str:
    """Text that may be empty, with no control characters."""
    value = text.strip()
    _no_controls(value)
    return value


def parse_count(text: str, limits: Limits = LIMITS) -> int:
    """A whole number ≥ 0 written in ASCII digits, at most ``limits.max_count``."""
    value = text.strip()
    if not value:
        raise ValueError("is empty, expected a whole number")
    if value.startswith("-") and _DIGITS.fullmatch(value[1:]):
        raise ValueError(f"{value} is negative")
    if not _DIGITS.fullmatch(value):
        raise ValueError(f"{text!r} is not a whole number (digits 0-9 only)")
    if len(value.lstrip("0")) > len(str(limits.max_count)):  # before int(): no huge conversions
        raise ValueError(f"{value[:20]}… ({len(value)} digits) is larger than {limits.max_count:,}")
    number = int(value)
    if number > limits.max_count:
        raise ValueError(f"{number} is larger than {limits.max_count:,}")
    return number


def parse_year(text: str, limits: Limits = LIMITS) -> int:
    """A year between the first and last dates' years (1900-2100)."""
    year = parse_count(text, limits)
    if not limits.first_date.year <= year <= limits.last_date.year:
        raise ValueError(f"{year} is not a plausible year")
    return year


def parse_percent(text: str, limits: Limits = LIMITS) -> float:
    """A plain decimal between 0 and 100 (``12.5``; no sign, exponent, ``inf`` or ``nan``)."""
    value = text.strip()
    if not value:
        raise ValueError("is empty, expected a number")
    if not _DECIMAL.fullmatch(value):
        raise ValueError(f"{text!r} is not a number between 0 and 100")
    number = float(value)
    if number > 100:
        raise ValueError(f"{number} is not a percentage between 0 and 100")
    return number


def parse_date(text: str, limits: Limits = LIMITS) -> dt.date:
    """An ISO date ``YYYY-MM-DD`` in the documented range."""
    value = text.strip()
    if not _DATE.fullmatch(value):
        raise ValueError(f"{text!r} is not a date (YYYY-MM-DD)")
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{text!r} is not a date (YYYY-MM-DD)") from None
    if not limits.first_date <= day <= limits.last_date:
        raise ValueError(f"{day.isoformat()} is outside {limits.first_date}..{limits.last_date}")
    return day


def parse_optional(parse: Callable[[str, Limits], Any]) -> Callable[[str, Limits], Any]:
    """The same parser, with an empty cell read as ``None``."""

    def parse_or_none(text: str, limits: Limits = LIMITS) -> Any:
        return None if not text.strip() else parse(text, limits)

    return parse_or_none


KINDS: dict[str, Callable[[str, Limits], Any]] = {
    "name": parse_name,
    "source": parse_source,
    "text": parse_text,
    "prose": parse_prose,
    "count": parse_count,
    "year": parse_year,
    "percent": parse_percent,
    "date": parse_date,
    "count?": parse_optional(parse_count),
    "percent?": parse_optional(parse_percent),
    "date?": parse_optional(parse_date),
}
