"""Chamber arithmetic and roll calls: compositions, coalitions, exact power indices, cohesion,
ideal points and motion outcomes.

``power_indices(WeightedGame.of({"PL": 37, ...}, quota=87))`` gives exact Banzhaf and
Shapley–Shubik indices; ``import_rollcalls(folder)`` reads the openpolitica roll calls.
"""

from curul.congress._bicameral import BicameralIndices, bicameral_indices
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
    "GroupSeats",
    "PowerIndices",
    "Quota",
    "RollCalls",
    "WeightedGame",
    "banzhaf_swings",
    "bicameral_indices",
    "coalitions",
    "composition",
    "composition_on",
    "compositions",
    "import_rollcalls",
    "load_rollcalls",
    "minimal_winning",
    "power_indices",
    "read_composition_csv",
    "resolve_composition",
    "resolve_threshold",
    "save_rollcalls",
    "shapley_shubik",
]
