"""The 2026 datasets: their figures against the record's tables, and every catalog check failing when it
should. Expected values are typed from ``../shared/reference/peru-2026-record.md`` (§3), not computed."""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from curul.data import bundled_dir, fold, load, members, spec_of
from curul.errors import ArgumentError, InputError

FP, JPP, RP, PBG, OBRAS, AN = (
    "Fuerza Popular",
    "Juntos por el Perú",
    "Renovación Popular",
    "Partido del Buen Gobierno",
    "Partido Cívico Obras",
    "Ahora Nación",
)
# Record §3.1, "Seats by party": Senate national (30), Senate districts (30), Senate (60), Deputies (130)
SEATS = {
    FP: (7, 15, 22, 41),
    JPP: (5, 9, 14, 32),
    RP: (5, 3, 8, 15),
    PBG: (5, 2, 7, 18),
    OBRAS: (4, 1, 5, 14),
    AN: (4, 0, 4, 10),
}
# Record §3.1, "Deputies by district (official list)": district seats, then FP JPP PBG RP Obras AN
DEPUTIES = """
Amazonas 2: 2 0 0 0 0 0
Áncash 5: 2 1 0 0 1 1
Apurímac 2: 0 2 0 0 0 0
Arequipa 6: 0 1 2 1 1 1
Ayacucho 3: 0 2 0 0 0 1
Cajamarca 6: 1 5 0 0 0 0
Callao 4: 2 0 1 1 0 0
Cusco 5: 0 2 1 0 1 1
Huancavelica 2: 0 2 0 0 0 0
Huánuco 3: 1 2 0 0 0 0
Ica 4: 1 0 1 1 1 0
Junín 5: 1 1 1 0 1 1
La Libertad 7: 3 1 1 1 1 0
Lambayeque 5: 3 1 1 0 0 0
Lima Metropolitana 32: 7 1 7 9 4 4
Lima Provincias 4: 2 0 1 0 1 0
Loreto 4: 3 1 0 0 0 0
Madre de Dios 2: 0 2 0 0 0 0
Moquegua 2: 0 1 1 0 0 0
Pasco 2: 2 0 0 0 0 0
Peruanos residentes en el extranjero 2: 1 0 0 1 0 0
Piura 7: 4 0 1 1 1 0
Puno 5: 0 3 0 0 1 1
San Martín 4: 2 2 0 0 0 0
Tacna 2: 0 1 0 0 1 0
Tumbes 2: 2 0 0 0 0 0
Ucayali 3: 2 1 0 0 0 0
"""
# Record §3.1, Senate district seats (1 per district, Lima Metropolitana 4)
SENATE_DISTRICTS = {
    FP: "Amazonas, Áncash, Cajamarca, Callao, Ica, Junín, La Libertad, Lambayeque, Lima Provincias, Loreto, "
    "Piura, San Martín, Tumbes, Ucayali, Lima Metropolitana",
    JPP: "Apurímac, Ayacucho, Cusco, Huancavelica, Huánuco, Madre de Dios, Moquegua, Pasco, Puno",
    RP: "Lima Metropolitana, Lima Metropolitana, Peruanos residentes en el extranjero",
    PBG: "Lima Metropolitana, Arequipa",
    OBRAS: "Tacna",
}


def _deputies_table() -> dict[tuple[str, str], int]:
    out = {}
    for line in DEPUTIES.strip().splitlines():
        head, counts = line.split(":")
        district = head.rsplit(" ", 1)[0]
        for party, n in zip((FP, JPP, PBG, RP, OBRAS, AN), counts.split(), strict=True):
            if int(n):
                out[(fold(district), party)] = int(n)
    return out


