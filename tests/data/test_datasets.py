"""The bundled datasets: they load, they carry sources, and their numbers add up and match the reference."""

from __future__ import annotations

import csv
import json
from collections import defaultdict

import pytest

import curul.data as data
from curul.data import fold, load, names

RESULT_YEARS = (2001, 2006, 2011, 2016)


def test_public_api():
    assert sorted(data.__all__) == sorted(
        [
            "Check",
            "Checked",
            "Column",
            "Dataset",
            "DatasetSpec",
            "DatasetView",
            "Listing",
            "Member",
            "Members",
            "SecondSource",
            "bundled_dir",
            "catalog",
            "check",
            "fold",
            "listing",
            "load",
            "members",
            "names",
            "show",
            "spec_of",
            "summary",
        ]
    )


@pytest.mark.parametrize("name", names())
def test_every_dataset_loads_with_a_source_on_every_row(name):
    dataset = load(name)
    assert len(dataset) > 0
    assert all(row.source.strip() for row in dataset.rows)
    frame = dataset.to_frame()
    assert list(frame.columns) == list(dataset.spec.column_names)
    assert len(frame) == len(dataset)


def test_show_json_gives_306_rows(curul_cli):
    result = curul_cli("data", "show", "congress-2016-district-votes", "--json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert len(payload["rows"]) == payload["count"] == 306
    limited = json.loads(
        curul_cli("data", "show", "congress-2016-district-votes", "--limit", "5", "--json").stdout
    )
    assert len(limited["rows"]) == 5 and limited["count"] == 306
    assert payload["rows"][0].keys() == {"year", "district", "party", "votes", "org_type", "source"}


@pytest.mark.parametrize("year", RESULT_YEARS)
def test_list_votes_sum_to_valid_and_totals_add_up(year):
    """Recomputed here, independently of the catalog checks that also run on load."""
    votes = defaultdict(int)
    for row in load(f"congress-{year}-district-votes").rows:
        votes[fold(row.district)] += row.votes
    totals = load(f"congress-{year}-district-totals").rows
    assert {fold(t.district) for t in totals} == set(votes)
    for t in totals:
        assert votes[fold(t.district)] == t.valid, t.district
        assert t.valid + t.blank + t.null == t.emitted, t.district


@pytest.mark.parametrize("year", RESULT_YEARS)
def test_seats_sum_to_district_magnitudes(year):
    seats = defaultdict(int)
    for row in load(f"congress-{year}-district-seats").rows:
        seats[fold(row.district)] += row.seats
    magnitudes = {
        fold(r.district): r.seats
        for r in load("district-magnitudes").rows
        if r.year == year and r.chamber == "congress"
    }
    assert seats == magnitudes
    assert sum(magnitudes.values()) == (120 if year < 2011 else 130)


def test_national_and_presidential_totals_add_up():
    (national,) = load("congress-2021-national-totals").rows
    assert national.valid + national.blank + national.null == national.emitted
    assert sum(r.votes for r in load("congress-2021-national-votes").rows) == national.valid
    assert sum(r.seats for r in load("congress-2021-national-seats").rows) == 130
    (first_round,) = load("presidential-first-round-totals").rows
    assert first_round.valid + first_round.blank + first_round.null == first_round.emitted
    rounds = load("presidential-first-rounds").rows
    assert sum(r.votes for r in rounds if r.year == first_round.year) == first_round.valid
    assert len([r for r in rounds if r.year == 2021]) == 18


def _reference_rows(path):
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("year", RESULT_YEARS)
def test_bundled_district_figures_equal_the_reference_files(shared_data, year):
    elections = shared_data / "elections"
    for kind, value in (("votes", "votes"), ("seats", "seats"), ("totals", "valid")):
        reference = {
            (fold(r["district"]), fold(r.get("party", ""))): int(r[value])
            for r in _reference_rows(elections / f"congress_{year}_district_{kind}.csv")
        }
        bundled = {
            (fold(r.district), fold(getattr(r, "party", ""))): getattr(r, value)
            for r in load(f"congress-{year}-district-{kind}").rows
        }
        assert bundled == reference


def test_bundled_magnitudes_and_presidential_figures_equal_the_reference(shared_data):
    elections = shared_data / "elections"
    reference = {
        (r["year"], r["chamber"], r["district"]): int(r["seats"])
        for r in _reference_rows(elections / "district_magnitudes.csv")
    }
    bundled = {(str(r.year), r.chamber, r.district): r.seats for r in load("district-magnitudes").rows}
    assert bundled == reference
    for year in (2016, 2021):
        ref = {
            fold(r["candidate"]): int(r["votes"])
            for r in _reference_rows(elections / f"presidential_{year}_r1_national.csv")
            if r["candidate"]
        }
        got = {fold(r.candidate): r.votes for r in load("presidential-first-rounds").rows if r.year == year}
        assert got == ref


def test_results_of_the_data_commands_follow_the_protocol():
    view = data.show("congress-2016-district-seats", limit=3)
    assert view.as_dict()["count"] == 60 and len(view.as_dict()["rows"]) == 3
    assert len(view.to_frame()) == 3
    assert "<caption>congress-2016-district-seats (60 rows)</caption>" in view._repr_html_()
    listing = data.listing()
    assert set(listing.to_frame().index) == set(data.names())
    assert data.check().as_dict()["ok"] is True
