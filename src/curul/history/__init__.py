"""Peru 2016-2026 as data: a sourced event file replayed through the constitution engine, and the
counterfactual scenarios that start from it.

``presidents()`` gives the eight presidents with how each took and left office; ``replay_history()``
gives every event with its trace and outcome (``history(events=True)`` is the same as ``curul history``
shows it); ``run_scenario(load_scenario(path))`` replays the history
up to a date and applies a counterfactual; ``transitions()`` gives each change of president with the
events that made it, each with its trace.
"""

from curul.constitution import PresidentRow
from curul.history._scenario import Scenario, ScenarioResult, load_scenario, run_scenario
from curul.history._timeline import history, history_events, presidents, presidents_frame, replay_history
from curul.history._transitions import Transition, TransitionEvent, Transitions, transitions

__all__ = [
    "PresidentRow",
    "Scenario",
    "ScenarioResult",
    "Transition",
    "TransitionEvent",
    "Transitions",
    "history",
    "history_events",
    "load_scenario",
    "presidents",
    "presidents_frame",
    "replay_history",
    "run_scenario",
    "transitions",
]
