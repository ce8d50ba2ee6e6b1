"""The 2026 Deputies magnitudes follow from the electorate: 1 per district (abroad 2) + 102 by Hare."""

import json
from importlib.resources import files

import pytest

from curul.data import load
from curul.elections import (
    apportion_deputies_2026,
    deputies_apportionment,
    electorate_2026,
    load_system,
    parse_electors,
    read_electorate,
)
from curul.errors import ArgumentError, CurulError, InputError
from curul.report import to_json

# Tumbes and Ucayali could not be read from the source. Bounds used here: Tumbes between its 2016 roll
# (156,120; ONPE via diarioep.pe) and its final 2026 roll (181,317; Reniec via gestion.pe); Ucayali
# between 400,000 and 600,000 (its 2016 roll was 336,888 and Peru21 reports 12.35% growth since 2021).
TUMBES = (156_120, 181_317)
UCAYALI = (400_000, 600_000)


def _official():
    return {
        r.district: r.seats
        for r in load("district-magnitudes").rows
        if r.year == 2026 and r.chamber == "deputies"
    }


@pytest.mark.parametrize("tumbes", TUMBES)
@pytest.mark.parametrize("ucayali", UCAYALI)
def test_reproduces_res_0053_2025_jne(tumbes, ucayali):
    electorate = electorate_2026()
    assert sorted(electorate.missing) == ["TUMBES", "UCAYALI"]
    electors = dict(electorate.electors) | {"TUMBES": tumbes, "UCAYALI": ucayali}
    result = apportion_deputies_2026(electors)
    assert result.seats == _official()
    assert result.seats["LIMA METROPOLITANA"] == 32 and result.proportional.seats["LIMA METROPOLITANA"] == 31
    assert sum(result.proportional.seats.values()) == 102 and not result.proportional.ties


def test_missing_figures_are_refused_not_guessed():
    with pytest.raises(CurulError, match="TUMBES"):
        apportion_deputies_2026(dict(electorate_2026().electors))


def _electors():
    return dict(electorate_2026().electors) | {"TUMBES": TUMBES[0], "UCAYALI": UCAYALI[0]}


def test_the_rule_is_the_system_files_apportionment_table():
    rule = load_system("peru-2026-deputies").apportionment
    assert rule is not None and rule.method == "hare" and rule.law.startswith("JNE Res. 0053-2025-JNE")
    assert (rule.seats_per_district, rule.by_electorate) == (1, 102)
    assert dict(rule.fixed_only) == {"PERUANOS RESIDENTES EN EL EXTRANJERO": 2}
    assert len(rule.proportional_districts) == 26
    assert load_system("peru-2026-senate").apportionment is None


def _copy(tmp_path, *changes):
    text = (files("curul.elections") / "systems" / "peru-2026-deputies.toml").read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text
        text = text.replace(old, new)
    path = tmp_path / "reform.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_an_edited_copy_of_the_table_changes_the_apportionment(tmp_path):
    bundled = apportion_deputies_2026(_electors())
    # two seats per district instead of one: 2 × 26 + 2 abroad + 76 by electorate = 130
    reform = _copy(tmp_path, ("seats_per_district = 1", "seats_per_district = 2"), ("= 102", "= 76"))
    edited = apportion_deputies_2026(_electors(), system=reform)
    assert sum(edited.seats.values()) == 130 and sum(edited.proportional.seats.values()) == 76
    assert edited.seats["MADRE DE DIOS"] == 2 + edited.proportional.seats["MADRE DE DIOS"]
    assert edited.seats != bundled.seats and edited.seats["LIMA METROPOLITANA"] < 32
    dhondt = apportion_deputies_2026(
        _electors(), system=_copy(tmp_path, ('method = "hare"', 'method = "dhondt"'))
    )
    assert dhondt.proportional.method == "dhondt" and dhondt.seats != bundled.seats


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ("by_electorate = 102", "by_electorate = 100"),
            r"apportionment: 1 × 26 districts \+ 2 fixed \+ 100",
        ),
        (('method = "hare"', 'method = "lottery"'), "apportionment.method: unknown method 'lottery'"),
        (("published_in", "publisher"), r"apportionment: unknown key\(s\) publisher"),
        (('"PERUANOS RESIDENTES EN EL EXTRANJERO" = 2', '"ATLANTIDA" = 2'), "fixed_only: 'ATLANTIDA' is not"),
        (("seats_per_district = 1", "seats_per_district = -1"), "apportionment.seats_per_district: expected"),
        (('law = "JNE Res. 0053-2025-JNE; LOE', 'lax = "JNE'), "unknown key"),
    ],
)
def test_bad_apportionment_tables_name_the_file_and_key(tmp_path, change, message):
    path = _copy(tmp_path, change)
    with pytest.raises(CurulError, match=message) as exc:
        load_system(path)
    # placed at the table's header, line 100 of the bundled peru-2026-deputies.toml the copy is made of
    assert str(exc.value).startswith(f"{path}:100:1: apportionment")


