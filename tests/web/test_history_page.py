"""The History page: the timeline and table from curul.history, each transition's trace, its JSON twin
(the result's as_dict()), CSV tables, the htmx partial and the English toggle."""

from __future__ import annotations

import csv
import io
import json
import re

from markupsafe import escape

from curul.history import transitions
from curul.report import to_json


def test_page_shows_every_president_and_transition(client):
    page = client.get("/historia")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    found = transitions()
    for president in found.presidents:
        assert president.name in page.text
    assert page.text.count('<details id="transicion-') == len(found.transitions)
    assert (
        '<svg viewBox="0 0 400' in page.text
        and 'role="img" aria-labelledby="linea-tiempo-title"' in page.text
    )
    assert '<html lang="es">' in page.text and "Presidentes del Perú" in page.text
    assert "28 jul. 2016" in page.text  # es_PE medium date of Kuczynski's inauguration (events.toml)


def test_a_transition_opens_with_its_votes_threshold_article_and_sources(client):
    page = client.get("/historia?t=2").text
    assert '<details id="transicion-2" class="transition" open>' in page
    assert '<details id="transicion-1" class="transition">' in page
    vote = next(e for e in transitions().get(2).events if e.event.type == "vacancy_vote")
    assert "105" in page and "vacancy_vote" in page  # 105-19-4 (events.toml, 2020-11-09)
    for step in vote.trace:
        assert step.article in page
        for source in step.sources:
            assert f'href="{source}"' in page.replace("&amp;", "&")


def test_event_headings_are_in_the_readers_language(client):
    """Each event's heading is its Spanish title (``label_es``, lang="es") on the Spanish page and its
    English one on the English page: every event of a transition has both."""
    es, en = client.get("/historia").text, client.get("/historia?lang=en").text
    events = [item.event for t in transitions().transitions for item in t.events]
    assert events and all(e.title_es for e in events)
    heading = r'<h3 id="ev-\d+-\d+">[^<]*· <span lang="(\w+)">([^<]*)</span></h3>'
    shown_es, shown_en = re.findall(heading, es), re.findall(heading, en)
    assert shown_es == [("es", str(escape(e.title_es))) for e in events]
    assert shown_en == [("en", str(escape(e.title))) for e in events]
    vizcarra = next(e for e in events if e.type == "vacancy_vote" and e.date.isoformat() == "2020-11-09")
    assert escape(vizcarra.title_es) in es and escape(vizcarra.title) not in es


def test_json_twin_is_the_results_as_dict(client):
    expected = json.loads(to_json(transitions().as_dict()))
    assert client.get("/historia.json").json() == expected
    assert client.get("/historia", headers={"Accept": "application/json"}).json() == expected


def test_csv_tables(client):
    presidents = list(csv.DictReader(io.StringIO(client.get("/historia.csv").text)))
    assert [r["name"] for r in presidents] == [p.name for p in transitions().presidents]
    answer = client.get("/historia.csv?table=trace")
    assert answer.headers["content-disposition"] == 'attachment; filename="historia-trace.csv"'
    rows = list(csv.DictReader(io.StringIO(answer.text)))
    steps = [s for t in transitions().transitions for e in t.events for s in e.trace]
    assert len(rows) == len(steps) and rows[0]["article"] == steps[0].article
    missing = client.get("/historia.csv?table=nope")
    assert missing.status_code == 422 and missing.json()["error"]["field"] == "table"


def test_htmx_gets_only_the_swapped_part(client):
    part = client.get("/historia?t=3", headers={"HX-Request": "true"})
    assert part.status_code == 200
    assert "<html" not in part.text and '<details id="transicion-3" class="transition" open>' in part.text
    assert "Accept" in part.headers["vary"] and "HX-Request" in part.headers["vary"]


def test_english_toggle_keeps_the_controls_in_links(client):
    page = client.get("/historia?t=4&lang=en").text
    assert '<html lang="en">' in page and "Presidents of Peru" in page
    assert 'href="/escanos?lang=en"' in page  # the menu keeps the language
    assert 'href="/historia?t=4"' in page  # the switch back to Spanish keeps t
    assert "28 Jul 2016" in page  # en_GB medium date
    spanish = client.get("/historia?t=4").text
    assert 'href="/historia?t=4&amp;lang=en"' in spanish


def test_english_alias_redirects_with_the_query(client):
    answer = client.get("/history.json?t=2", follow_redirects=False)
    assert answer.status_code == 308 and answer.headers["location"] == "/historia.json?t=2"


def test_bad_parameters_are_422_naming_the_field(client):
    for url in ("/historia?t=99", "/historia?t=x", "/historia?lang=fr"):
        answer = client.get(url, headers={"Accept": "application/json"})
        assert answer.status_code == 422, url
        assert answer.json()["error"]["field"] in ("t", "lang"), url
    page = client.get("/historia?t=42")
    assert page.status_code == 422 and "<strong>t</strong>" in page.text
