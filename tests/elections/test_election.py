"""An election result is what `curul seats` shows, from the library: keys, frame, report, HTML, comparison."""

import json

import pytest

from curul.cli import main
from curul.elections import (
    ElectionResult,
    OfficialComparison,
    allocate_file,
    allocate_official,
    allocate_system,
    compare_official,
    load_system,
    official_votes,
)
from curul.errors import CurulError
from curul.report import to_json

KEYS = {
    "system",
    "method",
    "total_seats",
    "seats",
    "votes",
    "pct_valid",
    "districts",
    "threshold",
    "ties",
    "undecided",
    "indices",
    "laws",
}


def _cli_json(argv, capsys):
    try:
        main([*argv, "--json"])
    except SystemExit as exc:
        assert exc.code in (0, None)
    return json.loads(capsys.readouterr().out)


def test_as_dict_is_the_json_of_curul_seats(capsys):
    result = allocate_official("peru-2016")
    assert isinstance(result, ElectionResult) and isinstance(result.official, OfficialComparison)
    assert set(result.as_dict()) == KEYS | {"official"}
    assert set(result.as_dict()["official"]) == {
        "seats",
        "districts",
        "districts_matching",
        "matches",
        "differences",
    }
    assert json.loads(to_json(result)) == _cli_json(["seats", "--system", "peru-2016", "--official"], capsys)
    system = load_system("peru-2016")
    plain = allocate_system(system, official_votes(system)[0])
    assert set(plain.as_dict()) == KEYS and plain.official is None


def test_a_method_other_than_the_law_shows_the_differences(capsys):
    result = allocate_official("peru-2011", method="sainte-lague")
    assert result.method == "sainte-lague" and not result.official.matches
    assert result.official.districts_matching == 15 and result.official.districts == 26
    argv = ["seats", "--system", "peru-2011", "--official", "--method", "sainte-lague"]
    assert json.loads(to_json(result)) == _cli_json(argv, capsys)
    differences = result.official.to_frame()
    assert list(differences.columns) == ["district", "party", "official", "computed"]
    assert len(differences) == len(result.official.differences) > 0
    assert "official seats: differs in 15 of 26 districts" in result.report().to_text()


def test_a_result_in_a_notebook_has_a_frame_and_html():
    result = allocate_official("peru-2016")
    frame = result.to_frame()
    assert list(frame.columns) == ["votes", "pct_valid", "passed", "seats", "official"]
    assert frame.loc["FUERZA POPULAR", "seats"] == 73 and frame.loc["FUERZA POPULAR", "official"] == 73
    assert frame["seats"].sum() == 130 and frame.index[0] == "FUERZA POPULAR"
    assert not frame.loc["DEMOCRACIA DIRECTA", "passed"]
    html = result._repr_html_()
    assert "<table" in html and "FUERZA POPULAR" in html and "curul-ok" in html  # "reproduced" in green
    text = result.report().to_text()
    assert "Gallagher 15.23" in text and "official seats: reproduced in 26 of 26 districts" in text


def test_hemicycle_of_a_result():
    svg = allocate_official("peru-2016").hemicycle_svg()
    assert svg.count("<circle") == 130 and "130 seats (dhondt)" in svg


def test_comparison_of_a_result_computed_elsewhere():
    system = load_system("peru-2016")
    votes, members = official_votes(system)
    comparison = compare_official(allocate_system(system, votes, members=members))
    assert comparison.matches and comparison.seats["FUERZA POPULAR"] == 73
    assert comparison.official_seats("Fuerza Popular") == 73
    assert "Official seats" in comparison.report().to_text()


def test_allocate_file(tmp_path):
    path = tmp_path / "votes.csv"
    path.write_text("district,party,votes\nLIMA,A,600\nLIMA,B,300\n", encoding="utf-8")
    result = allocate_file("peru-2016", path, method="hare", tie_break=1)
    assert result.method == "hare" and result.seats == {"A": 24, "B": 12}
    with pytest.raises(CurulError, match="unknown method"):
        allocate_file("peru-2016", path, method="coin")
