"""The roll-call cache: a cache this version cannot read asks for a new import, on one line."""

from __future__ import annotations

import pickle

import pytest

from curul.cli import main
from curul.errors import ArgumentError, InputError
from curul.rollcalls import import_rollcalls, load_rollcalls, save_rollcalls

from .conftest import write_rollcalls

# Pickles naming classes that are not where they were: a module that has gone (the importer lived in
# curul.congress before curul.rollcalls existed) and a class that has been renamed.
MOVED = {
    "module": b"ccurul.congress._rollcalls\nRollCalls\n(tR.",
    "class": b"ccurul.rollcalls._rollcalls\nOldRollCalls\n(tR.",
}


@pytest.mark.parametrize("kind", sorted(MOVED))
def test_a_cache_naming_a_moved_class_asks_for_a_new_import(tmp_path, kind):
    path = tmp_path / f"{kind}.pkl"
    path.write_bytes(MOVED[kind])
    with pytest.raises(InputError) as info:
        load_rollcalls(path)
    assert str(info.value) == f"{path}: not a curul roll-call cache of this version: import again"


def test_the_command_says_so_on_one_line(tmp_path, capsys):
    path = tmp_path / "old.pkl"
    path.write_bytes(MOVED["module"])
    with pytest.raises(SystemExit) as exit_info:
        main(["rollcalls", "cohesion", "--data", str(path)])
    assert exit_info.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "Traceback" not in captured.err
    assert captured.err.count("\n") == 1 and "import again" in captured.err


def test_other_formats_and_foreign_files(tmp_path):
    other = tmp_path / "other.pkl"
    other.write_bytes(pickle.dumps({"format": 0}))
    with pytest.raises(InputError, match="of this version: import again"):
        load_rollcalls(other)
    junk = tmp_path / "junk.pkl"
    junk.write_bytes(b"not a pickle")
    with pytest.raises(InputError, match="not a curul roll-call cache"):
        load_rollcalls(junk)


def test_a_written_cache_reads_back(tmp_path):
    folder = write_rollcalls(tmp_path / "rc", {"v1": [("A", "Ana", "SI"), ("B", "Beto", "NO")]})
    rc = import_rollcalls(folder)
    again = load_rollcalls(save_rollcalls(rc, tmp_path / "rc.pkl"))
    assert again.n_votes == 1 and again.groups == rc.groups
    assert list(again.ballots["category"]) == ["yes", "no"]


def test_missing_data_names_the_argument(tmp_path):
    with pytest.raises(ArgumentError) as info:
        load_rollcalls(tmp_path / "nowhere")
    assert info.value.argument == "data"
    assert info.value.naming("--data") == f"--data: {tmp_path / 'nowhere'}: no such file or folder"
