from fractions import Fraction

import numpy as np
import pytest

from curul.data import load
from curul.elections import AllOf, AnyOf, SeatsInDistricts, VoteShare, load_system, systems, systems_listing
from curul.errors import CurulError, InputError

EXPECTED = {
    "peru-2001": (120, 25),
    "peru-2006": (120, 25),
    "peru-2011": (130, 26),
    "peru-2016": (130, 26),
    "peru-2020": (130, 26),
    "peru-2021": (130, 27),
    "peru-2026-deputies": (130, 27),
    "peru-2026-senate": (60, 28),
}


def test_bundled_systems_load_and_sum():
    assert systems() == sorted(EXPECTED)
    for name, (seats, districts) in EXPECTED.items():
        system = load_system(name)
        assert system.total_seats == seats and len(system.districts) == districts
        assert system.magnitudes.dtype == np.int64 and not system.magnitudes.flags.writeable
        assert system.sources and system.laws()


def test_magnitudes_come_from_the_bundled_dataset():
    rows = load("district-magnitudes").rows
    system = load_system("peru-2021")
    for district, seats in zip(system.districts, system.magnitudes, strict=True):
        (row,) = [r for r in rows if r.year == 2021 and r.chamber == "congress" and r.district == district]
        assert row.seats == seats


def test_senate_has_a_national_district_of_30():
    senate = load_system("peru-2026-senate")
    assert senate.districts[0] == "NACIONAL" and senate.magnitude("NACIONAL") == 30
    assert senate.magnitude("LIMA METROPOLITANA") == 4
    assert sum(senate.magnitudes[1:]) == 30


def test_2026_rules_are_per_chamber_and_both_required():
    deputies, senate = load_system("peru-2026-deputies").threshold, load_system("peru-2026-senate").threshold
    assert isinstance(deputies, AllOf) and isinstance(senate, AllOf)
    assert [type(r) for r in deputies.rules] == [VoteShare, SeatsInDistricts]
    assert deputies.rules[1].min_seats == 7 and senate.rules[1].min_seats == 3
    assert isinstance(load_system("peru-2016").threshold, AnyOf)


def test_district_names_fold_case_accents_and_aliases():
    s2016, s2021 = load_system("peru-2016"), load_system("peru-2021")
    assert s2016.district("lima") == "LIMA + RESIDENTES EN EL EXTRANJERO"
    assert s2016.district("Lima + Residentes en el Extranjero") == "LIMA + RESIDENTES EN EL EXTRANJERO"
    assert s2021.district("Junín") == "JUNIN" and s2021.district("  san   martín ") == "SAN MARTIN"
    assert s2021.district("Peruanos en el extranjero") == "PERUANOS RESIDENTES EN EL EXTRANJERO"
    assert s2016.district("PERUANOS RESIDENTES EN EL EXTRANJERO") is None  # abroad voted in Lima then


def test_alliance_surcharge_and_flat_rate():
    rule_2021 = load_system("peru-2021").threshold.rules[0]
    assert [rule_2021.required(n) * 100 for n in (1, 2, 3)] == [5, 6, 7]
    flat = VoteShare(Fraction(5, 100), alliance_share=Fraction(6, 100), law="first vote only")
    assert flat.required(2) == flat.required(4) == Fraction(6, 100)


def _write(tmp_path, body):
    path = tmp_path / "reform.toml"
    path.write_text(body, encoding="utf-8")
    return str(path)


GOOD = """
name = "reform"
title = "A reform"
chamber = "congress"
year = 2031
method = "sainte-lague"
law = "a bill"
sources = ["a bill's text"]
districts = [{name = "NORTE", seats = 3, source = "bill"}, {name = "SUR", seats = 2, source = "bill"}]
[threshold]
kind = "vote_share"
share = "3/100"
law = "bill art. 2"
"""
DISTRICTS = next(line for line in GOOD.splitlines() if line.startswith("districts = "))


def test_a_reform_is_a_file(tmp_path):
    system = load_system(_write(tmp_path, GOOD))
    assert system.total_seats == 5 and system.method == "sainte-lague"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('law = "bill art. 2"', ""), "must cite its law"),
        (('share = "3/100"', 'share = "3/2"'), "between 0 and 1"),
        (('method = "sainte-lague"', 'method = "lottery"'), "unknown method"),
        (('kind = "vote_share"', 'kind = "vibes"'), "unknown rule"),
        (("seats = 2", "seats = 0"), "positive integer"),
        (("year = 2031", 'year = 2031\ncolour = "red"'), "unknown key"),
    ],
)
def test_bad_system_files_are_refused(tmp_path, change, message):
    with pytest.raises(CurulError, match=message):
        load_system(_write(tmp_path, GOOD.replace(*change)))


