"""The 2026 Deputies magnitudes follow from the electorate: 1 per district (abroad 2) + 102 by Hare."""

from importlib.resources import files

import pytest

from curul.data import load
from curul.elections import apportion_deputies_2026, electorate_2026, load_system
from curul.errors import CurulError

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
    assert str(exc.value).startswith(f"{path}: apportionment")


def test_a_system_without_the_table_cannot_apportion():
    with pytest.raises(CurulError, match="peru-2021 has no \\[apportionment\\] table"):
        apportion_deputies_2026(_electors(), system="peru-2021")
