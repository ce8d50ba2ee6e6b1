"""Official Congress results summed nationally match the published national figures."""

from __future__ import annotations

import csv
import json

import pytest

from curul.data import fold
from curul.elections import congress_results
from curul.report import to_json

# peru-elections.md §3.2 (Wikipedia; Perú21): seats and % of valid votes, 2016.
OFFICIAL_2016 = {
    "FUERZA POPULAR": (73, "36.34"),
    "EL FRENTE AMPLIO POR JUSTICIA, VIDA Y LIBERTAD": (20, "13.94"),
    "PERUANOS POR EL KAMBIO": (18, "16.46"),
    "ALIANZA PARA EL PROGRESO DEL PERU": (9, "9.23"),
    "ALIANZA POPULAR": (5, "8.31"),
    "ACCION POPULAR": (5, "7.20"),
}
# peru-elections.md §3.1 (JNE Res. 0602-2021-JNE): seats and % of valid votes, 2021.
OFFICIAL_2021 = {
    "PERU LIBRE": (37, "13.409"),
    "FUERZA POPULAR": (24, "11.336"),
    "RENOVACION POPULAR": (13, "9.329"),
    "ACCION POPULAR": (16, "9.019"),
    "ALIANZA PARA EL PROGRESO": (15, "7.541"),
    "AVANZA PAIS": (7, "7.536"),
    "JUNTOS POR EL PERU": (5, "6.591"),
    "SOMOS PERU": (5, "6.132"),
    "PODEMOS PERU": (5, "5.834"),
    "PARTIDO MORADO": (3, "5.423"),
}


@pytest.mark.parametrize(("year", "official", "digits"), [(2016, OFFICIAL_2016, 2), (2021, OFFICIAL_2021, 3)])
def test_national_summary_matches_official_figures(year, official, digits):
    results = congress_results(year)
    assert results.seats == 130
    by_party = {fold(p.party): p for p in results.parties}
    for party, (seats, pct) in official.items():
        assert by_party[party].seats == seats, party
        assert f"{float(by_party[party].share) * 100:.{digits}f}" == pct, party
    assert sum(p.seats for p in results.parties if fold(p.party) not in official) == 0


def test_valid_blank_null_add_up_for_every_year():
    for year in (2001, 2006, 2011, 2016, 2021):
        results = congress_results(year)
        assert results.valid + results.blank + results.null == results.emitted
        assert sum(p.votes for p in results.parties) == results.valid
        assert results.seats == (120 if year < 2011 else 130)


def test_results_json_sums_the_reference_district_file(curul_cli, shared_data):
    result = curul_cli("results", "2016", "--json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["districts"] == 26 and payload["seats"] == 130
    with (shared_data / "elections" / "congress_2016_district_votes.csv").open(encoding="utf-8") as handle:
        fp_votes = sum(int(r["votes"]) for r in csv.DictReader(handle) if r["party"] == "FUERZA POPULAR")
    assert payload["parties"][0] == {
        "party": "FUERZA POPULAR",
        "votes": fp_votes,
        "pct_valid": round(fp_votes / payload["valid"] * 100, 3),
        "seats": 73,
    }


def test_official_results_follow_the_protocol(curul_cli):
    results = congress_results(2016)
    data = results.as_dict()
    assert list(data) == [
        "year",
        "chamber",
        "level",
        "districts",
        "seats",
        "electors",
        "emitted",
        "valid",
        "blank",
        "null",
        "parties",
        "sources",
    ]
    assert set(data["parties"][0]) == {"party", "votes", "pct_valid", "seats"}
    done = curul_cli("results", "2021", "--json")
    assert json.loads(done.stdout) == json.loads(to_json(congress_results(2021)))
    frame = results.to_frame()
    assert list(frame.columns) == ["votes", "pct_valid", "seats"] and frame["seats"].sum() == 130
    assert frame.loc["FUERZA POPULAR", "pct_valid"] == 36.338
    html = results._repr_html_()
    assert "<caption>Congress 2016: official results (26 districts)</caption>" in html
    assert "7 other lists (&lt; 1% each)" in html
    assert results.report().to_text().endswith("= emitted 18,751,264 of 22,901,954 electors")
