"""The results of the roll-call commands follow the protocol: as_dict (the --json keys), to_frame, the
report behind __rich__ and _repr_html_; and the library names its arguments in its errors."""

from __future__ import annotations

import datetime as dt

import pytest
from pandas.api.types import CategoricalDtype

from curul.errors import ArgumentError, CurulError
from curul.report import Presentable
from curul.rollcalls import (
    Cohesion,
    IdealPoints,
    ImportSummary,
    MotionModel,
    Prediction,
    RollCalls,
    cohesion,
    evaluate,
    forecast_motion,
    ideal_points,
    import_rollcalls,
    member_table,
    predict_vacancies,
    predict_vote,
    save_rollcalls,
    vote_listing,
)
from curul.rollcalls._rollcalls import CATEGORIES

from .conftest import write_rollcalls
from .test_ideal import simulated

PREDICTION_KEYS = [
    "vote_id", "date", "kind", "voters", "threshold", "expected_yes", "yes_low", "yes_high", "p_pass",
    "recorded_yes", "recorded_no", "recorded_abstain", "passed", "baseline_yes", "baseline_pass",
]  # fmt: skip


@pytest.fixture
def small(tmp_path):
    ballots = {
        "v1": [("A", "a1", "SI"), ("A", "a2", "SI"), ("A", "a3", "NO"), ("B", "b1", "NO"), ("B", "b2", "NO")],
        "v2": [("A", "a1", "NO"), ("A", "a2", "AUSENTE"), ("A", "a3", "NO"), ("B", "b1", "SI"),
               ("B", "b2", "LICENCIA_OFICIAL")],
    }  # fmt: skip
    return import_rollcalls(write_rollcalls(tmp_path / "rc", ballots))


def test_import_summary(small, tmp_path):
    summary = ImportSummary.of(small, save_rollcalls(small, tmp_path / "rc.pkl"))
    assert isinstance(summary, Presentable)
    assert list(summary.as_dict()) == [
        "source", "cache", "votes", "ballots", "members", "groups", "first_date", "last_date",
        "ballot_categories", "contradictions",
    ]  # fmt: skip
    assert summary.as_dict()["cache"] == str(tmp_path / "rc.pkl") and summary.members == 5
    assert list(summary.to_frame().columns) == ["vote_id", "field", "recorded", "from_ballots"]
    assert "every recorded total equals the sum of its ballots" in summary._repr_html_()


def test_cohesion(small):
    result = cohesion(small, freq="month")
    assert isinstance(result, Cohesion)
    assert list(result.as_dict()) == ["votes", "summary", "over_time", "plot"]
    assert result.as_dict()["plot"] is None and result.with_plot("c.png").as_dict()["plot"] == "c.png"
    assert set(result.to_frame()["group"]) == {"A", "B"}
    assert "<caption>Cohesion over 2 votes (NA = non-attached, not a group)</caption>" in result._repr_html_()
    with pytest.raises(ArgumentError) as info:
        cohesion(small, freq="decade")
    assert info.value.argument == "freq"
    with pytest.raises(CurulError, match="no votes in that date range"):
        cohesion(small.between(dt.date(2030, 1, 1)))


def test_member_table(small):
    result = member_table(small, group="A")
    rows = result.as_dict()["members"]
    assert [r["member"] for r in rows] == ["a1", "a2", "a3"]
    assert set(rows[0]) >= {"member", "group", "votes", "attendance", "agreement_own_group", "agreement"}
    assert list(result.to_frame().index) == ["a1", "a2", "a3"]
    assert "<caption>Members over 2 votes</caption>" in result._repr_html_()
    with pytest.raises(ArgumentError) as info:
        member_table(small, member="nobody")
    assert info.value.naming("--group/--member") == "no member matches --group/--member"