def test_seats_per_party_are_the_records_table():
    rows = {(r.chamber, r.party): r.seats for r in load("congress-2026-seats").rows}
    for party, (national, districts, senate, deputies) in SEATS.items():
        assert rows[("senate_national", party)] == national
        assert rows[("senate_district", party)] == districts
        assert rows[("senate", party)] == senate
        assert rows[("deputies", party)] == deputies
    assert sum(n for (chamber, _), n in rows.items() if chamber == "senate") == 60
    assert sum(n for (chamber, _), n in rows.items() if chamber == "deputies") == 130


def test_the_second_source_differs_on_one_lambayeque_seat_only():
    rows = load("congress-2026-seats").rows
    differing = {
        (r.chamber, r.party): (r.seats, r.second_source_seats)
        for r in rows
        if r.seats != r.second_source_seats
    }
    assert differing == {("deputies", FP): (41, 40), ("deputies", RP): (15, 16)}  # record §3.1
    (disputed,) = [m for m in members().members if m.second_source is not None]
    assert (disputed.district, disputed.party, disputed.chamber) == ("Lambayeque", FP, "deputies")
    assert fold(disputed.name) == fold("Takayama Jiménez, Liliana Milagros")
    assert disputed.second_source.party == RP
    assert fold(disputed.second_source.name) == fold("Córdova Lobatón, María Jessica")


def test_deputies_per_district_are_the_records_table():
    bundled = {
        (fold(r.district), r.party): r.seats for r in load("congress-2026-deputies-district-seats").rows
    }
    assert bundled == _deputies_table()
    magnitudes = {
        fold(line.split(":")[0].rsplit(" ", 1)[0]): int(line.split(":")[0].rsplit(" ", 1)[1])
        for line in DEPUTIES.strip().splitlines()
    }
    per_district = Counter()
    for (district, _), n in bundled.items():
        per_district[district] += n
    assert dict(per_district) == magnitudes and sum(magnitudes.values()) == 130


def test_senate_seats_per_district_are_the_records_list():
    rows = load("congress-2026-senate-district-seats").rows
    districts = defaultdict(list)
    for r in rows:
        if r.chamber == "senate_district":
            districts[r.party] += [fold(r.district)] * r.seats
    for party, names in SENATE_DISTRICTS.items():
        assert sorted(districts[party]) == sorted(fold(n) for n in names.split(", ")), party
    (lima_rp,) = [r for r in rows if r.district == "Lima Metropolitana" and r.party == RP]
    assert lima_rp.senators == "Calisto Giampietri, Francisco José; Jauregui Martínez, María de los Milagros"
    national = {r.party: r.seats for r in rows if r.chamber == "senate_national"}
    assert national == {p: s[0] for p, s in SEATS.items() if s[0]}


def test_members_by_chamber_component_and_status():
    everyone = members()
    assert len(everyone.members) == 190
    senate, deputies = members("senate"), members("deputies")
    assert len(senate.members) == 60 and len(deputies.members) == 130
    components = Counter(m.senate_component for m in senate.members)
    assert components == {"national": 30, "district": 30}
    assert {p: n for p, n in senate.seats().items()} == {p: s[2] for p, s in SEATS.items()}
    assert {p: n for p, n in deputies.seats().items()} == {p: s[3] for p, s in SEATS.items()}
    # record §3.1: two deputies were still "Electo" (not sworn) on 31 July
    unsworn = sorted(fold(m.name) for m in everyone.members if not m.sworn)
    assert unsworn == sorted(
        fold(n) for n in ("Albañil Carmona, Henry Antonio", "García Huby, Fernando Alberto")
    )
    assert everyone.as_of == dt.date(2026, 7, 31)
    torres = next(m for m in senate.members if m.name.startswith("Torres Morales"))
    assert (torres.party, torres.senate_component, torres.district) == (FP, "national", "Nacional")
    assert torres.page.startswith("https://senado.congreso.gob.pe/")


