"""The results of the chamber commands follow the protocol: as_dict (the --json keys), to_frame, the
report behind __rich__ and _repr_html_, and the library's arguments named in its errors."""

from __future__ import annotations

from fractions import Fraction

import pytest

from curul.congress import (
    ChamberPower,
    CompositionListing,
    chamber_coalitions,
    chamber_power,
    composition,
    composition_listing,
    composition_quota,
    read_composition_csv,
)
from curul.errors import ArgumentError
from curul.report import Presentable


def _members_csv(tmp_path, n: int = 10):
    path = tmp_path / "members.csv"
    path.write_text("member,group\n" + "".join(f"m{i},{'AB'[i % 2]}\n" for i in range(n)), encoding="utf-8")
    return read_composition_csv(path)


def test_power_of_groups():
    result = chamber_power(composition("2021-07"), "vacancy.approval")
    assert isinstance(result, Presentable)
    data = result.as_dict()
    assert list(data) == ["composition", "threshold", "players", "rows"]
    assert data["composition"] == "2021-07" and data["threshold"]["votes"] == 87 and data["players"] == 10
    assert list(data["rows"][0]) == [
        "group", "seats", "banzhaf", "banzhaf_absolute", "shapley_shubik",
        "banzhaf_exact", "banzhaf_absolute_exact", "shapley_shubik_exact",
    ]  # fmt: skip
    frame = result.to_frame()
    assert len(frame) == 10 and frame["shapley_shubik"].sum() == pytest.approx(1)
    html = result._repr_html_()
    assert "<caption>Power in" in html and "vacancy.approval" in html and "<td" in html
    # the exact indices stay available beside the float rows
    assert sum(result.indices.shapley_shubik, Fraction(0)) == 1


def test_members_and_their_group_sums(tmp_path):
    comp = _members_csv(tmp_path)
    each = chamber_power(comp, 6, members=True)
    assert each.key == "member" and set(each.as_dict()["rows"][0]) >= {"member", "group"}
    summed = chamber_power(comp, 6, members=True, by_group=True)
    assert summed.key == "group" and summed.players == 10
    rows = summed.as_dict()["rows"]
    assert [r["group"] for r in rows] == ["A", "B"] and [r["seats"] for r in rows] == [5, 5]
    assert sum(r["shapley_shubik"] for r in rows) == pytest.approx(1)
    assert list(summed.to_frame()["group"]) == ["A", "B"]


def test_bicameral_and_joint_power():
    deputies, senate = composition("2021-07"), composition("2016")
    both = chamber_power(deputies, 87, senate=senate, senate_threshold=66)
    data = both.as_dict()
    assert list(data) == [
        "composition",
        "senate",
        "threshold",
        "senate_threshold",
        "players",
        "joint",
        "rows",
    ]
    assert data["joint"] is False and {r["chamber"] for r in data["rows"]} == {"2021-07", "2016"}
    assert "<th" in both._repr_html_() and "chamber" in both._repr_html_()
    joint = chamber_power(deputies, 87, senate=senate, senate_threshold=66, joint=True)
    assert joint.joint and set(joint.to_frame().columns) >= {"seats_first", "seats_second"}


def test_combinations_the_library_refuses_name_the_arguments(tmp_path):
    with pytest.raises(ArgumentError) as info:
        chamber_power(composition("2021-07"), 87, senate=composition("2016"))
    assert info.value.argument == "senate_threshold"
    comp = _members_csv(tmp_path)
    with pytest.raises(ArgumentError) as info:
        chamber_power(comp, 6, members=True, senate=comp, senate_threshold=6, joint=True)
    assert info.value.argument == "joint"


def test_coalitions_result():
    result = chamber_coalitions(composition("2021-07"), 87, limit=5)
    data = result.as_dict()
    assert list(data)[:2] == ["composition", "threshold"]
    assert data["threshold"]["votes"] == 87 and data["count"] == 44 and len(data["minimal_winning"]) == 5
    assert set(data) == {
        "composition", "threshold", "total_seats", "groups", "count", "minimal_winning", "fewest_seats",
        "fewest_groups", "pivotal", "veto", "dummies",
    }  # fmt: skip
    frame = result.to_frame()
    assert list(frame.columns) == ["groups", "seats", "surplus"] and len(frame) == 5
    assert "Pivotal groups" in result._repr_html_()
    assert len(chamber_coalitions(composition("2021-07"), 87).to_frame()) == 44  # limit 0: all


def test_composition_listing():
    listing = composition_listing()
    assert isinstance(listing, CompositionListing)
    assert [c["id"] for c in listing.as_dict()["compositions"]] == [
        "2016",
        "2020",
        "2021-07",
        "2022-06",
        "2025-07",
        "2026-07-senate",
        "2026-07-deputies",
    ]
    frame = listing.to_frame()
    unicameral = frame[frame["chamber"] == "congress"]
    assert set(unicameral["id"]) == {"2016", "2020", "2021-07", "2022-06", "2025-07"}
    assert unicameral.groupby("id")["seats"].sum().eq(130).all()
    # the bicameral Congress: a Senate of 60 and 130 deputies (Law 31988, peru-rules.md §2.1)
    assert frame[frame["chamber"] != "congress"].groupby("id")["seats"].sum().to_dict() == {
        "2026-07-deputies": 130,
        "2026-07-senate": 60,
    }
    assert "El Comercio" in listing._repr_html_() or "http" in listing._repr_html_()


def test_quota_of_a_composition_uses_its_date():
    quota = composition_quota("vacancy.approval", composition("2021-07"))
    assert quota.votes == 87 and quota.procedure == "vacancy.approval"
    assert composition_quota(66, composition("2016")).arithmetic == "given: 66"
    assert isinstance(chamber_power(composition("2016"), 66), ChamberPower)


def test_compositions_by_name():
    by_name = chamber_power("2021-07", 87, senate="2016", senate_threshold=66)
    assert by_name.as_dict() == chamber_power(composition("2021-07"), 87, senate=composition("2016"),
                                              senate_threshold=66).as_dict()  # fmt: skip
    assert chamber_coalitions("2016", 66).as_dict()["veto"] == ["FP"]