def test_a_system_without_the_table_cannot_apportion():
    with pytest.raises(CurulError, match="peru-2021 has no \\[apportionment\\] table"):
        apportion_deputies_2026(_electors(), system="peru-2021")


APPORTION_KEYS = [
    "chamber",
    "year",
    "law",
    "seats",
    "fixed",
    "proportional",
    "quota",
    "electorate",
    "official",
    "matches",
    "ties",
    "sources",
]


def test_the_checked_apportionment_is_what_curul_apportion_prints(curul_cli):
    result = deputies_apportionment({"TUMBES": 170_000, "ucayali": 420_000})
    data = result.as_dict()
    assert list(data) == APPORTION_KEYS and data["matches"] and data["law"] == result.system.apportionment.law
    assert "TUMBES" not in data["sources"] and "LIMA METROPOLITANA" in data["sources"]
    done = curul_cli("apportion", "--set", "TUMBES=170000", "--set", "ucayali=420000", "--json")
    assert json.loads(done.stdout) == json.loads(to_json(result))
    frame = result.to_frame()
    assert list(frame.columns) == ["electors", "fixed", "by_electorate", "total", "official"]
    assert (frame["total"] == frame["official"]).all() and frame.index[0] == "LIMA METROPOLITANA"
    html = result._repr_html_()
    assert "2026 Chamber of Deputies: seats per district" in html and "curul-ok" in html
    assert result.report().to_text().endswith("electors per seat; reproduces JNE Res. 0053-2025-JNE")


def test_a_plain_apportionment_is_a_result_too():
    result = apportion_deputies_2026(_electors())
    assert set(result.as_dict()) == {"seats", "fixed", "proportional", "quota", "ties"}
    assert result.to_frame().loc["PERUANOS RESIDENTES EN EL EXTRANJERO", "fixed"] == 2
    assert "Hare quota" in result.report().to_text() and "<table" in result._repr_html_()


def test_electorate_readers(tmp_path):
    path = tmp_path / "electorate.csv"
    path.write_text("district,electors,note\nTumbes,170000,x\n\nUCAYALI,420000,y\n", encoding="utf-8")
    assert read_electorate(path) == {"Tumbes": 170_000, "UCAYALI": 420_000}
    assert parse_electors(["TUMBES=170000", "lima provincias=5"]) == {"TUMBES": 170_000, "lima provincias": 5}
    with pytest.raises(ArgumentError) as exc:
        parse_electors(["TUMBES=0"])
    assert exc.value.argument == "assignments"
    assert (
        exc.value.naming("--set")
        == "--set 'TUMBES=0': expected DISTRICT=ELECTORS with a positive whole number"
    )
    path.write_text("district,voters\nTUMBES,5\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"1:2: unknown column 'voters' \(expected: district, electors;"):
        read_electorate(path)
    with pytest.raises(InputError, match="no such file"):
        read_electorate(tmp_path / "none.csv")
    huge = "9" * 5000  # int() of it would raise Python's own digit-limit error
    with pytest.raises(ArgumentError) as exc:
        parse_electors([f"TUMBES={huge}"])
    assert exc.value.naming("--set").endswith(
        "positive whole number (99999999999999999999… (5000 digits) is larger than 1,000,000,000,000)"
    )
    for text, message in (
        ("district,electors\nTUMBES,\xff\n", "electorate.csv:2:8: not UTF-8 text: byte 0xff cannot be read"),
        (
            "district,electors\nTUMBES,0\n",
            "electorate.csv:2:2: electors: electors must be a positive whole number",
        ),
        (
            "district,electors\nTUMBES,1\ntumbes,2\n",
            "electorate.csv:3:1: district: duplicate row (district=tumbes)",
        ),
        ("district,electors,x\nTUMBES,1,2\n", "electorate.csv:1:3: unknown column 'x'"),
        ("district,electors\n", "electorate.csv:2:1: no district rows (only a header)"),
        (
            "district,electors\nTUMBES,1\nNOWHERE,2\n",
            "electorate.csv:3:1: district: unknown district 'NOWHERE'; districts: AMAZONAS, ANCASH,",
        ),
    ):
        path.write_bytes(text.encode("latin-1"))
        with pytest.raises(InputError) as caught:
            read_electorate(path)
        assert str(caught.value).startswith(f"{tmp_path}/{message}"), str(caught.value)


def test_missing_figures_name_the_argument_that_gives_them():
    with pytest.raises(ArgumentError) as exc:
        deputies_apportionment({"TUMBES": 170_000})
    assert exc.value.argument == "overrides"
    assert exc.value.naming("--set").startswith("no sourced electorate for UCAYALI; give --set UCAYALI=N (")
    with pytest.raises(CurulError, match="unknown district 'ATLANTIDA'"):
        deputies_apportionment({"Atlantida": 5})
    with pytest.raises(ArgumentError, match="positive whole number"):
        deputies_apportionment({"TUMBES": -5})