def test_unknown_system():
    with pytest.raises(CurulError, match="bundled systems"):
        load_system("peru-1990")


def test_the_listing_of_systems_follows_the_protocol():
    listing = systems_listing()
    assert [s.name for s in listing.systems] == systems()
    data = listing.as_dict()
    assert set(data) == {"systems"}
    assert list(data["systems"][0]) == [
        "name",
        "title",
        "chamber",
        "year",
        "method",
        "method_text",
        "total_seats",
        "districts",
        "aliases",
        "threshold",
        "law",
        "sources",
        "magnitude_sources",
        "notes",
    ]
    frame = listing.to_frame()
    assert frame.loc["peru-2026-senate", "seats"] == 60 and frame.loc["peru-2021", "districts"] == 27
    html = listing._repr_html_()
    assert "<caption>Electoral systems</caption>" in html and "peru-2026-deputies" in html


def test_a_system_shows_its_districts():
    system = load_system("peru-2021")
    frame = system.to_frame()
    assert frame["seats"].sum() == 130 and frame.loc["LIMA METROPOLITANA", "seats"] == 33
    assert system.as_dict()["threshold"]["kind"] == "any_of"
    text = system.report().to_text()
    assert "LIMA METROPOLITANA" in text and "threshold: (≥ 5% of national valid votes" in text
    assert "<table" in system._repr_html_()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("year = 2031", 'year = "2031"'), "reform.toml:5:1: year: must be a year, got '2031'"),
        (("year = 2031", "year = 20310"), "reform.toml:5:1: year: 20310 is not a year in 1900..2100"),
        (('sources = ["a bill\'s text"]', "sources = [1]"), "reform.toml:8:1: sources: must be a list of"),
        (('law = "a bill"', "law = {}"), "reform.toml:7:1: law: must be a string, got {}"),
        (('name = "reform"', 'name = "reform"\naliases = ["N"]'), "reform.toml:3:1: aliases: must be a"),
        (("[threshold]", "[threshold"), "reform.toml:10:11: invalid TOML: Expected ']'"),
        (('name = "reform"', 'name = ""'), "reform.toml:2:1: name: is empty"),
        (
            ('name = "reform"', 'name = "re\\u001b]8;;x\\u0007form"'),
            "reform.toml:2:1: name: has a control or formatting character (U+001B at position 3)",
        ),
    ],
)
def test_a_system_file_is_checked_key_by_key_at_its_line(tmp_path, change, message):
    """Wrong types are refused at their line before any is used (a string year once crashed)."""
    with pytest.raises(CurulError) as caught:
        load_system(_write(tmp_path, GOOD.replace(*change)))
    assert str(caught.value).startswith(f"{tmp_path}/{message}"), str(caught.value)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        # the [threshold] header is line 10 of GOOD (line 1 is empty)
        (('kind = "vote_share"', 'kind = "vibes"'), "reform.toml:10:1: threshold.kind: unknown rule 'vibes'"),
        (('share = "3/100"', 'share = "3/2"'), "reform.toml:10:1: threshold"),
        # an inline array of districts is located at its key
        (("seats = 2", "seats = 0"), "reform.toml:9:1: districts: districts[1] needs name, a positive"),
        (
            (
                'kind = "vote_share"\nshare = "3/100"',
                'kind = "seats_in_districts"\nmin_seats = 10000000000000000000000',
            ),
            "reform.toml:10:1: threshold: seats_in_districts needs whole numbers min_seats, min_districts"
            " in 1..10,000",
        ),
        # magnitudes from the dataset in place of the inline districts: a bad year is placed at the key
        (
            (DISTRICTS, 'magnitudes = {year = 2002, chamber = "congress"}'),
            "reform.toml:9:1: magnitudes.year: no district magnitudes for 2002 congress"
            " (known: 2001 congress,",
        ),
        (
            (DISTRICTS, 'magnitudes = {year = "2001", chamber = "congress"}'),
            "reform.toml:9:1: magnitudes.year: must be a year, got '2001'",
        ),
    ],
)
def test_a_problem_inside_a_table_is_placed_at_that_table(tmp_path, change, message):
    with pytest.raises(InputError) as caught:
        load_system(_write(tmp_path, GOOD.replace(*change)))
    assert str(caught.value).startswith(f"{tmp_path}/{message}"), str(caught.value)
