"""The History and Seats pages driven in Debian's Chromium: reading a transition's trace, allocating
seats from an uploaded CSV, the English toggle, Back/forward, and axe with zero violations in light
and dark mode and at a phone's 390 px."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

CSV = "district,party,votes\nAMAZONAS,Lista Azul,60000\nAMAZONAS,Lista Roja,20000\nLIMA,Lista Roja,900000\n"


@pytest.mark.parametrize(
    ("scheme", "width"), [("light", 1280), ("dark", 1280), ("light", 390), ("dark", 390)]
)
@pytest.mark.parametrize("path", ["/historia?t=2", "/escanos?sistema=peru-2026-senate"])
def test_axe_finds_no_violation(open_page, axe, shot, path, scheme, width):
    page = open_page(path, scheme=scheme, width=width)
    axe(page)
    if width == 390:  # a single column: nothing wider than the screen but the scrollable tables
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    name = "historia" if "historia" in path else "escanos"
    shot(page, f"{name}-{scheme}-{width}")


def test_history_opens_a_transition_and_back_forward_keep_the_state(open_page, shot):
    page = open_page("/historia")
    assert page.locator("details[open]").count() == 0
    page.get_by_role("link", name=re.compile("vacado por incapacidad")).first.click()  # Vizcarra, row 2
    page.wait_for_url(re.compile(r"t=2"))
    opened = page.locator("#transicion-2")
    assert opened.get_attribute("open") is not None
    assert "105" in opened.inner_text() and "Art. 113" in opened.inner_text()
    shot(page, "historia-transicion-2")
    page.go_back()
    page.wait_for_url(re.compile(r"/historia$"))
    expect(page.locator("details[open]")).to_have_count(0)
    page.go_forward()
    page.wait_for_url(re.compile(r"t=2"))
    expect(page.locator("#transicion-2")).to_have_attribute("open", "")


def test_seats_from_an_uploaded_csv_show_the_hemicycle(open_page, shot, tmp_path):
    votes = tmp_path / "mis-votos.csv"
    votes.write_text(CSV, encoding="utf-8")
    page = open_page("/escanos")
    page.get_by_label("Sus votos (CSV)").set_input_files(str(votes))
    page.get_by_role("button", name="Calcular con el archivo").click()
    page.wait_for_load_state()
    assert "mis-votos.csv" in page.inner_text("main")
    hemicycle = page.locator("svg[aria-labelledby='hemiciclo-title']")
    assert hemicycle.count() == 1
    # AMAZONAS 2 seats (both to Lista Azul: 60000, 30000 > 20000); LIMA's 36 to Lista Roja, alone there
    assert hemicycle.locator("circle").count() == 2 + 36
    shot(page, "escanos-archivo")
    page.get_by_role("button", name="Guardar enlace permanente").click()
    page.wait_for_url(re.compile(r"/s/[0-9a-f]{12}$"))
    assert "Escenario guardado" in page.inner_text("main") and "mis-votos.csv" in page.inner_text("main")


def test_a_bad_upload_names_the_field(open_page, tmp_path):
    votes = tmp_path / "malo.csv"
    votes.write_text("district,party,votes\nAMAZONAS,A,muchos\n", encoding="utf-8")
    page = open_page("/escanos")
    page.get_by_label("Sus votos (CSV)").set_input_files(str(votes))
    page.get_by_role("button", name="Calcular con el archivo").click()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("malo.csv:2:3: votes")
    expect(alert).to_contain_text("archivo")
    assert page.get_by_label("Sus votos (CSV)").get_attribute("aria-invalid") == "true"


def test_form_controls_rebuild_the_url_and_back_restores_them(open_page):
    page = open_page("/escanos")
    page.get_by_label("Sistema electoral").select_option("peru-2011")
    page.get_by_role("button", name="Calcular", exact=True).click()
    page.wait_for_url(re.compile(r"sistema=peru-2011"))
    page.get_by_label("Sistema electoral").select_option("peru-2001")
    page.get_by_label("Método", exact=True).select_option("hare")
    page.get_by_role("button", name="Calcular", exact=True).click()
    page.wait_for_url(re.compile(r"sistema=peru-2001.*metodo=hare"))
    expect(page.locator("#resultado-titulo")).to_contain_text("Hare")
    page.go_back()
    page.wait_for_url(re.compile(r"sistema=peru-2011"))
    expect(page.get_by_label("Sistema electoral")).to_have_value("peru-2011")
    expect(page.get_by_label("Método", exact=True)).to_have_value("")
    expect(page.locator("#resultado-titulo")).to_contain_text("peru-2011")


def test_english_toggle(open_page):
    page = open_page("/escanos?sistema=peru-2016")
    page.get_by_role("link", name="English").click()
    page.wait_for_url(re.compile(r"lang=en"))
    assert page.get_attribute("html", "lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == "Seats"
    assert page.get_by_label("Electoral system").input_value() == "peru-2016"
    page.get_by_role("link", name="History").click()
    page.wait_for_url(re.compile(r"/historia\?lang=en"))
    assert page.get_by_role("heading", level=1).inner_text() == "Presidents of Peru 2016–2026"
