"""The Power, Forecast and Roll-calls pages driven in Debian's Chromium: each loads in Spanish and in
English with its chart and the table beside it, the forecast is recomputed after a shift, and axe
finds no violation, in light and dark mode and at a phone's 390 px (the Vega charts drawn first)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

PAGES = {
    "poder": "/poder?composicion=2026-07-deputies&juego=bicameral",
    "pronostico": "/pronostico?simulaciones=500",
    "votaciones": "/votaciones?frecuencia=year",
    "prediccion": "/votaciones/prediccion?votacion=2022-03-28T23-19",
}
VEGA = {"pronostico", "votaciones", "prediccion"}


def _ready(page, name: str) -> None:
    if name in VEGA:  # the spec is drawn by the vendored vega, under the strict CSP
        expect(page.locator(".vega-chart.drawn svg").first).to_be_visible(timeout=20_000)
    else:
        expect(page.locator("svg[aria-labelledby='barras-poder-title']")).to_be_visible()


@pytest.mark.parametrize(("scheme", "width"), [("light", 1280), ("dark", 390)])
@pytest.mark.parametrize("name", list(PAGES))
def test_each_page_draws_its_chart_beside_its_table_and_axe_finds_nothing(
    open_page, axe, shot, name, scheme, width
):
    page = open_page(PAGES[name], scheme=scheme, width=width)
    _ready(page, name)
    assert page.locator("main table").count() >= 1
    axe(page)
    if width == 390:
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shot(page, f"{name}-{scheme}-{width}")


@pytest.mark.parametrize("name", list(PAGES))
def test_each_page_switches_to_english(open_page, name):
    page = open_page(PAGES[name])
    page.locator("#cambiar-idioma").click()
    page.wait_for_url(re.compile(r"lang=en"))
    assert page.locator("html").get_attribute("lang") == "en"
    _ready(page, name)


def test_a_shift_recomputes_the_forecast(open_page, shot):
    page = open_page("/pronostico?simulaciones=500")
    _ready(page, "pronostico")
    row = page.locator("#candidatos tbody tr", has_text="Carlos Alvarez")
    before = row.locator("td").nth(0).inner_text()
    page.get_by_label("Mover el promedio de").select_option("Carlos Alvarez")
    page.get_by_label("Puntos a sumar (o restar)").fill("5")
    page.get_by_role("button", name="Recalcular").click()
    page.wait_for_url(re.compile(r"puntos=5"))
    expect(page.locator("#desplazamiento")).to_contain_text("Carlos Alvarez")
    after = page.locator("#candidatos tbody tr", has_text="Carlos Alvarez").locator("td").nth(0).inner_text()
    assert float(after.rstrip("%")) == pytest.approx(float(before.rstrip("%")) + 5, abs=0.15)
    _ready(page, "pronostico")
    shot(page, "pronostico-desplazado")


def test_a_bad_threshold_shows_beside_the_form(open_page):
    page = open_page("/poder")
    page.get_by_label("Umbral: votos o procedimiento").fill("999")
    page.get_by_role("button", name="Calcular").click()
    expect(page.locator("#error-form")).to_contain_text("umbral")
    expect(page.locator("#umbral")).to_have_attribute("aria-invalid", "true")
