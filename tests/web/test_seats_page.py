"""The Seats page over the library: bundled and uploaded votes, the hemicycle, the tables, the methods
side by side, the JSON twin, CSV and SVG downloads, and mistakes as 422s naming the field."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

from curul.data import load
from curul.elections import METHODS, allocate_official, allocate_partial
from curul.report import to_json


def test_official_2016_matches_the_library_and_the_official_seats(client):
    page = client.get("/escanos?sistema=peru-2016&votos=oficial")
    assert page.status_code == 200
    result = allocate_official("peru-2016", explain=True)
    twin = client.get("/escanos.json?sistema=peru-2016&votos=oficial").json()
    methods = {m: allocate_official("peru-2016", method=m).as_dict()["seats"] for m in METHODS}
    assert twin == json.loads(to_json(result.as_dict() | {"methods_side_by_side": methods}))
    # Fuerza Popular's 73 seats are the official 2016 result (congress-2016-district-seats)
    official = sum(r.seats for r in load("congress-2016-district-seats").rows if r.party == "FUERZA POPULAR")
    assert twin["seats"]["FUERZA POPULAR"] == official == 73
    assert "73" in page.text and 'class="chart"' in page.text


def test_district_table_carries_each_last_seat_margin(client):
    rows = list(
        csv.DictReader(io.StringIO(client.get("/escanos.csv?sistema=peru-2016&table=districts").text))
    )
    last = {s.district: s for s in allocate_official("peru-2016").last_seats()}
    assert len(rows) == 26
    amazonas = next(r for r in rows if r["district"] == "AMAZONAS")
    assert amazonas["last_seat"] == last["AMAZONAS"].holder.party
    assert int(amazonas["votes_needed"]) == last["AMAZONAS"].votes_needed


def test_methods_side_by_side(client):
    rows = list(csv.DictReader(io.StringIO(client.get("/escanos.csv?sistema=peru-2001&table=methods").text)))
    for method in METHODS:
        seats = allocate_official("peru-2001", method=method).seats
        assert {r["list"]: int(r[method]) for r in rows} == {p: n for p, n in seats.items() if n or p in {
            r["list"] for r in rows}}  # fmt: skip


def test_partial_2026_is_labelled_partial(client):
    twin = client.get("/escanos.json?sistema=peru-2026-senate").json()
    assert (
        twin["partial"] is True and twin["seats"] == allocate_partial("peru-2026-senate").as_dict()["seats"]
    )
    page = client.get("/escanos?sistema=peru-2026-deputies&votos=parcial")
    assert "Conteo parcial" in page.text


def test_svg_download_is_a_hemicycle_with_one_circle_per_seat(client):
    answer = client.get("/escanos.svg?sistema=peru-2016")
    assert answer.headers["content-type"].startswith("image/svg+xml")
    assert "attachment" in answer.headers["content-disposition"]
    root = ET.fromstring(answer.text)
    assert len(list(root.iter("{http://www.w3.org/2000/svg}circle"))) == 130
    assert root.get("role") == "img" and "style=" not in answer.text


def _upload(client, text: str, system: str = "peru-2016", **extra):
    return client.post(
        "/escanos", data={"sistema": system, **extra}, files={"archivo": ("mis-votos.csv", text, "text/csv")}
    )


def test_uploaded_votes_are_allocated_by_the_library_reader(client):
    # one district of peru-2016 (AMAZONAS, 2 seats) with votes for three lists; the others get none
    text = "district,party,votes\nAMAZONAS,A,60000\nAMAZONAS,B,20000\nAMAZONAS,C,10000\n"
    page = _upload(client, text)
    assert page.status_code == 200 and "mis-votos.csv" in page.text
    twin = client.post(
        "/escanos.json", data={"sistema": "peru-2016"}, files={"archivo": ("v.csv", text, "text/csv")}
    ).json()
    # D'Hondt by hand: quotients 60000 (A), 30000 (A/2), 20000 (B), 10000 (C): both seats go to A
    assert twin["districts"]["AMAZONAS"] == {"A": 2}
    assert twin["undecided"] == 128  # the 25 other districts have no votes: their seats stay undecided


def test_a_bad_cell_in_the_upload_is_a_422_naming_the_field_and_the_line(client):
    answer = _upload(client, "district,party,votes\nAMAZONAS,A,many\n")
    assert answer.status_code == 422
    assert "<strong>archivo</strong>" in answer.text
    assert "mis-votos.csv:2:3: votes: &#39;many&#39; is not a whole number (digits 0-9 only)" in answer.text
    assert "/tmp" not in answer.text  # the server's temporary path never shows
    unknown = _upload(client, "district,party,votes\nATLANTIS,A,5\n")
    assert "unknown district" in unknown.text and unknown.status_code == 422
    not_utf8 = client.post(
        "/escanos", data={"sistema": "peru-2016"}, files={"archivo": ("x.csv", b"\xff\xfe")}
    )
    assert not_utf8.status_code == 422 and "not UTF-8" in not_utf8.text


def test_mistakes_in_the_controls_are_422s_beside_the_form(client):
    for url, field in [
        ("/escanos.json?sistema=peru-1990", "sistema"),
        ("/escanos.json?metodo=borda", "metodo"),
        ("/escanos.json?sistema=peru-2021", "votos"),  # no bundled per-district votes for 2021
        ("/escanos.json?votos=todos", "votos"),
    ]:
        answer = client.get(url)
        assert answer.status_code == 422, url
        assert answer.json()["error"]["field"] == field, url
    page = client.get("/escanos?sistema=peru-2021")
    assert page.status_code == 422 and 'id="sistema"' in page.text  # the form stays, to upload votes


def test_upload_can_be_saved_and_reopened(client):
    text = "district,party,votes\nAMAZONAS,A,60000\nAMAZONAS,B,20000\n"
    page = _upload(client, text)
    assert 'name="csv"' in page.text
    saved = client.post(
        "/s", data={"page": "seats", "sistema": "peru-2016", "votos": "archivo", "csv": text,
                    "archivo": "mis-votos.csv"}, follow_redirects=True,
    )  # fmt: skip
    assert saved.status_code == 200 and "mis-votos.csv" in saved.text
