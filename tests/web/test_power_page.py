"""The Power page over HTTP: the bars and the table beside them, the JSON twin and each table's CSV,
the bicameral game of 2026, an edited composition, and every bad input a 422 naming its field.

Expected figures are the library's own (``curul power`` / ``curul coalitions``), computed here
independently through ``curul.congress`` rather than typed in."""

from __future__ import annotations

import csv
import io

import pytest

from curul.congress import bicameral_coalitions, chamber_coalitions, chamber_power


def test_the_page_shows_the_bars_and_the_table_in_spanish_and_english(client):
    page = client.get("/poder?composicion=2021-07")
    assert page.status_code == 200 and 'lang="es"' in page.text
    assert "barras-poder-title" in page.text and "Escaños e índices de poder" in page.text
    english = client.get("/poder?composicion=2021-07&lang=en")
    assert 'lang="en"' in english.text and "Seats and power indices of each group" in english.text


def test_the_json_twin_is_the_library_result(client):
    data = client.get("/poder.json?composicion=2021-07&umbral=vacancy.approval").json()
    expected = chamber_power("2021-07", "vacancy.approval").as_dict()
    assert data["power"] == expected
    assert data["coalitions"]["count"] == chamber_coalitions("2021-07", "vacancy.approval").as_dict()["count"]
    assert data["bicameral"] is None


def test_each_table_is_a_csv(client):
    rows = list(csv.DictReader(io.StringIO(client.get("/poder.csv?composicion=2021-07&table=power").text)))
    power = {r["group"]: r for r in chamber_power("2021-07", "vacancy.approval").rows()}
    assert {r["group"] for r in rows} == set(power)
    assert float(rows[0]["banzhaf"]) == pytest.approx(power[rows[0]["group"]]["banzhaf"])
    listed = client.get("/poder.csv?composicion=2021-07&table=coalitions&limite=3").text.splitlines()
    assert listed[0] == "groups,seats,surplus" and len(listed) == 1 + 3


def test_the_bicameral_game_of_2026(client):
    data = client.get("/poder.json?composicion=2026-07-deputies&juego=bicameral").json()
    both = bicameral_coalitions("2026-07-deputies", "vacancy.approval", "2026-07-senate", "vacancy.approval")
    assert data["bicameral"]["count"] == both.as_dict()["count"]
    assert data["bicameral"]["senate_threshold"]["votes"] == 40  # ⌈2/3 · 60⌉, rule B5
    assert "tabla-bicameral" in client.get("/poder?composicion=2026-07-deputies&juego=bicameral").text


def test_an_edited_composition(client):
    # A 50-30-20 chamber at 51 votes: A with either other wins, B + C (50) falls short, so A is in
    # every winning coalition (veto); the minimal ones by seats: A + C (70), then A + B (80).
    data = client.get("/poder.json?composicion=editada&grupos=A,50%0AB,30%0AC,20&umbral=51").json()
    assert data["power"]["composition"] == "editada"
    assert [c["groups"] for c in data["coalitions"]["minimal_winning"]] == [["A", "C"], ["A", "B"]]
    assert data["coalitions"]["veto"] == ["A"]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("composicion=nada", "composicion"),
        ("umbral=999", "umbral"),
        ("umbral=no.such.procedure", "umbral"),
        ("juego=bicameral&composicion=2021-07", "juego"),
        ("composicion=editada", "grupos"),
        ("composicion=editada&grupos=A,x", "grupos"),
        ("composicion=editada&grupos=" + "%0A".join(f"G{i},1" for i in range(31)), "grupos"),
        ("limite=0", "limite"),
        ("limite=101", "limite"),
    ],
)
def test_bad_input_is_a_422_naming_the_field(client, query, field):
    answer = client.get(f"/poder.json?{query}")
    assert answer.status_code == 422 and answer.json()["error"]["field"] == field


def test_too_many_coalitions_are_refused_naming_the_groups(client):
    # 30 single seats at 15 votes: C(30,15) ≈ 155 million minimal winning coalitions, over the bound.
    groups = "%0A".join(f"G{i},1" for i in range(30))
    answer = client.get(f"/poder.json?composicion=editada&grupos={groups}&umbral=15")
    assert answer.status_code == 422 and answer.json()["error"]["field"] == "grupos"


def test_the_chart_downloads_as_svg(client):
    answer = client.get("/poder.svg?composicion=2021-07")
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("image/svg+xml")
    assert "<title" in answer.text and "PL" in answer.text
