"""`curul results 2026` and `curul seats --partial` through the entry point: every view says the count
is partial and at which stage; errors are one line naming the option."""

from __future__ import annotations

import json

import pytest

from curul.cli import main
from curul.elections import allocate_official, allocate_partial, election_results, results_2026
from curul.errors import ArgumentError

STAGE_DEPUTIES = "85.991% of tallies, 11 May 2026 — partial"
STAGE_SENATE = "85.92% of tallies, 11 May 2026 — partial"


def run(argv, capsys):
    try:
        main(argv)
        code = 0
    except SystemExit as exc:
        code = exc.code or 0
    out = capsys.readouterr()
    return code, out.out, out.err


def ok(argv, capsys):
    code, out, err = run(argv, capsys)
    assert code == 0, err
    return out


def test_seats_partial_json_labels_the_stage_and_explains_every_seat(capsys):
    data = json.loads(ok(["seats", "--system", "peru-2026-deputies", "--partial", "--json"], capsys))
    assert data["partial"] is True
    assert data["count"]["stage"] == "85.991% of tallies" and data["count"]["label"] == STAGE_DEPUTIES
    assert data["count"]["date"] == "2026-05-11" and data["count"]["partial"] is True
    assert data["count"]["dataset"] == "congress-2026-partial-district-votes"
    assert [r["value"] for r in data["readings"]] == ["all_lists", "both"]
    assert all(r["is_default"] for r in data["readings"])
    assert len(data["last_seats"]) == 27
    pasco = next(s for s in data["last_seats"] if s["district"] == "PASCO")
    assert pasco["winner"]["quotient_exact"] == "7198" and pasco["runner_up"]["quotient_exact"] == "7146"
    assert pasco["margin_exact"] == "52" and pasco["votes_needed"] == 105
    official = data["official"]
    assert official["districts_matching"] == 25 and not official["matches"]
    assert [s["district"] for s in official["swaps"]] == ["LAMBAYEQUE", "PASCO"]
    assert official["swaps"][0]["margin_exact"] == "3797/3" and official["swaps"][0]["votes_needed"] == 3798
    ppt = data["threshold"]["tests"]["PARTIDO PAÍS PARA TODOS"]
    assert ppt["passed"] is False
    assert ppt["rules"]["valid-votes"]["passed"] and ppt["rules"]["valid-votes"]["pct_valid"] == 5.792
    assert ppt["rules"]["deputies"]["seats"] == 5 and ppt["rules"]["deputies"]["required_seats"] == 7


def test_seats_partial_human_view_says_partial_and_names_the_differing_seats(capsys):
    out = " ".join(ok(["seats", "--system", "peru-2026-deputies", "--partial"], capsys).split())
    assert STAGE_DEPUTIES in out and "not the final count" in out
    assert "official seats: reproduced in 25 of 27 districts; they differ in 2: LAMBAYEQUE, PASCO" in out
    assert "LAMBAYEQUE: the votes give the seat to RENOVACIÓN POPULAR 41,335 (41,335 ÷ 1) over FUERZA" in out
    assert "margin 52; officially FUERZA POPULAR won it (it needed 105 more votes at this count)" in out
    assert "PARTIDO PAÍS PARA TODOS: 5.792% of valid votes ≥ 5%, but 5 preliminary seats" in out
    assert "reading seat_test = all_lists (default)" in out and "Last seat of each district" in out


def test_senate_partial_shows_each_part_with_the_official_seats(capsys):
    data = json.loads(ok(["seats", "--system", "peru-2026-senate", "--partial", "--json"], capsys))
    assert data["count"]["label"] == STAGE_SENATE and data["official"]["matches"]
    assert data["components"]["national"] == data["official"]["components"]["national"]
    assert data["components"]["districts"]["FUERZA POPULAR"] == 15
    out = " ".join(ok(["seats", "--system", "peru-2026-senate", "--partial"], capsys).split())
    assert "Seats per part of the chamber" in out and "reproduced in 28 of 28 districts" in out


