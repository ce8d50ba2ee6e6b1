"""Chamber arithmetic and roll calls: compositions, coalitions, exact power indices, cohesion,
ideal points and motion outcomes.

``power_indices(WeightedGame.of({"PL": 37, ...}, quota=87))`` gives exact Banzhaf and
Shapley–Shubik indices; ``import_rollcalls(folder)`` reads the openpolitica roll calls.
"""

import importlib
from typing import Any

from curul.congress._bicameral import BicameralIndices, JointIndices, bicameral_indices, joint_indices
from curul.congress._coalitions import Coalition, CoalitionReport, coalitions, minimal_winning
from curul.congress._compositions import (
    Composition,
    GroupSeats,
    composition,
    compositions,
    read_composition_csv,
    resolve_composition,
)
from curul.congress._games import WeightedGame
from curul.congress._power import PowerIndices, banzhaf_swings, power_indices, shapley_shubik
from curul.congress._thresholds import Quota, resolve_threshold

# The roll-call analytics need pandas and scipy; they load on first use (PEP 562) so that importing the
# power indices, or starting the ``curul`` command, does not pay for them.
_LAZY = {
    "attendance": "_cohesion",
    "cohesion_by_vote": "_cohesion",
    "cohesion_over_time": "_cohesion",
    "member_group_agreement": "_cohesion",
    "IdealPoints": "_ideal",
    "Evaluation": "_outcomes",
    "MotionForecast": "_outcomes",
    "MotionModel": "_outcomes",
    "Prediction": "_outcomes",
    "evaluate": "_outcomes",
    "forecast_motion": "_outcomes",
    "motion_kind": "_outcomes",
    "predict_vacancies": "_outcomes",
    "vacancy_votes": "_outcomes",
    "BALLOT_CODES": "_rollcalls",
    "Contradiction": "_rollcalls",
    "RollCalls": "_rollcalls",
    "composition_on": "_rollcalls",
    "import_rollcalls": "_rollcalls",
    "load_rollcalls": "_rollcalls",
    "save_rollcalls": "_rollcalls",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


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
