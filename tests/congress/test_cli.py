"""The congress commands through the real CLI: JSON keys, files written, one-line errors with exit 2."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest

from curul.cli import main
from curul.congress import WeightedGame, power_indices

from .conftest import write_rollcalls


def run(capsys, *args: str) -> tuple[int, str, str]:
    try:
        main(list(args))
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_power_numeric_threshold_json(capsys):
    code, out, _ = run(capsys, "power", "--composition", "2021-07", "--threshold", "87", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["threshold"]["votes"] == 87
    assert set(data["rows"][0]) == {"group", "seats", "banzhaf", "banzhaf_absolute", "shapley_shubik"}
    assert sum(r["shapley_shubik"] for r in data["rows"]) == pytest.approx(1)
    assert data["rows"][0]["group"] == "PL"


def test_power_procedure_threshold(capsys):
    code, out, _ = run(capsys, "power", "-c", "2021-07", "-t", "vacancy.approval", "--json")
    assert code == 0
    threshold = json.loads(out)["threshold"]
    assert threshold["votes"] == 87
    assert threshold["procedure"] == "vacancy.approval"
    assert "130" in threshold["arithmetic"]


def test_power_members_csv(capsys, tmp_path):
    path = tmp_path / "members.csv"
    path.write_text("member,group\n" + "".join(f"m{i},{'AB'[i % 2]}\n" for i in range(130)), encoding="utf-8")
    code, out, _ = run(capsys, "power", "-c", str(path), "-t", "66", "--members", "--json")
    assert code == 0
    rows = json.loads(out)["rows"]
    assert len(rows) == 130
    assert [r["shapley_shubik"] for r in rows] == pytest.approx([1 / 130] * 130)
    assert set(rows[0]) == {"member", "group", "seats", "banzhaf", "banzhaf_absolute", "shapley_shubik"}
    code, out, _ = run(capsys, "power", "-c", str(path), "-t", "66", "--members", "--by-group", "--json")
    grouped = {r["group"]: r for r in json.loads(out)["rows"]}
    assert grouped["A"]["shapley_shubik"] == pytest.approx(0.5)


def test_power_group_csv_matches_library(capsys, tmp_path):
    path = tmp_path / "groups.csv"
    path.write_text("group,seats\nX,40\nY,35\nZ,30\nW,25\n", encoding="utf-8")
    code, out, _ = run(capsys, "power", "-c", str(path), "-t", "66", "--json")
    assert code == 0
    expected = power_indices(WeightedGame.of({"X": 40, "Y": 35, "Z": 30, "W": 25}, 66))
    got = [r["banzhaf"] for r in json.loads(out)["rows"]]
    assert got == [float(b) for b in expected.banzhaf]


def test_bicameral_power(capsys, tmp_path):
    deputies = tmp_path / "deputies.csv"
    deputies.write_text("group,seats\nA,70\nB,60\n", encoding="utf-8")
    senate = tmp_path / "senate.csv"
    senate.write_text("group,seats\nA,25\nB,35\n", encoding="utf-8")
    code, out, _ = run(
        capsys, "power", "-c", str(deputies), "-t", "87", "--senate", str(senate),
        "--senate-threshold", "40", "--json",
    )  # fmt: skip
    assert code == 0
    data = json.loads(out)
    # both chambers need both groups (A 70 < 87, B 35 < 40): four players, all needed
    assert [r["shapley_shubik"] for r in data["rows"]] == [0.25] * 4
    assert {r["chamber"] for r in data["rows"]} == {"deputies", "senate"}


def test_coalitions_json(capsys):
    code, out, _ = run(capsys, "coalitions", "-c", "2016", "-t", "66", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["count"] == 1
    assert data["minimal_winning"] == [{"groups": ["FP"], "seats": 73, "surplus": 7}]
    assert data["veto"] == ["FP"]


def test_compositions_list(capsys):
    code, out, _ = run(capsys, "compositions", "--json")
    assert code == 0
    assert [c["id"] for c in json.loads(out)["compositions"]] == [
        "2016",
        "2020",
        "2021-07",
        "2022-06",
        "2025-07",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["power", "-c", "1999", "-t", "66"], "unknown composition '1999'"),
        (["power", "-c", "2021-07", "-t", "200"], "threshold 200 exceeds the 130 votes"),
        (["power", "-c", "2021-07", "-t", "66", "--members"], "has no member list"),
        (["power", "-c", "rollcalls:2021-13-01", "-t", "66"], "--composition: not a date"),
        (["coalitions", "-c", "2021-07", "-t", "66", "--habiles"], "--habiles needs a composition"),
    ],
)
def test_bad_options_exit_2_with_one_line(capsys, args, message):
    code, out, err = run(capsys, *args)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and message in err


def test_bad_csv_exit_2_names_place(capsys, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("group,seats\nA,50\nB,lots\n", encoding="utf-8")
    code, _, err = run(capsys, "power", "-c", str(path), "-t", "30")
    assert code == 2
    assert f"{path}:3:2: seats: not a whole number" in err


def test_import_bad_folder_writes_nothing(capsys, tmp_path):
    folder = write_rollcalls(tmp_path / "rc", {"v1": [("A", "Ana", "SI"), ("B", "Beto", "QUIZÁS")]})
    cache = tmp_path / "out" / "rc.pkl"
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


def test_single_member_share_is_exact():
    result = power_indices(WeightedGame.members([f"m{i}" for i in range(130)], 87))
    assert result.shapley_shubik[0] == Fraction(1, 130)


def test_procedure_counted_on_present(capsys):
    code, out, _ = run(
        capsys, "coalitions", "-c", "2021-07", "-t", "board.censure", "--present", "117", "--json"
    )
    assert code == 0
    threshold = json.loads(out)["threshold"]
    assert threshold["votes"] == 117 // 2 + 1  # simple majority of those present (R15)


def test_joint_bicameral_power(capsys, tmp_path):
    deputies = tmp_path / "deputies.csv"
    deputies.write_text("group,seats\nA,70\nB,60\n", encoding="utf-8")
    senate = tmp_path / "senate.csv"
    senate.write_text("group,seats\nA,25\nB,30\nC,5\n", encoding="utf-8")
    code, out, _ = run(
        capsys, "power", "-c", str(deputies), "-t", "87", "--senate", str(senate),
        "--senate-threshold", "40", "--joint", "--json",
    )  # fmt: skip
    assert code == 0
    rows = {r["group"]: r for r in json.loads(out)["rows"]}
    # A + B is the only minimal way to 87 deputies and it has 55 senators: C is never needed
    assert rows["C"]["seats_first"] == 0 and rows["C"]["shapley_shubik"] == 0
    assert rows["A"]["shapley_shubik"] == rows["B"]["shapley_shubik"] == 0.5
