"""Chamber arithmetic and roll calls: compositions, coalitions, exact power indices, cohesion,
ideal points and motion outcomes.

``power_indices(WeightedGame.of({"PL": 37, ...}, quota=87))`` gives exact Banzhaf and
Shapley–Shubik indices; ``import_rollcalls(folder)`` reads the openpolitica roll calls.
"""

from curul.congress._bicameral import BicameralIndices, JointIndices, bicameral_indices, joint_indices
from curul.congress._coalitions import Coalition, CoalitionReport, coalitions, minimal_winning
from curul.congress._cohesion import (
    attendance,
    cohesion_by_vote,
    cohesion_over_time,
    member_group_agreement,
)
from curul.congress._compositions import (
    Composition,
    GroupSeats,
    composition,
    compositions,
    read_composition_csv,
    resolve_composition,
)
from curul.congress._games import WeightedGame
from curul.congress._ideal import IdealPoints
from curul.congress._outcomes import (
    Evaluation,
    MotionForecast,
    MotionModel,
    Prediction,
    evaluate,
    forecast_motion,
    motion_kind,
    predict_vacancies,
    vacancy_votes,
)
from curul.congress._power import PowerIndices, banzhaf_swings, power_indices, shapley_shubik
from curul.congress._rollcalls import (
    BALLOT_CODES,
    Contradiction,
    RollCalls,
    composition_on,
    import_rollcalls,
    load_rollcalls,
    save_rollcalls,
)
from curul.congress._thresholds import Quota, resolve_threshold

__all__ = [
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
