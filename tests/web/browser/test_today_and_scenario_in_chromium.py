"""Today and What-if driven in Debian's Chromium: axe with zero violations in light and dark mode and at
390 px; a scenario built in the form, its successor read, saved and reopened from its permalink;
Back/forward keeping the state; the English toggle; an example as a starting point. The open_page
fixture fails any test whose page requests anything outside the server."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

PAGES = {"hoy": "/?fecha=2026-12-02", "que-pasaria": "/que-pasaria?ejemplo=bicameral-vacancy-2026"}


@pytest.mark.parametrize(
    ("scheme", "width"), [("light", 1280), ("dark", 1280), ("light", 390), ("dark", 390)]
)
@pytest.mark.parametrize("name", list(PAGES))
def test_axe_finds_no_violation(open_page, axe, shot, name, scheme, width):
    page = open_page(PAGES[name], scheme=scheme, width=width)
    axe(page)
    if width == 390:  # one column: nothing wider than the screen but the scrollable tables
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shot(page, f"{name}-{scheme}-{width}")


def _event(page, row: int, kind: str, day: str, chamber: str, yes: str, no: str) -> None:
    page.locator(f"#e{row}_tipo").select_option(kind)
    page.locator(f"#e{row}_fecha").fill(day)
    page.locator(f"#e{row}_cargo").fill("president")
    page.locator(f"#e{row}_camara").select_option(chamber)
    page.locator(f"#e{row}_si").fill(yes)
    page.locator(f"#e{row}_no").fill(no)


def test_build_a_vacancy_read_the_successor_save_and_reopen(open_page, shot):
    page = open_page("/que-pasaria?fecha=2026-12-14")
    expect(page.locator("#sucesor")).to_have_text("Keiko Fujimori")
    # docs/history.md: the Deputies' vote (90 >= 87, B4), then the Senate's (41 >= 40, B5)
    _event(page, 1, "vacancy_vote", "2026-12-15", "deputies", "90", "35")
    page.get_by_role("button", name="Calcular el escenario").click()
    page.wait_for_url(re.compile(r"e1_si=90"))
    expect(page.locator("#sucesor")).to_have_text("Keiko Fujimori")  # the Senate has not voted yet
    _event(page, 2, "vacancy_vote", "2026-12-16", "senate", "41", "17")
    page.get_by_role("button", name="Calcular el escenario").click()
    page.wait_for_url(re.compile(r"e2_si=41"))
    expect(page.locator("#sucesor")).to_have_text("Luis Galarreta")
    expect(page.locator("#tabla-traza")).to_be_visible()
    assert "41 ≥ 40 = ⌈2/3 · 60⌉" in page.inner_text("main")
    shot(page, "que-pasaria-vacancia")

    # Back: the first run (the Deputies only), its form values; Forward: both votes again
    page.go_back()
    page.wait_for_url(re.compile(r"e1_si=90(?!.*e2_si)"))
    expect(page.locator("#sucesor")).to_have_text("Keiko Fujimori")
    expect(page.locator("#e1_si")).to_have_value("90")
    expect(page.locator("#e2_si")).to_have_value("")
    page.go_forward()
    page.wait_for_url(re.compile(r"e2_si=41"))
    expect(page.locator("#sucesor")).to_have_text("Luis Galarreta")
    expect(page.locator("#e2_si")).to_have_value("41")

    page.get_by_role("button", name="Guardar enlace permanente").click()
    page.wait_for_url(re.compile(r"/s/[0-9a-f]{12}$"))
    permalink = page.url
    expect(page.locator("#sucesor")).to_have_text("Luis Galarreta")
    assert "Escenario guardado" in page.inner_text("main") and "Calculado con curul" in page.inner_text(
        "main"
    )
    reopened = open_page(urlparse(permalink).path)
    expect(reopened.locator("#sucesor")).to_have_text("Luis Galarreta")
    expect(reopened.locator("#e2_si")).to_have_value("41")
    shot(reopened, "que-pasaria-permalink")


def test_english_toggle_keeps_the_scenario(open_page):
    page = open_page("/que-pasaria?ejemplo=death-2026")
    expect(page.locator("#sucesor")).to_have_text("Luis Galarreta")
    page.get_by_role("link", name="English").click()
    page.wait_for_url(re.compile(r"lang=en"))
    assert page.get_attribute("html", "lang") == "en"
    expect(page.get_by_role("heading", level=1)).to_have_text("What if…?")
    expect(page.locator("#sucesor")).to_have_text("Luis Galarreta")
    page.get_by_role("link", name="Today").click()
    page.wait_for_url(re.compile(r"/\?lang=en"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Who holds power")


def test_an_example_is_a_starting_point_and_today_links_to_it(open_page, shot):
    page = open_page("/?fecha=2026-12-02")
    shot(page, "hoy")
    expect(page.locator("#hemiciclo-senate-title")).to_have_count(1)
    page.get_by_role("link", name=re.compile("Construya un escenario")).click()
    page.wait_for_url(re.compile(r"/que-pasaria\?fecha=2026-12-02"))
    page.get_by_role("link", name=re.compile("Suspension of the President")).click()
    page.wait_for_url(re.compile(r"ejemplo=suspension-2026"))
    # examples/scenarios/suspension-2026.toml: Galarreta exercises the presidency (Art. 114)
    expect(page.locator("#e1_tipo")).to_have_value("suspension")
    expect(page.locator("#sucesor")).not_to_have_text("")


FITS = "e => [e.scrollWidth, e.clientWidth]"


# Today's tables of few rows and long cells, with the first cell's column name in each language: they
# stack on a phone rather than scroll inside their box.
STACKED = {
    "tabla-cargos": ("Titular", "Holder"),
    "tabla-umbrales": ("Cámara", "Chamber"),
    "tabla-eventos": ("Fecha", "Date"),
}


@pytest.mark.parametrize("lang", ["es", "en"])
@pytest.mark.parametrize("caption", list(STACKED))
def test_todays_tables_fit_a_phone(open_page, shot, lang, caption):
    query = "&lang=en" if lang == "en" else ""
    page = open_page(f"/?fecha=2026-12-02{query}", width=390)
    wide, seen = page.evaluate(f"({FITS})(document.documentElement)")
    assert seen == 390 and wide <= seen
    region = page.locator(".table-wrap", has=page.locator(f"#{caption}"))
    wide, seen = region.evaluate(FITS)
    assert wide <= seen, f"{caption} scrolls: {wide} px in {seen} px"
    table = region.locator("table")
    assert table.evaluate("e => e.getBoundingClientRect().right") <= 390
    # stacked, each cell names its column, which the hidden header row would otherwise give
    first = table.locator("tbody tr").first.locator("td").first
    label = first.evaluate("e => getComputedStyle(e, '::before').content")
    assert label == f'"{STACKED[caption][0 if lang == "es" else 1]}: "'
    region.scroll_into_view_if_needed()
    shot(page, f"hoy-{caption}-390-{lang}")
