"""Bundled dated compositions and user CSV compositions."""

from __future__ import annotations

import pytest

from curul.congress import composition, compositions, read_composition_csv
from curul.errors import CurulError, InputError


def test_bundled_compositions_are_complete_and_sourced():
    ids = [c.id for c in compositions()]
    assert ids == ["2016", "2020", "2021-07", "2022-06", "2025-07", "2026-07-senate", "2026-07-deputies"]
    # the unicameral Congress had 130 seats; the bicameral one a Senate of 60 and 130 deputies
    legal = {"congress": 130, "senate": 60, "deputies": 130}
    for c in compositions():
        assert c.total == c.legal_number == legal[c.chamber]
        assert c.source.startswith("http")
        assert c.date is not None


def test_2021_matches_official_seats_dataset():
    # the bundled composition and curul.data's JNE national seats dataset agree party by party
    from curul.data import fold, load

    official = {fold(r.party): r.seats for r in load("congress-2021-national-seats").rows}
    ours = {fold(g.name): g.seats for g in composition("2021-07").groups}
    assert ours == official


def test_unknown_composition_names_the_known_ones():
    with pytest.raises(CurulError, match="2021-07"):
        composition("1999")


def test_group_csv(tmp_path):
    path = tmp_path / "groups.csv"
    path.write_text("group,seats\nA,50\nB,45\nC,35\n", encoding="utf-8")
    comp = read_composition_csv(path)
    assert comp.seats == {"A": 50, "B": 45, "C": 35}
    assert comp.game(66).quota == 66


def test_member_csv(tmp_path):
    path = tmp_path / "members.csv"
    path.write_text("member,group\nAna,A\nBeto,A\nCiro,B\n", encoding="utf-8")
    comp = read_composition_csv(path)
    assert comp.seats == {"A": 2, "B": 1}
    assert comp.member_game(2).labels == ("Ana", "Beto", "Ciro")


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("group,seats\nA,50\nB,many\n", ":3:2: seats: 'many' is not a whole number (digits 0-9 only)"),
        ("group,seats\nA,50\nA,3\n", ":3:1: group: group 'A' listed twice (first on line 2)"),
        ("party,votes\nA,1\n", ":1:1: header must be 'group,seats' or 'member,group'"),
        ("group,seats\nA,-4\n", ":2:2: seats: -4 is negative"),
        ("member,group\nAna,A\nAna,B\n", ":3:1: member: member 'Ana' listed twice (first on line 2)"),
        ("member,group\nAna\n", ":2:2: expected 2 fields as in the header, found 1"),
        ("member,group\nAna,A\nANA,B\n", ":3:1: member: member 'ANA' listed twice (first on line 2)"),
        ("group,seats,extra\nA,1,x\n", ":1:3: unknown column 'extra' (expected: group, seats)"),
        ("group,seats\nA,0\n", ":2:1: no seats in the file"),
        ("member,group\nAna,\u202eA\n", ":2:2: group: has a control or formatting character (U+202E"),
    ],
)
def test_bad_csv_names_line_and_column(tmp_path, text, where):
    path = tmp_path / "bad.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_composition_csv(path)
    assert str(info.value).startswith(str(path) + where)
