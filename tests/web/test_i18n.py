"""The message catalogue and Peru's formats (Babel es_PE, which uses a decimal point, unlike es_ES)."""

from __future__ import annotations

import datetime as dt
import re
from importlib import resources
from pathlib import Path

from curul.web._i18n import LANGUAGES, Language, catalogue

TEMPLATES = Path(str(resources.files("curul.web"))) / "templates"


def test_every_message_has_every_language():
    for key, words in catalogue().items():
        assert set(words) == set(LANGUAGES), key
        assert all(w.strip() for w in words.values()), key


def test_every_key_a_template_names_exists():
    used = set()
    for path in TEMPLATES.glob("*.html"):
        used |= set(re.findall(r"""\bt\(\s*["']([a-z_.]+)["']""", path.read_text(encoding="utf-8")))
    known = set(catalogue())
    stems = {k for k in used if k.endswith((".", "_"))}  # "methods." ~ name: a family of keys
    assert used - stems and used - stems <= known
    from curul.elections import METHODS

    assert {f"methods.{m}" for m in METHODS} <= known
    assert {f"seats.votes_{v}" for v in ("auto", "oficial", "parcial")} <= known
    assert all(any(k.startswith(stem) for k in known) for stem in stems)


def test_peru_number_percent_and_date_formats():
    es, en = Language("es"), Language("en")
    assert es.number(1234567.891, 3) == "1,234,567.891"  # WEB.md: es-PE uses a decimal point
    assert es.percent(31.6) == "31.6 %" or es.percent(31.6) == "31.6%"
    assert es.date(dt.date(2020, 11, 9)) == "9 de noviembre de 2020"
    assert en.date("2020-11-09") == "9 November 2020"
    assert es.date(None) == ""


def test_links_keep_the_language():
    es, en = Language("es"), Language("en")
    assert es.href("/escanos", sistema="peru-2016", metodo=None) == "/escanos?sistema=peru-2016"
    assert en.href("/escanos", sistema="peru-2016") == "/escanos?sistema=peru-2016&lang=en"
    assert es.switch_href("/historia", {"t": "2"}) == "/historia?t=2&lang=en"
    assert en.switch_href("/historia", {"t": "2", "lang": "en"}) == "/historia?t=2"


def test_engine_phrases_are_translated_or_marked_english():
    es = Language("es")
    assert es.engine("passed") == ("aprobado", "es")
    assert es.engine("something new") == ("something new", "en")
    assert Language("en").engine("passed") == ("passed", "en")


def test_a_records_title_is_in_spanish_where_the_record_gives_it():
    """The Spanish title when the page is Spanish and the record has one; else the English title, marked
    English, so a reader is never shown nothing (a calendar step has no Spanish)."""
    es, en = Language("es"), Language("en")
    assert es.title("Vizcarra vacated", "Vacancia de Vizcarra") == ("Vacancia de Vizcarra", "es")
    assert es.title("Vizcarra vacated", "") == ("Vizcarra vacated", "en")
    assert en.title("Vizcarra vacated", "Vacancia de Vizcarra") == ("Vizcarra vacated", "en")
    assert es.title(None) == ("", "en")
