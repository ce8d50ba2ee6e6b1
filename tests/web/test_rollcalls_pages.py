"""The Roll-calls pages over HTTP, on the shared roll calls (``$CURUL_ROLLCALLS``): cohesion over time
with its spec and tables, ideal points of a short window, the motion model's prediction of a vote
(the library's own figures), the bounds, and the message a server without roll calls gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from curul.rollcalls import MotionModel, cohesion, load_rollcalls, predict_vote

DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "rollcalls"
VOTE = "2022-03-28T23-19"  # the vacancy vote of 28 March 2022 (55 yes, 54 no, 19 abstentions)


@pytest.fixture
def with_rollcalls(monkeypatch, client):
    if not DATA.is_dir():
        pytest.skip("../shared/data/rollcalls is absent")
    monkeypatch.setenv("CURUL_ROLLCALLS", str(DATA.resolve()))
    return client


def test_cohesion_over_time_is_the_library_result(with_rollcalls):
    data = with_rollcalls.get("/votaciones.json?frecuencia=year").json()
    expected = cohesion(load_rollcalls(DATA.resolve()), freq="year").as_dict()
    assert data["imported"] is True and data["votes"] == expected["votes"] == 2226
    assert data["over_time"] == expected["over_time"]
    page = with_rollcalls.get("/votaciones?frecuencia=year&lang=en")
    assert 'data-chart="cohesion"' in page.text and "Rice index" in page.text
    assert with_rollcalls.get("/votaciones.csv?table=cohesion").text.startswith("group,members,votes")


def test_the_prediction_of_a_vote(with_rollcalls):
    data = with_rollcalls.get(f"/votaciones/prediccion.json?votacion={VOTE}&umbral=vacancy.approval").json()
    rc = load_rollcalls(DATA.resolve())
    expected = predict_vote(rc, VOTE, threshold="vacancy.approval", model=MotionModel(basis="groups"))
    assert data["prediction"]["p_pass"] == pytest.approx(expected.p_pass)
    assert data["prediction"]["recorded_yes"] == 55 and data["prediction"]["threshold"] == 87
    assert "veredicto" in with_rollcalls.get(f"/votaciones/prediccion?votacion={VOTE}").text


def test_ideal_points_of_a_short_window_and_the_bound(with_rollcalls):
    data = with_rollcalls.get("/votaciones/puntos-ideales.json?desde=2021-07-26&hasta=2021-08-31").json()
    assert data["imported"] is True and data["members"] and data["chart"]["encoding"]["y"]["sort"]
    too_many = with_rollcalls.get("/votaciones/puntos-ideales.json?desde=2021-07-01&hasta=2024-12-31")
    assert too_many.status_code == 422 and too_many.json()["error"]["field"] == "desde"


@pytest.mark.parametrize(
    ("path", "field"),
    [
        ("/votaciones.json?desde=2030-01-01", "desde"),
        ("/votaciones.json?desde=2022-01-01&hasta=2021-01-01", "hasta"),
        ("/votaciones/prediccion.json?votacion=1999-01-01T00-00", "votacion"),
        ("/votaciones/prediccion.json?tipo=nada", "tipo"),
    ],
)
def test_bad_input_is_a_422_naming_the_field(with_rollcalls, path, field):
    answer = with_rollcalls.get(path)
    assert answer.status_code == 422 and answer.json()["error"]["field"] == field


def test_without_roll_calls_the_pages_say_how_to_import_them(monkeypatch, client, tmp_path):
    monkeypatch.setenv("CURUL_ROLLCALLS", str(tmp_path / "nothing-here"))
    for path in ("/votaciones", "/votaciones/puntos-ideales", "/votaciones/prediccion"):
        page = client.get(path)
        assert page.status_code == 200 and "curul rollcalls import" in page.text
        assert client.get(path + ".json").json()["imported"] is False
