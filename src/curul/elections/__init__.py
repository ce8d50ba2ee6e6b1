"""Elections: official results, electoral systems, exact and batch seat allocation, presidential rounds.

Results a person reads (an allocation, an election result, the official results, the systems, the 2026
Deputies apportionment, the indices) follow curul's result protocol: ``as_dict()`` (the ``--json`` keys),
``report()`` (with ``__rich__`` and ``_repr_html_``) and, where tabular, ``to_frame()``.
"""

from curul.elections._allocation import METHODS, Allocation, Tie, allocate
from curul.elections._apportionment import Apportionment, ApportionmentRule, apportion
from curul.elections._batch import allocate_batch, allocate_batch_with_ties
from curul.elections._comparison import OfficialComparison, SeatDifference
from curul.elections._district_sums import district_totals, over_districts
from curul.elections._election import ElectionResult, allocate_system
from curul.elections._electorate import (
    DeputiesApportionment,
    Electorate,
    apportion_deputies_2026,
    deputies_apportionment,
    electorate_2026,
    parse_electors,
    read_electorate,
)
from curul.elections._indices import Indices, effective_number, gallagher, indices, loosemore_hanby
from curul.elections._margins import LastSeat, Margin, Quotient, SeatSwap, votes_to_pass
from curul.elections._official import (
    allocate_official,
    allocate_partial,
    compare_official,
    official_seats,
    official_votes,
)
from curul.elections._partial import CountStage, partial_votes
from curul.elections._presidential import FirstRound, first_round, first_round_batch, runoff, runoff_batch
from curul.elections._readings import ChosenReading, Reading, ReadingChoice, parse_reading_args
from curul.elections._results import CongressResults, PartyResult, congress_results, congress_years
from curul.elections._results_2026 import (
    FirstRound2026,
    PartialContest,
    Results2026,
    election_results,
    results_2026,
)
from curul.elections._system_batch import (
    BatchResult,
    SystemSeats,
    allocate_system_batch,
    allocate_system_seats,
)
from curul.elections._systems import ElectoralSystem, SystemsListing, load_system, systems, systems_listing
from curul.elections._thresholds import AllOf, AnyOf, NoThreshold, SeatsInDistricts, Verdict, VoteShare
from curul.elections._votes import allocate_file, read_votes

__all__ = [
    "METHODS",
    "AllOf",
    "Allocation",
    "AnyOf",
    "Apportionment",
    "ApportionmentRule",
    "BatchResult",
    "ChosenReading",
    "CongressResults",
    "CountStage",
    "DeputiesApportionment",
    "ElectionResult",
    "ElectoralSystem",
    "Electorate",
    "FirstRound",
    "FirstRound2026",
    "Indices",
    "LastSeat",
    "Margin",
    "NoThreshold",
    "OfficialComparison",
    "PartialContest",
    "PartyResult",
    "Quotient",
    "Reading",
    "ReadingChoice",
    "Results2026",
    "SeatDifference",
    "SeatSwap",
    "SeatsInDistricts",
    "SystemSeats",
    "SystemsListing",
    "Tie",
    "Verdict",
    "VoteShare",
    "allocate",
    "allocate_batch",
    "allocate_batch_with_ties",
    "allocate_file",
    "allocate_official",
    "allocate_partial",
    "allocate_system",
    "allocate_system_batch",
    "allocate_system_seats",
    "apportion",
    "apportion_deputies_2026",
    "compare_official",
    "congress_results",
    "congress_years",
    "deputies_apportionment",
    "district_totals",
    "effective_number",
    "election_results",
    "electorate_2026",
    "first_round",
    "first_round_batch",
    "gallagher",
    "indices",
    "load_system",
    "loosemore_hanby",
    "official_seats",
    "official_votes",
    "over_districts",
    "parse_electors",
    "parse_reading_args",
    "partial_votes",
    "read_electorate",
    "read_votes",
    "results_2026",
    "runoff",
    "runoff_batch",
    "systems",
    "systems_listing",
    "votes_to_pass",
]
