"""The Today page (the home page): who holds each office from curul.history.state, the chambers with
their hemicycles and tables, the thresholds and coalitions from curul.constitution and curul.congress,
the lines of succession and the latest events; ?fecha= for another day; the JSON twin and CSV tables."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

from markupsafe import escape

from curul.congress import bicameral_coalitions, chamber_coalitions
from curul.constitution import votes_needed
from curul.history import history_events, replay_history, state

DAY = "2026-12-02"


def test_home_is_today_with_every_office_and_its_sources(client):
    page = client.get(f"/?fecha={DAY}")
    assert page.status_code == 200 and '<html lang="es">' in page.text
    power = state(on=dt.date(2026, 12, 2))
    for office in power.offices:
        assert office.person and office.person.split()[0] in page.text
        for source in office.sources:
            if source.startswith("https://"):
                assert f'href="{source}"' in page.text.replace("&amp;", "&")
    # docs/history.md: Fujimori President since 28 July 2026; Galarreta 1st VP and PCM; Torres presides
    assert "Keiko Fujimori" in page.text and "28 jul. 2026" in page.text
    assert page.text.count("Luis Fernando Galarreta Velarde") >= 2


def test_the_two_chambers_are_hemicycles_with_a_table_beside(client):
    page = client.get(f"/?fecha={DAY}").text
    for chamber, seats in (("senate", 60), ("deputies", 130)):
        svg = re.search(rf'<svg[^>]*aria-labelledby="hemiciclo-{chamber}-title".*?</svg>', page, re.S)
        assert svg and 'role="img"' in svg.group(0) and f'id="hemiciclo-{chamber}-legend"' in svg.group(0)
        assert svg.group(0).count("<circle") == seats  # 2026-07-senate 60, 2026-07-deputies 130
        assert f'id="tabla-{chamber}"' in page
    assert "Fuerza Popular" in page and "es 31." in page and "es 66." in page  # the majority in the caption


def _region(page: str, table: str) -> str:
    found = re.search(rf'<caption id="{table}">.*?</table>', page, re.S)
    assert found, f"no table {table}"
    return found.group(0)


def test_the_engines_labels_are_in_the_readers_language(client):
    es, en = (client.get(f"/?fecha={DAY}{lang}").text for lang in ("", "&lang=en"))
    # the offices: named in the reader's language; the record's notes stay as written (in English,
    # marked lang="en": "He is also 2nd Vice President of the Republic ..."); how each was filled is
    # the event's title in the reader's language (test_event_titles_are_in_the_readers_language)
    offices_es, offices_en = _region(es, "tabla-cargos"), _region(en, "tabla-cargos")
    named_es = re.findall(r'<th scope="row">([^<]*)</th>', offices_es)
    named_en = re.findall(r'<th scope="row">([^<]*)</th>', offices_en)
    assert len(named_es) == len(named_en) == 7
    assert named_es[0] == "Presidente de la República" and named_en[0] == "President of the Republic"
    assert not any(re.search(r"\bPresident\b", name) for name in named_es)
    # the chambers, the regime in force, the hemicycle's description, a fixed threshold
    assert '<h3 id="camara-senate">Senado' in es and '<h3 id="camara-senate">Senate' in en
    assert '<span lang="es">Constitución de 1993 tras la Ley 31988, Congreso bicameral' in es
    assert '<span lang="en">1993 Constitution after Law 31988, bicameral Congress' in en
    assert '<desc id="hemiciclo-senate-desc">60 escaños: FP 22, JPP 14' in es
    assert '<desc id="hemiciclo-senate-desc">60 seats: FP 22, JPP 14' in en
    thresholds_es, thresholds_en = _region(es, "tabla-umbrales"), _region(en, "tabla-umbrales")
    assert "Moción de vacancia presentada" in thresholds_es and "39 (número fijo)" in thresholds_es
    assert "(fixed number)" not in thresholds_es and "39 (fixed number)" in thresholds_en


def test_event_titles_are_in_the_readers_language(client):
    """How an office was filled and the latest events are the record's titles: its Spanish one
    (``label_es``, marked lang="es") on the Spanish page, its English one on the English page."""
    es, en = (client.get(f"/?fecha={DAY}{lang}").text for lang in ("", "&lang=en"))
    day = dt.date.fromisoformat(DAY)
    board = [e for e in history_events() if e.type == "board_election" and e.date <= day][-1]
    assert board.title_es and board.title_es != board.title
    offices_es, offices_en = _region(es, "tabla-cargos"), _region(en, "tabla-cargos")
    assert f'<span lang="es">{escape(board.title_es)}</span>' in offices_es
    assert escape(board.title) not in offices_es
    assert f'<span lang="en">{escape(board.title)}</span>' in offices_en
    assert escape(board.title_es) not in offices_en
    events_es, events_en = _region(es, "tabla-eventos"), _region(en, "tabla-eventos")
    latest = [s[0] for s in replay_history().steps if s[0].date <= day][-8:]
    assert board in latest
    for event in latest:
        assert f'<span lang="es">{escape(event.title_es)}</span>' in events_es
        assert f'<span lang="en">{escape(event.title)}</span>' in events_en
    assert not re.search(r'<th scope="row"><span lang="en">', events_es)  # every one has its Spanish
    data = client.get(f"/hoy.json?fecha={DAY}").json()
    deputies = data["offices"]["president_of_deputies"]
    assert (deputies["via"], deputies["via_es"]) == (board.title, board.title_es)
    assert [e["title_es"] for e in data["latest_events"]] == [e.title_es for e in reversed(latest)]


def test_thresholds_and_coalitions_are_the_librarys(client):
    data = client.get(f"/hoy.json?fecha={DAY}").json()
    on = dt.date(2026, 12, 2)
    needs = {(t["procedure"], t["chamber"]): t["votes"] for t in data["thresholds"]}
    for procedure, chamber in (
        ("vacancy.approval", "deputies"),
        ("vacancy.approval", "senate"),
        ("cabinet.censure", "deputies"),
        ("vacancy.admission", "deputies"),
    ):
        assert needs[(procedure, chamber)] == votes_needed(procedure, date=on, chamber=chamber).votes
    assert needs[("vacancy.approval", "deputies")] == 87 and needs[("vacancy.approval", "senate")] == 40
    vacancy, censure = data["coalitions"]
    both = bicameral_coalitions(
        "2026-07-deputies", "vacancy.approval", "2026-07-senate", "vacancy.approval", date=on
    )
    assert vacancy["chambers"] == ["deputies", "senate"]
    assert vacancy["coalitions"]["count"] == len(both.coalitions.minimal)
    assert [c["groups"] for c in vacancy["coalitions"]["minimal_winning"]] == [
        list(c.groups) for c in both.coalitions.minimal[:6]
    ]
    one = chamber_coalitions("2026-07-deputies", "cabinet.censure", date=on, chamber="deputies")
    assert censure["coalitions"]["count"] == len(one.coalitions.minimal)
    assert len(censure["coalitions"]["minimal_winning"]) == min(6, len(one.coalitions.minimal))  # capped
    # the JSON twin is the state's as_dict() plus what the page adds
    assert data["offices"]["president"]["person"] == "Keiko Fujimori"
    assert {"succession", "dual_offices", "chambers", "latest_events"} <= set(data)


def test_latest_events_with_outcomes_and_sources(client):
    data = client.get(f"/hoy.json?fecha={DAY}").json()
    recorded = [s for s in replay_history().steps if s[0].date <= dt.date(2026, 12, 2)]
    latest = recorded[-1][0]
    assert data["latest_events"][0]["date"] == latest.date.isoformat()
    assert data["latest_events"][0]["sources"] == list(latest.sources)
    assert len(data["latest_events"]) == 8


def test_another_day_before_the_bicameral_congress(client):
    data = client.get("/hoy.json?fecha=2020-11-12").json()
    # events.toml: Merino took office on 10 Nov 2020; a single chamber of 130, vacancy at 87 (Art. 113)
    assert data["offices"]["president"]["person"] == "Manuel Merino"
    assert list(data["chambers"]) == ["congress"]
    assert [c["chambers"] for c in data["coalitions"]] == [["congress"], ["congress"]]
    page = client.get("/?fecha=2020-11-12&lang=en").text
    assert '<html lang="en">' in page and "Who holds power" in page and "12 November 2020" in page


def test_csv_tables(client):
    rows = list(csv.DictReader(io.StringIO(client.get(f"/hoy.csv?table=seats&fecha={DAY}").text)))
    assert sum(int(r["seats"]) for r in rows if r["chamber"] == "senate") == 60
    offices = list(csv.DictReader(io.StringIO(client.get(f"/hoy.csv?fecha={DAY}").text)))
    assert offices[0]["office"] == "president" and offices[0]["person"] == "Keiko Fujimori"


def test_a_bad_date_is_a_422_naming_the_field_beside_the_form(client):
    page = client.get("/?fecha=1990-01-01")
    assert page.status_code == 422
    assert "<strong>fecha</strong>: no bundled regime covers 1990-01-01" in page.text
    assert 'id="fecha"' in page.text and 'aria-invalid="true"' in page.text
    twin = client.get("/hoy.json?fecha=2026-02-30")
    assert twin.status_code == 422 and twin.json()["error"]["field"] == "fecha"
    assert client.get("/hoy.json?fecha=2026-2-3").status_code == 422  # the pattern, FastAPI's check


def test_htmx_gets_only_the_part_it_swaps(client):
    part = client.get(f"/?fecha={DAY}", headers={"HX-Request": "true"}).text
    assert "<html" not in part and part.lstrip().startswith('<div class="toolbar">')


def test_the_api_gives_the_state(client):
    api = client.get(f"/api/state?date={DAY}")
    assert api.status_code == 200 and api.json() == client.get(f"/hoy.json?fecha={DAY}").json()
    bad = client.get("/api/state?date=1990-01-01")
    assert bad.status_code == 422 and bad.json()["error"]["field"] == "date"