def test_members_on_a_date_of_the_term_and_outside_it():
    assert len(members("senate", on="2026-07-27").members) == 60
    assert members(on=dt.date(2031, 7, 26)).on == dt.date(2031, 7, 26)
    with pytest.raises(ArgumentError, match="2026-07-26 is outside the 2026-2031 term"):
        members(on="2026-07-26")
    with pytest.raises(ArgumentError, match="not a date"):
        members(on="July")
    with pytest.raises(ArgumentError, match="senate or deputies"):
        members("congress")


def test_members_result_follows_the_protocol():
    result = members("deputies", on="2026-08-20")
    data = result.as_dict()
    assert list(data) == ["chamber", "on", "as_of", "term", "count", "seats", "members", "sources"]
    assert data["on"] == "2026-08-20" and data["count"] == 130 and data["term"]["start"] == "2026-07-27"
    assert set(data["members"][0]) >= {"name", "chamber", "senate_component", "district", "party", "status"}
    frame = result.to_frame()
    assert len(frame) == 130 and frame["party"].value_counts()[FP] == 41
    html = result._repr_html_()
    assert "Chamber of Deputies 2026-2031 on 2026-08-20: 130 members" in html and "Córdova Lobatón" in html


def test_presidential_first_round_nine_tickets_and_their_note():
    dataset = load("presidential-2026-first-round")
    rows = dataset.rows
    assert len(rows) == 9 and [r.rank for r in rows] == list(range(1, 10))
    assert (rows[0].candidate, rows[0].votes) == ("Keiko Sofia Fujimori Higuchi", 2877678)
    assert all(r.pct_valid >= 3 for r in rows)
    assert "other tickets' votes were not found" in dataset.spec.description
    assert all("not found" in r.note for r in rows)


def test_partial_national_figures_are_the_records_table():
    rows = load("congress-2026-partial-national-votes").rows
    assert {(r.chamber, r.stage, r.date) for r in rows} == {
        ("senate_national", "85.92% of tallies", dt.date(2026, 5, 11)),
        ("senate_district", "85.92% of tallies", dt.date(2026, 5, 11)),
        ("deputies", "85.991% of tallies", dt.date(2026, 5, 11)),
    }
    assert "PARTIAL" in spec_of("congress-2026-partial-national-votes").description
    totals = defaultdict(int)
    for r in rows:
        totals[(r.chamber, "valid" if r.kind == "list" else r.kind)] += r.votes
    # record §3.2: valid / blank / null of the Senate national list and of the Deputies
    assert [totals[("senate_national", k)] for k in ("valid", "blank", "null")] == [
        12720943,
        1847431,
        2437583,
    ]
    assert [totals[("deputies", k)] for k in ("valid", "blank", "null")] == [12676827, 2200419, 2540413]
    share = {
        (r.chamber, fold(r.party)): r.votes / totals[(r.chamber, "valid")] * 100
        for r in rows
        if r.kind == "list"
    }
    # record §3.2 shares (2 decimals): Senate national list, Senate districts, Deputies
    for party, figures in {
        "FUERZA POPULAR": (14.67, 15.52, 14.34),
        "PARTIDO PAIS PARA TODOS": (5.78, 6.16, 5.79),
        "AHORA NACION - AN": (8.35, 8.60, 8.64),
        "ALIANZA PARA EL PROGRESO": (2.56, 2.46, 2.69),
    }.items():
        for chamber, expected in zip(
            ("senate_national", "senate_district", "deputies"), figures, strict=True
        ):
            assert round(share[(chamber, party)], 2) == expected, (party, chamber)


def test_partial_district_rows_carry_their_stage_and_blank_null():
    rows = load("congress-2026-partial-district-votes").rows
    kinds = Counter((r.chamber, r.district, r.kind) for r in rows if r.kind != "list")
    assert len(kinds) == 2 * (27 + 27 + 1) and set(kinds.values()) == {1}
    assert {r.tallies_counted_pct for r in rows if r.chamber == "deputies"} == {85.991}
    assert {r.district for r in rows if r.chamber == "senate_national"} == {"Nacional"}