def test_vote_listing(small):
    result = vote_listing(small, limit=1)
    assert result.as_dict()["count"] == 2 and len(result.as_dict()["votes"]) == 1
    assert list(result.as_dict()["votes"][0]) == [
        "vote_id",
        "date",
        "kind",
        "yes",
        "no",
        "abstain",
        "subject",
    ]
    assert list(result.to_frame()["vote_id"]) == ["v1"]
    assert "<caption>2 votes</caption>" in result._repr_html_()
    assert vote_listing(small, search="motion 1").count == 1


def test_ideal_points_result():
    rc, _ = simulated(n_members=30, n_votes=80)
    # the importer's categorical has every category; attendance (for the groups) counts them all
    rc = RollCalls(
        rc.votes, rc.ballots.astype({"category": CategoricalDtype(CATEGORIES)}), {}, (), "simulated"
    )
    result = ideal_points(rc, anchor="M000")
    assert result.anchor == "m000"  # found by name, case ignored
    assert list(result.as_dict()) == [
        "dims", "anchor", "votes_used", "lopsided_excluded", "iterations", "members", "group_means", "plot",
    ]  # fmt: skip
    assert list(result.to_frame().columns) == ["member", "dim1", "group"]
    assert list(result.as_dict()["group_means"]) == ["G"]
    assert "<caption>Group means</caption>" in result._repr_html_()
    assert result.with_plot("i.svg").plot == "i.svg"
    with pytest.raises(ArgumentError) as info:
        ideal_points(rc, anchor="m0")  # matches every member
    assert info.value.argument == "anchor"
    with pytest.raises(ArgumentError) as info:
        IdealPoints(dims=3).fit(rc)
    assert info.value.naming("--dims") == "--dims must be 1 or 2"


def test_prediction_of_a_recorded_vote(rollcalls):
    heard: list[float] = []
    result = predict_vote(
        rollcalls, "2022-03-14T12-38", threshold=50, model=MotionModel(basis="groups"), progress=heard.append
    )
    assert isinstance(result, Prediction) and list(result.as_dict()) == PREDICTION_KEYS
    assert result.cutoff == dt.date(2022, 3, 14)
    assert "Vote 2022-03-14T12-38 (model fitted on votes before 2022-03-14)" in result._repr_html_()
    with pytest.raises(ArgumentError) as info:
        predict_vote(rollcalls, "nope")
    assert info.value.argument == "vote_id"
    with pytest.raises(ArgumentError) as info:
        MotionModel(basis="nope").fit(rollcalls)
    assert info.value.argument == "basis"


def test_forecast_evaluation_and_vacancies(rollcalls):
    forecast = forecast_motion(
        rollcalls, "vacancy", threshold="vacancy.admission", model=MotionModel(basis="groups")
    )
    assert list(forecast.as_dict())[:4] == ["kind", "on", "habiles", "threshold"]
    assert forecast.to_frame()["probability"].sum() == pytest.approx(1)
    assert "A new vacancy motion on 2024-03-08" in forecast._repr_html_()

    ev = evaluate(
        rollcalls, dt.date(2021, 11, 15), until=dt.date(2021, 11, 19), model=MotionModel(basis="groups")
    )
    assert list(ev.as_dict())[-1] == "predictions" and "predictions" not in ev.as_dict(with_votes=False)
    assert len(ev.to_frame()) == ev.votes and list(ev.to_frame().columns) == PREDICTION_KEYS
    assert "Out of sample: fit before 2021-11-15" in ev._repr_html_()

    vacancies = predict_vacancies(rollcalls, basis="groups")
    rows = vacancies.as_dict()["vacancies"]
    assert len(rows) == len(vacancies) == 7 and list(rows[0])[:3] == ["procedure", "habiles", "arithmetic"]
    assert [p.vote_id for _, p in vacancies] == [r["vote_id"] for r in rows]
    assert set(vacancies.to_frame()["procedure"]) == {"vacancy.admission", "vacancy.approval"}
    assert "Presidential-vacancy votes" in vacancies._repr_html_()