def test_a_reading_from_the_command_line_is_shown_and_changes_the_seats(capsys):
    argv = ["seats", "--system", "peru-2026-deputies", "--partial", "--reading", "seat_test=vote_share_lists"]
    data = json.loads(ok([*argv, "--json"], capsys))
    seat_test = next(r for r in data["readings"] if r["name"] == "seat_test")
    assert seat_test["value"] == "vote_share_lists" and not seat_test["is_default"]
    assert seat_test["sources"] == [] and "No source was found" in seat_test["summary"]
    assert data["seats"]["PARTIDO PAÍS PARA TODOS"] == 7
    assert "reading seat_test = vote_share_lists (chosen; default all_lists)" in " ".join(
        ok(argv, capsys).split()
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["seats", "--system", "peru-2026-deputies", "--partial", "--official"],
            "give one of --votes, --official",
        ),
        (
            ["seats", "--system", "peru-2026-deputies", "--partial", "--reading", "seat_test"],
            "--reading: expected",
        ),
        (
            ["seats", "--system", "peru-2026-deputies", "--partial", "--reading", "x=y"],
            "--reading: peru-2026-dep",
        ),
        (["seats", "--system", "peru-2016", "--partial"], "no bundled partial count for peru-2016"),
        (["seats", "--system", "peru-2026-senate", "--official"], "only a partial count per district"),
        (["results", "2016", "--chamber", "senate"], "only 2026 has two chambers; --chamber does not apply"),
        (["results", "2026", "--chamber", "congress"], "--chamber: must be senate or deputies"),
        (["results", "2019"], "no bundled Congress results for 2019"),
    ],
)
def test_bad_2026_options_exit_2_with_one_line(capsys, argv, message):
    code, out, err = run(argv, capsys)
    assert code == 2 and out == "" and message in err and len(err.strip().splitlines()) == 1, err


def test_results_2026_json_has_seats_partial_votes_and_the_first_round(capsys):
    data = json.loads(ok(["results", "2026", "--json"], capsys))
    assert data["year"] == 2026 and data["chamber"] is None
    assert data["seats"]["senate"]["national"]["Fuerza Popular"] == 7
    assert (
        sum(data["seats"]["senate"]["total"].values()) == 60
        and sum(data["seats"]["deputies"].values()) == 130
    )
    assert [c["contest"] for c in data["partial_votes"]] == ["senate_national", "senate_district", "deputies"]
    for contest in data["partial_votes"]:
        assert contest["partial"] is True and contest["label"].endswith("11 May 2026 — partial")
    deputies = data["partial_votes"][2]
    assert deputies["valid"] == 12676827 and deputies["stage"] == "85.991% of tallies"
    assert data["second_source"] == [
        {"chamber": "deputies", "party": "Fuerza Popular", "seats": 41, "second_source_seats": 40},
        {"chamber": "deputies", "party": "Renovación Popular", "seats": 15, "second_source_seats": 16},
    ]
    assert data["disputed_seats"][0]["district"] == "Lambayeque"
    first = data["presidential"]
    assert len(first["tickets"]) == 9 and first["complete"] is False and "not found" in first["note"]
    assert first["implied_valid"]["min"] <= first["implied_valid"]["max"]
    senate = json.loads(ok(["results", "2026", "--chamber", "senate", "--json"], capsys))
    assert set(senate["seats"]) == {"senate"} and len(senate["partial_votes"]) == 2
    assert senate["second_source"] == []


def test_results_2026_human_view(capsys):
    out = " ".join(ok(["results", "2026"], capsys).split())
    assert "official seats (member lists of 31 July 2026)" in out
    assert f"Senate, national list (30 seats): votes at {STAGE_SENATE}" in out
    assert f"Chamber of Deputies, 27 districts summed (130 seats): votes at {STAGE_DEPUTIES}" in out
    assert "the other tickets' votes were not found" in out
    assert "Lambayeque: a second source" in out


def test_results_2026_follows_the_protocol():
    result = results_2026("deputies")
    frame = result.to_frame()
    assert list(frame.columns) == ["deputies"] and frame.loc["Fuerza Popular", "deputies"] == 41
    assert frame["deputies"].sum() == 130
    html = result._repr_html_()
    assert "— partial" in html and "Presidential first round" in html
    both = election_results(2026)
    assert list(both.to_frame().columns) == ["senate_national", "senate_district", "senate", "deputies"]
    assert list(both.as_dict()) == [
        "year",
        "chamber",
        "seats",
        "seats_source",
        "second_source",
        "disputed_seats",
        "partial_votes",
        "presidential",
        "sources",
    ]
    low, high = both.presidential.implied_valid()
    # every ticket's share, recomputed from the implied total, rounds back to the published one
    for total in (low, high):
        for t in both.presidential.tickets:
            assert round(t.votes * 100 / total, 3) == t.pct_valid
    with pytest.raises(ArgumentError):
        results_2026("congress")


def test_explain_adds_margins_to_any_system_without_changing_the_rest():
    plain = allocate_official("peru-2016")
    explained = allocate_official("peru-2016", explain=True)
    assert set(explained.as_dict()) - set(plain.as_dict()) == {"last_seats"}
    assert explained.as_dict()["official"]["swaps"] == []
    assert len(explained.as_dict()["last_seats"]) == 26
    assert "tests" in explained.as_dict()["threshold"] and "tests" not in plain.as_dict()["threshold"]
    partial = allocate_partial("peru-2026-deputies")
    assert (
        "85.991% of tallies" in partial._repr_html_()
        and partial.to_frame().loc["FUERZA POPULAR", "official"] == 41
    )
