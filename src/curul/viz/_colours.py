"""Party colours for charts: a short curated table, and a stable fallback palette for every other list."""

from __future__ import annotations

import csv
import hashlib
from functools import cache
from importlib import resources

from curul.data import fold

# Colour-blind-friendly qualitative palette (Okabe & Ito 2008, extended with neutral tones).
FALLBACK = (
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#F0E442",
    "#0072B2",
    "#D55E00",
    "#CC79A7",
    "#999999",
    "#882255",
    "#44AA99",
    "#117733",
    "#AA4499",
    "#DDCC77",
    "#332288",
)


@cache
def _table() -> dict[str, str]:
    text = resources.files("curul.viz").joinpath("colours.csv").read_text(encoding="utf-8")
    return {fold(row["party"]): row["colour"] for row in csv.DictReader(text.splitlines())}


def party_colour(party: str) -> str:
    """The party's colour if curated, else a colour picked from the palette by a hash of its name."""
    key = fold(party)
    if key in _table():
        return _table()[key]
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    return FALLBACK[digest[0] % len(FALLBACK)]
