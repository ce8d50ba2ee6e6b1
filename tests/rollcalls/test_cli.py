"""The roll-call commands through the real CLI: JSON keys, files written, one-line errors with exit 2."""

from __future__ import annotations

import json

import pytest

from curul.cli import main

from .conftest import write_rollcalls


def run(capsys, *args: str) -> tuple[int, str, str]:
    try:
        main(list(args))
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_import_bad_folder_writes_nothing(capsys, tmp_path):
    folder = write_rollcalls(tmp_path / "rc", {"v1": [("A", "Ana", "SI"), ("B", "Beto", "QUIZÁS")]})
    cache = tmp_path / "out" / "rc.pkl"
    cache.parent.mkdir()  # an --out in a missing folder is refused before the import is read
    code, out, err = run(capsys, "rollcalls", "import", str(folder), "--out", str(cache))
    assert code == 2 and out == ""
    assert "ballots.csv:3:4: ballot: unknown ballot code" in err
    assert not cache.exists()


def test_import_and_analytics(capsys, tmp_path, rollcalls_dir):
    cache = tmp_path / "rc.pkl"
    code, out, _ = run(capsys, "rollcalls", "import", str(rollcalls_dir), "--out", str(cache), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["votes"] == 2226
    assert len(data["contradictions"]) == 10

    png = tmp_path / "cohesion.png"
    code, out, _ = run(
        capsys, "rollcalls", "cohesion", "--data", str(cache), "--from", "2022-01-01", "--to", "2022-06-30",
        "--plot", str(png), "--json",
    )  # fmt: skip
    assert code == 0 and png.read_bytes().startswith(b"\x89PNG")
    data = json.loads(out)
    assert {"summary", "over_time", "votes", "plot"} <= set(data)

    code, out, _ = run(
        capsys, "rollcalls", "members", "--data", str(cache), "--member", "reyes cam", "--json"
    )
    assert code == 0
    [member] = json.loads(out)["members"]
    assert member["member"] == "REYES CAM, ABEL AUGUSTO"
    assert 0 <= member["attendance"] <= 1

    svg = tmp_path / "ideal.svg"
    code, out, _ = run(
        capsys, "rollcalls", "ideal", "--data", str(cache), "--from", "2021-07-01", "--to", "2021-12-31",
        "--anchor", "agüero gutiérrez", "--plot", str(svg), "--json",
    )  # fmt: skip
    assert code == 0 and b"<svg" in svg.read_bytes()[:500]
    data = json.loads(out)
    assert data["anchor"] == "AGÜERO GUTIÉRREZ, MARÍA ANTONIETA"
    anchor_row = next(r for r in data["members"] if r["member"] == data["anchor"])
    assert anchor_row["dim1"] > 0

    code, out, _ = run(capsys, "rollcalls", "votes", "--data", str(cache), "--kind", "vacancy", "--json")
    assert json.loads(out)["count"] == 7


def test_predict_one_vote(capsys, rollcalls_dir):
    code, out, _ = run(
        capsys, "rollcalls", "predict", "--data", str(rollcalls_dir), "--vote", "2021-12-07T19-46",
        "--threshold", "52", "--json",
    )  # fmt: skip
    assert code == 0
    data = json.loads(out)
    assert data["recorded_yes"] == 46 and data["threshold"] == 52 and data["passed"] is False
    assert 0 <= data["p_pass"] <= 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["rollcalls", "predict"], "exactly one of"),
        (["rollcalls", "predict", "--vote", "nope"], "no vote 'nope'"),
        (["rollcalls", "cohesion", "--freq", "decade"], "--freq"),
        (["rollcalls", "ideal", "--anchor", "zzz"], "no member matches"),
        (["rollcalls", "ideal", "--dims", "3", "--from", "2021-08-01", "--to", "2021-09-30"], "--dims"),
        (["rollcalls", "cohesion", "--from", "2030-01-01"], "no votes"),
        (["rollcalls", "cohesion", "--from", "yesterday"], "--from: not a date"),
    ],
)
def test_bad_rollcall_options(capsys, rollcalls_dir, args, message):
    code, out, err = run(capsys, *args, "--data", str(rollcalls_dir))
    assert code == 2 and out == ""
    assert message in err and err.count("\n") == 1


def test_missing_data_path(capsys, tmp_path):
    code, _, err = run(capsys, "rollcalls", "cohesion", "--data", str(tmp_path / "none"))
    assert code == 2 and "no such file or folder" in err
