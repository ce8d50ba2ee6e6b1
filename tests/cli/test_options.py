"""Output paths are checked before any work: folder exists and is writable, name valid, right suffix."""

from __future__ import annotations

import os

import pytest

from curul.cli._options import output_file, output_folder
from curul.errors import CurulError


def test_a_good_output_path_passes(tmp_path):
    assert output_file(tmp_path / "chart.svg", "--svg", (".svg",)) == tmp_path / "chart.svg"
    assert output_file(None, "--svg", (".svg",)) is None
    assert output_folder(tmp_path, "--out") == tmp_path


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda t: t / "missing" / "chart.svg", "the folder"),
        (lambda t: t / "chart.png", "must end in .svg"),
        (lambda t: t / ("x" * 300 + ".svg"), "not valid"),
        (lambda t: t / "..", "not a file name"),
    ],
)
def test_bad_output_paths_are_refused_with_the_option(tmp_path, make, words):
    with pytest.raises(CurulError, match=f"^--svg: .*{words}"):
        output_file(make(tmp_path), "--svg", (".svg",))
    assert list(tmp_path.iterdir()) == []  # nothing created


def test_a_folder_or_a_fifo_is_not_an_output_file(tmp_path):
    (tmp_path / "out.svg").mkdir()
    with pytest.raises(CurulError, match="is a folder"):
        output_file(tmp_path / "out.svg", "--svg", (".svg",))
    os.mkfifo(tmp_path / "pipe.svg")
    with pytest.raises(CurulError, match="not a regular file"):
        output_file(tmp_path / "pipe.svg", "--svg", (".svg",))


def test_csv_of_a_table_to_a_file_and_to_stdout(tmp_path, curul_cli):
    import csv as csvlib

    target = tmp_path / "seats.csv"
    done = curul_cli("data", "show", "congress-2016-district-seats", "--csv", str(target), "--json")
    assert done.returncode == 0, done.stderr
    rows = list(csvlib.DictReader(target.read_text(encoding="utf-8").splitlines()))
    assert len(rows) == 60 and sum(int(r["seats"]) for r in rows) == 130  # 2016: 130 seats
    piped = curul_cli("data", "list", "--csv", "-")
    listing = list(csvlib.DictReader(piped.stdout.splitlines()))
    assert listing[0]["name"] == "district-magnitudes" and "[" not in listing[0]["columns"]
    bad = curul_cli("data", "show", "congress-2016-district-seats", "--csv", str(tmp_path / "x.txt"))
    assert bad.returncode == 2 and "must end in .csv" in bad.stderr and bad.stdout == ""
