"""Peru 2016-2026 as data: a sourced event file, replayed through the constitution engine.

``presidents()`` gives the eight presidents with how each took and left office; ``replay_history()``
gives every event with its trace and outcome.
"""

from curul.history._replay import PresidentRow, history_events, presidents, presidents_frame, replay_history

__all__ = ["PresidentRow", "history_events", "presidents", "presidents_frame", "replay_history"]
