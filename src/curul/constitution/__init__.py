"""The constitution as code: regimes (rules as data), thresholds, and the engine that applies events.

``votes_needed("vacancy.approval")`` gives the votes a procedure needs today and the formula;
``apply(state, event)`` moves a dated political state forward one event and explains every step.
"""

from curul.constitution._regime import (
    Chamber,
    Provision,
    Regime,
    Rule,
    load_regime,
    load_regime_file,
    regime_for_date,
    regimes,
)
from curul.constitution._thresholds import Threshold, required_votes, required_votes_array
from curul.constitution._votes import ThresholdResult, procedures, votes_needed

__all__ = [
    "Chamber",
    "Provision",
    "Regime",
    "Rule",
    "Threshold",
    "ThresholdResult",
    "load_regime",
    "load_regime_file",
    "procedures",
    "regime_for_date",
    "regimes",
    "required_votes",
    "required_votes_array",
    "votes_needed",
]
