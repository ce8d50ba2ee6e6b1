"""The public surface of curul.rollcalls is deliberate: this list changes only on purpose."""

import curul.rollcalls


def test_public_names():
    assert sorted(curul.rollcalls.__all__) == [
        "BALLOT_CODES",
        "Contradiction",
        "Evaluation",
        "FREQUENCIES",
        "IdealPoints",
        "MotionForecast",
        "MotionModel",
        "NOT_HABIL",
        "Prediction",
        "RollCalls",
        "VacancyVote",
        "attendance",
        "cohesion_by_vote",
        "cohesion_over_time",
        "cohesion_summary",
        "composition_on",
        "evaluate",
        "forecast_motion",
        "import_rollcalls",
        "load_rollcalls",
        "member_group_agreement",
        "motion_kind",
        "predict_vacancies",
        "save_rollcalls",
        "vacancy_votes",
        "vote_on",
    ]
    for name in curul.rollcalls.__all__:
        assert hasattr(curul.rollcalls, name)


def test_namespace_is_the_public_list():
    public = {name for name in vars(curul.rollcalls) if not name.startswith("_")}
    assert public == set(curul.rollcalls.__all__)
