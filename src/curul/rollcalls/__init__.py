"""Roll-call analytics of the Peruvian Congress: import and check the recorded plenary votes, group
cohesion and attendance, members' ideal points, and a motion-outcome model scored out of sample.

``import_rollcalls(folder)`` reads the openpolitica layout; ``composition_on(rc, date)`` gives the
groups as recorded that day as a :class:`curul.congress.Composition`, so the chamber arithmetic applies.
What the commands show are results (``cohesion``, ``member_table``, ``ideal_points``, ``vote_listing``,
``predict_vote``, ``forecast_motion``, ``evaluate``, ``predict_vacancies``): each gives ``as_dict()``,
``to_frame()`` and a report for the terminal and notebooks. This package needs pandas and scipy;
:mod:`curul.congress` needs neither.
"""

from curul.rollcalls._cache import ImportSummary, load_rollcalls, save_rollcalls
from curul.rollcalls._cohesion import (
    FREQUENCIES,
    Cohesion,
    MemberTable,
    attendance,
    cohesion,
    cohesion_by_vote,
    cohesion_over_time,
    cohesion_summary,
    group_aliases,
    member_group_agreement,
    member_table,
)
from curul.rollcalls._evaluation import (
    Evaluation,
    VacancyPredictions,
    VacancyVote,
    evaluate,
    predict_vacancies,
    vacancy_votes,
)
from curul.rollcalls._ideal import IdealPoints
from curul.rollcalls._outcomes import MotionModel, forecast_motion, predict_vote
from curul.rollcalls._positions import IdealPointsFit, ideal_points
from curul.rollcalls._predictions import MotionForecast, Prediction
from curul.rollcalls._reader import BALLOTS_FILE, GROUPS_FILE, VOTES_FILE, import_rollcalls
from curul.rollcalls._rollcalls import (
    BALLOT_CODES,
    Contradiction,
    RollCalls,
    composition_on,
    find_member,
)
from curul.rollcalls._votes import MOTION_KINDS, VoteListing, motion_kind, vote_listing

__all__ = [
    "BALLOTS_FILE",
    "BALLOT_CODES",
    "FREQUENCIES",
    "GROUPS_FILE",
    "MOTION_KINDS",
    "VOTES_FILE",
    "Cohesion",
    "Contradiction",
    "Evaluation",
    "IdealPoints",
    "IdealPointsFit",
    "ImportSummary",
    "MemberTable",
    "MotionForecast",
    "MotionModel",
    "Prediction",
    "RollCalls",
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
