"""The roll-call cache: plain arrays that cannot run code; anything else asks for a new import, on one
line, without being executed."""

from __future__ import annotations

import os
import pickle

import pytest

from curul.cli import main
from curul.errors import ArgumentError, InputError
from curul.rollcalls import import_rollcalls, load_rollcalls, save_rollcalls
from curul.rollcalls._cache import cache_dir

from .conftest import write_rollcalls


class _Payload:
    """Unpickling this runs ``touch MARKER``: what a hostile cache file would do."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def test_a_pickle_that_would_run_code_is_refused_and_never_run(tmp_path, capsys):
    marker = tmp_path / "ran"
    path = tmp_path / "rollcalls.pkl"
    path.write_bytes(pickle.dumps(_Payload(marker)))
    with pytest.raises(InputError, match="import again"):
        load_rollcalls(path)
    with pytest.raises(SystemExit) as exit_info:
        main(["rollcalls", "cohesion", "--data", str(path)])
    assert exit_info.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "Traceback" not in captured.err
    assert captured.err.count("\n") == 1 and "import again" in captured.err
    assert not marker.exists()  # the payload never ran


# Pickles naming classes that are not where they were (caches of format 1): refused the same way.
MOVED = {"module": b"ccurul.congress._rollcalls\nRollCalls\n(tR.", "class": b"\x80\x04K\x01."}


@pytest.mark.parametrize("kind", sorted(MOVED))
def test_an_old_pickle_cache_asks_for_a_new_import(tmp_path, kind):
    path = tmp_path / f"{kind}.pkl"
    path.write_bytes(MOVED[kind])
    with pytest.raises(InputError) as info:
        load_rollcalls(path)
    why = "of this version (an older pickle cache, never loaded)"
    assert str(info.value) == f"{path}: not a curul roll-call cache {why}: import again"


def test_foreign_truncated_and_tampered_files(tmp_path):
    junk = tmp_path / "junk.npz"
    junk.write_bytes(b"not a cache")
    with pytest.raises(InputError, match="not a curul roll-call cache: import again"):
        load_rollcalls(junk)
    folder = write_rollcalls(tmp_path / "rc", {"v1": [("A", "Ana", "SI"), ("B", "Beto", "NO")]})
    good = save_rollcalls(import_rollcalls(folder), tmp_path / "rc.npz")
    cut = tmp_path / "cut.npz"
    cut.write_bytes(good.read_bytes()[:100])
    with pytest.raises(InputError, match="unreadable archive"):
        load_rollcalls(cut)


def test_a_written_cache_reads_back(tmp_path):
    folder = write_rollcalls(tmp_path / "rc", {"v1": [("A", "Ana", "SI"), ("B", "Beto", "NO")]})
    rc = import_rollcalls(folder)
    path = save_rollcalls(rc, tmp_path / "rc.npz")
    assert (cache_dir() / "last-import").read_text() == str(path.resolve())
    again = load_rollcalls(path)
    assert again.n_votes == 1 and again.groups == rc.groups and again.checksum() == rc.checksum()
    assert list(again.ballots["category"]) == ["yes", "no"]


def test_a_failed_import_leaves_the_last_import_alone(tmp_path, capsys):
    marker = cache_dir() / "last-import"
    before = marker.read_text() if marker.exists() else None
    folder = write_rollcalls(tmp_path / "rc", {"v1": [("A", "Ana", "SI"), ("B", "Beto", "QUIZÁS")]})
    with pytest.raises(SystemExit):
        main(["rollcalls", "import", str(folder), "--out", str(tmp_path / "x.npz")])
    assert (marker.read_text() if marker.exists() else None) == before
    assert not (tmp_path / "x.npz").exists()


def test_missing_data_names_the_argument(tmp_path):
    with pytest.raises(ArgumentError) as info:
        load_rollcalls(tmp_path / "nowhere")
    assert info.value.argument == "data"
    assert info.value.naming("--data") == f"--data: {tmp_path / 'nowhere'}: no such file or folder"
