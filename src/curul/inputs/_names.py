"""Name folding: official sources and users spell the same party or district with and without accents
and case, so names are compared through :func:`fold`."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1 << 16)  # names repeat: a roll-call file folds 135 members 289,281 times
def fold(name: str) -> str:
    """Key for comparing names case- and accent-insensitively (``'Perú  Posible'`` → ``'PERU POSIBLE'``)."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped).strip().upper()
