"""Peru since 2016 as data: a sourced event file replayed through the constitution engine, and the
counterfactual scenarios that start from it.

``state(on=date)`` says who holds power on a date (offices with their sources, the regime, the chambers,
the lines of succession); ``presidents()`` gives the nine presidents with how each took and left office;
``replay_history()`` gives every event with its trace and outcome (``history(events=True)`` is the same
as ``curul history`` shows it); ``run_scenario(load_scenario(path))`` replays the history
up to a date and applies a counterfactual; ``scenario_from_fields(...)`` builds the same scenario from a
form's values (``scenario_fields`` and ``example_scenarios`` start one from an example file);
``transitions()`` gives each change of president with the events that made it, each with its trace.
"""

from curul.constitution import PresidentRow
from curul.history._power_state import Office, PowerState, state
from curul.history._scenario import Scenario, ScenarioResult, load_scenario, run_scenario
from curul.history._scenario_fields import (
    EVENT_FIELDS,
    MAX_EVENTS,
    example_scenarios,
    scenario_fields,
    scenario_from_fields,
)
from curul.history._timeline import history, history_events, presidents, presidents_frame, replay_history
from curul.history._transitions import Transition, TransitionEvent, Transitions, transitions

__all__ = [
    "EVENT_FIELDS",
    "MAX_EVENTS",
    "Office",
    "PowerState",
    "PresidentRow",
    "Scenario",
    "ScenarioResult",
    "Transition",
    "TransitionEvent",
    "Transitions",
    "example_scenarios",
    "history",
    "history_events",
    "load_scenario",
    "presidents",
    "presidents_frame",
    "replay_history",
    "run_scenario",
    "scenario_fields",
    "scenario_from_fields",
    "state",
    "transitions",
]
