"""The roll-call reader (``VOTES_FILE``, ``BALLOTS_FILE``, ``GROUPS_FILE`` through curul.inputs): each
refusal's exact message on a small folder mutated one cell at a time, and nothing written on failure.

The folder is written by ``write_rollcalls`` (three members, two votes, totals from the ballots); each
case replaces one piece of text in one file and expects the one line ``file:line:column: field: problem``
(README, "Input files and options").
"""

from __future__ import annotations

import pytest

from curul.errors import CurulError, InputError
from curul.rollcalls import import_rollcalls

from .conftest import write_rollcalls

BALLOTS = {
    "v1": [("A", "Ana", "SI"), ("B", "Beto", "NO"), ("A", "Cleo", "ABSTENCION")],
    "v2": [("A", "Ana", "SI"), ("B", "Beto", "SI"), ("A", "Cleo", "NO")],
}
# votes.csv row 2 (v1) reads: v1,2022-01-01,10:00,"MOTION 0",CHAIR,3,3,1,1,1,0,0,0,… — "no" is column 9
TOTALS_V1 = ",3,3,1,1,1,"

V, B = "votes.csv", "ballots.csv"
CASES = [
    # (file, text, replacement, message after the file name)
    (V, "2022-01-01,10:00", "0000-01-01,10:00", ":2:2: date: '0000-01-01' is not a date (YYYY-MM-DD)"),
    (V, "2022-01-01,10:00", "1899-12-31,10:00", ":2:2: date: 1899-12-31 is outside 1900-01-01..2100-12-31"),
    (V, "2022-01-01,10:00", "2022-02-30,10:00", ":2:2: date: '2022-02-30' is not a date (YYYY-MM-DD)"),
    (V, "2022-01-01,10:00", "2022-01-01,25:00", ":2:3: time: '25:00' is not a time of day (HH:MM)"),
    (V, TOTALS_V1, ",3,3,1,-1,1,", ":2:9: no: -1 is negative"),
    (V, TOTALS_V1, ",3,3,1,1.5,1,", ":2:9: no: '1.5' is not a whole number (digits 0-9 only)"),
    (V, TOTALS_V1, ",3,3,1,,1,", ":2:9: no: is empty, expected a whole number"),
    (V, TOTALS_V1, ",3,3,1,inf,1,", ":2:9: no: 'inf' is not a whole number (digits 0-9 only)"),
    (V, TOTALS_V1, ",3,3,1,１,1,", ":2:9: no: '１' is not a whole number (digits 0-9 only)"),
    (V, TOTALS_V1, ",3,3,1,1_0,1,", ":2:9: no: '1_0' is not a whole number (digits 0-9 only)"),
    (V, "v2,2022-01-02", "v1,2022-01-02", ":3:1: vote_id: duplicate row (vote_id=v1) already on line 2"),
    (V, '"MOTION 0"', '""', ":2:4: subject: is empty"),
    (V, "\n", "\nv3,2022-01-03,10:00,M,C,3,0,0,0,0,0,0,0,p,l,s\n",
     ":2:1: vote_id: vote 'v3' has no ballots in ballots.csv"),
    (B, '"Ana"', '"An\x1ba"', ":2:3: member: has a control or formatting character (U+001B at position 3)"),
    (B, '"Ana"', '"An\u202ea"', ":2:3: member: has a control or formatting character (U+202E at position 3)"),
    (B, '"Beto"', '"ÁNA"', ":3:1: vote_id: duplicate row (vote_id=v1, member=ÁNA) already on line 2"),
    (B, '"Ana",SI', '"Ana",SI,X', ":2:5: expected 4 fields as in the header, found 5"),
    (B, '"Ana",SI', '"Ana"', ":2:4: expected 4 fields as in the header, found 3"),
    (B, "member,ballot", "member,vote",
     ":1:4: unknown column 'vote' (expected: vote_id, group, member, ballot)"),
    (B, "member,ballot", "member,ballot,member", ":1:5: column 'member' appears twice in the header"),
    (B, "vote_id,group,", "vote_id,",
     ":1:4: header lacks column 'group' (expected: vote_id, group, member, ballot)"),
    (B, '"Beto",NO', '"Beto",MAYBE', ":3:4: ballot: unknown ballot code 'MAYBE'"),
    (B, "v1,B,", "v9,B,", ":3:1: vote_id: vote 'v9' is not in votes.csv"),
    (B, "v1,B,", "v1,,", ":3:2: group: is empty"),
    ("groups.csv", "B,GROUP B", "a,GROUP A2", ":3:1: group: duplicate row (group=a) already on line 2"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "text", "replacement", "message"), CASES)
def test_each_refusal_is_one_located_line(tmp_path, name, text, replacement, message):
    folder = write_rollcalls(tmp_path / "rc", BALLOTS)
    path = folder / name
    content = path.read_text(encoding="utf-8")
    assert text in content
    path.write_text(content.replace(text, replacement, 1), encoding="utf-8")
    with pytest.raises(InputError) as info:
        import_rollcalls(folder)
    assert str(info.value) == f"{path}{message}"


def test_the_fixture_itself_is_accepted(tmp_path):
    rc = import_rollcalls(write_rollcalls(tmp_path / "rc", BALLOTS))
    assert rc.n_votes == 2 and len(rc.ballots) == 6 and rc.contradictions == ()


def test_a_subject_over_several_lines_is_read_as_one(tmp_path):
    folder = write_rollcalls(tmp_path / "rc", BALLOTS)
    path = folder / "votes.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace("MOTION 0", "MOTION\r\n  ZERO"), encoding="utf-8"
    )
    rc = import_rollcalls(folder)
    assert rc.votes.set_index("vote_id").at["v1", "subject"] == "MOTION ZERO"


def test_missing_files(tmp_path):
    folder = write_rollcalls(tmp_path / "rc", BALLOTS)
    (folder / "ballots.csv").unlink()
    with pytest.raises(InputError) as info:
        import_rollcalls(folder)
    assert str(info.value) == f"{folder / 'ballots.csv'}: no such file"
    with pytest.raises(CurulError, match=r"not a folder with votes\.csv and ballots\.csv"):
        import_rollcalls(tmp_path / "nowhere")
