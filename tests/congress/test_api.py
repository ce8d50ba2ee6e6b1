"""The public surface of curul.congress is deliberate: this list changes only on purpose."""

import curul.congress


def test_public_names():
    assert sorted(curul.congress.__all__) == [
        "BALLOT_CODES",
        "BicameralIndices",
        "Coalition",
        "CoalitionReport",
        "Composition",
        "Contradiction",
        "Evaluation",
        "GroupSeats",
        "IdealPoints",
        "JointIndices",
        "MotionForecast",
        "MotionModel",
        "PowerIndices",
        "Prediction",
        "Quota",
        "RollCalls",
        "WeightedGame",
        "attendance",
        "banzhaf_swings",
        "bicameral_indices",
        "coalitions",
        "cohesion_by_vote",
        "cohesion_over_time",
        "composition",
        "composition_on",
        "compositions",
        "evaluate",
        "forecast_motion",
        "import_rollcalls",
        "joint_indices",
        "load_rollcalls",
        "member_group_agreement",
        "minimal_winning",
        "motion_kind",
        "power_indices",
        "predict_vacancies",
        "read_composition_csv",
        "resolve_composition",
        "resolve_threshold",
        "save_rollcalls",
        "shapley_shubik",
        "vacancy_votes",
    ]
    for name in curul.congress.__all__:
        assert hasattr(curul.congress, name)
