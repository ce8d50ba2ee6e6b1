"""The public surface of curul.rollcalls is deliberate: this list changes only on purpose."""

import curul.rollcalls


def test_public_names():
    assert sorted(curul.rollcalls.__all__) == [
        "BALLOTS_FILE",
        "BALLOT_CODES",
        "Cohesion",
        "Contradiction",
        "Evaluation",
        "FREQUENCIES",
        "GROUPS_FILE",
        "IdealPoints",
        "IdealPointsFit",
        "ImportSummary",
        "MOTION_KINDS",
        "MemberTable",
        "MotionForecast",
        "MotionModel",
        "Prediction",
        "RollCalls",
        "VOTES_FILE",
        "VacancyPredictions",
        "VacancyVote",
        "VoteListing",
        "attendance",
        "cohesion",
        "cohesion_by_vote",
        "cohesion_over_time",
        "cohesion_summary",
        "composition_on",
        "evaluate",
        "find_member",
        "forecast_motion",
        "group_aliases",
        "ideal_points",
        "import_rollcalls",
        "load_rollcalls",
        "member_group_agreement",
        "member_table",
        "motion_kind",
        "predict_vacancies",
        "predict_vote",
        "save_rollcalls",
        "vacancy_votes",
        "vote_listing",
    ]
    for name in curul.rollcalls.__all__:
        assert hasattr(curul.rollcalls, name)


def test_namespace_is_the_public_list():
    public = {name for name in vars(curul.rollcalls) if not name.startswith("_")}
    assert public == set(curul.rollcalls.__all__)
