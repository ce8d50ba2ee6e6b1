"""Roll-call analytics of the Peruvian Congress: import and check the recorded plenary votes, group
cohesion and attendance, members' ideal points, and a motion-outcome model scored out of sample.

``import_rollcalls(folder)`` reads the openpolitica layout; ``composition_on(rc, date)`` gives the
groups as recorded that day as a :class:`curul.congress.Composition`, so the chamber arithmetic applies.
This package needs pandas and scipy; :mod:`curul.congress` needs neither.
"""

from curul.rollcalls._cache import load_rollcalls, save_rollcalls
from curul.rollcalls._cohesion import (
    FREQUENCIES,
    attendance,
    cohesion_by_vote,
    cohesion_over_time,
    cohesion_summary,
    member_group_agreement,
)
from curul.rollcalls._ideal import IdealPoints
from curul.rollcalls._outcomes import (
    Evaluation,
    MotionForecast,
    MotionModel,
    Prediction,
    VacancyVote,
    evaluate,
    forecast_motion,
    motion_kind,
    predict_vacancies,
    vacancy_votes,
)
from curul.rollcalls._rollcalls import (
    BALLOT_CODES,
    NOT_HABIL,
    Contradiction,
    RollCalls,
    composition_on,
    import_rollcalls,
    vote_on,
)

__all__ = [
    "BALLOT_CODES",
    "FREQUENCIES",
    "NOT_HABIL",
    "Contradiction",
    "Evaluation",
    "IdealPoints",
    "MotionForecast",
    "MotionModel",
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
