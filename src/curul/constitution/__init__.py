"""The constitution as code: regimes (rules as data), thresholds, and the engine that applies events.

``votes_needed("vacancy.approval")`` gives the votes a procedure needs today and the formula;
``apply(state, event)`` moves a dated political state forward one event and explains every step;
``run_scenario(load_scenario(path))`` replays the bundled history up to a date and applies a
counterfactual. Contested readings of the rules are named options (``READINGS``).
"""

from curul.constitution._engine import apply, initial_state
from curul.constitution._events import EVENT_TYPES, Event
from curul.constitution._readings import READINGS, Choice, Reading, resolve_options
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
from curul.constitution._scenario import (
    Replay,
    Scenario,
    ScenarioResult,
    load_scenario,
    replay,
    run_scenario,
)
from curul.constitution._state import Board, Council, State, Tenure
from curul.constitution._thresholds import Threshold, required_votes, required_votes_array
from curul.constitution._trace import TraceStep, outcome_of
from curul.constitution._votes import ThresholdResult, procedures, votes_needed

__all__ = [
    "EVENT_TYPES",
    "READINGS",
    "Board",
    "Chamber",
    "Choice",
    "Council",
    "Event",
    "Provision",
    "Reading",
    "Regime",
    "Replay",
    "Rule",
    "Scenario",
    "ScenarioResult",
    "State",
    "Tenure",
    "Threshold",
    "ThresholdResult",
    "TraceStep",
    "apply",
    "initial_state",
    "load_regime",
    "load_regime_file",
    "load_scenario",
    "outcome_of",
    "procedures",
    "regime_for_date",
    "regimes",
    "replay",
    "required_votes",
    "required_votes_array",
    "resolve_options",
    "run_scenario",
    "votes_needed",
]
