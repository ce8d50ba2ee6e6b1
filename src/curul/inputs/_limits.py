"""The bounds every user file is read within: they keep a mistaken or hostile file from exhausting
memory or time, and each has a documented value (README, "Input files")."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """``max_bytes`` per file (the roll-call ballots, the largest real input, are 17 MB); ``max_field``
    characters per CSV cell (the longest real cell, a vote's subject, is under 1,000); ``max_rows`` per
    CSV file; ``max_depth`` of nested TOML arrays and tables; ``max_count``, the largest whole number a
    count may hold (far above any electorate, and exact in the engines' 64-bit arrays); ``dates``, the
    range a date must fall in."""

    max_bytes: int = 64 * 1024 * 1024
    max_field: int = 4096
    max_rows: int = 2_000_000
    max_depth: int = 16
    max_count: int = 10**12
    first_date: dt.date = dt.date(1900, 1, 1)
    last_date: dt.date = dt.date(2100, 12, 31)


LIMITS = Limits()