def test_bundled_2026_files_equal_the_reference_files(shared_data):
    def reference(path: Path) -> list[dict[str, str]]:
        with path.open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))

    votes = reference(shared_data / "elections" / "congress_2026_district_votes_86pct.csv")
    bundled = load("congress-2026-partial-district-votes").rows
    assert sorted(int(r["votes"]) for r in votes) == sorted(r.votes for r in bundled)
    people = reference(shared_data / "institutions" / "congress_2026_members.csv")
    assert sorted((r["name"], r["party"]) for r in people) == sorted(
        (m.name, m.party) for m in members().members
    )
    cabinet = reference(shared_data / "institutions" / "cabinet_2026.csv")
    assert [r["minister"] for r in cabinet] == [r.minister for r in load("cabinet-2026").rows]


def test_officers_agree_with_the_member_list():
    by_name = {frozenset(fold(m.name).replace(",", "").split()): m for m in members().members}
    checked = 0
    for row in load("congress-2026-officers").rows:
        if not row.party:
            continue
        member = by_name[frozenset(fold(row.person).split())]
        assert (member.party, fold(member.district)) == (row.party, fold(row.district)), row.role
        checked += 1
    assert checked >= 30
    (president,) = [
        r for r in load("congress-2026-officers").rows if r.role.startswith("Presidente del Congreso")
    ]
    assert president.person == "Miguel Ángel Torres Morales" and president.date == dt.date(2026, 7, 29)
    assert len(load("cabinet-2026").rows) == 19


# -- every check fails on a file that breaks it ------------------------------------------------------

# (dataset, the line's start, what it becomes, the field named, words of the message)
BROKEN = [
    (
        "presidential-2026-first-round",
        "2026,1,1,FUERZA POPULAR,Keiko Sofia Fujimori Higuchi,2877678,17.192,",
        "2026,1,1,FUERZA POPULAR,Keiko Sofia Fujimori Higuchi,2877678,17.198,",
        "pct_valid",
        "17.198 is not votes 2877678 / implied_total_valid 16738471 = 17.1920% (within 0.0005)",
    ),
    (
        "congress-2026-deputies-district-seats",
        "2026,deputies,Amazonas,2,Fuerza Popular,FUERZA POPULAR,2,",
        "2026,deputies,Amazonas,2,Fuerza Popular,FUERZA POPULAR,3,",
        "seats",
        "district Amazonas: seats sum to 3, but district_magnitudes.csv:",
    ),
    (
        "congress-2026-deputies-district-seats",
        "2026,deputies,Amazonas,2,",
        "2026,deputies,Amazonas,3,",
        "district_seats",
        "district Amazonas: district_seats is 3, but district_magnitudes.csv:",
    ),
    (
        "congress-2026-seats",
        "2026,senate,Fuerza Popular,FUERZA POPULAR,22,22,",
        "2026,senate,Fuerza Popular,FUERZA POPULAR,23,22,",
        "seats",
        "year 2026, party Fuerza Popular: seats sum to 22, but congress_2026_seats.csv:",
    ),
    (
        "congress-2026-members",
        '2026,deputies,Amazonas,"Castro Grandez, Royser",Fuerza Popular,',
        '2026,deputies,Amazonas,"Castro Grandez, Royser",Ahora Nación,',
        "party",
        "party Ahora Nación: 11 rows, but congress_2026_seats.csv:",
    ),
    (
        "congress-2026-members",
        '2026,deputies,Lambayeque,"Takayama Jimenez, Liliana Milagros",Fuerza Popular,',
        '2026,deputies,Lambayeque,"Takayama Jimenez, Liliana Milagros",Renovación Popular,',
        "party",
        "party Fuerza Popular: 40 rows, but congress_2026_seats.csv:5 has seats = 41",
    ),
    (
        "congress-2026-partial-district-votes",
        "2026,deputies,Lambayeque,5,list,FUERZA POPULAR,120208,",
        "2026,deputies,Lambayeque,5,list,FUERZA POPULAR,120209,",
        "votes",
        "kind list, party FUERZA POPULAR: votes sum to 1817445, but "
        "congress_2026_partial_national_votes.csv:80 has votes = 1817444",
    ),
    (
        "congress-2026-partial-district-votes",
        "2026,deputies,Pasco,2,list,AHORA NACIÓN - AN,7198,85.991% of tallies,85.991,",
        "2026,deputies,Pasco,2,list,AHORA NACIÓN - AN,7198,85.991% of tallies,85.99,",
        "votes",
        "tallies_counted_pct 85.99, date 2026-05-11, kind list, party AHORA NACIÓN - AN has no row in",
    ),
]


