"""The constitution as code: regimes (rules as data), thresholds, and the engine that applies events.

``articles("113")`` names, for an article, the rules that cite it and the code that applies it;
``votes_needed("vacancy.approval")`` gives the votes a procedure needs today and the formula;
``apply(state, event)`` moves a dated political state forward one event and explains every step;
``replay(events)`` applies a sequence of them; ``advance(state, date)`` applies what the date alone
changes (the regime in force, the terms that end). Event files are read with ``read_toml`` and validated by
``parse_events`` (every mistake at its ``file:line:column``). Contested readings of the rules are named
options (``READINGS``). The bundled history and counterfactual scenarios built on it are
``curul.history``'s.
"""

from curul.constitution._articles import ArticleEntry, ArticleIndex, CitedRule, article_keys, articles
from curul.constitution._calendar import advance
from curul.constitution._engine import apply, initial_state
from curul.constitution._event_file import parse_events
from curul.constitution._events import Event
from curul.constitution._readings import READINGS, Choice, Reading, ReadingListing, readings, resolve_options
from curul.constitution._regime import Chamber, Provision, Regime, Rule
from curul.constitution._regime_file import load_regime, load_regime_file, regime_for_date, regimes
from curul.constitution._replay import PresidentRow, Replay, replay
from curul.constitution._state import Board, Council, State, Tenure
from curul.constitution._thresholds import Threshold, required_votes, required_votes_array
from curul.constitution._trace import Trace, TraceStep, outcome_of
from curul.constitution._votes import ThresholdListing, ThresholdResult, rules, thresholds, votes_needed
from curul.constitution.procedures import EVENT_TYPES
from curul.inputs import TomlLocator, parse_toml, read_toml

__all__ = [
    "EVENT_TYPES",
    "READINGS",
    "ArticleEntry",
    "ArticleIndex",
    "Board",
    "Chamber",
    "Choice",
    "CitedRule",
    "Council",
    "Event",
    "PresidentRow",
    "Provision",
    "Reading",
    "ReadingListing",
    "Regime",
    "Replay",
    "Rule",
    "State",
    "Tenure",
    "Threshold",
    "ThresholdListing",
    "ThresholdResult",
    "TomlLocator",
    "Trace",
    "TraceStep",
    "advance",
    "apply",
    "article_keys",
    "articles",
    "initial_state",
    "load_regime",
    "load_regime_file",
    "outcome_of",
    "parse_events",
    "parse_toml",
    "read_toml",
    "readings",
    "regime_for_date",
    "regimes",
    "replay",
    "required_votes",
    "required_votes_array",
    "resolve_options",
    "rules",
    "thresholds",
    "votes_needed",
]
