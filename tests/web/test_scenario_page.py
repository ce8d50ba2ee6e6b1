"""The What-if page: a scenario from GET parameters (or an example) run by curul.history, the
successor and the full trace, 422s naming the form field, the JSON twin and saved permalinks."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from markupsafe import escape

from curul.history import example_scenarios, history_events, load_scenario, run_scenario
from curul.report import to_json
from curul.web.pages._scenario_form import PARAMS, form_field

VACANCY = (
    "fecha=2026-12-14&e1_tipo=vacancy_vote&e1_fecha=2026-12-15&e1_cargo=president&e1_camara=deputies"
    "&e1_si=90&e1_no=35&e2_tipo=vacancy_vote&e2_fecha=2026-12-16&e2_cargo=president&e2_camara=senate"
    "&e2_si=41&e2_no=17"
)


def test_a_vacancy_built_in_the_form_names_the_successor_with_the_trace(client):
    page = client.get(f"/que-pasaria?{VACANCY}")
    assert page.status_code == 200
    # docs/history.md: 90 >= 87 deputies (B4), 41 >= 40 senators (B5); Galarreta assumes (Art. 115)
    assert re.search(r'<strong id="sucesor">Luis Galarreta</strong>', page.text)
    assert "antes: Keiko Fujimori" in page.text
    assert "90 ≥ 87 = ⌈2/3 · 130⌉" in page.text and "41 ≥ 40 = ⌈2/3 · 60⌉" in page.text
    assert 'value="90"' in page.text and 'name="e3_tipo"' in page.text  # the rows kept, a spare one


def test_the_offices_after_say_how_in_the_readers_language(client):
    """The offices after the scenario: those the record filled say how in Spanish on the Spanish page
    (the event's ``label_es``); those the form's events filled have no Spanish title and stay English."""
    # events.toml, 28 Jul 2026: Galarreta sworn in as President of the Council of Ministers
    day = dt.date(2026, 7, 28)
    cabinet = next(e for e in history_events() if e.type == "cabinet_appointed" and e.date == day)
    for query, code, shown, hidden in (
        (VACANCY, "es", cabinet.title_es, cabinet.title),
        (VACANCY + "&lang=en", "en", cabinet.title, cabinet.title_es),
    ):
        page = client.get(f"/que-pasaria?{query}").text
        table = re.search(r'<caption id="tabla-cargos-despues">.*?</table>', page, re.S)
        assert table, "no table of the offices after"
        assert f'<td lang="{code}">{escape(shown)}</td>' in table.group(0)
        assert escape(hidden) not in table.group(0)
        assert '<td lang="en">vacancy_vote president</td>' in table.group(0)  # the form's event


@pytest.mark.parametrize("path", example_scenarios(), ids=lambda p: p.stem)
def test_every_example_runs_as_its_file(client, path):
    twin = client.get(f"/que-pasaria.json?ejemplo={path.stem}")
    assert twin.status_code == 200
    expected = run_scenario(load_scenario(path)).as_dict()
    got = twin.json()
    assert got["president"] == json.loads(to_json(expected["president"]))
    assert got["trace"] == json.loads(to_json(expected["trace"]))


def test_an_example_fills_the_form(client):
    page = client.get("/que-pasaria?ejemplo=death-2026").text
    assert 'name="e1_tipo"' in page and '<option value="death" selected>' in page


def test_readings_change_the_outcome(client):
    # examples/scenarios/feb2026-vacancy-acting-head.toml: the same vote, the acting head succeeds
    base = "fecha=2026-02-16&e1_tipo=vacancy_vote&e1_fecha=2026-02-17&e1_cargo=president&e1_si=90&e1_no=20"
    default = client.get(f"/que-pasaria.json?{base}").json()
    acting = client.get(f"/que-pasaria.json?{base}&interim_vacancy_successor=acting_head_of_congress").json()
    assert default["options_used"]["interim_vacancy_successor"] == "next_elected_board_president"
    assert acting["options_used"]["interim_vacancy_successor"] == "acting_head_of_congress"
    assert default["president"] != acting["president"]


@pytest.mark.parametrize(
    ("query", "field", "words"),
    [
        ("fecha=2026-12-02&e2_tipo=vacancy_vote&e2_fecha=2026-12-15&e2_cargo=president&e2_camara=deputies"
         "&e2_si=noventa", "e2_si", "must be a whole number"),
        ("fecha=2026-12-02&e1_tipo=vacancy_vote&e1_fecha=2026-12-15&e1_cargo=president&e1_camara=senate"
         "&e1_si=70", "e1_si", "more votes than members: 70 cast, 60 members"),
        ("fecha=2026-12-02&e1_tipo=vacancy_vote&e1_fecha=2026-12-01&e1_si=9", "e1_fecha", "comes before"),
        ("fecha=2026-12-02&e1_tipo=vacancy_vote&e1_fecha=2026-12-03", "e1_tipo", "needs a vote"),
        ("fecha=2026-12-02&election_call_scope=everything", "election_call_scope", "allowed:"),
        ("fecha=1990-01-01", "fecha", "no bundled regime"),
        ("ejemplo=nope", "ejemplo", "unknown example"),
        ("ejemplo=death-2026&fecha=2026-12-02", "ejemplo", "not both"),
    ],
)  # fmt: skip
def test_mistakes_are_422s_naming_the_form_field(client, query, field, words):
    twin = client.get(f"/que-pasaria.json?{query}")
    assert twin.status_code == 422
    assert twin.json()["error"]["field"] == field and words in twin.json()["error"]["message"]
    page = client.get(f"/que-pasaria?{query}")
    assert page.status_code == 422 and f"<strong>{field}</strong>" in page.text
    if field != "ejemplo":
        assert re.search(rf'id="{field}"[^>]*aria-invalid="true"', page.text)


def _alert(html: str) -> str:
    """The error as a reader sees it (beside the form, or on the error page when FastAPI refused the
    parameter): the alert's text without its tags."""
    found = re.search(r'<p [^>]*class="error" role="alert">(.*?)</p>', html)
    assert found, "no error shown"
    return re.sub(r"<[^>]+>", "", found.group(1)).replace("&#39;", "'")


@pytest.mark.parametrize("lang", ["", "&lang=en"])
@pytest.mark.parametrize(
    ("fecha", "told"),
    [
        ("2026-13-40", "fecha: '2026-13-40' is not a date (YYYY-MM-DD)"),  # the library's check
        ("2026-12-021", "fecha: String should have at most 10 characters"),  # FastAPI's (max_length)
    ],
)
def test_a_bad_date_is_told_naming_the_field_once(client, fecha, told, lang):
    page = client.get(f"/que-pasaria?fecha={fecha}{lang}")
    assert page.status_code == 422
    assert f'<html lang="{"en" if lang else "es"}">' in page.text
    assert _alert(page.text) == told
    twin = client.get(f"/que-pasaria.json?fecha={fecha}{lang}").json()["error"]
    assert (twin["field"], twin["message"]) == ("fecha", told.removeprefix("fecha: "))


def test_form_fields_and_library_arguments_match():
    assert form_field("events[2].yes") == "e3_si" and form_field("until") == "fecha"
    assert form_field("options.debate_window_days") == "debate_window_days"
    assert len(PARAMS) == len(set(PARAMS))


def test_save_and_reopen_records_version_and_data(client):
    saved = client.post(
        "/s",
        data={"page": "scenario", **dict(p.split("=", 1) for p in VACANCY.split("&"))},
        headers={"Accept": "application/json"},
    )
    assert saved.status_code == 201
    url = saved.json()["url"]
    again = client.get(url)
    assert again.status_code == 200 and '<strong id="sucesor">Luis Galarreta</strong>' in again.text
    twin = client.get(url + ".json").json()
    assert twin["page"] == "/que-pasaria" and twin["result"]["president"]["name"] == "Luis Galarreta"
    assert twin["saved"]["curul_version"] and len(twin["saved"]["data_checksum"]) == 64
    assert twin["saved"]["data_checksum"][:12] in again.text


def test_english_and_htmx(client):
    page = client.get(f"/what-if?{VACANCY}&lang=en", follow_redirects=True)
    assert (
        '<html lang="en">' in page.text and "What if" in page.text and "before: Keiko Fujimori" in page.text
    )
    part = client.get(f"/que-pasaria?{VACANCY}", headers={"HX-Request": "true"}).text
    assert "<html" not in part and 'id="sucesor"' in part


def test_a_saved_scenario_reopens_the_same_on_both_databases(database_url):
    # SQLite and the PostgreSQL started for the run (tests/web/conftest.py): the same permalink, the
    # same successor, the version and data recorded
    from fastapi.testclient import TestClient

    from curul import __version__
    from curul.web import create_app
    from curul.web._store import data_checksum

    with TestClient(create_app(database_url), raise_server_exceptions=False) as client:
        fields = dict(p.split("=", 1) for p in VACANCY.split("&"))
        first = client.post("/s", data={"page": "scenario", **fields}, follow_redirects=False)
        assert first.status_code == 303
        url = first.headers["location"]
        assert re.fullmatch(r"/s/[0-9a-f]{12}", url)
        again = client.post("/s", data={"page": "scenario", **dict(reversed(fields.items()))},
                            follow_redirects=False)  # fmt: skip
        assert again.headers["location"] == url  # the same scenario, the same link
        page = client.get(url)
        assert '<strong id="sucesor">Luis Galarreta</strong>' in page.text
        twin = client.get(url + ".json").json()
        assert twin["saved"]["params"] == {k: v for k, v in fields.items()}
        assert (twin["saved"]["curul_version"], twin["saved"]["data_checksum"]) == (
            __version__,
            data_checksum(),
        )
        assert twin["result"] == client.get(f"/que-pasaria.json?{VACANCY}").json()


def test_the_api_gives_the_same_scenario_under_english_names(client):
    api = client.get(
        "/api/scenario?date=2026-12-14&e1_type=vacancy_vote&e1_date=2026-12-15&e1_target=president"
        "&e1_chamber=deputies&e1_yes=90&e1_no=35&e2_type=vacancy_vote&e2_date=2026-12-16"
        "&e2_target=president&e2_chamber=senate&e2_yes=41&e2_no=17"
    )
    assert api.status_code == 200
    assert api.json() == client.get(f"/que-pasaria.json?{VACANCY}").json()
    bad = client.get("/api/scenario?date=2026-12-02&e2_type=vacancy_vote&e2_date=2026-12-15&e2_yes=x")
    assert bad.status_code == 422 and bad.json()["error"]["field"] == "e2_yes"
    assert client.get("/api/scenario?example=death-2026").json()["president"]["name"] == "Luis Galarreta"