@pytest.mark.parametrize(("name", "start", "becomes", "field", "words"), BROKEN)
def test_each_2026_check_fails_with_file_line_and_field(tmp_path, name, start, becomes, field, words):
    spec = spec_of(name)
    lines = (bundled_dir() / spec.file).read_text(encoding="utf-8").splitlines(keepends=True)
    (at,) = [i for i, line in enumerate(lines) if line.startswith(start)]
    lines[at] = becomes + lines[at][len(start) :]
    path = tmp_path / spec.file
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load(name, path)
    error = caught.value
    assert words in error.problem, error.problem
    assert error.field == field and error.line is not None
    assert str(error).startswith(f"{path}:{error.line}:{error.column}: {field}: ")


def test_the_second_source_check_needs_the_disputed_member_named(tmp_path):
    spec = spec_of("congress-2026-members")
    text = (bundled_dir() / spec.file).read_text(encoding="utf-8")
    path = tmp_path / spec.file
    path.write_text(
        text.replace(',Renovación Popular,"Córdova Lobatón, María Jessica",', ",,,"), encoding="utf-8"
    )
    with pytest.raises(
        InputError,
        match=r"party Fuerza Popular: 41 rows, but congress_2026_seats.csv:\d+ has "
        "second_source_seats = 40",
    ):
        load("congress-2026-members", path)


def test_a_seat_file_missing_a_district_is_refused(tmp_path):
    spec = spec_of("congress-2026-senate-district-seats")
    lines = (bundled_dir() / spec.file).read_text(encoding="utf-8").splitlines(keepends=True)
    path = tmp_path / spec.file
    path.write_text("".join(line for line in lines if not line.startswith("2026,senate_district,Tacna,")))
    with pytest.raises(InputError) as caught:
        load("congress-2026-senate-district-seats", path)
    message = str(caught.value)
    assert re.fullmatch(
        re.escape(f"{bundled_dir() / 'district_magnitudes.csv'}:")
        + r"\d+:4: seats: year 2026, chamber senate_district, district TACNA: seats = 1, but "
        r"congress_2026_senate_district_seats\.csv has no row for it",
        message,
    ), message


def test_the_catalog_refuses_checks_that_name_no_column():
    from pydantic import ValidationError

    from curul.data import Check, catalog
    from curul.data._catalog import Catalog

    with pytest.raises(ValidationError, match="a group_count check on x needs against, on"):
        Check(kind="group_count", dataset="x", total="seats")
    with pytest.raises(ValidationError, match="tolerance 'half' is not a number"):
        Check(kind="percent_of", dataset="x", total="t", value="v", percent="p", tolerance="half")
    data = catalog().model_dump()
    data["check"] = [
        *data["check"],
        {"kind": "group_count", "dataset": "congress-2026-members", "against": "congress-2026-seats"}
        | {"total": "seats", "on": ["year", "chamber", "colour"]},
    ]
    with pytest.raises(ValidationError, match=r"unknown columns \['colour'\] of congress-2026-members"):
        Catalog.model_validate(data)
