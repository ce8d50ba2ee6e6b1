"""Elections: official results, electoral systems, exact and batch seat allocation, presidential rounds."""

from curul.elections._allocation import METHODS, Allocation, Tie, allocate
from curul.elections._apportionment import Apportionment, ApportionmentRule, apportion
from curul.elections._batch import allocate_batch, allocate_batch_with_ties
from curul.elections._election import ElectionResult, allocate_system
from curul.elections._electorate import Electorate, apportion_deputies_2026, electorate_2026
from curul.elections._indices import Indices, effective_number, gallagher, indices, loosemore_hanby
from curul.elections._official import official_seats, official_votes
from curul.elections._presidential import FirstRound, first_round, first_round_batch, runoff, runoff_batch
from curul.elections._results import CongressResults, PartyResult, congress_results, congress_years
from curul.elections._system_batch import BatchResult, allocate_system_batch
from curul.elections._systems import ElectoralSystem, load_system, systems
from curul.elections._thresholds import AllOf, AnyOf, NoThreshold, SeatsInDistricts, Verdict, VoteShare
from curul.elections._votes import read_votes

__all__ = [
    "METHODS",
    "AllOf",
    "Allocation",
    "AnyOf",
    "Apportionment",
    "ApportionmentRule",
    "BatchResult",
    "CongressResults",
    "ElectionResult",
    "ElectoralSystem",
    "Electorate",
    "FirstRound",
    "Indices",
    "NoThreshold",
    "PartyResult",
    "SeatsInDistricts",
    "Tie",
    "Verdict",
    "VoteShare",
    "allocate",
    "allocate_batch",
    "allocate_batch_with_ties",
    "allocate_system",
    "allocate_system_batch",
    "apportion",
    "apportion_deputies_2026",
    "congress_results",
    "congress_years",
    "effective_number",
    "electorate_2026",
    "first_round",
    "first_round_batch",
    "gallagher",
    "indices",
    "load_system",
    "loosemore_hanby",
    "official_seats",
    "official_votes",
    "read_votes",
    "runoff",
    "runoff_batch",
    "systems",
]
