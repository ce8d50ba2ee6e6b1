"""The congress commands through the real CLI: JSON keys, files written, one-line errors with exit 2."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest

from curul.cli import main
from curul.congress import WeightedGame, power_indices

# Every row gives each index as a float and as an exact fraction in text.
INDEX_KEYS = ("banzhaf", "banzhaf_absolute", "shapley_shubik")
INDEX_KEYS += tuple(f"{k}_exact" for k in INDEX_KEYS)


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
    assert set(data["rows"][0]) == {"group", "seats", *INDEX_KEYS}
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
    assert set(rows[0]) == {"member", "group", "seats", *INDEX_KEYS}
    assert rows[0]["shapley_shubik_exact"] == "1/130"  # 130 equal members: 1/130 each, exactly
    code, out, _ = run(capsys, "power", "-c", str(path), "-t", "66", "--members", "--by-group", "--json")
    grouped = {r["group"]: r for r in json.loads(out)["rows"]}
    assert grouped["A"]["shapley_shubik"] == pytest.approx(0.5)
    assert grouped["A"]["shapley_shubik_exact"] == "1/2"  # 65 members x 1/130, summed as fractions


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
        "2026-07-senate",
        "2026-07-deputies",
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
    assert f"{path}:3:2: seats: 'lots' is not a whole number (digits 0-9 only)" in err


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


# -- the bicameral Congress from July 2026 (peru-rules.md §2.3: 39, 40% of hábiles, 87, 40) ----------


@pytest.mark.parametrize(
    ("comp", "procedure", "votes", "rule", "chamber"),
    [
        ("2026-07-deputies", "vacancy.approval", 87, "B4", "deputies"),
        ("2026-07-senate", "vacancy.approval", 40, "B5", "senate"),
        ("2026-07-deputies", "vacancy.admission", 52, "B2", "deputies"),
        ("2026-07-deputies", "vacancy.filing", 39, "B1", "deputies"),
    ],
)
def test_power_on_a_2026_chamber_uses_its_rule(capsys, comp, procedure, votes, rule, chamber):
    code, out, _ = run(capsys, "power", "-c", comp, "-t", procedure, "--json")
    assert code == 0
    threshold = json.loads(out)["threshold"]
    assert (threshold["votes"], threshold["rule_id"], threshold["chamber"]) == (votes, rule, chamber)
    assert threshold["confirmed"] is True and threshold["sources"]
    code, out, _ = run(capsys, "power", "-c", comp, "-t", procedure)
    assert code == 0 and f"rule {rule}" in out and "confirmed" in out


def test_habiles_on_the_2026_deputies_counts_the_sworn(capsys):
    code, out, _ = run(
        capsys, "power", "-c", "2026-07-deputies", "-t", "vacancy.admission", "--habiles", "--json"
    )
    assert code == 0
    data = json.loads(out)
    # 128 sworn of 130 on 31 July 2026: ⌈2/5 · 128⌉ = 52
    assert (
        data["threshold"]["arithmetic"] == "⌈2/5 · 128⌉ = 52" and "128 members" in data["threshold"]["basis"]
    )
    assert sum(r["seats"] for r in data["rows"]) == 128


def test_bicameral_power_and_members_on_2026(capsys):
    args = ["power", "-c", "2026-07-deputies", "-t", "vacancy.approval", "--senate", "2026-07-senate",
            "--senate-threshold", "vacancy.approval"]  # fmt: skip
    code, out, _ = run(capsys, *args, "--json")
    data = json.loads(out)
    assert (
        code == 0 and data["senate_threshold"]["votes"] == 40 and data["senate_threshold"]["rule_id"] == "B5"
    )
    code, out, _ = run(capsys, *args, "--joint", "--json")
    rows = {r["group"]: r for r in json.loads(out)["rows"]}
    assert rows["FP"]["seats_first"] == 41 and rows["FP"]["seats_second"] == 22
    assert rows["FP"]["shapley_shubik"] == pytest.approx(1 / 2) and rows["AN"]["shapley_shubik"] == 0
    code, out, _ = run(capsys, *args, "--members", "--json")
    data = json.loads(out)
    assert code == 0 and data["players"] == 190 and len(data["rows"]) == 190


def test_coalitions_in_both_chambers(capsys):
    code, out, _ = run(
        capsys, "coalitions", "-c", "2026-07-deputies", "-t", "vacancy.approval",
        "--senate", "2026-07-senate", "--senate-threshold", "vacancy.approval", "--json",
    )  # fmt: skip
    assert code == 0
    data = json.loads(out)
    assert data["count"] == 4 and data["veto"] == ["FP"] and data["dummies"] == ["AN"]
    # 32 + 15 + 18 + 14 + 10 = 89 deputies but 14 + 8 + 7 + 5 + 4 = 38 senators
    assert {"groups": ["JPP", "PBG", "RP", "Obras", "AN"], "seats_first": 89, "seats_second": 38,
            "surplus_first": 2, "surplus_second": -2} in data["first_only"]  # fmt: skip


def test_coalitions_procedure_vacancy(capsys):
    code, out, _ = run(capsys, "coalitions", "--procedure", "vacancy", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["procedure"] == "vacancy" and data["on"] == "2026-07-31"
    assert [s["votes"] for s in data["steps"]] == [39, 52, 87, 40]
    assert {"groups": ["FP", "JPP", "RP"], "seats_first": 88, "seats_second": 44, "surplus_first": 1,
            "surplus_second": 4} in data["minimal_winning"]  # fmt: skip
    assert data["most_pivotal"] == {"banzhaf": ["FP"], "shapley_shubik": ["FP"]}
    code, out, _ = run(capsys, "coalitions", "--procedure", "vacancy")
    assert code == 0 and "veto parties" in out and "B5" in out
    code, out, _ = run(
        capsys, "coalitions", "--procedure", "vacancy", "--habiles", "--date", "2026-08-01", "--json"
    )
    data = json.loads(out)
    assert code == 0 and data["habiles_only"] is True and data["steps"][1]["arithmetic"] == "⌈2/5 · 128⌉ = 52"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["coalitions", "--procedure", "censure"], "--procedure: unknown procedure 'censure'"),
        (["coalitions", "--procedure", "vacancy", "-t", "87"], "--procedure sets the thresholds"),
        (["coalitions", "--procedure", "vacancy", "--date", "2026-01-01"], "--date 2026-01-01 is outside"),
        (["coalitions", "-t", "87"], "coalitions needs --composition and --threshold"),
        (["coalitions", "-c", "2026-07-deputies", "-t", "87", "--senate", "2026-07-senate"],
         "--senate needs --senate-threshold"),
        (["power", "-c", "2026-07-senate", "-t", "vacancy.filing"], "voted in deputies, not 'senate'"),
    ],
)  # fmt: skip
def test_bicameral_mistakes_exit_2_with_one_line(capsys, args, message):
    code, out, err = run(capsys, *args)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and message in err


def test_procedure_help_names_what_the_library_follows():
    # the help is written out; it must name every whole procedure the command accepts
    from curul.cli.congress import PROCEDURES, coalitions_command

    assert PROCEDURES == ("vacancy",)
    import inspect

    option = inspect.signature(coalitions_command).parameters["procedure"].default
    assert all(p in option.help for p in PROCEDURES)


def test_power_json_gives_each_index_as_an_exact_fraction(capsys):
    """2021-07 (JNE Res. 0602-2021-JNE: PL 37, FP 24, AP 16, APP 15, RP 13, AvP 7, PP 5, JP 5, SP 5,
    PM 3) with the 87 votes of a vacancy: the fractions equal an independent count over all 2^10
    coalitions, and each float is its fraction rounded."""
    from itertools import combinations
    from math import factorial

    code, out, _ = run(capsys, "power", "-c", "2021-07", "-t", "87", "--json")
    assert code == 0
    rows = json.loads(out)["rows"]
    seats = {r["group"]: r["seats"] for r in rows}
    assert sorted(seats.values(), reverse=True) == [37, 24, 16, 15, 13, 7, 5, 5, 5, 3]
    names, n = list(seats), len(seats)
    swings = dict.fromkeys(names, 0)
    shapley = dict.fromkeys(names, Fraction(0))
    for size in range(n):
        for others in combinations(names, size):
            total = sum(seats[o] for o in others)
            for g in names:
                if g not in others and total < 87 <= total + seats[g]:
                    swings[g] += 1
                    shapley[g] += Fraction(factorial(size) * factorial(n - size - 1), factorial(n))
    for r in rows:
        g = r["group"]
        assert Fraction(r["banzhaf_exact"]) == Fraction(swings[g], sum(swings.values()))
        assert Fraction(r["banzhaf_absolute_exact"]) == Fraction(swings[g], 2 ** (n - 1))
        assert Fraction(r["shapley_shubik_exact"]) == shapley[g]
        for key in ("banzhaf", "banzhaf_absolute", "shapley_shubik"):
            assert r[key] == float(Fraction(r[f"{key}_exact"]))
    assert {r["group"]: r["banzhaf_exact"] for r in rows}["PL"] == "217/758"
