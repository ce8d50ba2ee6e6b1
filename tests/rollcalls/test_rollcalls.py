"""The importer against the raw openpolitica files, read independently with the csv module."""

from __future__ import annotations

import csv
from collections import Counter

import pytest

from curul.errors import CurulError, InputError
from curul.rollcalls import BALLOT_CODES, import_rollcalls, load_rollcalls, save_rollcalls

from .conftest import write_rollcalls


def test_loads_every_vote(rollcalls, rollcalls_dir):
    with (rollcalls_dir / "votes.csv").open(encoding="utf-8") as handle:
        raw = list(csv.DictReader(handle))
    assert rollcalls.n_votes == len(raw) == 2226
    assert len(rollcalls.ballots) == 289_281


def test_recorded_totals_equal_ballot_sums_except_listed(rollcalls, rollcalls_dir):
    with (rollcalls_dir / "ballots.csv").open(encoding="utf-8") as handle:
        counts = Counter((r["vote_id"], BALLOT_CODES[r["ballot"]]) for r in csv.DictReader(handle))
    with (rollcalls_dir / "votes.csv").open(encoding="utf-8") as handle:
        votes = list(csv.DictReader(handle))
    fields = {"yes": "yes", "no": "no", "abstain": "abstain", "no_answer": "no_answer",
              "absent": "absent", "on_leave": "leave"}  # fmt: skip
    disagreements = {
        (v["vote_id"], f)
        for v in votes
        for f, cat in fields.items()
        if int(v[f]) != counts[(v["vote_id"], cat)]
    }
    listed = {(c.vote_id, c.field) for c in rollcalls.contradictions}
    assert listed == disagreements
    # the only contradictions: ten votes of 4 Oct 2023 where a FALTO ballot is not in the absent total
    assert len(listed) == 10
    assert all(v.startswith("2023-10-04") and f == "absent" for v, f in listed)


def test_every_source_code_is_normalised(rollcalls):
    assert rollcalls.ballots["category"].isna().sum() == 0
    assert set(rollcalls.ballots["ballot"]) <= set(BALLOT_CODES)


def test_cache_round_trip(rollcalls, tmp_path):
    path = save_rollcalls(rollcalls, tmp_path / "rc.npz")
    again = load_rollcalls(path)
    assert again.n_votes == rollcalls.n_votes
    assert again.contradictions == rollcalls.contradictions
    assert load_rollcalls().n_votes == rollcalls.n_votes  # remembered as the last import


def test_self_consistent_small_folder(tmp_path):
    folder = write_rollcalls(tmp_path / "rc", {"v1": [("A", "Ana", "SI"), ("B", "Beto", "NO")]})
    rc = import_rollcalls(folder)
    assert rc.contradictions == ()
    assert rc.groups == {"A": "GROUP A", "B": "GROUP B"}


def test_unknown_code_names_the_line(tmp_path):
    folder = write_rollcalls(tmp_path / "rc", {"v1": [("A", "Ana", "SI"), ("B", "Beto", "MAYBE")]})
    with pytest.raises(InputError) as info:
        import_rollcalls(folder)
    assert str(info.value) == f"{folder / 'ballots.csv'}:3:4: ballot: unknown ballot code 'MAYBE'"


def test_duplicate_ballot_is_refused(tmp_path):
    folder = write_rollcalls(tmp_path / "rc", {"v1": [("A", "Ana", "SI"), ("A", "Ana", "NO")]})
    with pytest.raises(
        InputError,
        match=r"ballots.csv:3:1: vote_id: duplicate row \(vote_id=v1, member=Ana\) already on line 2",
    ):
        import_rollcalls(folder)


def test_missing_column_and_missing_folder(tmp_path):
    folder = write_rollcalls(tmp_path / "rc", {"v1": [("A", "Ana", "SI")]})
    (folder / "ballots.csv").write_text("vote_id,member,ballot\nv1,Ana,SI\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"ballots.csv:1:4: header lacks column 'group'"):
        import_rollcalls(folder)
    with pytest.raises(CurulError, match="not a folder"):
        import_rollcalls(tmp_path / "nowhere")


def test_contradiction_is_listed_not_fixed(tmp_path):
    folder = write_rollcalls(tmp_path / "rc", {"v1": [("A", "Ana", "SI"), ("B", "Beto", "SI")]})
    text = (folder / "votes.csv").read_text(encoding="utf-8").replace(",2,2,0,", ",2,3,0,", 1)
    (folder / "votes.csv").write_text(text, encoding="utf-8")
    rc = import_rollcalls(folder)
    assert [c.as_dict() for c in rc.contradictions] == [
        {"vote_id": "v1", "field": "yes", "recorded": 3, "from_ballots": 2}
    ]
    assert int(rc.votes["yes"].iloc[0]) == 3  # the recorded figure is kept as recorded
