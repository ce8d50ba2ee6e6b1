"""Languages of the dashboard: Spanish by default, English with ``?lang=en``.

The words live in ``messages.toml`` (one table per message, one key per language), so adding a language
or correcting a word touches data, not code. Numbers and dates follow the reader's locale through Babel:
Peru's ``es_PE`` (decimal point, thousands comma: ``1,234,567.891``; ``9 de noviembre de 2020``) and
``en_GB`` for English. Links keep the language: :meth:`Language.href` adds ``lang=en`` when it is not
the default, so a reader who switched stays switched.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal
from urllib.parse import urlencode

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

LangCode = Literal["es", "en"]
LANGUAGES: tuple[LangCode, ...] = ("es", "en")
DEFAULT: LangCode = "es"
LOCALES: Mapping[str, str] = {"es": "es_PE", "en": "en_GB"}


@cache
def catalogue() -> dict[str, dict[str, str]]:
    """Every message with its words in each language, read once from ``messages.toml``."""
    text = (resources.files("curul.web") / "messages.toml").read_text(encoding="utf-8")
    raw = tomllib.loads(text)
    out: dict[str, dict[str, str]] = {}

    def walk(prefix: str, table: Mapping[str, Any]) -> None:
        if all(isinstance(v, str) for v in table.values()) and set(table) >= set(LANGUAGES):
            out[prefix] = dict(table)
            return
        for key, value in table.items():
            if not isinstance(value, Mapping):
                raise ValueError(f"messages.toml: {prefix}.{key} is not a message table")
            walk(f"{prefix}.{key}" if prefix else key, value)

    walk("", raw)
    return out


@dataclass(frozen=True)
class Language:
    """The reader's language: its words, its number and date formats, and links that keep it."""

    code: LangCode = DEFAULT

    @property
    def locale(self) -> str:
        return LOCALES[self.code]

    @property
    def other(self) -> Language:
        return Language("en" if self.code == "es" else "es")

    def t(self, key: str, **values: Any) -> str:
        """The message ``key`` in this language, with ``{name}`` fields filled from ``values``."""
        words = catalogue()[key][self.code]
        return words.format(**values) if values else words

    def engine(self, text: str | None) -> tuple[str, str]:
        """A phrase the engine writes in English (how a president took or left office, an outcome), in
        this language when the catalogue has it, with the language it is actually in (for ``lang=``)."""
        if not text:
            return "", self.code
        known = catalogue().get(f"engine.{text}")
        return (known[self.code], self.code) if known else (text, "en")

    def title(self, en: str | None, es: str | None = "") -> tuple[str, str]:
        """A title the record gives in English and maybe in Spanish (an event's ``label`` and ``label_es``,
        how an office was filled), in this language when the record has it, with the language it is
        actually in (for ``lang=``): the English one, marked so, rather than nothing."""
        if self.code == "es" and es:
            return es, "es"
        return en or "", "en"

    def number(self, value: float | int, digits: int = 0) -> str:
        """``value`` with the locale's separators and exactly ``digits`` decimals."""
        pattern = "#,##0" + ("." + "0" * digits if digits else "")
        return str(format_decimal(value, format=pattern, locale=self.locale))

    def percent(self, value: float, digits: int = 1) -> str:
        """``value`` given in percent (31.6 for 31.6%) in the locale's percent format."""
        pattern = "#,##0" + ("." + "0" * digits if digits else "") + "%"
        return str(format_percent(value / 100, format=pattern, locale=self.locale))

    def date(self, value: dt.date | str | None, form: str = "long") -> str:
        """A date in the locale's words (``long``: 9 de noviembre de 2020; ``medium``: 9 nov 2020)."""
        if value is None:
            return ""
        day = dt.date.fromisoformat(value) if isinstance(value, str) else value
        return str(format_date(day, format=form, locale=self.locale))

    def href(self, path: str, **params: Any) -> str:
        """``path`` with ``params`` (``None`` values left out) and the language when not the default."""
        query = {k: v for k, v in params.items() if v is not None and v != ""}
        if self.code != DEFAULT:
            query["lang"] = self.code
        return path + ("?" + urlencode(query, doseq=True) if query else "")

    def switch_href(self, path: str, params: Mapping[str, str]) -> str:
        """The same page and controls in the other language."""
        kept = {k: v for k, v in params.items() if k != "lang"}
        return self.other.href(path, **kept)
