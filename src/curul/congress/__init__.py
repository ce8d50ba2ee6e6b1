"""Chamber arithmetic: dated compositions, weighted games, exact power indices, coalitions, the
bicameral game and the thresholds a chamber needs.

``power_indices(WeightedGame.of({"PL": 37, ...}, quota=87))`` gives exact Banzhaf and Shapley–Shubik
indices; ``chamber_power(composition("2021-07"), "vacancy.approval")`` gives them for a dated chamber at
a procedure's threshold, as a result that prints, converts to a frame and serialises. From July 2026
the Congress has two chambers (``2026-07-senate``, ``2026-07-deputies``, built from the member lists);
``vacancy_arithmetic()`` says which coalitions of parties can carry a presidential vacancy through both.
Everything here is exact integer and ``Fraction`` arithmetic in plain Python (numpy only to enumerate
the coalitions of parties in both chambers); the analytics of recorded votes live in
:mod:`curul.rollcalls`, which builds on this package (never the reverse).
"""

from curul.congress._bicameral import BicameralIndices, JointIndices, bicameral_indices, joint_indices
from curul.congress._both_chambers import BicameralCoalitions, bicameral_coalitions
from curul.congress._bundled import composition, composition_listing, compositions, resolve_composition
from curul.congress._chamber import (
    ChamberCoalitions,
    ChamberPower,
    chamber_coalitions,
    chamber_power,
    composition_quota,
)
from curul.congress._coalitions import Coalition, CoalitionReport, coalitions, minimal_winning
from curul.congress._compositions import Composition, CompositionListing, GroupSeats, read_composition_csv
from curul.congress._games import WeightedGame
from curul.congress._joint_coalitions import JointCoalition, JointCoalitionReport, joint_coalitions
from curul.congress._power import PowerIndices, banzhaf_swings, power_indices, shapley_shubik
from curul.congress._thresholds import Quota, resolve_threshold
from curul.congress._vacancy import VacancyArithmetic, VacancyStep, vacancy_arithmetic

__all__ = [
    "BicameralCoalitions",
    "BicameralIndices",
    "ChamberCoalitions",
    "ChamberPower",
    "Coalition",
    "CoalitionReport",
    "Composition",
    "CompositionListing",
    "GroupSeats",
    "JointCoalition",
    "JointCoalitionReport",
    "JointIndices",
    "PowerIndices",
    "Quota",
    "VacancyArithmetic",
    "VacancyStep",
    "WeightedGame",
    "banzhaf_swings",
    "bicameral_coalitions",
    "bicameral_indices",
    "chamber_coalitions",
    "chamber_power",
    "coalitions",
    "composition",
    "composition_listing",
    "composition_quota",
    "compositions",
    "joint_coalitions",
    "joint_indices",
    "minimal_winning",
    "power_indices",
    "read_composition_csv",
    "resolve_composition",
    "resolve_threshold",
    "shapley_shubik",
    "vacancy_arithmetic",
]
