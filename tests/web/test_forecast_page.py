"""The Forecast pages over HTTP: the first round with its distribution spec and tables, the forecast
recomputed after a shift (the library's own run with the same shift and seed), the runoff, the
methodology and the backtests, the JSON twin and CSV, and bounded input (422 naming the field)."""

from __future__ import annotations

import csv
import io

import pytest

from curul.forecast import run_forecast

SIMS = 500  # the page's minimum: enough for the figures compared here, and quick


def test_the_first_round_page_carries_the_chart_spec_and_the_table(client):
    page = client.get(f"/pronostico?simulaciones={SIMS}")
    assert page.status_code == 200
    assert 'data-chart="distribuciones"' in page.text and "Keiko Fujimori" in page.text
    assert "/static/vendor/vega/vega-6.4.0.min.js" in page.text
    assert "P(segunda vuelta)" in page.text
    assert "P(runoff)" in client.get(f"/pronostico?simulaciones={SIMS}&lang=en").text


def test_a_shift_recomputes_the_forecast_as_the_library_does(client):
    shifted = client.get(
        f"/pronostico.json?simulaciones={SIMS}&semilla=2&candidato=Carlos%20Alvarez&puntos=4"
    ).json()
    expected = run_forecast(
        "peru-2026", sims=SIMS, seed=2, shift={"Carlos Alvarez": 4.0}, congress=False
    ).as_dict()
    mine = {c["name"]: c for c in shifted["candidates"]}
    for c in expected["candidates"]:  # same draws for the first round (Congress draws come after them)
        assert mine[c["name"]]["p_win"] == pytest.approx(c["p_win"])
    assert shifted["shift"] == {"Carlos Alvarez": 4.0}
    plain = client.get(f"/pronostico.json?simulaciones={SIMS}&semilla=2").json()
    before = {c["name"]: c for c in plain["candidates"]}
    assert mine["Carlos Alvarez"]["mean"] > before["Carlos Alvarez"]["mean"] + 2


def test_the_tables_are_csv_and_p_majority_is_there(client):
    text = client.get(f"/pronostico.csv?simulaciones={SIMS}&table=candidates").text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows and 0 <= float(rows[0]["p_win"]) <= 1
    majority = client.get(f"/pronostico.csv?simulaciones={SIMS}&table=majority").text.splitlines()
    assert majority[0] == "name,chamber,mean_seats,p_majority,p_two_thirds" and len(majority) > 2


def test_the_runoff_and_its_fifty_percent_line(client):
    data = client.get(f"/pronostico.json?vuelta=2&simulaciones={SIMS}").json()
    assert data["round"] == 2 and len(data["candidates"]) == 2
    assert any(
        layer.get("encoding", {}).get("x", {}).get("datum") == 50.0 for layer in data["chart"]["layer"]
    )


def test_methodology_and_backtests(client):
    method = client.get("/pronostico/metodologia.json").json()
    assert method["calibration"]["peru-2021"]["elections"][-1] == "peru-2016"  # 2021 leaves itself out
    assert "Metodología" in client.get("/pronostico/metodologia").text
    backtests = client.get("/pronostico/contraste.json").json()
    assert [b["election"] for b in backtests["first_round"]] == ["peru-2026", "peru-2021", "peru-2016"]
    assert client.get("/pronostico/contraste.csv?table=runoffs").text.startswith("election,cutoff,finalists")


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("simulaciones=100", "simulaciones"),
        ("simulaciones=10001", "simulaciones"),
        ("puntos=16&candidato=Keiko%20Fujimori", "puntos"),
        ("puntos=2", "candidato"),
        ("candidato=Nadie&puntos=1", "candidato"),
        ("candidato=Keiko%20Fujimori&puntos=1&vuelta=2", "candidato"),
        ("eleccion=peru-1990", "eleccion"),
        ("semilla=-1", "semilla"),
    ],
)
def test_bounded_input_is_a_422_naming_the_field(client, query, field):
    answer = client.get(f"/pronostico.json?{query}")
    assert answer.status_code == 422 and answer.json()["error"]["field"] == field
